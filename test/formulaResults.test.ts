import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import fc from 'fast-check';
import { storeFormulaResults } from '../src/templates/formulaResults';
import { viCountFormat, viPercentFormula, VI_COUNT_FORMAT } from '../src/templates/numberFormats';
import type { PlanCell, SheetPlan } from '../src/templates/plan';
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
