/**
 * Damaged and hostile packages (docs/decisions.md, "Reading files": "Bounded reading" and
 * "Damaged is damaged"), files 30–44 of the hostile corpus; test/hostileDamage.test.ts says what tochuc must answer to each.
 *
 * fflate's zipSync writes only well-formed zips, so these are written by hand (`handZip`, after PKWARE's
 * APPNOTE.TXT): zip bombs whose deflate streams are a 1 MiB run of spaces compressed once and repeated
 * (each copy a raw deflate stream ended by a sync flush, so that copies concatenate into one stream
 * inflating to gigabytes while the file stays a few MB), sizes that lie, names with backslashes,
 * entries twice, an unknown compression method, a local header that disagrees with the central
 * directory, data descriptors and ZIP64 done right. Deterministic: fixed entry times, no randomness.
 */
import zlib from 'zlib';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { HEADER, ND108, PEOPLE, SUBTITLE, TITLE, exceljsBytes, gridOf, handMadeXlsx, rowsXml, staffSheet, workbook, type Cell, type Fixtures } from './make';

// ───────────────────────────── a zip written by hand ─────────────────────────────

/** 01/07/2021 00:00 in MS-DOS form (APPNOTE 4.4.6): the same bytes in any time zone. */
const DOS_TIME = 0;
const DOS_DATE = ((2021 - 1980) << 9) | (7 << 5) | 1;
const U32 = 0xffffffff;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 of the zip format, continued from `crc`: Node's zlib.crc32 where there is one (Node ≥ 20.15), else a table. */
export function crc32(data: Uint8Array, crc = 0): number {
  const native = (zlib as { crc32?: (d: Uint8Array, v: number) => number }).crc32;
  if (native) return native(data, crc);
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

export interface HandEntry {
  /** The name in the central directory. */
  name: string;
  /** The bytes as stored (compressed when `method` is 8). */
  stored: Uint8Array;
  /** The method written in both headers: 0 stored, 8 deflated, anything else as asked. */
  method: number;
  crc: number;
  /** The inflated size as declared (the truth unless a fixture lies). */
  size: number;
  /** The local header's name, when it is to differ from the directory's. */
  localName?: string;
  /** Sizes and CRC after the data (flag bit 3), zeros in the local header. */
  descriptor?: boolean;
  /** ZIP64 extra fields in both headers, their 32-bit sizes and offset saturated. */
  zip64?: boolean;
}

/** An entry deflated by zlib (level 6, as Excel), its CRC and size true. */
export function deflated(name: string, data: Uint8Array, more: Partial<HandEntry> = {}): HandEntry {
  return { name, stored: zlib.deflateRawSync(data, { level: 6 }), method: 8, crc: crc32(data), size: data.length, ...more };
}

/**
 * The zip of these entries, in this order. `zip64` adds the ZIP64 end of central directory and its
 * locator (APPNOTE 4.3.14–4.3.15); `count` writes another entry count into the end record than there are.
 */
export function handZip(entries: HandEntry[], options: { zip64?: boolean; count?: number } = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const push = (bytes: Uint8Array) => {
    chunks.push(bytes);
    offset += bytes.length;
  };
  const central: Uint8Array[] = [];
  for (const e of entries) {
    const local = strToU8(e.localName ?? e.name);
    const name = strToU8(e.name);
    const flags = 0x800 | (e.descriptor ? 8 : 0);
    const version = e.zip64 ? 45 : 20;
    const at = offset;
    const localExtra = e.zip64 ? 20 : 0;
    const head = new Uint8Array(30 + local.length + localExtra);
    const h = new DataView(head.buffer);
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, version, true);
    h.setUint16(6, flags, true);
    h.setUint16(8, e.method, true);
    h.setUint16(10, DOS_TIME, true);
    h.setUint16(12, DOS_DATE, true);
    if (!e.descriptor) {
      h.setUint32(14, e.crc, true);
      h.setUint32(18, e.zip64 ? U32 : e.stored.length, true);
      h.setUint32(22, e.zip64 ? U32 : e.size, true);
    }
    h.setUint16(26, local.length, true);
    h.setUint16(28, localExtra, true);
    head.set(local, 30);
    if (e.zip64) {
      h.setUint16(30 + local.length, 1, true);
      h.setUint16(32 + local.length, 16, true);
      if (!e.descriptor) {
        h.setBigUint64(34 + local.length, BigInt(e.size), true);
        h.setBigUint64(42 + local.length, BigInt(e.stored.length), true);
      }
    }
    push(head);
    push(e.stored);
    if (e.descriptor) {
      const d = new DataView(new ArrayBuffer(e.zip64 ? 24 : 16));
      d.setUint32(0, 0x08074b50, true);
      d.setUint32(4, e.crc, true);
      if (e.zip64) {
        d.setBigUint64(8, BigInt(e.stored.length), true);
        d.setBigUint64(16, BigInt(e.size), true);
      } else {
        d.setUint32(8, e.stored.length, true);
        d.setUint32(12, e.size, true);
      }
      push(new Uint8Array(d.buffer));
    }
    const extra = e.zip64 ? 28 : 0;
    const c = new Uint8Array(46 + name.length + extra);
    const v = new DataView(c.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, version, true);
    v.setUint16(6, version, true);
    v.setUint16(8, flags, true);
    v.setUint16(10, e.method, true);
    v.setUint16(12, DOS_TIME, true);
    v.setUint16(14, DOS_DATE, true);
    v.setUint32(16, e.crc, true);
    v.setUint32(20, e.zip64 ? U32 : e.stored.length, true);
    v.setUint32(24, e.zip64 ? U32 : e.size, true);
    v.setUint16(28, name.length, true);
    v.setUint16(30, extra, true);
    v.setUint32(42, e.zip64 ? U32 : at, true);
    c.set(name, 46);
    if (e.zip64) {
      v.setUint16(46 + name.length, 1, true);
      v.setUint16(48 + name.length, 24, true);
      v.setBigUint64(50 + name.length, BigInt(e.size), true);
      v.setBigUint64(58 + name.length, BigInt(e.stored.length), true);
      v.setBigUint64(66 + name.length, BigInt(at), true);
    }
    central.push(c);
  }
  const directoryAt = offset;
  for (const c of central) push(c);
  const directorySize = offset - directoryAt;
  const count = options.count ?? entries.length;
  if (options.zip64) {
    const record = new DataView(new ArrayBuffer(56 + 20));
    record.setUint32(0, 0x06064b50, true);
    record.setBigUint64(4, 44n, true);
    record.setUint16(12, 45, true);
    record.setUint16(14, 45, true);
    record.setBigUint64(24, BigInt(count), true);
    record.setBigUint64(32, BigInt(count), true);
    record.setBigUint64(40, BigInt(directorySize), true);
    record.setBigUint64(48, BigInt(directoryAt), true);
    record.setUint32(56, 0x07064b50, true);
    record.setBigUint64(64, BigInt(offset), true);
    record.setUint32(72, 1, true);
    push(new Uint8Array(record.buffer));
  }
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, options.zip64 ? 0xffff : Math.min(count, 0xffff), true);
  end.setUint16(10, options.zip64 ? 0xffff : Math.min(count, 0xffff), true);
  end.setUint32(12, options.zip64 ? U32 : directorySize, true);
  end.setUint32(16, options.zip64 ? U32 : directoryAt, true);
  push(new Uint8Array(end.buffer));
  const out = new Uint8Array(offset);
  let p = 0;
  for (const chunk of chunks) {
    out.set(chunk, p);
    p += chunk.length;
  }
  return out;
}

/** The parts of a zip, in their order ([Content_Types].xml first, as repack writes them). */
function partsOf(zip: Uint8Array): Array<[string, Uint8Array]> {
  // Folder entries ("_rels/"), which exceljs' zip writes, are no parts.
  return Object.entries(unzipSync(zip)).filter(([name]) => !name.endsWith('/'));
}

/** A zip of these parts, all deflated, `change` applied to the entries first. */
function rezip(parts: Array<[string, Uint8Array]>, change: (entries: HandEntry[]) => HandEntry[] = (e) => e, options: { zip64?: boolean; count?: number } = {}): Uint8Array {
  return handZip(change(parts.map(([name, data]) => deflated(name, data))), options);
}

// ───────────────────────────── a bomb ─────────────────────────────

/**
 * A deflate stream of `prefix`, then `mib` MiB of spaces, then `suffix`: the 1 MiB run is compressed
 * once (1,038 bytes) and repeated. Each piece is a raw deflate stream ended by a sync flush (an empty
 * stored block, byte-aligned) whose back-references stay inside itself, so the pieces concatenate into
 * one valid stream; the last is finished. CRC and size are true: a reader learns the size before inflating.
 */
function bomb(prefix: string, mib: number, suffix: string): { stored: Uint8Array; crc: number; size: number } {
  const sync = { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const head = strToU8(prefix);
  const run = new Uint8Array(2 ** 20).fill(0x20);
  const tail = strToU8(suffix);
  const runDeflated = zlib.deflateRawSync(run, sync);
  const pieces = [zlib.deflateRawSync(head, sync), ...Array.from({ length: mib }, () => runDeflated), zlib.deflateRawSync(tail, { level: 9 })];
  let crc = crc32(head);
  for (let i = 0; i < mib; i++) crc = crc32(run, crc);
  crc = crc32(tail, crc);
  const stored = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    stored.set(p, at);
    at += p.length;
  }
  return { stored, crc, size: head.length + mib * 2 ** 20 + tail.length };
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const SHEET_OPEN = `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`;
const SHEET_PART = 'xl/worksheets/sheet1.xml';

/** The staff list's rows as <sheetData> content: title, subtitle, header in row 4, the four people from row 5. */
const staffRows = () => rowsXml(gridOf([[TITLE], [SUBTITLE], [], HEADER, ...PEOPLE]));

/** The hand-made staff workbook's parts, its sheet replaced by a bomb: the staff list, then a name cell (B9) holding `mib` MiB of spaces. */
function bombBook(mib: number, declare?: (size: number) => number): Uint8Array {
  const parts = partsOf(handMadeXlsx('DS CBCCVC', `<sheetData>${staffRows()}</sheetData>`));
  const prefix = `${SHEET_OPEN}<sheetData>${staffRows()}<row r="9"><c r="B9" t="inlineStr"><is><t xml:space="preserve">`;
  const b = bomb(prefix, mib, '</t></is></c></row></sheetData></worksheet>');
  return handZip(parts.map(([name, data]) => (name === SHEET_PART ? { name, stored: b.stored, method: 8, crc: b.crc, size: declare ? declare(b.size) : b.size } : deflated(name, data))));
}

// ───────────────────────────── workbooks ─────────────────────────────

/** The four people as exceljs writes them (shared strings, a styles part, document properties). */
async function staffBook(): Promise<Uint8Array> {
  const wb = workbook();
  staffSheet(wb, 'DS CBCCVC', PEOPLE);
  return exceljsBytes(wb);
}

/** The hand-made staff workbook with more in its sheet (after <sheetData>, e.g. merges) or a changed row XML. */
function staffXlsx(rows: string, after = ''): Uint8Array {
  return handMadeXlsx('DS CBCCVC', `<sheetData>${rows}</sheetData>${after}`);
}

const text = (parts: Array<[string, Uint8Array]>, name: string) => strFromU8(parts.find(([n]) => n === name)![1]);
const replacePart = (parts: Array<[string, Uint8Array]>, name: string, xml: string): Array<[string, Uint8Array]> => parts.map(([n, d]) => [n, n === name ? strToU8(xml) : d]);

/** Five people, two of them filtered out of view by an AutoFilter on "Đơn vị", one hidden by hand, and an empty styled hidden row. */
const HIDDEN_PEOPLE: Cell[][] = [
  ...PEOPLE,
  [5, 'Hoàng Văn Em', '01/01/1988', 'Nam', 'Phòng Nội vụ', 'Chuyên viên', 'Công chức', 'Tinh giản', '30/06/2019', 'Thôi việc ngay', ND108],
];

export const FIXTURES: Fixtures = {
  /** 30. A zip bomb: the sheet's name cell B9 holds 2 GiB of spaces, from 2 MB; its sizes are declared truly. */
  '30-zip-bomb-2gb.xlsx': () => bombBook(2048),

  /** 31. A bomb by ratio: 100 MiB from ~100 KB (1,000:1), under the size bound, declared truly. */
  '31-zip-bomb-ratio.xlsx': () => bombBook(100),

  /** 32. The sheet declares 4,096 bytes inflated; it inflates to 1 GiB (from 1 MB): the declared size lies. */
  '32-size-lies.xlsx': () => bombBook(1024, () => 4096),

  /** 32. The end record declares 60,000 entries in a 7 KB file: the count cannot be true (each takes 46 bytes or more). */
  '32-entry-count-lies.xlsx': async () => rezip(partsOf(await staffBook()), undefined, { count: 60_000 }),

  /** 33. The staff list, with text at ZZZZZZ1 (past XFD) beside the title and a number at XFE5 in An's row. */
  '33-cell-zzzzzz1.xlsx': () => {
    const extra = new Map([
      [0, '<c r="ZZZZZZ1" t="inlineStr"><is><t>ô lạc ngoài lưới</t></is></c>'],
      [4, '<c r="XFE5"><v>12</v></c>'],
    ]);
    return staffXlsx(rowsXml(gridOf([[TITLE], [SUBTITLE], [], HEADER, ...PEOPLE]), extra));
  },

  /** 34. The staff list, then a person at row 2,000,000 (past 1,048,576) and an empty styled row further down. */
  '34-row-2000000.xlsx': () =>
    staffXlsx(`${staffRows()}<row r="2000000"><c r="A2000000"><v>5</v></c><c r="B2000000" t="inlineStr"><is><t>Nguyễn Văn Ngoài</t></is></c><c r="E2000000" t="inlineStr"><is><t>Phòng Nội vụ</t></is></c></row><row r="3000000" s="2" customFormat="1"/>`),

  /** 35. The staff list with a used range to ZZZZZZ2000000, a merge A3:ZZZZZZ3 and another XFE4:XFF5 wholly beyond XFD. */
  '35-merge-beyond-xfd.xlsx': () =>
    handMadeXlsx(
      'DS CBCCVC',
      `<dimension ref="A1:ZZZZZZ2000000"/><sheetData>${staffRows()}</sheetData><mergeCells count="4"><mergeCell ref="A1:K1"/><mergeCell ref="A2:K2"/><mergeCell ref="A3:ZZZZZZ3"/><mergeCell ref="XFE4:XFF5"/></mergeCells>`,
    ),

  /** 62. Merged areas naming row 0, which no sheet has ("A0:A0", "A0:B1"): the fuzzer's find (test/tools/fuzz.ts, seed 7, case 41). */
  '62-merge-row-zero.xlsx': () =>
    handMadeXlsx(
      'DS CBCCVC',
      `<sheetData>${staffRows()}</sheetData><mergeCells count="4"><mergeCell ref="A1:K1"/><mergeCell ref="A0:A0"/><mergeCell ref="A0:B1"/><mergeCell ref="C0:C4"/></mergeCells>`,
    ),

  /** 36. The staff list as exceljs writes it (its text as shared strings), with the shared-strings part, its relationship and content type removed. */
  '36-shared-strings-missing.xlsx': async () => {
    const parts = partsOf(await staffBook()).filter(([n]) => n !== 'xl/sharedStrings.xml');
    const rels = text(parts, 'xl/_rels/workbook.xml.rels').replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, '');
    const types = text(parts, '[Content_Types].xml').replace(/<Override [^>]*sharedStrings[^>]*\/>/, '');
    return rezip(replacePart(replacePart(parts, 'xl/_rels/workbook.xml.rels', rels), '[Content_Types].xml', types));
  },

  /** 37. The same, with its shared-strings table cut to its first 20 strings: later cells point past its end. */
  '37-shared-string-past-end.xlsx': async () => {
    const parts = partsOf(await staffBook());
    const table = text(parts, 'xl/sharedStrings.xml');
    const strings = table.match(/<si>[\s\S]*?<\/si>/g)!;
    const cut = table.replace(/<si>[\s\S]*<\/si>/, strings.slice(0, 20).join(''));
    return rezip(replacePart(parts, 'xl/sharedStrings.xml', cut));
  },

  /** 38. The staff list with every entry named with backslashes ("xl\worksheets\sheet1.xml"), as some Windows zip tools did. */
  '38-backslash-names.xlsx': async () => rezip(partsOf(await staffBook()), (entries) => entries.map((e) => ({ ...e, name: e.name.replace(/\//g, '\\') }))),

  /** 39. The sheet's entry twice: the staff list, then a second "xl/worksheets/sheet1.xml" holding another list. */
  '39-duplicate-entries.xlsx': () => {
    const parts = partsOf(staffXlsx(staffRows()));
    const other = `${SHEET_OPEN}<sheetData>${rowsXml(gridOf([HEADER, [1, 'Người Khác', '01/01/1970', 'Nam', 'Phòng Tài chính', 'Chuyên viên', 'Công chức']]))}</sheetData></worksheet>`;
    return rezip([...parts, [SHEET_PART, strToU8(other)]]);
  },

  /** 40. The sheet's entry compressed, per its headers, by method 99 (AES in WinZip's scheme; no .xlsx writer uses it). */
  '40-unknown-compression.xlsx': () => rezip(partsOf(staffXlsx(staffRows())), (entries) => entries.map((e) => (e.name === SHEET_PART ? { ...e, method: 99 } : e))),

  /** 41. The sheet's local header names "xl/worksheets/sheet9.xml" where the central directory says sheet1: two readers would read two files. */
  '41-local-header-mismatch.xlsx': () => rezip(partsOf(staffXlsx(staffRows())), (entries) => entries.map((e) => (e.name === SHEET_PART ? { ...e, localName: 'xl/worksheets/sheet9.xml' } : e))),

  /** 42. workbook.xml names a second sheet "Đơn vị" (rId3 → worksheets/sheet2.xml) whose part is not in the zip. */
  '42-sheet-part-missing.xlsx': () => {
    const parts = partsOf(staffXlsx(staffRows()));
    const book = text(parts, 'xl/workbook.xml').replace('</sheets>', '<sheet name="Đơn vị" sheetId="2" r:id="rId3"/></sheets>');
    const rels = text(parts, 'xl/_rels/workbook.xml.rels').replace(
      '</Relationships>',
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
    );
    return rezip(replacePart(replacePart(parts, 'xl/workbook.xml', book), 'xl/_rels/workbook.xml.rels', rels));
  },

  /**
   * 43. Five people; an AutoFilter on "Đơn vị" = Phòng Nội vụ has filtered out rows 7 and 8 (hidden="1"),
   * row 9 (Em, reduced) is hidden by hand, and row 10 is an empty styled hidden row.
   */
  '43-hidden-filtered-rows.xlsx': () => {
    const rows = rowsXml(gridOf([[TITLE], [SUBTITLE], [], HEADER, ...HIDDEN_PEOPLE]))
      .replace(/<row r="(7|8|9)">/g, '<row r="$1" hidden="1">')
      .concat('<row r="10" s="2" customFormat="1" hidden="1"><c r="A10" s="2"/></row>');
    const filter = '<autoFilter ref="A4:K9"><filterColumn colId="4"><filters><filter val="Phòng Nội vụ"/></filters></filterColumn></autoFilter>';
    return staffXlsx(rows, `${filter}<mergeCells count="2"><mergeCell ref="A1:K1"/><mergeCell ref="A2:K2"/></mergeCells>`);
  },

  /** 44. The staff list as exceljs writes it, re-zipped with data descriptors (flag bit 3: zeros in the local headers, sizes after the data), as streaming writers do. */
  '44-data-descriptor.xlsx': async () => rezip(partsOf(await staffBook()), (entries) => entries.map((e) => ({ ...e, descriptor: true }))),

  /** 44. The same list with ZIP64 records: 64-bit sizes and offsets in extra fields, a ZIP64 end of central directory. */
  '44-zip64.xlsx': async () => rezip(partsOf(await staffBook()), (entries) => entries.map((e) => ({ ...e, zip64: true })), { zip64: true }),
};
