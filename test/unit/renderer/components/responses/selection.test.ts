// The response view's selection as offsets into one answer part, in UTF-16
// units as the core stores them, "across" for several parts, or nothing.
// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { readSelection } from '../../../../../src-renderer/src/components/responses/selection';

afterEach(() => {
  document.body.innerHTML = '';
  window.getSelection()?.removeAllRanges();
});

function part(answerId: string, pieces: string[]): HTMLElement {
  const el = document.createElement('p');
  el.dataset.answerText = answerId;
  for (const piece of pieces) {
    const span = document.createElement('mark');
    span.textContent = piece;
    el.append(span);
  }
  return el;
}

function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Selection {
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

describe('readSelection', () => {
  it('reads a selection across highlight marks as offsets into the part', () => {
    const root = document.createElement('article');
    const el = part('svar-1', ['Vi har 😀 ', 'bål ', 'på Ørland.']);
    root.append(el);
    document.body.append(root);
    const [, second, third] = [...el.childNodes].map((n) => n.firstChild!);
    expect(readSelection(root, select(second, 0, third, 2))).toEqual({ kind: 'part', answerId: 'svar-1', start: 10, end: 16, text: 'bål på' });
  });

  it('gives "across" for two parts and nothing outside the root, for white space or a collapsed selection', () => {
    const root = document.createElement('article');
    const one = part('a', ['første']);
    const two = part('b', ['andre']);
    root.append(one, two);
    const outside = part('c', ['utenfor']);
    document.body.append(root, outside);
    expect(readSelection(root, select(one.firstChild!.firstChild!, 1, two.firstChild!.firstChild!, 2))).toEqual({ kind: 'across' });
    expect(readSelection(root, select(outside.firstChild!.firstChild!, 0, outside.firstChild!.firstChild!, 3))).toBeNull();
    expect(readSelection(root, select(one.firstChild!.firstChild!, 2, one.firstChild!.firstChild!, 2))).toBeNull();
    expect(readSelection(root, null)).toBeNull();
    const spaces = part('d', ['ord', '   ', 'ord']);
    root.append(spaces);
    expect(readSelection(root, select(spaces.childNodes[1].firstChild!, 0, spaces.childNodes[1].firstChild!, 3))).toBeNull();
  });

  it('gives text.slice(start, end) for any text, split and selection', () => {
    const unit = fc.constantFrom('a', 'æ', 'ø', 'å', ' ', '\n', '😀', 'e\u0301');
    fc.assert(
      fc.property(fc.array(fc.array(unit, { minLength: 1, maxLength: 6 }).map((a) => a.join('')), { minLength: 1, maxLength: 5 }), fc.nat(), fc.nat(), fc.nat(), fc.nat(), (pieces, i, a, j, b) => {
        document.body.innerHTML = '';
        const root = document.createElement('article');
        const el = part('x', pieces);
        root.append(el);
        document.body.append(root);
        const text = pieces.join('');
        const nodes = [...el.childNodes].map((n) => n.firstChild as Text);
        const [n1, n2] = [i % nodes.length, j % nodes.length].sort((x, y) => x - y);
        const o1 = a % (nodes[n1].length + 1);
        const o2 = b % (nodes[n2].length + 1);
        const start = pieces.slice(0, n1).join('').length + o1;
        const end = pieces.slice(0, n2).join('').length + o2;
        const got = readSelection(root, select(nodes[n1], o1, nodes[n2], end >= start ? o2 : o1));
        if (end <= start || text.slice(start, end).trim() === '') expect(got).toBeNull();
        else expect(got).toEqual({ kind: 'part', answerId: 'x', start, end, text: text.slice(start, end) });
      }),
    );
  });
});
