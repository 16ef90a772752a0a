// DOM positions ↔ offsets in an answer part's text: whatever highlight spans
// split the text into, offsets are the core's UTF-16 indices (emoji count two,
// æøå one, decomposed letters as stored), and a selection maps to one part,
// "across" or nothing.
// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  offsetOf,
  partTextElement,
  pointAt,
  rangeOf,
  readPartSelection,
  selectSpan,
} from '../../../../../src-renderer/src/components/coding/textOffsets';

/** A part's text element with the text split into spans at `cuts`, as the reading view renders it. */
function renderPart(answerId: string, text: string, cuts: number[] = []): HTMLElement {
  const el = document.createElement('div');
  el.dataset.answerText = answerId;
  const points = [...new Set([0, ...cuts.filter((c) => c > 0 && c < text.length), text.length])].sort((a, b) => a - b);
  for (let i = 0; i < points.length - 1; i++) {
    const span = document.createElement('span');
    span.textContent = text.slice(points[i], points[i + 1]);
    el.append(span);
  }
  document.body.append(el);
  return el;
}

afterEach(() => {
  document.body.innerHTML = '';
  window.getSelection()?.removeAllRanges();
});

const letters = fc.constantFrom('a', 'Z', 'æ', 'ø', 'å', 'Å', ' ', '\n', '😀', '👩‍👩‍👧', 'e\u0301', '«', '»');
const texts = fc.array(letters, { minLength: 1, maxLength: 25 }).map((a) => a.join(''));

describe('offsetOf and pointAt', () => {
  it('count UTF-16 code units across highlight spans (an emoji is two)', () => {
    const text = 'Bål 😀 på Ørland';
    const el = renderPart('a1', text, [4, 6, 9]);
    const nodes = [...el.querySelectorAll('span')].map((s) => s.firstChild!);
    expect(offsetOf(el, nodes[1], 0)).toBe(4);
    expect(offsetOf(el, nodes[2], 1)).toBe(7);
    expect(pointAt(el, 6)).toEqual({ node: nodes[1], offset: 2 });
    expect(pointAt(el, 999)).toEqual({ node: nodes[3], offset: nodes[3].textContent!.length });
    expect(pointAt(document.createElement('div'), 0)).toBeNull();
  });

  it('count an element boundary as every text node before it', () => {
    const el = renderPart('a1', 'abcdef', [2, 4]);
    expect(offsetOf(el, el, 0)).toBe(0);
    expect(offsetOf(el, el, 2)).toBe(4);
    expect(offsetOf(el, el, 3)).toBe(6);
  });

  it('are inverse for any text and any split', () => {
    fc.assert(
      fc.property(texts, fc.array(fc.nat(60), { maxLength: 6 }), fc.nat(60), (text, cuts, raw) => {
        document.body.innerHTML = '';
        const el = renderPart('a1', text, cuts);
        const offset = raw % (text.length + 1);
        const point = pointAt(el, offset)!;
        expect(offsetOf(el, point.node, point.offset)).toBe(offset);
      }),
    );
  });
});

describe('rangeOf and selectSpan', () => {
  it('cover exactly text.slice(start, end), for any text, split and span', () => {
    fc.assert(
      fc.property(texts, fc.array(fc.nat(60), { maxLength: 6 }), fc.nat(60), fc.nat(60), (text, cuts, a, b) => {
        document.body.innerHTML = '';
        const el = renderPart('a1', text, cuts);
        const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
        expect(rangeOf(el, start, end)!.toString()).toBe(text.slice(start, end));
      }),
    );
  });

  it('selectSpan selects the span, and readPartSelection reads it back as the same offsets', () => {
    const text = 'Politiet må være til stede på Træna 😀 hver uke.';
    const scope = document.createElement('main');
    document.body.append(scope);
    const el = renderPart('svar-7', text, [9, 20, 36]);
    scope.append(el);
    const start = text.indexOf('være');
    const end = text.indexOf(' hver');
    selectSpan(el, start, end);
    expect(readPartSelection(scope, window.getSelection())).toEqual({ answerId: 'svar-7', start, end, text: text.slice(start, end) });
  });
});

describe('readPartSelection', () => {
  it('is null for no selection, a collapsed one, only white space, or one outside the scope', () => {
    const scope = document.createElement('main');
    document.body.append(scope);
    const el = renderPart('a1', 'ord   ord', []);
    scope.append(el);
    expect(readPartSelection(scope, null)).toBeNull();
    selectSpan(el, 2, 2);
    expect(readPartSelection(scope, window.getSelection())).toBeNull();
    selectSpan(el, 3, 6);
    expect(readPartSelection(scope, window.getSelection())).toBeNull();
    const outside = renderPart('a2', 'utenfor', []);
    selectSpan(outside, 0, 3);
    expect(readPartSelection(scope, window.getSelection())).toBeNull();
  });

  it('says "across" for a selection spanning two parts', () => {
    const scope = document.createElement('main');
    document.body.append(scope);
    const one = renderPart('a1', 'første del', []);
    const two = renderPart('a2', 'andre del', []);
    scope.append(one, two);
    const range = document.createRange();
    range.setStart(one.firstChild!.firstChild!, 2);
    range.setEnd(two.firstChild!.firstChild!, 3);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    expect(readPartSelection(scope, window.getSelection())).toBe('across');
  });

  it('finds a part by its answer id', () => {
    const scope = document.createElement('main');
    document.body.append(scope);
    const el = renderPart('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 'x');
    scope.append(el, renderPart('0190a1b2-c3d4-7e5f-8a9b-000000000000', 'y'));
    expect(partTextElement(scope, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toBe(el);
    expect(partTextElement(scope, 'annen')).toBeNull();
  });
});
