import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { columnLetter } from '../src/domain/a1';
import { isDateFormat, serialToDate } from '../src/workbook/xlsx/fastXlsx';
import { readXlsxBook, UnreadableWorkbookError, type XlsxBook } from '../src/workbook/xlsx/readXlsx';
import { writeSettings } from '../src/workbook/xlsx/settings';
import { registrySheet } from '../src/workbook/xlsx/writePlan';

// exceljs' own conversions, which the fast reader must match to the bit.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const exceljsUtils = require('exceljs/lib/utils/utils') as { excelToDate(v: number, date1904: boolean): Date; isDateFmt(fmt: string): boolean };

const DIR = path.join(os.tmpdir(), 'tochuc-fixtures', 'fast-xlsx');
const SAMPLE_WORKBOOK = path.join(__dirname, '..', 'assets', 'samples', 'mong-cai.xlsx');
const utc = (y: number, m: number, d: number, h = 0, min = 0, sec = 0, ms = 0) => new Date(Date.UTC(y, m - 1, d, h, min, sec, ms));

/** Reads the file with both engines, expects the same book, and returns it. */
async function sameAsExceljs(file: string): Promise<XlsxBook> {
  const fast = await readXlsxBook(file);
  expect(fast).toStrictEqual(await readXlsxBook(file, { engine: 'exceljs' }));
  return fast;
}

const rowsOf = (book: XlsxBook, sheet: string) => book.grids.find((g) => g.name === sheet)!.rows;

// ───────────────────────────── workbooks written by exceljs ─────────────────────────────

const DATE_FORMATS = ['dd/mm/yyyy', 'd-mmm-yy', 'yyyy-mm-dd hh:mm:ss', 'h:mm', 'mm-dd-yy', '[$-vi-VN]dd/mm/yyyy', '"Ngày "dd', 'DD/MM/YYYY'];
// Quoted text, a locale or colour in brackets, upper-case Y: no date to exceljs, so none here.
const NUMBER_FORMATS = ['#,##0', '0.00%', '0" ngày"', '[Red]0.00', 'YYYY', 'General'];

const STRINGS = ['Tên & <mã> "x" \'y\'', '  hai đầu có cách  ', 'dòng 1\r\ndòng 2', 'a\nb', '_x000D_ viết tay', '😀 ngoài BMP', 'Nguye\u0302\u0303n (NFD)', ''];

/** A workbook with every kind of cell exceljs writes, merged areas, hidden sheets and tochuc's registry. */
function kitchenSink(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dữ liệu');
  ws.getRow(1).values = [...STRINGS.slice(0, 1), { richText: [{ text: 'Nguyễn ' }, { font: { bold: true }, text: 'Văn' }, { text: ' An' }] }, ...STRINGS.slice(1)];
  ws.getRow(2).values = [42, -3.5, 1e21, 0.1 + 0.2, ...NUMBER_FORMATS.map(() => 44377.25)];
  NUMBER_FORMATS.forEach((fmt, i) => (ws.getCell(2, 5 + i).numFmt = fmt));
  ws.getRow(3).values = [true, false, { error: '#N/A' }, { error: '#DIV/0!' }];
  ws.getRow(4).values = [
    { formula: '1+1', result: 2 }, { formula: '"a"&"b"', result: 'a & b' }, { formula: 'TRUE()', result: true },
    { formula: '1/0', result: { error: '#DIV/0!' } }, { formula: 'DATE(2021,6,30)', result: 44377 }, { formula: 'A1', result: undefined },
  ] as ExcelJS.CellValue[];
  ws.getCell('E4').numFmt = 'dd/mm/yyyy';
  ws.fillFormula('G4:I4', 'A2*2', [84, 86, 88]);
  const dates = [utc(2021, 6, 30), utc(1975, 3, 12), utc(2021, 6, 30, 13, 45, 30, 123), utc(1899, 12, 30, 8, 30), utc(2000, 2, 29), utc(1900, 3, 1), utc(2019, 12, 31, 23, 59, 59, 999), utc(1960, 1, 1)];
  dates.forEach((d, i) => {
    const cell = ws.getCell(5, 1 + i);
    cell.numFmt = DATE_FORMATS[i];
    cell.value = d;
  });
  ws.getCell('A6').value = { text: 'trang chủ', hyperlink: 'https://example.org/?a=1&b=2' };
  ws.getCell('B6').value = 'có ghi chú';
  ws.getCell('B6').note = 'một ghi chú';
  ws.getCell('C6').style = { font: { bold: true } };
  ws.getCell('A8').value = 'Tiêu đề gộp';
  ws.mergeCells('A8:C8');
  ws.mergeCells('E8:F9');
  ws.getCell('H8').value = 'gộp dọc';
  ws.mergeCells('H8:H10');

  wb.addWorksheet('Từ C3').getCell('C3').value = 'bắt đầu ở C3';
  wb.getWorksheet('Từ C3')!.getCell('E5').value = 5;
  wb.addWorksheet('Ẩn', { state: 'hidden' }).getCell('A1').value = 'trang ẩn';
  wb.addWorksheet('Rất ẩn', { state: 'veryHidden' }).getCell('A1').value = 'không đọc';
  wb.addWorksheet('Báo cáo cũ').getCell('A1').value = 'tochuc đã viết';
  writeSettings(wb, { mappings: [{ field: 'unit', header: 'Nơi làm việc', sheet: 'Dữ liệu' }] });
  registrySheet(wb).getCell('A2').value = 'Báo cáo cũ';
  return wb;
}

async function written(name: string, wb: ExcelJS.Workbook): Promise<string> {
  await fs.mkdir(DIR, { recursive: true });
  const file = path.join(DIR, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('the fast .xlsx reader gives what exceljs gives', () => {
  it('on the sample workbook', async () => {
    const book = await sameAsExceljs(SAMPLE_WORKBOOK);
    expect(book.grids.map((g) => g.name)).toContain('DS CBCCVC');
    expect(book.grids.every((g) => g.merges!.length > 0 && g.file === SAMPLE_WORKBOOK)).toBe(true);
    expect(book.settings.org?.place).toBe('Móng Cái');
  });

  it('on every kind of cell, with shared strings', async () => {
    const book = await sameAsExceljs(await written('kitchen-sink.xlsx', kitchenSink()));
    // Not the same by both being empty: the cells are there.
    expect(book.grids.map((g) => g.name)).toEqual(['Dữ liệu', 'Từ C3', 'Ẩn']);
    expect(book.settings.mappings).toHaveLength(1);
    const rows = rowsOf(book, 'Dữ liệu');
    expect(rows[0]).toEqual(['Tên & <mã> "x" \'y\'', 'Nguyễn Văn An', '  hai đầu có cách  ', 'dòng 1\ndòng 2', 'a\nb', '\r viết tay', '😀 ngoài BMP', 'Nguye\u0302\u0303n (NFD)', '']);
    expect(rows[1].slice(4)).toEqual(NUMBER_FORMATS.map(() => 44377.25));
    expect(rows[2]).toEqual([true, false, '#N/A', '#DIV/0!']);
    expect(rows[3]).toEqual([2, 'a & b', true, '#DIV/0!', utc(2021, 6, 30), null, 84, 86, 88]);
    expect(rows[4]).toEqual([utc(2021, 6, 30), utc(1975, 3, 12), utc(2021, 6, 30, 13, 45, 30, 123), utc(1899, 12, 30, 8, 30), utc(2000, 2, 29), utc(1900, 3, 1), utc(2019, 12, 31, 23, 59, 59, 999), utc(1960, 1, 1)]);
    expect(rows[7]).toEqual(['Tiêu đề gộp', 'Tiêu đề gộp', 'Tiêu đề gộp', undefined, undefined, null, undefined, 'gộp dọc']);
    expect(rowsOf(book, 'Từ C3')[2]).toEqual([undefined, undefined, 'bắt đầu ở C3']);
  });

  it("on exceljs' streaming writer's output: strings in the cells (t=\"str\"), inline rich text, the sheets before xl/workbook.xml", async () => {
    await fs.mkdir(DIR, { recursive: true });
    const file = path.join(DIR, 'streamed.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
    const ws = wb.addWorksheet('DS');
    ws.addRow(STRINGS).commit();
    ws.addRow([{ richText: [{ text: 'Nguyễn ' }, { font: { italic: true }, text: 'Thị' }] }, { formula: '"a"&"b"', result: 'a & b' }, { error: '#N/A' }, true]).commit();
    for (let i = 1; i <= 300; i++) {
      const row = ws.addRow([i, `Người ${i}`, i % 5 ? `0${1 + (i % 9)}/03/1980` : utc(1980, 3, 1 + (i % 28))]);
      row.getCell(3).numFmt = 'dd/mm/yyyy';
      row.commit();
    }
    await wb.commit();
    const xml = await sheetXml(file, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('t="str"');
    expect(xml).toContain('t="inlineStr"');
    const rows = rowsOf(await sameAsExceljs(file), 'DS');
    expect(rows).toHaveLength(302);
    expect(rows[1]).toEqual(['Nguyễn Thị', 'a & b', '#N/A', true]);
  });

  it('on a workbook in the 1904 date system', async () => {
    const wb = kitchenSink();
    wb.properties.date1904 = true;
    const file = await written('date1904.xlsx', wb);
    expect(await sheetXml(file, 'xl/workbook.xml')).toContain('date1904="1"');
    expect(rowsOf(await sameAsExceljs(file), 'Dữ liệu')[4][0]).toEqual(utc(2021, 6, 30));
  });
});

// ───────────────────────────── workbooks written by hand ─────────────────────────────

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

interface HandSheet {
  name: string;
  /** The whole worksheet part; none written when left out. */
  xml?: string;
  state?: string;
  /** The relationship: "worksheets/sheetN.xml", a worksheet, unless given. */
  target?: string;
  type?: string;
}

const worksheet = (content: string) => `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${content}</worksheet>`;
const sheetData = (rows: string) => worksheet(`<sheetData>${rows}</sheetData>`);

/** An .xlsx put together from XML written out here, for what exceljs does not write (but Excel and others do). */
async function handMade(name: string, sheets: HandSheet[], parts: { strings?: string; styles?: string; workbookPr?: string } = {}): Promise<string> {
  const targets = sheets.map((s, i) => s.target ?? `worksheets/sheet${i + 1}.xml`);
  const rels = sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${s.type ?? 'worksheet'}" Target="${targets[i]}"/>`);
  rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`, `<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
  const files: Record<string, string> = {
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    '_rels/.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}">${parts.workbookPr ?? ''}<sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    'xl/sharedStrings.xml': `${XML}<sst xmlns="${MAIN}">${parts.strings ?? ''}</sst>`,
    'xl/styles.xml': `${XML}<styleSheet xmlns="${MAIN}">${parts.styles ?? '<cellXfs count="1"><xf numFmtId="0"/></cellXfs>'}</styleSheet>`,
  };
  sheets.forEach((s, i) => {
    if (s.xml !== undefined) files[targets[i].startsWith('/') ? targets[i].slice(1) : `xl/${targets[i]}`] = s.xml;
  });
  return zipped(name, Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

async function zipped(name: string, files: Record<string, Uint8Array>): Promise<string> {
  return saved(name, zipSync(files));
}

async function saved(name: string, bytes: Uint8Array | string): Promise<string> {
  await fs.mkdir(DIR, { recursive: true });
  const file = path.join(DIR, name);
  await fs.writeFile(file, bytes);
  return file;
}

async function sheetXml(file: string, part: string): Promise<string> {
  return strFromU8(unzipSync(await fs.readFile(file), { filter: (f) => f.name === part })[part]);
}

describe('the fast reader on what Excel and other programs write', () => {
  it('reads shared strings with runs, phonetic guides, escapes and entities, formulas and absolute part names, as exceljs does', async () => {
    const strings = [
      '<si><t xml:space="preserve">  cách  </t></si>',
      '<si><r><rPr><b/></rPr><t>Đảng </t></r><r><t xml:space="preserve">bộ</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><t>dòng_x000D__x000A_mới _x005F_x000D_ &amp;&lt;&gt;&quot;&apos; &#123; &#x1EA0; _x00e9_</t></si>',
      '<si><t/></si>',
      '<si><t>a\r\nb\rc</t></si>',
    ].join('');
    const rows =
      '<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>' +
      '<!-- a comment <c r="A9"><v>9</v></c> -->' +
      '<row r="2"><c r="A2" t="str"><f>"x"</f><v>&amp;lt;b&amp;gt; &amp;amp;</v></c><c r="B2" t="inlineStr"><is><t>trong ô</t></is></c>' +
      '<c r="C2" t="inlineStr"><is><r><t>chạy </t></r><r><rPr><i/></rPr><t>_x0041_</t></r></is></c><c r="D2" s="0"/><c r="E2"><v></v></c><c r="F2" t="e"><v>#REF!</v></c>' +
      '<c r="G2" t="b"><f>1=1</f><v>1</v></c><c r="H2"><f t="shared" ref="H2:H3" si="0">G2</f><v>7</v></c></row>' +
      '<row r="3"><c r="H3"><f t="shared" si="0"/><v>8</v></c><c r="I3"><f t="array" ref="I3">SUM(A1:B1)</f><v>9</v></c></row>';
    const xml = worksheet(`<sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="F3:E4"/></mergeCells>`);
    const file = await handMade('strings.xlsx', [{ name: 'Trang & <1>', xml, target: '/xl/worksheets/sheet1.xml' }], { strings });
    const book = await sameAsExceljs(file);
    expect(book.grids[0].name).toBe('Trang & <1>');
    expect(book.grids[0].rows[0]).toEqual(['  cách  ', 'Đảng bộ', 'dòng\r\nmới _x000D_ &<>"\' { Ạ _x00e9_', '', 'a\nb\nc']);
    expect(book.grids[0].rows[1]).toEqual(['<b> &', 'trong ô', 'chạy A', undefined, undefined, '#REF!', true, 7]);
    expect(book.grids[0].rows[2]).toEqual([undefined, undefined, undefined, undefined, undefined, null, undefined, 8, 9]);
    expect(book.grids[0].merges).toEqual([{ top: 2, left: 4, bottom: 3, right: 5 }]);
  });

  it("reads numbers as dates by the cell's style as exceljs does, built-in and custom formats alike", async () => {
    const builtins = Array.from({ length: 50 }, (_, id) => `<xf numFmtId="${id}"/>`);
    const custom = ['dd\\/mm\\/yyyy', '[Red]0.00', '[h]:mm', '"Năm "yyyy', '#,##0" đ"', 'mmm yy'];
    const numFmts = custom.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(code)}"/>`).join('');
    const xfs = [...builtins, ...custom.map((_, i) => `<xf numFmtId="${164 + i}"/>`)];
    // cellStyleXfs come first and are no cell styles: a date there must not count.
    const styles = `<numFmts count="${custom.length}">${numFmts}</numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>`;
    const cells = xfs.map((_, s) => `<c r="${columnLetter(s)}1" s="${s}"><v>44377.5208333333</v></c>`).join('');
    const book = await sameAsExceljs(await handMade('formats.xlsx', [{ name: 'Số', xml: sheetData(`<row r="1">${cells}</row>`) }], { styles }));
    const row = book.grids[0].rows[0];
    expect(row[0]).toBe(44377.5208333333);
    expect(row[14]).toEqual(utc(2021, 6, 30, 12, 30));
    // The East Asian date formats (27–36) have no code in exceljs: numbers there.
    expect(row[27]).toBe(44377.5208333333);
    expect(row.filter((v) => v instanceof Date)).toHaveLength(12 + 4);
  });

  // exceljs fails on this file (prefixes); on the rest it would give a text result in a date cell as an invalid Date, results 0 and false as null.
  it('reads what exceljs cannot: cells and rows without addresses, prefixed tags, ISO dates, date1904="true", inline phonetic guides, formula results', async () => {
    const xml =
      `${XML}<x:worksheet xmlns:x="${MAIN}"><x:sheetData>` +
      '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>2</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c><x:c s="1" t="str"><x:f>TEXT(A1,"dd/mm/yyyy")</x:f><x:v>30/06/2021</x:v></x:c><x:c><x:f>1-1</x:f><x:v>0</x:v></x:c><x:c t="b"><x:f>1=0</x:f><x:v>0</x:v></x:c></x:row>' +
      '<x:row r="4"><x:c r="B4" t="d"><x:v>2021-06-30T10:15:00</x:v></x:c><x:c t="d"><x:v>2021-06-30</x:v></x:c><x:c t="inlineStr"><x:is><x:t>chữ</x:t><x:rPh><x:t>ruby</x:t></x:rPh></x:is></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const file = await handMade('odd.xlsx', [{ name: 'Lạ', xml }], { strings: '<si><t>một</t></si>', styles: '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>', workbookPr: '<workbookPr date1904="true"/>' });
    const book = await readXlsxBook(file);
    expect(book.grids[0].rows).toEqual([['một', 2, utc(1904, 1, 1), '30/06/2021', 0, false], undefined, undefined, [undefined, utc(2021, 6, 30, 10, 15), utc(2021, 6, 30), 'chữ']]);
  });

  it('leaves out very hidden sheets and chart sheets, and keeps hidden ones', async () => {
    const one = sheetData('<row r="1"><c r="A1"><v>1</v></c></row>');
    const file = await handMade('states.xlsx', [
      { name: 'Thấy', xml: one },
      { name: 'Ẩn', xml: one, state: 'hidden' },
      { name: 'Rất ẩn', xml: one, state: 'veryHidden' },
      { name: 'Biểu đồ', xml: one, type: 'chartsheet', target: 'chartsheets/sheet1.xml' },
    ]);
    expect((await sameAsExceljs(file)).grids.map((g) => g.name)).toEqual(['Thấy', 'Ẩn']);
  });

  it('counts the hidden rows that hold values (hidden by hand or filtered out) and reads them as exceljs does', async () => {
    const rows =
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="1"><c r="A2"><v>2</v></c><c r="B2"><v>3</v></c></row>' +
      '<row r="3" hidden="true" ht="0"><c r="A3" t="inlineStr"><is><t>ẩn</t></is></c></row><row r="4" hidden="0"><c r="A4"><v>4</v></c></row>' +
      '<row r="5" hidden="1"/><row r="6" hidden="1" s="1" customFormat="1"><c r="A6" s="1"/></row>';
    const file = await handMade('hidden-rows.xlsx', [{ name: 'Lọc', xml: worksheet(`<sheetData>${rows}</sheetData><autoFilter ref="A1:B6"/>`) }]);
    const fast = await readXlsxBook(file);
    expect(fast.grids[0].hiddenRows).toBe(2);
    const { hiddenRows: _hidden, ...grid } = fast.grids[0];
    expect({ ...fast, grids: [grid] }).toStrictEqual(await readXlsxBook(file, { engine: 'exceljs' }));
    expect(grid.rows).toEqual([[1], [2, 3], ['ẩn'], [4]]);
  });
});

describe('the fast reader on cells beyond Excel\'s grid', () => {
  it('says each cell with a value past XFD or row 1,048,576 at its address as written, up to 100 a sheet, then how many more', async () => {
    const noAddress = Array.from({ length: 16_500 }, (_, i) => `<c><v>${i}</v></c>`).join('');
    const rows = `<row r="1">${noAddress}</row><row r="1048576"><c r="A1048576"><v>1</v></c><c r="XFD1048576" s="0"/><c r="XFE1048576"/></row>`;
    const file = await handMade('beyond.xlsx', [{ name: 'Rộng', xml: sheetData(rows) }]);
    const [grid] = (await readXlsxBook(file)).grids;
    expect(grid.rows[0]).toHaveLength(16_384);
    expect(grid.rows[0][16_383]).toBe(16_383);
    expect(grid.rows[1048575]).toEqual([1]);
    // 116 cells past XFD in row 1, written without addresses: named by their place, XFE1 on.
    expect(grid.readerIssues!.map((i) => i.cell).slice(0, 2)).toEqual(['XFE1', 'XFF1']);
    expect(grid.readerIssues).toHaveLength(101);
    expect(grid.readerIssues![100]).toMatchObject({ sheet: 'Rộng', cell: columnLetter(16_384 + 100) + '1', code: 'cell.outsideGrid', severity: 'warning' });
    expect(grid.readerIssues![100].message).toMatch(/Còn 16 ô/);
  });
});

describe('the fast reader on merged areas that would fill too much', () => {
  it('fills at most 2^24 cells of merged areas a sheet: the rest kept as ranges, unfilled, and said once', async () => {
    // 1,700 times A1:CV100 (10,000 cells each, under the size that makes one area "huge"): 17 million cells.
    const merges = '<mergeCell ref="A1:CV100"/>'.repeat(1700);
    const file = await handMade('many-merges.xlsx', [{ name: 'Gộp', xml: worksheet(`<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells>${merges}</mergeCells>`) }]);
    const [grid] = (await readXlsxBook(file)).grids;
    expect(grid.merges).toHaveLength(1700);
    expect(grid.rows[99][99]).toBe(1);
    expect(grid.readerIssues).toEqual([expect.objectContaining({ sheet: 'Gộp', cell: 'A1', code: 'merge.tooMany', severity: 'warning' })]);
  });
});

describe('damaged packages: shared strings that are not there', () => {
  async function damaged(name: string, rows: string, strings?: string): Promise<string> {
    const file = await handMade(name, [{ name: 'S', xml: sheetData(rows) }], { strings });
    const error = await readXlsxBook(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    return (error as Error).message;
  }

  it('refuses an index past the table, one that is no number, and one in a formula cell, each naming its cell', async () => {
    const table = '<si><t>một</t></si><si><t>hai</t></si>';
    expect(await damaged('sst-past.xlsx', '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c></row>', table)).toMatch(/trang "S", ô B1 trỏ tới chuỗi dùng chung số 2 nhưng bảng chuỗi dùng chung chỉ có 2 chuỗi/);
    expect(await damaged('sst-nan.xlsx', '<row r="3"><c r="C3" t="s"><v>x</v></c></row>', table)).toMatch(/ô C3 trỏ tới một chuỗi dùng chung không có số/);
    expect(await damaged('sst-formula.xlsx', '<row r="2"><c r="D2" t="s"><f>A1</f><v>7</v></c></row>', table)).toMatch(/ô D2 trỏ tới chuỗi dùng chung số 7/);
  });

  it('refuses a sheet named in workbook.xml whose part is missing, at the usual path or another', async () => {
    const one = sheetData('<row r="1"><c r="A1"><v>1</v></c></row>');
    for (const [i, sheets] of [[{ name: 'Thấy', xml: one }, { name: 'Mất' }], [{ name: 'Thấy', xml: one }, { name: 'Mất', target: 'worksheets/khác.xml' }]].entries()) {
      const error = await readXlsxBook(await handMade(`missing-${i}.xlsx`, sheets)).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/sổ có trang "Mất" nhưng tệp thiếu phần chứa trang này/);
    }
  });
});

describe("the fast reader's conversions are exceljs' own", () => {
  it('serial → Date, to the millisecond, in both date systems', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e5, max: 3e6, noNaN: true }), fc.boolean(), (serial, date1904) => {
        expect(serialToDate(serial, date1904).getTime()).toBe(exceljsUtils.excelToDate(serial, date1904).getTime());
      }),
    );
  });

  it('which number formats are dates', () => {
    const unit = fc.constantFrom('y', 'm', 'd', 'h', 'M', 's', 'b', 'Y', 'D', 'H', '"', '[', ']', '0', '#', '/', ' ', '\\', '@', 'e', ';', 'A', 'P');
    fc.assert(fc.property(fc.string({ unit, maxLength: 12 }), (code) => expect(isDateFormat(code)).toBe(exceljsUtils.isDateFmt(code))));
  });
});

// ───────────────────────────── what is no workbook ─────────────────────────────

describe('files the fast reader refuses', () => {
  async function refused(file: string): Promise<string> {
    const error = await readXlsxBook(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    expect((error as Error).message).toContain(file);
    return (error as Error).message;
  }

  it('a missing file', async () => {
    await expect(readXlsxBook(path.join(DIR, 'không có.xlsx'))).rejects.toThrow(/không tồn tại/);
  });

  it('text, a password-protected (OLE) file, an empty file, and a zip that is no workbook', async () => {
    await refused(await saved('danh sách.csv.xlsx', 'Họ và tên,Đơn vị\nNguyễn Văn A,Phòng Nội vụ\n'));
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refused(await saved('mật khẩu.xlsx', ole))).toMatch(/mật khẩu/);
    await refused(await saved('rỗng.xlsx', ''));
    expect(await refused(await zipped('văn bản.xlsx', { 'word/document.xml': strToU8('<document/>') }))).toMatch(/xl\/workbook\.xml/);
  });

  it('a cut-off file, and XML cut off in a tag or a comment', async () => {
    const whole = await fs.readFile(await written('whole.xlsx', kitchenSink()));
    expect(await refused(await saved('cụt.xlsx', whole.subarray(0, whole.length / 2)))).toMatch(/zip bị hỏng/);
    for (const [i, xml] of ['<worksheet><sheetData><row r="1"><c r="A1" t="s', '<worksheet><sheetData><row r="1"><c r="A1"', '<worksheet><!-- <c>'].entries()) {
      await refused(await handMade(`xml-cut-${i}.xlsx`, [{ name: 'S', xml }]));
    }
  });

  it('never hangs on XML cut off anywhere: it reads what is there or refuses', async () => {
    const xml = worksheet('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>x</t></r></is></c></row><row r="2"><c r="A2"><f>1+1</f><v>2</v></c></row></sheetData><mergeCells><mergeCell ref="A3:B3"/></mergeCells>');
    for (let cut = 0; cut <= xml.length; cut += 7) {
      const file = await handMade('cut-anywhere.xlsx', [{ name: 'S', xml: xml.slice(0, cut) }], { strings: '<si><t>a</t></si>' });
      const read = await readXlsxBook(file).catch((e: unknown) => e);
      if (!(read instanceof UnreadableWorkbookError)) expect(read).toHaveProperty('grids');
    }
  });

  it('does not fill a merged area of a whole column cell by cell (exceljs would): only as far as the data goes', async () => {
    const rows = [1, 2, 3].map((r) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`).join('');
    const file = await handMade('whole-column.xlsx', [{ name: 'S', xml: worksheet(`<sheetData>${rows}</sheetData><mergeCells><mergeCell ref="B1:B1048576"/><mergeCell ref="C1:D2"/></mergeCells>`) }]);
    const [grid] = (await readXlsxBook(file)).grids;
    expect(grid.rows).toEqual([[1, undefined, undefined, null], [2, null, null, null], [3, null]]);
    expect(grid.merges).toEqual([{ top: 0, left: 1, bottom: 1048575, right: 1 }, { top: 0, left: 2, bottom: 1, right: 3 }]);
  });
});

describe('reading a workbook', () => {
  it('does not load exceljs', async () => {
    await jest.isolateModulesAsync(async () => {
      jest.doMock('exceljs', () => {
        throw new Error('exceljs loaded');
      });
      const { readXlsxBook: read } = await import('../src/workbook/xlsx/readXlsx');
      expect((await read(SAMPLE_WORKBOOK)).grids.length).toBeGreaterThan(0);
      await expect(read(SAMPLE_WORKBOOK, { engine: 'exceljs' })).rejects.toThrow('exceljs loaded');
    });
  });
});
