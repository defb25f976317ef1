import type { Row } from 'exceljs';
import { parseA1Range } from '../../domain/a1';
import type { MergeRange, SheetGrid } from '../../ingest/grid';
import type { CellValue } from '../../ingest/values';
import { csvSheetName, readCsv } from '../formats/csv';
import { MAX_INPUT_BYTES, tooLargeMessage, type FileProblemKind } from '../formats/inputSize';
import { readSpreadsheet, SpreadsheetProblem } from '../formats/sheetjs';
import { isMarkup, sniff, type Sniffed } from '../formats/sniff';
import { generatedSheetNames, REGISTRY_SHEET, SETTINGS_COLUMN, settingsFromCells, type WorkbookSettings } from '../hiddenSheet';
import { loadExcelJs } from './exceljs';
import { containerProblem, readPlainSheetsAsync, type ContainerKind, type PlainSheet } from './fastXlsx';
import { ZipSizeError } from './zipEntries';

/**
 * Reading a workbook from its bytes, whatever holds them: the CLI's file (readXlsx.ts reads it, then
 * comes here) or a page's chosen file. No Node built-in is reached from here (the codec of
 * ../codec inflates and decodes), so a browser build runs this very code; test/browserBuild.test.ts
 * bundles it for the web and runs it without Node's globals.
 */

/** The sheets as plain values, and the settings kept in tochuc's hidden sheet. */
export interface XlsxBook {
  grids: SheetGrid[];
  settings: WorkbookSettings;
  /** Settings that could not be read, in Vietnamese. */
  settingsProblems: string[];
}

/**
 * How an .xlsx is read. 'fast' (the default): fastXlsx.ts, which does not load exceljs. 'exceljs': its in-memory reader,
 * the reference the fast one is tested against; on a 60,000-row register ~5× slower, and ~90× the
 * file's size in memory. Other formats (.xls, .ods, CSV) have one reader each, whatever this says.
 */
export interface ReadOptions {
  engine?: 'fast' | 'exceljs';
}

// The registry row: the generated sheet's name (A), and the settings' key and value (F:G).
const registryCells = (row: CellValue[]): unknown[] => [row[0] ?? null, row[SETTINGS_COLUMN] ?? null, row[SETTINGS_COLUMN + 1] ?? null];

export type UnreadableKind = ContainerKind | 'damaged' | FileProblemKind | 'empty';

/** A file that cannot be read as a workbook; the message is one line, in Vietnamese, saying what to do. */
export class UnreadableWorkbookError extends Error {
  constructor(
    message: string,
    /**
     * What the file is, when that is known: an encrypted workbook (.xlsx, or an .xls with a password),
     * an .xls that could not be read, another compound file; a folder or device, a file over the size
     * cap, an empty file; else 'damaged' (or 'missing').
     */
    readonly kind: UnreadableKind = 'damaged',
  ) {
    super(message);
  }
}

const PROTECT_WORKBOOK = 'Tệp › Thông tin › Bảo vệ Sổ làm việc › Mã hóa bằng Mật khẩu (File › Info › Protect Workbook › Encrypt with Password)';

/** One line per kind of unreadable file: a password to remove, an .xls to save again, or a damaged file. */
export function unreadable(path: string, kind: ContainerKind | 'damaged', detail: string): UnreadableWorkbookError {
  const oneLine = detail.split('\n')[0];
  switch (kind) {
    case 'encrypted':
      return new UnreadableWorkbookError(`Tệp "${path}" có mật khẩu (sổ được mã hóa) nên không đọc được: hãy mở tệp trong Excel, gỡ mật khẩu ở ${PROTECT_WORKBOOK}, xóa mật khẩu, lưu lại rồi chạy lại.`, kind);
    case 'xls':
      return new UnreadableWorkbookError(`Tệp "${path}" là sổ Excel 97–2003 (.xls) không đọc được (${oneLine}): hãy mở tệp trong Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx) (Tệp › Lưu thành / File › Save As), rồi chạy lại.`, kind);
    case 'ole':
      return new UnreadableWorkbookError(`Tệp "${path}" là tệp Office cũ (tệp OLE) nhưng không phải sổ Excel (${oneLine}): hãy chọn đúng tệp sổ (.xlsx, .xls, .ods hoặc .csv); nếu đó là sổ có mật khẩu, hãy gỡ ở ${PROTECT_WORKBOOK}; rồi chạy lại.`, kind);
    default:
      return new UnreadableWorkbookError(`Tệp "${path}" không phải tệp Excel .xlsx hợp lệ hoặc đã bị hỏng (${oneLine}): hãy mở tệp gốc trong Excel và lưu lại dưới dạng .xlsx, hoặc dùng một bản sao còn tốt.`, 'damaged');
  }
}

/** exceljs cell values (rich text, formulas, hyperlinks, errors) → the plain values ingest reads. */
export function plainValue(value: unknown): CellValue {
  if (value == null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string; formula?: string; sharedFormula?: string };
    if (Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return plainValue(v.result);
    if (v.error) return String(v.error);
    if (v.text !== undefined) return plainValue(v.text);
  }
  return String(value);
}

function rowValues(row: Row): CellValue[] {
  const out: CellValue[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    out[col - 1] = plainValue(cell.value);
  });
  // eachCell leaves holes; ingest reads undefined as blank.
  return out;
}

/** exceljs' in-memory reader, exceljs loaded only when it is asked for. */
async function readWithExceljs(data: Uint8Array): Promise<PlainSheet[]> {
  const { Workbook } = await loadExcelJs();
  const wb = new Workbook();
  // exceljs types it as its own Buffer (an ArrayBuffer); JSZip takes node's.
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const sheets: PlainSheet[] = [];
  wb.eachSheet((ws) => {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      rows[n - 1] = rowValues(row);
    });
    const mergeList = (ws.model as { merges?: string[] }).merges ?? [];
    const merges = mergeList.map((m) => parseA1Range(m)).filter((m): m is MergeRange => m !== undefined);
    sheets.push({ name: ws.name, state: ws.state, rows, merges });
  });
  return sheets;
}

/**
 * tochuc's own hidden sheet (generated sheets, settings) and very hidden sheets are no data to
 * read, nor are the reports tochuc wrote into the workbook.
 */
function book(path: string, sheets: readonly PlainSheet[]): XlsxBook {
  const registryRows = sheets.filter((s) => s.name === REGISTRY_SHEET).flatMap((s) => s.rows.filter(Boolean).map(registryCells));
  const { settings, problems } = settingsFromCells(registryRows.map((r) => r.slice(1)));
  const generated = new Set(generatedSheetNames(registryRows));
  const grids = sheets
    .filter((s) => s.state !== 'veryHidden' && s.name !== REGISTRY_SHEET && !generated.has(s.name))
    .map((s): SheetGrid => ({ name: s.name, rows: s.rows, merges: s.merges, file: path, ...(s.readerIssues?.length ? { readerIssues: s.readerIssues } : {}), ...(s.hiddenRows ? { hiddenRows: s.hiddenRows } : {}) }));
  return { grids, settings, settingsProblems: problems };
}

/** Throws the one-line error of a file whose container is no .xlsx (encrypted, .xls, not a zip): what it is decides the message, whichever engine reads the parts. */
export function checkContainer(path: string, data: Uint8Array): void {
  const problem = containerProblem(data);
  if (problem) throw unreadable(path, problem.kind === 'notZip' ? 'damaged' : problem.kind, problem.message);
}

/** The answers of the readers of other formats (formats/sheetjs.ts): a password to remove, an .xls or .ods to save again. */
function spreadsheetUnreadable(path: string, problem: SpreadsheetProblem): UnreadableWorkbookError {
  switch (problem.kind) {
    case 'xlsPassword':
      return new UnreadableWorkbookError(`Tệp "${path}" là sổ Excel 97–2003 (.xls) có mật khẩu mở tệp nên không đọc được: hãy mở tệp trong Excel (nhập mật khẩu), gỡ mật khẩu ở ${PROTECT_WORKBOOK}, xóa mật khẩu, lưu lại rồi chạy lại.`, 'encrypted');
    case 'odsPassword':
      return new UnreadableWorkbookError(`Tệp "${path}" là bảng tính OpenDocument (.ods) có mật khẩu nên không đọc được: hãy mở tệp trong LibreOffice Calc (nhập mật khẩu), chọn Tệp › Lưu thành (File › Save As), bỏ chọn "Lưu với mật khẩu" (Save with password), lưu lại rồi chạy lại.`, 'encrypted');
    case 'tooLarge':
      return new UnreadableWorkbookError(`Tệp "${path}" quá lớn để đọc ở dạng này (${problem.message}): hãy mở tệp trong Excel hoặc LibreOffice Calc, lưu lại dưới dạng Sổ làm việc Excel (.xlsx) rồi chạy lại.`, 'tooLarge');
    case 'damaged':
      return new UnreadableWorkbookError(`Tệp "${path}" là bảng tính (.ods hoặc .xls) nhưng không đọc được hoặc đã bị hỏng (${problem.message.split('\n')[0]}): hãy mở tệp trong Excel hoặc LibreOffice Calc và lưu lại dưới dạng .xlsx, hoặc dùng một bản sao còn tốt.`, 'damaged');
    default:
      return unreadable(path, problem.kind, problem.message);
  }
}

/**
 * Every format but .xlsx, told by its bytes (formats/sniff.ts): .xls and .ods through SheetJS, loaded
 * only here; CSV and "Unicode Text" through formats/csv.ts; an encrypted .xlsx (a compound file) as before.
 */
async function readOtherFormat(path: string, data: Uint8Array, format: Exclude<Sniffed, 'xlsx'>): Promise<PlainSheet[]> {
  switch (format) {
    case 'empty':
      throw new UnreadableWorkbookError(`Tệp "${path}" rỗng (0 byte), không có dữ liệu để đọc: hãy kiểm tra đã chọn đúng tệp, hoặc lưu lại tệp từ Excel rồi chạy lại.`, 'empty');
    case 'binary':
      throw unreadable(path, 'damaged', 'không phải tệp nén zip như .xlsx, cũng không phải .xls, .ods hay văn bản .csv');
    case 'text':
      if (isMarkup(data)) throw unreadable(path, 'damaged', 'tệp là trang web (HTML) hoặc XML, không phải bảng tính');
      // Text under the name of a zipped format is no CSV someone saved: a page or a log saved under the name asked for.
      if (/\.(xlsx|xlsm|xltx|xltm|ods)$/i.test(path)) throw unreadable(path, 'damaged', 'tệp văn bản, không phải tệp nén zip như .xlsx');
      return [readCsv(data, csvSheetName(path)).sheet];
    case 'ole':
    case 'biff':
    case 'ods': {
      const problem = format === 'ole' ? containerProblem(data) : undefined;
      if (problem?.kind === 'encrypted') throw unreadable(path, 'encrypted', problem.message);
      try {
        return await readSpreadsheet(data, format);
      } catch (e) {
        if (e instanceof SpreadsheetProblem) throw spreadsheetUnreadable(path, e);
        throw unreadable(path, format === 'ods' ? 'damaged' : 'xls', (e as Error).message ?? String(e));
      }
    }
  }
}

/**
 * Reads a workbook from its bytes: .xlsx (tochuc's own reader), .xls, .ods, .csv or .txt, whichever
 * the bytes say it is; `fileName` names it in every message and grid, and names a CSV's sheet. The
 * same checks as a file read from disk (readXlsx.ts): past MAX_INPUT_BYTES it is refused unread.
 */
export async function readWorkbookBytes(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<XlsxBook> {
  if (bytes.length > MAX_INPUT_BYTES) throw new UnreadableWorkbookError(tooLargeMessage(fileName, bytes.length, MAX_INPUT_BYTES), 'tooLarge');
  const format = sniff(bytes);
  if (format !== 'xlsx') return book(fileName, await readOtherFormat(fileName, bytes, format));
  checkContainer(fileName, bytes);
  try {
    return book(fileName, options.engine === 'exceljs' ? await readWithExceljs(bytes) : await readPlainSheetsAsync(bytes));
  } catch (e) {
    // A part of absurd size (zipEntries.ts) has its own line: "save it again" is no advice for a file made to blow up.
    if (e instanceof ZipSizeError) throw new UnreadableWorkbookError(`Tệp "${fileName}" ${e.message}`, 'damaged');
    throw unreadable(fileName, 'damaged', (e as Error).message);
  }
}
