// @vitest-environment happy-dom
// The received-date field's reading of what was typed: dd.mm.åååå (one-digit
// day and month allowed) to an ISO date, empty to «not known», every other
// text and every impossible date refused; and a stored date back to the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReceivedDate, receivedDateText } from '../../../../../src-renderer/src/components/responses/receivedDate';

describe('readReceivedDate', () => {
  it.each([
    ['01.06.2022', '2022-06-01'],
    ['1.6.2022', '2022-06-01'],
    [' 29.02.2024 ', '2024-02-29'],
    ['31.12.1999', '1999-12-31'],
  ])('reads %j as %s', (text, iso) => {
    expect(readReceivedDate(text)).toEqual({ ok: true, date: iso });
  });

  it.each(['', '   '])('reads %j as not known', (text) => {
    expect(readReceivedDate(text)).toEqual({ ok: true, date: null });
  });

  it.each(['29.02.2022', '31.04.2022', '00.01.2022', '01.13.2022', '2022-06-01', '01.06.22', '01/06/2022', 'i går', '01.06.2022 12:00'])('refuses %j', (text) => {
    expect(readReceivedDate(text)).toEqual({ ok: false });
  });

  it('reads back every real date the field shows', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(readReceivedDate(receivedDateText(iso))).toEqual({ ok: true, date: iso });
      }),
    );
  });

  it('shows a missing date as an empty field', () => {
    expect(receivedDateText(null)).toBe('');
  });
});
