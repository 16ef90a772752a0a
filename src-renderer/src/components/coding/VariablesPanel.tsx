// "Variabler": the case's closed variables for this response, grouped by
// question — one choice as radio buttons, several as checkboxes, free text as
// a text area — each with an optional evidence quote from the response ("Bruk
// markert tekst som belegg"); clicking the quote points it out in the text.
import { Button, Checkbox, Fieldset, Radio, Textarea } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence, Variable, VariableValue } from '../../../../src-shared/coding';
import type { Question } from '../../../../src-shared/domain';
import { SentenceQuote, spanQuote } from '../SentenceQuote';
import type { VariableKeys } from './keymap';
import type { PartSelection } from './textOffsets';

interface Props {
  variables: Variable[];
  values: VariableValue[];
  questions: Question[];
  keys: VariableKeys;
  /** Marked text in this response, usable as evidence. */
  selection: PartSelection | null;
  armedId: string | null;
  onSet: (variable: Variable, value: string | string[] | null, evidence?: { answerId: string; start: number; end: number } | null) => void;
  onShowEvidence: (evidence: Evidence) => void;
  onDefine: () => void;
  textAreas: RefObject<Map<string, HTMLTextAreaElement>>;
  /** The response's answer parts' texts by id (evidence is shown in its sentence). */
  answerTexts: ReadonlyMap<string, string>;
}

export function VariablesPanel({ variables, values, questions, keys, selection, armedId, onSet, onShowEvidence, onDefine, textAreas, answerTexts }: Props) {
  const { t } = useTranslation();
  const groups = useMemo(() => {
    const order = [...questions].sort((a, b) => a.ordinal - b.ordinal);
    const out: { question: Question | null; variables: Variable[] }[] = [];
    const general = variables.filter((v) => !v.questionId || !questions.some((q) => q.id === v.questionId));
    if (general.length) out.push({ question: null, variables: general });
    for (const q of order) {
      const list = variables.filter((v) => v.questionId === q.id);
      if (list.length) out.push({ question: q, variables: list });
    }
    return out;
  }, [variables, questions]);

  return (
    <div className="cw-variables" data-testid="variables-panel">
      {variables.length === 0 && <p className="muted">{t('coding.variables.none')}</p>}
      {groups.map((g) => (
        <section key={g.question?.id ?? 'general'} className="cw-vgroup">
          <h3 className="cw-vgroup__heading">
            {g.question ? (
              <>
                <span className="cw-qnum cw-qnum--sm" aria-hidden>
                  {g.question.ordinal}
                </span>
                {g.question.shortLabel}
              </>
            ) : (
              t('coding.variables.general')
            )}
          </h3>
          {g.variables.map((v) => (
            <VariableField
              key={v.id}
              variable={v}
              value={values.find((x) => x.variableId === v.id) ?? null}
              keyHint={keyHint(v, keys)}
              armed={armedId === v.id}
              selection={selection}
              onSet={onSet}
              onShowEvidence={onShowEvidence}
              textAreas={textAreas}
              answerTexts={answerTexts}
            />
          ))}
        </section>
      ))}
      <div className="cw-panel-foot">
        <Button data-size="sm" variant="tertiary" onClick={onDefine} data-testid="variables-define">
          {t('coding.variables.define')}
        </Button>
      </div>
    </div>
  );
}

/** "t" or "v k": how to reach a variable from the keyboard. */
export function keyHint(v: Variable, keys: VariableKeys): string | null {
  if (!v.shortcut) return null;
  if (keys.direct.get(v.shortcut)?.id === v.id) return v.shortcut;
  if (keys.prefixed.get(v.shortcut)?.id === v.id) return `v ${v.shortcut}`;
  return null;
}

interface FieldProps {
  variable: Variable;
  value: VariableValue | null;
  keyHint: string | null;
  armed: boolean;
  selection: PartSelection | null;
  onSet: Props['onSet'];
  onShowEvidence: Props['onShowEvidence'];
  textAreas: Props['textAreas'];
  answerTexts: Props['answerTexts'];
}

function VariableField({ variable: v, value, keyHint: hint, armed, selection, onSet, onShowEvidence, textAreas, answerTexts }: FieldProps) {
  const { t } = useTranslation();
  const current = value?.value ?? (v.kind === 'multi' ? [] : '');
  const [text, setText] = useState(typeof current === 'string' ? current : '');
  const stored = typeof current === 'string' ? current : '';
  useEffect(() => setText(stored), [stored]);

  const legend = (
    <span className="cw-var__legend">
      <span>{v.label}</span>
      {hint && (
        <kbd className="cw-kbd" title={t('coding.variables.keyTitle', { keys: hint })}>
          {hint}
        </kbd>
      )}
    </span>
  );

  const evidence = value?.evidence ?? null;
  const hasValue = value !== null && (Array.isArray(value.value) ? value.value.length > 0 : value.value !== '');

  return (
    <div className={`cw-var${armed ? ' cw-var--armed' : ''}`} data-testid="variable" data-key={v.key} data-variable-id={v.id}>
      {v.kind === 'single' && (
        <Fieldset data-size="sm" className="cw-var__fieldset">
          <Fieldset.Legend>{legend}</Fieldset.Legend>
          <div className="cw-var__options">
            {v.options.map((o, i) => (
              <Radio
                key={o.value}
                data-size="sm"
                name={`var-${v.id}`}
                value={o.value}
                checked={current === o.value}
                onChange={() => onSet(v, o.value)}
                onClick={() => current === o.value && onSet(v, null)}
                label={
                  <>
                    {hint && i < 9 && <span className="cw-var__digit">{i + 1}</span>}
                    {o.label}
                  </>
                }
                data-testid="variable-option"
                data-value={o.value}
              />
            ))}
          </div>
        </Fieldset>
      )}
      {v.kind === 'multi' && (
        <Fieldset data-size="sm" className="cw-var__fieldset">
          <Fieldset.Legend>{legend}</Fieldset.Legend>
          <div className="cw-var__options">
            {v.options.map((o, i) => {
              const chosen = Array.isArray(current) && current.includes(o.value);
              return (
                <Checkbox
                  key={o.value}
                  data-size="sm"
                  value={o.value}
                  checked={chosen}
                  onChange={() => {
                    const list = Array.isArray(current) ? current : [];
                    onSet(v, chosen ? list.filter((x) => x !== o.value) : [...list, o.value]);
                  }}
                  label={
                    <>
                      {hint && i < 9 && <span className="cw-var__digit">{i + 1}</span>}
                      {o.label}
                    </>
                  }
                  data-testid="variable-option"
                  data-value={o.value}
                />
              );
            })}
          </div>
        </Fieldset>
      )}
      {v.kind === 'text' && (
        <div className="cw-var__text">
          <label className="cw-var__label" htmlFor={`var-${v.id}`}>
            {legend}
          </label>
          <Textarea
            id={`var-${v.id}`}
            data-size="sm"
            rows={2}
            ref={(el) => {
              if (el) textAreas.current.set(v.id, el);
              else textAreas.current.delete(v.id);
            }}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => text !== stored && onSet(v, text.trim() === '' ? null : text)}
            onKeyDown={(e) => {
              if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') e.currentTarget.blur();
              if (e.key === 'Escape') {
                setText(stored);
                e.currentTarget.blur();
              }
            }}
            data-testid="variable-text"
          />
        </div>
      )}
      <div className="cw-var__evidence">
        {evidence && (
          <div className="cw-evidence">
            <button type="button" className="cw-evidence__quote" onClick={() => onShowEvidence(evidence)} title={t('coding.variables.showEvidence')} data-testid="variable-evidence">
              <SentenceQuote inline parts={spanQuote(answerTexts, evidence)} />
            </button>
            <button
              type="button"
              className="cw-evidence__remove"
              aria-label={t('coding.variables.removeEvidence')}
              title={t('coding.variables.removeEvidence')}
              onClick={() => hasValue && onSet(v, value!.value, null)}
              data-testid="variable-evidence-remove"
            >
              ×
            </button>
          </div>
        )}
        {selection && hasValue && (
          <button
            type="button"
            className="link-button link-button--small"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onSet(v, value!.value, { answerId: selection.answerId, start: selection.start, end: selection.end })}
            data-testid="variable-use-selection"
          >
            {t('coding.variables.useSelection')}
          </button>
        )}
      </div>
    </div>
  );
}
