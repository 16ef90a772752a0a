// A small editor for the case's closed variables (the 2022 letter's template
// brings its own; other consultations define theirs): key, label, question,
// kind, options (one per line, "value = Label" or just the label) and key.
import { Button, Dialog, Field, Heading, Input, Label, Select, Textarea } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Variable, VariableKind, VariableOption } from '../../../../src-shared/coding';
import type { Question } from '../../../../src-shared/domain';
import { useApiMutation } from '../../api';
import { useToast } from '../Toast';

interface Props {
  open: boolean;
  variables: Variable[];
  questions: Question[];
  onClose: () => void;
}

/** "Ja" → "ja", "Ikke besvart" → "ikke_besvart", "Via fysisk oppmøte" → "via_fysisk_oppmote". */
export function optionValue(label: string): string {
  return label
    .toLocaleLowerCase('nb')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
}

export function parseOptions(text: string): VariableOption[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const m = /^([a-z0-9_]+)\s*=\s*(.+)$/.exec(line);
      return m ? { value: m[1], label: m[2].trim() } : { value: optionValue(line), label: line };
    });
}

const formatOptions = (options: VariableOption[]) => options.map((o) => `${o.value} = ${o.label}`).join('\n');

interface Draft {
  id?: string;
  key: string;
  label: string;
  questionId: string;
  kind: VariableKind;
  options: string;
  shortcut: string;
}

const blank: Draft = { key: '', label: '', questionId: '', kind: 'single', options: '', shortcut: '' };

export function VariableDefinitions({ open, variables, questions, onClose }: Props) {
  const { t } = useTranslation();
  const { notify } = useToast();
  const [draft, setDraft] = useState<Draft | null>(null);
  const define = useApiMutation('variables.define', { errorToast: t('coding.variables.defineFailed') });
  const removal = useApiMutation('variables.remove', { errorToast: t('coding.variables.defineFailed') });
  const busy = define.isPending || removal.isPending;
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const ids = { key: useId(), label: useId(), question: useId(), kind: useId(), options: useId(), shortcut: useId() };

  const edit = (v: Variable) =>
    setDraft({ id: v.id, key: v.key, label: v.label, questionId: v.questionId ?? '', kind: v.kind, options: formatOptions(v.options), shortcut: v.shortcut ?? '' });

  async function save() {
    if (!draft) return;
    const saved = await define.run({
        id: draft.id,
        key: draft.key.trim() || optionValue(draft.label),
        label: draft.label.trim(),
        questionId: draft.questionId || null,
        kind: draft.kind,
        options: draft.kind === 'text' ? [] : parseOptions(draft.options),
        shortcut: draft.shortcut.trim().toLowerCase() || null,
      });
    if (saved !== undefined) setDraft(null);
  }

  async function remove(id: string) {
    const result = await removal.run({ id });
    if (!result) return;
    notify(t('coding.variables.removed', { count: result.values }));
    setConfirmRemove(null);
  }

  const ordinal = (id: string | null) => questions.find((q) => q.id === id)?.ordinal;

  return (
    <Dialog open={open} onClose={onClose} closeButton={t('common.closeDialog')} aria-labelledby="vardef-title" className="wide-dialog" data-testid="variable-definitions">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="vardef-title">
          {t('coding.variables.defineTitle')}
        </Heading>
        <p className="muted">{t('coding.variables.defineIntro')}</p>
      </Dialog.Block>
      {open && (
        <Dialog.Block className="stack stack--tight">
          <table className="cw-vardefs">
            <thead>
              <tr>
                <th>{t('coding.variables.label')}</th>
                <th>{t('coding.variables.question')}</th>
                <th>{t('coding.variables.kind')}</th>
                <th>{t('coding.variables.shortcut')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {variables.map((v) => (
                <tr key={v.id} data-testid="vardef-row">
                  <td>
                    {v.label}
                    <span className="official-name">{v.key}</span>
                  </td>
                  <td>{ordinal(v.questionId) ?? '–'}</td>
                  <td>{t(`coding.variables.kinds.${v.kind}`)}</td>
                  <td>{v.shortcut ? <kbd className="cw-kbd">{v.shortcut}</kbd> : '–'}</td>
                  <td className="nowrap">
                    <Button data-size="sm" variant="tertiary" onClick={() => edit(v)}>
                      {t('coding.variables.edit')}
                    </Button>
                    {confirmRemove === v.id ? (
                      <Button data-size="sm" variant="tertiary" data-color="danger" onClick={() => void remove(v.id)} disabled={busy}>
                        {t('coding.variables.removeConfirm')}
                      </Button>
                    ) : (
                      <Button data-size="sm" variant="tertiary" onClick={() => setConfirmRemove(v.id)}>
                        {t('coding.variables.remove')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!draft && (
            <div>
              <Button data-size="sm" variant="secondary" onClick={() => setDraft(blank)} data-testid="vardef-new">
                {t('coding.variables.new')}
              </Button>
            </div>
          )}
          {draft && (
            <form
              className="cw-vardef-form"
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              <Field data-size="sm">
                <Label htmlFor={ids.label}>{t('coding.variables.label')}</Label>
                <Input id={ids.label} value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.target.value })} required data-testid="vardef-label" />
              </Field>
              <Field data-size="sm">
                <Label htmlFor={ids.key}>{t('coding.variables.key')}</Label>
                <Input
                  id={ids.key}
                  value={draft.key}
                  placeholder={optionValue(draft.label)}
                  onChange={(e) => setDraft({ ...draft, key: e.target.value })}
                  pattern="[a-z0-9_]+"
                  data-testid="vardef-key"
                />
              </Field>
              <Field data-size="sm">
                <Label htmlFor={ids.question}>{t('coding.variables.question')}</Label>
                <Select id={ids.question} value={draft.questionId} onChange={(e) => setDraft({ ...draft, questionId: e.target.value })}>
                  <Select.Option value="">{t('coding.variables.general')}</Select.Option>
                  {questions.map((q) => (
                    <Select.Option key={q.id} value={q.id}>
                      {t('import.fields.questionWithLabel', { ordinal: q.ordinal, label: q.shortLabel })}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Field data-size="sm">
                <Label htmlFor={ids.kind}>{t('coding.variables.kind')}</Label>
                <Select id={ids.kind} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as VariableKind })} data-testid="vardef-kind">
                  {(['single', 'multi', 'text'] as const).map((k) => (
                    <Select.Option key={k} value={k}>
                      {t(`coding.variables.kinds.${k}`)}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Field data-size="sm">
                <Label htmlFor={ids.shortcut}>{t('coding.variables.shortcut')}</Label>
                <Input id={ids.shortcut} value={draft.shortcut} maxLength={1} size={2} onChange={(e) => setDraft({ ...draft, shortcut: e.target.value })} />
              </Field>
              {draft.kind !== 'text' && (
                <Field data-size="sm" className="cw-vardef-form__wide">
                  <Label htmlFor={ids.options}>{t('coding.variables.options')}</Label>
                  <Textarea
                    id={ids.options}
                    rows={4}
                    value={draft.options}
                    onChange={(e) => setDraft({ ...draft, options: e.target.value })}
                    placeholder={t('coding.variables.optionsPlaceholder')}
                    data-testid="vardef-options"
                  />
                </Field>
              )}
              <div className="button-row cw-vardef-form__wide">
                <Button data-size="sm" type="submit" loading={busy} disabled={busy || !draft.label.trim()} data-testid="vardef-save">
                  {t('common.save')}
                </Button>
                <Button data-size="sm" variant="tertiary" onClick={() => setDraft(null)}>
                  {t('common.cancel')}
                </Button>
              </div>
            </form>
          )}
        </Dialog.Block>
      )}
    </Dialog>
  );
}
