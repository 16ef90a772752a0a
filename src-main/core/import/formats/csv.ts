// CSV and TSV: decoded (see input/decode.ts), delimiter detected among , ; and tab,
// quoted fields with embedded line breaks kept whole (Papa Parse).
import Papa from 'papaparse';
import { ImportError } from '../../input/errors';
import { decodeTextTurning } from '../../input/decode';
import { TURN_EVERY_MS, turnTaker } from '../../eventLoop';
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

/**
 * Decoding goes in slices and Papa Parse goes row by row and pauses every so often so the event loop can
 * turn: a 10,000-row export takes a moment to parse, and the core keeps
 * answering meanwhile. It pauses after a whole row, so nothing is split.
 * `rowsPerTurn` forces a pause every so many rows (tests); otherwise it
 * pauses when TURN_EVERY_MS have passed.
 */
export async function readCsv(bytes: Buffer, extension: string, rowsPerTurn?: number): Promise<ParsedTable> {
  const { text, encoding } = await decodeTextTurning(bytes, turnTaker());
  const delimiter = extension === '.tsv' || extension === '.tab' ? '\t' : guessDelimiter(text);
  const values: string[][] = [];
  // Set inside the parser's callback (an object, so the compiler does not take it for still empty afterwards).
  const outcome: { fatal?: { message: string; row: number } } = {};
  let turnedAt = performance.now();
  const timeToTurn = () =>
    rowsPerTurn === undefined ? performance.now() - turnedAt >= TURN_EVERY_MS : values.length % rowsPerTurn === 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(text, {
      delimiter,
      skipEmptyLines: false,
      header: false,
      step: (results: Papa.ParseStepResult<string[]>, parser: Papa.Parser) => {
        const quotes = results.errors.find((e) => e.type === 'Quotes');
        if (quotes) {
          outcome.fatal = { message: quotes.message, row: values.length };
          parser.abort();
          return;
        }
        values.push(results.data);
        if (timeToTurn()) {
          parser.pause();
          setImmediate(() => {
            turnedAt = performance.now();
            parser.resume();
          });
        }
      },
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  });
  if (outcome.fatal) {
    const { message, row } = outcome.fatal;
    throw new ImportError('BAD_CSV', `Broken CSV: ${message}`, `rad ${row + 1}`);
  }
  const rows = values
    .map((v, i) => ({ locator: `rad ${i + 1}`, values: v }))
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
