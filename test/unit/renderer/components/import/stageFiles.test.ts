// Picked and dropped files become staged paths: in path order (Norwegian),
// walking into dropped folders, and sent in calls that stay under the host's
// body limit, with every byte and the order of paths kept.
// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { droppedFiles, pickedFrom, stageFiles } from '../../../../../src-renderer/src/components/import/stageFiles';

afterEach(() => vi.unstubAllGlobals());

const file = (name: string, content: string | Uint8Array<ArrayBuffer> = name) => new File([content], name);

describe('pickedFrom', () => {
  it('orders by relative path the Norwegian way (å last)', () => {
    const picked = pickedFrom([file('Åfjord.csv'), file('Bodø.csv'), file('Alta.csv'), file('Ørland.csv')]);
    expect(picked.map((p) => p.name)).toEqual(['Alta.csv', 'Bodø.csv', 'Ørland.csv', 'Åfjord.csv']);
  });
});

describe('droppedFiles', () => {
  it('walks into dropped folders, reading each folder until it returns nothing', async () => {
    const entry = (fullPath: string) => ({ isFile: true, isDirectory: false, name: fullPath.split('/').pop()!, fullPath, file: (ok: (f: File) => void) => ok(file(fullPath.split('/').pop()!)) });
    const chunks = [[entry('/svar/b.csv'), entry('/svar/a.csv')], [entry('/svar/c.csv')], []];
    const folder = { isFile: false, isDirectory: true, name: 'svar', fullPath: '/svar', createReader: () => ({ readEntries: (ok: (e: unknown[]) => void) => ok(chunks.shift()!) }) };
    const transfer = { items: [{ kind: 'file', webkitGetAsEntry: () => folder }], files: [] } as unknown as DataTransfer;
    expect((await droppedFiles(transfer)).map((p) => p.name)).toEqual(['svar/a.csv', 'svar/b.csv', 'svar/c.csv']);
  });
});

describe('stageFiles', () => {
  it('sends the files in calls under 10 MB of base64, and returns the paths in order', async () => {
    const calls: { name: string; base64: string }[][] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        expect(url).toBe('/api/invoke/import.stage');
        const { files } = JSON.parse(String(init.body)) as { files: { name: string; base64: string }[] };
        calls.push(files);
        return new Response(JSON.stringify({ ok: true, result: { paths: files.map((f) => `/stage/${f.name}`) } }));
      }),
    );
    const big = (n: number) => new Uint8Array(4 * 1024 * 1024).fill(n);
    const progress: string[] = [];
    const paths = await stageFiles(
      [
        { name: 'a.xlsx', file: file('a.xlsx', big(1)) },
        { name: 'b.xlsx', file: file('b.xlsx', big(2)) },
        { name: 'c.csv', file: file('c.csv', 'Kommune;Svar\nBodø;Ja\n') },
      ],
      (done, total) => progress.push(`${done}/${total}`),
    );
    expect(paths).toEqual(['/stage/a.xlsx', '/stage/b.xlsx', '/stage/c.csv']);
    expect(calls.map((c) => c.map((f) => f.name))).toEqual([['a.xlsx'], ['b.xlsx', 'c.csv']]);
    for (const c of calls) expect(c.reduce((n, f) => n + f.base64.length, 0)).toBeLessThanOrEqual(10 * 1024 * 1024);
    expect(atob(calls[1][1].base64)).toBe(String.fromCharCode(...new TextEncoder().encode('Kommune;Svar\nBodø;Ja\n')));
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
  });
});
