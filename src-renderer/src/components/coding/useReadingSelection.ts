// Where the user is in the reading column: the marked text (read from the
// document's selection), the answer part the keyboard is on, the chosen
// coding and the flashed evidence — and the focus moves that keep them in step
// (land on the first part when a response opens, mark the text again after
// coding it, since the highlights replaced its text nodes).
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Evidence, WorkspaceResponse } from '../../../../src-shared/coding';
import type { AnswerPart } from '../../../../src-shared/domain';
import { partTextElement, readPartSelection, selectSpan, type PartSelection } from './textOffsets';

export type Span = { answerId: string; start: number; end: number };
export type PendingFocus = 'first' | 'first-uncoded' | null;

const FLASH_MS = 3200;

export function useReadingSelection(readingRef: RefObject<HTMLDivElement | null>, live: WorkspaceResponse | null, orderedParts: AnswerPart[]) {
  const [focusedAnswerId, setFocusedAnswerId] = useState<string | null>(null);
  const [selectedCodingId, setSelectedCodingId] = useState<string | null>(null);
  const [textSel, setTextSel] = useState<PartSelection | null>(null);
  const [across, setAcross] = useState(false);
  const [flash, setFlash] = useState<Span | null>(null);
  // Land on the first answer part when the workspace opens, so the keys work at once.
  const pendingFocus = useRef<PendingFocus>('first');
  const restoreSelection = useRef<Span | null>(null);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(flashTimer.current), []);

  useEffect(() => {
    const onChange = () => {
      const root = readingRef.current;
      if (!root) return;
      const s = readPartSelection(root, window.getSelection());
      if (s === 'across') {
        setAcross(true);
        setTextSel(null);
        return;
      }
      setAcross(false);
      setTextSel((prev) => (s && prev && prev.answerId === s.answerId && prev.start === s.start && prev.end === s.end ? prev : s));
      if (s) {
        setSelectedCodingId(null);
        setFocusedAnswerId(s.answerId);
        // A selection made without the mouse (or from outside) still makes its part the keyboard's place.
        if (!root.contains(document.activeElement)) {
          root.querySelector<HTMLElement>(`[data-testid="coding-part"][data-answer-id="${CSS.escape(s.answerId)}"]`)?.focus({ preventScroll: true });
        }
      }
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [readingRef]);

  // After coding marked text, mark it again so another code can be added with the next key.
  useLayoutEffect(() => {
    const r = restoreSelection.current;
    const root = readingRef.current;
    if (!r || !root || !live) return;
    restoreSelection.current = null;
    const el = partTextElement(root, r.answerId);
    if (el) selectSpan(el, r.start, r.end);
  }, [live, readingRef]);

  const focusPart = useCallback(
    (answerId: string) => {
      const el = readingRef.current?.querySelector<HTMLElement>(`[data-testid="coding-part"][data-answer-id="${CSS.escape(answerId)}"]`);
      if (!el) return;
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'nearest' });
      setFocusedAnswerId(answerId);
    },
    [readingRef],
  );

  // Where keyboard navigation asked to land once the response has loaded.
  useEffect(() => {
    if (!live || !pendingFocus.current) return;
    const how = pendingFocus.current;
    pendingFocus.current = null;
    const coded = new Set(live.codings.map((c) => c.answerId));
    const target = how === 'first-uncoded' ? (orderedParts.find((p) => !coded.has(p.id)) ?? orderedParts[0]) : orderedParts[0];
    if (target) focusPart(target.id);
  }, [live, orderedParts, focusPart]);

  /** Forgets the place in the response (another response opens); `focus`: where to land in the next one. */
  const reset = useCallback(
    (focus: PendingFocus) => {
      if (readingRef.current?.contains(window.getSelection()?.anchorNode ?? null)) window.getSelection()?.removeAllRanges();
      setSelectedCodingId(null);
      setFocusedAnswerId(null);
      setTextSel(null);
      setFlash(null);
      pendingFocus.current = focus;
      readingRef.current?.scrollTo({ top: 0 });
    },
    [readingRef],
  );

  /** The marked text now (read afresh: a key press may come before the selection event). */
  const readSelection = useCallback(() => {
    const root = readingRef.current;
    return root ? readPartSelection(root, window.getSelection()) : null;
  }, [readingRef]);

  const showEvidence = useCallback(
    (e: Evidence) => {
      setFlash({ answerId: e.answerId, start: e.start, end: e.end });
      clearTimeout(flashTimer.current);
      flashTimer.current = setTimeout(() => setFlash(null), FLASH_MS);
      requestAnimationFrame(() => {
        const el = readingRef.current?.querySelector('[data-testid="evidence-highlight"], .cw-hl--flash');
        el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      });
    },
    [readingRef],
  );

  /** Marks `span` again (after the picker closes). */
  const reselect = useCallback(
    (span: Span) => {
      const root = readingRef.current;
      const el = root ? partTextElement(root, span.answerId) : null;
      if (el) selectSpan(el, span.start, span.end);
    },
    [readingRef],
  );

  return {
    focusedAnswerId,
    setFocusedAnswerId,
    selectedCodingId,
    setSelectedCodingId,
    textSel,
    across,
    flash,
    setFlash,
    focusPart,
    reset,
    readSelection,
    showEvidence,
    reselect,
    /** Marks `span` again once the response re-renders with the new highlight. */
    restoreAfterRender: (span: Span) => (restoreSelection.current = span),
  };
}
