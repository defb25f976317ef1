/**
 * The formats offices have besides .xlsx: Excel 97–2003 .xls (BIFF8, and BIFF5
 * in the Vietnamese code page), OpenDocument .ods, CSV as Excel saves it (UTF-8 with and without
 * BOM, Windows-1258, comma, semicolon, "sep=" hint) and "Unicode Text" (UTF-16LE, tabs); a real .xls
 * named .xlsx, a password-protected .xls, a compound file that is no workbook, an empty file.
 * test/hostileFormats.test.ts checks each.
 *
 * SheetJS (@e965/xlsx, the library tochuc reads these with) writes the .xls and .ods; its BIFF5
 * writer knows no code page but ASCII, so the Vietnamese text of the BIFF5 file is put in afterwards
 * as Windows-1258 bytes, with the CodePage record set to 1258, as Excel 95 on a Vietnamese Windows
 * wrote it. The password-protected .xls is made by hand (a FILEPASS record after the BOF). No clock
 * is read: the bytes are the same on every run.
 */
import * as XLSX from '@e965/xlsx';
import { compoundFile, HEADER, ND108, PEOPLE, SUBTITLE, TITLE, seededBytes, type Cell, type Fixtures } from './make';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const CODEPAGES = require('@e965/xlsx/dist/cpexcel.js') as Record<string, { enc: Record<string, number> }>;

/** A day as an Excel serial (1900 system, from 01/03/1900 on). */
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

/** A date cell: the serial, shown dd/mm/yyyy. */
interface DateCell {
  date: [number, number, number];
}
type Value = Cell | DateCell;
const day = (d: number, m: number, y: number): DateCell => ({ date: [y, m, d] });

/**
 * PEOPLE with Trần Thị Bình's birth and leaving dates, and Lê Văn Cường's leaving date, as date cells
 * (the rest stays text, as lists typed by hand are).
 */
export const PEOPLE_WITH_DATES: Value[][] = PEOPLE.map((p) => p.slice());
PEOPLE_WITH_DATES[1][2] = day(5, 7, 1980);
PEOPLE_WITH_DATES[1][8] = day(15, 6, 2019);
PEOPLE_WITH_DATES[2][8] = day(1, 9, 2019);

function sheetOf(rows: Value[][], merges: string[]): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let lastCol = 0;
  rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const ref = XLSX.utils.encode_cell({ r, c });
      if (typeof v === 'object' && 'date' in (v as object)) ws[ref] = { t: 'n', v: serial(...(v as DateCell).date), z: 'dd/mm/yyyy' };
      else if (typeof v === 'number') ws[ref] = { t: 'n', v };
      else ws[ref] = { t: 's', v: String(v) };
      lastCol = Math.max(lastCol, c);
    });
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: lastCol } });
  if (merges.length) ws['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
  return ws;
}

function book(sheets: Array<{ name: string; rows: Value[][]; merges?: string[]; hidden?: 1 | 2 }>): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, sheetOf(s.rows, s.merges ?? []), s.name);
  wb.Workbook = { Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ?? 0 })) };
  return wb;
}

const staffRows = (people: Value[][]): Value[][] => [[TITLE], [SUBTITLE], [], HEADER, ...people];
const STAFF_MERGES = ['A1:K1', 'A2:K2'];
const UNITS: Value[][] = [['Đơn vị', 'Khối', 'Biên chế năm 2015', 'Biên chế năm 2019'], ['Phòng Nội vụ', 'Chính quyền', 12, 10], ['Văn phòng HĐND và UBND', 'Chính quyền', 20, 18], ['Trung tâm Y tế', 'Sự nghiệp', 40, 38]];

function written(wb: XLSX.WorkBook, bookType: 'biff8' | 'biff5' | 'ods'): Uint8Array {
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType, compression: bookType === 'ods' }) as Buffer);
}

function staffXls(): Uint8Array {
  return written(book([{ name: 'DS CBCCVC', rows: staffRows(PEOPLE_WITH_DATES), merges: STAFF_MERGES }, { name: 'Đơn vị', rows: UNITS }]), 'biff8');
}

// ───────────────────────────── text in code pages ─────────────────────────────

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/**
 * Windows-1258 bytes of a text: letters the code page holds whole (â, ê, ô, ơ, ư, ă, đ, and the
 * five vowels with a grave or acute it took from Latin-1) as one byte, every other tone as the base
 * letter followed by a combining mark, which is what Windows' own conversion writes.
 */
export function windows1258(text: string): Uint8Array {
  const table = CODEPAGES['1258'].enc;
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    if (table[ch] !== undefined) {
      out.push(table[ch]);
      continue;
    }
    const parts = [...ch.normalize('NFD')];
    const tones = parts.filter((p) => TONES.has(p));
    const base = parts.filter((p) => !TONES.has(p)).join('').normalize('NFC');
    if (tones.length !== 1 || table[base] === undefined || table[tones[0]] === undefined) throw new Error(`Windows-1258 has no "${ch}"`);
    out.push(table[base], table[tones[0]]);
  }
  return Uint8Array.from(out);
}

/**
 * A BIFF5 workbook (Excel 5.0/95) in code page 1258. SheetJS writes every text cell as a LABEL
 * record of single bytes; each Vietnamese text goes in as a unique ASCII stand-in of its byte
 * length, then the stand-in's bytes are overwritten with the text's Windows-1258 bytes and the
 * CodePage record (0x0042) is set from 1252 to 1258.
 */
function biff5Vietnamese(sheets: Array<{ name: string; rows: Value[][] }>): Uint8Array {
  const standIns = new Map<string, { standIn: string; bytes: Uint8Array; uses: number }>();
  const ascii = (s: string) => /^[\x20-\x7e]*$/.test(s);
  const swap = (v: Value): Value => {
    if (typeof v !== 'string' || ascii(v)) return v;
    let entry = standIns.get(v);
    if (!entry) {
      const bytes = windows1258(v);
      const id = `~${standIns.size.toString(36)}~`;
      if (bytes.length < id.length) throw new Error(`"${v}" is too short for a stand-in`);
      entry = { standIn: id.padEnd(bytes.length, '~'), bytes, uses: 0 };
      standIns.set(v, entry);
    }
    entry.uses++;
    return entry.standIn;
  };
  const data = written(book(sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map(swap)) }))), 'biff5');
  const bytes = Buffer.from(data);
  for (const [text, { standIn, bytes: real, uses }] of standIns) {
    const needle = Buffer.from(standIn, 'latin1');
    let found = 0;
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + needle.length)) {
      bytes.set(real, at);
      found++;
    }
    if (found !== uses) throw new Error(`"${text}": ${found} stand-ins found, ${uses} written`);
  }
  const codePage = bytes.indexOf(Buffer.from([0x42, 0x00, 0x02, 0x00, 0xe4, 0x04]));
  if (codePage < 0) throw new Error('no CodePage record');
  bytes[codePage + 4] = 0xea; // 0x04EA = 1258
  return new Uint8Array(bytes);
}

// ───────────────────────────── CSV ─────────────────────────────

/** One CSV record as Excel writes it: a field is quoted when it holds the separator, a quote or a line break. */
function csvLine(row: Value[], sep: string, width: number): string {
  const cells: string[] = [];
  for (let c = 0; c < width; c++) {
    const v = row[c];
    const text = v === null || v === undefined ? '' : typeof v === 'object' && 'date' in (v as object) ? (v as DateCell).date.slice().reverse().map((n) => String(n).padStart(2, '0')).join('/') : String(v);
    cells.push(text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  }
  return cells.join(sep);
}

/** The staff list as Excel's CSV: every record as wide as the used range (title rows with trailing separators), CRLF. */
function staffCsv(sep: string, people: Value[][] = PEOPLE): string {
  const rows = staffRows(people);
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => csvLine(r, sep, width)).join('\r\n') + '\r\n';
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const BOM = '\ufeff';

// ───────────────────────────── compound files ─────────────────────────────

/** One BIFF record: type, length, data. */
function record(type: number, data: number[] | Uint8Array): number[] {
  const bytes = [...data];
  return [type & 0xff, type >> 8, bytes.length & 0xff, bytes.length >> 8, ...bytes];
}

/**
 * An .xls with a password to open: the Workbook stream's BOF, then FILEPASS ([MS-XLS] 2.4.117) with
 * RC4 encryption (wEncryptionType 1, version 1.1, a salt and a verifier), then records of ciphertext
 * and the EOF, as Excel 97–2003 writes it.
 */
function passwordXls(): Uint8Array {
  const bof = record(0x0809, [0x00, 0x06, 0x05, 0x00, 0xaf, 0x18, 0xcd, 0x07, 0xc9, 0x40, 0x00, 0x00, 0x06, 0x01, 0x00, 0x00]);
  const filePass = record(0x002f, [0x01, 0x00, 0x01, 0x00, 0x01, 0x00, ...seededBytes(1997, 48)]);
  const cipher = seededBytes(2003, 1200);
  const records = [...bof, ...filePass, ...record(0x00e1, cipher.subarray(0, 2)), ...record(0x00fc, cipher.subarray(2, 1002)), ...record(0x000a, [])];
  const stream = new Uint8Array(4096);
  stream.set(records);
  return compoundFile([{ name: 'Workbook', data: stream }]);
}

/** A Word 97–2003 document's container: a compound file whose only stream is "WordDocument". */
function wordDocument(): Uint8Array {
  const word = new Uint8Array(4096);
  word.set([0xec, 0xa5, 0xc1, 0x00]); // the FIB's wIdent
  return compoundFile([{ name: 'WordDocument', data: word }]);
}

// ───────────────────────────── the fixtures ─────────────────────────────

export const FIXTURES: Fixtures = {
  /** 15. The staff list as Excel 97–2003 saves it (BIFF8): title rows merged, some dates as date cells, a units sheet. */
  '15-staff-list.xls': () => staffXls(),

  /** 16. The staff list as Excel 95 saved it (BIFF5), its text in Windows-1258 with combining tone marks. */
  '16-staff-list-biff5.xls': () => biff5Vietnamese([{ name: 'DS CBCCVC', rows: staffRows(PEOPLE_WITH_DATES) }]),

  /** 17. The staff list as LibreOffice Calc keeps it (.ods): merged title rows, date cells, a units sheet. */
  '17-staff-list.ods': () => written(book([{ name: 'DS CBCCVC', rows: staffRows(PEOPLE_WITH_DATES), merges: STAFF_MERGES }, { name: 'Đơn vị', rows: UNITS }]), 'ods'),

  /** 18. "CSV UTF-8 (Comma delimited)": a BOM, commas, the title rows with trailing commas. */
  '18-utf8-bom.csv': () => utf8(BOM + staffCsv(',')),

  /** 19. A CSV from a Vietnamese Windows set to ";" as list separator, in UTF-8 without BOM. */
  '19-utf8-no-bom-semicolon.csv': () => utf8(staffCsv(';')),

  /** 20. "Unicode Text": UTF-16LE with its BOM, tab-separated. */
  '20-unicode-text-utf16.txt': () => {
    const text = staffCsv('\t');
    return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  },

  /** 21. "CSV (Comma delimited)" on a Vietnamese Windows: code page 1258, tones as combining marks. */
  '21-windows-1258.csv': () => {
    const text = staffCsv(',');
    const lines = text.split('\r\n').map((l) => windows1258(l));
    return new Uint8Array(Buffer.concat(lines.flatMap((l, i) => (i ? [Buffer.from('\r\n'), Buffer.from(l)] : [Buffer.from(l)]))));
  },

  /** 22. A real Excel 97–2003 workbook saved under an .xlsx name. */
  '22-real-xls-named.xlsx': () => staffXls(),

  /** 23. An .xls with a password to open (RC4, a FILEPASS record after the BOF). */
  '23-password.xls': () => passwordXls(),

  /**
   * 24. Quoted fields as Excel writes them: a name holding a comma, a unit with a semicolon, a basis
   * running over two lines, doubled quotes, a quoted empty field; CRLF records, LF inside the basis.
   */
  '24-quoted-fields.csv': () => {
    const people: Value[][] = [
      PEOPLE[0],
      [2, 'Trần Thị Bình, (Bình "nhỏ")', '05/07/1980', 'Nữ', 'Phòng Nội vụ; Tổ một cửa', 'Chuyên viên', 'Công chức', 'Tinh giản', '15/06/2019', 'Thôi việc ngay', `${ND108}\nĐiều 6, khoản 1`],
      PEOPLE[2],
      PEOPLE[3],
    ];
    return utf8(BOM + staffCsv(',', people).replace('\r\n4,Phạm Thị Dung,02/02/1990,Nữ,Trung tâm Y tế,Điều dưỡng,Viên chức,,,,', '\r\n4,Phạm Thị Dung,02/02/1990,Nữ,Trung tâm Y tế,Điều dưỡng,Viên chức,"",,,'));
  },

  /**
   * 25. Dates that read both ways: 03/04/2019 is 3 April day first, 4 March month first; 04/03/2019
   * the other way round; 05/07/1980 a birth date. Over 2019-Q2 only the first person left.
   */
  '25-ambiguous-dates.csv': () =>
    utf8(
      BOM +
        staffCsv(',', [
          PEOPLE[0],
          [2, 'Trần Thị Bình', '05/07/1980', 'Nữ', 'Phòng Nội vụ', 'Chuyên viên', 'Công chức', 'Tinh giản', '03/04/2019', 'Thôi việc ngay', ND108],
          [3, 'Lê Văn Cường', '11/12/1962', 'Nam', 'Văn phòng HĐND và UBND', 'Phó Chánh Văn phòng', 'Công chức', 'Nghỉ hưu', '04/03/2019', 'Nghỉ hưu trước tuổi', ND108],
          PEOPLE[3],
        ]),
    ),

  /** 26. An empty file named .csv: 0 bytes. */
  '26-empty.csv': () => new Uint8Array(0),

  /**
   * 27. An .xls with the two-row header of the official forms: every label merged down over two rows,
   * "Ngày sinh" merged across "Nam" | "Nữ", one unit merged down over three people.
   */
  '27-merged-header.xls': () => {
    const top = ['STT', 'Họ và tên', 'Ngày sinh', null, 'Đơn vị', 'Chức vụ', 'Đối tượng', 'Tình trạng', 'Ngày nghỉ', 'Hình thức tinh giản'];
    const rows: Value[][] = [
      [TITLE], [SUBTITLE], [], top, [null, null, 'Nam', 'Nữ'],
      [1, 'Nguyễn Văn An', day(12, 3, 1975), null, 'Phòng Nội vụ', 'Trưởng phòng', 'Công chức'],
      [2, 'Trần Thị Bình', null, day(5, 7, 1980), null, 'Chuyên viên', 'Công chức', 'Tinh giản', day(15, 6, 2019), 'Thôi việc ngay'],
      [3, 'Hoàng Văn Giang', '09/09/1985', null, null, 'Chuyên viên', 'Công chức'],
      [4, 'Phạm Thị Dung', null, '02/02/1990', 'Trung tâm Y tế', 'Điều dưỡng', 'Viên chức'],
    ];
    const merges = ['A1:J1', 'A2:J2', 'A4:A5', 'B4:B5', 'C4:D4', 'E4:E5', 'F4:F5', 'G4:G5', 'H4:H5', 'I4:I5', 'J4:J5', 'E6:E8'];
    return written(book([{ name: 'DS gộp ô', rows, merges }]), 'biff8');
  },

  /** 28. A Word 97–2003 document named .xls: a compound file with no workbook in it. */
  '28-ole-not-excel.xls': () => wordDocument(),

  /** 29. Excel's "sep=;" first line, and text in decomposed Unicode (NFD), as some Mac tools save it. */
  '29-sep-hint-nfd.csv': () => utf8('sep=;\r\n' + staffCsv(';').normalize('NFD')),
};
