// Maps the browser's text selection to offsets in one answer part's text.
// Each part's text is rendered as the only content of one element with
// `white-space: pre-wrap`, so the DOM text equals the stored text and
// offsets map one to one (JavaScript string indices, as the core expects).

export const ANSWER_TEXT_SELECTOR = '[data-answer-text]';

export type TextSelection =
  | { kind: 'part'; answerId: string; start: number; end: number; text: string }
  | { kind: 'across' };

function textElementOf(node: Node): HTMLElement | null {
  const el = node instanceof HTMLElement ? node : node.parentElement;
  return el?.closest<HTMLElement>(ANSWER_TEXT_SELECTOR) ?? null;
}

/** Characters from the start of `el` up to (container, offset). */
function offsetWithin(el: HTMLElement, container: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(el);
  range.setEnd(container, offset);
  return range.toString().length;
}

/**
 * The selection inside `root` as offsets into one part, "across" when it
 * spans several parts, or null when nothing (or nothing of ours) is selected.
 */
export function readSelection(root: HTMLElement, selection: Selection | null): TextSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const startEl = textElementOf(range.startContainer);
  const endEl = textElementOf(range.endContainer);
  if (!startEl && !endEl) return null;
  if (!startEl || startEl !== endEl) return { kind: 'across' };
  const answerId = startEl.dataset.answerText;
  if (!answerId) return null;
  const full = startEl.textContent ?? '';
  const start = Math.max(0, Math.min(full.length, offsetWithin(startEl, range.startContainer, range.startOffset)));
  const end = Math.max(0, Math.min(full.length, offsetWithin(startEl, range.endContainer, range.endOffset)));
  if (end <= start) return null;
  const text = full.slice(start, end);
  if (text.trim() === '') return null;
  return { kind: 'part', answerId, start, end, text };
}
