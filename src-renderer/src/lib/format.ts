// Display formats: Norwegian dates (dd.mm.åååå) and numbers (space grouping)
// in both languages, since caseworkers compare them with Norwegian sources.
import { formatNorwegianDate, formatNorwegianNumber } from '../../../src-shared/norwegian';

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO date or timestamp → dd.mm.åååå (timestamps in local time). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatNorwegianDate(value);
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/** Timestamp → dd.mm.åååå hh:mm in local time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${formatDate(value)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Text that holds ISO dates (reference data such as «2023-08-23 (åpning
 * 2024)», a report's «2022-12»): every full date as dd.mm.åååå and every
 * year-month as mm.åååå, the rest as it stands — no ISO date reaches the user.
 */
export function formatDatesIn(text: string): string {
  return text
    .replace(/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g, (whole: string) => formatNorwegianDate(whole))
    .replace(/(?<![\d-])(\d{4})-(0[1-9]|1[0-2])(?![\d-])/g, (_: string, year: string, month: string) => `${month}.${year}`);
}

export const formatNumber = formatNorwegianNumber;

/** 1536 → "1,5 kB" with a Norwegian decimal comma. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = unit === 0 ? value : Math.round(value * 10) / 10;
  return `${formatNorwegianNumber(rounded)} ${units[unit]}`;
}

const percentFormat = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Share as a percentage with one decimal, e.g. "12,3 %" and "7,0 %". */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '';
  return `${percentFormat.format((part / whole) * 100)} %`;
}

/**
 * A file name the user typed, as the target of an export: with `extension`
 * (".innspillpakke", ".docx") added when it is missing; empty gives undefined,
 * so the core picks its default name.
 */
export function typedTarget(typed: string, extension: string): string | undefined {
  const name = typed.trim();
  if (!name) return undefined;
  return name.toLowerCase().endsWith(extension.toLowerCase()) ? name : name + extension;
}

/** The last path segment, for either separator (projects may come from Windows). */
export function fileNameOf(filePath: string): string {
  const parts = filePath.split(/[\\/]/);
  return parts[parts.length - 1] || filePath;
}
