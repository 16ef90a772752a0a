// Norwegian text conventions shared by the core and the UI.

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/** Sorts the Norwegian way: æ, ø and å come after z. */
export function norwegianCompare(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * Lower-cases and NFC-normalises text for substring search. Keeps æ, ø and å
 * distinct from a and o (they are letters of their own, not accented forms).
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('nb').trim();
}

/** 2022-06-01 → 01.06.2022; anything else is returned unchanged. */
export function formatNorwegianDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** "27.11.2026" or "1.2.2026" → ISO "2026-11-27"; null unless a real date with a four-digit year. */
export function parseNorwegianDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 5425270 → "5 425 270" (Norwegian thousands separator: a no-break space). */
export function formatNorwegianNumber(n: number): string {
  return new Intl.NumberFormat('nb-NO').format(n);
}

/** A moment as dd.mm.åååå tt:mm in Norwegian local time. */
export function formatNorwegianDateTime(date: Date): string {
  const parts = new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}.${get('month')}.${get('year')} ${get('hour')}:${get('minute')}`;
}
