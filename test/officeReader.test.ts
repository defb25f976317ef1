import fs from 'fs';
import os from 'os';
import path from 'path';
import { SAMPLE_WORKBOOK } from '../src/cli/main';
import { parseA1Range, type CellRect } from '../src/domain/a1';
import { TOP_ROWS } from '../src/ingest/columnsToRead';
import type { SheetGrid } from '../src/ingest/grid';
import { ingestWorkbook } from '../src/ingest/ingestWorkbook';
import { isoToSerial } from '../src/domain/calendar';
import type { CellValue } from '../src/ingest/values';
import { benefitsReport } from '../src/reports/benefits/figures';
import { reductionReport } from '../src/reports/reduction/figures';
import { DEFAULT_RESPONSE_BUDGET, MERGES_SKIPPED, parseAddresses, readWorkbookSheets, type ReadOptions } from '../src/workbook/office/readSheets';
import type { ExcelHost } from '../src/workbook/office/host';
import { ingestOpenWorkbook } from '../src/workbook/office/scanInExcel';
import { writeSettingsInExcel } from '../src/workbook/office/settings';
import { readXlsx, readXlsxBook } from '../src/workbook/xlsx/readXlsx';
import { REGISTRY_SHEET } from '../src/workbook/hiddenSheet';
import { defaultFormat, FakeWorkbook, type CellData, type FakeSheet } from './fakes/excelFake';
import { host, sampleInExcel } from './helpers/excelSample';
import { cellsIn, recordCellReads, workbookInExcel, type RecordedRead } from './tools/benchOfficeRead';
import { writeRegister } from './tools/generateRegister';

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
const BENEFITS_PERIOD = { from: '2025-01-01', to: '2025-12-31' };
/**
 * The records without the number formats of the benefit cells: a raw cell carries its format where the
 * reader knows it (docs/reports.md, "Staff fields for benefits"), which Office.js does and readXlsx
 * does not (the sample's 25 % cells and its declared totals in #,##0). What is read from them is the
 * same: the benefits report is compared whole below.
 */
function withoutRawFormats(records: ReturnType<typeof ingestWorkbook>['records']): unknown {
  return JSON.parse(JSON.stringify(records, (key, value: unknown) => (key === 'format' ? undefined : value)));
}
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
    // Dates came as serials and are read as dates: the records are the same, field for field (but the formats only Excel gives).
    expect(withoutRawFormats(office.records)).toEqual(withoutRawFormats(xlsx.records));
    expect(office.issues).toEqual(xlsx.issues);
    expect(benefitsReport(office, { period: BENEFITS_PERIOD, generatedAt: '2026-01-01' })).toEqual(benefitsReport(xlsx, { period: BENEFITS_PERIOD, generatedAt: '2026-01-01' }));
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
    expect(book.records.staff[0]).toMatchObject({ fullName: 'Nguyễn Văn An', leftDate: '2018-03-15', sheet: 'Danh sách', row: 6 });
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
    // A list (its columns are read below its top rows), each cell a long text.
    ['Họ và tên', 'Đơn vị', 'Căn cứ', 'Ngạch'].forEach((h, c) => sheet.cells.set(`0,${c}`, cellOf(h)));
    for (let r = 1; r < 3000; r++) for (let c = 0; c < 4; c++) sheet.cells.set(`${r},${c}`, cellOf(`${r}:${c} ${note}`));
    const { host: h, stats } = host(workbook, { maxResponseBytes: 1_000_000 });
    const result = await readWorkbookSheets(h);
    expect(result.grids[0].rows).toHaveLength(3000);
    expect(result.grids[0].rows[2999][3]).toBe(`2999:3 ${note}`);
    expect(stats.rejectedSyncs).toBeGreaterThan(0);
    expect(result.syncs).toBe(stats.syncs);
    // Once a response has been refused, the estimate stays high enough for the rest.
    const accepted = stats.responses.filter((r) => r.bytes <= 1_000_000);
    expect(accepted).toHaveLength(stats.syncs - stats.rejectedSyncs);
    const lastRefused = stats.responses.map((r) => r.bytes > 1_000_000).lastIndexOf(true);
    expect(stats.responses.slice(lastRefused + 1).length).toBeGreaterThan(1);
  });
});

describe('reading only the mapped columns', () => {
  const SHARED_FORMAT = defaultFormat();
  const cellOf = (value: CellValue, numberFormat = 'General'): CellData => ({ value: value as string | number, formula: '', numberFormat, format: SHARED_FORMAT });
  const usedWidth = (grid: SheetGrid) => Math.max(...grid.rows.map((row) => row.length));
  /** The last rows of a list are read whole (its signature block may sit in any column). */
  const TAIL_ROWS = 20;
  /** Columns (of the used range) the reads below the top rows and above the last rows asked for. */
  const columnsAsked = (reads: RecordedRead['reads'], sheet: string, origin: { row: number; col: number }, height: number) => {
    const asked = new Set<number>();
    for (const read of reads.filter((r) => r.sheet === sheet)) {
      const rect = parseA1Range(read.address) as CellRect;
      if (rect.bottom - origin.row < TOP_ROWS || rect.top - origin.row >= height - TAIL_ROWS) continue;
      for (let c = rect.left; c <= rect.right; c++) asked.add(c - origin.col);
    }
    return [...asked].sort((a, b) => a - b);
  };

  /**
   * An official list as offices keep it, from B3: title rows (merged), a header with three columns
   * no report reads (home town, telephone, a personal note), the column-number row, group headings
   * in column A ("I. KHỐI ĐẢNG, ĐOÀN THỂ"), people with some bad cells, then "Tổng cộng" with the
   * count, a note, and the signature block.
   */
  const LIST_HEADER = ['STT', 'Họ và tên', 'Quê quán', 'Ngày sinh', 'Số điện thoại', 'Đơn vị', 'Chức vụ', 'Ghi chú cá nhân', 'Tình trạng', 'Ngày nghỉ', 'Hình thức tinh giản'];
  const UNMAPPED = [2, 4, 7];
  const ORIGIN = { row: 2, col: 1 };
  function officialList(people: number, tail: Array<Array<[number, CellValue]>> = []): FakeWorkbook {
    const workbook = new FakeWorkbook();
    const sheet = workbook.addSheet('DS CBCC');
    const set = (r: number, c: number, value: CellValue, format?: string) => {
      if (value !== null && value !== '') sheet.cells.set(`${r + ORIGIN.row},${c + ORIGIN.col}`, cellOf(value, format));
    };
    set(0, 0, 'ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI');
    sheet.mergedAreas.push({ row: ORIGIN.row, col: ORIGIN.col, rowCount: 1, colCount: 4 });
    set(1, 0, 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC NĂM 2019');
    sheet.mergedAreas.push({ row: ORIGIN.row + 1, col: ORIGIN.col, rowCount: 1, colCount: LIST_HEADER.length });
    LIST_HEADER.forEach((h, c) => set(3, c, h));
    LIST_HEADER.forEach((_, c) => set(4, c, `(${c + 1})`));
    const groups = ['I. KHỐI ĐẢNG, ĐOÀN THỂ', 'II. KHỐI CHÍNH QUYỀN', 'III. ĐƠN VỊ SỰ NGHIỆP'];
    let r = 5;
    for (let i = 0; i < people; i++) {
      if (i % Math.ceil(people / groups.length) === 0) set(r++, 0, groups[i / Math.ceil(people / groups.length)]);
      const reduced = i % 9 === 0;
      set(r, 0, i + 1);
      if (i % 211 !== 5) set(r, 1, `${['Nguyễn', 'Trần', 'Lê', 'Phạm'][i % 4]} ${i % 2 ? 'Thị' : 'Văn'} Người Số ${i + 1}`);
      set(r, 2, `Xã ${['Hải Xuân', 'Vạn Ninh', 'Quảng Nghĩa'][i % 3]}, thành phố Móng Cái, tỉnh Quảng Ninh`);
      if (i % 5 === 0) set(r, 3, `${String(1 + (i % 28)).padStart(2, '0')}/0${1 + (i % 9)}/19${60 + (i % 35)}`);
      else set(r, 3, isoToSerial(`19${60 + (i % 35)}-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`), 'dd/mm/yyyy');
      set(r, 4, `09${String(10_000_000 + i * 7919).slice(0, 8)}`);
      set(r, 5, `Phòng ban số ${i % 40}`);
      set(r, 6, i % 10 === 0 ? 'Trưởng phòng' : 'Chuyên viên');
      set(r, 7, i % 3 === 0 ? 'Đã qua bồi dưỡng quản lý nhà nước ngạch chuyên viên chính; có nguyện vọng chuyển công tác' : null);
      set(r, 8, reduced ? 'Tinh giản' : 'Đang công tác');
      if (reduced) set(r, 9, i % 97 === 0 ? '31/02/2018' : isoToSerial('2016-01-01') + i, 'dd/mm/yyyy');
      if (reduced) set(r, 10, 'Nghỉ hưu trước tuổi');
      r++;
    }
    set(r, 0, 'Tổng cộng');
    set(r++, 1, people);
    set(r++, 0, `Ghi chú: danh sách gồm ${people} người, lập theo Nghị định 108/2014/NĐ-CP.`);
    for (const row of tail) {
      for (const [c, value] of row) set(r, c, value);
      r++;
    }
    return workbook;
  }
  /** What the list's grid is, read whole (the strict fake as the reference reader, as before this change). */
  async function wholeGrids(workbook: FakeWorkbook): Promise<SheetGrid[]> {
    const { grids } = await readWorkbookSheets(host(workbook).host, { maxResponseBytes: 100_000_000 });
    return grids;
  }

  /** The read, with the ranges it asked for cells. */
  async function readRecording(h: ExcelHost, stats: Parameters<typeof recordCellReads>[0], options: ReadOptions) {
    const recorded = recordCellReads(stats);
    try {
      return { result: await readWorkbookSheets(h, options), recorded };
    } finally {
      recorded.stop();
    }
  }

  it('reads the sample workbook in budgets it must split: the same records and issues as the xlsx reader', async () => {
    const xlsxGrids = (await readXlsxBook(SAMPLE_WORKBOOK)).grids.map(({ file: _file, ...grid }) => grid);
    const budget = 200_000;
    const { host: h, stats } = host(await sampleInExcel(xlsxGrids), { maxResponseBytes: budget });
    const { result, recorded } = await readRecording(h, stats, { maxResponseBytes: budget });
    const office = ingestWorkbook(result.grids);
    const xlsx = ingestWorkbook(xlsxGrids);
    expect(withoutRawFormats(office.records)).toEqual(withoutRawFormats(xlsx.records));
    expect(office.issues).toEqual(xlsx.issues);
    expect(office.sheets.map((s) => [s.kind, s.headerRows, s.rowsRead])).toEqual(xlsx.sheets.map((s) => [s.kind, s.headerRows, s.rowsRead]));
    // Split: the top rows first, then the longer sheets below them in their columns.
    expect(recorded.reads.some((r) => r.sheet === 'DS CBCCVC' && /^A1:[A-Z]+42$/.test(r.address))).toBe(true);
    expect(recorded.reads.some((r) => r.sheet === 'DS CBCCVC' && /^A43:/.test(r.address))).toBe(true);
    expect(stats.rejectedSyncs).toBe(0);
    expect(Math.max(...stats.responses.map((r) => r.bytes))).toBeLessThanOrEqual(budget);
    expect(result.syncs).toBe(stats.syncs);
  });

  it('reads a generated party register in chunks under the budget: the same records and issues as the xlsx reader', async () => {
    const file = path.join(os.tmpdir(), `tochuc-register-${process.pid}.xlsx`);
    try {
      await writeRegister(file, { members: 4000, seed: 7 });
      const xlsxGrids = (await readXlsxBook(file)).grids.map(({ file: _file, ...grid }) => grid);
      const budget = 250_000;
      const { host: h, stats } = host(workbookInExcel(xlsxGrids), { maxResponseBytes: budget });
      const result = await readWorkbookSheets(h, { maxResponseBytes: budget });
      const office = ingestWorkbook(result.grids);
      const xlsx = ingestWorkbook(xlsxGrids);
      expect(office.records.members).toHaveLength(xlsx.records.members.length);
      expect(office.records.members.length).toBeGreaterThan(3900);
      expect(office.records).toEqual(xlsx.records);
      expect(office.issues).toEqual(xlsx.issues);
      expect(stats.rejectedSyncs).toBe(0);
      expect(Math.max(...stats.responses.map((r) => r.bytes))).toBeLessThanOrEqual(budget);
      // Sized from what the columns weigh, the chunks fill the budget: no more syncs than the bytes need, and one for the top rows.
      const cellBytes = stats.responses.slice(2).reduce((n, r) => n + r.bytes, 0);
      expect(result.syncs).toBeLessThanOrEqual(2 + 1 + Math.ceil((cellBytes * 1.6) / budget));
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('asks for no column ingest does not use below the top rows; the grid keeps its shape and ingest its records and issues', async () => {
    const workbook = officialList(3000);
    const reference = await wholeGrids(workbook);
    const budget = 300_000;
    const { host: h, stats } = host(workbook, { maxResponseBytes: budget });
    const { result, recorded } = await readRecording(h, stats, { maxResponseBytes: budget });
    const [grid] = result.grids;
    expect(grid.origin).toEqual(ORIGIN);
    expect(grid.rows).toHaveLength(reference[0].rows.length);
    expect(grid.rows.every((row) => row.length === LIST_HEADER.length)).toBe(true);
    expect(usedWidth(grid)).toBe(LIST_HEADER.length);

    // Below the top rows, three runs (A… of the list: B:C, E, G:H, J:L of the sheet), never the unmapped columns.
    const asked = columnsAsked(recorded.reads, 'DS CBCC', ORIGIN, grid.rows.length);
    expect(asked).toEqual([0, 1, 3, 5, 6, 8, 9, 10]);
    expect(asked.filter((c) => UNMAPPED.includes(c))).toEqual([]);
    expect(recorded.reads.filter((r) => /^[A-Z]+45:/.test(r.address)).map((r) => r.address.replace(/\d+/g, ''))).toEqual(['B:C', 'E:E', 'G:H', 'J:L']);
    for (const c of UNMAPPED) expect(grid.rows.slice(TOP_ROWS, -TAIL_ROWS).every((row) => row[c] === null)).toBe(true);
    // The last rows whole, in a range of their own.
    expect(recorded.reads.filter((r) => parseA1Range(r.address)?.bottom === ORIGIN.row + grid.rows.length - 1).map((r) => r.address)).toEqual([`B${ORIGIN.row + grid.rows.length - TAIL_ROWS + 1}:L${ORIGIN.row + grid.rows.length}`]);
    expect(grid.rows[10][UNMAPPED[0]]).not.toBeNull();
    const cellsRead = cellsIn(recorded.reads.map((r) => r.address));
    expect(cellsRead).toBeLessThan(grid.rows.length * LIST_HEADER.length * 0.8);

    expect(stats.rejectedSyncs).toBe(0);
    expect(Math.max(...stats.responses.map((r) => r.bytes))).toBeLessThanOrEqual(budget);

    const office = ingestWorkbook(result.grids);
    const whole = ingestWorkbook(reference);
    expect(office.records.staff).toHaveLength(3000 - 15);
    expect(office.records).toEqual(whole.records);
    expect(office.issues).toEqual(whole.issues);
  });

  it('gives the same issues for the "Tổng cộng" row, the group headings in column A, the note and a signature block', async () => {
    const signatures: Array<Array<[number, CellValue]>> = [
      [[7, 'Móng Cái, ngày 31 tháng 12 năm 2019']],
      [[2, 'NGƯỜI LẬP BIỂU'], [7, 'THỦ TRƯỞNG ĐƠN VỊ']],
      [[2, 'Nguyễn Văn Lập'], [7, 'Trần Văn Trưởng']],
    ];
    const workbook = officialList(600, signatures);
    const reference = await wholeGrids(workbook);
    const { host: h } = host(workbook);
    const result = await readWorkbookSheets(h, { maxResponseBytes: 60_000 });
    const office = ingestWorkbook(result.grids);
    const whole = ingestWorkbook(reference);
    const codes = (issues: typeof office.issues) => issues.map((i) => `${i.cell} ${i.code}`);
    expect(codes(whole.issues)).toEqual(expect.arrayContaining([expect.stringMatching(/ row\.total$/), expect.stringMatching(/ row\.note$/), expect.stringMatching(/ row\.groupHeading$/)]));
    expect(whole.issues.filter((i) => i.code === 'row.groupHeading').map((i) => i.message)).toEqual(expect.arrayContaining([expect.stringContaining('I. KHỐI ĐẢNG'), expect.stringContaining('II. KHỐI CHÍNH QUYỀN'), expect.stringContaining('III. ĐƠN VỊ SỰ NGHIỆP')]));
    expect(office.issues).toEqual(whole.issues);
    expect(office.records).toEqual(whole.records);
  });

  it('reads a column the user chose, given or saved in the workbook', async () => {
    const workbook = officialList(3000);
    // The officer keeps the basis of each decision in the personal note column.
    const overrides = [{ sheet: 'DS CBCC', field: 'basis', header: 'Ghi chú cá nhân' }];
    const whole = ingestWorkbook(await wholeGrids(workbook), { overrides });
    expect(whole.records.staff[0]).toMatchObject({ basis: expect.stringContaining('bồi dưỡng') });

    const read = async (options: { overrides?: typeof overrides }) => {
      const { host: h, stats } = host(workbook);
      const recorded = recordCellReads(stats);
      try {
        const result = await readWorkbookSheets(h, { maxResponseBytes: 300_000, ...options });
        return { result, asked: columnsAsked(recorded.reads, 'DS CBCC', ORIGIN, result.grids[0].rows.length) };
      } finally {
        recorded.stop();
      }
    };
    const without = await read({});
    expect(without.asked).not.toContain(7);
    const given = await read({ overrides });
    expect(given.asked).toContain(7);
    expect(given.asked).not.toContain(2);
    const office = ingestWorkbook(given.result.grids, { overrides });
    expect(office.records).toEqual(whole.records);
    expect(office.issues).toEqual(whole.issues);

    // Saved in the workbook's settings: the reader finds them with the used ranges, and so does the scan.
    await writeSettingsInExcel(host(workbook).host, { mappings: overrides });
    const saved = await read({});
    expect(saved.result.settings).toEqual({ mappings: overrides });
    expect(saved.result.settingsProblems).toEqual([]);
    expect(saved.asked).toContain(7);
    const { host: h, stats } = host(workbook);
    const { book, read: scanRead } = await ingestOpenWorkbook(h, { maxResponseBytes: 300_000 });
    expect(book.records).toEqual(whole.records);
    expect(book.issues).toEqual(whole.issues);
    // The settings cost no sync of their own: every sync is the reader's.
    expect(stats.syncs).toBe(scanRead.syncs);
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
