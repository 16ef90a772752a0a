// The size of an image read from its header alone (PNG, JPEG, TIFF), so a
// decompression bomb — a small file that claims 50,000 × 50,000 pixels — is
// refused before a single pixel is decoded.
import { ImportError } from '../../input/errors';

export type ImageFormat = 'png' | 'jpeg' | 'tiff';

export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
  /** A TIFF with more pages than the first (OCR reads the first only). */
  morePages?: boolean;
}

/** The most pixels OCR decodes in one page: an A4 page at 600 dpi (4961 × 7016) with room to spare. */
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_IMAGE_SIDE = 12_000;

function png(bytes: Buffer): ImageHeader | null {
  if (bytes.length < 24 || bytes.readUInt32BE(0) !== 0x89504e47 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { format: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function jpeg(bytes: Buffer): ImageHeader | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    // SOF0–SOF15 carry the frame size (C4, C8 and CC are not frames).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { format: 'jpeg', height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

function tiff(bytes: Buffer): ImageHeader | null {
  if (bytes.length < 8) return null;
  const order = bytes.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const le = order === 'II';
  const u16 = (o: number) => (le ? bytes.readUInt16LE(o) : bytes.readUInt16BE(o));
  const u32 = (o: number) => (le ? bytes.readUInt32LE(o) : bytes.readUInt32BE(o));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd + 2 > bytes.length) return null;
  const count = u16(ifd);
  let width = 0;
  let height = 0;
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > bytes.length) break;
    const tag = u16(entry);
    const type = u16(entry + 2);
    const value = type === 3 ? u16(entry + 8) : u32(entry + 8);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  const next = ifd + 2 + count * 12 + 4 <= bytes.length ? u32(ifd + 2 + count * 12) : 0;
  return width && height ? { format: 'tiff', width, height, morePages: next !== 0 } : null;
}

/** The image's format and size, or an ImportError: not an image we read, or too large to decode safely. */
export function imageHeader(bytes: Buffer): ImageHeader {
  const header = png(bytes) ?? jpeg(bytes) ?? tiff(bytes);
  if (!header || header.width === 0 || header.height === 0) {
    throw new ImportError('BAD_IMAGE', 'The image is damaged or not a PNG, JPEG or TIFF file');
  }
  checkPixels(header.width, header.height);
  return header;
}

export function checkPixels(width: number, height: number, where?: string): void {
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw new ImportError(
      'IMAGE_TOO_LARGE',
      `The image is ${width} × ${height} pixels; OCR reads at most ${MAX_IMAGE_PIXELS / 1_000_000} million pixels (${MAX_IMAGE_SIDE} on a side) per page`,
      where,
    );
  }
}
