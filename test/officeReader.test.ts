import { SAMPLE_WORKBOOK } from '../src/cli/main';
import { parseA1Range, type CellRect } from '../src/domain/a1';
import type { SheetGrid } from '../src/ingest/grid';
import { ingestWorkbook } from '../src/ingest/ingestWorkbook';
import { isoToSerial } from '../src/ingest/values';
import { reductionReport } from '../src/reports/reduction';
import { DEFAULT_RESPONSE_BUDGET, MERGES_SKIPPED, parseAddresses, readWorkbookSheets } from '../src/workbook/office/readSheets';
import { readXlsx } from '../src/workbook/xlsx/readXlsx';
import { REGISTRY_SHEET } from '../src/workbook/xlsx/writePlan';
import { defaultFormat, FakeWorkbook, type CellData, type FakeSheet } from './fakes/excelFake';
import { host, sampleInExcel } from './helpers/excelSample';

function put(sheet: FakeSheet, address: string, rows: Array<Array<string | number>>, numberFormat?: (value: string | number, col: number) => string): void {
  const { top, left } = parseA1Range(address) as CellRect;
  rows.forEach((row, r) => row.forEach((value, c) => {
    if (value === '') return;
    const cell = sheet.mutableCell(top + r, left + c);
    cell.value = value;
    if (numberFormat) cell.numberFormat = numberFormat(value, c);
  }));
}

const PERIOD = { from: '2015-01-01', to: '2019-12-31' };
const countsOf = (book: ReturnType<typeof ingestWorkbook>) => Object.fromEntries(Object.entries(book.records).map(([kind, list]) => [kind, list.length]));

describe('reading the workbook through Office.js', () => {
  let xlsxGrids: SheetGrid[];
  let sample: FakeWorkbook;
  beforeAll(async () => {
    xlsxGrids = await readXlsx(SAMPLE_WORKBOOK);
    sample = await sampleInExcel(xlsxGrids);
  });

  it('reads the sample as the xlsx reader does: same records, same issues, 264 reduced in 2015–2019', async () => {
    const { host: h, stats } = host(sample);
    const result = await readWorkbookSheets(h);
    expect(result.skipped).toEqual([]);
    expect(result.grids.map((g) => g.name)).toEqual(xlsxGrids.map((g) => g.name));

    const office = ingestWorkbook(result.grids);
    // The file path is all the xlsx reader knows that Excel does not say.
    const xlsx = ingestWorkbook(xlsxGrids.map(({ file: _file, ...grid }) => grid));
    expect(countsOf(office)).toEqual(countsOf(xlsx));
    expect(countsOf(office)).toMatchObject({ staff: 1530, members: 3133, units: 45, mergerPlan: 11, orgs: 82, tasks: 271 });
    // Dates came as serials and are read as dates: the records are the same, field for field.
    expect(office.records).toEqual(xlsx.records);
    expect(office.issues).toEqual(xlsx.issues);
    expect(office.sheets.map((s) => s.headerRows)).toEqual(xlsx.sheets.map((s) => s.headerRows));

    const report = reductionReport(office, { period: PERIOD, generatedAt: '2026-01-01' });
    expect(report.reduced.total).toBe(264);
    expect(report).toEqual(reductionReport(xlsx, { period: PERIOD, generatedAt: '2026-01-01' }));

    // 37,000 cells in about 1.5 MB: the sheet list, the used ranges and one batch of cells.
    expect(result.syncs).toBe(3);
    expect(stats.syncs).toBe(3);
    expect(Math.max(...stats.responses.map((r) => r.bytes))).toBeLessThan(DEFAULT_RESPONSE_BUDGET);
  });

  it('reads without merged areas before ExcelApi 1.13, and says so', async () => {
    const { host: h } = host(sample, { requirementSets: ['ExcelApi 1.4'] });
    const result = await readWorkbookSheets(h);
    expect(result.skipped).toEqual([MERGES_SKIPPED]);
    expect(result.grids.every((g) => g.merges === undefined)).toBe(true);
    const office = ingestWorkbook(result.grids);
    expect(countsOf(office)).toEqual(countsOf(ingestWorkbook(xlsxGrids)));
    expect(reductionReport(office, { period: PERIOD, generatedAt: '2026-01-01' }).reduced.total).toBe(264);
  });

  it('gives the merged areas of the header rows in grid coordinates', async () => {
    const { host: h } = host(sample);
    const { grids } = await readWorkbookSheets(h);
    const staff = grids.find((g) => g.name === 'DS CBCCVC') as SheetGrid;
    const fromXlsx = (xlsxGrids.find((g) => g.name === 'DS CBCCVC') as SheetGrid).merges ?? [];
    expect(staff.origin).toBeUndefined();
    expect(staff.merges).toEqual(expect.arrayContaining(fromXlsx.filter((m) => m.top < 41)));
    expect(staff.merges?.length).toBe(fromXlsx.filter((m) => m.top < 41).length);
  });

  it('takes the origin from a used range that starts at C4: issues name the cells as in the sheet', async () => {
    const workbook = new FakeWorkbook();
    const sheet = workbook.addSheet('Danh sách');
    put(sheet, 'C4', [
      ['DANH SÁCH CÁN BỘ NGHỈ', '', '', ''],
      ['Họ và tên', 'Đơn vị', 'Tình trạng', 'Ngày nghỉ'],
      ['Nguyễn Văn An', 'Phòng Nội vụ', 'Tinh giản', isoToSerial('2018-03-15')],
      ['Trần Thị Bình', 'Phòng Nội vụ', 'Tinh giản', '31/02/2018'],
    ], (value, col) => (col === 3 && typeof value === 'number' ? 'dd/mm/yyyy' : 'General'));
    sheet.mergedAreas.push({ row: 3, col: 2, rowCount: 1, colCount: 4 });
    // Formatted but empty, above the used range: no value to spread, not asked for.
    sheet.mergedAreas.push({ row: 1, col: 2, rowCount: 1, colCount: 4 });
    const { host: h } = host(workbook);
    const { grids } = await readWorkbookSheets(h);
    expect(grids).toHaveLength(1);
    expect(grids[0]).toMatchObject({ name: 'Danh sách', origin: { row: 3, col: 2 }, merges: [{ top: 0, left: 0, bottom: 0, right: 3 }] });
    expect(grids[0].rows[0]).toEqual(['DANH SÁCH CÁN BỘ NGHỈ', null, null, null]);
    expect(grids[0].rows[2]).toEqual(['Nguyễn Văn An', 'Phòng Nội vụ', 'Tinh giản', isoToSerial('2018-03-15')]);
    expect(grids[0].numberFormats?.[2]?.[3]).toBe('dd/mm/yyyy');

    const book = ingestWorkbook(grids);
    expect(book.sheets[0].headerRows).toEqual([5, 5]);
    expect(book.records.staff).toHaveLength(2);
    expect(book.records.staff[0]).toMatchObject({ fullName: 'Nguyễn Văn An', leftDate: '2018-03-15', origin: { sheet: 'Danh sách', row: 6 } });
    expect(book.issues.filter((i) => i.code === 'date.invalid').map((i) => i.cell)).toEqual(['F7']);
  });

  it('skips very hidden sheets and the tochuc sheet, reads hidden ones, and copes with an empty sheet', async () => {
    const workbook = FakeWorkbook.fromGrids({ A: [['x', '', 'y'], ['', 2, '']], Empty: [], Secret: [['s']], Hidden: [['h']], [REGISTRY_SHEET]: [['Trang', 'Báo cáo']] });
    workbook.sheet('Secret').visibility = 'VeryHidden';
    workbook.sheet('Hidden').visibility = 'Hidden';
    workbook.sheet(REGISTRY_SHEET).visibility = 'Visible';
    const { host: h } = host(workbook);
    const result = await readWorkbookSheets(h);
    expect(result.grids.map((g) => g.name)).toEqual(['A', 'Empty', 'Hidden']);
    expect(result.grids[0].rows).toEqual([['x', null, 'y'], [null, 2, null]]);
    expect(result.grids[1]).toEqual({ name: 'Empty', rows: [] });
    expect(ingestWorkbook(result.grids).sheets).toHaveLength(3);
  });

  it('reads an empty workbook in two syncs', async () => {
    const { host: h } = host(FakeWorkbook.fromGrids({ Sheet1: [] }));
    const result = await readWorkbookSheets(h);
    expect(result).toEqual({ grids: [{ name: 'Sheet1', rows: [] }], syncs: 2, skipped: [] });
  });
});

describe('large sheets', () => {
  const ROWS = 100_000;
  const COLS = 13;
  /** The model's cells share one format object: 1.3 million cells would not fit in memory otherwise. */
  const SHARED_FORMAT = defaultFormat();
  const cellOf = (value: string | number, numberFormat = 'General'): CellData => ({ value, formula: '', numberFormat, format: SHARED_FORMAT });
  const HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị', 'Chức vụ', 'Đối tượng', 'Ngạch', 'Trình độ chuyên môn', 'Đảng viên', 'Tình trạng', 'Ngày nghỉ', 'Hình thức tinh giản', 'Căn cứ'];
  const rowOf = (i: number): Array<[string | number, string?]> => [
    [i + 1], [`Nguyễn Văn Người Thứ ${i + 1}`], [isoToSerial('1970-01-01') + (i % 9000), 'dd/mm/yyyy'], [`Phòng ban số ${i % 40}`], ['Chuyên viên'],
    ['Công chức'], ['Chuyên viên'], ['Đại học'], ['x'], [i % 7 === 0 ? 'Tinh giản' : 'Đang công tác'],
    i % 7 === 0 ? [isoToSerial('2019-01-01') + (i % 300), 'dd/mm/yyyy'] : [''], [i % 7 === 0 ? 'Nghỉ hưu trước tuổi' : ''], ['Nghị định 108/2014/NĐ-CP'],
  ];

  function bigWorkbook(): FakeWorkbook {
    const workbook = new FakeWorkbook();
    const sheet = workbook.addSheet('DS CBCCVC');
    HEADER.forEach((h, c) => sheet.cells.set(`0,${c}`, cellOf(h)));
    for (let i = 0; i < ROWS; i++) {
      rowOf(i).forEach(([value, format], c) => {
        if (value !== '') sheet.cells.set(`${i + 1},${c}`, cellOf(value, format));
      });
    }
    // A second, small sheet: batches take rows from several sheets.
    put(workbook.addSheet('Bien che'), 'A1', [['Đơn vị', 'Biên chế năm 2015'], ['Phòng Nội vụ', 12]]);
    return workbook;
  }

  it('reads 100,000 rows × 13 columns in 4 MB responses, with syncs that follow the data size', async () => {
    const { host: h, stats } = host(bigWorkbook());
    const progress: Array<[number, number]> = [];
    const result = await readWorkbookSheets(h, { onProgress: (done, total) => progress.push([done, total]) });
    const grid = result.grids[0];
    expect(grid.rows).toHaveLength(ROWS + 1);
    expect(grid.rows[0]).toEqual(HEADER);
    const last = rowOf(ROWS - 1).map(([v]) => (v === '' ? null : v));
    expect(grid.rows[ROWS]).toEqual(last);
    expect(grid.numberFormats?.[ROWS]?.[2]).toBe('dd/mm/yyyy');
    expect(result.grids[1].rows).toEqual([['Đơn vị', 'Biên chế năm 2015'], ['Phòng Nội vụ', 12]]);

    const estimated = (ROWS + 1) * COLS * 40;
    // The sheet list, the used ranges, then one sync per budget's worth of cells.
    expect(result.syncs).toBeLessThanOrEqual(2 + Math.ceil(estimated / DEFAULT_RESPONSE_BUDGET) + 1);
    expect(result.syncs).toBe(stats.syncs);
    expect(stats.rejectedSyncs).toBe(0);
    expect(Math.max(...stats.responses.map((r) => r.bytes))).toBeLessThanOrEqual(DEFAULT_RESPONSE_BUDGET);
    expect(Math.max(...stats.requests.map((r) => r.bytes))).toBeLessThan(10_000);
    expect(progress[0]).toEqual([0, ROWS + 3]);
    expect(progress[progress.length - 1]).toEqual([ROWS + 3, ROWS + 3]);
    expect(progress).toHaveLength(result.syncs - 1);
  });

  it('asks again in smaller chunks when Excel refuses a response as too large', async () => {
    const workbook = new FakeWorkbook();
    const sheet = workbook.addSheet('Ghi chú');
    const note = 'Ghi chú dài về quá trình công tác, khen thưởng và kỷ luật của cán bộ trong nhiều năm liền. '.repeat(4);
    for (let r = 0; r < 3000; r++) for (let c = 0; c < 4; c++) sheet.cells.set(`${r},${c}`, cellOf(`${r}:${c} ${note}`));
    const { host: h, stats } = host(workbook, { maxResponseBytes: 1_000_000 });
    const result = await readWorkbookSheets(h);
    expect(result.grids[0].rows).toHaveLength(3000);
    expect(result.grids[0].rows[2999][3]).toBe(`2999:3 ${note}`);
    expect(stats.rejectedSyncs).toBeGreaterThan(0);
    expect(result.syncs).toBe(stats.syncs);
    // Once a response has been refused, the estimate stays high enough for the rest.
    const accepted = stats.responses.filter((r) => r.bytes <= 1_000_000);
    expect(accepted).toHaveLength(stats.syncs - stats.rejectedSyncs);
  });
});

describe('aborting', () => {
  it('rejects with AbortError when the signal is aborted between syncs', async () => {
    const workbook = FakeWorkbook.fromGrids({ A: [['x'], ['y']], B: [['z']] });
    const { host: h, stats } = host(workbook);
    const controller = new AbortController();
    const reading = readWorkbookSheets(h, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError', message: 'Đã hủy.' });
    // Stopped after the used ranges: no cells were fetched.
    expect(stats.syncs).toBe(2);
  });

  it('does not start when the signal is already aborted', async () => {
    const { host: h, stats } = host(FakeWorkbook.fromGrids({ A: [['x']] }));
    const controller = new AbortController();
    controller.abort();
    await expect(readWorkbookSheets(h, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(stats.runs).toBe(0);
  });
});

describe('addresses', () => {
  it('parses used ranges and merged areas, quoted sheet names included', () => {
    expect(parseAddresses('Sheet1!B3:H20')).toEqual([{ top: 2, left: 1, bottom: 19, right: 7 }]);
    expect(parseAddresses("'Danh sách'!C4")).toEqual([{ top: 3, left: 2, bottom: 3, right: 2 }]);
    expect(parseAddresses("'a, b!'!A1:C1, 'a, b!'!$A$3:$B$3")).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }, { top: 2, left: 0, bottom: 2, right: 1 }]);
  });
});
