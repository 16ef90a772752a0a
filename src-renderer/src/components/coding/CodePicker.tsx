// The code picker (`c`): type to filter the codebook (best matches first, see
// pickerRanking.ts), arrows to move, Enter to apply. Codes scoped to another question are left out (and counted), and
// a name that matches nothing can be created as a new code on the spot.
import { Dialog, Heading, Input } from '@digdir/designsystemet-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../../src-shared/coding';
import type { Question } from '../../../../src-shared/domain';
import { flattenTree } from './codeTree';
import { rankCodes } from './pickerRanking';

export interface PickerRequest {
  /** What the picked code is for: coding a span, or changing a coding's code. */
  mode: 'code' | 'recode';
  /** The question of the answer part being coded (null: unassigned text). */
  questionId: string | null;
  /** Shown under the heading: the marked text or "the whole answer". */
  subject: string;
  /** The code a recoded coding has now. */
  currentCodeId?: string;
}

interface Props {
  request: PickerRequest | null;
  codes: Code[];
  questions: Question[];
  onPick: (code: Code) => void;
  onCreate: (name: string) => void;
  onClose: () => void;
}

type Item = { kind: 'code'; code: Code; path: string; depth: number } | { kind: 'create'; name: string };

export function CodePicker({ request, codes, questions, onPick, onCreate, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={request !== null}
      onClose={onClose}
      closedby="any"
      closeButton={t('common.closeDialog')}
      aria-labelledby="code-picker-title"
      className="cw-picker"
      data-testid="code-picker"
    >
      {request && <PickerBody request={request} codes={codes} questions={questions} onPick={onPick} onCreate={onCreate} />}
    </Dialog>
  );
}

function PickerBody({ request, codes, questions, onPick, onCreate }: Omit<Props, 'request' | 'onClose'> & { request: PickerRequest }) {
  const { t } = useTranslation();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  // After the dialog has opened (showModal focuses its first control).
  useEffect(() => {
    const frame = requestAnimationFrame(() => inputRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  const { items, hidden } = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase('nb');
    const all = flattenTree(codes);
    const inScope = all.filter((f) => !f.code.questionId || f.code.questionId === request.questionId);
    const matching = rankCodes(inScope, needle);
    const list: Item[] = matching.map((f) => ({ kind: 'code', code: f.code, path: f.path, depth: needle ? 0 : f.depth }));
    const exact = codes.some((c) => c.name.toLocaleLowerCase('nb') === needle);
    if (needle && !exact && request.mode === 'code') list.push({ kind: 'create', name: query.trim() });
    return { items: list, hidden: all.length - inScope.length };
  }, [codes, query, request]);

  const activeIndex = Math.min(active, Math.max(0, items.length - 1));

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  function choose(item: Item | undefined) {
    if (!item) return;
    if (item.kind === 'create') onCreate(item.name);
    else onPick(item.code);
  }

  const question = questions.find((q) => q.id === request.questionId);

  return (
    <>
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="code-picker-title">
          {request.mode === 'recode' ? t('coding.picker.recodeTitle') : t('coding.picker.title')}
        </Heading>
        <p className="cw-picker__subject muted" data-testid="code-picker-subject">
          {request.subject}
        </p>
        <Input
          ref={inputRef}
          data-size="sm"
          type="search"
          role="combobox"
          aria-expanded
          aria-controls={listId}
          aria-activedescendant={items.length > 0 ? `${listId}-${activeIndex}` : undefined}
          aria-label={t('coding.picker.search')}
          placeholder={t('coding.picker.placeholder')}
          value={query}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(items.length - 1, a + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              choose(items[activeIndex]);
            }
          }}
          data-testid="code-picker-search"
        />
      </Dialog.Block>
      <Dialog.Block className="cw-picker__block">
        <ul className="cw-picker__list" role="listbox" id={listId} ref={listRef} aria-label={t('coding.picker.listLabel')} data-testid="code-picker-list">
          {items.map((item, i) =>
            item.kind === 'code' ? (
              <li
                key={item.code.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === activeIndex}
                data-index={i}
                className={`cw-picker__item${i === activeIndex ? ' cw-picker__item--active' : ''}`}
                style={{ paddingInlineStart: `calc(${item.depth} * 1rem + 0.5rem)` }}
                onMouseMove={() => setActive(i)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(item)}
                title={item.code.description || undefined}
                data-testid="code-picker-item"
                data-code-id={item.code.id}
              >
                <span className="cw-swatch" style={{ background: item.code.colour }} aria-hidden />
                <span className="cw-picker__name">
                  {query.trim() ? item.path : item.code.name}
                  {item.code.id === request.currentCodeId && <span className="muted"> · {t('coding.picker.current')}</span>}
                  {item.code.description && <span className="cw-picker__rule">{item.code.description}</span>}
                </span>
                {item.code.shortcut && <kbd className="cw-kbd">{item.code.shortcut}</kbd>}
              </li>
            ) : (
              <li
                key="create"
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === activeIndex}
                data-index={i}
                className={`cw-picker__item cw-picker__item--create${i === activeIndex ? ' cw-picker__item--active' : ''}`}
                onMouseMove={() => setActive(i)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(item)}
                data-testid="code-picker-create"
              >
                <span className="cw-picker__plus" aria-hidden>
                  +
                </span>
                <span className="cw-picker__name">{t('coding.picker.create', { name: item.name })}</span>
              </li>
            ),
          )}
        </ul>
        {/* A listbox may hold only options: the empty message sits beside it. */}
        {items.length === 0 && <p className="cw-picker__empty muted">{t('coding.picker.empty')}</p>}
        <p className="cw-picker__foot muted">
          {hidden > 0 &&
            (question
              ? t('coding.picker.hiddenScoped', { count: hidden, ordinal: question.ordinal })
              : t('coding.picker.hiddenUnassigned', { count: hidden }))}
          <span className="cw-picker__keys">{t('coding.picker.keys')}</span>
        </p>
      </Dialog.Block>
    </>
  );
}
