// "Kodebok": the codebook as a tree (any depth) with colour, name, count and
// shortcut; the chosen code's editor below it (name, colour, coding rule,
// question scope, shortcut; move up/down/in/out; new subcode; merge; delete);
// drag and drop to reorder and nest; the starter codebook when it is empty;
// export (.qdc, .csv, .xlsx, and the whole project as REFI-QDA .qdpx) and import.
import { Button, Field, Input, Label, Select, Textarea } from '@digdir/designsystemet-react';
import { useEffect, useId, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { refiReportSummary } from './refiReportSummary';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../../src-shared/coding';
import type { Question } from '../../../../src-shared/domain';
import { api } from '../../api/client';
import { toUiError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { dropTarget, flattenTree, moveTarget, subtreeIds, type MoveDirection } from './codeTree';
import { ConfirmDialog } from './ConfirmDialog';
import { downloadBase64, fileToBase64 } from './files';
import { isReservedKey } from './keymap';

const PALETTE = ['#1E6FA8', '#2A8BD1', '#117A65', '#2E8B57', '#D68910', '#C0392B', '#B03A2E', '#8E44AD', '#6C3483', '#5B6ABF', '#7F8C8D', '#34495E'];
const DRAG_TYPE = 'application/x-innspill-code';

type Notify = (message: string, kind?: 'info' | 'error') => void;

interface Props {
  codes: Code[];
  questions: Question[];
  selectedCodeId: string | null;
  onSelectCode: (id: string | null) => void;
  /** What applying a code would code now ("the marked text", "the whole answer"), or null. */
  applyTarget: string | null;
  onApply: (code: Code) => void;
  onCodeSaved: (code: Code) => void;
  notify: Notify;
}

export function CodebookPanel({ codes, questions, selectedCodeId, onSelectCode, applyTarget, onApply, onCodeSaved, notify }: Props) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [creating, setCreating] = useState<{ parentId: string | null } | null>(null);
  const [drag, setDrag] = useState<{ id: string; over: string | null; where: 'before' | 'after' | 'inside' } | null>(null);
  const [busy, setBusy] = useState(false);
  const [merge, setMerge] = useState<{ sourceId: string; targetId: string } | null>(null);
  const [deletion, setDeletion] = useState<{ id: string; codes: number; codings: number } | null>(null);
  /** A .qdpx whose import left sources unmatched: offered again with its sources as new responses. */
  const [unmatchedFile, setUnmatchedFile] = useState<File | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const treeRef = useRef<HTMLUListElement>(null);

  const flat = useMemo(() => flattenTree(codes, collapsed), [codes, collapsed]);
  const allFlat = useMemo(() => flattenTree(codes), [codes]);
  const selected = codes.find((c) => c.id === selectedCodeId) ?? null;
  const questionOf = (id: string | null) => questions.find((q) => q.id === id);

  async function act<T>(work: () => Promise<T>, failed: string): Promise<T | undefined> {
    setBusy(true);
    try {
      return await work();
    } catch (e) {
      notify(`${failed}: ${toUiError(e).message}`, 'error');
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function move(id: string, target: { parentId: string | null; index: number } | null) {
    if (!target) return;
    if (target.parentId) setCollapsed((s) => (s.has(target.parentId!) ? new Set([...s].filter((x) => x !== target.parentId)) : s));
    await act(() => api.codebook.move({ id, ...target }), t('coding.codebook.moveFailed'));
  }

  async function adopt() {
    const result = await act(() => api.codebook.adoptStarter(), t('coding.codebook.adoptFailed'));
    if (result) notify(t('coding.codebook.adopted', { count: result.added }));
  }

  async function exportAs(format: ExportFormat) {
    if (format === 'qdpx' || format === 'qdpxNvivo') {
      // The whole project (REFI-QDA), written into the export folder like the other exports; for NVivo with its positions (UTF-16).
      const written = await act(() => api.refi.exportProject(format === 'qdpxNvivo' ? { positions: 'utf16' } : {}), t('coding.codebook.qdpxExportFailed'));
      if (written) notify(t('coding.codebook.qdpxExported', { path: written.path }));
      return;
    }
    const file = await act(() => api.codebook.export({ format }), t('coding.codebook.exportFailed'));
    if (file) downloadBase64(file.fileName, file.mediaType, file.base64);
  }

  async function importFile(file: File, sourcesAsResponses = false) {
    if (/\.(qdpx|qde)$/i.test(file.name)) {
      // A REFI-QDA project: its codebook and the codings on responses we have (or on its sources made responses, when asked).
      const report = await act(
        async () => api.refi.importProject({ fileName: file.name, base64: await fileToBase64(file), ...(sourcesAsResponses ? { sourcesAsResponses } : {}) }),
        t('coding.codebook.qdpxImportFailed'),
      );
      if (!report) return;
      notify(refiReportSummary(t, report));
      setUnmatchedFile(report.sources.unmatched > 0 && !sourcesAsResponses ? file : null);
      return;
    }
    const result = await act(async () => api.codebook.import({ fileName: file.name, base64: await fileToBase64(file) }), t('coding.codebook.importFailed'));
    if (result) notify(t('coding.codebook.imported', { created: result.created, updated: result.updated }));
  }

  async function askDelete(id: string) {
    const preview = await act(() => api.codebook.deletePreview({ id }), t('coding.codebook.deleteFailed'));
    if (preview) setDeletion({ id, ...preview });
  }

  async function confirmDelete() {
    if (!deletion) return;
    const result = await act(() => api.codebook.delete({ id: deletion.id }), t('coding.codebook.deleteFailed'));
    if (result) {
      notify(t('coding.codebook.deleted', { codes: result.codes, codings: result.codings }));
      if (deletion.id === selectedCodeId || subtreeIds(codes, deletion.id).has(selectedCodeId ?? '')) onSelectCode(null);
    }
    setDeletion(null);
  }

  async function confirmMerge() {
    if (!merge || !merge.targetId) return;
    const result = await act(() => api.codebook.merge(merge), t('coding.codebook.mergeFailed'));
    if (result) {
      notify(t('coding.codebook.merged', { moved: result.moved, duplicates: result.duplicates }));
      onSelectCode(merge.targetId);
    }
    setMerge(null);
  }

  // Drag and drop: the top quarter of a row drops before it, the bottom quarter after, the middle inside.
  function onDragOver(e: DragEvent<HTMLElement>, id: string) {
    if (!drag) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const y = (e.clientY - rect.top) / rect.height;
    const where = y < 0.25 ? 'before' : y > 0.75 ? 'after' : 'inside';
    if (!dropTarget(codes, drag.id, id, where)) {
      if (drag.over !== null) setDrag({ ...drag, over: null });
      return;
    }
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (drag.over !== id || drag.where !== where) setDrag({ ...drag, over: id, where });
  }

  function onDrop(e: DragEvent<HTMLElement>, id: string) {
    e.preventDefault();
    if (drag && drag.over === id) void move(drag.id, dropTarget(codes, drag.id, id, drag.where));
    setDrag(null);
  }

  function onTreeKey(e: KeyboardEvent<HTMLUListElement>) {
    const i = flat.findIndex((f) => f.code.id === selectedCodeId);
    const focusRow = (index: number) => {
      const f = flat[Math.max(0, Math.min(flat.length - 1, index))];
      if (!f) return;
      onSelectCode(f.code.id);
      requestAnimationFrame(() => treeRef.current?.querySelector<HTMLElement>(`[data-code-id="${f.code.id}"]`)?.focus());
    };
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && selected) {
      e.preventDefault();
      void move(selected.id, moveTarget(codes, selected.id, e.key === 'ArrowUp' ? 'up' : 'down'));
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusRow(i + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(i - 1);
    } else if (e.key === 'ArrowRight' && selected && collapsed.has(selected.id)) {
      e.preventDefault();
      setCollapsed((s) => new Set([...s].filter((x) => x !== selected.id)));
    } else if (e.key === 'ArrowLeft' && selected && flat[i]?.hasChildren && !collapsed.has(selected.id)) {
      e.preventDefault();
      setCollapsed((s) => new Set([...s, selected.id]));
    }
  }

  // Keep the chosen code in view (it may be chosen from a coding in the text).
  useEffect(() => {
    if (selectedCodeId) treeRef.current?.querySelector(`[data-code-id="${CSS.escape(selectedCodeId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedCodeId]);

  const toggle = (id: string) => setCollapsed((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const mergeSource = merge ? codes.find((c) => c.id === merge.sourceId) : undefined;
  const mergeTarget = merge ? codes.find((c) => c.id === merge.targetId) : undefined;
  const deleteCode = deletion ? codes.find((c) => c.id === deletion.id) : undefined;

  return (
    <div className="cw-codebook" data-testid="codebook-panel">
      <div className="cw-panel-toolbar">
        <Button data-size="sm" variant="secondary" onClick={() => setCreating({ parentId: null })} data-testid="codebook-new">
          {t('coding.codebook.new')}
        </Button>
        <span className="cw-toolbar-spacer" />
        <ExportMenu onExport={(f) => void exportAs(f)} disabled={busy || codes.length === 0} />
        <Button data-size="sm" variant="tertiary" onClick={() => fileRef.current?.click()} disabled={busy} title={t('coding.codebook.importTitle')} data-testid="codebook-import">
          {t('coding.codebook.import')}
        </Button>
        <input
          ref={fileRef}
          type="file"
          accept=".qdc,.csv,.xlsx,.qdpx,.qde"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
          data-testid="codebook-import-input"
        />
      </div>

      {unmatchedFile && (
        <div className="cw-panel-toolbar" data-testid="codebook-qdpx-unmatched">
          <Button data-size="sm" variant="secondary" onClick={() => void importFile(unmatchedFile, true)} disabled={busy} data-testid="codebook-qdpx-as-responses">
            {t('coding.codebook.qdpxAsResponses')}
          </Button>
          <Button data-size="sm" variant="tertiary" onClick={() => setUnmatchedFile(null)}>
            {t('coding.codebook.qdpxAsResponsesDismiss')}
          </Button>
        </div>
      )}

      {creating && creating.parentId === null && (
        <NewCodeForm parentId={null} onCancel={() => setCreating(null)} onCreated={(c) => (setCreating(null), onCodeSaved(c), onSelectCode(c.id))} notify={notify} />
      )}

      {codes.length === 0 ? (
        <div className="cw-empty-panel" data-testid="codebook-empty">
          <p>{t('coding.codebook.empty')}</p>
          <Button data-size="sm" onClick={() => void adopt()} loading={busy} disabled={busy} data-testid="codebook-adopt">
            {t('coding.codebook.adopt')}
          </Button>
          <p className="muted">{t('coding.codebook.adoptHelp')}</p>
        </div>
      ) : (
        <ul className="cw-tree" role="tree" aria-label={t('coding.codebook.treeLabel')} ref={treeRef} onKeyDown={onTreeKey} data-testid="codebook-tree">
          {flat.map(({ code, depth, hasChildren }) => {
            const isSelected = code.id === selectedCodeId;
            const dropClass = drag && drag.over === code.id ? ` cw-node--drop-${drag.where}` : '';
            // The scope is shown where it is set, not repeated on every subcode that shares it.
            const parentScope = code.parentId ? codes.find((c) => c.id === code.parentId)?.questionId : undefined;
            const q = code.questionId !== parentScope ? questionOf(code.questionId) : undefined;
            return (
              <li
                key={code.id}
                role="treeitem"
                aria-level={depth + 1}
                aria-selected={isSelected}
                aria-expanded={hasChildren ? !collapsed.has(code.id) : undefined}
                tabIndex={isSelected || (!selectedCodeId && flat[0]?.code.id === code.id) ? 0 : -1}
                className={`cw-node${isSelected ? ' cw-node--selected' : ''}${drag?.id === code.id ? ' cw-node--dragging' : ''}${dropClass}`}
                style={{ paddingInlineStart: `calc(${depth} * 1rem + 0.25rem)` }}
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData(DRAG_TYPE, code.id);
                  e.dataTransfer.effectAllowed = 'move';
                  setDrag({ id: code.id, over: null, where: 'inside' });
                }}
                onDragEnd={() => setDrag(null)}
                onDragOver={(e) => onDragOver(e, code.id)}
                onDrop={(e) => onDrop(e, code.id)}
                onClick={() => onSelectCode(isSelected ? null : code.id)}
                onDoubleClick={() => applyTarget && onApply(code)}
                title={code.description || undefined}
                data-testid="codebook-node"
                data-code-id={code.id}
                data-name={code.name}
              >
                <button
                  type="button"
                  tabIndex={-1}
                  className={`cw-node__caret${hasChildren ? '' : ' cw-node__caret--leaf'}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    if (hasChildren) toggle(code.id);
                  }}
                  aria-hidden
                >
                  {hasChildren ? (collapsed.has(code.id) ? '▸' : '▾') : ''}
                </button>
                <span className="cw-swatch" style={{ background: code.colour }} aria-hidden />
                <span className="cw-node__name">{code.name}</span>
                {q && (
                  <span className="cw-node__scope" title={t('coding.codebook.scopeTitle', { ordinal: q.ordinal, label: q.shortLabel })}>
                    {t('coding.codebook.scopeShort', { ordinal: q.ordinal })}
                  </span>
                )}
                {code.shortcut && <kbd className="cw-kbd">{code.shortcut}</kbd>}
                <span className="cw-node__count" data-testid="codebook-count" title={t('coding.codebook.countTitle')}>
                  {formatNumber(code.codingCount)}
                </span>
                {applyTarget && (
                  <button
                    type="button"
                    tabIndex={-1}
                    className="cw-node__apply"
                    title={t('coding.codebook.applyTitle', { target: applyTarget })}
                    aria-label={t('coding.codebook.applyTitle', { target: applyTarget })}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={(e) => {
                      e.stopPropagation();
                      onApply(code);
                    }}
                    data-testid="codebook-apply"
                  >
                    +
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}

      {selected && (
        <CodeEditor
          key={selected.id}
          code={selected}
          codes={codes}
          questions={questions}
          busy={busy}
          creatingChild={creating?.parentId === selected.id}
          onCreateChild={() => setCreating({ parentId: selected.id })}
          onCancelChild={() => setCreating(null)}
          onChildCreated={(c) => {
            setCreating(null);
            setCollapsed((s) => new Set([...s].filter((x) => x !== selected.id)));
            onCodeSaved(c);
            onSelectCode(c.id);
          }}
          onMove={(d) => void move(selected.id, moveTarget(codes, selected.id, d))}
          onMerge={() => setMerge({ sourceId: selected.id, targetId: '' })}
          onDelete={() => void askDelete(selected.id)}
          onSaved={onCodeSaved}
          notify={notify}
        />
      )}

      <ConfirmDialog
        open={merge !== null}
        title={t('coding.codebook.mergeTitle', { name: mergeSource?.name ?? '' })}
        confirmLabel={t('coding.codebook.mergeConfirm')}
        busy={busy}
        disabled={!merge?.targetId}
        onConfirm={() => void confirmMerge()}
        onClose={() => setMerge(null)}
        data-testid="merge-dialog"
      >
        {merge && (
          <MergeTargetSelect
            codes={codes}
            sourceId={merge.sourceId}
            value={merge.targetId}
            allFlat={allFlat}
            onChange={(targetId) => setMerge({ ...merge, targetId })}
          />
        )}
        {mergeSource && mergeTarget && (
          <p data-testid="merge-summary">
            {t('coding.codebook.mergeSummary', { source: mergeSource.name, target: mergeTarget.name, count: mergeSource.codingCount })}
          </p>
        )}
      </ConfirmDialog>

      <ConfirmDialog
        open={deletion !== null}
        title={t('coding.codebook.deleteTitle', { name: deleteCode?.name ?? '' })}
        confirmLabel={t('coding.codebook.deleteConfirm')}
        danger
        busy={busy}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeletion(null)}
        data-testid="delete-dialog"
      >
        {deletion && (
          <>
            <p data-testid="delete-counts">
              <strong>
                {t('coding.codebook.deleteCounts', {
                  codes: t('coding.codebook.nCodes', { count: deletion.codes }),
                  codings: t('coding.codebook.nCodings', { count: deletion.codings }),
                })}
              </strong>
            </p>
            <p className="muted">{t('coding.codebook.deleteUndo')}</p>
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}

/** The codebook's formats, and the whole project as REFI-QDA (.qdpx). */
type ExportFormat = 'qdc' | 'csv' | 'xlsx' | 'qdpx' | 'qdpxNvivo';

function ExportMenu({ onExport, disabled }: { onExport: (format: ExportFormat) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div className="cw-menu" ref={ref}>
      <Button data-size="sm" variant="tertiary" aria-expanded={open} aria-haspopup="menu" onClick={() => setOpen((v) => !v)} disabled={disabled} data-testid="codebook-export">
        {t('coding.codebook.export')} ▾
      </Button>
      {open && (
        <ul className="cw-menu__list" role="menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {(['qdc', 'csv', 'xlsx', 'qdpx', 'qdpxNvivo'] as const).map((f) => (
            <li key={f} role="none">
              <button
                type="button"
                role="menuitem"
                className="cw-menu__item"
                title={f === 'qdpx' || f === 'qdpxNvivo' ? t(`coding.codebook.${f}ExportTitle`) : undefined}
                onClick={() => {
                  setOpen(false);
                  onExport(f);
                }}
                data-testid={`codebook-export-${f}`}
              >
                {t(`coding.codebook.exportFormats.${f}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function MergeTargetSelect({
  codes,
  sourceId,
  value,
  allFlat,
  onChange,
}: {
  codes: Code[];
  sourceId: string;
  value: string;
  allFlat: ReturnType<typeof flattenTree>;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const excluded = subtreeIds(codes, sourceId);
  return (
    <Field data-size="sm">
      <Label htmlFor={id}>{t('coding.codebook.mergeInto')}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid="merge-target">
        <Select.Option value="">{t('coding.codebook.mergeChoose')}</Select.Option>
        {allFlat
          .filter((f) => !excluded.has(f.code.id))
          .map((f) => (
            <Select.Option key={f.code.id} value={f.code.id}>
              {f.path}
            </Select.Option>
          ))}
      </Select>
    </Field>
  );
}

function NewCodeForm({
  parentId,
  onCancel,
  onCreated,
  notify,
}: {
  parentId: string | null;
  onCancel: () => void;
  onCreated: (code: Code) => void;
  notify: Notify;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit() {
    if (!name.trim()) return;
    setBusy(true);
    try {
      onCreated(await api.codebook.create({ name: name.trim(), parentId }));
    } catch (e) {
      notify(`${t('coding.codebook.createFailed')}: ${toUiError(e).message}`, 'error');
    } finally {
      setBusy(false);
    }
  }
  return (
    <form
      className="cw-newcode"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="codebook-new-form"
    >
      <Input
        data-size="sm"
        autoFocus
        aria-label={parentId ? t('coding.codebook.newChildName') : t('coding.codebook.newName')}
        placeholder={parentId ? t('coding.codebook.newChildName') : t('coding.codebook.newName')}
        value={name}
        maxLength={200}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onCancel())}
        data-testid="codebook-new-name"
      />
      <Button data-size="sm" type="submit" disabled={!name.trim() || busy} loading={busy} data-testid="codebook-new-save">
        {t('coding.codebook.create')}
      </Button>
      <Button data-size="sm" variant="tertiary" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </form>
  );
}

interface EditorProps {
  code: Code;
  codes: Code[];
  questions: Question[];
  busy: boolean;
  creatingChild: boolean;
  onCreateChild: () => void;
  onCancelChild: () => void;
  onChildCreated: (code: Code) => void;
  onMove: (direction: MoveDirection) => void;
  onMerge: () => void;
  onDelete: () => void;
  onSaved: (code: Code) => void;
  notify: Notify;
}

function CodeEditor({ code, codes, questions, busy, creatingChild, onCreateChild, onCancelChild, onChildCreated, onMove, onMerge, onDelete, onSaved, notify }: EditorProps) {
  const { t } = useTranslation();
  const ids = { name: useId(), rule: useId(), scope: useId(), key: useId(), colour: useId() };
  const [name, setName] = useState(code.name);
  const [rule, setRule] = useState(code.description);
  const [shortcut, setShortcut] = useState(code.shortcut ?? '');
  const [shortcutError, setShortcutError] = useState<string | null>(null);

  // Follow changes made elsewhere (an undo, another window) unless being edited.
  useEffect(() => setName(code.name), [code.name]);
  useEffect(() => setRule(code.description), [code.description]);
  useEffect(() => setShortcut(code.shortcut ?? ''), [code.shortcut]);

  async function save(patch: { name?: string; description?: string; colour?: string; questionId?: string | null; shortcut?: string | null }) {
    try {
      onSaved(await api.codebook.update({ id: code.id, ...patch }));
      return true;
    } catch (e) {
      notify(`${t('coding.codebook.saveFailed')}: ${toUiError(e).message}`, 'error');
      return false;
    }
  }

  async function saveShortcut(value: string) {
    const key = value.trim().toLowerCase();
    if (key === (code.shortcut ?? '')) return setShortcutError(null);
    if (key && !/^[a-z0-9]$/.test(key)) return setShortcutError(t('coding.codebook.shortcutInvalid'));
    if (key && isReservedKey(key)) return setShortcutError(t('coding.codebook.shortcutReserved', { key }));
    const taken = codes.find((c) => c.shortcut === key && c.id !== code.id);
    if (key && taken) return setShortcutError(t('coding.codebook.shortcutTaken', { name: taken.name }));
    setShortcutError(null);
    if (!(await save({ shortcut: key || null }))) setShortcut(code.shortcut ?? '');
  }

  const can = (d: MoveDirection) => moveTarget(codes, code.id, d) !== null;

  return (
    <section className="cw-editor" aria-label={t('coding.codebook.editorLabel', { name: code.name })} data-testid="code-editor">
      <div className="cw-editor__grid">
        <Field data-size="sm" className="cw-editor__name">
          <Label htmlFor={ids.name}>{t('coding.codebook.name')}</Label>
          <Input
            id={ids.name}
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => {
              if (name.trim() && name.trim() !== code.name) void save({ name: name.trim() });
              else setName(code.name);
            }}
            onKeyDown={(e) => e.key === 'Enter' && (e.currentTarget as HTMLInputElement).blur()}
            data-testid="code-name"
          />
        </Field>
        <Field data-size="sm" className="cw-editor__key">
          <Label htmlFor={ids.key}>{t('coding.codebook.shortcut')}</Label>
          <Input
            id={ids.key}
            value={shortcut}
            maxLength={1}
            size={2}
            onChange={(e) => setShortcut(e.target.value)}
            onBlur={() => void saveShortcut(shortcut)}
            onKeyDown={(e) => e.key === 'Enter' && (e.currentTarget as HTMLInputElement).blur()}
            aria-invalid={shortcutError ? true : undefined}
            data-testid="code-shortcut"
          />
        </Field>
      </div>
      {shortcutError && (
        <p className="cw-field-error" role="alert" data-testid="code-shortcut-error">
          {shortcutError}
        </p>
      )}
      <div className="cw-editor__colours" role="radiogroup" aria-label={t('coding.codebook.colour')}>
        {PALETTE.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={code.colour.toUpperCase() === c}
            aria-label={c}
            className="cw-colour"
            style={{ background: c }}
            onClick={() => void save({ colour: c })}
          />
        ))}
        <label className="cw-colour cw-colour--custom" title={t('coding.codebook.customColour')}>
          <span className="ds-sr-only">{t('coding.codebook.customColour')}</span>
          <input type="color" id={ids.colour} value={code.colour} onChange={(e) => void save({ colour: e.target.value.toUpperCase() })} data-testid="code-colour" />
        </label>
      </div>
      <Field data-size="sm">
        <Label htmlFor={ids.scope}>{t('coding.codebook.scope')}</Label>
        <Select id={ids.scope} value={code.questionId ?? ''} onChange={(e) => void save({ questionId: e.target.value || null })} data-testid="code-scope">
          <Select.Option value="">{t('coding.codebook.scopeAll')}</Select.Option>
          {questions.map((q) => (
            <Select.Option key={q.id} value={q.id}>
              {t('import.fields.questionWithLabel', { ordinal: q.ordinal, label: q.shortLabel })}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field data-size="sm">
        <Label htmlFor={ids.rule}>{t('coding.codebook.rule')}</Label>
        <Textarea
          id={ids.rule}
          rows={3}
          value={rule}
          onChange={(e) => setRule(e.target.value)}
          onBlur={() => rule !== code.description && void save({ description: rule })}
          onKeyDown={(e) => (e.ctrlKey || e.metaKey) && e.key === 'Enter' && e.currentTarget.blur()}
          placeholder={t('coding.codebook.rulePlaceholder')}
          data-testid="code-rule"
        />
      </Field>
      <div className="cw-editor__moves" role="group" aria-label={t('coding.codebook.moveLabel')}>
        {(['up', 'down', 'out', 'in'] as const).map((d) => (
          <Button key={d} data-size="sm" variant="tertiary" disabled={busy || !can(d)} onClick={() => onMove(d)} title={t(`coding.codebook.move.${d}`)} data-testid={`code-move-${d}`}>
            <span aria-hidden>{{ up: '↑', down: '↓', out: '←', in: '→' }[d]}</span>
            <span className="ds-sr-only">{t(`coding.codebook.move.${d}`)}</span>
          </Button>
        ))}
      </div>
      <div className="cw-editor__actions">
        <Button data-size="sm" variant="secondary" onClick={onCreateChild} disabled={busy} data-testid="code-add-child">
          {t('coding.codebook.newChild')}
        </Button>
        <Button data-size="sm" variant="tertiary" onClick={onMerge} disabled={busy || codes.length < 2} data-testid="code-merge">
          {t('coding.codebook.merge')}
        </Button>
        <Button data-size="sm" variant="tertiary" data-color="danger" onClick={onDelete} disabled={busy} data-testid="code-delete">
          {t('coding.codebook.delete')}
        </Button>
      </div>
      {creatingChild && <NewCodeForm parentId={code.id} onCancel={onCancelChild} onCreated={onChildCreated} notify={notify} />}
    </section>
  );
}
