// CSV and TSV: decoded (see decode.ts), delimiter detected among , ; and tab,
// quoted fields with embedded line breaks kept whole (Papa Parse).
import Papa from 'papaparse';
import { ImportError } from '../errors';
import { decodeText } from './decode';
import type { ParsedTable } from './types';

const DELIMITER_NAMES: Record<string, string> = { ',': 'komma', ';': 'semikolon', '\t': 'tabulator' };

export function readCsv(bytes: Buffer, extension: string): ParsedTable {
  const { text, encoding } = decodeText(bytes);
  const result = Papa.parse<string[]>(text, {
    delimiter: extension === '.tsv' || extension === '.tab' ? '\t' : '',
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: false,
    header: false,
  });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    const row = typeof fatal.row === 'number' ? fatal.row + 1 : undefined;
    throw new ImportError('BAD_CSV', `Broken CSV: ${fatal.message}`, row ? `rad ${row}` : undefined);
  }
  const delimiter = result.meta.delimiter;
  const rows = result.data
    .map((values, i) => ({ locator: `rad ${i + 1}`, values }))
    // A trailing newline or blank separator line is not a row.
    .filter((row) => row.values.some((v) => v !== ''));
  return {
    kind: 'table',
    format: delimiter === '\t' ? 'tsv' : 'csv',
    encoding,
    delimiter: DELIMITER_NAMES[delimiter] ?? delimiter,
    sheets: [{ name: null, rows }],
    warnings: [],
  };
}
