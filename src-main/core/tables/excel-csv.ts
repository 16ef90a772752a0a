// CSV as Norwegian Excel opens it: UTF-8 with a byte order mark (else Excel
// guesses Windows-1252 and mangles æ, ø, å), ";" between fields (the list
// separator of Norwegian Windows), CRLF line ends, every field quoted
// (RFC 4180), and no cell Excel would run as a formula. Used by the codebook,
// findings-register and table exports.
import Papa from 'papaparse';

export const CSV_BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';

/**
 * Text that Excel would take as a formula gets a leading apostrophe. So does
 * text that already starts with one, since reading a table strips one.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r']/.test(text) ? `'${text}` : text;
}

/** Rows as CSV lines (no BOM, no trailing line end), every cell neutralised. */
export function excelCsvLines(rows: string[][]): string {
  return Papa.unparse(
    rows.map((r) => r.map(neutralise)),
    { delimiter: ';', newline: CSV_NEWLINE, quotes: true },
  );
}
