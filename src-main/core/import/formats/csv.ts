// CSV and TSV: decoded (see input/decode.ts), delimiter detected among , ; and tab,
// quoted fields with embedded line breaks kept whole (Papa Parse).
import Papa from 'papaparse';
import { ImportError } from '../../input/errors';
import { decodeText } from '../../input/decode';
import type { ParsedTable } from './types';

const DELIMITER_NAMES: Record<string, string> = { ',': 'komma', ';': 'semikolon', '\t': 'tabulator' };

const CANDIDATES = [';', ',', '\t'];

/**
 * The delimiter among ; , and tab. Papa Parse's own guess counts blank lines
 * (a two-column file with a trailing newline averages under two fields a row,
 * so nothing qualifies and it falls back to ',') and ignores quoting errors
 * (a short file can split as well on a delimiter that leaves broken quotes).
 * So: the candidate that splits the first rows cleanly and evenly into the
 * most columns, else Papa's guess on the non-blank lines.
 */
function guessDelimiter(text: string): string {
  let best: { delimiter: string; fields: number } | null = null;
  for (const delimiter of CANDIDATES) {
    const { data, errors } = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true, preview: 10 });
    if (data.length === 0 || errors.some((e) => e.type === 'Quotes')) continue;
    const fields = data[0].length;
    if (fields > 1 && data.every((row) => row.length === fields) && (!best || fields > best.fields)) best = { delimiter, fields };
  }
  return best?.delimiter ?? Papa.parse<string[]>(text, { delimitersToGuess: CANDIDATES, skipEmptyLines: true, preview: 10 }).meta.delimiter;
}

export function readCsv(bytes: Buffer, extension: string): ParsedTable {
  const { text, encoding } = decodeText(bytes);
  const result = Papa.parse<string[]>(text, {
    delimiter: extension === '.tsv' || extension === '.tab' ? '\t' : guessDelimiter(text),
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
