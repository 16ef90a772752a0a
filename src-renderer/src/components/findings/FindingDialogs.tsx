// The register's dialogs: a report's form, a finding's form, and deleting
// either — with the core's confirm step when answers are linked.
import { Button, Checkbox, Dialog, Field, Heading, Label, Paragraph, Select, Textarea, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, FindingReport } from '../../../../src-shared/findings';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import type { UiError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { linkTotal } from './findingFormat';

/** What a form dialog edits: nothing (closed), a new one, or an existing one. */
export type Editing<T> = null | { item: T | null };

interface ReportDialogProps {
  editing: Editing<FindingReport>;
  onClose: () => void;
  onSaved: (report: FindingReport) => void;
}

export function ReportDialog({ editing, onClose, onSaved }: ReportDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Dialog open={editing !== null} onClose={onClose} closeButton={t('common.closeDialog')} aria-labelledby={titleId} className="wide-dialog" data-testid="report-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={titleId}>
          {editing?.item ? t('findings.reportForm.editTitle') : t('findings.reportForm.newTitle')}
        </Heading>
      </Dialog.Block>
      {editing && <ReportForm report={editing.item} onCancel={onClose} onSaved={onSaved} />}
    </Dialog>
  );
}

function ReportForm({ report, onCancel, onSaved }: { report: FindingReport | null; onCancel: () => void; onSaved: (r: FindingReport) => void }) {
  const { t } = useTranslation();
  const notesId = useId();
  const [key, setKey] = useState(report?.key ?? '');
  const [title, setTitle] = useState(report?.title ?? '');
  const [publisher, setPublisher] = useState(report?.publisher ?? 'Direktoratet for forvaltning og økonomistyring (DFØ)');
  const [published, setPublished] = useState(report?.published ?? '');
  const [url, setUrl] = useState(report?.url ?? '');
  const [verified, setVerified] = useState(report?.verified ?? false);
  const [notes, setNotes] = useState(report?.notes ?? '');
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const save = useApiMutation('findings.saveReport', { onSuccess: onSaved });
  const { error } = save;
  const busy = save.isPending;

  function submit(e: FormEvent) {
    e.preventDefault();
    const required = { key, title, publisher };
    const empty = new Set(Object.entries(required).filter(([, v]) => !v.trim()).map(([k]) => k));
    setMissing(empty);
    if (empty.size > 0) return;
    void save.run({
      ...(report ? { id: report.id } : {}),
      key: key.trim(),
      title: title.trim(),
      publisher: publisher.trim(),
      published: published.trim() || null,
      url: url.trim() || null,
      verified,
      notes,
    });
  }

  const req = (field: string) => (missing.has(field) ? t('findings.reportForm.required') : undefined);
  return (
    <Dialog.Block>
      <form className="stack" onSubmit={submit} noValidate data-size="sm" data-testid="report-form">
        <div className="form-grid">
          <Textfield
            label={t('findings.reportForm.key')}
            description={t('findings.reportForm.keyDescription')}
            value={key}
            onChange={(e) => setKey(e.target.value)}
            error={req('key')}
            maxLength={200}
            required
            data-testid="report-form-key"
          />
          <Textfield
            label={t('findings.reportForm.published')}
            description="åååå-mm-dd"
            value={published}
            onChange={(e) => setPublished(e.target.value)}
            maxLength={40}
            data-testid="report-form-published"
          />
        </div>
        <Textfield
          label={t('findings.reportForm.title')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={req('title')}
          maxLength={1000}
          required
          data-testid="report-form-title"
        />
        <Textfield
          label={t('findings.reportForm.publisher')}
          value={publisher}
          onChange={(e) => setPublisher(e.target.value)}
          error={req('publisher')}
          maxLength={300}
          required
          data-testid="report-form-publisher"
        />
        <Textfield
          label={t('findings.reportForm.url')}
          description={t('findings.reportForm.urlDescription')}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          maxLength={2000}
          spellCheck={false}
          data-testid="report-form-url"
        />
        <Field>
          <Label htmlFor={notesId}>{t('findings.reportForm.notes')}</Label>
          <Textarea id={notesId} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={20_000} data-testid="report-form-notes" />
        </Field>
        <Checkbox label={t('findings.reportForm.verified')} checked={verified} onChange={(e) => setVerified(e.target.checked)} data-testid="report-form-verified" />
        {error && <ErrorAlert title={t('findings.reportForm.failed')} error={error} data-testid="report-form-error" />}
        <div className="button-row">
          <Button type="submit" loading={busy} disabled={busy} data-testid="report-save">
            {t('common.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel} data-testid="report-cancel">
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog.Block>
  );
}

interface FindingDialogProps {
  editing: (NonNullable<Editing<Finding>> & { reportId?: string | null }) | null;
  reports: FindingReport[];
  themes: string[];
  onClose: () => void;
  onSaved: (finding: Finding) => void;
}

export function FindingDialog({ editing, reports, themes, onClose, onSaved }: FindingDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Dialog open={editing !== null} onClose={onClose} closeButton={t('common.closeDialog')} aria-labelledby={titleId} className="wide-dialog" data-testid="finding-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={titleId}>
          {editing?.item ? t('findings.findingForm.editTitle') : t('findings.findingForm.newTitle')}
        </Heading>
      </Dialog.Block>
      {editing && (
        <FindingForm
          finding={editing.item}
          defaultReportId={editing.reportId ?? reports[reports.length - 1]?.id ?? null}
          reports={reports}
          themes={themes}
          onCancel={onClose}
          onSaved={onSaved}
        />
      )}
    </Dialog>
  );
}

interface FindingFormProps {
  finding: Finding | null;
  defaultReportId: string | null;
  reports: FindingReport[];
  themes: string[];
  onCancel: () => void;
  onSaved: (f: Finding) => void;
}

function FindingForm({ finding, defaultReportId, reports, themes, onCancel, onSaved }: FindingFormProps) {
  const { t } = useTranslation();
  const reportId = useId();
  const statementId = useId();
  const themeList = useId();
  const [report, setReport] = useState(finding ? (finding.reportId ?? '') : (defaultReportId ?? ''));
  const [statement, setStatement] = useState(finding?.statement ?? '');
  const [reference, setReference] = useState(finding?.reference ?? '');
  const [theme, setTheme] = useState(finding?.theme ?? '');
  const [verified, setVerified] = useState(finding?.verified ?? false);
  const [missing, setMissing] = useState(false);
  const save = useApiMutation('findings.save', { onSuccess: onSaved });
  const { error } = save;
  const busy = save.isPending;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!statement.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void save.run({
      ...(finding ? { id: finding.id } : {}),
      reportId: report || null,
      statement: statement.trim(),
      reference: reference.trim() || null,
      theme: theme.trim() || null,
      verified,
    });
  }

  return (
    <Dialog.Block>
      <form className="stack" onSubmit={submit} noValidate data-size="sm" data-testid="finding-form">
        <Field>
          <Label htmlFor={reportId}>{t('findings.findingForm.report')}</Label>
          <Select id={reportId} value={report} onChange={(e) => setReport(e.target.value)} data-testid="finding-form-report">
            <Select.Option value="">{t('findings.noReport')}</Select.Option>
            {reports.map((r) => (
              <Select.Option key={r.id} value={r.id}>
                {r.key}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor={statementId}>{t('findings.findingForm.statement')}</Label>
          <Field.Description>{t('findings.findingForm.statementDescription')}</Field.Description>
          <Textarea
            id={statementId}
            rows={4}
            value={statement}
            onChange={(e) => setStatement(e.target.value)}
            maxLength={5000}
            aria-invalid={missing || undefined}
            data-testid="finding-form-statement"
          />
          {missing && <ValidationMessage data-testid="finding-form-statement-error">{t('findings.findingForm.required')}</ValidationMessage>}
        </Field>
        <div className="form-grid">
          <Textfield
            label={t('findings.findingForm.reference')}
            description={t('findings.findingForm.referenceDescription')}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            maxLength={300}
            data-testid="finding-form-reference"
          />
          <Textfield
            label={t('findings.findingForm.theme')}
            description={t('findings.findingForm.themeDescription')}
            value={theme}
            onChange={(e) => setTheme(e.target.value)}
            maxLength={200}
            list={themeList}
            data-testid="finding-form-theme"
          />
          <datalist id={themeList}>
            {themes.map((th) => (
              <option key={th} value={th} />
            ))}
          </datalist>
        </div>
        <Checkbox label={t('findings.findingForm.verified')} checked={verified} onChange={(e) => setVerified(e.target.checked)} data-testid="finding-form-verified" />
        {error && <ErrorAlert title={t('findings.findingForm.failed')} error={error} data-testid="finding-form-error" />}
        <div className="button-row">
          <Button type="submit" loading={busy} disabled={busy} data-testid="finding-save">
            {t('common.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel} data-testid="finding-cancel">
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog.Block>
  );
}

/** A report or finding to delete, with what the UI knows of its links. */
export type Deleting =
  | null
  | { kind: 'report'; report: FindingReport; links: number }
  | { kind: 'finding'; finding: Finding; links: number };

interface DeleteDialogProps {
  deleting: Deleting;
  onClose: () => void;
  onDeleted: () => void;
}

export function DeleteDialog({ deleting, onClose, onDeleted }: DeleteDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Dialog open={deleting !== null} onClose={onClose} closeButton={t('common.closeDialog')} aria-labelledby={titleId} data-testid="findings-delete-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={titleId}>
          {deleting?.kind === 'report' ? t('findings.delete.reportTitle') : t('findings.delete.findingTitle')}
        </Heading>
      </Dialog.Block>
      {deleting && <DeleteBody key={deleting.kind === 'report' ? deleting.report.id : deleting.finding.id} deleting={deleting} onCancel={onClose} onDeleted={onDeleted} />}
    </Dialog>
  );
}

function DeleteBody({ deleting, onCancel, onDeleted }: { deleting: NonNullable<Deleting>; onCancel: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  // Links known from the list; the core may know of more (linked meanwhile),
  // and then refuses until the deletion is confirmed with them.
  const [links, setLinks] = useState(deleting.links);
  const [conflict, setConflict] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const withLinks = links > 0 || conflict !== null;
  // A refusal for links not known here becomes the question whether to delete them too.
  const failed = (err: UiError, input: { confirm?: boolean }) => {
    if (err.code === 'CONFLICT' && !input.confirm) {
      setConflict(err.message);
      void currentLinks()
        .catch(() => 0)
        .then(setLinks);
    } else setError(err);
  };
  const deleteReport = useApiMutation('findings.deleteReport', { onSuccess: onDeleted, onError: failed });
  const deleteFinding = useApiMutation('findings.delete', { onSuccess: onDeleted, onError: failed });
  const busy = deleteReport.isPending || deleteFinding.isPending;

  /** The links as the core counts them now. */
  async function currentLinks(): Promise<number> {
    const findings = await api.findings.list(deleting.kind === 'report' ? { reportId: deleting.report.id } : {});
    return findings.filter((f) => (deleting.kind === 'report' ? true : f.id === deleting.finding.id)).reduce((n, f) => n + linkTotal(f), 0);
  }

  function remove() {
    setError(null);
    if (deleting.kind === 'report') void deleteReport.run({ id: deleting.report.id, confirm: withLinks });
    else void deleteFinding.run({ id: deleting.finding.id, confirm: withLinks });
  }

  return (
    <Dialog.Block>
      <div className="stack" data-testid="delete-body" data-links={links}>
        {deleting.kind === 'report' ? (
          <Paragraph>
            {t('findings.delete.reportBody', {
              key: deleting.report.key,
              findings: t('findings.nFindings', { count: deleting.report.findingCount, formatted: formatNumber(deleting.report.findingCount) }),
            })}
          </Paragraph>
        ) : (
          <>
            <blockquote className="delete-quote">{deleting.finding.statement}</blockquote>
            <Paragraph>{t('findings.delete.findingBody')}</Paragraph>
          </>
        )}
        {withLinks && (
          <Paragraph className="delete-warning" data-testid="delete-links-warning">
            <strong>
              {links > 0 ? t('findings.delete.linksWarning', { count: links, formatted: formatNumber(links) }) : conflict}
            </strong>
          </Paragraph>
        )}
        <Paragraph data-size="sm" className="muted">
          {t('findings.delete.undoHint')}
        </Paragraph>
        {error && <ErrorAlert title={t('findings.delete.failed')} error={error} data-testid="delete-error" />}
        <div className="button-row">
          <Button data-color="danger" onClick={remove} loading={busy} disabled={busy} data-testid="delete-confirm">
            {withLinks ? t('findings.delete.confirmWithLinks') : t('findings.delete.confirm')}
          </Button>
          <Button variant="secondary" onClick={onCancel} data-testid="delete-cancel">
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    </Dialog.Block>
  );
}
