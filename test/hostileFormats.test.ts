/**
 * The formats offices have besides .xlsx (fixtures 15–29 of test/fixtures/hostile, made by
 * test/tools/corpus/formats.ts), and the checks on the path before anything is read (folders,
 * devices, FIFOs, files over the size cap). Each fixture goes through the reader, ingest,
 * the reduction report and the CLI in process; its sha256 is the same after as before.
 */
import { execFileSync } from 'child_process';
import * as XLSX from '@e965/xlsx';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import type { StaffRecord } from '../src/domain/records';
import { type WorkbookIngest } from '../src/ingest/ingestWorkbook';
import { generateOne } from './helpers/generate';
import { detectSeparator, parseCsvPieces, readCsv } from '../src/workbook/formats/csv';
import { MAX_INPUT_BYTES } from '../src/workbook/formats/fileCheck';
import { hasFilePass } from '../src/workbook/formats/sheetjs';
import { sniff, textEncoding, zipEntrySize } from '../src/workbook/formats/sniff';
import { readXlsxBook, type XlsxBook } from '../src/workbook/xlsx/readXlsx';
import { cli, HOSTILE_DIR, read, refused, untouched } from './helpers/hostile';
import { CODECS, underCodec } from './helpers/codecs';

const DIR = HOSTILE_DIR;
const TMP = path.join(os.tmpdir(), 'tochuc-fixtures', 'hostile-formats');
const AT = '2021-07-01T00:00:00.000Z';
const SHEET = 'DS CBCCVC';
const TITLE = 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC VÀ NGƯỜI LAO ĐỘNG';
const ND108 = 'NĐ 108/2014/NĐ-CP';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const staff = (ingest: WorkbookIngest) => ingest.records.staff as StaffRecord[];
const reduction = (ingest: WorkbookIngest, from = '2019-01-01', to = '2019-12-31') => generateOne('reduction', ingest, { period: { from, to }, generatedAt: AT }).report;

/** The four people of make.ts PEOPLE, as ingest must read them from any format. */
const FOUR = [
  ['Nguyễn Văn An', '1975-03-12', 'Phòng Nội vụ', 'active'],
  ['Trần Thị Bình', '1980-07-05', 'Phòng Nội vụ', 'reduced'],
  ['Lê Văn Cường', '1962-11-20', 'Văn phòng HĐND và UBND', 'reduced'],
  ['Phạm Thị Dung', '1990-02-02', 'Trung tâm Y tế', 'active'],
];

/** The staff list read in full: the four people in NFC, the two reduced in 2019 with their forms and dates, and the same from the CLI. */
async function staffListRead(file: string, sheet: string): Promise<{ book: XlsxBook; ingest: WorkbookIngest }> {
  const { book, ingest } = await read(file);
  const list = ingest.sheets.find((s) => s.sheet === sheet)!;
  expect(list).toMatchObject({ kind: 'staff', headerRows: [4, 4] });
  const people = staff(ingest);
  expect(people.map((r) => [r.fullName, r.birthDate, r.unit, r.status])).toEqual(FOUR);
  for (const r of people) expect({ name: r.fullName, nfc: r.fullName === r.fullName.normalize('NFC') && r.unit === r.unit.normalize('NFC') }).toEqual({ name: r.fullName, nfc: true });
  expect(ingest.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  const report = reduction(ingest);
  expect(report.reduced).toMatchObject({ total: 2, byForm: { resignation: 1, earlyRetirement: 1 } });
  expect(report.reduced.people.map((p) => [p.fullName, p.leftDate, p.basis])).toEqual([
    ['Trần Thị Bình', '2019-06-15', ND108],
    ['Lê Văn Cường', '2019-09-01', ND108],
  ]);
  const run = await cli(['report', 'reduction', '--input', file, '--period', '2019', '--json']);
  expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
  expect(JSON.parse(run.out).reduced.total).toBe(2);
  return { book, ingest };
}

beforeAll(async () => {
  await fs.mkdir(TMP, { recursive: true });
});

describe('the formats offices have', () => {
  test('15 an Excel 97–2003 .xls: read as the .xlsx would be, date cells as dates, merged title filled, units joined', async () => {
    await untouched('15-staff-list.xls', async (file) => {
      expect(sniff(await fs.readFile(file))).toBe('ole');
      const { book, ingest } = await staffListRead(file, SHEET);
      expect(book.grids.map((g) => g.name)).toEqual([SHEET, 'Đơn vị']);
      const rows = book.grids[0].rows;
      // Date cells come out as the .xlsx reader gives them; text dates stay text.
      expect([rows[5][2], rows[5][8], rows[6][8], rows[4][2]]).toEqual([utc(1980, 7, 5), utc(2019, 6, 15), utc(2019, 9, 1), '12/03/1975']);
      expect(book.grids[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 10 }, { top: 1, left: 0, bottom: 1, right: 10 }]);
      expect(rows[0][10]).toBe(TITLE);
      expect(ingest.sheets[1]).toMatchObject({ sheet: 'Đơn vị', kind: 'units' });
      expect(reduction(ingest).quota.byUnit.map((u) => [u.unit, u.current])).toEqual([['Phòng Nội vụ', 10], ['Văn phòng HĐND và UBND', 18], ['Trung tâm Y tế', 38]]);
    });
  }, 30000);

  test('16 a BIFF5 .xls (Excel 95) in code page 1258: Vietnamese text decoded and made NFC', async () => {
    await untouched('16-staff-list-biff5.xls', async (file) => {
      const { book } = await staffListRead(file, SHEET);
      const rows = book.grids[0].rows;
      expect(rows[0][0]).toBe(TITLE);
      expect(rows[3]).toContain('Hình thức tinh giản');
      expect(rows[5][2]).toEqual(utc(1980, 7, 5));
    });
  }, 30000);

  test('17 an OpenDocument .ods: read as the .xlsx would be, date cells as dates, merges kept', async () => {
    await untouched('17-staff-list.ods', async (file) => {
      expect(sniff(await fs.readFile(file))).toBe('ods');
      const { book, ingest } = await staffListRead(file, SHEET);
      expect(book.grids.map((g) => g.name)).toEqual([SHEET, 'Đơn vị']);
      const rows = book.grids[0].rows;
      expect([rows[5][2], rows[5][8], rows[6][8]]).toEqual([utc(1980, 7, 5), utc(2019, 6, 15), utc(2019, 9, 1)]);
      expect(book.grids[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 10 }, { top: 1, left: 0, bottom: 1, right: 10 }]);
      expect(ingest.sheets[1].kind).toBe('units');
    });
  }, 30000);

  /** A CSV's one sheet is named after the file; its cells are text, which ingest reads day first. */
  async function csvRead(name: string, separator: string, encoding: string): Promise<void> {
    await untouched(name, async (file) => {
      const data = await fs.readFile(file);
      expect(sniff(data)).toBe('text');
      const csv = readCsv(data, 'x');
      expect([csv.separator, csv.encoding]).toEqual([separator, encoding]);
      const sheet = name.replace(/\.[a-z]+$/, '');
      const { book } = await staffListRead(file, sheet);
      expect(book.grids.map((g) => g.name)).toEqual([sheet]);
      const rows = book.grids[0].rows;
      expect(rows[0]).toEqual([TITLE]);
      expect([rows[4][0], rows[5][2], rows[5][8]]).toEqual(['1', '05/07/1980', '15/06/2019']);
      expect(rows.flat().every((v) => v == null || typeof v === 'string')).toBe(true);
    });
  }

  test('18 CSV UTF-8 with BOM, commas', () => csvRead('18-utf8-bom.csv', ',', 'utf-8'), 30000);
  test('19 CSV UTF-8 without BOM, semicolons', () => csvRead('19-utf8-no-bom-semicolon.csv', ';', 'utf-8'), 30000);
  test('20 "Unicode Text": UTF-16LE with BOM, tabs', () => csvRead('20-unicode-text-utf16.txt', '\t', 'utf-16le'), 30000);
  test('21 CSV in Windows-1258, tones as combining marks', () => csvRead('21-windows-1258.csv', ',', 'windows-1258'), 30000);
  test('29 CSV with Excel\'s "sep=;" line, text in NFD', () => csvRead('29-sep-hint-nfd.csv', ';', 'utf-8'), 30000);

  test('22 a real .xls named .xlsx: read, as the same file named .xls is', async () => {
    await untouched('22-real-xls-named.xlsx', async (file) => {
      const { book } = await staffListRead(file, SHEET);
      const xls = await readXlsxBook(path.join(DIR, '15-staff-list.xls'));
      expect(book.grids.map(({ file: _f, ...g }) => g)).toEqual(xls.grids.map(({ file: _f, ...g }) => g));
    });
  }, 30000);

  test('23 a password-protected .xls: exit 2, "password", and how to remove it', async () => {
    await untouched('23-password.xls', async (file) => {
      const data = await fs.readFile(file);
      const message = await refused(file, 'encrypted');
      expect(message).toMatch(/\.xls\) có mật khẩu/);
      expect(message).toContain('File › Info › Protect Workbook › Encrypt with Password');
      expect(message).toMatch(/xóa mật khẩu, lưu lại rồi chạy lại/);
      expect(message).not.toMatch(/hỏng/);
      // The record itself says so: the stream's FILEPASS, 4 bytes after the 16-byte BOF, in sector 2 of the compound file.
      expect(hasFilePass(data.subarray(3 * 512))).toBe(true);
      expect(hasFilePass(Buffer.from([0x09, 0x08, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x2f, 0x00, 0x00, 0x00]))).toBe(false);
    });
  }, 30000);

  test('24 quoted fields: separators, quotes and line breaks inside a cell stay in it', async () => {
    await untouched('24-quoted-fields.csv', async (file) => {
      const { book, ingest } = await read(file);
      // The line break inside the quoted basis is the cell's own, one LF as Excel keeps it; ingest then reads it as a space.
      expect(book.grids[0].rows[5][10]).toBe(`${ND108}\nĐiều 6, khoản 1`);
      const people = staff(ingest);
      expect(people.map((r) => [r.fullName, r.unit, r.status])).toEqual([
        ['Nguyễn Văn An', 'Phòng Nội vụ', 'active'],
        ['Trần Thị Bình, (Bình "nhỏ")', 'Phòng Nội vụ; Tổ một cửa', 'reduced'],
        ['Lê Văn Cường', 'Văn phòng HĐND và UBND', 'reduced'],
        ['Phạm Thị Dung', 'Trung tâm Y tế', 'active'],
      ]);
      expect(people[1].basis).toMatch(/^NĐ 108\/2014\/NĐ-CP\sĐiều 6, khoản 1$/);
      expect(reduction(ingest).reduced.total).toBe(2);
      // Cut anywhere, the text parses the same: no state is lost between two slices.
      const text = (await fs.readFile(file, 'utf8')).replace(/^\ufeff/, '');
      const whole = parseCsvPieces([text], ',', 'x');
      for (let i = 1; i < text.length; i++) expect(parseCsvPieces([text.slice(0, i), text.slice(i)], ',', 'x')).toEqual(whole);
      expect(whole.rows).toHaveLength(8);
    });
  }, 30000);

  test('25 dates that read both ways are read day first', async () => {
    await untouched('25-ambiguous-dates.csv', async (file) => {
      const { ingest } = await read(file);
      expect(staff(ingest).map((r) => [r.fullName, r.birthDate, r.leftDate ?? null])).toEqual([
        ['Nguyễn Văn An', '1975-03-12', null],
        ['Trần Thị Bình', '1980-07-05', '2019-04-03'],
        ['Lê Văn Cường', '1962-12-11', '2019-03-04'],
        ['Phạm Thị Dung', '1990-02-02', null],
      ]);
      expect(reduction(ingest, '2019-04-01', '2019-06-30').reduced.people.map((p) => p.fullName)).toEqual(['Trần Thị Bình']);
      const run = await cli(['report', 'reduction', '--input', file, '--period', '2019-Q2', '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.out).reduced.people.map((p: { fullName: string; leftDate: string }) => [p.fullName, p.leftDate])).toEqual([['Trần Thị Bình', '2019-04-03']]);
    });
  }, 30000);

  test('26 an empty file: exit 2, "empty"', async () => {
    await untouched('26-empty.csv', async (file) => {
      const message = await refused(file, 'empty');
      expect(message).toMatch(/rỗng \(0 byte\)/);
    });
  }, 30000);

  test('27 an .xls with the two-row merged header: the merges lead the header detection', async () => {
    await untouched('27-merged-header.xls', async (file) => {
      const { book, ingest } = await read(file);
      expect(book.grids[0].merges).toContainEqual({ top: 3, left: 2, bottom: 3, right: 3 });
      expect(book.grids[0].rows[6][4]).toBe('Phòng Nội vụ');
      expect(ingest.sheets[0]).toMatchObject({ sheet: 'DS gộp ô', kind: 'staff', headerRows: [4, 5] });
      expect(ingest.sheets[0].mapping).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'birthDate', qualifier: 'male', col: 2 }), expect.objectContaining({ field: 'birthDate', qualifier: 'female', col: 3 })]));
      expect(staff(ingest).map((r) => [r.fullName, r.sex, r.birthDate, r.unit])).toEqual([
        ['Nguyễn Văn An', 'male', '1975-03-12', 'Phòng Nội vụ'],
        ['Trần Thị Bình', 'female', '1980-07-05', 'Phòng Nội vụ'],
        ['Hoàng Văn Giang', 'male', '1985-09-09', 'Phòng Nội vụ'],
        ['Phạm Thị Dung', 'female', '1990-02-02', 'Trung tâm Y tế'],
      ]);
      expect(reduction(ingest).reduced.people.map((p) => [p.fullName, p.leftDate])).toEqual([['Trần Thị Bình', '2019-06-15']]);
    });
  }, 30000);

  test('28 a compound file that is no workbook (a Word document named .xls): exit 2, "not an Excel workbook"', async () => {
    await untouched('28-ole-not-excel.xls', async (file) => {
      const message = await refused(file, 'ole');
      expect(message).toMatch(/không phải sổ Excel/);
      expect(message).toContain('.xlsx, .xls, .ods hoặc .csv');
    });
  }, 30000);

  test('the old .xls of the first corpus (a BOF and nothing else) is an .xls that cannot be read, not a password', async () => {
    await untouched('14-old-xls-renamed.xlsx', async (file) => {
      const message = await refused(file, 'xls');
      expect(message).toMatch(/lưu lại dưới dạng .*\.xlsx/);
      expect(message).not.toMatch(/mật khẩu|hỏng|mang đuôi/);
    });
  }, 30000);
});

describe('the .xls and .ods readers give what the .xlsx reader gives', () => {
  test('date serials around 1900, 0, negative, times of day, 2100, text in a date cell, errors and booleans', async () => {
    // The same cells written by SheetJS as .xlsx (read by fastXlsx.ts), .xls and .ods (read through SheetJS).
    const values: Array<[number | string | boolean, string?]> = [[1, 'dd/mm/yyyy'], [59, 'dd/mm/yyyy'], [60, 'dd/mm/yyyy'], [61, 'dd/mm/yyyy'], [0, 'dd/mm/yyyy'], [-290, 'dd/mm/yyyy'], [0.75, 'h:mm'], [29407.5, 'dd/mm/yyyy hh:mm'], [73415, 'd-mmm-yy'], [32906], ['05/07/1980', 'dd/mm/yyyy'], [true]];
    const ws: XLSX.WorkSheet = { '!ref': `A1:A${values.length + 1}`, A1: { t: 's', v: 'Ngày' } };
    values.forEach(([v, z], i) => (ws[`A${i + 2}`] = { t: typeof v === 'number' ? 'n' : typeof v === 'boolean' ? 'b' : 's', v, ...(z ? { z } : {}) }));
    ws['B2'] = { t: 'e', v: 0x2a };
    ws['!ref'] = `A1:B${values.length + 1}`;
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Ngày');
    const rowsOf = async (bookType: 'xlsx' | 'biff8' | 'ods') => {
      const file = path.join(TMP, `dates.${bookType}`);
      await fs.writeFile(file, XLSX.write(wb, { type: 'buffer', bookType }) as Buffer);
      return (await readXlsxBook(file)).grids[0].rows;
    };
    const xlsx = await rowsOf('xlsx');
    // Serial 60 is Excel's phantom 29/02/1900: as fastXlsx.ts excelDate, the day after 28/02.
    expect(xlsx.slice(1, 8).map((r) => r[0])).toEqual([utc(1900, 1, 1), utc(1900, 2, 28), utc(1900, 3, 1), utc(1900, 3, 1), 0, -290, new Date(Date.UTC(1899, 11, 30, 18))]);
    expect(xlsx.slice(8).map((r) => r[0])).toEqual([new Date(Date.UTC(1980, 6, 5, 12)), utc(2100, 12, 31), 32906, '05/07/1980', true]);
    expect(xlsx[1][1]).toBe('#N/A');
    expect(await rowsOf('biff8')).toEqual(xlsx);
    const ods = await rowsOf('ods');
    // SheetJS writes no error cell into an .ods; the rest is the same.
    expect(ods.slice(1).map((r) => r[0])).toEqual(xlsx.slice(1).map((r) => r[0]));
  }, 30000);
});

describe('SheetJS says nothing of its own', () => {
  test('a record SheetJS does not know: the .xls is read, and nothing is written to the console', async () => {
    const data = Buffer.from(await fs.readFile(path.join(DIR, '15-staff-list.xls')));
    // The Country record (0x008C, 4 bytes) given a type no BIFF version has: SheetJS logs "Missing Info for XLS Record 0xffff".
    const at = data.indexOf(Buffer.from([0x8c, 0x00, 0x04, 0x00]));
    expect(at).toBeGreaterThan(0);
    data.writeUInt16LE(0xffff, at);
    const file = path.join(TMP, 'unknown-record.xls');
    await fs.writeFile(file, data);
    const spies = (['log', 'error', 'warn', 'info'] as const).map((m) => jest.spyOn(console, m));
    try {
      const run = await cli(['report', 'reduction', '--input', file, '--period', '2019', '--json']);
      expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
      expect(JSON.parse(run.out).reduced.total).toBe(2);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  }, 30000);
});

// The zip checks before SheetJS hold whichever codec inflates: Node's zlib (the CLI) or fflate (a browser build).
describe.each(CODECS)('what SheetJS is not given, with %s', (_name, codec) => {
  underCodec(codec);

  test('an .ods whose local header names another part is damaged, said at once (SheetJS alone ran for minutes)', async () => {
    const data = Buffer.from(await fs.readFile(path.join(DIR, '17-staff-list.ods')));
    const name = Buffer.from('manifest.rdf', 'latin1');
    // The local header (PK\x03\x04) of manifest.rdf: its name, 30 bytes in, overwritten.
    const at = data.indexOf(Buffer.concat([name]), 0);
    expect(data.toString('latin1', at - 30, at - 26)).toBe('PK\x03\x04');
    data.fill(0xff, at + 5, at + 12);
    const file = path.join(TMP, 'local-name.ods');
    await fs.writeFile(file, data);
    const message = await refused(file, 'damaged');
    expect(message).toMatch(/manifest\.rdf/);
  }, 15000);

  test('an .ods whose content.xml inflates past the cap is refused from the zip directory, before SheetJS sees it', async () => {
    const data = Buffer.from(await fs.readFile(path.join(DIR, '17-staff-list.ods')));
    const size = zipEntrySize(data, 'content.xml')!;
    expect(size).toBeGreaterThan(1000);
    // The central directory entry of content.xml: its uncompressed size (offset 24) said to be 4 GB.
    let at = data.indexOf(Buffer.from('PK\x01\x02', 'latin1'));
    while (data.toString('latin1', at + 46, at + 46 + data.readUInt16LE(at + 28)) !== 'content.xml') at = data.indexOf(Buffer.from('PK\x01\x02', 'latin1'), at + 4);
    expect(data.readUInt32LE(at + 24)).toBe(size);
    data.writeUInt32LE(0xfffffff0, at + 24);
    const file = path.join(TMP, 'bomb.ods');
    await fs.writeFile(file, data);
    const message = await refused(file, 'tooLarge');
    expect(message).toMatch(/tochuc đọc \.ods tới 160 MB/);
    expect(message).toMatch(/lưu lại dưới dạng Sổ làm việc Excel \(\.xlsx\)/);
  }, 15000);
});

describe('what the bytes say, not the name', () => {
  test('text named as a zipped format, or a web page, is refused as no workbook', async () => {
    const named = path.join(TMP, 'danh sách.xlsx');
    await fs.writeFile(named, 'Họ và tên,Đơn vị\r\nNguyễn Văn An,Phòng Nội vụ\r\n');
    expect(await refused(named, 'damaged')).toMatch(/tệp văn bản, không phải tệp nén zip/);
    const page = path.join(TMP, 'xuat-excel.xls');
    await fs.writeFile(page, '\ufeff<html><body><table><tr><td>Họ và tên</td></tr></table></body></html>');
    expect(await refused(page, 'damaged')).toMatch(/trang web \(HTML\)/);
    // The same text named .csv is a list.
    const csv = path.join(TMP, 'danh sách.csv');
    await fs.writeFile(csv, 'Họ và tên,Đơn vị\r\nNguyễn Văn An,Phòng Nội vụ\r\n');
    expect((await readXlsxBook(csv)).grids[0].rows).toEqual([['Họ và tên', 'Đơn vị'], ['Nguyễn Văn An', 'Phòng Nội vụ']]);
  }, 15000);

  test('text encodings and separators', () => {
    const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    expect(textEncoding(Buffer.from('Họ và tên;Đơn vị\r\n'))).toBe('utf-8');
    expect(textEncoding(utf16('Họ và tên\tĐơn vị'))).toBe('utf-16le');
    expect(textEncoding(Buffer.from('Ho va ten\tDon vi', 'utf16le'))).toBe('utf-16le');
    expect(textEncoding(Buffer.from([0x48, 0x6f, 0xf2, 0x20, 0x76, 0xe0, 0x20, 0x74, 0xea, 0x6e]))).toBe('windows-1258');
    expect(textEncoding(Buffer.from([0x50, 0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0x7f, 0x10, 0x11]))).toBeUndefined();
    expect(detectSeparator('a;b;c\r\n1;"x, y";3\r\n')).toBe(';');
    expect(detectSeparator('a,b,c\r\n1,"x; y",3\r\n')).toBe(',');
    expect(detectSeparator('a\tb,c\tb\r\n1\t2,5\t3\r\n')).toBe('\t');
  });
});

describe('the path is checked before it is read', () => {
  test('a device (/dev/zero) is refused without being read', async () => {
    const started = performance.now();
    const message = await refused('/dev/zero', 'notRegular');
    expect(message).toMatch(/thiết bị, không phải tệp thông thường/);
    expect(performance.now() - started).toBeLessThan(10000);
  }, 15000);

  test('a folder is refused', async () => {
    const message = await refused(DIR, 'notRegular');
    expect(message).toMatch(/là một thư mục/);
  }, 15000);

  test('a FIFO is refused without waiting for a writer', async () => {
    const fifo = path.join(TMP, 'input.fifo');
    await fs.rm(fifo, { force: true });
    execFileSync('mkfifo', [fifo]);
    try {
      const message = await refused(fifo, 'notRegular');
      expect(message).toMatch(/đường ống \(FIFO\)/);
    } finally {
      await fs.rm(fifo, { force: true });
    }
  }, 15000);

  test('a file over the size cap is refused by its size, not read', async () => {
    const big = path.join(TMP, 'too-big.csv');
    // A sparse file: its size is the cap and one byte, its blocks none.
    await fs.writeFile(big, '');
    await fs.truncate(big, MAX_INPUT_BYTES + 1);
    try {
      const message = await refused(big, 'tooLarge');
      expect(message).toMatch(/quá lớn \(513 MB, tochuc đọc tối đa 512 MB\)/);
    } finally {
      await fs.rm(big, { force: true });
    }
  }, 15000);
});
