// The findings register's formats: publication dates as written in Norway
// (a full date, a month, or free text kept as it stands) and link totals.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { formatPublished, linkTotal } from '../../../../../src-renderer/src/components/findings/findingFormat';

describe('formatPublished', () => {
  it('writes a date as dd.mm.åååå and a month as mm.åååå', () => {
    expect(formatPublished('2022-12-19')).toBe('19.12.2022');
    expect(formatPublished(' 2022-12 ')).toBe('12.2022');
    expect(formatPublished('2022-06 (revidert)')).toBe('06.2022 (revidert)');
  });
  it('keeps a year or a note as it stands', () => {
    expect(formatPublished('2021')).toBe('2021');
    expect(formatPublished('våren 2023')).toBe('våren 2023');
    expect(formatPublished('')).toBe('');
  });
});

describe('linkTotal', () => {
  it('adds the links of every relation', () => {
    expect(linkTotal({ counts: { stotter: 3, motsier: 1, nyanserer: 0, nytt_forhold: 2 } })).toBe(6);
    expect(linkTotal({ counts: { stotter: 0, motsier: 0, nyanserer: 0, nytt_forhold: 0 } })).toBe(0);
  });
});
