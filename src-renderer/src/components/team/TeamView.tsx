// "Teamarbeid": splitting the case across laptops and merging it back. In
// the master project: who has which respondents (Tildeling), work packages
// out and return packages in (Arbeidspakker), and the changes that collided
// for the lead to decide (Konflikter). In a working copy: the return package.
import { Alert, Heading, Paragraph, Tabs } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentOverview, ConflictView, WorkPackageSummary } from '../../../../src-shared/team';
import { useApiQuery } from '../../api';
import { formatNumber } from '../../lib/format';
import { useCase } from '../case/caseContext';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { TabPanels } from '../TabPanels';
import { AssignmentsPanel } from './AssignmentsPanel';
import { ConflictsPanel } from './ConflictsPanel';
import { PackagesPanel } from './PackagesPanel';
import { ReturnPanel } from './ReturnPanel';
import './team.css';

type Tab = 'assignments' | 'packages' | 'conflicts';
const TABS: Tab[] = ['assignments', 'packages', 'conflicts'];

interface Loaded {
  overview: AssignmentOverview;
  packages: WorkPackageSummary[];
  conflicts: ConflictView[];
}

interface Props {
  /** Opens the response list filtered to a caseworker (or UNASSIGNED). */
  onOpenResponses: (assignee: string) => void;
}

export function TeamView({ onOpenResponses }: Props) {
  const { t } = useTranslation();
  const { project } = useCase();
  return (
    <section className="stack team-view" data-testid="team-view">
      <div className="stack stack--tight">
        <Heading level={2} data-size="md">
          {t('team.heading')}
        </Heading>
        <Paragraph data-size="sm" className="muted">
          {t('team.intro')}
        </Paragraph>
      </div>
      {project.workingCopy ? (
        <>
          <ReturnPanel copy={project.workingCopy} />
          <Alert data-color="info" data-size="sm" data-testid="team-master-only">
            <Paragraph data-size="sm">{t('team.return.masterOnly')}</Paragraph>
          </Alert>
        </>
      ) : (
        <MasterTeamView onOpenResponses={onOpenResponses} />
      )}
    </section>
  );
}

function MasterTeamView({ onOpenResponses }: Props) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('assignments');
  // Every write of this view (assign, package, merge, decision) changes team data, which these read.
  const overview = useApiQuery('team.assignments', {});
  const packages = useApiQuery('team.packages', {});
  const conflicts = useApiQuery('team.conflicts', { status: 'all' });
  const data: Loaded | null =
    overview.data && packages.data && conflicts.data ? { overview: overview.data, packages: packages.data, conflicts: conflicts.data } : null;
  const error = overview.error ?? packages.error ?? conflicts.error;

  if (error && !data) return <ErrorAlert title={t('team.loadFailed')} error={error} />;
  if (!data) return <LoadingState label={t('app.loading')} />;

  const open = data.conflicts.filter((c) => c.status === 'open').length;
  return (
    <>
      {error && <ErrorAlert title={t('team.loadFailed')} error={error} />}
      <Tabs value={tab} onChange={(v) => setTab(v as Tab)} data-size="sm">
        <Tabs.List>
          {TABS.map((id) => (
            <Tabs.Tab key={id} value={id} data-testid={`team-tab-${id}`}>
              {id === 'conflicts' && open > 0 ? t('team.tabs.conflictsN', { n: formatNumber(open) }) : t(`team.tabs.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <TabPanels tabs={TABS} active={tab}>
          {tab === 'assignments' && <AssignmentsPanel overview={data.overview} onOpenResponses={onOpenResponses} />}
          {tab === 'packages' && (
            <PackagesPanel overview={data.overview} packages={data.packages} onShowConflicts={() => setTab('conflicts')} />
          )}
          {tab === 'conflicts' && <ConflictsPanel conflicts={data.conflicts} packages={data.packages} />}
        </TabPanels>
      </Tabs>
    </>
  );
}
