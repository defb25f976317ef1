import fc from 'fast-check';
import { addDays, addMonths, civilFromDays, civilFromSerial, daysFromCivil, daysInMonth, isoDayNumber, isoOf, isoToSerial, isValidYmd } from '../src/domain/calendar';

/** A valid day between 1850 and 2200, the years the readers accept. */
const day = fc.tuple(fc.integer({ min: 1850, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .filter(([y, m, d]) => isValidYmd(y, m, d))
  .map(([y, m, d]) => isoOf(y, m, d));

/** The same sums through JavaScript's Date in UTC, an independent count. */
const byDate = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('the calendar', () => {
  it('knows the days of each month, leap years by the Gregorian rule', () => {
    expect([2000, 1900, 2024, 2023].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 29, 28]);
    expect([1, 4, 6, 9, 11, 12].map((m) => daysInMonth(2021, m))).toEqual([31, 30, 30, 30, 30, 31]);
    expect([isValidYmd(2021, 2, 29), isValidYmd(2020, 2, 29), isValidYmd(2021, 13, 1), isValidYmd(2021, 4, 31)]).toEqual([false, true, false, false]);
  });

  it('property: adding days agrees with Date in UTC, and civilFromDays undoes daysFromCivil', () => {
    fc.assert(fc.property(day, fc.integer({ min: -40_000, max: 40_000 }), (iso, n) => {
      expect(addDays(iso, n)).toBe(byDate(iso, n));
      const [y, m, d] = iso.split('-').map(Number);
      expect(civilFromDays(daysFromCivil(y, m, d))).toEqual({ year: y, month: m, day: d });
    }), { numRuns: 2000 });
  });

  it('adds months as EDATE does: a day the month lacks becomes its last', () => {
    expect(addMonths('2020-02-29', 12)).toBe('2021-02-28');
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2021-03-31', -1)).toBe('2021-02-28');
    expect(addMonths('2021-06-30', -12)).toBe('2020-06-30');
    expect(addMonths('2021-11-15', 3)).toBe('2022-02-15');
  });

  it('Excel serials: 1 is 01/01/1900, 60 the 29/02/1900 Excel counts, 44377 is 30/06/2021', () => {
    expect([isoToSerial('1900-01-01'), isoToSerial('1900-02-28'), isoToSerial('1900-03-01'), isoToSerial('2021-06-30')]).toEqual([1, 59, 61, 44377]);
    expect(isoToSerial('30/06/2021')).toBeNaN();
  });

  it('civilFromSerial reads a serial back as Excel shows it: day 0 and 29/02/1900 too', () => {
    expect([0, 1, 59, 60, 61, 44377].map(civilFromSerial)).toEqual([[1900, 1, 0], [1900, 1, 1], [1900, 2, 28], [1900, 2, 29], [1900, 3, 1], [2021, 6, 30]].map(([year, month, day]) => ({ year, month, day })));
    fc.assert(fc.property(day, (iso) => {
      const [year, month, d] = iso.split('-').map(Number);
      if (year >= 1900) expect(civilFromSerial(isoToSerial(iso))).toEqual({ year, month, day: d });
    }), { numRuns: 1000 });
  });

  it('day numbers order as the days do', () => {
    fc.assert(fc.property(day, day, (a, b) => {
      expect(Math.sign(isoDayNumber(a) - isoDayNumber(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
    }), { numRuns: 1000 });
    expect(isoDayNumber('2021-6-30')).toBe(-1);
    expect(() => addDays('2021-6-30', 1)).toThrow(RangeError);
  });
});
