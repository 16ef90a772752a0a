// "DFØ-funn": the evaluation findings register. DFØ's (and Difi's) reports,
// each with its findings and how many answers support, contradict, qualify or
// add to them; search and filters; forms for reports and findings; and the
// register as CSV or Excel in and out.
import { Button, Details, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGISTER_COLUMNS, type Finding, type FindingReport } from '../../../../src-shared/findings';
import { norwegianCompare } from '../../../../src-shared/norwegian';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { toUiError, type UiError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { DeleteDialog, FindingDialog, ReportDialog, type Deleting, type Editing } from './FindingDialogs';
import { copyText, downloadBase64, readAsBase64 } from './files';
import { formatPublished, linkTotal } from './findingFormat';
import { RelationCounts, VerifiedTag } from './relations';
import './findings.css';
import { ViewHeader } from '../ViewHeader';

export interface RegisterFilter {
  query: string;
  reportId: string;
  theme: string;
  verified: '' | 'yes' | 'no';
}

export const emptyRegisterFilter: RegisterFilter = { query: '', reportId: '', theme: '', verified: '' };

const SEARCH_DELAY_MS = 150;
const EXCHANGE_COLUMNS = REGISTER_COLUMNS;

/** When a report came out: its date, or the year and number in its key ("DFØ-rapport 2022:6"). */
function sortKey(r: FindingReport): string {
  const numbered = /(\d{4}):(\d+)/.exec(r.key);
  if (r.published && /^\d{4}/.test(r.published)) return `${r.published.slice(0, 10)}~${numbered ? numbered[2].padStart(3, '0') : ''}`;
  if (numbered) return `${numbered[1]}-00~${numbered[2].padStart(3, '0')}`;
  const year = /\b(\d{4})\b/.exec(r.key);
  return year ? `${year[1]}-99` : '9999';
}

function chronological(a: FindingReport, b: FindingReport): number {
  return sortKey(a).localeCompare(sortKey(b)) || norwegianCompare(a.key, b.key);
}

interface Props {
  filter: RegisterFilter;
  onFilterChange: (filter: RegisterFilter) => void;
  onOpen: (findingId: string) => void;
}

export function FindingsRegister({ filter, onFilterChange, onOpen }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const reportFilterId = useId();
  const themeFilterId = useId();
  const verifiedFilterId = useId();
  const [editingReport, setEditingReport] = useState<Editing<FindingReport>>(null);
  const [editingFinding, setEditingFinding] = useState<(Editing<Finding> & { reportId?: string | null }) | null>(null);
  const [deleting, setDeleting] = useState<Deleting>(null);
  const query = useDebouncedValue(filter.query, SEARCH_DELAY_MS);

  const reports = useApiQuery('findings.reports', {});
  // Every finding (the themes, and the links a report's deletion would take), and those the search shows.
  const all = useApiQuery('findings.list', {});
  // The search, report and theme are the core's; "verified" is filtered here.
  const searched = useApiQuery(
    'findings.list',
    { query: query.trim() || undefined, reportId: filter.reportId || undefined, theme: filter.theme || undefined },
    { keepPrevious: true },
  );
  const shown = searched.data;
  const data = useMemo(() => (reports.data && all.data ? { reports: reports.data, all: all.data } : null), [reports.data, all.data]);
  const error = reports.error ?? all.error ?? searched.error;

  const themes = useMemo(
    () => [...new Set((data?.all ?? []).flatMap((f) => (f.theme ? [f.theme] : [])))].sort(norwegianCompare),
    [data],
  );
  const active = filter.query.trim() !== '' || filter.reportId !== '' || filter.theme !== '' || filter.verified !== '';

  const visible = useMemo(
    () => (shown ?? []).filter((f) => filter.verified === '' || f.verified === (filter.verified === 'yes')),
    [shown, filter.verified],
  );

  const groups = useMemo(() => {
    if (!data) return [];
    const byReport = new Map<string | null, Finding[]>();
    for (const f of visible) byReport.set(f.reportId, [...(byReport.get(f.reportId) ?? []), f]);
    const list: { report: FindingReport | null; findings: Finding[] }[] = [...data.reports]
      .sort(chronological)
      .filter((r) => (active ? byReport.has(r.id) : true))
      .map((r) => ({ report: r, findings: byReport.get(r.id) ?? [] }));
    if (byReport.has(null)) list.push({ report: null, findings: byReport.get(null)! });
    return list;
  }, [data, visible, active]);

  const set = (patch: Partial<RegisterFilter>) => onFilterChange({ ...filter, ...patch });
  const reportsShown = groups.filter((g) => g.report).length;

  return (
    <section className="stack findings-register" aria-labelledby={headingId} data-testid="findings-register">
      <ViewHeader
        id={headingId}
        title={t('findings.heading')}
        description={t('findings.intro')}
        descriptionClassName="findings-intro"
        actions={
          <div className="button-row button-row--tight findings-register__actions">
            <Button data-size="sm" variant="secondary" onClick={() => setEditingReport({ item: null })} data-testid="report-new">
              {t('findings.actions.newReport')}
            </Button>
            <Button data-size="sm" onClick={() => setEditingFinding({ item: null })} disabled={!data} data-testid="finding-new">
              {t('findings.actions.newFinding')}
            </Button>
          </div>
        }
      />

      <ExchangePanel />

      <div className="filters filters--findings" role="search" aria-label={t('findings.filters.label')}>
        <Textfield
          data-size="sm"
          className="filters__search"
          type="search"
          label={t('findings.filters.search')}
          value={filter.query}
          onChange={(e) => set({ query: e.target.value })}
          autoComplete="off"
          data-testid="findings-search"
        />
        <Field data-size="sm">
          <Label htmlFor={reportFilterId}>{t('findings.filters.report')}</Label>
          <Select id={reportFilterId} value={filter.reportId} onChange={(e) => set({ reportId: e.target.value })} data-testid="findings-report-filter">
            <Select.Option value="">{t('findings.filters.allReports')}</Select.Option>
            {[...(data?.reports ?? [])].sort(chronological).map((r) => (
              <Select.Option key={r.id} value={r.id}>
                {r.key}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field data-size="sm">
          <Label htmlFor={themeFilterId}>{t('findings.filters.theme')}</Label>
          <Select id={themeFilterId} value={filter.theme} onChange={(e) => set({ theme: e.target.value })} disabled={themes.length === 0 && !filter.theme} data-testid="findings-theme-filter">
            <Select.Option value="">{t('findings.filters.allThemes')}</Select.Option>
            {themes.map((th) => (
              <Select.Option key={th} value={th}>
                {th}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field data-size="sm">
          <Label htmlFor={verifiedFilterId}>{t('findings.filters.verified')}</Label>
          <Select
            id={verifiedFilterId}
            value={filter.verified}
            onChange={(e) => set({ verified: e.target.value as RegisterFilter['verified'] })}
            data-testid="findings-verified-filter"
          >
            <Select.Option value="">{t('findings.filters.allVerified')}</Select.Option>
            <Select.Option value="yes">{t('findings.filters.onlyVerified')}</Select.Option>
            <Select.Option value="no">{t('findings.filters.onlyUnverified')}</Select.Option>
          </Select>
        </Field>
        <Button variant="tertiary" data-size="sm" onClick={() => onFilterChange(emptyRegisterFilter)} disabled={!active} data-testid="findings-reset" className="filters__reset">
          {t('findings.filters.reset')}
        </Button>
      </div>

      {error && <ErrorAlert title={t('findings.failed')} error={error} data-testid="findings-error" />}
      {!data && !error && <LoadingState label={t('app.loading')} />}

      {data && (
        <Paragraph className="count-line" aria-live="polite" data-testid="findings-count">
          <strong>
            {t('findings.countLine', {
              findings: t('findings.nFindings', { count: visible.length, formatted: formatNumber(visible.length) }),
              reports: t('findings.nReports', { count: reportsShown, formatted: formatNumber(reportsShown) }),
            })}
          </strong>
          {active && <span className="muted"> · {t('findings.filtered')}</span>}
        </Paragraph>
      )}

      {data && groups.length === 0 && (
        <div className="empty-table" data-testid="findings-empty">
          <Paragraph className="muted">{active ? t('findings.emptyFiltered') : t('findings.empty')}</Paragraph>
        </div>
      )}

      <div className="report-groups">
        {groups.map((g) => (
          <ReportGroup
            key={g.report?.id ?? 'none'}
            report={g.report}
            findings={g.findings}
            onOpen={onOpen}
            onEditReport={(r) => setEditingReport({ item: r })}
            onDeleteReport={(r) =>
              setDeleting({ kind: 'report', report: r, links: (data?.all ?? []).filter((f) => f.reportId === r.id).reduce((n, f) => n + linkTotal(f), 0) })
            }
            onAddFinding={(r) => setEditingFinding({ item: null, reportId: r?.id ?? null })}
            onEditFinding={(f) => setEditingFinding({ item: f })}
            onDeleteFinding={(f) => setDeleting({ kind: 'finding', finding: f, links: linkTotal(f) })}
          />
        ))}
      </div>

      <ReportDialog editing={editingReport} onClose={() => setEditingReport(null)} onSaved={() => setEditingReport(null)} />
      <FindingDialog
        editing={editingFinding}
        reports={data?.reports ?? []}
        themes={themes}
        onClose={() => setEditingFinding(null)}
        onSaved={() => setEditingFinding(null)}
      />
      <DeleteDialog deleting={deleting} onClose={() => setDeleting(null)} onDeleted={() => setDeleting(null)} />
    </section>
  );
}

interface GroupProps {
  report: FindingReport | null;
  findings: Finding[];
  onOpen: (findingId: string) => void;
  onEditReport: (r: FindingReport) => void;
  onDeleteReport: (r: FindingReport) => void;
  onAddFinding: (r: FindingReport | null) => void;
  onEditFinding: (f: Finding) => void;
  onDeleteFinding: (f: Finding) => void;
}

function ReportGroup({ report, findings, onOpen, onEditReport, onDeleteReport, onAddFinding, onEditFinding, onDeleteFinding }: GroupProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section
      className={`report-card${report && !report.verified ? ' report-card--unverified' : ''}`}
      aria-labelledby={headingId}
      data-testid="report-group"
      data-id={report?.id ?? 'none'}
      data-key={report?.key ?? ''}
      data-verified={report ? String(report.verified) : undefined}
    >
      <header className="report-card__header">
        <div className="report-card__titles">
          <div className="report-card__key-line">
            <span className="report-card__key" data-testid="report-key">
              {report ? report.key : t('findings.noReport')}
            </span>
            {report && <VerifiedTag verified={report.verified} showVerified />}
          </div>
          {report && (
            <Heading level={3} data-size="2xs" id={headingId} className="report-card__title" data-testid="report-title">
              {report.title}
            </Heading>
          )}
          {!report && (
            <Heading level={3} data-size="2xs" id={headingId} className="ds-sr-only">
              {t('findings.noReport')}
            </Heading>
          )}
          {report && <ReportMeta report={report} />}
        </div>
        {report && (
          <div className="report-card__actions">
            <Button variant="tertiary" data-size="sm" onClick={() => onEditReport(report)} aria-label={t('findings.actions.editReport', { key: report.key })} data-testid="report-edit">
              {t('findings.actions.edit')}
            </Button>
            <Button
              variant="tertiary"
              data-size="sm"
              data-color="danger"
              onClick={() => onDeleteReport(report)}
              aria-label={t('findings.actions.deleteReport', { key: report.key })}
              data-testid="report-delete"
            >
              {t('findings.actions.delete')}
            </Button>
          </div>
        )}
      </header>
      {findings.length > 0 ? (
        <ol className="finding-rows">
          {findings.map((f) => (
            <FindingRow key={f.id} finding={f} showUnverified={!f.verified && (report?.verified ?? true)} onOpen={onOpen} onEdit={onEditFinding} onDelete={onDeleteFinding} />
          ))}
        </ol>
      ) : (
        <Paragraph data-size="sm" className="muted report-card__empty">
          {t('findings.reportEmpty')}
        </Paragraph>
      )}
      <div className="report-card__footer">
        <Button variant="tertiary" data-size="sm" onClick={() => onAddFinding(report)} data-testid="report-add-finding">
          + {t('findings.actions.addFinding')}
        </Button>
      </div>
    </section>
  );
}

function ReportMeta({ report }: { report: FindingReport }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const [notesOpen, setNotesOpen] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <div className="report-card__meta">
      <span data-testid="report-publisher">{report.publisher}</span>
      {report.published && (
        <span data-testid="report-published">
          {' · '}
          {t('findings.published')} {formatPublished(report.published)}
        </span>
      )}
      <span>
        {' · '}
        {t('findings.nFindings', { count: report.findingCount, formatted: formatNumber(report.findingCount) })}
      </span>
      {report.url && (
        <div className="report-card__url">
          <span className="path" data-testid="report-url" title={report.url}>
            {report.url}
          </span>
          <Button
            variant="tertiary"
            data-size="sm"
            className="report-card__copy"
            onClick={() => void copyText(report.url!).then(() => setCopied(true))}
            data-testid="report-copy-url"
          >
            {copied ? t('findings.copied') : t('findings.copyUrl')}
          </Button>
        </div>
      )}
      {report.notes && (
        <div className="report-card__notes">
          <button type="button" className="link-button link-button--small" aria-expanded={notesOpen} onClick={() => setNotesOpen((v) => !v)} data-testid="report-notes-toggle">
            {t('findings.notes')} {notesOpen ? '▴' : '▾'}
          </button>
          {notesOpen && (
            <p className="report-card__notes-text" data-testid="report-notes">
              {report.notes}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

interface RowProps {
  finding: Finding;
  showUnverified: boolean;
  onOpen: (id: string) => void;
  onEdit: (f: Finding) => void;
  onDelete: (f: Finding) => void;
}

function FindingRow({ finding, showUnverified, onOpen, onEdit, onDelete }: RowProps) {
  const { t } = useTranslation();
  return (
    <li className="finding-row" data-testid="finding-row" data-id={finding.id} data-verified={String(finding.verified)}>
      <div className="finding-row__main">
        <button type="button" className="finding-row__statement" onClick={() => onOpen(finding.id)} data-testid="finding-open">
          {finding.statement}
        </button>
        <div className="finding-row__meta">
          {finding.reference && (
            <span data-testid="finding-reference">
              {t('findings.reference')}: {finding.reference}
            </span>
          )}
          {finding.theme && (
            <span className="finding-row__theme" data-testid="finding-theme">
              {finding.theme}
            </span>
          )}
          {showUnverified && <VerifiedTag verified={false} />}
          <RelationCounts counts={finding.counts} hideZero />
        </div>
      </div>
      <div className="finding-row__actions">
        <Button variant="tertiary" data-size="sm" onClick={() => onEdit(finding)} aria-label={t('findings.actions.editFinding')} data-testid="finding-edit">
          {t('findings.actions.edit')}
        </Button>
        <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => onDelete(finding)} aria-label={t('findings.actions.deleteFinding')} data-testid="finding-delete">
          {t('findings.actions.delete')}
        </Button>
      </div>
    </li>
  );
}

/** Import and export of the register, with what the columns hold. */
function ExchangePanel() {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  // A file that could not be read never reaches the core, so its error is kept here.
  const [readError, setReadError] = useState<UiError | null>(null);
  const exporter = useApiMutation('findings.export', {
    onSuccess: (file) => {
      downloadBase64(file);
      setMessage(t('findings.exchange.exported', { file: file.fileName }));
    },
  });
  const importer = useApiMutation('findings.import', {
    onSuccess: (result, input) =>
      setMessage(
        t('findings.exchange.imported', {
          file: input.fileName,
          reports: t('findings.nReports', { count: result.reports, formatted: formatNumber(result.reports) }),
          findings: t('findings.nFindings', { count: result.findings, formatted: formatNumber(result.findings) }),
        }),
      ),
  });
  const busy = exporter.isPending ? exporter.variables.format : importer.isPending ? 'import' : null;
  const importError = readError ?? importer.error;
  const error = exporter.error
    ? { title: t('findings.exchange.exportFailed'), error: exporter.error }
    : importError
      ? { title: t('findings.exchange.importFailed'), error: importError }
      : null;

  /** Only the last action's outcome is shown. */
  function start() {
    exporter.reset();
    importer.reset();
    setReadError(null);
    setMessage(null);
  }

  function exportAs(format: 'csv' | 'xlsx') {
    start();
    void exporter.run({ format });
  }

  async function importFile(file: File) {
    start();
    try {
      await importer.run({ fileName: file.name, base64: await readAsBase64(file) });
    } catch (e) {
      setReadError(toUiError(e));
    } finally {
      if (inputRef.current) inputRef.current.value = '';
    }
  }

  return (
    <div className="findings-exchange" data-testid="findings-exchange">
      <div className="findings-exchange__bar">
        <Details className="findings-exchange__details" data-testid="findings-exchange-help">
          <Details.Summary>{t('findings.exchange.heading')}</Details.Summary>
          <Details.Content>
            <Paragraph data-size="sm">{t('findings.exchange.intro')}</Paragraph>
            <dl className="exchange-columns" data-testid="findings-exchange-columns">
              {EXCHANGE_COLUMNS.map((c) => (
                <div key={c}>
                  <dt className="path">{c}</dt>
                  <dd>{t(`findings.exchange.columns.${c}`)}</dd>
                </div>
              ))}
            </dl>
          </Details.Content>
        </Details>
        <div className="button-row button-row--tight">
          <Button data-size="sm" variant="secondary" onClick={() => inputRef.current?.click()} loading={busy === 'import'} disabled={busy !== null} data-testid="findings-import">
            {busy === 'import' ? t('findings.exchange.importing') : t('findings.actions.import')}
          </Button>
          <input
            ref={inputRef}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="file-input"
            hidden
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
            }}
            data-testid="findings-import-input"
          />
          <Button data-size="sm" variant="secondary" onClick={() => exportAs('csv')} loading={busy === 'csv'} disabled={busy !== null} data-testid="findings-export-csv">
            {t('findings.actions.exportCsv')}
          </Button>
          <Button data-size="sm" variant="secondary" onClick={() => exportAs('xlsx')} loading={busy === 'xlsx'} disabled={busy !== null} data-testid="findings-export-xlsx">
            {t('findings.actions.exportXlsx')}
          </Button>
        </div>
      </div>
      {message && (
        <Paragraph data-size="sm" className="findings-exchange__message" role="status" data-testid="findings-exchange-message">
          {message}
        </Paragraph>
      )}
      {error && <ErrorAlert title={error.title} error={error.error} data-testid="findings-exchange-error" />}
    </div>
  );
}
