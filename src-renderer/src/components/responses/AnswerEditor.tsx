// A response's answers grouped by question, with the text not yet assigned to
// a question first. Correcting the split: select text inside one part (or mark
// the whole part) and move it to a question, or back to "unassigned".
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Tag } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerPart, Question, ResponseDetail } from '../../../../src-shared/domain';
import { useApiMutation } from '../../api';
import { formatNumber } from '../../lib/format';
import { letterBlockKind } from '../../../../src-shared/letter-blocks';
import { ErrorAlert } from '../ErrorAlert';
import { LetterBlockNote } from '../LetterBlockNote';
import { readSelection, type TextSelection } from './selection';

const UNASSIGNED = 'unassigned';

interface Props {
  response: ResponseDetail;
  questions: Question[];
  /** Superseded versions are shown read-only. */
  readOnly: boolean;
}

type Pending = Extract<TextSelection, { kind: 'part' }>;

export function AnswerEditor({ response, questions, readOnly }: Props) {
  const { t } = useTranslation();
  const rootRef = useRef<HTMLDivElement>(null);
  const targetId = useId();
  const [pending, setPending] = useState<Pending | null>(null);
  const [across, setAcross] = useState(false);
  const [target, setTarget] = useState('');
  // The reply is the response as it now stands: shown at once, not fetched again.
  const assign = useApiMutation('answers.assign', { apply: (updated, _input, cache) => cache.set('responses.get', { id: updated.id }, updated) });
  const moving = assign.isPending;
  const error = assign.error;

  const sortedQuestions = [...questions].sort((a, b) => a.ordinal - b.ordinal);
  const unassigned = response.answers.filter((p) => p.questionId === null);
  // A letterhead or a signature is kept and shown, but it is no answer waiting to be moved.
  const mustDistribute = unassigned.some((p) => p.text.trim() !== '' && letterBlockKind(p.text) === null);
  const byQuestion = (q: Question) => response.answers.filter((p) => p.questionId === q.id);
  const partOf = (id: string) => response.answers.find((p) => p.id === id);

  // Follow the user's selection; a collapsed selection (a click) is handled
  // on mouse-up below, so choosing the target in the bar does not lose it.
  useEffect(() => {
    if (readOnly) return;
    const onChange = () => {
      const root = rootRef.current;
      if (!root) return;
      const s = readSelection(root, window.getSelection());
      if (!s) return;
      if (s.kind === 'across') {
        setAcross(true);
        setPending(null);
        return;
      }
      setAcross(false);
      setPending(s);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [readOnly]);

  // A reload (another window, an undo) may replace the part that was marked.
  const pendingGone = pending !== null && !response.answers.some((p) => p.id === pending.answerId && p.text.slice(pending.start, pending.end) === pending.text);
  useEffect(() => {
    if (pendingGone) setPending(null);
  }, [pendingGone]);

  function onMouseUp() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed) {
      setPending(null);
      setAcross(false);
    }
  }

  function markWhole(part: AnswerPart) {
    setAcross(false);
    setPending({ kind: 'part', answerId: part.id, start: 0, end: part.text.length, text: part.text });
  }

  function cancel() {
    setPending(null);
    setAcross(false);
    window.getSelection()?.removeAllRanges();
  }

  async function move() {
    if (!pending || !target) return;
    const updated = await assign.run({
      answerId: pending.answerId,
      start: pending.start,
      end: pending.end,
      questionId: target === UNASSIGNED ? null : target,
    });
    if (!updated) return;
    cancel();
    setTarget('');
  }

  const renderPart = (part: AnswerPart) => (
    <div
      key={part.id}
      className={`answer-part${pending?.answerId === part.id ? ' answer-part--selected' : ''}`}
      data-testid="answer-part"
      data-answer-id={part.id}
      data-question={part.questionOrdinal ?? 'none'}
    >
      {part.questionId === null && letterBlockKind(part.text) && <LetterBlockNote kind={letterBlockKind(part.text)!} />}
      <div className="answer-text" data-answer-text={part.id} data-testid="answer-text">
        {part.text}
      </div>
      {!readOnly && (
        <div className="answer-part__tools">
          <button type="button" className="link-button link-button--small" onClick={() => markWhole(part)} data-testid="answer-mark-whole">
            {t('detail.answers.markWhole')}
          </button>
        </div>
      )}
    </div>
  );

  const currentOf = pending ? partOf(pending.answerId) : undefined;
  const excerpt = pending ? (pending.text.length > 90 ? `${pending.text.slice(0, 87).trim()} …` : pending.text) : '';

  return (
    <div className="answer-editor" data-testid="answer-editor">
      {!readOnly && (
        <Paragraph data-size="sm" className="muted">
          {t('detail.answers.help')}
        </Paragraph>
      )}
      <div ref={rootRef} onMouseUp={onMouseUp} className="stack">
        {unassigned.length > 0 && (
          <section className="answer-group answer-group--unassigned" data-testid="answer-group" data-question="none">
            <div className="answer-group__heading">
              <Heading level={3} data-size="2xs">
                {t('detail.answers.unassigned')}
              </Heading>
              {mustDistribute && (
                <Tag data-color="warning" data-size="sm" data-testid="answer-unassigned-tag">
                  {t('detail.answers.unassignedTag')}
                </Tag>
              )}
            </div>
            <Paragraph data-size="sm" className="muted">
              {mustDistribute ? t('detail.answers.unassignedHelp') : t('common.letterBlock.help')}
            </Paragraph>
            {unassigned.map(renderPart)}
          </section>
        )}
        {sortedQuestions.map((q) => {
          const parts = byQuestion(q);
          return (
            <section key={q.id} className="answer-group" data-testid="answer-group" data-question={q.ordinal}>
              <div className="answer-group__heading">
                <span className="question__number question__number--sm" aria-hidden>
                  {q.ordinal}
                </span>
                <Heading level={3} data-size="2xs" title={q.text}>
                  <span className="ds-sr-only">{t('questions.number', { ordinal: q.ordinal })}: </span>
                  {q.shortLabel}
                </Heading>
              </div>
              {parts.length > 0 ? (
                parts.map(renderPart)
              ) : (
                <Paragraph data-size="sm" className="muted answer-none" data-testid="answer-none">
                  {t('detail.answers.none')}
                </Paragraph>
              )}
            </section>
          );
        })}
      </div>

      {!readOnly && across && !pending && (
        <Alert data-color="info" data-size="sm" className="selection-bar" data-testid="selection-across">
          <Paragraph data-size="sm">{t('detail.answers.across')}</Paragraph>
        </Alert>
      )}
      {!readOnly && pending && (
        <div className="selection-bar" role="region" aria-label={t('detail.answers.barLabel')} data-testid="selection-bar">
          <div className="selection-bar__text">
            <Paragraph data-size="sm">
              <strong>{t('detail.answers.selected', { formatted: formatNumber(pending.end - pending.start) })}</strong>
              {currentOf && (
                <span className="muted">
                  {' '}
                  {currentOf.questionOrdinal
                    ? t('detail.answers.from', { ordinal: currentOf.questionOrdinal })
                    : t('detail.answers.fromUnassigned')}
                </span>
              )}
            </Paragraph>
            <Paragraph data-size="sm" className="selection-bar__excerpt" data-testid="selection-excerpt">
              «{excerpt}»
            </Paragraph>
          </div>
          <Field className="selection-bar__field">
            <Label htmlFor={targetId}>{t('detail.answers.moveTo')}</Label>
            <Select id={targetId} data-size="sm" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="selection-target">
              <Select.Option value="">{t('detail.answers.chooseTarget')}</Select.Option>
              {sortedQuestions.map((q) => (
                <Select.Option key={q.id} value={q.id} disabled={currentOf?.questionId === q.id}>
                  {t('import.fields.questionWithLabel', { ordinal: q.ordinal, label: q.shortLabel })}
                </Select.Option>
              ))}
              <Select.Option value={UNASSIGNED} disabled={currentOf?.questionId === null}>
                {t('detail.answers.unassigned')}
              </Select.Option>
            </Select>
          </Field>
          <div className="button-row">
            <Button data-size="sm" onClick={() => void move()} disabled={!target || moving} loading={moving} data-testid="selection-move">
              {t('detail.answers.move')}
            </Button>
            <Button data-size="sm" variant="tertiary" onClick={cancel} data-testid="selection-cancel">
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      )}
      {error && <ErrorAlert title={t('detail.answers.moveFailed')} error={error} data-testid="assign-error" />}
    </div>
  );
}
