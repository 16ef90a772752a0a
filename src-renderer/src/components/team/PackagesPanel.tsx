// "Arbeidspakker": make a work package for one caseworker, see the packages
// made so far with what has come back from each, and merge a return package
// (typed path or an uploaded file) into this master project.
import { Button, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RETURN_PACKAGE_EXTENSION, WORK_PACKAGE_EXTENSION, type AssignmentOverview, type MergeReport, type PackageExportResult, type WorkPackageSummary } from '../../../../src-shared/team';
import { api } from '../../api/client';
import { toUiError, type UiError } from '../../lib/errors';
import { formatDate, formatDateTime, formatNumber, typedTarget } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { FileField, useFileChoice } from './FileField';
import { MergeReportView } from './MergeReportView';
import { PassphraseField, passphraseProblem } from './PassphraseField';
import { SavedFilePanel } from '../SavedFilePanel';

interface Props {
  overview: AssignmentOverview;
  packages: WorkPackageSummary[];
  onShowConflicts: () => void;
}

export function PackagesPanel({ overview, packages, onShowConflicts }: Props) {
  const { t } = useTranslation();
  const ids = { export: useId(), list: useId(), merge: useId(), assignee: useId() };

  const [assignee, setAssignee] = useState('');
  const [fileName, setFileName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [mergePassphrase, setMergePassphrase] = useState('');
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<PackageExportResult | null>(null);
  const [exportError, setExportError] = useState<UiError | null>(null);

  const file = useFileChoice();
  const [merging, setMerging] = useState(false);
  const [report, setReport] = useState<MergeReport | null>(null);
  const [mergeError, setMergeError] = useState<UiError | null>(null);

  const chosen = assignee || (overview.assignees.length === 1 ? overview.assignees[0].assignee : '');

  async function exportPackage(event: FormEvent) {
    event.preventDefault();
    if (!chosen || passphraseProblem(passphrase)) return;
    setExporting(true);
    setExported(null);
    setExportError(null);
    try {
      setExported(await api.team.exportPackage({ assignee: chosen, target: typedTarget(fileName, WORK_PACKAGE_EXTENSION), passphrase: passphrase || undefined }));
    } catch (e) {
      setExportError(toUiError(e));
    } finally {
      setExporting(false);
    }
  }

  async function merge(event: FormEvent) {
    event.preventDefault();
    const path = file.requirePath();
    if (!path) return;
    setMerging(true);
    setReport(null);
    setMergeError(null);
    try {
      setReport(await api.team.mergeReturn({ path, passphrase: mergePassphrase || undefined }));
    } catch (e) {
      setMergeError(toUiError(e));
    } finally {
      setMerging(false);
    }
  }

  return (
    <div className="stack" data-testid="team-packages">
      <section className="panel stack" aria-labelledby={ids.export} data-testid="team-export">
        <Heading level={3} data-size="xs" id={ids.export}>
          {t('team.packages.exportHeading')}
        </Heading>
        <Paragraph data-size="sm" className="muted">
          {t('team.packages.exportIntro')}
        </Paragraph>
        {overview.assignees.length === 0 ? (
          <Paragraph data-size="sm" data-testid="team-export-none">
            {t('team.packages.noAssignees')}
          </Paragraph>
        ) : (
          <form className="stack" onSubmit={(e) => void exportPackage(e)} noValidate>
            <div className="team-export__fields">
              <Field data-size="sm">
                <Label htmlFor={ids.assignee}>{t('team.packages.assignee')}</Label>
                <Select id={ids.assignee} value={chosen} onChange={(e) => setAssignee(e.target.value)} data-testid="team-export-assignee">
                  {overview.assignees.length > 1 && <Select.Option value="">{t('team.packages.chooseAssignee')}</Select.Option>}
                  {overview.assignees.map((a) => (
                    <Select.Option key={a.assignee} value={a.assignee}>
                      {t('team.packages.assigneeOption', { name: a.assignee, count: a.respondents, formatted: formatNumber(a.respondents) })}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Textfield
                data-size="sm"
                label={t('team.packages.fileName')}
                description={t('team.packages.fileNameDescription')}
                value={fileName}
                onChange={(e) => setFileName(e.target.value)}
                spellCheck={false}
                autoComplete="off"
                data-testid="team-export-file"
              />
            </div>
            <PassphraseField mode="make" value={passphrase} onChange={setPassphrase} disabled={exporting} testId="team-export-passphrase" />
            <div>
              <Button type="submit" data-size="sm" loading={exporting} disabled={exporting || !chosen} data-testid="team-export-submit">
                {t('team.packages.submit')}
              </Button>
            </div>
          </form>
        )}
        {exportError && <ErrorAlert title={t('team.packages.failed')} error={exportError} data-testid="team-export-error" />}
        {exported && (
          <SavedFilePanel
            level={4}
            className="team-saved"
            heading={t('team.packages.resultHeading', { name: exported.assignee })}
            fileName={exported.fileName}
            path={exported.path}
            sizeBytes={exported.sizeBytes}
            facts={[
              { key: 'respondents', label: t('team.overview.columns.respondents'), value: formatNumber(exported.respondents) },
              { key: 'responses', label: t('team.overview.columns.responses'), value: formatNumber(exported.responses) },
            ]}
            data-testid="team-export-result"
          >
            <Paragraph data-size="sm">{t('team.packages.sendIt', { name: exported.assignee })}</Paragraph>
            {exported.encrypted && <Paragraph data-size="sm" data-testid="team-export-encrypted">{t('team.passphrase.encrypted')}</Paragraph>}
          </SavedFilePanel>
        )}
      </section>

      <section className="stack stack--tight" aria-labelledby={ids.list}>
        <Heading level={3} data-size="xs" id={ids.list}>
          {t('team.packages.listHeading')}
        </Heading>
        {packages.length === 0 ? (
          <Paragraph data-size="sm" className="muted" data-testid="team-packages-empty">
            {t('team.packages.listEmpty')}
          </Paragraph>
        ) : (
          <div className="table-wrap">
            <Table border data-size="sm" data-testid="team-packages-table">
              <caption className="ds-sr-only">{t('team.packages.listHeading')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('team.packages.columns.assignee')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('team.packages.columns.created')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">{t('team.packages.columns.respondents')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">{t('team.packages.columns.responses')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('team.packages.columns.merged')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">{t('team.packages.columns.conflicts')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {packages.map((p) => (
                  <Table.Row key={p.id} data-testid="team-package-row" data-assignee={p.assignee} data-merges={p.merges}>
                    <Table.HeaderCell scope="row">{p.assignee}</Table.HeaderCell>
                    <Table.Cell>{t('team.packages.createdBy', { date: formatDateTime(p.createdAt), user: p.createdBy })}</Table.Cell>
                    <Table.Cell className="numeric">{formatNumber(p.respondents)}</Table.Cell>
                    <Table.Cell className="numeric">{formatNumber(p.responses)}</Table.Cell>
                    <Table.Cell data-testid="team-package-merged">
                      {p.merges === 0 ? (
                        <span className="muted">{t('team.packages.notMerged')}</span>
                      ) : (
                        t('team.packages.merges', { count: p.merges, formatted: formatNumber(p.merges), date: formatDate(p.lastMergedAt) })
                      )}
                    </Table.Cell>
                    <Table.Cell className="numeric" data-testid="team-package-conflicts">
                      {p.openConflicts > 0 ? (
                        <button type="button" className="link-button" onClick={onShowConflicts}>
                          {formatNumber(p.openConflicts)}
                        </button>
                      ) : (
                        '0'
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>

      <section className="panel stack" aria-labelledby={ids.merge} data-testid="team-merge">
        <Heading level={3} data-size="xs" id={ids.merge}>
          {t('team.merge.heading')}
        </Heading>
        <Paragraph data-size="sm" className="muted">
          {t('team.merge.intro')}
        </Paragraph>
        <form className="stack" onSubmit={(e) => void merge(e)} noValidate>
          <FileField
            label={t('team.merge.path')}
            description={t('team.merge.pathDescription')}
            accept={RETURN_PACKAGE_EXTENSION}
            {...file.field}
            disabled={merging}
            testId="team-merge-file"
          />
          <PassphraseField mode="use" value={mergePassphrase} onChange={setMergePassphrase} disabled={merging} testId="team-merge-passphrase" />
          <div>
            <Button type="submit" data-size="sm" loading={merging} disabled={merging} data-testid="team-merge-submit">
              {merging ? t('team.merge.submitting') : t('team.merge.submit')}
            </Button>
          </div>
        </form>
        {mergeError && <ErrorAlert title={t('team.merge.failed')} error={mergeError} data-testid="team-merge-error" />}
        {report && <MergeReportView report={report} onShowConflicts={onShowConflicts} />}
      </section>
    </div>
  );
}
