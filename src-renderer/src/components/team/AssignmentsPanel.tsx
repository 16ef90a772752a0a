// "Tildeling": per caseworker how many respondents and responses they have,
// how many are done and how many they share with someone else (double-coded),
// and how many are still unassigned; below it, the form that assigns more.
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentOverview } from '../../../../src-shared/team';
import { formatNumber } from '../../lib/format';
import { ConfirmDialog } from '../coding/ConfirmDialog';
import { ErrorAlert } from '../ErrorAlert';
import { AssignForm } from './AssignForm';
import { UNASSIGNED } from '../../../../src-shared/team';
import { useApiMutation } from '../../api';

interface Props {
  overview: AssignmentOverview;
  onOpenResponses: (assignee: string) => void;
}

export function AssignmentsPanel({ overview, onOpenResponses }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [removing, setRemoving] = useState<{ name: string; respondents: number } | null>(null);
  const unassign = useApiMutation('team.unassign', { onSuccess: () => setRemoving(null) });
  const busy = unassign.isPending;
  const error = unassign.error;

  function removeAll() {
    if (removing) void unassign.run({ assignee: removing.name, all: true });
  }

  return (
    <div className="stack" data-testid="team-assignments">
      <section className="stack stack--tight" aria-labelledby={headingId}>
        <Heading level={3} data-size="xs" id={headingId}>
          {t('team.overview.heading')}
        </Heading>
        {overview.assignees.length === 0 && (
          <Paragraph data-size="sm" className="muted" data-testid="team-overview-empty">
            {t('team.overview.empty')}
          </Paragraph>
        )}
        <div className="table-wrap">
          <Table border data-size="sm" data-testid="team-overview-table">
            <caption className="ds-sr-only">{t('team.overview.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('team.overview.columns.assignee')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">{t('team.overview.columns.respondents')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">{t('team.overview.columns.responses')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">{t('team.overview.columns.done')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">{t('team.overview.columns.shared')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">
                  <span className="ds-sr-only">{t('team.overview.columns.actions')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {overview.assignees.map((a) => (
                <Table.Row key={a.assignee} data-testid="team-overview-row" data-assignee={a.assignee}>
                  <Table.HeaderCell scope="row">{a.assignee}</Table.HeaderCell>
                  <Table.Cell className="numeric" data-testid="team-overview-respondents">{formatNumber(a.respondents)}</Table.Cell>
                  <Table.Cell className="numeric" data-testid="team-overview-responses">{formatNumber(a.responses)}</Table.Cell>
                  <Table.Cell className="numeric" data-testid="team-overview-done">{formatNumber(a.done)}</Table.Cell>
                  <Table.Cell className="numeric" data-testid="team-overview-shared">{formatNumber(a.shared)}</Table.Cell>
                  <Table.Cell>
                    <div className="button-row team-row-actions">
                      <Button data-size="sm" variant="tertiary" onClick={() => onOpenResponses(a.assignee)} data-testid="team-overview-show">
                        {t('team.overview.showResponses')}
                        <span className="ds-sr-only"> – {a.assignee}</span>
                      </Button>
                      <Button
                        data-size="sm"
                        variant="tertiary"
                        data-color="danger"
                        onClick={() => setRemoving({ name: a.assignee, respondents: a.respondents })}
                        data-testid="team-overview-remove"
                      >
                        {t('team.overview.unassignAll')}
                        <span className="ds-sr-only"> – {a.assignee}</span>
                      </Button>
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
              <Table.Row className="total-row" data-testid="team-overview-unassigned">
                <Table.HeaderCell scope="row">{t('team.unassigned')}</Table.HeaderCell>
                <Table.Cell className="numeric" data-testid="team-overview-respondents">{formatNumber(overview.unassigned.respondents)}</Table.Cell>
                <Table.Cell className="numeric" data-testid="team-overview-responses">{formatNumber(overview.unassigned.responses)}</Table.Cell>
                <Table.Cell className="numeric">–</Table.Cell>
                <Table.Cell className="numeric">–</Table.Cell>
                <Table.Cell>
                  {overview.unassigned.responses > 0 && (
                    <Button data-size="sm" variant="tertiary" onClick={() => onOpenResponses(UNASSIGNED)} data-testid="team-overview-show-unassigned">
                      {t('team.overview.showResponses')}
                      <span className="ds-sr-only"> – {t('team.unassigned')}</span>
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            </Table.Body>
          </Table>
        </div>
        {overview.doubleCoded > 0 && (
          <Paragraph data-size="sm" className="muted" data-testid="team-overview-double">
            {t('team.overview.doubleCoded', { count: overview.doubleCoded, formatted: formatNumber(overview.doubleCoded) })}
          </Paragraph>
        )}
        {error && <ErrorAlert title={t('team.assign.failed')} error={error} />}
      </section>

      <AssignForm overview={overview} />

      <ConfirmDialog
        open={removing !== null}
        title={t('team.overview.unassignAllTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('team.overview.unassignAllConfirm')}
        danger
        busy={busy}
        onConfirm={removeAll}
        onClose={() => setRemoving(null)}
        data-testid="team-remove-dialog"
      >
        <Paragraph data-size="sm">
          {t('team.overview.unassignAllBody', { name: removing?.name ?? '', count: removing?.respondents ?? 0, formatted: formatNumber(removing?.respondents ?? 0) })}
        </Paragraph>
      </ConfirmDialog>
    </div>
  );
}
