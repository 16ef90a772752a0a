// "Importer svar": choose files or a folder (or drop them) → preview per file
// (format, encoding, column mapping with confidence, matched municipalities,
// warnings and refusals) → adjust the mapping or apply a saved preset →
// import, with progress → the report. Each file is imported whole or not at all.
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldName, FileReport, ImportProgress as ProgressDetail, ImportReport, SavedPreset } from '../../../../src-shared/imports';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { newTaskId } from '../../api/taskId';
import { useApiEvent } from '../../hooks/useApiEvent';
import { toUiError, type UiError } from '../../lib/errors';
import { formatDateTime, formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { useCase } from '../case/caseContext';
import { fieldOptions, noChoices, presetFromChoices, presetToSave, type MappingChoices } from './fields';
import { FilePicker } from './FilePicker';
import { FilePreviewCard } from './FilePreviewCard';
import { ImportProgress } from './ImportProgress';
import { ImportReportView, reportTotals } from './ImportReportView';
import { PresetControls } from './PresetControls';
import { stageFiles, type PickedFile } from './stageFiles';
import { ViewHeader } from '../ViewHeader';

type Phase = 'pick' | 'preview' | 'running' | 'done';

interface Staged {
  /** The path as the core will show it (relative, with forward slashes). */
  display: string;
  path: string;
}

interface Failure {
  title: string;
  error: UiError;
}

function displayName(name: string): string {
  return name
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p && p !== '.' && p !== '..')
    .join('/');
}

interface Props {
  onShowResponses: () => void;
}

export function ImportWizard({ onShowResponses }: Props) {
  const { t } = useTranslation();
  const { project, navigate } = useCase();
  const headingId = useId();
  const [phase, setPhase] = useState<Phase>('pick');
  const [staged, setStaged] = useState<Staged[]>([]);
  const [reading, setReading] = useState<{ done: number; total: number } | null>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [choices, setChoices] = useState<MappingChoices>(noChoices);
  const [presets, setPresets] = useState<SavedPreset[]>([]);
  const [label, setLabel] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number; message: string; detail: ProgressDetail | null }>({ done: 0, total: 0, message: '', detail: null });
  /** The running import.run call's own id: Avbryt names it, so the core stops that very call even before it has started. */
  const runTaskId = useRef<string | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const previewSeq = useRef(0);

  const options = useMemo(() => fieldOptions(t, project.questions), [t, project.questions]);

  const loadPresets = useCallback(() => {
    api.import
      .presets()
      .then(setPresets)
      .catch(() => undefined); // presets are a convenience; the wizard works without them
  }, []);
  useEffect(loadPresets, [loadPresets]);

  // The preview follows the chosen files and the mapping choices.
  useEffect(() => {
    if (phase !== 'preview' || staged.length === 0) return;
    const seq = ++previewSeq.current;
    setPreviewing(true);
    api.import
      .preview({ paths: staged.map((s) => s.path), preset: presetFromChoices(choices) })
      .then((report) => {
        if (seq !== previewSeq.current) return;
        setPreview(report);
        setFailure(null);
      })
      .catch((e: unknown) => {
        if (seq === previewSeq.current) setFailure({ title: t('import.preview.failed'), error: toUiError(e) });
      })
      .finally(() => {
        if (seq === previewSeq.current) setPreviewing(false);
      });
  }, [phase, staged, choices, t]);

  useApiEvent('progress', (p) => {
    if (p.task !== 'import') return;
    setProgress({ done: p.done, total: p.total, message: p.message ?? '', detail: p.import ?? null });
  });

  async function addFiles(files: PickedFile[]) {
    setFailure(null);
    setReading({ done: 0, total: files.length });
    try {
      const paths = await stageFiles(files, (done, total) => setReading({ done, total }));
      const added = files.map((f, i) => ({ display: displayName(f.name), path: paths[i] }));
      setStaged((prev) => [...prev, ...added]);
      setPhase('preview');
    } catch (e) {
      setFailure({ title: t('import.pick.failed'), error: toUiError(e) });
    } finally {
      setReading(null);
    }
  }

  function stagedFor(file: FileReport): Staged | undefined {
    return staged.find((s) => file.path === s.display || file.path.startsWith(`${s.display}/`));
  }

  function remove(file: FileReport) {
    const target = stagedFor(file);
    if (!target) return;
    const rest = staged.filter((s) => s !== target);
    setStaged(rest);
    if (rest.length === 0) reset();
  }

  function changeField(header: string, field: FieldName) {
    setChoices((c) => ({ ...c, columns: { ...c.columns, [header]: field } }));
  }

  function applyPreset(saved: SavedPreset) {
    setChoices({ columns: { ...saved.preset.columns } as Record<string, FieldName>, headerRow: saved.preset.headerRow });
  }

  async function savePreset(name: string): Promise<boolean> {
    try {
      await api.import.savePreset({ name, preset: presetToSave(preview?.files ?? [], choices, name) });
      loadPresets();
      return true;
    } catch (e) {
      setFailure({ title: t('import.presets.failed'), error: toUiError(e) });
      return false;
    }
  }

  const [cancelling, setCancelling] = useState(false);
  const cancel = useApiMutation('task.cancel');
  async function askToStop() {
    const taskId = runTaskId.current;
    if (!taskId) return;
    // One cancel is enough: keyed to this call, the core holds it until the import starts.
    const answer = await cancel.mutateAsync({ taskId }).catch(() => null);
    if (!answer) setCancelling(false);
  }
  function cancelRun() {
    setCancelling(true);
    void askToStop();
  }

  async function run(only?: Staged[]) {
    setFailure(null);
    setCancelling(false);
    setProgress({ done: 0, total: 0, message: '', detail: null });
    setPhase('running');
    const taskId = newTaskId();
    runTaskId.current = taskId;
    try {
      const report = await api.import.run({
        taskId,
        paths: (only ?? staged).map((s) => s.path),
        preset: presetFromChoices(choices),
        label: label.trim() || t('import.run.defaultLabel', { date: formatDateTime(new Date().toISOString()) }),
      });
      setResult(report);
      setPhase('done');
    } catch (e) {
      const error = toUiError(e);
      setFailure({ title: t(error.code === 'CANCELLED' ? 'import.run.cancelled' : 'import.run.failed'), error });
      setPhase('preview');
    } finally {
      runTaskId.current = null;
    }
  }

  function reset() {
    previewSeq.current++;
    setPhase('pick');
    setStaged([]);
    setPreview(null);
    setPreviewing(false);
    setChoices(noChoices);
    setLabel('');
    setResult(null);
    setFailure(null);
  }

  // The staged files the stopped import did not reach (a ZIP partly imported is run again whole; its imported files come back unchanged).
  const rest = result?.stopped ? staged.filter((s) => result.files.some((f) => f.status === 'cancelled' && stagedFor(f) === s)) : [];
  const files = preview?.files ?? [];
  const ready = files.filter((f) => f.status === 'ready');
  const readyResponses = ready.reduce((sum, f) => sum + f.responses, 0);
  const hasTables = files.some((f) => (f.mappings ?? []).length > 0 || f.error?.code === 'NO_HEADER');
  const step = phase === 'pick' ? 1 : phase === 'preview' ? 2 : phase === 'running' ? 3 : 4;

  return (
    <section className="stack import-wizard" aria-labelledby={headingId} data-testid="import-wizard" data-phase={phase}>
      <ViewHeader
        id={headingId}
        title={t('import.heading')}
        description={t('import.intro')}
        actions={
          <Button variant="tertiary" data-size="sm" onClick={() => navigate({ view: 'history' })} data-testid="import-show-history">
            {t('import.showHistory')}
          </Button>
        }
      />

      <ol className="steps" aria-label={t('import.steps.label')}>
        {(['pick', 'preview', 'run', 'report'] as const).map((s, i) => (
          <li key={s} className={`steps__item${i + 1 === step ? ' steps__item--current' : ''}${i + 1 < step ? ' steps__item--done' : ''}`} aria-current={i + 1 === step ? 'step' : undefined}>
            <span className="steps__number" aria-hidden>
              {i + 1}
            </span>
            {t(`import.steps.${s}`)}
          </li>
        ))}
      </ol>

      {failure && <ErrorAlert title={failure.title} error={failure.error} data-testid="import-error" />}

      {(phase === 'pick' || phase === 'preview') && (
        <FilePicker disabled={reading !== null || previewing} compact={phase === 'preview'} onFiles={(f) => void addFiles(f)} />
      )}
      {reading && <ImportProgress done={reading.done} total={reading.total} message="" label={t('import.pick.reading')} />}

      {phase === 'preview' && (
        <div className="stack" aria-busy={previewing || undefined} data-testid="import-preview" data-busy={previewing || undefined}>
          {preview === null ? (
            <ImportProgress done={0} total={0} message="" label={t('import.preview.loading')} />
          ) : (
            <>
              <Paragraph data-testid="preview-summary" aria-live="polite">
                <strong>{t('import.preview.summaryFiles', { count: files.length, formatted: formatNumber(files.length) })}</strong>{' '}
                {t('import.preview.summary', {
                  ready: formatNumber(ready.length),
                  responses: t('import.report.responses', { count: readyResponses, formatted: formatNumber(readyResponses) }),
                  unchanged: formatNumber(files.filter((f) => f.status === 'unchanged').length),
                  rejected: formatNumber(files.filter((f) => f.status === 'rejected').length),
                })}
                {previewing && <span className="muted"> · {t('import.preview.updating')}</span>}
              </Paragraph>
              {hasTables && (
                <PresetControls
                  presets={presets}
                  choices={choices}
                  disabled={previewing}
                  canSave={files.some((f) => (f.mappings ?? []).length > 0)}
                  onApply={applyPreset}
                  onHeaderRow={(row) => setChoices((c) => ({ ...c, headerRow: row }))}
                  onReset={() => setChoices(noChoices)}
                  onSave={savePreset}
                />
              )}
              <div className="file-cards">
                {files.map((f, i) => (
                  <FilePreviewCard
                    key={`${f.path}-${i}`}
                    file={f}
                    options={options}
                    chosen={choices.columns}
                    disabled={previewing}
                    onChangeField={changeField}
                    onRemove={stagedFor(f) ? () => remove(f) : undefined}
                  />
                ))}
              </div>
              <div className="confirm-bar" data-testid="import-confirm">
                <Textfield
                  data-size="sm"
                  className="confirm-bar__label"
                  label={t('import.run.label')}
                  placeholder={t('import.run.labelPlaceholder')}
                  value={label}
                  maxLength={200}
                  onChange={(e) => setLabel(e.target.value)}
                  data-testid="import-label"
                />
                <Paragraph data-size="sm" className="confirm-bar__note" data-testid="import-atomic-note">
                  {t('import.run.atomic')}
                </Paragraph>
                <div className="confirm-bar__actions">
                  <div className="button-row">
                    <Button onClick={() => void run()} disabled={previewing || ready.length === 0} data-testid="import-run">
                      {t('import.run.submit', { count: ready.length, formatted: formatNumber(ready.length) })}
                    </Button>
                    <Button variant="secondary" onClick={reset} data-testid="import-cancel">
                      {t('import.run.cancel')}
                    </Button>
                  </div>
                </div>
              </div>
            </>
          )}
        </div>
      )}

      {phase === 'running' && (
        <ImportProgress
          done={progress.done}
          total={progress.total}
          message={progress.message}
          label={t('import.run.running')}
          detail={progress.detail}
          onCancel={cancelRun}
          cancelling={cancelling}
        />
      )}

      {phase === 'done' && result && (
        <div className="stack">
          <Alert data-color={result.stopped || reportTotals(result).rejected > 0 ? 'warning' : 'success'} data-testid="import-done" data-stopped={result.stopped || undefined}>
            <Heading level={3} data-size="xs">
              {result.stopped ? t('import.done.stopped') : reportTotals(result).imported > 0 ? t('import.done.heading') : t('import.done.nothing')}
            </Heading>
            <Paragraph data-size="sm">{result.stopped ? t('import.done.stoppedIntro') : t('import.done.intro')}</Paragraph>
            {rest.length > 0 && (
              <Button data-size="sm" onClick={() => void run(rest)} data-testid="import-rest">
                {t('import.done.importRest', { count: rest.length, formatted: formatNumber(rest.length) })}
              </Button>
            )}
          </Alert>
          <ImportReportView report={result} />
          <div className="button-row">
            <Button onClick={onShowResponses} data-testid="import-show-responses">
              {t('import.done.showResponses')}
            </Button>
            <Button variant="secondary" onClick={reset} data-testid="import-again">
              {t('import.done.again')}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
