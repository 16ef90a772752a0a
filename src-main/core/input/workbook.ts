// Loading an XLSX file's bytes into an exceljs workbook, in one place for
// every reader. exceljs declares `load(buffer: Buffer)` with its own global
// `interface Buffer extends ArrayBuffer`, which Node's Buffer does not
// satisfy; it hands the bytes to JSZip, which reads an ArrayBuffer just the
// same, so the bytes are passed as one.
import ExcelJS from 'exceljs';

/** The workbook in `bytes`; throws what exceljs throws for a damaged or non-XLSX file. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // A Buffer may be a view into a larger (pooled) ArrayBuffer: then only its own bytes are copied out.
  const whole = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  await workbook.xlsx.load(whole && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : new Uint8Array(bytes).buffer);
  return workbook;
}
