// Opens an existing case: from the workspace folder, from the recently opened
// list, or from any path the user types.
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectFile, ProjectSummary } from '../../../../src-shared/domain';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/useApiEvent';
import { toUiError, type UiError } from '../../lib/errors';
import { fileNameOf, formatBytes, formatDateTime } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { DamagedProjectOffer } from '../backup/DamagedProjectOffer';
import { FileButton } from './FileButton';

interface Props {
  recentProjects: string[];
  onOpened: (project: ProjectSummary) => void;
}

export function OpenProjectPanel({ recentProjects, onOpened }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [files, setFiles] = useState<ProjectFile[] | null>(null);
  const [pathValue, setPathValue] = useState('');
  const [pathError, setPathError] = useState<string | null>(null);
  const [busyPath, setBusyPath] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  /** The project that failed to open, when it may be damaged (its snapshots are offered). */
  const [damaged, setDamaged] = useState<string | null>(null);

  const loadFiles = useCallback(() => {
    api.project
      .list()
      .then(setFiles)
      .catch((e: unknown) => setError(toUiError(e)));
  }, []);

  useEffect(loadFiles, [loadFiles]);
  useApiEvent('project.changed', loadFiles);

  async function open(path: string) {
    setError(null);
    setDamaged(null);
    setBusyPath(path);
    try {
      onOpened(await api.project.open({ path }));
    } catch (e) {
      const failed = toUiError(e);
      setError(failed);
      if (failed.code === 'CORRUPT' || failed.code === 'NOT_A_PROJECT') setDamaged(path);
      setBusyPath(null);
    }
  }

  function submitPath(event: FormEvent) {
    event.preventDefault();
    const path = pathValue.trim();
    if (!path) {
      setPathError(t('start.open.pathRequired'));
      return;
    }
    setPathError(null);
    void open(path);
  }

  const busy = busyPath !== null;

  return (
    <section className="panel" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('start.open.heading')}
      </Heading>
      {error && (
        <ErrorAlert title={t('start.open.failed')} error={error} data-testid="open-error">
          {damaged && <DamagedProjectOffer projectPath={damaged} onOpened={onOpened} />}
        </ErrorAlert>
      )}

      <Heading level={3} data-size="2xs">
        {t('start.open.workspace')}
      </Heading>
      {files === null ? null : files.length === 0 ? (
        <Paragraph data-size="sm" className="muted" data-testid="project-list-empty">
          {t('start.open.workspaceEmpty')}
        </Paragraph>
      ) : (
        <ul className="file-list" data-testid="project-list">
          {files.map((f) => (
            <li key={f.path} data-testid="project-list-item" data-path={f.path}>
              <FileButton
                name={f.name}
                detail={t('start.open.fileDetail', { date: formatDateTime(f.modifiedAt), size: formatBytes(f.sizeBytes) })}
                busy={busyPath === f.path}
                disabled={busy}
                onClick={() => void open(f.path)}
              />
            </li>
          ))}
        </ul>
      )}

      <Heading level={3} data-size="2xs">
        {t('start.open.recent')}
      </Heading>
      {recentProjects.length === 0 ? (
        <Paragraph data-size="sm" className="muted" data-testid="recent-projects-empty">
          {t('start.open.recentEmpty')}
        </Paragraph>
      ) : (
        <ul className="file-list" data-testid="recent-projects">
          {recentProjects.map((p) => (
            <li key={p} data-testid="recent-project-item" data-path={p}>
              <FileButton
                name={fileNameOf(p)}
                detail={p}
                busy={busyPath === p}
                disabled={busy}
                onClick={() => void open(p)}
              />
            </li>
          ))}
        </ul>
      )}

      <form className="inline-form" onSubmit={submitPath} noValidate data-testid="open-path-form">
        <Textfield
          className="inline-form__field"
          label={t('start.open.path')}
          description={t('start.open.pathDescription')}
          value={pathValue}
          onChange={(e) => setPathValue(e.target.value)}
          error={pathError ?? undefined}
          spellCheck={false}
          autoComplete="off"
          data-testid="open-path-input"
        />
        <Button type="submit" variant="secondary" disabled={busy} data-testid="open-path-button">
          {t('start.open.submit')}
        </Button>
      </form>
    </section>
  );
}
