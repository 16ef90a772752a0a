// The application shell: the data layer and the toast around everything; loads
// app info, settings and the open case from the core, then shows the start
// screen or the case screen, plus the About and Settings dialogs. Keeps itself
// in step with the core through events.
import { Button, SkipLink } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, ProjectSummary, Settings } from '../../src-shared/domain';
import { api } from './api/client';
import { ApiProvider, ApiScope, createApiQueryClient } from './api';
import { ToastProvider } from './components/Toast';
import { AppHeader } from './components/AppHeader';
import { ErrorAlert } from './components/ErrorAlert';
import { LoadingState } from './components/LoadingState';
import { useApiEvent } from './hooks/useApiEvent';
import { applyLocale } from './i18n';
import { toUiError, type UiError } from './lib/errors';
import { AboutScreen } from './screens/AboutScreen';
import type { ViewId } from './components/case/caseContext';
import { CaseScreen } from './screens/CaseScreen';
import { SettingsDialog } from './screens/SettingsDialog';
import { StartScreen } from './screens/StartScreen';

interface Loaded {
  info: AppInfo;
  settings: Settings;
  project: ProjectSummary | null;
}

type DialogName = 'about' | 'settings' | null;

const queryClient = createApiQueryClient();

export function App() {
  return (
    <ApiProvider client={api} queryClient={queryClient}>
      <ToastProvider>
        <Shell />
      </ToastProvider>
    </ApiProvider>
  );
}

function Shell() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [bootError, setBootError] = useState<UiError | null>(null);
  const [dialog, setDialog] = useState<DialogName>(null);
  /** Where the next opened case starts (the demo opens on its responses). */
  const [startView, setStartView] = useState<ViewId | undefined>(undefined);
  const mainRef = useRef<HTMLElement>(null);

  const boot = useCallback(async () => {
    setBootError(null);
    try {
      const [info, settings, project] = await Promise.all([
        api.app.info(),
        api.settings.get(),
        api.project.current(),
      ]);
      await applyLocale(settings.locale);
      setLoaded({ info, settings, project });
    } catch (e) {
      setBootError(toUiError(e));
    }
  }, []);

  useEffect(() => {
    void boot();
  }, [boot]);

  // While the demo loads, the case it creates is not shown until its
  // responses are in (the core announces the new case before importing).
  const demoLoading = useRef(false);

  // Another window or the core itself may open or close a case; the recent
  // list in the settings changes with it.
  const refreshProject = useCallback(() => {
    Promise.all([api.project.current(), api.settings.get()])
      .then(([project, settings]) => setLoaded((prev) => (prev ? { ...prev, project, settings } : prev)))
      .catch(() => undefined); // the next action will surface a lasting problem
  }, []);

  useApiEvent('project.changed', () => {
    if (!demoLoading.current) refreshProject();
  });

  const project = loaded?.project ?? null;
  const projectPath = project?.path ?? null;

  useEffect(() => {
    document.title = project ? `${project.title} – ${t('app.name')}` : t('app.name');
  }, [project, t]);

  // Move focus to the new screen when a case is opened or closed, so keyboard
  // and screen reader users start at its top. A layout effect, so it happens
  // in the same task as the new screen appears and never steals focus later.
  const firstPath = useRef<string | null | undefined>(undefined);
  useLayoutEffect(() => {
    if (!loaded) return;
    if (firstPath.current === undefined) {
      firstPath.current = projectPath;
      return;
    }
    mainRef.current?.focus();
  }, [loaded, projectPath]);

  const setProject = (next: ProjectSummary | null, view?: ViewId) => {
    setStartView(view);
    setLoaded((prev) => (prev ? { ...prev, project: next } : prev));
  };

  async function saveSettings(settings: Settings) {
    await applyLocale(settings.locale);
    setLoaded((prev) => (prev ? { ...prev, settings } : prev));
    setDialog(null);
  }

  if (!loaded) {
    return (
      <main className="app-main app-main--centered" id="main">
        {bootError ? (
          <div className="stack boot-error">
            <ErrorAlert title={t('app.bootFailed')} error={bootError} data-testid="boot-error" />
            <div>
              <Button onClick={() => void boot()}>{t('app.retry')}</Button>
            </div>
          </div>
        ) : (
          <LoadingState label={t('app.loading')} />
        )}
      </main>
    );
  }

  return (
    <div className="app">
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <AppHeader
        onAbout={() => setDialog('about')}
        onSettings={() => setDialog('settings')}
      />
      <main className={`app-main${project ? ' app-main--wide' : ''}`} id="main" ref={mainRef} tabIndex={-1}>
        {project ? (
          <ApiScope key={project.path} scope={project.path}>
            <CaseScreen project={project} initialView={startView} onClosed={() => setProject(null)} />
          </ApiScope>
        ) : (
          <StartScreen
            workspaceDir={loaded.info.workspaceDir}
            recentProjects={loaded.settings.recentProjects}
            onProjectReady={(p) => setProject(p)}
            onDemoStart={() => {
              demoLoading.current = true;
            }}
            onDemoEnd={(p) => {
              demoLoading.current = false;
              if (p) setProject(p, 'responses');
              else refreshProject(); // a failed demo may still have made its case
            }}
          />
        )}
      </main>
      <AboutScreen open={dialog === 'about'} info={loaded.info} onClose={() => setDialog(null)} />
      <SettingsDialog
        open={dialog === 'settings'}
        settings={loaded.settings}
        onClose={() => setDialog(null)}
        onSaved={(s) => void saveSettings(s)}
      />
    </div>
  );
}
