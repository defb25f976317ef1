/**
 * .xls (BIFF2–8) and .ods through SheetJS (@e965/xlsx, the current SheetJS release republished on
 * npm; the `xlsx` 0.18.5 on npm lacks later security fixes). It is loaded on first use: the CLI reading an
 * .xlsx never pays for its ~1 MB of code and 470 KB of code pages. The .xlsx files stay with
 * tochuc's own reader (fastXlsx.ts).
 *
 * The output is what fastXlsx.ts gives: text as text, a number in a date format as the Date
 * fastXlsx's excelDate makes of it (same 1900 arithmetic, its phantom 29/02/1900 included), merged
 * areas with every cell holding the top-left's value, sheets hidden or very hidden as workbook.xml
 * would say. SheetJS is asked for raw numbers and their formats (cellDates off) so that the date
 * arithmetic is tochuc's, not the library's.
 */
import type * as XLSX from '@e965/xlsx';
import type { CellValue } from '../../ingest/values';
import { excelDate, fillMerges, isDateFormat, SheetIssues, showsDay, type PlainSheet } from '../xlsx/fastXlsx';
import { ZipEntries, ZipSizeError } from '../xlsx/zipEntries';
import { zipEntrySize } from './sniff';

type SheetJs = typeof XLSX;

let loading: Promise<SheetJs> | undefined;

/**
 * SheetJS and its code pages (BIFF5 text and old CSVs are in Windows code pages: 1258 for Vietnamese).
 * Its CommonJS build loads them itself, its ES module build (what tsx and other ESM loaders pick) does
 * not: they are handed over here either way.
 */
export function loadSheetJs(): Promise<SheetJs> {
  loading ??= Promise.all([import('@e965/xlsx'), import('@e965/xlsx/dist/cpexcel')]).then(([m, cp]) => {
    const X = ((m as { default?: SheetJs }).default ?? m) as SheetJs;
    const tables = cp as { default?: { utils?: unknown }; utils?: unknown };
    X.set_cptable(tables.utils ? tables : tables.default);
    return X;
  });
  return loading;
}

/**
 * SheetJS holds every cell as an object: a 17 MB .xls of 60,000 rows × 11 columns took 540 MB
 * (~24 bytes of memory per byte of stream) and 4 s, an .ods whose content.xml is 70 MB 480 MB
 * (~5 per byte) and 8 s (measured on this machine). Beyond these caps (~1.1 GB and ~0.95 GB) a run
 * would pass the 1.5 GB it may take (docs/performance.md, "Figures") or crash out of memory, so
 * they are refused with advice to save as .xlsx, which tochuc's own reader takes to a million
 * rows. An .xls holds at most 65,536 rows a sheet: a staff list that long is ~20 MB.
 */
export const MAX_XLS_STREAM_BYTES = 40 * 1024 * 1024;
export const MAX_ODS_CONTENT_BYTES = 160 * 1024 * 1024;

/** Why SheetJS did not give a workbook, in words tochuc answers with (readXlsx.ts unreadable). */
export class SpreadsheetProblem extends Error {
  constructor(
    readonly kind: 'xlsPassword' | 'odsPassword' | 'xls' | 'ole' | 'damaged' | 'tooLarge',
    message: string,
  ) {
    super(message);
  }
}

const mb = (bytes: number) => Math.ceil(bytes / (1024 * 1024));

const FILEPASS = 0x002f;
const EOF_RECORD = 0x000a;
const BOF_RECORDS = [0x0009, 0x0209, 0x0409, 0x0809];

/**
 * An Excel 97–2003 workbook's "Workbook" (BIFF8) or "Book" (BIFF5) stream, looked up in the
 * compound file's directory; undefined when it has neither (a Word or PowerPoint file).
 */
function workbookStream(X: SheetJs, data: Uint8Array): Uint8Array | undefined {
  const cfb = (X.CFB as { read(d: Uint8Array, o: object): unknown; find(c: unknown, p: string): { content?: Uint8Array | number[] } | null }) ;
  let container: unknown;
  try {
    container = cfb.read(data, { type: 'buffer' });
  } catch (e) {
    throw new SpreadsheetProblem('ole', `tệp OLE bị hỏng: ${(e as Error).message}`);
  }
  for (const name of ['Workbook', 'Book', 'WORKBOOK', 'BOOK']) {
    const entry = cfb.find(container, name);
    // A Buffer when SheetJS was given one (the CLI); a stream of 4 KB or more given a plain Uint8Array (a page's bytes) comes as an Array.
    if (entry?.content && entry.content.length > 0) return ArrayBuffer.isView(entry.content) ? entry.content : Uint8Array.from(entry.content);
  }
  return undefined;
}

/**
 * Whether the workbook's globals (from its BOF to its EOF record) hold a FILEPASS record: Excel
 * writes one right after the BOF when the file is encrypted with a password to open ([MS-XLS]
 * 2.4.117). Found from the records themselves, not from the library's error text.
 */
export function hasFilePass(stream: Uint8Array): boolean {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  if (stream.length < 4 || !BOF_RECORDS.includes(view.getUint16(0, true))) return false;
  for (let at = 0; at + 4 <= stream.length; ) {
    const type = view.getUint16(at, true);
    if (type === FILEPASS) return true;
    if (type === EOF_RECORD) return false;
    at += 4 + view.getUint16(at + 2, true);
  }
  return false;
}

/**
 * The zip of an .ods checked, and every part inflated once, by the .xlsx reader's zip code
 * (xlsx/zipEntries.ts: names, local headers agreeing with the directory, sizes, bounded inflate)
 * before SheetJS sees it: SheetJS's own unzip ran for minutes on an .ods whose local header had a
 * few bytes overwritten. The inflated parts are dropped; SheetJS inflates them again (a few ms).
 */
function checkZip(data: Uint8Array): void {
  let zip: ZipEntries;
  try {
    zip = new ZipEntries(data);
    for (const name of zip.names()) zip.read(name);
  } catch (e) {
    if (e instanceof ZipSizeError) throw new SpreadsheetProblem('tooLarge', e.message);
    throw new SpreadsheetProblem('damaged', `tệp nén zip bị hỏng: ${(e as Error).message}`);
  }
}

const STATES = ['visible', 'hidden', 'veryHidden'];
/** BIFF error codes ([MS-XLS] 2.5.97.2 BErr), as Excel shows them. */
const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };
const COMBINING = /[\u0300-\u036f]/;

/**
 * Runs SheetJS with the console silenced: on a damaged .xls it writes "Missing Info for XLS Record"
 * and the like to the console, which would land in the CLI's output (its --json on stdout, its one
 * line on stderr). The read is synchronous, so nothing else writes meanwhile.
 */
function quietly<T>(read: () => T): T {
  const saved = { log: console.log, error: console.error, warn: console.warn, info: console.info, debug: console.debug };
  const quiet = () => undefined;
  Object.assign(console, { log: quiet, error: quiet, warn: quiet, info: quiet, debug: quiet });
  try {
    return read();
  } finally {
    Object.assign(console, saved);
  }
}

/** .xls (with its compound file, or a bare BIFF2–4 stream) or .ods, into plain sheets. Throws SpreadsheetProblem. */
export async function readSpreadsheet(data: Uint8Array, format: 'ole' | 'biff' | 'ods'): Promise<PlainSheet[]> {
  const X = await loadSheetJs();
  if (format === 'ole') {
    const stream = workbookStream(X, data);
    if (!stream) throw new SpreadsheetProblem('ole', 'tệp OLE không có luồng Workbook hay Book của Excel');
    if (hasFilePass(stream)) throw new SpreadsheetProblem('xlsPassword', 'tệp .xls có bản ghi FILEPASS (được mã hóa bằng mật khẩu)');
    if (stream.length > MAX_XLS_STREAM_BYTES) throw new SpreadsheetProblem('tooLarge', `sổ .xls có ${mb(stream.length)} MB dữ liệu, tochuc đọc .xls tới ${mb(MAX_XLS_STREAM_BYTES)} MB`);
  }
  if (format === 'ods') {
    const content = zipEntrySize(data, 'content.xml') ?? 0;
    if (content > MAX_ODS_CONTENT_BYTES) throw new SpreadsheetProblem('tooLarge', `nội dung .ods giải nén ra ${mb(content)} MB, tochuc đọc .ods tới ${mb(MAX_ODS_CONTENT_BYTES)} MB`);
    checkZip(data);
  }
  let wb: XLSX.WorkBook;
  try {
    wb = quietly(() => X.read(data, { type: 'buffer', dense: true, cellNF: true, cellDates: false, cellFormula: false, cellHTML: false, cellText: false, bookVBA: false, raw: true }));
  } catch (e) {
    const message = (e as Error).message ?? String(e);
    if (/password/i.test(message)) throw new SpreadsheetProblem('xlsPassword', message);
    if (/ODS Encryption/i.test(message)) throw new SpreadsheetProblem('odsPassword', message);
    throw new SpreadsheetProblem(format === 'ods' ? 'damaged' : 'xls', message);
  }
  const date1904 = [true, 'true', 1, '1'].includes(wb.Workbook?.WBProps?.date1904 as unknown as string);
  const sheets: PlainSheet[] = [];
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    // Chart, macro and dialog sheets are no worksheets: fastXlsx.ts leaves them out too.
    if (!ws || (ws['!type'] && ws['!type'] !== 'sheet')) return;
    const state = STATES[Number(wb.Workbook?.Sheets?.[i]?.Hidden ?? 0)] ?? 'visible';
    const { rows, lastCol } = plainRows(ws, date1904);
    // Merged areas filled as the .xlsx reader fills them, within the same budget (fastXlsx.ts).
    const said = new SheetIssues(name);
    const merges = fillMerges(rows, (ws['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c })), lastCol, said);
    const readerIssues = said.issues();
    const hiddenRows = (ws['!rows'] ?? []).filter((r) => r?.hidden).length;
    sheets.push({ name, state, rows, merges, ...(readerIssues.length ? { readerIssues } : {}), ...(hiddenRows ? { hiddenRows } : {}) });
  });
  if (format !== 'ods' && sheets.length === 0) throw new SpreadsheetProblem('xls', 'không tìm thấy trang tính nào trong tệp');
  return sheets;
}

function plainRows(ws: XLSX.WorkSheet, date1904: boolean): { rows: CellValue[][]; lastCol: number } {
  const dense = (ws['!data'] ?? []) as Array<Array<XLSX.CellObject | undefined> | undefined>;
  const rows: CellValue[][] = [];
  let lastCol = -1;
  for (let r = 0; r < dense.length; r++) {
    const cells = dense[r];
    if (!cells) continue;
    let row: CellValue[] | undefined;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const value = plainCell(cell, date1904);
      if (value === undefined) continue;
      (row ??= [])[c] = value;
      if (c > lastCol) lastCol = c;
    }
    if (row) rows[r] = row;
  }
  return { rows, lastCol };
}

function plainCell(cell: XLSX.CellObject, date1904: boolean): CellValue | undefined {
  const v = cell.v;
  switch (cell.t) {
    case 's': {
      if (v == null || v === '') return undefined;
      const text = String(v);
      return COMBINING.test(text) ? text.normalize('NFC') : text;
    }
    case 'n':
      if (typeof v !== 'number') return undefined;
      return typeof cell.z === 'string' && cell.z !== 'General' && isDateFormat(cell.z) ? excelDate(v, showsDay(cell.z) ? 'date' : 'time', date1904) : v;
    case 'b':
      return Boolean(v);
    case 'e':
      return cell.w ?? ERRORS[Number(v)] ?? '#N/A';
    case 'd':
      return v instanceof Date ? v : undefined;
    default:
      return undefined;
  }
}


