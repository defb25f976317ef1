import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import fc from 'fast-check';
import { isoToSerial } from '../src/domain/calendar';
import { storeFormulaResults } from '../src/templates/formulaResults';
import { viCountFormat, viPercentFormula, VI_COUNT_FORMAT } from '../src/templates/numberFormats';
import type { TemplateCellInput } from '../src/templates/parse';
import type { PlanCell, SheetPlan } from '../src/templates/plan';
import { planSheet } from '../src/templates/planner';
import { writePlanFile } from '../src/workbook/xlsx/writePlanFile';
import { needLibreOffice, recalculatedCsv } from './helpers/libreoffice';

const run = promisify(execFile);

/** A sheet of rows of plain values or formulas ("=…"), as a plan. */
function sheetOf(rows: Array<Array<string | number | boolean | null>>): SheetPlan {
  return {
    name: 'T', styles: [], merges: [], columnWidths: [], rowHeights: [],
    rows: rows.map((row) => row.map((v): PlanCell | undefined => (v === null ? undefined : typeof v === 'string' && v.startsWith('=') ? { formula: v } : { value: v }))),
    marker: { report: 't', period: 'p', generatedAt: '2026-01-01T00:00:00Z' },
  };
}

function resultsOf(rows: Array<Array<string | number | boolean | null>>): unknown[][] {
  const sheet = sheetOf(rows);
  storeFormulaResults(sheet);
  return sheet.rows.map((row) => row.map((c) => c?.result));
}

describe('stored formula results', () => {
  it('works out sums, rates and their conditions over the sheet', () => {
    const out = resultsOf([
      [10, 3, '=SUM(A1:B1)', '=IF(A1=0,"",B1/A1)', '=C1*2-1', '=A1&"/"&B1'],
      [0, 5, '=SUM(A1:A2,B2)', '=IF(A2=0,"",B2/A2)', '=ROUND(2.5,0)+ROUND(-2.5,0)', '=-2^2'],
      [null, 'x', '=SUM(A1:B2)', '=A3+1', '=B3+1', '=MAX(A1:B2)-MIN(A1:A2)'],
    ]);
    expect(out[0].slice(2)).toEqual([13, 0.3, 25, '10/3']);
    expect(out[1].slice(2)).toEqual([15, '', 0, 4]);
    expect(out[2].slice(2)).toEqual([18, 1, { error: '#VALUE!' }, 10]);
  });

  it('gives the Vietnamese rate text of viPercentFormula, and empty for a zero denominator', () => {
    const formula = viPercentFormula('B1', 'A1');
    expect(resultsOf([[450, 237, formula], [0, 3, viPercentFormula('B2', 'A2')], [3, 2, viPercentFormula('B3', 'A3')]]).map((r) => r[2])).toEqual(['52,67%', '', '66,67%']);
  });

  it('follows formulas over formulas, and leaves out what it cannot work out rather than guess', () => {
    const out = resultsOf([
      [1, '=A1+1', '=B1*10', '=D1', '=VLOOKUP(1,A1:B1,2)', '=Sheet2!A1', '=E1+1', '=SUM(B1:C1)'],
    ]);
    expect(out[0]).toEqual([undefined, 2, 20, undefined, undefined, undefined, undefined, 22]);
  });

  it('stores #DIV/0! as an error result', () => {
    expect(resultsOf([[1, 0, '=A1/B1']])[0][2]).toEqual({ error: '#DIV/0!' });
  });

  /** Each formula's stored result, alone on a sheet. */
  const each = (...formulas: string[]) => resultsOf(formulas.map((f) => [f])).map((r) => r[0]);
  /** Excel's serial of an ISO day, counted independently of calendar.ts: days since 30/12/1899 by Date in UTC, which is right from 01/03/1900 on. */
  const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

  it('INT rounds toward minus infinity; MOD takes the divisor\'s sign, and #DIV/0! for 0', () => {
    expect(each('=INT(2.7)', '=INT(-2.5)', '=INT(-0.5)', '=INT(7)', '=INT("3.9")', '=INT(TRUE)', '=INT(B9)')).toEqual([2, -3, -1, 7, 3, 1, 0]);
    expect(Object.is(each('=INT(-0.5)+1')[0], 0)).toBe(true);
    expect(each('=MOD(10,3)', '=MOD(-1,3)', '=MOD(1,-3)', '=MOD(-7,-3)', '=MOD(-6,3)', '=MOD(0,5)', '=MOD(5.5,2)', '=MOD(-5.5,2)', '=MOD(7,2.5)'))
      .toEqual([1, 2, -2, -1, 0, 0, 1.5, 0.5, 2]);
    expect(each('=MOD(5,0)', '=MOD(5,B9)', '=MOD("x",2)', '=INT(1/0)')).toEqual([{ error: '#DIV/0!' }, { error: '#DIV/0!' }, { error: '#VALUE!' }, { error: '#DIV/0!' }]);
  });

  it('INT and MOD leave out what Excel and LibreOffice may answer differently', () => {
    // 0.3/0.1 is 2.9999999999999996: LibreOffice rounds it to 3 first (its MOD is 0), Excel's MOD of it is 0.1.
    // From a quotient of 2^27 old Excels give #NUM!; LibreOffice's MOD(2^53,7) is 0 where it is 4.
    expect(each('=MOD(0.3,0.1)', '=INT(0.3/0.1)', '=MOD(2^30,3)', '=MOD(2^53,7)', '=INT(1,2)', '=MOD(1)', '=INT(A1:A2)')).toEqual(Array(7).fill(undefined));
  });

  it('DATE counts serials as Excel does, carrying months and days over into the next or previous year', () => {
    expect(each('=DATE(2021,6,30)', '=DATE(2021,14,1)', '=DATE(2021,1,0)', '=DATE(2021,0,1)', '=DATE(2021,-13,1)', '=DATE(2021,2,31)', '=DATE(2021,12,32)', '=DATE(2021,1,-30)'))
      .toEqual(['2021-06-30', '2022-02-01', '2020-12-31', '2020-12-01', '2019-11-01', '2021-03-03', '2022-01-01', '2020-12-01'].map(serial));
    // Leap years by the Gregorian rule: 2024 and 2000 are, 2023 and 2100 not.
    expect(each('=DATE(2024,2,29)', '=DATE(2023,2,29)', '=DATE(2000,2,29)', '=DATE(2100,2,29)', '=DATE(2024,3,0)', '=DATE(2100,3,0)'))
      .toEqual(['2024-02-29', '2023-03-01', '2000-02-29', '2100-03-01', '2024-02-29', '2100-02-28'].map(serial));
    // Excel's own 1900: 1 is 01/01/1900, 60 the 29/02/1900 it counts, 61 the 01/03; the planner's serials agree.
    expect(each('=DATE(1900,1,1)', '=DATE(1900,2,28)', '=DATE(1900,2,29)', '=DATE(1900,3,1)', '=DATE(1900,2,30)', '=DATE(1900,3,0)', '=DATE(1900,1,0)')).toEqual([1, 59, 60, 61, 61, 60, 0]);
    expect(each('=DATE(2021,6,30)', '=DATE(1900,3,1)', '=DATE(1900,2,28)')).toEqual(['2021-06-30', '1900-03-01', '1900-02-28'].map(isoToSerial));
    // A year from 0 to 1899 counts from 1900; fractions are dropped; the last day is 31/12/9999.
    expect(each('=DATE(108,1,2)', '=DATE(0,1,1)', '=DATE(2021.9,6.5,30.99)', '=DATE(9999,12,31)')).toEqual([serial('2008-01-02'), 1, serial('2021-06-30'), 2958465]);
    expect(each('=DATE(-1,1,1)', '=DATE(10000,1,1)', '=DATE(9999,12,32)', '=DATE(1900,1,-1)', '=DATE(1900,0,1)')).toEqual(Array(5).fill({ error: '#NUM!' }));
    expect(each('=DATE(2021,1/0,1)')).toEqual([{ error: '#DIV/0!' }]);
    // Text (which Excel reads as a date by the PC's settings), negative fractions, days beyond LibreOffice's 32767: not worked out.
    expect(each('=DATE("2021",1,1)', '=DATE(2021,"x",1)', '=DATE(2021,1,-1.5)', '=DATE(2021,1,40000)', '=DATE(2021,1)')).toEqual(Array(5).fill(undefined));
  });

  it('YEAR, MONTH and DAY give the parts of a serial, its time of day dropped, with Excel\'s 29/02/1900 and day 0', () => {
    const parts = (s: number | string) => each(`=YEAR(${s})`, `=MONTH(${s})`, `=DAY(${s})`);
    expect(parts(44377)).toEqual([2021, 6, 30]);
    expect(parts(44377.75)).toEqual([2021, 6, 30]);
    expect(parts('DATE(2024,3,0)')).toEqual([2024, 2, 29]);
    expect(parts('DATE(2100,3,0)')).toEqual([2100, 2, 28]);
    expect(parts(2958465)).toEqual([9999, 12, 31]);
    expect([parts(59), parts(60), parts(61), parts(0), parts(1)]).toEqual([[1900, 2, 28], [1900, 2, 29], [1900, 3, 1], [1900, 1, 0], [1900, 1, 1]]);
    expect(parts('TRUE')).toEqual([1900, 1, 1]);
    expect([...parts(-1), ...parts(2958466)]).toEqual(Array(6).fill({ error: '#NUM!' }));
    expect(each('=YEAR(1/0)', '=DAY("x"&1)')).toEqual([{ error: '#DIV/0!' }, undefined]);
    // A time within a millisecond of midnight: Excel may round it to the next day, LibreOffice does not.
    expect(each('=DAY(44377.9999999999)', '=YEAR("2021-06-30")', '=MONTH()')).toEqual([undefined, undefined, undefined]);
  });

  it('property: YEAR, MONTH and DAY agree with Date in UTC, and DATE of them gives the serial back', () => {
    fc.assert(fc.property(fc.integer({ min: 61, max: 2958465 }), (s) => {
      const day = new Date(Date.UTC(1899, 11, 30) + s * 86_400_000);
      expect(each(`=YEAR(${s})`, `=MONTH(${s})`, `=DAY(${s})`, `=DATE(YEAR(${s}),MONTH(${s}),DAY(${s}))`)).toEqual([day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), s]);
    }), { numRuns: 500 });
  });

  it('EDATE moves by whole months and keeps the day, or the month\'s last when the month is shorter', () => {
    const edate = (iso: string, months: number | string) => each(`=EDATE(${serial(iso)},${months})`)[0];
    expect(edate('2021-01-31', 1)).toBe(serial('2021-02-28'));
    expect(edate('2024-01-31', 1)).toBe(serial('2024-02-29'));
    expect(edate('2000-01-31', 1)).toBe(serial('2000-02-29'));
    // Excel 97's EDATE gave 01/03/2100 here (Microsoft KB 179583); 2100 is no leap year.
    expect(edate('2100-01-31', 1)).toBe(serial('2100-02-28'));
    expect(edate('2020-02-29', 12)).toBe(serial('2021-02-28'));
    expect(edate('2020-02-29', 48)).toBe(serial('2024-02-29'));
    expect(edate('2021-03-31', -1)).toBe(serial('2021-02-28'));
    expect(edate('2021-05-31', -13)).toBe(serial('2020-04-30'));
    expect(edate('2021-06-30', 0)).toBe(serial('2021-06-30'));
    expect(edate('2021-11-15', 3)).toBe(serial('2022-02-15'));
    // Months lose their fraction toward 0, the start its time of day.
    expect([edate('2021-01-31', 1.9), edate('2021-03-31', -1.9), each(`=EDATE(${serial('2021-01-31')}.7,1)`)[0]]).toEqual(Array(3).fill(serial('2021-02-28')));
    expect(each('=EDATE(1/0,1)', '=EDATE(44377,1/0)')).toEqual([{ error: '#DIV/0!' }, { error: '#DIV/0!' }]);
    // Before 01/03/1900 and after 31/12/9999, or given text: not worked out.
    expect([edate('1900-03-31', -1), edate('9999-12-01', 1), each('=EDATE(30,1)', '=EDATE(-1,1)', '=EDATE("2021-01-31",1)', '=EDATE(44377,"x")', '=EDATE(44377)')].flat()).toEqual(Array(7).fill(undefined));
  });

  it('agrees with LibreOffice on INT, MOD and dates: overflowing months and days, month ends, leap years', async () => {
    if (!(await needLibreOffice())) return;
    // Days from 01/03/1900 on, where LibreOffice's serials are Excel's (from 1904, so that 40 months
    // back stays there); month ends and 29/02 often.
    const days = fc.oneof(
      fc.integer({ min: serial('1904-01-01'), max: serial('2200-12-31') }),
      fc.tuple(fc.integer({ min: 1904, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 3 })).map(([y, m, back]) => (Date.UTC(y, m, 1) - Date.UTC(1899, 11, 30)) / 86_400_000 - 1 - back),
    );
    const inputs = fc.sample(fc.tuple(days, fc.integer({ min: -40, max: 40 }), fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: -40, max: 40 }).filter((d) => d !== 0)), { numRuns: 60, seed: 20261208 });
    const fixed = [[serial('2021-01-31'), 1, -1, 3], [serial('2024-01-31'), 1, 1, -3], [serial('2100-01-31'), 1, -7, -3], [serial('2020-02-29'), 12, 7, 2], [serial('2021-03-31'), -1, 0, 5], [61, 0, 5, 2]];
    const formulas = (r: number) => [
      `=YEAR(A${r})`, `=MONTH(A${r})`, `=DAY(A${r})`, `=EDATE(A${r},B${r})`, `=DATE(E${r},F${r}+B${r},G${r})`, `=DATE(E${r},F${r},G${r}+B${r}*20)`,
      `=EDATE(A${r},B${r}+0.5)`, `=MOD(C${r},D${r})`, `=MOD(C${r}/10,D${r}/4)`, `=INT(C${r}/7)`, `=INT(C${r}/10)`, `=MOD(C${r},0)`,
    ];
    const rows = [...fixed, ...inputs].map((values, i) => [...values, ...formulas(i + 1)]);
    const sheet = sheetOf(rows);
    // Plain numbers: LibreOffice shows a date's serial as a date otherwise.
    for (const row of sheet.rows) for (const cell of row) if (cell?.formula) cell.numberFormat = '0.##########';
    storeFormulaResults(sheet);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-dates-'));
    const file = path.join(dir, 'dates.xlsx');
    await writePlanFile(file, { sheets: [sheet], issues: [] });
    const csv = await recalculatedCsv(file, { asShown: false });
    sheet.rows.forEach((row, r) => {
      for (let c = 4; c < 16; c++) {
        const mine = row[c]?.result;
        const theirs = csv[r][c];
        // Every one of these is worked out: nothing passes by being left out.
        if (mine === undefined) throw new Error(`row ${r + 1}: no result for ${row[c]?.formula}`);
        if (typeof mine === 'number') expect([r, c, Number(theirs)]).toEqual([r, c, expect.closeTo(mine, 9)]);
        else expect([r, c, theirs]).toEqual([r, c, (mine as { error: string }).error]);
      }
    });
  });

  it('agrees with LibreOffice on generated sums, rates and roundings', async () => {
    if (!(await needLibreOffice())) return;
    const rows = fc.sample(fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 4, maxLength: 4 }), { numRuns: 30, seed: 20261207 }).map((values, i) => {
      const r = i + 1;
      return [...values, `=SUM(A${r}:D${r})`, viPercentFormula(`A${r}`, `B${r}`), `=ROUND(C${r}/7,2)`, `=IF(A${r}>B${r},A${r}-B${r},B${r}-A${r})`];
    });
    const sheet = sheetOf(rows);
    storeFormulaResults(sheet);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-results-'));
    const file = path.join(dir, 'results.xlsx');
    await writePlanFile(file, { sheets: [sheet], issues: [] });
    const csv = await recalculatedCsv(file, { asShown: false });
    sheet.rows.forEach((row, r) => {
      for (let c = 4; c < 8; c++) {
        const mine = row[c]?.result;
        const theirs = csv[r][c];
        if (typeof mine === 'number') expect(Number(theirs)).toBeCloseTo(mine, 9);
        else expect(theirs).toBe(mine);
      }
    });
  });

  it('the .xlsx holds each result beside its formula, as openpyxl reads it without recalculating', async () => {
    const sheet = sheetOf([[2, 3, '=SUM(A1:B1)', viPercentFormula('A1', 'B1'), '=A1>B1']]);
    storeFormulaResults(sheet);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-results-'));
    const file = path.join(dir, 'cached.xlsx');
    await writePlanFile(file, { sheets: [sheet], issues: [] });
    const { stdout } = await run('/usr/bin/python3', ['-c', 'import sys, openpyxl, json; ws = openpyxl.load_workbook(sys.argv[1], data_only=True).worksheets[0]; print(json.dumps([c.value for c in ws[1]]))', file]);
    expect(JSON.parse(stdout)).toEqual([2, 3, 5, '66,67%', false]);
  });
});

describe('Vietnamese number formats', () => {
  it('whole numbers of 0 and above share the conditional format; a negative one gets its own size', () => {
    expect(viCountFormat(0)).toBe(VI_COUNT_FORMAT);
    expect(viCountFormat(2667)).toBe(VI_COUNT_FORMAT);
    expect(viCountFormat(-15)).toBe('0');
    expect(viCountFormat(-1234)).toBe('0"."000');
    expect(viCountFormat(-1234567)).toBe('0"."000"."000');
  });

  it('a number from a billion on takes the three windows moved up to its size', () => {
    expect(viCountFormat(999_999_999)).toBe(VI_COUNT_FORMAT);
    expect(viCountFormat(999_999_999.4)).toBe(VI_COUNT_FORMAT);
    expect(viCountFormat(1e9)).toBe('[>=1000000000]#"."###"."###"."##0;[>=1000000]#"."###"."##0;#"."##0');
    expect(viCountFormat(2_422_500_000)).toBe('[>=1000000000]#"."###"."###"."##0;[>=1000000]#"."###"."##0;#"."##0');
    expect(viCountFormat(999_999_999_999)).toBe(viCountFormat(1e9));
    expect(viCountFormat(1e12)).toBe('[>=1000000000000]#"."###"."###"."###"."##0;[>=1000000000]#"."###"."###"."##0;#"."###"."##0');
    expect(viCountFormat(12_345_678_901_234)).toBe(viCountFormat(1e12));
    // The bounds in digits, never "1e+21".
    expect(viCountFormat(1e21).startsWith(`[>=1${'0'.repeat(21)}]#`)).toBe(true);
    expect(viCountFormat(-2_422_500_000)).toBe('0"."000"."000"."000');
  });

  it('LibreOffice set to English shows 2.422.500.000 and 12.345.678.901.234 the Vietnamese way', async () => {
    if (!(await needLibreOffice())) return;
    const values = [1_000_000_000, 2_422_500_000, 999_999_999_999, 1_000_000_000_000, 12_345_678_901_234, 999_999_999];
    const sheet = sheetOf([values]);
    sheet.rows[0].forEach((c) => c && (c.numberFormat = viCountFormat(c.value as number)));
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-formats-'));
    const file = path.join(dir, 'billions.xlsx');
    await writePlanFile(file, { sheets: [sheet], issues: [] });
    const csv = await recalculatedCsv(file, { asShown: true });
    expect(csv[0]).toEqual(['1.000.000.000', '2.422.500.000', '999.999.999.999', '1.000.000.000.000', '12.345.678.901.234', '999.999.999']);
  });

  it('the planner gives a total in the count format the format of its stored result: billions grouped, a negative with its minus', async () => {
    const cell = (v: string | number): TemplateCellInput => (typeof v === 'string' && v.startsWith('=') ? { formula: v, numberFormat: VI_COUNT_FORMAT } : { value: v });
    const template = {
      name: 'Mẫu',
      cells: [
        ['{{#each units}}{{unit}}', '{{amount}}', '{{change}}'].map(cell),
        ['Cộng', '=SUM(B1:B1)', '=SUM(C1:C1)'].map(cell),
        ['Số lớn', '=B2*5000', '=C2*1000'].map(cell),
      ],
    };
    const units = [{ unit: 'Sở Nội vụ', amount: 1_250_000_000, change: -1_500 }, { unit: 'Sở Y tế', amount: 1_172_500_000, change: 1_200 }];
    const { sheet, issues } = planSheet(template, { units }, { sheetName: 'Kinh phí', marker: { report: 't', period: 'p', generatedAt: '2026-01-01T00:00:00Z' } });
    expect(issues).toEqual([]);
    const billions = viCountFormat(1e9);
    expect(sheet.rows.map((r) => r.slice(1).map((c) => [c?.result ?? c?.value, c?.numberFormat]))).toEqual([
      [[1_250_000_000, billions], [-1_500, '0"."000']],
      [[1_172_500_000, billions], [1_200, VI_COUNT_FORMAT]],
      [[2_422_500_000, billions], [-300, '0']],
      [[12_112_500_000_000, viCountFormat(1e12)], [-300_000, '0"."000']],
    ]);
    if (!(await needLibreOffice())) return;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-formats-'));
    const file = path.join(dir, 'totals.xlsx');
    await writePlanFile(file, { sheets: [sheet], issues: [] });
    const csv = await recalculatedCsv(file, { asShown: true });
    expect(csv.map((r) => r.slice(1, 3))).toEqual([['1.250.000.000', '-1.500'], ['1.172.500.000', '1.200'], ['2.422.500.000', '-300'], ['12.112.500.000.000', '-300.000']]);
  });

  it('LibreOffice set to English shows 2.667, 1.234.567 and −1.234 the Vietnamese way', async () => {
    if (!(await needLibreOffice())) return;
    const values = [5, 999, 1000, 2667, 123456, 1234567, -15, -1234, -1234567];
    const sheet = sheetOf([values]);
    sheet.rows[0].forEach((c) => c && (c.numberFormat = viCountFormat(c.value as number)));
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tochuc-formats-'));
    const file = path.join(dir, 'formats.xlsx');
    await writePlanFile(file, { sheets: [sheet], issues: [] });
    const csv = await recalculatedCsv(file, { asShown: true });
    expect(csv[0]).toEqual(['5', '999', '1.000', '2.667', '123.456', '1.234.567', '-15', '-1.234', '-1.234.567']);
  });
});
