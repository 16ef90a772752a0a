// The PDF text layer read in a time-limited worker (pdf-text.ts): a real letter reads page by page;
// the fuzzer's PDF that held pdf.js for minutes (kept gzipped under test/fixtures/fuzz/pdf/) is
// refused at the limit with PDF_TOO_COMPLEX; a damaged one with BAD_PDF; and the next PDF after a
// refusal reads again (a fresh worker).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfPageTexts } from '../../../../../src-main/core/import/formats/pdf-text';
import { repoRoot } from '../../../../helpers/core';

const letter = () => readFileSync(path.join(repoRoot, '..', 'shared', 'external', 'norwegian', 'hoeringssvar-2024-04-15-tengesdal-hkdir.pdf'));
const nested = () => gunzipSync(readFileSync(path.join(repoRoot, 'test', 'fixtures', 'fuzz', 'pdf', 'hang-94e013937d04.pdf.gz')));

const refusal = (p: Promise<unknown>): Promise<{ code: string; message: string }> =>
  p.then(
    () => ({ code: 'read', message: '' }),
    (e: unknown) => e as { code: string; message: string },
  );

describe('pdfPageTexts', () => {
  it('reads a real letter, one text per page', async () => {
    const pages = await pdfPageTexts(letter(), 60_000);
    expect(pages).toHaveLength(4);
    expect(pages[0]).toContain('Tengesdal');
  }, 90_000);

  it('refuses the fuzzer\'s deeply nested PDF at the time limit, then reads the next PDF', async () => {
    const started = performance.now();
    const e = await refusal(pdfPageTexts(nested(), 2_000));
    expect(e.code).toBe('PDF_TOO_COMPLEX');
    expect(e.message).toMatch(/within 2 s/);
    // Ended at the limit, not when pdf.js gave up (minutes).
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(await pdfPageTexts(letter(), 60_000)).toHaveLength(4);
  }, 120_000);

  it('refuses a damaged PDF as BAD_PDF', async () => {
    const e = await refusal(pdfPageTexts(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF'), 60_000));
    expect(e.code).toBe('BAD_PDF');
  }, 90_000);
});
