/**
 * What the hostile corpus's generators share (test/tools/generateCorpus.ts and test/tools/corpus/*):
 * workbooks as officers keep them, written by exceljs and re-packed with fixed times, hand-made
 * .xlsx parts, a compound file (OLE/CFB) made by hand, and seeded bytes. Deterministic: one run, the same bytes.
 */
import path from 'path';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export const HOSTILE_DIR = path.join(__dirname, '..', '..', 'fixtures', 'hostile');

/** 30/06/2021 in the document properties; the zip entries' time is local midnight of 01/07/2021, so that any time zone gives the same bytes. */
export const DOC_DATE = new Date(Date.UTC(2021, 5, 30));
export const ZIP_TIME = new Date(2021, 6, 1);

export type Cell = ExcelJS.CellValue;

// ───────────────────────────── a staff list, as officers keep it ─────────────────────────────

export const TITLE = 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC VÀ NGƯỜI LAO ĐỘNG';
export const SUBTITLE = 'Đơn vị: UBND thành phố Móng Cái';
/** Columns A–K. */
export const HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Đơn vị', 'Chức vụ', 'Đối tượng', 'Tình trạng', 'Ngày nghỉ', 'Hình thức tinh giản', 'Căn cứ'];
export const ND108 = 'NĐ 108/2014/NĐ-CP';
/** Four people; two reduced in 2019 (one "Thôi việc ngay", one "Nghỉ hưu trước tuổi"). */
export const PEOPLE: Cell[][] = [
  [1, 'Nguyễn Văn An', '12/03/1975', 'Nam', 'Phòng Nội vụ', 'Trưởng phòng', 'Công chức'],
  [2, 'Trần Thị Bình', '05/07/1980', 'Nữ', 'Phòng Nội vụ', 'Chuyên viên', 'Công chức', 'Tinh giản', '15/06/2019', 'Thôi việc ngay', ND108],
  [3, 'Lê Văn Cường', '20/11/1962', 'Nam', 'Văn phòng HĐND và UBND', 'Phó Chánh Văn phòng', 'Công chức', 'Nghỉ hưu', '01/09/2019', 'Nghỉ hưu trước tuổi', ND108],
  [4, 'Phạm Thị Dung', '02/02/1990', 'Nữ', 'Trung tâm Y tế', 'Điều dưỡng', 'Viên chức'],
];

export function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tochuc';
  wb.lastModifiedBy = 'tochuc';
  wb.created = DOC_DATE;
  wb.modified = DOC_DATE;
  return wb;
}

/** Rows from A1 down; null and undefined leave the cell empty. */
export function putRows(ws: ExcelJS.Worksheet, rows: Cell[][], fromRow = 1): void {
  rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) ws.getCell(fromRow + r, c + 1).value = v;
    });
  });
}

/** The title rows, the header in row 4, then `people` from row 5. */
export function staffSheet(wb: ExcelJS.Workbook, name: string, people: Cell[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  putRows(ws, [[TITLE], [SUBTITLE], [], HEADER, ...people]);
  ws.mergeCells('A1:K1');
  ws.mergeCells('A2:K2');
  ws.getColumn(2).width = 28;
  ws.getColumn(5).width = 26;
  return ws;
}

/** The sheets exceljs wrote, re-packed with fixed entry times (exceljs' zip stamps the clock). */
export async function exceljsBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  return repack(parts);
}

export function repack(parts: Record<string, Uint8Array>): Uint8Array {
  const first = (name: string) => (name === '[Content_Types].xml' ? 0 : 1);
  const names = Object.keys(parts).sort((a, b) => first(a) - first(b) || (a < b ? -1 : a > b ? 1 : 0));
  const ordered: Zippable = {};
  for (const name of names) ordered[name] = [parts[name], { level: 6, mtime: ZIP_TIME }];
  return zipSync(ordered);
}

// ───────────────────────────── hand-made .xlsx parts ─────────────────────────────

export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** One cell: text as an inline string, numbers as numbers; `style` 1 is the dd/mm/yyyy date style of handMadeXlsx's styles. */
export function cellXml(ref: string, value: string | number, style?: number): string {
  const s = style ? ` s="${style}"` : '';
  return typeof value === 'number' ? `<c r="${ref}"${s}><v>${value}</v></c>` : `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

/** Rows of cells from A1 (0-based row index → cells by column index), as the XML of <sheetData>. */
export function rowsXml(rows: Map<number, Map<number, string | number>>, extraCells: Map<number, string> = new Map()): string {
  const indexes = [...new Set([...rows.keys(), ...extraCells.keys()])].sort((a, b) => a - b);
  return indexes
    .map((r) => {
      const cells = [...(rows.get(r) ?? new Map()).entries()].sort((a, b) => a[0] - b[0]).map(([c, v]) => cellXml(columnName(c) + (r + 1), v));
      return `<row r="${r + 1}">${cells.join('')}${extraCells.get(r) ?? ''}</row>`;
    })
    .join('');
}

export function gridOf(rows: Cell[][]): Map<number, Map<number, string | number>> {
  const out = new Map<number, Map<number, string | number>>();
  rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (typeof v === 'string' || typeof v === 'number') {
        if (!out.has(r)) out.set(r, new Map());
        out.get(r)!.set(c, v);
      }
    });
  });
  return out;
}

/** A workbook of one sheet from its <worksheet> body, with the parts Excel needs to open it. */
export function handMadeXlsx(sheetName: string, worksheetBody: string): Uint8Array {
  const parts: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews>` +
        `<sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
        '<fonts count="1"><font><sz val="11"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="0" fontId="0" fillId="1" borderId="0" xfId="0" applyFill="1"/></cellXfs></styleSheet>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">${worksheetBody}</worksheet>`),
  };
  return repack(parts);
}

// ───────────────────────────── a compound file (OLE/CFB), as Excel writes an encrypted workbook ─────────────────────────────

/** mulberry32: a small seeded generator, so that "random" bytes are the same on every run. */
export function seededBytes(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let a = seed >>> 0;
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

export const SECTOR = 512;
export const FREESECT = 0xffffffff;
export const ENDOFCHAIN = 0xfffffffe;
export const FATSECT = 0xfffffffd;
export const NOSTREAM = 0xffffffff;

/**
 * A version 3 compound file ([MS-CFB]) holding the given streams, each at least 4,096 bytes so that
 * all live in ordinary sectors (no mini stream): sector 0 the FAT, sector 1 the directory, then the streams.
 * Streams hang off the root in a red-black tree of one black node per level, each the right sibling of the one before.
 */
export function compoundFile(streams: Array<{ name: string; data: Uint8Array }>): Uint8Array {
  if (streams.length > 3) throw new Error('one directory sector holds the root and three streams');
  const starts: number[] = [];
  let next = 2;
  for (const s of streams) {
    if (s.data.length < 4096) throw new Error(`${s.name}: under the mini-stream cutoff`);
    starts.push(next);
    next += Math.ceil(s.data.length / SECTOR);
  }
  const sectors = next;
  const out = new Uint8Array(SECTOR * (sectors + 1));
  const view = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(24, 0x003e, true); // minor version
  view.setUint16(26, 0x0003, true); // major version 3: 512-byte sectors
  view.setUint16(28, 0xfffe, true); // little-endian
  view.setUint16(30, 9, true); // sector shift: 2^9
  view.setUint16(32, 6, true); // mini sector shift: 2^6
  view.setUint32(44, 1, true); // FAT sectors
  view.setUint32(48, 1, true); // first directory sector
  view.setUint32(56, 4096, true); // mini stream cutoff
  view.setUint32(60, ENDOFCHAIN, true); // no mini FAT
  view.setUint32(68, ENDOFCHAIN, true); // no DIFAT sectors
  view.setUint32(76, 0, true); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) view.setUint32(76 + 4 * i, FREESECT, true);
  // The FAT (sector 0, at byte 512).
  const fat = (i: number, v: number) => view.setUint32(SECTOR + 4 * i, v, true);
  for (let i = 0; i < SECTOR / 4; i++) fat(i, FREESECT);
  fat(0, FATSECT);
  fat(1, ENDOFCHAIN);
  streams.forEach((s, k) => {
    const count = Math.ceil(s.data.length / SECTOR);
    for (let i = 0; i < count; i++) fat(starts[k] + i, i === count - 1 ? ENDOFCHAIN : starts[k] + i + 1);
    out.set(s.data, SECTOR * (starts[k] + 1));
  });
  // The directory (sector 1): the root, then the streams.
  const entry = (id: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const at = SECTOR * 2 + 128 * id;
    for (let i = 0; i < name.length; i++) view.setUint16(at + 2 * i, name.charCodeAt(i), true);
    view.setUint16(at + 64, 2 * (name.length + 1), true);
    out[at + 66] = type;
    out[at + 67] = 1; // black
    view.setUint32(at + 68, NOSTREAM, true);
    view.setUint32(at + 72, right, true);
    view.setUint32(at + 76, child, true);
    view.setUint32(at + 116, start, true);
    view.setUint32(at + 120, size, true);
  };
  entry(0, 'Root Entry', 5, 1, NOSTREAM, ENDOFCHAIN, 0);
  streams.forEach((s, k) => entry(k + 1, s.name, 2, NOSTREAM, k + 1 < streams.length ? k + 2 : NOSTREAM, starts[k], s.data.length));
  for (let id = streams.length + 1; id < 4; id++) {
    const at = SECTOR * 2 + 128 * id;
    view.setUint32(at + 68, NOSTREAM, true);
    view.setUint32(at + 72, NOSTREAM, true);
    view.setUint32(at + 76, NOSTREAM, true);
  }
  return out;
}

/** What Excel writes for "Encrypt with Password": EncryptionInfo (agile, version 4.4) and EncryptedPackage (its size, then ciphertext). */
export function encryptedWorkbook(): Uint8Array {
  const descriptor =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></keyEncryptor></keyEncryptors></encryption>';
  const info = new Uint8Array(4096);
  info.set([4, 0, 4, 0, 0x40, 0, 0, 0]);
  info.set(strToU8(descriptor), 8);
  const cipher = seededBytes(20210630, 8192);
  new DataView(cipher.buffer).setUint32(0, 7000, true);
  new DataView(cipher.buffer).setUint32(4, 0, true);
  return compoundFile([{ name: 'EncryptionInfo', data: info }, { name: 'EncryptedPackage', data: cipher }]);
}

/** An Excel 97–2003 workbook's container: a "Workbook" stream starting with a BIFF8 BOF record. */
export function oldXlsWorkbook(): Uint8Array {
  const biff = new Uint8Array(4096);
  biff.set([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]);
  return compoundFile([{ name: 'Workbook', data: biff }]);
}

/** A string of exactly `length` characters, Vietnamese text repeated. */
export function longText(seed: string, length: number): string {
  return seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
}

export const dateFormat = (ws: ExcelJS.Worksheet, ...refs: string[]) => refs.forEach((ref) => (ws.getCell(ref).numFmt = 'dd/mm/yyyy'));

/** A fixture: its bytes, made on demand. */
export type Fixtures = Record<string, () => Promise<Uint8Array> | Uint8Array>;
