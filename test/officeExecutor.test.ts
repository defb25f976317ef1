import ExcelJS from 'exceljs';
import { planSheet, type PlanOptions } from '../src/templates/planner';
import type { TemplateCellInput, TemplateSheet } from '../src/templates/parse';
import type { ChartPlan, FillPlan, SheetPlan } from '../src/templates/plan';
import { CHARTS_SKIPPED, DEFAULT_REQUEST_BUDGET, executePlan } from '../src/workbook/office/executePlan';
import { type ExcelHost } from '../src/workbook/office/host';
import { writePlan } from '../src/workbook/xlsx/writePlan';
import { REGISTRY_SHEET } from '../src/workbook/hiddenSheet';
import { fakeExcel, FakeOfficeError, FakeWorkbook, type FakeExcelOptions } from './fakes/excelFake';

const OPTIONS: PlanOptions = { sheetName: 'TGBC 2015-2019', marker: { report: 'reduction', period: '2015-2019', generatedAt: '2026-11-22T08:00:00Z' } };
const cell = (v: string | number): TemplateCellInput => (typeof v === 'string' && v.startsWith('=') ? { formula: v } : { value: v });
const A4 = { orientation: 'portrait' as const, paperSize: 'A4' as const, margins: { top: 0.79, bottom: 0.79, left: 1.18, right: 0.59, header: 0.3, footer: 0.3 }, fitToWidth: true, printArea: 'A1:E4', titleRows: '$2:$2' };

/** A report of `n` repeated rows with a SUM below: the acceptance template. */
function plan(n: number): FillPlan {
  const template: TemplateSheet = {
    name: 'Mẫu',
    cells: [
      [cell('BÁO CÁO KẾT QUẢ TINH GIẢN BIÊN CHẾ')],
      [cell('STT'), cell('Họ và tên'), undefined, cell('Số người'), cell('Ngày')],
      [cell('{{#each people}}{{@index}}'), { value: '{{fullName}}', style: 0 }, undefined, { value: '{{count}}', style: 0 }, cell('{{leftDate}}')],
      [cell('Cộng'), undefined, undefined, cell('=SUM(D3:D3)'), cell('=COUNTA(E3:E3)')],
    ],
    styles: [{ font: { name: 'Times New Roman', size: 13 }, borders: ['top', 'bottom', 'left', 'right'] }],
    merges: ['A1:E1', 'B3:C3'],
    rowHeights: [30, 20, 18, 20],
    columnWidths: [6, 28, 4, 10, 12],
    page: A4,
    freezeRows: 2,
  };
  const people = Array.from({ length: n }, (_, i) => ({
    fullName: i === 3 ? '=HYPERLINK("http://x","bấm")' : i === 4 ? '+84 912 345 678' : `Nguyễn Văn Người Thứ ${i + 1} ở Phòng Nội vụ thành phố`,
    count: i % 5, leftDate: `2019-0${1 + (i % 9)}-1${i % 10}`,
  }));
  const { sheet, issues } = planSheet(template, { people }, OPTIONS);
  expect(issues).toEqual([]);
  return { sheets: [sheet], issues };
}

/** An exceljs cell as plain data (read with findCell: the Office.js lint rules take getCell for a proxy). */
function plainCell(ws: ExcelJS.Worksheet, row: number, col: number) {
  const address = `${String.fromCharCode(64 + col)}${row}`;
  const found = ws.findCell(row, col);
  const value = found?.value;
  const formula = value && typeof value === 'object' && 'formula' in value ? `=${value.formula}` : '';
  return {
    address, formula,
    value: formula || value === undefined || value === null ? '' : value,
    numberFormat: found?.numFmt ?? 'General',
    mergedAway: !!found && found.isMerged && found.master.address !== address,
  };
}

function host(workbook: FakeWorkbook, sets?: string[], options: FakeExcelOptions = {}): { host: ExcelHost; stats: ReturnType<typeof fakeExcel>['stats'] } {
  const fake = fakeExcel(workbook, { ...options, ...(sets ? { requirementSets: sets } : {}) });
  return { host: { run: fake.Excel.run, isSetSupported: (name, version) => fake.Office.context.requirements.isSetSupported(name, version) }, stats: fake.stats };
}

describe('Office.js executor on the strict fake', () => {
  it('gives the same cells as the exceljs executor: values, formulas, number formats and merges', async () => {
    const p = plan(500);
    const workbook = FakeWorkbook.fromGrids({ 'DS CBCCVC': [['Họ và tên'], ['dữ liệu']] });
    const { host: h } = host(workbook);
    const result = await executePlan(h, p);
    expect(result.sheets).toEqual(['TGBC 2015-2019']);

    const wb = new ExcelJS.Workbook();
    writePlan(wb, p);
    const xlsx = wb.getWorksheet('TGBC 2015-2019')!;
    const fake = workbook.sheet('TGBC 2015-2019');
    let compared = 0;
    for (let r = 1; r <= 503; r++) {
      for (let c = 1; c <= 5; c++) {
        const x = plainCell(xlsx, r, c);
        // Inside a merged area Excel keeps only the top-left cell; exceljs echoes it in the others.
        if (x.mergedAway) continue;
        const f = fake.cell(x.address);
        expect([x.address, f.formula]).toEqual([x.address, x.formula]);
        if (!x.formula) expect([x.address, f.value]).toEqual([x.address, x.value]);
        expect([x.address, f.numberFormat]).toEqual([x.address, x.numberFormat]);
        compared++;
      }
    }
    expect(compared).toBe(2515 - 4 - 500);
    expect([...fake.merges].sort()).toEqual([...((xlsx.model as { merges: string[] }).merges)].sort());
    // Data that looks like a formula or a phone number stays text.
    expect(fake.cell('B6')).toMatchObject({ value: '=HYPERLINK("http://x","bấm")', formula: '' });
    expect(fake.cell('B7')).toMatchObject({ value: '+84 912 345 678', formula: '' });
    expect(fake.cell('D503').formula).toBe('=SUM(D3:D502)');
    // The user's sheet is untouched; the registry is very hidden.
    expect(workbook.sheet('DS CBCCVC').cell('A2').value).toBe('dữ liệu');
    expect(workbook.sheet(REGISTRY_SHEET).visibility).toBe('VeryHidden');
  });

  it('takes at most 6 syncs for a 500-row report, with calculation and events suspended', async () => {
    const { host: h, stats } = host(new FakeWorkbook());
    const result = await executePlan(h, plan(500));
    expect(stats.syncs).toBeLessThanOrEqual(6);
    expect(result.syncs).toBe(stats.syncs);
    expect(stats.suspendApiCalculationCalls).toBeGreaterThan(0);
    expect(stats.enableEventsWrites).toEqual([false, true]);
    expect(result.skipped).toEqual([]);
  });

  it('never sends a request over 4 MB for a 50,000-row list; its syncs grow only with the chunks', async () => {
    const small = host(new FakeWorkbook());
    await executePlan(small.host, plan(500));
    const big = host(new FakeWorkbook());
    const result = await executePlan(big.host, plan(50_000));
    const largest = Math.max(...big.stats.requests.map((r) => r.bytes));
    expect(largest).toBeLessThanOrEqual(DEFAULT_REQUEST_BUDGET);
    const payload = big.stats.requests.reduce((n, r) => n + r.bytes, 0);
    // Each extra sync carries close to a full budget: no sync per row, per cell or per style.
    expect(big.stats.syncs - small.stats.syncs).toBeLessThanOrEqual(Math.ceil(payload / (DEFAULT_REQUEST_BUDGET / 2)));
    expect(big.stats.syncs).toBeGreaterThan(small.stats.syncs);
    expect(result.sheets).toEqual(['TGBC 2015-2019']);
  }, 120000);

  it('switches events back on when a write fails, and leaves no half-written sheet', async () => {
    const workbook = FakeWorkbook.fromGrids({ 'DS CBCCVC': [['Họ và tên']] });
    const { host: h, stats } = host(workbook);
    // A merge overlapping another is rejected by Excel; merges come after the cells, so the
    // failing batch is a later one than the batch that switched events off.
    const p = plan(2_000);
    p.sheets[0].merges.push('B3:B4');
    await expect(executePlan(h, p, { maxRequestBytes: 300_000 })).rejects.toThrow('InvalidOperation');
    // The failed batch, then the clean-up: it stops at the registry the failed batch never made.
    expect(stats.rejectedSyncs).toBe(2);
    expect(stats.enableEventsWrites).toEqual([false, true]);
    expect(workbook.enableEvents).toBe(true);
    expect(workbook.sheetNames).toEqual(['DS CBCCVC']);
  }, 120000);

  it('replaces a generated sheet that is the only visible one (Excel never deletes the last visible sheet)', async () => {
    const workbook = FakeWorkbook.fromGrids({ 'DS CBCCVC': [['Họ và tên']] });
    await executePlan(host(workbook).host, plan(3));
    // The user deletes the data sheet: the report is the workbook's only visible sheet.
    await fakeExcel(workbook).Excel.run(async (context) => {
      context.workbook.worksheets.getItem('DS CBCCVC').delete();
      await context.sync();
    });
    const { host: h } = host(workbook);
    const result = await executePlan(h, plan(5), { replace: true });
    expect(result.sheets).toEqual(['TGBC 2015-2019']);
    expect(workbook.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name)).toEqual(['TGBC 2015-2019']);
    // The new report (five people: its total is in row 8), listed once in the registry, and active.
    expect(workbook.sheet('TGBC 2015-2019').cell('D8').formula).toBe('=SUM(D3:D7)');
    expect(workbook.sheet(REGISTRY_SHEET).values().map((row) => row[0])).toEqual(['sheet', 'TGBC 2015-2019']);
    expect(workbook.activeSheet?.name).toBe('TGBC 2015-2019');
  });

  it('replaces only its own sheet, on request, and says what an older Excel cannot do', async () => {
    const workbook = FakeWorkbook.fromGrids({ 'TGBC 2015-2019': [['bảng của người dùng']] });
    const old = host(workbook, ['ExcelApi 1.8']);
    const first = await executePlan(old.host, plan(3));
    expect(first.sheets).toEqual(['TGBC 2015-2019 (2)']);
    expect(first.skipped).toEqual(['Thiết lập trang in A4, vùng in và dòng tiêu đề lặp lại (cần ExcelApi 1.9)']);
    expect(workbook.sheet('TGBC 2015-2019').cell('A1').value).toBe('bảng của người dùng');
    const again = plan(3);
    again.sheets[0].name = 'TGBC 2015-2019 (2)';
    expect((await executePlan(old.host, again, { replace: true })).sheets).toEqual(['TGBC 2015-2019 (2)']);
    expect(workbook.sheetNames.filter((n) => n.startsWith('TGBC'))).toEqual(['TGBC 2015-2019', 'TGBC 2015-2019 (2)']);
  });

  it('takes a name as taken whatever its case, as Excel does', async () => {
    const workbook = FakeWorkbook.fromGrids({ 'tgbc 2015-2019': [['bảng của người dùng']] });
    const result = await executePlan(host(workbook).host, plan(3), { replace: true });
    expect(result.sheets).toEqual(['TGBC 2015-2019 (2)']);
    expect(workbook.sheet('tgbc 2015-2019').cell('A1').value).toBe('bảng của người dùng');
  });

  it('writes a report on the minimum the manifest asks for, ExcelApi 1.4, saying what it left out', async () => {
    const workbook = FakeWorkbook.fromGrids({ 'DS CBCCVC': [['Họ và tên']] });
    const minimum = host(workbook, ['ExcelApi 1.4']);
    const result = await executePlan(minimum.host, plan(20));
    expect(result.sheets).toEqual(['TGBC 2015-2019']);
    expect(workbook.sheet('TGBC 2015-2019').cell('B3').value).toBe('Nguyễn Văn Người Thứ 1 ở Phòng Nội vụ thành phố');
    expect(result.skipped.length).toBeGreaterThan(0);
  });
});

describe('cancel and failure mid-write: no half-written sheet', () => {
  // 2,000 rows in 300 kB batches: the report takes several batches, one sync each.
  const MULTI = { maxRequestBytes: 300_000 };

  /** A run whose every sync first notes the sheets there are, as the sync starts. */
  function watched(workbook: FakeWorkbook, beforeSync?: (sync: number) => void) {
    const namesAtSync: string[][] = [];
    const { host: h, stats } = host(workbook, undefined, { beforeSync: (n) => {
      namesAtSync.push(workbook.sheetNames);
      beforeSync?.(n);
    } });
    return { h, stats, namesAtSync };
  }

  it('a cancel after the first batch stops before the next, removes the new sheet, and puts events back on in one more sync', async () => {
    const workbook = FakeWorkbook.fromGrids({ 'DS CBCCVC': [['Họ và tên']] });
    const before = workbook.snapshot();
    const { h, stats, namesAtSync } = watched(workbook);
    const controller = new AbortController();
    const progress: Array<[number, number]> = [];
    const run = executePlan(h, plan(2_000), { ...MULTI, signal: controller.signal, onProgress: (done, total) => {
      progress.push([done, total]);
      if (done === 1) controller.abort();
    } });
    await expect(run).rejects.toMatchObject({ name: 'AbortError', message: 'Đã hủy.' });
    const total = progress[0][1];
    expect(total).toBeGreaterThanOrEqual(3);
    expect(progress).toEqual([[0, total], [1, total]]);
    // Reading the sheet names, the first batch, the clean-up; the half-written sheet was there until the clean-up.
    expect(stats.syncs).toBe(3);
    expect(namesAtSync[2]).toEqual(['DS CBCCVC', 'TGBC 2015-2019']);
    expect(stats.enableEventsWrites).toEqual([false, true]);
    // No report sheet, no registry: the workbook as it was.
    expect(workbook.snapshot()).toBe(before);
  }, 120000);

  it('a cancel while replacing leaves the old report, its registry row and the active sheet as they were', async () => {
    const workbook = FakeWorkbook.fromGrids({ 'DS CBCCVC': [['Họ và tên']] });
    await executePlan(host(workbook).host, plan(3));
    const before = workbook.snapshot();
    const { h, stats, namesAtSync } = watched(workbook);
    const controller = new AbortController();
    const run = executePlan(h, plan(2_000), { ...MULTI, replace: true, signal: controller.signal, onProgress: (done) => {
      if (done === 2) controller.abort();
    } });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    // Names, registry, two batches, the clean-up: the new report was being written beside the old one.
    expect(stats.syncs).toBe(5);
    expect(namesAtSync[4]).toEqual(['DS CBCCVC', 'TGBC 2015-2019', REGISTRY_SHEET, 'TGBC 2015-2019 (mới)']);
    expect(workbook.snapshot()).toBe(before);
    expect(workbook.sheet('TGBC 2015-2019').cell('B5').value).toBe('Nguyễn Văn Người Thứ 3 ở Phòng Nội vụ thành phố');
  }, 120000);

  it('a sync that fails mid-write: the same clean-up, and the error as it came', async () => {
    const workbook = FakeWorkbook.fromGrids({ 'DS CBCCVC': [['Họ và tên']] });
    await executePlan(host(workbook).host, plan(3));
    const before = workbook.snapshot();
    const lost = new FakeOfficeError('GeneralException', 'The connection to Excel was lost.');
    // Sync 4 is the second batch, after the names, the registry and the first batch.
    const { h, stats, namesAtSync } = watched(workbook, (n) => {
      if (n === 4) throw lost;
    });
    await expect(executePlan(h, plan(2_000), { ...MULTI, replace: true })).rejects.toBe(lost);
    expect(stats.rejectedSyncs).toBe(1);
    expect(stats.syncs).toBe(5);
    expect(namesAtSync[4]).toContain('TGBC 2015-2019 (mới)');
    expect(stats.enableEventsWrites).toEqual([false, true]);
    expect(workbook.snapshot()).toBe(before);
  }, 120000);

  it('a last batch that fails after writing the registry rows takes them back too', async () => {
    const workbook = FakeWorkbook.fromGrids({ 'DS CBCCVC': [['Họ và tên']] });
    await executePlan(host(workbook).host, plan(3));
    const registry = JSON.stringify([...workbook.sheet(REGISTRY_SHEET).cells]);
    const two = plan(3);
    two.sheets.push({ ...two.sheets[0], name: 'Phụ lục TGBC 2015-2019' });
    // A co-author deletes the old report while the one batch is on its way: the registry rows of
    // the new appendix are written, then deleting the old report fails.
    const { h, stats } = watched(workbook, (n) => {
      if (n === 3) workbook.sheets.splice(workbook.sheets.indexOf(workbook.sheet('TGBC 2015-2019')), 1);
    });
    await expect(executePlan(h, two, { replace: true })).rejects.toThrow('ItemNotFound');
    expect(stats.syncs).toBe(4);
    expect(workbook.sheetNames).toEqual(['DS CBCCVC', REGISTRY_SHEET]);
    expect(JSON.stringify([...workbook.sheet(REGISTRY_SHEET).cells].filter(([, cell]) => cell.value !== ''))).toBe(registry);
    expect(workbook.enableEvents).toBe(true);
  });

  it('a cancel before the first batch sends nothing more; one after the last batch has gone is too late', async () => {
    const workbook = FakeWorkbook.fromGrids({ 'DS CBCCVC': [['Họ và tên']] });
    const before = workbook.snapshot();
    const early = new AbortController();
    const first = watched(workbook);
    await expect(executePlan(first.h, plan(3), { signal: early.signal, onProgress: () => early.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(first.stats.syncs).toBe(1);
    expect(first.stats.enableEventsWrites).toEqual([]);
    expect(workbook.snapshot()).toBe(before);
    // Already cancelled: not even Excel.run.
    await expect(executePlan(first.h, plan(3), { signal: early.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(first.stats.runs).toBe(1);

    // The one batch of a small report is under way (sync 2) when the cancel comes: the report is written.
    const late = new AbortController();
    const second = watched(workbook, (n) => {
      if (n === 2) late.abort();
    });
    await expect(executePlan(second.h, plan(3), { signal: late.signal })).resolves.toMatchObject({ sheets: ['TGBC 2015-2019'] });
    expect(workbook.sheet('TGBC 2015-2019').cell('B3').value).toBe('Nguyễn Văn Người Thứ 1 ở Phòng Nội vụ thành phố');
  });
});

describe('charts (ExcelApi 1.1)', () => {
  const ADMISSIONS: ChartPlan = { title: 'Kết nạp đảng viên theo quý', type: 'columnClustered', dataRange: 'A3:C4', seriesNames: ['Kết nạp trong quý', 'Lũy kế từ đầu năm'], anchor: 'E2', width: 420, height: 220 };
  const RATINGS: ChartPlan = { title: 'Cơ cấu xếp loại', type: 'pie', dataRange: 'A7:B8', seriesNames: ['Số tổ chức'], anchor: 'E18', width: 300, height: 200 };

  /** Two small tables, each with a chart beside it: categories in the first column, no header row in the range. */
  function chartPlan(charts: ChartPlan[] | undefined): FillPlan {
    const v = (value: string | number) => ({ value });
    const sheet: SheetPlan = {
      name: 'Chỉ tiêu XDĐ 2021-H1',
      rows: [
        [v('Quý'), v('Kết nạp trong quý'), v('Lũy kế từ đầu năm')],
        [v('(1)'), v('(2)'), v('(3)')],
        [v('Quý I'), v(98), v(98)],
        [v('Quý II'), v(139), v(237)],
        [],
        [v('Mức xếp loại'), v('Số tổ chức')],
        [v('Hoàn thành tốt nhiệm vụ'), v(40)],
        [v('Hoàn thành nhiệm vụ'), v(9)],
      ],
      styles: [], merges: [], columnWidths: [24, 12, 12], rowHeights: [],
      ...(charts ? { charts } : {}),
      marker: { report: 'partyQuarterly', period: '2021-H1', generatedAt: '2026-11-22T08:00:00Z' },
    };
    return { sheets: [sheet], issues: [] };
  }

  it('draws each chart over its range, with its title, series names, anchor and size, in the same syncs', async () => {
    const workbook = FakeWorkbook.fromGrids({ 'DS Đảng viên': [['Họ và tên']] });
    const { host: h, stats } = host(workbook);
    const result = await executePlan(h, chartPlan([ADMISSIONS, RATINGS]));
    expect(result.skipped).toEqual([]);
    const sheet = 'Chỉ tiêu XDĐ 2021-H1';
    expect(workbook.charts).toEqual([
      { sheet, name: 'Chart 1', type: 'ColumnClustered', source: `'${sheet}'!A3:C4`, seriesBy: 'Columns', title: ADMISSIONS.title, seriesNames: ADMISSIONS.seriesNames, anchor: 'E2', endCell: null, width: 420, height: 220 },
      { sheet, name: 'Chart 2', type: 'Pie', source: `'${sheet}'!A7:B8`, seriesBy: 'Columns', title: RATINGS.title, seriesNames: RATINGS.seriesNames, anchor: 'E18', endCell: null, width: 300, height: 200 },
    ]);
    // The cells are there as well, and the user's sheet has no chart.
    expect(workbook.sheet(sheet).values('A3:C4')).toEqual([['Quý I', 98, 98], ['Quý II', 139, 237]]);
    expect(workbook.sheet('DS Đảng viên').charts).toEqual([]);

    // Charts are queued with the rest: no sync of their own.
    const without = host(FakeWorkbook.fromGrids({ 'DS Đảng viên': [['Họ và tên']] }));
    const plain = await executePlan(without.host, chartPlan(undefined));
    expect(stats.syncs).toBe(without.stats.syncs);
    expect(result.syncs).toBe(plain.syncs);
  });

  it('draws them on the minimum the manifest asks for, ExcelApi 1.4', async () => {
    const workbook = new FakeWorkbook();
    const result = await executePlan(host(workbook, ['ExcelApi 1.4']).host, chartPlan([ADMISSIONS, RATINGS]));
    expect(workbook.charts.map((c) => [c.type, c.anchor, c.seriesNames])).toEqual([['ColumnClustered', 'E2', ADMISSIONS.seriesNames], ['Pie', 'E18', RATINGS.seriesNames]]);
    expect(result.skipped).not.toContain(CHARTS_SKIPPED);
  });

  it('on an Excel without charts, writes the sheet, says the charts were left out, and takes the same syncs', async () => {
    const workbook = new FakeWorkbook();
    const { host: h, stats } = host(workbook, []);
    const result = await executePlan(h, chartPlan([ADMISSIONS, RATINGS]));
    expect(result.sheets).toEqual(['Chỉ tiêu XDĐ 2021-H1']);
    expect(result.skipped).toContain(CHARTS_SKIPPED);
    expect(workbook.charts).toEqual([]);
    expect(workbook.sheet('Chỉ tiêu XDĐ 2021-H1').values('A3:C4')).toEqual([['Quý I', 98, 98], ['Quý II', 139, 237]]);
    const plain = host(new FakeWorkbook(), []);
    await executePlan(plain.host, chartPlan(undefined));
    expect(stats.syncs).toBe(plain.stats.syncs);
  });

  it('replacing a generated sheet takes its charts away with it', async () => {
    const workbook = FakeWorkbook.fromGrids({ 'DS Đảng viên': [['Họ và tên']] });
    await executePlan(host(workbook).host, chartPlan([ADMISSIONS, RATINGS]));
    await executePlan(host(workbook).host, chartPlan([ADMISSIONS]), { replace: true });
    expect(workbook.charts.map((c) => [c.sheet, c.title])).toEqual([['Chỉ tiêu XDĐ 2021-H1', ADMISSIONS.title]]);
  });
});
