// readCsv returns exactly the fields that were written, whatever the
// delimiter, line ends, encoding and content: quotes, delimiters, tabs and
// line breaks inside quoted fields, Norwegian letters, emoji, and the
// characters spreadsheets treat as formulas. (Line ends inside fields are
// normalised later, when records are built, not here.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../../../src-main/core/import/formats/csv';
import { encodeText, representableIn1252, toCsv, type CsvOptions, type Delimiter, type TextEncoding } from '../../../../helpers/import-fixtures';

const TRICKY = ['"', '""', ';', ',', '\t', '\n', '\r\n', '\r', 'æ', 'ø', 'å', 'Æ', 'Ø', 'Å', 'é', '😀', '👍🏽', '=', '=SUM(A1:A2)', '+', '-', '@', ' ', "'", 'a', 'Z', '0', '1.5', 'kommune'];

const field = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TRICKY) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), { maxLength: 6 })
  .map((parts) => parts.join(''));

/**
 * A table as exports have it: a header of plain column names, then rows of
 * the same width. (With no header, a file of one short row can be split as
 * cleanly on ';' as on ',' — no reader can tell, so that is not asserted.)
 */
const table = fc.integer({ min: 2, max: 6 }).chain((columns) =>
  fc
    .array(fc.array(field, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 8 })
    .map((data) => [['Kommune', ...Array.from({ length: columns - 1 }, (_, i) => `Spørsmål ${i + 1}`)], ...data]),
);

const layout = fc.record({
  delimiter: fc.constantFrom<Delimiter>(',', ';', '\t'),
  eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
  trailing: fc.boolean(),
});

/** readCsv drops rows with no content at all (blank lines, ";;"). */
const expectedRows = (rows: string[][]) => rows.filter((r) => r.some((v) => v !== ''));

function roundTrip(rows: string[][], options: CsvOptions, encoding: TextEncoding, extension = '.csv', rowsPerTurn?: number) {
  const text = toCsv(rows, options);
  return readCsv(encodeText(text, encoding), extension, rowsPerTurn);
}

const RUNS = { numRuns: 300, seed: 20220601 };

describe('readCsv round trip', () => {
  it.each<TextEncoding>(['utf8', 'utf8-bom', 'utf16le-bom'])('returns exactly the written fields (%s)', async (encoding) => {
    await fc.assert(
      fc.asyncProperty(table, layout, async (rows, options) => {
        const parsed = await roundTrip(rows, options, encoding);
        expect(parsed.sheets).toHaveLength(1);
        expect(parsed.sheets[0].rows.map((r) => r.values)).toEqual(expectedRows(rows));
        expect(parsed.delimiter).toBe({ ',': 'komma', ';': 'semikolon', '\t': 'tabulator' }[options.delimiter]);
      }),
      RUNS,
    );
  });

  it('returns exactly the written fields from Windows-1252 (text without emoji)', async () => {
    const legacy = table.filter((rows) => representableIn1252(rows.flat().join('')));
    await fc.assert(
      fc.asyncProperty(legacy, layout, async (rows, options) => {
        const parsed = await roundTrip(rows, options, 'windows-1252');
        expect(parsed.sheets[0].rows.map((r) => r.values)).toEqual(expectedRows(rows));
        // Pure ASCII is valid UTF-8 and is read as such.
        expect(parsed.encoding).toBe(/[^\x00-\x7f]/.test(rows.flat().join('')) ? 'WINDOWS-1252' : 'UTF-8');
      }),
      RUNS,
    );
  });

  it('reads .tsv as tab-separated whatever the content', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom<TextEncoding>('utf8', 'utf16le-bom'), async (rows, encoding) => {
        const parsed = await roundTrip(rows, { delimiter: '\t', eol: '\r\n', trailing: true }, encoding, '.tsv');
        expect(parsed.format).toBe('tsv');
        expect(parsed.sheets[0].rows.map((r) => r.values)).toEqual(expectedRows(rows));
      }),
      RUNS,
    );
  });
});

describe('readCsv with pauses (the event loop turns between rows)', () => {
  it('returns the same rows wherever it pauses, quoted line breaks and all', async () => {
    await fc.assert(
      fc.asyncProperty(table, layout, fc.integer({ min: 1, max: 4 }), async (rows, options, rowsPerTurn) => {
        const parsed = await roundTrip(rows, options, 'utf8', '.csv', rowsPerTurn);
        expect(parsed.sheets[0].rows).toEqual((await roundTrip(rows, options, 'utf8')).sheets[0].rows);
        expect(parsed.sheets[0].rows.map((r) => r.values)).toEqual(expectedRows(rows));
      }),
      RUNS,
    );
  });
});

describe('readCsv specifics the property relies on', () => {
  it('numbers rows as records, counting blank lines, so a locator finds its row again', async () => {
    const parsed = await readCsv(Buffer.from('Kommune;Spørsmål 1\n\nBodø;"Ja\nog nei"\nBergen;Nei\n'), '.csv');
    expect(parsed.sheets[0].rows).toEqual([
      { locator: 'rad 1', values: ['Kommune', 'Spørsmål 1'] },
      { locator: 'rad 3', values: ['Bodø', 'Ja\nog nei'] },
      { locator: 'rad 4', values: ['Bergen', 'Nei'] },
    ]);
  });

  it('detects ; for a two-column file ending in a newline', async () => {
    const parsed = await readCsv(Buffer.from('Kommune;Spørsmål 1\r\nBodø;Ja, absolutt\r\n'), '.csv');
    expect(parsed.delimiter).toBe('semikolon');
    expect(parsed.sheets[0].rows.map((r) => r.values)).toEqual([
      ['Kommune', 'Spørsmål 1'],
      ['Bodø', 'Ja, absolutt'],
    ]);
  });

  it('reads short Windows-1252 files as Windows-1252, not as a look-alike code page', async () => {
    for (const text of ['Kommune;Spørsmål 1\r\nØrland;Ja\r\n', 'Navn;Q1\r\nÅ;ø\r\n', 'Kommune;Svar\r\nÅsnes;Vi ønsker økt bemanning på lensmannskontoret.\r\nBærum;Nei\r\n']) {
      const parsed = await readCsv(encodeText(text, 'windows-1252'), '.csv');
      expect(parsed.encoding).toBe('WINDOWS-1252');
      expect(parsed.sheets[0].rows.flatMap((r) => r.values).join('|')).toBe(text.trim().split(/\r\n/).map((l) => l.replace(';', '|')).join('|'));
    }
  });

  it('keeps a leading = + - @ as text (nothing is evaluated)', async () => {
    const parsed = await readCsv(Buffer.from('Kommune,Spørsmål 1\n=1+1,+47 123\n@SUM(A1),-5\n'), '.csv');
    expect(parsed.sheets[0].rows.map((r) => r.values)).toEqual([
      ['Kommune', 'Spørsmål 1'],
      ['=1+1', '+47 123'],
      ['@SUM(A1)', '-5'],
    ]);
  });

  it('refuses an unterminated quote, naming the row', async () => {
    await expect(readCsv(Buffer.from('Kommune;Spørsmål 1\nBodø;"Ja\n'), '.csv')).rejects.toThrow(expect.objectContaining({ code: 'BAD_CSV', locator: 'rad 2' }));
  });

  it('names the same row when the broken quote comes after many pauses', async () => {
    const text = 'Kommune;Spørsmål 1\n' + Array.from({ length: 40 }, (_, i) => `K${i};"Ja\nog nei"`).join('\n') + '\nBodø;"Ja\n';
    await expect(readCsv(Buffer.from(text), '.csv', 3)).rejects.toThrow(expect.objectContaining({ code: 'BAD_CSV', locator: 'rad 42' }));
  });
});
