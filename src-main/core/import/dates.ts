// Dates as they arrive: real Excel dates, Excel serial numbers, dd.mm.åååå,
// dd.mm.åå, ISO, and "1. juni 2022". Returned as ISO yyyy-mm-dd, or null.
import type { CellValue } from './formats/types';

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export function parseDate(value: CellValue | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    // Excel serial day (1900 system): 25569 is 1970-01-01.
    if (value > 20000 && value < 80000) return new Date(Math.round((value - 25569) * 86400000)).toISOString().slice(0, 10);
    return null;
  }
  const text = String(value).trim().toLocaleLowerCase('nb');
  let m = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4}|\d{2})(?:\s+(?:kl\.?\s*)?\d{1,2}[:.]\d{2}(?::\d{2})?)?$/.exec(text);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return iso(year, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[t ][\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.findIndex((name) => name.startsWith(m![2].slice(0, 3)));
    if (month >= 0) return iso(Number(m[3]), month + 1, Number(m[1]));
  }
  return null;
}
