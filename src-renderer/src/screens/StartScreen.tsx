// Shown when no case is open: create a new case, open an existing one, open
// a work package from a colleague as a working copy, or try the app on
// synthetic demo data.
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../src-shared/domain';
import { CreateProjectForm } from '../components/start/CreateProjectForm';
import { DemoPanel } from '../components/start/DemoPanel';
import { OpenProjectPanel } from '../components/start/OpenProjectPanel';
import { OpenPackagePanel } from '../components/team/OpenPackagePanel';

interface Props {
  workspaceDir: string;
  recentProjects: string[];
  onProjectReady: (project: ProjectSummary) => void;
  onDemoStart: () => void;
  /** The demo case with its responses, or null if loading it failed. */
  onDemoEnd: (project: ProjectSummary | null) => void;
}

export function StartScreen({ workspaceDir, recentProjects, onProjectReady, onDemoStart, onDemoEnd }: Props) {
  const { t } = useTranslation();
  return (
    <div className="screen" data-testid="start-screen">
      <div className="screen__intro">
        <Heading level={1} data-size="md">
          {t('start.heading')}
        </Heading>
        <Paragraph className="muted">{t('start.intro')}</Paragraph>
      </div>
      <div className="start-grid">
        <CreateProjectForm workspaceDir={workspaceDir} onReady={onProjectReady} />
        <OpenProjectPanel recentProjects={recentProjects} onOpened={onProjectReady} />
      </div>
      <OpenPackagePanel workspaceDir={workspaceDir} onOpened={onProjectReady} />
      <DemoPanel onStart={onDemoStart} onEnd={onDemoEnd} />
    </div>
  );
}
