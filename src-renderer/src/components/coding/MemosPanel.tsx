// "Notater": memos on the response, the chosen answer part, the chosen code
// and the case as a whole. Each saves when it loses focus (or Ctrl+Enter);
// empty text removes it. The codings marked "bruk i notat" are listed as
// quotes that can be put into the response's memo.
import { Button, Textarea } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code, Coding, Memo, MemoTarget } from '../../../../src-shared/coding';
import { useApiMutation, useApiQuery } from '../../api';
import { formatDateTime } from '../../lib/format';
import { SentenceQuote, sentenceQuoteText, spanQuote } from '../SentenceQuote';

interface Props {
  responseId: string;
  responseName: string;
  answer: { id: string; label: string } | null;
  code: Code | null;
  memos: Memo[];
  quotes: Coding[];
  codes: Map<string, Code>;
  /** The response's answer parts' texts by id (a quote is shown in its sentence). */
  answerTexts: ReadonlyMap<string, string>;
}

export function MemosPanel({ responseId, responseName, answer, code, memos, quotes, codes, answerTexts }: Props) {
  const { t } = useTranslation();
  const memoOf = (type: MemoTarget, id: string) => memos.find((m) => m.targetType === type && m.targetId === id) ?? null;
  const [appendix, setAppendix] = useState<string | null>(null);

  return (
    <div className="cw-memos" data-testid="memos-panel">
      <MemoField
        key={`response:${responseId}`}
        label={t('coding.memos.response', { name: responseName })}
        targetType="response"
        targetId={responseId}
        memo={memoOf('response', responseId)}
        append={appendix}
        onAppended={() => setAppendix(null)}
        testId="memo-response"
      />
      {quotes.length > 0 && (
        <div className="cw-quotes" data-testid="memo-quotes">
          <div className="cw-quotes__head">
            <span className="cw-subheading">{t('coding.memos.quotes', { count: quotes.length })}</span>
            <Button
              data-size="sm"
              variant="tertiary"
              onClick={() => setAppendix(quotes.map((q) => `${sentenceQuoteText(spanQuote(answerTexts, q))} (${codes.get(q.codeId)?.name ?? ''})`).join('\n'))}
              data-testid="memo-insert-quotes"
            >
              {t('coding.memos.insertQuotes')}
            </Button>
          </div>
          <ul className="cw-quotes__list">
            {quotes.map((q) => (
              <li key={q.id}>
                <span className="cw-swatch" style={{ background: codes.get(q.codeId)?.colour }} aria-hidden />
                <SentenceQuote inline parts={spanQuote(answerTexts, q)} data-testid="memo-quote" />
              </li>
            ))}
          </ul>
        </div>
      )}
      {answer ? (
        <MemoField key={`answer:${answer.id}`} label={t('coding.memos.answer', { part: answer.label })} targetType="answer" targetId={answer.id} memo={memoOf('answer', answer.id)} testId="memo-answer" />
      ) : (
        <p className="muted cw-memo-hint">{t('coding.memos.noAnswer')}</p>
      )}
      {code ? (
        <FetchedMemoField
          key={`code:${code.id}`}
          label={t('coding.memos.code', { name: code.name })}
          targetType="code"
          targetId={code.id}
          testId="memo-code"
        />
      ) : (
        <p className="muted cw-memo-hint">{t('coding.memos.noCode')}</p>
      )}
      <FetchedMemoField label={t('coding.memos.project')} targetType="project" targetId={null} testId="memo-project" />
    </div>
  );
}

/** A memo not delivered with the response (the code's, the case's): fetched, and again when memos change. */
function FetchedMemoField(props: Omit<FieldProps, 'memo'>) {
  const { targetType, targetId } = props;
  const memo = useApiQuery('memos.get', { targetType, targetId });
  if (memo.data === undefined && !memo.error) return null;
  return <MemoField {...props} memo={memo.data ?? null} />;
}

interface FieldProps {
  label: string;
  targetType: MemoTarget;
  targetId: string | null;
  memo: Memo | null;
  append?: string | null;
  onAppended?: () => void;
  testId: string;
}

function MemoField({ label, targetType, targetId, memo, append, onAppended, testId }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const stored = memo?.text ?? '';
  const [text, setText] = useState(stored);
  const saveMemo = useApiMutation('memos.set', { errorToast: t('coding.memos.saveFailed') });
  const saving = saveMemo.isPending;
  const editing = useRef(false);
  const ref = useRef<HTMLTextAreaElement>(null);

  // Follow the stored memo (an undo, a reload) unless the user is typing.
  useEffect(() => {
    if (!editing.current) setText(stored);
  }, [stored]);

  useEffect(() => {
    if (!append) return;
    setText((v) => (v.trim() ? `${v.replace(/\s+$/, '')}\n\n${append}` : append));
    onAppended?.();
    ref.current?.focus();
    editing.current = true;
  }, [append, onAppended]);

  async function save() {
    editing.current = false;
    if (text === stored) return;
    await saveMemo.run({ targetType, targetId, text });
  }

  return (
    <div className="cw-memo" data-testid={testId}>
      <label htmlFor={id} className="cw-subheading">
        {label}
      </label>
      <Textarea
        id={id}
        ref={ref}
        data-size="sm"
        rows={targetType === 'response' ? 5 : 3}
        value={text}
        onChange={(e) => {
          editing.current = true;
          setText(e.target.value);
        }}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
            e.preventDefault();
            void save();
          }
        }}
        data-testid={`${testId}-text`}
      />
      <span className="cw-memo__meta muted" aria-live="polite">
        {saving
          ? t('coding.memos.saving')
          : text !== stored
            ? t('coding.memos.unsaved')
            : memo
              ? t('coding.memos.saved', { at: formatDateTime(memo.updatedAt), by: memo.updatedBy })
              : ''}
      </span>
    </div>
  );
}
