// Import failures name what is wrong and where: the file, and where it applies
// the sheet and row, page or field.
export type { ImportWarning } from '../../../src-shared/imports';

export type ImportErrorCode =
  | 'EMPTY_FILE'
  | 'TOO_LARGE'
  | 'TOO_MANY_ROWS'
  | 'CELL_TOO_LONG'
  | 'NOT_TEXT'
  | 'UNSUPPORTED_FORMAT'
  | 'BAD_CSV'
  | 'BAD_XLSX'
  | 'BAD_DOCX'
  | 'BAD_PDF'
  | 'PDF_TOO_COMPLEX'
  | 'NO_TEXT_LAYER'
  | 'BAD_HTML'
  | 'HTML_TOO_COMPLEX'
  | 'BAD_EMAIL'
  | 'UNSAFE_EMAIL'
  | 'BAD_IMAGE'
  | 'IMAGE_TOO_LARGE'
  | 'OCR_UNAVAILABLE'
  | 'OCR_FAILED'
  | 'BAD_JSON'
  | 'NO_HEADER'
  | 'NO_ROWS'
  | 'NO_QUESTION_COLUMNS'
  | 'BAD_MAPPING'
  | 'UNKNOWN_QUESTION'
  | 'BAD_ARCHIVE'
  | 'UNSAFE_ARCHIVE'
  | 'NOT_FOUND'
  | 'WRITE_FAILED';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly locator?: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

