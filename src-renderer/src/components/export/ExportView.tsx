// "Eksporter": write the briefing memo (Word), the workbook (Excel), a CSV
// table of the answers or the codings, or the whole project as REFI-QDA (.qdpx). The options start from the core's
// defaults (metadata, section order, file names); the export runs in the core
// with progress, and ends in a panel that opens the file or its folder.
import { Button, Fieldset, Heading, Paragraph, Radio, Switch, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../../src-shared/coding';
import type { ExportResult } from '../../../../src-shared/export';
import { useApiMutation, useApiQuery } from '../../api';
import { useApiEvent } from '../../hooks/useApiEvent';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { useCase } from '../case/caseContext';
import { flattenTree } from '../coding/codeTree';
import { ChoiceList, type ChoiceOption } from './ChoiceList';
import { ExportProgress, type ExportProgressState } from './ExportProgress';
import { ExportResultPanel } from './ExportResultPanel';
import {
  csvTableOf,
  EXPORT_KINDS,
  exportTarget,
  initialMemoForm,
  isEmptyChoice,
  memoOptions,
  memoProblems,
  workbookOptions,
  type ExportKind,
  type MemoForm,
  type WorkbookForm,
} from './exportForm';
import { MemoOptionsForm } from './MemoOptionsForm';
import './export.css';

const idle: ExportProgressState = { done: 0, total: 0, message: '' };

const NO_CODES: Code[] = [];

const INITIAL_MASK: Record<ExportKind, boolean> = { docx: true, xlsx: false, csvSvar: false, csvKoding: false, qdpx: true, qdpxNvivo: true };
/** The kinds whose writer can mask personal data. */
const MASKABLE: ReadonlySet<ExportKind> = new Set<ExportKind>(['docx', 'xlsx', 'csvSvar', 'csvKoding', 'qdpx', 'qdpxNvivo']);
/** The kinds that name respondents and so call private persons «privatperson» unless told otherwise. */
const NAMES_RESPONDENTS: ReadonlySet<ExportKind> = new Set<ExportKind>(['docx', 'qdpx', 'qdpxNvivo']);

export function ExportView() {
  const { t } = useTranslation();
  const { project, districts } = useCase();
  const headingId = useId();
  const defaultsQuery = useApiQuery('export.defaults', {});
  const defaults = defaultsQuery.data ?? null;
  const loadError = defaultsQuery.error;
  // Without the codebook the memo covers every code.
  const codes = useApiQuery('codebook.list', {}).data ?? NO_CODES;
  const [kind, setKind] = useState<ExportKind>('docx');
  const [names, setNames] = useState<Record<ExportKind, string> | null>(null);
  const [memo, setMemo] = useState<MemoForm | null>(null);
  const [workbook, setWorkbook] = useState<WorkbookForm>({ questionIds: null, districtCodes: null });
  const [progress, setProgress] = useState<ExportProgressState>(idle);
  /** «Skjul personopplysninger» per kind: on by default for the memo and the .qdpx, which are read beyond the case team. */
  const [mask, setMask] = useState<Record<ExportKind, boolean>>(INITIAL_MASK);
  /** The memo and the .qdpx name private persons instead of «privatperson». */
  const [namePrivate, setNamePrivate] = useState(false);
  const exports = {
    docx: useApiMutation('export.memo'),
    xlsx: useApiMutation('export.workbook'),
    csv: useApiMutation('export.csv'),
    qdpx: useApiMutation('refi.exportProject'),
    qdpxNvivo: useApiMutation('refi.exportProject'),
  };
  /** Which writer ran last (its result or error is shown until another kind is chosen). */
  const [ran, setRan] = useState<'docx' | 'xlsx' | 'csv' | 'qdpx' | 'qdpxNvivo' | null>(null);
  const last = ran ? exports[ran] : null;
  const running = last?.isPending ?? false;
  const result: ExportResult | null = last?.data ?? null;
  const error = last?.error ?? null;

  // The defaults seed the form once; later data changes must not undo the user's edits.
  useEffect(() => {
    if (!defaults) return;
    setNames((n) => n ?? { ...defaults.fileNames });
    setMemo((m) => m ?? initialMemoForm(defaults));
  }, [defaults]);

  useApiEvent('progress', (p) => {
    if (p.task === 'export') setProgress({ done: p.done, total: p.total, message: p.message ?? '' });
  });

  const questionOptions = useMemo<ChoiceOption[]>(
    () => project.questions.map((q) => ({ value: q.id, label: t('export.scope.question', { n: q.ordinal, label: q.shortLabel }) })),
    [project.questions, t],
  );
  const districtOptions = useMemo<ChoiceOption[]>(() => districts.map((d) => ({ value: d.code, label: d.name })), [districts]);
  const codeOptions = useMemo<ChoiceOption[]>(() => flattenTree(codes).map((f) => ({ value: f.code.id, label: f.code.name, depth: f.depth })), [codes]);
  const universe = useMemo(
    () => ({ questionIds: questionOptions.map((o) => o.value), districtCodes: districtOptions.map((o) => o.value), codeIds: codeOptions.map((o) => o.value) }),
    [questionOptions, districtOptions, codeOptions],
  );

  if (loadError) return <ErrorAlert title={t('export.loadFailed')} error={loadError} />;
  if (!defaults || !names || !memo) return <LoadingState label={t('app.loading')} />;

  const problems = memoProblems(memo, universe);
  const workbookEmpty = isEmptyChoice(workbook.questionIds, universe.questionIds) || isEmptyChoice(workbook.districtCodes, universe.districtCodes);
  const blocked = kind === 'docx' ? problems.size > 0 : kind === 'xlsx' ? workbookEmpty : false;

  async function run() {
    if (!defaults || !names || !memo || blocked) return;
    setProgress(idle);
    const target = exportTarget(names[kind], defaults.fileNames[kind], kind);
    for (const m of Object.values(exports)) m.reset();
    if (kind === 'docx') {
      setRan('docx');
      await exports.docx.run({ options: { ...memoOptions(memo), maskPersonal: mask.docx, namePrivatePersons: namePrivate }, target });
    } else if (kind === 'xlsx') {
      setRan('xlsx');
      await exports.xlsx.run({ options: { ...workbookOptions(workbook), maskPersonal: mask.xlsx }, target });
    } else if (kind === 'qdpx') {
      setRan('qdpx');
      await exports.qdpx.run({ target, maskPersonal: mask.qdpx, namePrivatePersons: namePrivate });
    } else if (kind === 'qdpxNvivo') {
      // NVivo counts positions in UTF-16 code units; the file's origin says so.
      setRan('qdpxNvivo');
      await exports.qdpxNvivo.run({ target, positions: 'utf16', maskPersonal: mask.qdpxNvivo, namePrivatePersons: namePrivate });
    } else {
      setRan('csv');
      await exports.csv.run({ table: csvTableOf(kind), target, maskPersonal: mask[kind] });
    }
  }

  return (
    <section className="stack export-view" aria-labelledby={headingId} data-testid="export-view">
      <div>
        <Heading level={2} data-size="md" id={headingId}>
          {t('export.heading')}
        </Heading>
        <Paragraph data-size="sm" className="muted">
          {t('export.intro')} <span className="path" data-testid="export-dir">{defaults.exportDir}</span>
        </Paragraph>
      </div>

      <Fieldset data-size="sm" data-testid="export-kind">
        <Fieldset.Legend>{t('export.kind.legend')}</Fieldset.Legend>
        <div className="export-kinds">
          {EXPORT_KINDS.map((k) => (
            <Radio
              key={k}
              data-size="sm"
              name="export-kind"
              value={k}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setRan(null);
              }}
              label={t(`export.kind.${k}`)}
              description={t(`export.kind.${k}Help`)}
              disabled={running}
              data-testid={`export-kind-${k}`}
            />
          ))}
        </div>
      </Fieldset>

      {kind === 'docx' && (
        <MemoOptionsForm
          value={memo}
          onChange={(patch) => setMemo((m) => (m ? { ...m, ...patch } : m))}
          problems={problems}
          questions={questionOptions}
          districts={districtOptions}
          codes={codeOptions}
        />
      )}
      {kind === 'xlsx' && (
        <div className="export-choices" data-testid="export-workbook-options">
          {questionOptions.length > 0 && (
            <ChoiceList
              legend={t('export.scope.questions')}
              options={questionOptions}
              value={workbook.questionIds}
              onChange={(questionIds) => setWorkbook((w) => ({ ...w, questionIds }))}
              error={isEmptyChoice(workbook.questionIds, universe.questionIds) ? t('export.scope.noneChosen') : undefined}
              data-testid="export-questions"
            />
          )}
          <ChoiceList
            legend={t('export.scope.districts')}
            options={districtOptions}
            value={workbook.districtCodes}
            onChange={(districtCodes) => setWorkbook((w) => ({ ...w, districtCodes }))}
            error={isEmptyChoice(workbook.districtCodes, universe.districtCodes) ? t('export.scope.noneChosen') : undefined}
            data-testid="export-districts"
          />
        </div>
      )}

      {MASKABLE.has(kind) && (
        <div className="stack stack--tight" data-testid="export-privacy">
          <Switch
            data-size="sm"
            label={t('personal.mask')}
            description={t('personal.maskHelp')}
            checked={mask[kind]}
            onChange={(e) => setMask((m) => ({ ...m, [kind]: e.target.checked }))}
            disabled={running}
            data-testid="export-mask-personal"
          />
          {NAMES_RESPONDENTS.has(kind) && (
            <Switch
              data-size="sm"
              label={t('personal.namePrivatePersons')}
              description={t('personal.namePrivatePersonsHelp')}
              checked={namePrivate}
              onChange={(e) => setNamePrivate(e.target.checked)}
              disabled={running}
              data-testid="export-name-private-persons"
            />
          )}
        </div>
      )}

      <Textfield
        data-size="sm"
        label={t('export.fileName')}
        description={t('export.fileNameHelp')}
        value={names[kind]}
        onChange={(e) => setNames((n) => (n ? { ...n, [kind]: e.target.value } : n))}
        maxLength={300}
        data-testid="export-file-name"
      />

      <div className="button-row">
        <Button onClick={() => void run()} loading={running} disabled={running || blocked} data-testid="export-run">
          {t('export.run')}
        </Button>
      </div>
      {blocked && (
        <Paragraph data-size="sm" className="muted" data-testid="export-blocked">
          {t('export.blocked')}
        </Paragraph>
      )}

      {running && <ExportProgress {...progress} />}
      {error && <ErrorAlert title={t('export.failed')} error={error} data-testid="export-error" />}
      {result && <ExportResultPanel key={result.path} result={result} />}
    </section>
  );
}
