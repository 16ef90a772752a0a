// Saved response pages: the response text without the site around it, the
// sender's heading, the page's date in its forms, the attachment links, and
// hostile pages (scripts, huge or deep DOMs) refused or made harmless.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../../../../src-main/core/import/formats/html';
import { HTML_LIMITS } from '../../../../../src-main/core/import/formats/html-text';
import { ImportError } from '../../../../../src-main/core/input/errors';
import { responsePage, type PageInput } from '../../../../helpers/page-fixtures';

const limits = { maxCellChars: 200_000 };
const PAGE: PageInput = {
  sender: 'Bodø kommune',
  date: '12.03.2024',
  sections: [
    { heading: 'Spørsmål 1: Utfordringer', paragraphs: ['Bodø kommune ser økt kriminalitet blant unge.', 'Beredskapen må styrkes.'] },
    { heading: 'Spørsmål 2: Tilfredshet', paragraphs: ['Nei, vi er ikke tilfreds med bemanningen.'] },
  ],
  attachments: [
    { name: 'Høringssvar fra Bodø kommune', file: 'horingssvar-bodo.pdf' },
    { name: 'Vedtak i formannskapet', file: 'vedtak.docx' },
  ],
};
const read = (page: string) => readHtml(Buffer.from(page, 'utf8'), limits);

describe('readHtml', () => {
  it('keeps the heading and the response, line by line, and drops the site around it', () => {
    const letter = read(responsePage(PAGE));
    expect(letter.format).toBe('html');
    expect(letter.text.split('\n')).toEqual([
      'Bodø kommune',
      'Spørsmål 1: Utfordringer',
      'Bodø kommune ser økt kriminalitet blant unge.',
      'Beredskapen må styrkes.',
      'Spørsmål 2: Tilfredshet',
      'Nei, vi er ikke tilfreds med bemanningen.',
    ]);
    for (const noise of ['informasjonskapsler', 'Godta alle', 'Hovedmeny', 'Tema', 'Forsiden', 'Hopp til', 'Del på', 'Relatert', 'Ansvarlig redaktør', 'Personvern', 'Søk', 'Vedlegg', 'Injisert', 'Skriptet', 'dataLayer']) {
      expect(letter.text, noise).not.toContain(noise);
    }
  });

  it('lists the attachment links and says they were not fetched', () => {
    const letter = read(responsePage(PAGE));
    expect(letter.attachments).toEqual([
      { name: 'Høringssvar fra Bodø kommune', href: '/contentassets/abc123/horingssvar-bodo.pdf' },
      { name: 'Vedtak i formannskapet', href: '/contentassets/abc123/vedtak.docx' },
    ]);
    expect(letter.warnings).toEqual([expect.objectContaining({ code: 'PAGE_ATTACHMENTS', message: expect.stringContaining('2 vedlegg som ikke er hentet') })]);
    expect(read(responsePage({ ...PAGE, attachments: [] })).warnings).toEqual([]);
  });

  it.each([
    ['a <time> element', { date: '12.03.2024', dateStyle: 'time' }, '2024-03-12', 'Dato: 12.03.2024'],
    ['a labelled date', { date: '05.11.2023', dateStyle: 'label' }, '2023-11-05', 'Innsendt: 05.11.2023'],
    ['an ISO date in a labelled line', { date: '2023-11-05', dateStyle: 'label' }, '2023-11-05', 'Innsendt: 2023-11-05'],
    ['the published-time metadata', { date: '2022-05-31', dateStyle: 'meta' }, '2022-05-31', 'metadata: 2022-05-31T10:15:00+01:00'],
  ] as const)('reads the date from %s', (_, input, date, line) => {
    const letter = read(responsePage({ ...PAGE, ...input }));
    expect(letter.pageDate).toEqual({ date, line });
    expect(letter.text).not.toMatch(/Dato:|Innsendt:/);
  });

  it('has no date when the page shows none, and never takes one from the response text', () => {
    const page = responsePage({ ...PAGE, date: null, sections: [{ heading: 'Spørsmål 1', paragraphs: ['Endringen trer i kraft 01.01.2025 etter vedtaket.'] }] });
    const letter = read(page);
    expect(letter.pageDate).toBeNull();
    expect(letter.text).toContain('01.01.2025');
  });

  it('keeps any text the writer typed, whatever its characters (property)', () => {
    const word = fc.stringMatching(/^[A-Za-zÆØÅæøå0-9,.!?%«»-]{1,12}$/);
    const paragraph = fc.array(word, { minLength: 3, maxLength: 20 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), (paragraphs) => {
        const letter = read(responsePage({ ...PAGE, attachments: [], sections: [{ heading: 'Spørsmål 1', paragraphs }] }));
        for (const p of paragraphs) expect(letter.text.split('\n')).toContain(p);
      }),
      { numRuns: 60 },
    );
  });

  it('never runs a script: a page whose script would rewrite it reads as written', () => {
    const page = '<html><body><main><h1>Bodø kommune</h1><p id="t">Teksten slik den er lagret, uten noe skript som endrer den.</p></main>' +
      '<script>document.getElementById("t").textContent = "ENDRET"; globalThis.__ran = true;</script><img src=x onerror="globalThis.__ran = true"></body></html>';
    const letter = read(page);
    expect(letter.text).toContain('Teksten slik den er lagret');
    expect(letter.text).not.toContain('ENDRET');
    expect((globalThis as { __ran?: boolean }).__ran).toBeUndefined();
  });

  it('refuses a page with a huge DOM before building it', () => {
    const page = `<html><body><main><h1>X</h1>${'<span>a</span>'.repeat(HTML_LIMITS.maxElements + 1)}</main></body></html>`;
    const before = process.memoryUsage().heapUsed;
    expect(() => read(page)).toThrow(expect.objectContaining({ code: 'HTML_TOO_COMPLEX' }) as ImportError);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses a page nested deeper than any real one', () => {
    const depth = HTML_LIMITS.maxDepth + 10;
    const page = `<html><body><main><h1>X</h1>${'<div>'.repeat(depth)}tekst${'</div>'.repeat(depth)}</main></body></html>`;
    expect(() => read(page)).toThrow(expect.objectContaining({ code: 'HTML_TOO_COMPLEX' }) as ImportError);
  });

  it('refuses binary data named .html and a page with no text', () => {
    expect(() => readHtml(Buffer.from([0, 1, 2, 3, 0, 0]), limits)).toThrow(ImportError);
    expect(() => read('Bare tekst, ingen nettside.')).toThrow(expect.objectContaining({ code: 'BAD_HTML' }) as ImportError);
    expect(() => read('<html><body><nav>Meny</nav><script>x()</script></body></html>')).toThrow(expect.objectContaining({ code: 'NO_ROWS' }) as ImportError);
  });
});
