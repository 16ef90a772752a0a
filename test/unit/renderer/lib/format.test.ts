// Display formats: dd.mm.åååå dates (local time for timestamps), sizes and
// percentages with a Norwegian decimal comma, export targets and file names.
// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileNameOf, formatBytes, formatDate, formatDatesIn, formatDateTime, formatNumber, formatPercent, typedTarget } from '../../../../src-renderer/src/lib/format';

const NBSP = /[\u00a0\u202f]/g;
const plain = (s: string) => s.replace(NBSP, ' ');

describe('formatDate', () => {
  it('writes an ISO date as dd.mm.åååå without shifting it through a time zone', () => {
    expect(formatDate('2022-05-30')).toBe('30.05.2022');
    expect(formatDate('2024-01-01')).toBe('01.01.2024');
    expect(formatDate('1999-12-31')).toBe('31.12.1999');
  });

  it('writes a timestamp in local time', () => {
    const d = new Date(2023, 2, 4, 23, 59);
    expect(formatDate(d.toISOString())).toBe('04.03.2023');
  });

  it('gives nothing for nothing and keeps text that is not a date', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('ukjent')).toBe('ukjent');
  });

  it('round-trips any calendar date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(1900, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true }), (d) => {
        const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
        const [dd, mm, yyyy] = formatDate(iso).split('.');
        expect(`${yyyy}-${mm}-${dd}`).toBe(iso);
      }),
    );
  });
});

describe('formatDateTime', () => {
  it('adds hh:mm in local time, zero-padded', () => {
    expect(formatDateTime(new Date(2022, 4, 30, 7, 5).toISOString())).toBe('30.05.2022 07:05');
  });
  it('keeps what is not a timestamp', () => {
    expect(formatDateTime('i morgen')).toBe('i morgen');
    expect(formatDateTime(null)).toBe('');
  });
});

describe('formatNumber and formatBytes', () => {
  it('groups thousands with a space', () => {
    expect(plain(formatNumber(1234567))).toBe('1 234 567');
  });
  it('uses the next unit from 1024 on, with one decimal and a comma', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(plain(formatBytes(1023))).toBe(`${plain(formatNumber(1023))} B`);
    expect(plain(formatBytes(1024))).toBe('1 kB');
    expect(plain(formatBytes(1536))).toBe('1,5 kB');
    expect(plain(formatBytes(5 * 1024 * 1024))).toBe('5 MB');
    expect(plain(formatBytes(3.25 * 1024 ** 3))).toBe('3,3 GB');
    expect(plain(formatBytes(2048 * 1024 ** 3))).toBe('2 048 GB');
  });
});

describe('formatPercent', () => {
  it('shows one decimal with a comma and a space before %', () => {
    expect(plain(formatPercent(1, 8))).toBe('12,5 %');
    expect(plain(formatPercent(7, 100))).toBe('7,0 %');
    expect(plain(formatPercent(2, 3))).toBe('66,7 %');
    expect(plain(formatPercent(5, 5))).toBe('100,0 %');
  });
  it('shows nothing when there is no base', () => {
    expect(formatPercent(3, 0)).toBe('');
    expect(formatPercent(0, -1)).toBe('');
  });
});

describe('typedTarget and fileNameOf', () => {
  it('adds a missing extension and leaves an existing one (any case)', () => {
    expect(typedTarget('notat', '.docx')).toBe('notat.docx');
    expect(typedTarget(' Notat.DOCX ', '.docx')).toBe('Notat.DOCX');
    expect(typedTarget('   ', '.docx')).toBeUndefined();
  });
  it('takes the last segment of a POSIX or Windows path', () => {
    expect(fileNameOf('/home/kari/saker/høring.innspill')).toBe('høring.innspill');
    expect(fileNameOf('C:\\Users\\Kari\\Ørland.innspill')).toBe('Ørland.innspill');
    expect(fileNameOf('bare-navn.innspill')).toBe('bare-navn.innspill');
    expect(fileNameOf('/mappe/')).toBe('/mappe/');
  });
});

describe('formatDatesIn', () => {
  it('writes every ISO date and year-month inside text as dd.mm.åååå and mm.åååå, the rest untouched', () => {
    expect(formatDatesIn('2023-08-23 (åpning 2024)')).toBe('23.08.2023 (åpning 2024)');
    expect(formatDatesIn('2023-01')).toBe('01.2023');
    expect(formatDatesIn('fra 2022-06-01 til 2022-12')).toBe('fra 01.06.2022 til 12.2022');
    expect(formatDatesIn('statusrapport 2016')).toBe('statusrapport 2016');
    // Not dates: a case number, a longer digit run, a month 13.
    expect(formatDatesIn('sak 2022-535 og 12023-08-23 og 2022-13')).toBe('sak 2022-535 og 12023-08-23 og 2022-13');
  });

  it('leaves no ISO date in any text', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), fc.string({ maxLength: 10 }), (d, rest) => {
        const iso = d.toISOString().slice(0, 10);
        const out = formatDatesIn(`${rest} ${iso} ${rest}`);
        expect(out).toContain(`${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`);
        expect(out).not.toContain(` ${iso} `);
      }),
    );
  });
});
