/**
 * Copies and hidden rows as ingest sees them, on grids given directly: sheets that copy an earlier sheet
 * (src/ingest/copies.ts), the note on hidden and filtered-out rows, the reader's issues joined to
 * their sheet's, and dates before the birth date (src/ingest/build.ts); then the same ingest in the
 * task pane, on the Excel fake. The .xlsx files of the same cases are test/hostileCopies.test.ts's.
 */
import path from 'path';
import type { Issue } from '../src/domain/issues';
import type { MemberRecord, OrgRecord, StaffRecord } from '../src/domain/records';
import type { SheetGrid } from '../src/ingest/grid';
import { ingestSheet } from '../src/ingest/ingestSheet';
import { ingestWorkbook } from '../src/ingest/ingestWorkbook';
import type { CellValue } from '../src/ingest/values';
import { scanWorkbook } from '../src/workbook/office/scanInExcel';
import { readXlsx } from '../src/workbook/xlsx/readXlsx';
import { FakeWorkbook } from './fakes/excelFake';
import { host } from './helpers/excelSample';

const HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Đơn vị', 'Chức vụ', 'Đối tượng', 'Tình trạng', 'Ngày nghỉ', 'Hình thức tinh giản'];
const PEOPLE: CellValue[][] = [
  [1, 'Nguyễn Văn An', '12/03/1975', 'Nam', 'Phòng Nội vụ', 'Trưởng phòng', 'Công chức'],
  [2, 'Trần Thị Bình', '05/07/1980', 'Nữ', 'Phòng Nội vụ', 'Chuyên viên', 'Công chức', 'Tinh giản', '15/06/2019', 'Thôi việc ngay'],
  [3, 'Lê Văn Cường', '20/11/1962', 'Nam', 'Văn phòng', 'Phó Chánh Văn phòng', 'Công chức', 'Nghỉ hưu', '01/09/2019', 'Nghỉ hưu trước tuổi'],
];

/** A staff list: a title in row 1, the header in row 3, people from row 4. */
function staffGrid(name: string, people: CellValue[][] = PEOPLE, more: Partial<SheetGrid> = {}): SheetGrid {
  return { name, rows: [['DANH SÁCH CÁN BỘ, CÔNG CHỨC'], [], HEADER, ...people.map((p) => p.slice())], ...more };
}

const MEMBER_HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Ngày vào Đảng', 'Tình trạng', 'Ngày biến động', 'Đã nhận Huy hiệu'];
const MEMBERS: CellValue[][] = [
  [1, 'Nguyễn Văn An', '12/03/1940', 'Chi bộ 1', '03/02/1965', 'Đang sinh hoạt', null, '50 năm'],
  [2, 'Trần Thị Bình', '05/07/1980', 'Chi bộ 1', '19/05/2010', 'Chuyển đi', '15/05/2021'],
];
const memberGrid = (name: string, members: CellValue[][] = MEMBERS): SheetGrid => ({ name, rows: [MEMBER_HEADER, ...members.map((m) => m.slice())] });

const ORG_HEADER = ['Tên tổ chức đảng', 'Cấp', 'Trực thuộc', 'Xếp loại 2020', 'Xếp loại 2021'];
const orgGrid = (name: string, rating2021 = 'Hoàn thành tốt nhiệm vụ'): SheetGrid => ({
  name, rows: [ORG_HEADER, ['Chi bộ 1', 'Chi bộ cơ sở', 'Đảng bộ thành phố', 'Hoàn thành xuất sắc nhiệm vụ', rating2021], ['Chi bộ 2', 'Chi bộ cơ sở', 'Đảng bộ thành phố', 'Hoàn thành nhiệm vụ', 'Hoàn thành nhiệm vụ']],
});

const TARGET_ROWS: CellValue[][] = [['Chỉ tiêu', 'Năm 2021'], ['Kế hoạch kết nạp', 40], ['Dân số', 100000]];

const codes = (issues: readonly Issue[], code: string) => issues.filter((i) => i.code === code);
const where = (issues: readonly Issue[]) => issues.map((i) => `${i.sheet}!${i.cell} ${i.code} ${i.severity}`);

describe('a sheet that copies another', () => {
  it('counts the copy once and warns at its header\'s first cell, naming both sheets; the first sheet is kept', () => {
    const book = ingestWorkbook([staffGrid('DS CBCCVC'), staffGrid('DS CBCCVC (2)')]);
    expect(book.sheets.map((s) => [s.sheet, s.records.length, s.copyOf])).toEqual([['DS CBCCVC', 3, undefined], ['DS CBCCVC (2)', 3, 'DS CBCCVC']]);
    expect((book.records.staff as StaffRecord[]).map((r) => `${r.sheet}:${r.row}`)).toEqual(['DS CBCCVC:4', 'DS CBCCVC:5', 'DS CBCCVC:6']);
    expect(where(book.issues)).toEqual(['DS CBCCVC (2)!A3 sheet.copy warning']);
    expect(book.issues[0].message).toBe('Trang "DS CBCCVC (2)" là bản sao của trang "DS CBCCVC" (cùng 3 bản ghi, cùng dòng, cùng giá trị): chỉ tính một lần, theo trang "DS CBCCVC".');
    // The copy's own issues are on the sheet too (inspect lists them under it).
    expect(where(book.sheets[1].issues)).toEqual(['DS CBCCVC (2)!A3 sheet.copy warning']);
  });

  it('keeps the first in workbook order, whatever the names say', () => {
    const book = ingestWorkbook([staffGrid('Bản sao'), staffGrid('DS gốc')]);
    expect(book.sheets.map((s) => s.copyOf)).toEqual([undefined, 'Bản sao']);
    expect(where(book.issues)).toEqual(['DS gốc!A3 sheet.copy warning']);
  });

  it('points every further copy at the first sheet', () => {
    const book = ingestWorkbook([staffGrid('A'), staffGrid('A (2)'), staffGrid('A (3)')]);
    expect(book.sheets.map((s) => s.copyOf)).toEqual([undefined, 'A', 'A']);
    expect(book.records.staff).toHaveLength(3);
  });

  it('is a copy whatever the sheet is called and wherever its header sits in the columns (the header cell follows the origin)', () => {
    const copy: SheetGrid = { ...staffGrid('Sheet7'), origin: { row: 0, col: 2 } };
    const book = ingestWorkbook([staffGrid('DS CBCCVC'), copy]);
    // Records carry sheet rows, not columns: the same rows and values are the same records.
    expect(book.sheets[1].copyOf).toBe('DS CBCCVC');
    expect(where(book.issues)).toEqual(['Sheet7!C3 sheet.copy warning']);
  });

  it('does not count an issue of the original twice, and keeps what only the copy has', () => {
    const noUnit: CellValue[] = [4, 'Phạm Thị Dung', '02/02/1990', 'Nữ', null, 'Điều dưỡng', 'Viên chức'];
    const original = staffGrid('DS', [...PEOPLE, noUnit]);
    const copy = staffGrid('DS (2)', [...PEOPLE, noUnit, [], ['Ghi chú: số liệu đến 30/6']]);
    const book = ingestWorkbook([original, copy]);
    expect(book.sheets[1].copyOf).toBe('DS');
    expect(where(book.issues)).toEqual(['DS!E7 row.missingRequired warning', 'DS (2)!A3 sheet.copy warning', 'DS (2)!A9 row.note info']);
  });

  it('is no copy when one value differs: both kept, and the people in both named by the duplicate check', () => {
    const edited = PEOPLE.map((p) => p.slice());
    edited[2][5] = 'Chánh Văn phòng';
    const book = ingestWorkbook([staffGrid('DS'), staffGrid('DS (2)', edited)]);
    expect(book.sheets.map((s) => s.copyOf)).toEqual([undefined, undefined]);
    expect(book.records.staff).toHaveLength(6);
    expect(codes(book.issues, 'sheet.copy')).toEqual([]);
    expect(where(codes(book.issues, 'person.duplicate'))).toEqual(['DS (2)!B4 person.duplicate warning', 'DS (2)!B5 person.duplicate warning', 'DS (2)!B6 person.duplicate warning']);
  });

  it('is no copy when a row is added or removed, nor when the same people sit in other rows', () => {
    const added = ingestWorkbook([staffGrid('DS'), staffGrid('DS (2)', [...PEOPLE, [4, 'Phạm Thị Dung', '02/02/1990', 'Nữ', 'Trung tâm Y tế']])]);
    expect(added.sheets[1].copyOf).toBeUndefined();
    const removed = ingestWorkbook([staffGrid('DS'), staffGrid('DS (2)', PEOPLE.slice(0, 2))]);
    expect(removed.sheets[1].copyOf).toBeUndefined();
    const moved = ingestWorkbook([staffGrid('DS'), { name: 'DS (2)', rows: [[], ...staffGrid('x').rows] }]);
    expect(moved.sheets[1].copyOf).toBeUndefined();
    expect(codes(moved.issues, 'person.duplicate')).toHaveLength(3);
  });

  it('never takes sheets of two files for copies, nor two empty lists', () => {
    const files = ingestWorkbook([staffGrid('DS', PEOPLE, { file: 'huyen-a.xlsx' }), staffGrid('DS', PEOPLE, { file: 'huyen-b.xlsx' })]);
    expect(files.sheets.map((s) => s.copyOf)).toEqual([undefined, undefined]);
    expect(files.records.staff).toHaveLength(6);
    const empty = ingestWorkbook([staffGrid('DS', []), staffGrid('DS (2)', [])]);
    expect(empty.sheets.map((s) => [s.kind, s.copyOf])).toEqual([['staff', undefined], ['staff', undefined]]);
    expect(empty.issues).toEqual([]);
  });

  it('compares only sheets of one kind', () => {
    const book = ingestWorkbook([staffGrid('DS'), memberGrid('Đảng viên'), staffGrid('DS (2)')]);
    expect(book.sheets.map((s) => [s.kind, s.copyOf])).toEqual([['staff', undefined], ['members', undefined], ['staff', 'DS']]);
  });

  it('works for members (badge years) and party organisations (ratings by year), to the last value', () => {
    const members = ingestWorkbook([memberGrid('ĐV'), memberGrid('ĐV (2)')]);
    expect(members.sheets[1].copyOf).toBe('ĐV');
    expect((members.records.members as MemberRecord[]).map((m) => m.badgeYears)).toEqual([[50], []]);
    expect(where(members.issues)).toEqual(['ĐV (2)!A1 sheet.copy warning']);
    const otherBadge = MEMBERS.map((m) => m.slice());
    otherBadge[0][7] = '55 năm';
    expect(ingestWorkbook([memberGrid('ĐV'), memberGrid('ĐV (2)', otherBadge)]).sheets[1].copyOf).toBeUndefined();

    const orgs = ingestWorkbook([orgGrid('TCĐ'), orgGrid('TCĐ (2)')]);
    expect(orgs.sheets[1].copyOf).toBe('TCĐ');
    expect((orgs.records.orgs as OrgRecord[])[0].ratings).toEqual({ 2020: 'excellent', 2021: 'good' });
    expect(ingestWorkbook([orgGrid('TCĐ'), orgGrid('TCĐ (2)', 'Hoàn thành nhiệm vụ')]).sheets[1].copyOf).toBeUndefined();
  });

  it('works for a key/value targets sheet, warned at A1', () => {
    const targets = (name: string): SheetGrid => ({ name, rows: TARGET_ROWS });
    const book = ingestWorkbook([targets('Chỉ tiêu'), targets('Chỉ tiêu (2)')]);
    expect(book.sheets.map((s) => [s.kind, s.copyOf])).toEqual([['targets', undefined], ['targets', 'Chỉ tiêu']]);
    expect(where(book.issues)).toEqual(['Chỉ tiêu (2)!A1 sheet.copy warning']);
    expect(book.records.targets).toHaveLength(1);
  });
});

describe('hidden and filtered-out rows', () => {
  it('are counted, with a note of how many there were at the sheet\'s first cell', () => {
    const result = ingestSheet(staffGrid('DS', PEOPLE, { hiddenRows: 1234 }));
    expect(result.records).toHaveLength(3);
    expect(where(result.issues)).toEqual(['DS!A1 sheet.hiddenRows info']);
    expect(result.issues[0].message).toBe('Trang "DS" có 1.234 dòng bị ẩn hoặc bị lọc (AutoFilter): các dòng này vẫn được đọc và tính như mọi dòng khác.');
    expect(result.issues[0].hint).toContain('Xóa bộ lọc');
  });

  it('are noted where the used range starts, and on a targets sheet too', () => {
    expect(where(ingestSheet(staffGrid('DS', PEOPLE, { hiddenRows: 2, origin: { row: 4, col: 1 } })).issues)).toEqual(['DS!B5 sheet.hiddenRows info']);
    const targets: SheetGrid = { name: 'Chỉ tiêu', rows: TARGET_ROWS, hiddenRows: 1 };
    expect(where(ingestSheet(targets).issues)).toEqual(['Chỉ tiêu!A1 sheet.hiddenRows info']);
  });

  it('are not noted when there are none, nor on a sheet tochuc does not read (nothing of it is counted)', () => {
    expect(ingestSheet(staffGrid('DS', PEOPLE, { hiddenRows: 0 })).issues).toEqual([]);
    expect(ingestSheet(staffGrid('DS')).issues).toEqual([]);
    expect(where(ingestSheet({ name: 'Ghi chép', rows: [['Sổ tay'], ['ghi chép riêng']], hiddenRows: 1 }).issues)).toEqual(['Ghi chép!A1 sheet.unrecognised info']);
  });
});

describe('what the reader could not put in the grid', () => {
  const beyond: Issue = { sheet: 'DS', cell: 'ZZZZZZ9', severity: 'warning', code: 'cell.outsideGrid', message: 'Ô ZZZZZZ9 nằm ngoài bảng tính của Excel, không đọc được.' };

  it('is among the sheet\'s issues, first, whatever its kind', () => {
    const staff = ingestSheet(staffGrid('DS', PEOPLE, { readerIssues: [beyond] }));
    expect(staff.kind).toBe('staff');
    expect(staff.issues).toEqual([beyond]);
    const unknown = ingestSheet({ name: 'DS', rows: [['Sổ tay'], ['ghi chép riêng']], readerIssues: [beyond] });
    expect(unknown.kind).toBeUndefined();
    expect(unknown.issues.map((i) => i.code)).toEqual(['cell.outsideGrid', 'sheet.unrecognised']);
    expect(ingestSheet({ name: 'DS', rows: [], readerIssues: [beyond] }).issues).toEqual([beyond]);
    const targets = ingestSheet({ name: 'DS', rows: TARGET_ROWS, readerIssues: [beyond] });
    expect(targets.kind).toBe('targets');
    expect(targets.issues).toEqual([beyond]);
  });

  it('reaches the book\'s issues, and the grid\'s own list is left as it was', () => {
    const grid = staffGrid('DS', PEOPLE, { readerIssues: [beyond] });
    const book = ingestWorkbook([grid]);
    expect(book.issues).toEqual([beyond]);
    expect(grid.readerIssues).toEqual([beyond]);
  });
});

describe('dates before the birth date', () => {
  const person = (birth: CellValue, status: CellValue, left: CellValue): CellValue[] => [1, 'Trần Thị Bình', birth, 'Nữ', 'Phòng Nội vụ', 'Chuyên viên', 'Công chức', status, left, 'Thôi việc ngay'];

  it('a leaving date before the birth date is an error at the leaving date, and the departure is undated', () => {
    const result = ingestSheet(staffGrid('DS', [person('05/07/1980', 'Tinh giản', '15/06/1908')]));
    expect(where(result.issues)).toEqual(['DS!I4 date.leftBeforeBirth error']);
    expect(result.issues[0].message).toBe('Trần Thị Bình: ngày nghỉ 15/06/1908 trước ngày sinh 05/07/1980.');
    expect(result.records[0]).toMatchObject({ status: 'reduced', leftDate: undefined, birthDate: '1980-07-05' });
  });

  it('compares at the precision known: a birth year alone, a leaving year alone', () => {
    // Born "1980" (a year): 1979 is before, any day of 1980 is not.
    expect(where(codes(ingestSheet(staffGrid('DS', [person(1980, 'Tinh giản', '31/12/1979')])).issues, 'date.leftBeforeBirth'))).toEqual(['DS!I4 date.leftBeforeBirth error']);
    expect(codes(ingestSheet(staffGrid('DS', [person(1980, 'Tinh giản', '01/01/1980')])).issues, 'date.leftBeforeBirth')).toEqual([]);
    // Left "1980" (a year, with its own warning) of someone born 05/07/1980: not before.
    expect(codes(ingestSheet(staffGrid('DS', [person('05/07/1980', 'Tinh giản', '1980')])).issues, 'date.leftBeforeBirth')).toEqual([]);
    expect(codes(ingestSheet(staffGrid('DS', [person('05/07/1980', 'Tinh giản', '1979')])).issues, 'date.leftBeforeBirth')).toHaveLength(1);
    // The same day is not before.
    expect(codes(ingestSheet(staffGrid('DS', [person('05/07/1980', 'Tinh giản', '05/07/1980')])).issues, 'date.leftBeforeBirth')).toEqual([]);
  });

  it('is a warning for someone still at work (their leaving date counts for nothing), as an unreadable one is', () => {
    const result = ingestSheet(staffGrid('DS', [person('05/07/1980', null, '15/06/1908').slice(0, 9)]));
    expect(where(result.issues)).toEqual(['DS!I4 date.leftBeforeBirth warning']);
    expect(result.records[0]).toMatchObject({ status: 'active', leftDate: undefined });
  });

  it('says nothing without a birth date', () => {
    const result = ingestSheet(staffGrid('DS', [person(null, 'Tinh giản', '15/06/2019')]));
    expect(result.issues).toEqual([]);
    expect(result.records[0]).toMatchObject({ leftDate: '2019-06-15' });
  });

  it('a member admitted before birth is left out with an error at the join date; one who moved before birth keeps the record, the date unknown', () => {
    const members = MEMBERS.map((m) => m.slice());
    members[0][4] = '03/02/1935';
    members[1][6] = '15/05/1921';
    const result = ingestSheet(memberGrid('ĐV', members));
    expect(where(result.issues)).toEqual(['ĐV!E2 date.joinedBeforeBirth error', 'ĐV!G3 date.statusBeforeBirth error']);
    expect(result.issues[0].message).toBe('Nguyễn Văn An: ngày vào Đảng 03/02/1935 trước ngày sinh 12/03/1940, không tính được.');
    expect((result.records as MemberRecord[]).map((m) => [m.fullName, m.status, m.statusDate])).toEqual([['Trần Thị Bình', 'transferredOut', undefined]]);
  });
});

describe('in Excel (the task pane runs the same ingest on what the Office reader gives)', () => {
  const hostile = (name: string) => path.join(__dirname, 'fixtures', 'hostile', name);
  /** The fixture's sheets as Excel holds them (its dates are text, so every format is General). */
  async function inExcel(name: string): Promise<{ grids: SheetGrid[]; workbook: FakeWorkbook }> {
    const grids = await readXlsx(hostile(name));
    const workbook = new FakeWorkbook();
    for (const grid of grids) {
      const sheet = workbook.addSheet(grid.name);
      grid.rows.forEach((row, r) => row?.forEach((value, c) => {
        if (value == null || value === '' || value instanceof Date) return;
        const cell = sheet.mutableCell(r, c);
        cell.numberFormat = 'General';
        cell.value = value;
      }));
    }
    return { grids, workbook };
  }

  it('counts a copied sheet once and says so, and finds a leaving date before the birth date', async () => {
    const copy = await scanWorkbook(host((await inExcel('45-sheet-copy.xlsx')).workbook).host);
    expect(copy.sheets.map((s) => [s.sheet, s.recordCount, s.copyOf])).toEqual([['DS CBCCVC', 4, undefined], ['DS CBCCVC (2)', 4, 'DS CBCCVC']]);
    expect(where(copy.issues)).toEqual(['DS CBCCVC (2)!A4 sheet.copy warning']);
    const dates = await scanWorkbook(host((await inExcel('50-left-before-birth.xlsx')).workbook).host);
    expect(where(codes(dates.issues, 'date.leftBeforeBirth'))).toEqual(['DS CBCCVC!I6 date.leftBeforeBirth error']);
  });

  it('has no count of hidden rows from the Office reader, so no note (the CLI\'s .xlsx reader gives one)', async () => {
    const { grids, workbook } = await inExcel('49-hidden-filtered-rows.xlsx');
    expect(grids[0].hiddenRows).toBe(5);
    const scan = await scanWorkbook(host(workbook).host);
    expect(scan.sheets[0].recordCount).toBe(8);
    expect(codes(scan.issues, 'sheet.hiddenRows')).toEqual([]);
  });
});
