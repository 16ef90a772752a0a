// Maps between DOM positions and character offsets in one answer part's text.
// The part's text is rendered (with `white-space: pre-wrap`) as the only
// content of its `[data-answer-text]` element, split into highlight spans, so
// the concatenated text nodes equal the stored text and offsets are the same
// UTF-16 indices the core uses, whatever the line wrapping.

export const PART_TEXT_SELECTOR = '[data-answer-text]';

export interface PartSelection {
  answerId: string;
  start: number;
  end: number;
  text: string;
}

function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Characters of `root`'s text before the DOM point (container, offset). */
export function offsetOf(root: Node, container: Node, offset: number): number {
  let total = 0;
  if (container.nodeType === Node.TEXT_NODE) {
    for (const t of textNodes(root)) {
      if (t === container) return total + offset;
      total += t.length;
    }
    return total;
  }
  // An element boundary: count every text node that ends at or before it.
  const boundary = document.createRange();
  boundary.setStart(container, offset);
  for (const t of textNodes(root)) {
    if (boundary.comparePoint(t, t.length) <= 0) total += t.length;
    else break;
  }
  return total;
}

/** The DOM point at character `offset` of `root`'s text. */
export function pointAt(root: Node, offset: number): { node: Text; offset: number } | null {
  let rest = offset;
  const nodes = textNodes(root);
  for (const t of nodes) {
    if (rest <= t.length) return { node: t, offset: rest };
    rest -= t.length;
  }
  const last = nodes[nodes.length - 1];
  return last ? { node: last, offset: last.length } : null;
}

export function rangeOf(root: Node, start: number, end: number): Range | null {
  const a = pointAt(root, start);
  const b = pointAt(root, end);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

function partTextOf(node: Node): HTMLElement | null {
  const el = node instanceof HTMLElement ? node : node.parentElement;
  return el?.closest<HTMLElement>(PART_TEXT_SELECTOR) ?? null;
}

/**
 * The selection inside `scope` as offsets into one part's text; "across"
 * when it spans several parts; null when nothing of ours is selected.
 */
export function readPartSelection(scope: HTMLElement, selection: Selection | null): PartSelection | 'across' | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!scope.contains(range.commonAncestorContainer)) return null;
  const startEl = partTextOf(range.startContainer);
  const endEl = partTextOf(range.endContainer);
  if (!startEl && !endEl) return null;
  if (!startEl || startEl !== endEl) return 'across';
  const answerId = startEl.dataset.answerText;
  if (!answerId) return null;
  const full = startEl.textContent ?? '';
  const clamp = (n: number) => Math.max(0, Math.min(full.length, n));
  const start = clamp(offsetOf(startEl, range.startContainer, range.startOffset));
  const end = clamp(offsetOf(startEl, range.endContainer, range.endOffset));
  if (end <= start || full.slice(start, end).trim() === '') return null;
  return { answerId, start, end, text: full.slice(start, end) };
}

/** Selects characters [start, end) of a part's text element. */
export function selectSpan(el: HTMLElement, start: number, end: number): void {
  const range = rangeOf(el, start, end);
  const selection = window.getSelection();
  if (!range || !selection) return;
  selection.removeAllRanges();
  selection.addRange(range);
}

/** The text element of an answer part inside `scope`. */
export function partTextElement(scope: ParentNode, answerId: string): HTMLElement | null {
  return scope.querySelector<HTMLElement>(`[data-answer-text="${CSS.escape(answerId)}"]`);
}
