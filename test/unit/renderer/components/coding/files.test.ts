// The codebook panel's files: a picked file's bytes as base64 (large files in
// chunks, every byte value kept) and a download from base64.
// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBase64, fileToBase64 } from '../../../../../src-renderer/src/components/coding/files';

afterEach(() => vi.restoreAllMocks());

describe('fileToBase64', () => {
  it('encodes every byte value, also past one chunk of 32 KiB', async () => {
    const bytes = Uint8Array.from({ length: 0x8000 * 2 + 17 }, (_, i) => (i * 31) % 256);
    const base64 = await fileToBase64(new File([bytes], 'stor.qdc'));
    expect(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))).toEqual(bytes);
  });

  it('round-trips any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const base64 = await fileToBase64(new File([bytes], 'x'));
        expect(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
  });
});

describe('downloadBase64', () => {
  it('offers the decoded bytes under the file name', async () => {
    let blob: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:x'));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    downloadBase64('kodebok.qdc', 'application/xml', btoa('<CodeBook/>'));
    expect(click).toHaveBeenCalledTimes(1);
    expect(blob!.type).toBe('application/xml');
    expect(await blob!.text()).toBe('<CodeBook/>');
  });
});
