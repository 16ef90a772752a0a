// The codebook's editor: the chosen code's fields (each saved as it is left),
// its moves, a new subcode, merge and delete; and the form for a new code.
// Each reply is written into the codebook's cache, so saving costs no refetch of it.
import { Button, Field, Input, Label, Select, Textarea } from '@digdir/designsystemet-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../../src-shared/coding';
import type { Question } from '../../../../src-shared/domain';
import { useApiMutation, type ApiCache } from '../../api';
import { moveTarget, type MoveDirection } from './codeTree';
import { isReservedKey } from './keymap';

const PALETTE = ['#1E6FA8', '#2A8BD1', '#117A65', '#2E8B57', '#D68910', '#C0392B', '#B03A2E', '#8E44AD', '#6C3483', '#5B6ABF', '#7F8C8D', '#34495E'];

const appendCode = (code: Code, _input: unknown, cache: ApiCache) => cache.update('codebook.list', (codes: Code[]) => [...codes, code]);
const replaceCode = (code: Code, _input: unknown, cache: ApiCache) => cache.update('codebook.list', (codes: Code[]) => codes.map((c) => (c.id === code.id ? code : c)));

/** A new code's name (a top-level code, or a subcode of `parentId`). */
export function NewCodeForm({ parentId, onCancel, onCreated }: { parentId: string | null; onCancel: () => void; onCreated: (code: Code) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const create = useApiMutation('codebook.create', { apply: appendCode, errorToast: t('coding.codebook.createFailed') });
  const busy = create.isPending;
  async function submit() {
    if (!name.trim()) return;
    const code = await create.run({ name: name.trim(), parentId });
    if (code) onCreated(code);
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
}

/** The chosen code: name, shortcut, colour, question scope, coding rule; moves, a new subcode, merge and delete. */
export function CodeEditor({ code, codes, questions, busy, creatingChild, onCreateChild, onCancelChild, onChildCreated, onMove, onMerge, onDelete }: EditorProps) {
  const { t } = useTranslation();
  const update = useApiMutation('codebook.update', { apply: replaceCode, errorToast: t('coding.codebook.saveFailed') });
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
    return (await update.run({ id: code.id, ...patch })) !== undefined;
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
      {creatingChild && <NewCodeForm parentId={code.id} onCancel={onCancelChild} onCreated={onChildCreated} />}
    </section>
  );
}
