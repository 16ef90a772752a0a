// One answer part in the reading view: the text with its codings as layered
// coloured highlights, and to its left a margin with one bar per coding
// (overlapping codings side by side) labelled with the code's name. The bars
// follow the text's lines (measured from the DOM), so they stay right when
// the column is resized and the text wraps differently.
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code, Coding } from '../../../../src-shared/coding';
import type { AnswerPart } from '../../../../src-shared/domain';
import { assignLanes, byPosition, segmentText, stackLabels, tint } from './segments';
import { rangeOf } from './textOffsets';

const LANE_PX = 7;
const LABEL_PX = 17;
const FLASH_ID = '\u0000flash';

interface Geometry {
  top: number;
  height: number;
}

interface Props {
  part: AnswerPart;
  /** This part's codings. */
  codings: Coding[];
  codes: Map<string, Code>;
  selectedCodingId: string | null;
  focused: boolean;
  /** A span to point out (a variable's evidence). */
  flash: { start: number; end: number } | null;
  label: string;
  onFocusPart: (answerId: string) => void;
  onSelectCoding: (id: string | null) => void;
}

function AnswerPartViewInner({ part, codings, codes, selectedCodingId, focused, flash, label, onFocusPart, onSelectCoding }: Props) {
  const { t } = useTranslation();
  const textRef = useRef<HTMLDivElement>(null);
  const marginRef = useRef<HTMLDivElement>(null);
  const [geometry, setGeometry] = useState<Map<string, Geometry>>(new Map());
  const [layoutTick, setLayoutTick] = useState(0);

  const sorted = useMemo(() => [...codings].sort(byPosition), [codings]);
  const { lanes, count: laneCount } = useMemo(() => assignLanes(sorted), [sorted]);
  const segments = useMemo(() => {
    const spans: { id: string; start: number; end: number }[] = [...sorted];
    if (flash) spans.push({ id: FLASH_ID, start: flash.start, end: flash.end });
    return segmentText(part.text.length, spans);
  }, [sorted, flash, part.text.length]);

  // Re-measure when the text reflows (the column is resized, fonts load).
  useEffect(() => {
    const el = textRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let width = el.clientWidth;
    const observer = new ResizeObserver(() => {
      if (el.clientWidth !== width) {
        width = el.clientWidth;
        setLayoutTick((n) => n + 1);
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = textRef.current;
    const margin = marginRef.current;
    if (!el || !margin) return;
    const base = margin.getBoundingClientRect().top;
    const next = new Map<string, Geometry>();
    for (const c of sorted) {
      const range = rangeOf(el, c.start, Math.min(c.end, part.text.length));
      if (!range) continue;
      const rects = [...range.getClientRects()].filter((r) => r.height > 0);
      if (rects.length === 0) continue;
      const top = Math.min(...rects.map((r) => r.top)) - base;
      const bottom = Math.max(...rects.map((r) => r.bottom)) - base;
      next.set(c.id, { top, height: Math.max(4, bottom - top) });
    }
    setGeometry(next);
  }, [sorted, part.text, layoutTick]);

  const labelTops = useMemo(() => stackLabels(sorted.map((c) => geometry.get(c.id)?.top ?? 0), LABEL_PX), [sorted, geometry]);
  const barsWidth = laneCount * LANE_PX;
  const minHeight = sorted.length > 0 ? Math.max(...labelTops) + LABEL_PX : 0;

  function onTextClick(e: MouseEvent) {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    const span = (e.target as HTMLElement).closest<HTMLElement>('[data-codings]');
    const first = span?.dataset.codings?.split(' ')[0];
    onSelectCoding(first ?? null);
  }

  const codeName = (c: Coding) => codes.get(c.codeId)?.name ?? t('coding.reading.unknownCode');
  const describe = (c: Coding) => {
    const code = codes.get(c.codeId);
    return code?.description ? `${code.name}\n${code.description}` : codeName(c);
  };

  return (
    <div
      className={`cw-part${focused ? ' cw-part--focused' : ''}`}
      tabIndex={0}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocusPart(part.id);
      }}
      onMouseDown={() => onFocusPart(part.id)}
      aria-label={label}
      data-testid="coding-part"
      data-answer-id={part.id}
      data-question={part.questionOrdinal ?? 'none'}
      data-coded={sorted.length > 0 || undefined}
      style={{ '--cw-bars': `${barsWidth}px`, minHeight } as CSSProperties}
    >
      <div className="cw-margin" ref={marginRef} data-testid="coding-margin">
        {sorted.map((c, i) => {
          const g = geometry.get(c.id);
          const code = codes.get(c.codeId);
          const colour = code?.colour ?? '#888888';
          const selected = c.id === selectedCodingId;
          const lane = lanes.get(c.id) ?? 0;
          return (
            <div key={c.id} className={`cw-coding${selected ? ' cw-coding--selected' : ''}`}>
              <button
                type="button"
                tabIndex={-1}
                className="cw-stripe"
                style={{ top: g?.top ?? 0, height: g?.height ?? 0, right: lane * LANE_PX + 2, background: colour, visibility: g ? undefined : 'hidden' }}
                title={describe(c)}
                aria-label={t('coding.reading.barLabel', { code: codeName(c) })}
                aria-pressed={selected}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onSelectCoding(selected ? null : c.id)}
                data-testid="coding-bar"
                data-coding-id={c.id}
                data-code-id={c.codeId}
                data-lane={lane}
                data-selected={selected || undefined}
              />
              <button
                type="button"
                tabIndex={-1}
                className="cw-label"
                style={{ top: labelTops[i], right: barsWidth + 6, visibility: g ? undefined : 'hidden' }}
                title={describe(c)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onSelectCoding(selected ? null : c.id)}
                data-testid="coding-bar-label"
                data-coding-id={c.id}
              >
                <span className="cw-label__swatch" style={{ background: colour }} aria-hidden />
                <span className="cw-label__name">{codeName(c)}</span>
                {c.useInMemo && (
                  <span className="cw-label__memo" title={t('coding.reading.inMemo')} data-testid="coding-in-memo">
                    ❝
                  </span>
                )}
              </button>
            </div>
          );
        })}
      </div>
      <div className="cw-text" ref={textRef} data-answer-text={part.id} data-testid="coding-text" onClick={onTextClick}>
        {segments.map((s) => {
          const text = part.text.slice(s.start, s.end);
          if (s.spans.length === 0) return text;
          const real = s.spans.filter((x) => x.id !== FLASH_ID) as Coding[];
          const flashed = real.length !== s.spans.length;
          const selected = real.some((c) => c.id === selectedCodingId);
          // Shortest on top: gradients are listed top layer first.
          const layers = [...real].reverse().map((c) => {
            const colour = tint(codes.get(c.codeId)?.colour ?? '#888888', c.id === selectedCodingId ? 0.42 : 0.2);
            return `linear-gradient(${colour}, ${colour})`;
          });
          const style: CSSProperties = { backgroundImage: layers.join(', ') || undefined };
          return (
            <span
              key={s.start}
              className={`cw-hl${selected ? ' cw-hl--selected' : ''}${flashed ? ' cw-hl--flash' : ''}`}
              style={style}
              data-codings={real.length > 0 ? [...real].reverse().map((c) => c.id).join(' ') : undefined}
              title={real.length > 0 ? real.map(codeName).join(', ') : undefined}
              data-testid={real.length > 0 ? 'coding-highlight' : 'evidence-highlight'}
            >
              {text}
            </span>
          );
        })}
      </div>
    </div>
  );
}

export const AnswerPartView = memo(AnswerPartViewInner);
