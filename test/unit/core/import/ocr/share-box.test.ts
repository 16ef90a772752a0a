// A flagged word's place is kept as shares of its page, so the page drawn at
// another resolution (the coding view draws at 150 dpi what OCR read at 300)
// marks the same spot; a word without a box, or a page of unknown size, has none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareBox } from '../../../../../src-main/core/import/ocr/engine';

describe('shareBox', () => {
  it('gives the box as shares of the page, four decimals', () => {
    expect(shareBox({ x0: 620, y0: 1475, x1: 900, y1: 1530 }, 2481, 3507)).toEqual([0.2499, 0.4206, 0.3628, 0.4363]);
  });

  it('has none without a box or a page size', () => {
    expect(shareBox(undefined, 100, 100)).toBeUndefined();
    expect(shareBox({ x0: 1, y0: 1, x1: 2, y1: 2 }, 0, 0)).toBeUndefined();
  });

  it('stays on the page and keeps its order, whatever tesseract reports', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 5000 }), fc.integer({ min: -50, max: 5000 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 7000 }), (x, y, w, h, width, height) => {
        const box = shareBox({ x0: x, y0: y, x1: x + w, y1: y + h }, width, height)!;
        expect(box.every((v) => v >= 0 && v <= 1)).toBe(true);
        expect(box[0]).toBeLessThanOrEqual(box[2]);
        expect(box[1]).toBeLessThanOrEqual(box[3]);
      }),
    );
  });
});
