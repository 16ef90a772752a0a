// Image sizes read from headers alone, and decompression bombs refused before
// anything is decoded.
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../../src-main/core/input/errors';
import { imageHeader, MAX_IMAGE_PIXELS } from '../../../../../src-main/core/import/ocr/image-header';
import { rasterScale } from '../../../../../src-main/core/import/ocr/pdf-pages';
import { pngHeaderClaiming } from '../../../../helpers/scan-fixtures';

function tiff(width: number, height: number, le = true): Buffer {
  const b = Buffer.alloc(8 + 2 + 2 * 12 + 4);
  const u16 = (v: number, o: number) => (le ? b.writeUInt16LE(v, o) : b.writeUInt16BE(v, o));
  const u32 = (v: number, o: number) => (le ? b.writeUInt32LE(v, o) : b.writeUInt32BE(v, o));
  b.write(le ? 'II' : 'MM', 0, 'latin1');
  u16(42, 2);
  u32(8, 4);
  u16(2, 8);
  [[256, width], [257, height]].forEach(([tag, value], i) => {
    const at = 10 + i * 12;
    u16(tag, at);
    u16(4, at + 2);
    u32(1, at + 4);
    u32(value, at + 8);
  });
  return b;
}

describe('imageHeader', () => {
  it('reads PNG, JPEG and TIFF sizes', () => {
    const canvas = createCanvas(321, 123);
    expect(imageHeader(canvas.toBuffer('image/png'))).toEqual({ format: 'png', width: 321, height: 123 });
    expect(imageHeader(canvas.toBuffer('image/jpeg'))).toEqual({ format: 'jpeg', width: 321, height: 123 });
    expect(imageHeader(tiff(2480, 3508))).toMatchObject({ format: 'tiff', width: 2480, height: 3508 });
    expect(imageHeader(tiff(2480, 3508, false))).toMatchObject({ format: 'tiff', width: 2480, height: 3508 });
  });

  it('refuses a 50,000 × 50,000 PNG from its header, without decoding it', () => {
    const before = process.memoryUsage().rss;
    expect(() => imageHeader(pngHeaderClaiming(50_000, 50_000))).toThrow(
      expect.objectContaining({ code: 'IMAGE_TOO_LARGE', message: expect.stringContaining('50000 × 50000') }) as ImportError,
    );
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
    expect(() => imageHeader(pngHeaderClaiming(13_000, 100))).toThrow(expect.objectContaining({ code: 'IMAGE_TOO_LARGE' }) as ImportError);
    expect(() => imageHeader(pngHeaderClaiming(4961, 7016))).not.toThrow();
  });

  it('refuses what is not an image', () => {
    expect(() => imageHeader(Buffer.from('not an image at all'))).toThrow(expect.objectContaining({ code: 'BAD_IMAGE' }) as ImportError);
    expect(() => imageHeader(pngHeaderClaiming(0, 10))).toThrow(expect.objectContaining({ code: 'BAD_IMAGE' }) as ImportError);
  });
});

describe('rasterScale', () => {
  it('renders A4 at 300 dpi and caps a huge page at the pixel limit', () => {
    expect(rasterScale(595, 842)).toBeCloseTo(300 / 72);
    const s = rasterScale(14_400, 14_400);
    expect(14_400 * s * 14_400 * s).toBeLessThanOrEqual(MAX_IMAGE_PIXELS + 1);
  });
});
