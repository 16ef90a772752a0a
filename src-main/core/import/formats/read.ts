// Picks the reader for a file by its extension, after checking the size and
// that the content is what the name promises.
import path from 'node:path';
import { ImportError } from '../../input/errors';
import type { ImportLimits } from '../../input/limits';
import { readCsv } from './csv';
import { readHtml } from './html';
import { readEmail } from './email';
import { readJson } from './json';
import { readDocx, readPdf, readTxt } from './letter';
import type { ParsedSource, ReadContext } from './types';
import { readImage } from './image';
import { readXlsx } from './xlsx';

export const SUPPORTED_EXTENSIONS = ['.csv', '.tsv', '.tab', '.xlsx', '.json', '.docx', '.pdf', '.txt', '.html', '.htm', '.eml', '.msg', '.png', '.jpg', '.jpeg', '.tif', '.tiff'] as const;

export const MEDIA_TYPES: Record<string, string> = {
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.tab': 'text/tab-separated-values',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.json': 'application/json',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.eml': 'message/rfc822',
  '.msg': 'application/vnd.ms-outlook',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.zip': 'application/zip',
};

export async function readSource(name: string, bytes: Buffer, limits: ImportLimits, context: ReadContext = {}): Promise<ParsedSource> {
  const ext = path.extname(name).toLowerCase();
  if (bytes.length === 0) throw new ImportError('EMPTY_FILE', 'The file is empty');
  if (bytes.length > limits.maxFileBytes) {
    throw new ImportError('TOO_LARGE', `The file is ${Math.round(bytes.length / 1048576)} MB; the limit is ${Math.round(limits.maxFileBytes / 1048576)} MB`);
  }
  switch (ext) {
    case '.csv':
    case '.tsv':
    case '.tab':
      return readCsv(bytes, ext);
    case '.xlsx':
      return readXlsx(bytes);
    case '.json':
      return readJson(bytes);
    case '.docx':
      return readDocx(bytes);
    case '.pdf':
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw new ImportError('BAD_PDF', 'Not a PDF file (it does not start with %PDF-)');
      }
      return readPdf(bytes, context, limits);
    case '.txt':
      return readTxt(bytes);
    case '.html':
    case '.htm':
      return readHtml(bytes, limits);
    case '.eml':
      return readEmail('eml', bytes, limits);
    case '.msg':
      return readEmail('msg', bytes, limits);
    case '.png':
    case '.jpg':
    case '.jpeg':
    case '.tif':
    case '.tiff':
      return readImage(bytes, context);
    default:
      throw new ImportError(
        'UNSUPPORTED_FORMAT',
        `Unsupported file type "${ext || name}"; Innspill reads ${SUPPORTED_EXTENSIONS.join(', ')} and .zip`,
      );
  }
}
