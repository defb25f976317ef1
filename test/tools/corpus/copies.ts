/**
 * Copies and hidden rows: a sheet and its "Move or Copy" duplicate, a copy with
 * one row edited, a party register and its copy, a copy in a hidden sheet, rows hidden by hand and
 * rows an AutoFilter hides, a leaving date before the birth date, and two districts' workbooks
 * whose sheets are the same (which are not copies of each other). test/hostileCopies.test.ts checks
 * what each must get.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { ND108, PEOPLE, exceljsBytes, putRows, repack, staffSheet, workbook, type Cell, type Fixtures } from './make';

/** A party member register: header in row 3, members from row 4. */
export const MEMBER_HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chi bộ', 'Ngày vào Đảng', 'Ngày chính thức', 'Tình trạng', 'Ngày biến động'];
/** Five members: one admitted in 2021-Q2, one transferred out in 2021-Q2, one deceased in 2020. */
export const MEMBERS: Cell[][] = [
  [1, 'Nguyễn Văn An', '12/03/1975', 'Nam', 'Chi bộ Phòng Nội vụ', '03/02/2000', '03/02/2001', 'Đang sinh hoạt'],
  [2, 'Trần Thị Bình', '05/07/1980', 'Nữ', 'Chi bộ Phòng Nội vụ', '19/05/2010', '19/05/2011', 'Đang sinh hoạt'],
  [3, 'Lê Văn Cường', '20/11/1962', 'Nam', 'Chi bộ Văn phòng', '07/11/1990', '07/11/1991', 'Chuyển đi', '15/05/2021'],
  [4, 'Phạm Thị Dung', '02/02/1990', 'Nữ', 'Chi bộ Văn phòng', '20/04/2021', null, 'Đang sinh hoạt'],
  [5, 'Hoàng Văn Em', '01/01/1940', 'Nam', 'Chi bộ Văn phòng', '01/01/1965', '01/01/1966', 'Từ trần', '10/10/2020'],
];

const UNITS: Cell[][] = [
  ['Đơn vị', 'Khối', 'Biên chế năm 2015', 'Biên chế năm 2019'],
  ['Phòng Nội vụ', 'Chính quyền', 12, 10],
  ['Văn phòng HĐND và UBND', 'Chính quyền', 20, 18],
  ['Trung tâm Y tế', 'Sự nghiệp', 40, 38],
];

function memberSheet(wb: ExcelJS.Workbook, name: string, members: Cell[][], state: ExcelJS.WorksheetState = 'visible'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { state });
  putRows(ws, [['DANH SÁCH ĐẢNG VIÊN ĐẢNG BỘ CƠ QUAN UBND THÀNH PHỐ'], [], MEMBER_HEADER, ...members]);
  ws.mergeCells('A1:I1');
  ws.getColumn(2).width = 28;
  return ws;
}

function unitsSheet(wb: ExcelJS.Workbook, name: string, state: ExcelJS.WorksheetState = 'visible'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { state });
  putRows(ws, UNITS);
  return ws;
}

/** A staff list in a hidden sheet (exceljs' staffSheet makes visible ones). */
function hiddenStaffSheet(wb: ExcelJS.Workbook, name: string, people: Cell[][]): ExcelJS.Worksheet {
  const ws = staffSheet(wb, name, people);
  ws.state = 'hidden';
  return ws;
}

/** Eight people: PEOPLE, then four more (one of them reduced in 2019), all from row 5. */
const EIGHT: Cell[][] = [
  ...PEOPLE,
  [5, 'Hoàng Văn Em', '01/01/1988', 'Nam', 'Phòng Nội vụ', 'Chuyên viên', 'Công chức'],
  [6, 'Vũ Thị Giang', '03/04/1979', 'Nữ', 'Trung tâm Y tế', 'Kế toán', 'Viên chức', 'Tinh giản', '30/06/2019', 'Thôi việc ngay', ND108],
  [7, 'Đặng Văn Hải', '09/09/1985', 'Nam', 'Phòng Nội vụ', 'Chuyên viên', 'Công chức'],
  [8, 'Bùi Thị Lan', '14/02/1992', 'Nữ', 'Phòng Nội vụ', 'Chuyên viên', 'Công chức'],
];

export const FIXTURES: Fixtures = {
  /** 45. A staff list and its "Move or Copy" duplicate, "DS CBCCVC (2)": the same four people in the same rows. */
  '45-sheet-copy.xlsx': () => {
    const wb = workbook();
    staffSheet(wb, 'DS CBCCVC', PEOPLE);
    staffSheet(wb, 'DS CBCCVC (2)', PEOPLE);
    return exceljsBytes(wb);
  },

  /** 46. A staff list and its copy with one row edited: Trần Thị Bình's leaving date corrected to 16/06/2019 in the copy (I6). */
  '46-sheet-copy-edited.xlsx': () => {
    const wb = workbook();
    staffSheet(wb, 'DS CBCCVC', PEOPLE);
    const edited = PEOPLE.map((p) => p.slice());
    edited[1][8] = '16/06/2019';
    staffSheet(wb, 'DS CBCCVC (2)', edited);
    return exceljsBytes(wb);
  },

  /** 47. A party member register and its copy, "Đảng viên (2)" (header in row 3, five members). */
  '47-members-copy.xlsx': () => {
    const wb = workbook();
    memberSheet(wb, 'Đảng viên', MEMBERS);
    memberSheet(wb, 'Đảng viên (2)', MEMBERS);
    return exceljsBytes(wb);
  },

  /** 48. A staff list and a units sheet, each with a copy in a hidden sheet after them ("DS CBCCVC (2)", "Đơn vị (2)"). */
  '48-hidden-sheet-copy.xlsx': () => {
    const wb = workbook();
    staffSheet(wb, 'DS CBCCVC', PEOPLE);
    unitsSheet(wb, 'Đơn vị');
    hiddenStaffSheet(wb, 'DS CBCCVC (2)', PEOPLE);
    unitsSheet(wb, 'Đơn vị (2)', 'hidden');
    return exceljsBytes(wb);
  },

  /**
   * 49. Eight people (rows 5–12) under an AutoFilter on A4:K12 showing "Phòng Nội vụ" only: rows 7,
   * 8 and 10 (other units) are filtered out; rows 6 and 11 are hidden by hand. Three people reduced
   * in 2019, all three in hidden rows (6 by hand, 7 and 10 by the filter).
   */
  '49-hidden-filtered-rows.xlsx': async () => {
    const wb = workbook();
    const ws = staffSheet(wb, 'DS CBCCVC', EIGHT);
    ws.autoFilter = 'A4:K12';
    for (const row of [6, 7, 8, 10, 11]) ws.getRow(row).hidden = true;
    const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    // exceljs writes the filter's range only; Excel writes what it filters on as well (column E, "Đơn vị").
    const sheet = 'xl/worksheets/sheet1.xml';
    const xml = strFromU8(parts[sheet]);
    const filtered = xml.replace(/<autoFilter ref="A4:K12"\s*\/>/, '<autoFilter ref="A4:K12"><filterColumn colId="4"><filters><filter val="Phòng Nội vụ"/></filters></filterColumn></autoFilter>');
    if (filtered === xml) throw new Error('49: no <autoFilter> in the sheet exceljs wrote');
    parts[sheet] = strToU8(filtered);
    return repack(parts);
  },

  /**
   * 50. A leaving date before the birth date: Trần Thị Bình, born 05/07/1980, reduced "15/06/1908"
   * (I6). A member register beside it: a member admitted before birth ("19/05/1910", F5) and one
   * transferred out before birth ("15/05/1921", I6).
   */
  '50-left-before-birth.xlsx': () => {
    const wb = workbook();
    const people = PEOPLE.map((p) => p.slice());
    people[1][8] = '15/06/1908';
    staffSheet(wb, 'DS CBCCVC', people);
    const members = MEMBERS.map((m) => m.slice());
    members[1][5] = '19/05/1910';
    members[2][8] = '15/05/1921';
    memberSheet(wb, 'Đảng viên', members);
    return exceljsBytes(wb);
  },

  /** 51 and 52. Two districts' workbooks holding the very same sheets (a staff list and units): never copies of each other. */
  '51-huyen-dong.xlsx': () => districtBook(),
  '52-huyen-tay.xlsx': () => districtBook(),
};

function districtBook(): Promise<Uint8Array> {
  const wb = workbook();
  staffSheet(wb, 'DS CBCCVC', PEOPLE);
  unitsSheet(wb, 'Đơn vị');
  return exceljsBytes(wb);
}
