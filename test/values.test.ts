import fc from 'fast-check';
import { isoToSerial } from '../src/domain/calendar';
import { parseNumber } from '../src/domain/viNumbers';
import { parseDate, parseDateText, parseYesNo } from '../src/ingest/values';

const pad = (n: number) => String(n).padStart(2, '0');
const dateArb = fc.date({ min: new Date(Date.UTC(1850, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true }).map((d) => ({
  y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), iso: d.toISOString().slice(0, 10),
}));

// Strings made of the characters dates are made of: the garbage most likely to fool a parser.
const dateLike = fc.array(fc.constantFrom('0', '1', '2', '3', '9', '/', '-', '.', ' ', 'n', 'ă', 'm'), { maxLength: 14 }).map((a) => a.join(''));

describe('date parsing', () => {
  it('reads the day-first text forms officers type', () => {
    expect(parseDateText('05/03/1975')).toEqual({ iso: '1975-03-05', precision: 'day' });
    expect(parseDateText('5/3/1975')).toEqual({ iso: '1975-03-05', precision: 'day' });
    expect(parseDateText('05-03-1975')).toEqual({ iso: '1975-03-05', precision: 'day' });
    expect(parseDateText('05.03.1975')).toEqual({ iso: '1975-03-05', precision: 'day' });
    expect(parseDateText(' 1975 ')).toEqual({ iso: '1975-01-01', precision: 'year' });
    expect(parseDateText('03/1975')).toEqual({ iso: '1975-03-01', precision: 'month' });
    expect(parseDateText('1975-03-05')).toEqual({ iso: '1975-03-05', precision: 'day' });
    expect(parseDateText('ngày 5 tháng 3 năm 1975')).toEqual({ iso: '1975-03-05', precision: 'day' });
    expect(parseDateText('05/03/75')).toEqual({ iso: '1975-03-05', precision: 'day', widenedYear: true });
  });

  it('is never month-first: 03/05 is the 3rd of May', () => {
    expect(parseDateText('03/05/2019')).toMatchObject({ iso: '2019-05-03' });
    expect(parseDateText('12/31/2019')).toEqual({ error: 'date.invalid' });
  });

  it('rejects impossible days, including 29 February outside leap years', () => {
    expect(parseDateText('31/02/2018')).toEqual({ error: 'date.invalid' });
    expect(parseDateText('29/02/2019')).toEqual({ error: 'date.invalid' });
    expect(parseDateText('29/02/2020')).toMatchObject({ iso: '2020-02-29' });
    expect(parseDateText('29/02/1900')).toEqual({ error: 'date.invalid' });
  });

  it('reads Excel serials, real dates and bare-year numbers', () => {
    expect(parseDate(43831)).toMatchObject({ iso: '2020-01-01' });
    expect(parseDate(1)).toMatchObject({ iso: '1900-01-01' });
    expect(parseDate(61)).toMatchObject({ iso: '1900-03-01' });
    expect(parseDate(new Date(Date.UTC(2019, 11, 31)))).toMatchObject({ iso: '2019-12-31' });
    expect(parseDate(1968)).toEqual({ iso: '1968-01-01', precision: 'year' });
    // The same number formatted as a date is a serial.
    expect(parseDate(1968, 'dd/mm/yyyy')).toMatchObject({ iso: '1905-05-21', precision: 'day' });
  });

  it('round-trips every accepted format', () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        const forms = [`${pad(d.d)}/${pad(d.m)}/${d.y}`, `${d.d}/${d.m}/${d.y}`, `${pad(d.d)}-${pad(d.m)}-${d.y}`, `${pad(d.d)}.${pad(d.m)}.${d.y}`, d.iso];
        for (const text of forms) expect(parseDate(text)).toEqual({ iso: d.iso, precision: 'day' });
        expect(parseDate(new Date(Date.UTC(d.y, d.m - 1, d.d)))).toEqual({ iso: d.iso, precision: 'day' });
        if (d.y >= 1900) {
          expect(parseDate(isoToSerial(d.iso), 'dd/mm/yyyy')).toEqual({ iso: d.iso, precision: 'day' });
        }
        expect(parseDate(String(d.y))).toEqual({ iso: `${d.y}-01-01`, precision: 'year' });
      }),
      { numRuns: 500 },
    );
  });

  it('counts Excel serials like the calendar, on every day from 1850 to 2200', () => {
    // The oracle: whole days between UTC midnights, with Excel's 29/02/1900 from serial 60 on.
    const epoch = Date.UTC(1899, 11, 31);
    for (let t = Date.UTC(1850, 0, 1); t <= Date.UTC(2200, 11, 31); t += 86400000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const days = Math.round((t - epoch) / 86400000);
      const serial = isoToSerial(iso);
      if (serial !== (days >= 60 ? days + 1 : days)) throw new Error(`isoToSerial(${iso}) = ${serial}`);
      // And back, from a Date at any hour of the day and from a serial with a time.
      const fromDate = parseDate(new Date(t + 86399999));
      const fromSerial = serial >= 61 ? parseDate(serial + 0.75, 'dd/mm/yyyy') : { iso };
      if (!('iso' in fromDate) || fromDate.iso !== iso || !('iso' in fromSerial) || fromSerial.iso !== iso) throw new Error(`${iso}: ${JSON.stringify([fromDate, fromSerial])}`);
    }
    expect([parseDate(new Date(Date.UTC(1849, 11, 31))), parseDate(new Date(Date.UTC(2201, 0, 1))), parseDate(0, 'dd/mm/yyyy'), parseDate(2958466, 'dd/mm/yyyy')]).toEqual(Array(4).fill({ error: 'date.outOfRange' }));
    expect([isoToSerial('1900-01-01'), isoToSerial('1900-02-28'), isoToSerial('1900-03-01'), isoToSerial('2018-03-15')]).toEqual([1, 59, 61, 43174]);
    // Only the ISO form is read: anything else is no day at all, not a day made up from its pieces.
    expect(['15/03/2018', '2018-3-15', '2018-03-15T00:00', '2018/03/15', ''].map(isoToSerial)).toEqual(Array(5).fill(NaN));
  });

  it('answers dd/mm/yyyy days met before the same, and still refuses days that do not exist', () => {
    for (let pass = 0; pass < 2; pass++) {
      expect(parseDate('29/02/2020')).toEqual({ iso: '2020-02-29', precision: 'day' });
      expect(parseDate('01.01.1850')).toEqual({ iso: '1850-01-01', precision: 'day' });
      expect(parseDate('31-12-2200')).toEqual({ iso: '2200-12-31', precision: 'day' });
      for (const text of ['29/02/2019', '31/04/2019', '00/01/2019', '15/00/2019', '15/13/2019', '32/01/2019']) expect(parseDate(text)).toEqual({ error: 'date.invalid' });
      for (const text of ['15/03/1849', '15/03/2201']) expect(parseDate(text)).toEqual({ error: 'date.outOfRange' });
      for (const text of ['1a/03/2019', '15/03/2O19', '15/03-2019']) expect('error' in parseDate(text)).toBe(true);
    }
  });

  it('never throws on garbage: it answers with an error code', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), dateLike, fc.double(), fc.integer(), fc.constant(null), fc.boolean(), fc.date()), (v) => {
        const r = parseDate(v as never);
        if ('error' in r) expect(['date.invalid', 'date.outOfRange']).toContain(r.error);
        else expect(r.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 2000 },
    );
    expect(parseDate('không rõ')).toEqual({ error: 'date.invalid' });
    expect(parseDate('')).toEqual({ error: 'date.invalid' });
  });
});

describe('number parsing', () => {
  it('reads Vietnamese number text', () => {
    expect(parseNumber('1.234')).toEqual({ value: 1234 });
    expect(parseNumber('1.599.388')).toEqual({ value: 1599388 });
    expect(parseNumber('4,98')).toEqual({ value: 4.98 });
    expect(parseNumber('1.234,5')).toEqual({ value: 1234.5 });
    expect(parseNumber('1 234')).toEqual({ value: 1234 });
    expect(parseNumber('4.98')).toEqual({ value: 4.98 });
    expect(parseNumber('-14')).toEqual({ value: -14 });
    expect(parseNumber('4%')).toEqual({ value: 0.04, percent: true });
    expect(parseNumber('89,96%')).toMatchObject({ percent: true });
    expect((parseNumber('89,96%') as { value: number }).value).toBeCloseTo(0.8996, 10);
    expect(parseNumber(21)).toEqual({ value: 21 });
  });

  it('round-trips Vietnamese formatting of any number', () => {
    const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 4 });
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 9999 }), (whole, frac) => {
        const n = whole + frac / 10000;
        const text = vi.format(n);
        const parsed = parseNumber(text);
        expect('value' in parsed && parsed.value).toBeCloseTo(Number(n.toFixed(4)), 6);
        const ints = vi.format(whole);
        expect(parseNumber(ints)).toEqual({ value: whole });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on garbage', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), dateLike, fc.constant(null), fc.date(), fc.boolean()), (v) => {
        const r = parseNumber(v as never);
        if ('error' in r) expect(r.error).toBe('number.invalid');
        else expect(Number.isFinite(r.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(parseNumber('1.23.4')).toEqual({ error: 'number.invalid' });
    expect(parseNumber('abc')).toEqual({ error: 'number.invalid' });
    expect(parseNumber('1,2,3')).toEqual({ error: 'number.invalid' });
  });
});

describe('yes/no marks', () => {
  it.each(['x', 'X', 'có', 'Có', '1', '✓', 1, true])('%p is yes', (v) => expect(parseYesNo(v)).toEqual({ value: true }));
  it.each(['', null, 'không', '0', 0, false])('%p is no', (v) => expect(parseYesNo(v)).toEqual({ value: false }));
  it('anything else is an error, never a guess', () => {
    expect(parseYesNo('có lẽ')).toEqual({ error: 'yesno.invalid' });
    fc.assert(fc.property(fc.string(), (s) => {
      const r = parseYesNo(s);
      expect('value' in r || r.error === 'yesno.invalid').toBe(true);
    }));
  });
});
