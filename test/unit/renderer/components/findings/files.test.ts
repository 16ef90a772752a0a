// Files in and out of the findings screen without a network: a download
// from base64 keeps every byte, a picked file comes back as base64, and text
// reaches the clipboard (or the fallback when the clipboard refuses).
// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText, downloadBase64, readAsBase64 } from '../../../../../src-renderer/src/components/findings/files';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('downloadBase64', () => {
  it('saves exactly the decoded bytes under the file name and lets the URL go later', async () => {
    vi.useFakeTimers();
    const bytes = new Uint8Array([0, 1, 127, 128, 255, 0xc3, 0xa6]);
    let blob: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:test'));
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    downloadBase64({ fileName: 'funn.xlsx', mediaType: 'application/vnd.ms-excel', base64: btoa(String.fromCharCode(...bytes)) });
    const clicked = click.mock.contexts[0] as HTMLAnchorElement;
    expect(clicked.download).toBe('funn.xlsx');
    expect(clicked.href).toBe('blob:test');
    expect(clicked.isConnected).toBe(false);
    expect(blob!.type).toBe('application/vnd.ms-excel');
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(bytes);
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(revoke).toHaveBeenCalledWith('blob:test');
  });
});

describe('readAsBase64', () => {
  it('gives the bytes without the data-URL prefix', async () => {
    const text = 'Funn;Rapport\nBål på Ørland;DFØ\n';
    const base64 = await readAsBase64(new File([text], 'funn.csv', { type: 'text/csv' }));
    expect(new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)))).toBe(text);
  });
});

describe('copyText', () => {
  it('writes to the clipboard when it may', async () => {
    const writeText = vi.fn(async () => {});
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    await copyText('sitat');
    expect(writeText).toHaveBeenCalledWith('sitat');
  });

  it('falls back to a hidden text area and copy when the clipboard refuses, and removes it', async () => {
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText: async () => Promise.reject(new Error('denied')) } as unknown as Clipboard);
    let copied = '';
    document.execCommand = vi.fn(() => ((copied = (document.activeElement as HTMLTextAreaElement | null)?.value ?? document.querySelector('textarea')!.value), true));
    await copyText('sitat med æøå');
    expect(document.execCommand).toHaveBeenCalledWith('copy');
    expect(copied).toBe('sitat med æøå');
    expect(document.querySelector('textarea')).toBeNull();
  });
});
