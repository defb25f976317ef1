import { parseA1Range, rangeA1, type CellRect } from '../../domain/a1';
import type { MergeRange, SheetGrid } from '../../ingest/grid';
import { HEADER_SCAN_ROWS } from '../../ingest/header';
import type { CellValue } from '../../ingest/values';
import { generatedSheetNames } from '../settings';
import { REGISTRY_SHEET } from '../xlsx/writePlan';
import type { ExcelHost } from './executePlan';

/**
 * The Office.js reader, the mirror of readXlsx: every worksheet's used range as plain values, with
 * number formats (Office gives dates as serial numbers; only the format tells a date from a number).
 * One sync lists the sheets, one finds their used ranges, then each further sync fetches as many
 * rows, from as many sheets, as fit in one response: Excel on the web refuses responses over 5 MB.
 */

export interface ReadOptions {
  /** Response budget in bytes; Excel on the web's limit is 5 MB. */
  maxResponseBytes?: number;
  /** Rows read so far and in all; called after each sync once the used ranges are known. */
  onProgress?: (done: number, total: number) => void;
  /** Checked after each sync: an aborted read rejects with an Error named "AbortError". */
  signal?: AbortSignal;
}

export interface ReadResult {
  grids: SheetGrid[];
  syncs: number;
  /** What this Excel could not read, for the task pane to say (merged areas before ExcelApi 1.13). */
  skipped: string[];
  /**
   * With a registry sheet only: every sheet's name and the registry's rows (A:D under a header), as
   * read, so that the templates registered there can be found without reading them again.
   */
  registry?: KnownRegistry;
}

export interface KnownRegistry {
  sheets: string[];
  rows: unknown[][];
}

export const DEFAULT_RESPONSE_BUDGET = 4_000_000;
// A cell's value and number format on the wire, counted high: `"Nguyễn Văn An","General",` is 28 bytes
// in UTF-8. After each sync the estimate rises to what was actually received, if that was more.
const BYTES_PER_CELL = 40;
const MEASURED_MARGIN = 1.25;
/** A chunk's share of the response besides its cells: its address, brackets, property names. */
const CHUNK_BYTES = 200;
/** Excel on the web reads at most five million cells in one get. */
const MAX_CELLS = 5_000_000;
/** Excel fails getMergedAreas above 512 areas; 32 bytes an address is counted high. */
const MERGE_BYTES = 512 * 32;
/**
 * Ingest uses merged areas only to read two-row headers in the top rows; asking for them there keeps
 * a list with a merged cell on every row from passing Excel's 512 areas and failing the whole read.
 */
const MERGE_ROWS = HEADER_SCAN_ROWS + 1;

export const MERGES_SKIPPED = 'Không đọc được ô gộp (cần ExcelApi 1.13): nhận dạng tiêu đề hai dòng vẫn chạy nhưng kém chắc chắn hơn.';

interface SheetRead {
  grid: SheetGrid;
  worksheet: Excel.Worksheet;
  /** The used range in sheet coordinates; undefined for an empty sheet. */
  used?: CellRect;
  /** Rows of the used range already read. */
  done: number;
}

interface Chunk {
  sheet: SheetRead;
  rows: number;
}

interface Session {
  context: Excel.RequestContext;
  budget: number;
  bytesPerCell: number;
  syncs: number;
  totalRows: number;
  readMerges: boolean;
  options: ReadOptions;
}

function abortError(): Error {
  const error = new Error('Đã hủy.');
  error.name = 'AbortError';
  return error;
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** "Sheet1!B3:H20", "'Danh sách'!B3", "'a,b'!A1:C1, 'a,b'!A3:B3" → rectangles (sheet names dropped). */
export function parseAddresses(address: string): CellRect[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i <= address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if (i === address.length || (ch === ',' && !quoted)) {
      parts.push(address.slice(start, i).trim());
      start = i + 1;
    }
  }
  return parts.map((part) => parseA1Range(part.slice(part.lastIndexOf('!') + 1))).filter((r): r is CellRect => r !== undefined);
}

function widthOf(rect: CellRect): number {
  return rect.right - rect.left + 1;
}

function heightOf(rect: CellRect): number {
  return rect.bottom - rect.top + 1;
}

/**
 * The next batch: whole sheets while they fit, then as many rows of the next as the budget leaves.
 * A sheet gives at most one chunk to a batch, so the syncs follow the data size, not the sheet count.
 */
function planBatch(sheets: readonly SheetRead[], budget: number, bytesPerCell: number): Chunk[] {
  const chunks: Chunk[] = [];
  let free = budget;
  for (const sheet of sheets) {
    if (!sheet.used) continue;
    const left = heightOf(sheet.used) - sheet.done;
    if (left <= 0) continue;
    const width = widthOf(sheet.used);
    const fit = Math.min(left, Math.floor((free - CHUNK_BYTES) / (width * bytesPerCell)), Math.floor(MAX_CELLS / width));
    // A row wider than the whole budget still has to be read.
    const rows = chunks.length === 0 ? Math.max(1, fit) : fit;
    if (rows <= 0) break;
    chunks.push({ sheet, rows });
    free -= CHUNK_BYTES + rows * width * bytesPerCell;
    if (rows < left) break;
  }
  return chunks;
}

function chunkRect(chunk: Chunk): CellRect {
  const used = chunk.sheet.used as CellRect;
  const top = used.top + chunk.sheet.done;
  return { top, left: used.left, bottom: top + chunk.rows - 1, right: used.right };
}

/** Office reads an empty cell as "": ingest, like readXlsx, wants blank as null. Formats matter only for numbers. */
function appendRows(grid: SheetGrid, values: unknown[][], formats: string[][]): void {
  const numberFormats = grid.numberFormats as Array<Array<string | undefined>>;
  values.forEach((row, r) => {
    const cells: CellValue[] = [];
    const rowFormats: Array<string | undefined> = [];
    row.forEach((value, c) => {
      cells.push(value === '' ? null : (value as CellValue));
      const format = formats[r]?.[c];
      if (typeof value === 'number' && format && format !== 'General') rowFormats[c] = format;
    });
    grid.rows.push(cells);
    numberFormats.push(rowFormats);
  });
}

/** UTF-8 length, counted high (a surrogate pair as six bytes). */
function wireBytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) bytes += code >= 0x800 ? 2 : 1;
  }
  return bytes;
}

function isResponseTooLarge(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ResponsePayloadSizeLimitExceeded';
}

function toMerges(address: string, used: CellRect): MergeRange[] {
  return parseAddresses(address)
    // An area whose top-left cell lies outside the used range holds no value to spread.
    .filter((m) => m.top >= used.top && m.left >= used.left && m.top <= used.bottom && m.left <= used.right)
    .map((m) => ({ top: m.top - used.top, left: m.left - used.left, bottom: m.bottom - used.top, right: m.right - used.left }));
}

/** Queued with the first batch of cells: the merged areas of each sheet's header rows. */
function queueMerges(sheets: readonly SheetRead[]): Array<{ sheet: SheetRead; areas: Excel.RangeAreas }> {
  return sheets.filter((s) => s.used).map((sheet) => {
    const used = sheet.used as CellRect;
    const top = { ...used, bottom: Math.min(used.bottom, used.top + MERGE_ROWS - 1) };
    const areas = sheet.worksheet.getRange(rangeA1(top)).getMergedAreasOrNullObject();
    areas.load('address');
    return { sheet, areas };
  });
}

/** Appends a fetched chunk to its grid, and raises the per-cell estimate if the chunk weighed more. */
function takeChunk(session: Session, chunk: Chunk, values: unknown[][], formats: string[][]): void {
  const cells = chunk.rows * widthOf(chunk.sheet.used as CellRect);
  const measured = (wireBytes(JSON.stringify(values)) + wireBytes(JSON.stringify(formats))) / cells;
  session.bytesPerCell = Math.max(session.bytesPerCell, Math.ceil(measured * MEASURED_MARGIN));
  appendRows(chunk.sheet.grid, values, formats);
  chunk.sheet.done += chunk.rows;
}

/**
 * One batch, one sync, then the next batch: a promise chain rather than a loop, as long as the
 * data needs. A response Excel refuses as too large is asked again in smaller chunks.
 */
async function readBatches(session: Session, sheets: readonly SheetRead[], doneRows: number): Promise<void> {
  const withMerges = session.readMerges;
  const reserved = withMerges ? MERGE_BYTES * sheets.filter((s) => s.used).length : 0;
  const chunks = planBatch(sheets, session.budget - reserved, session.bytesPerCell);
  if (chunks.length === 0) return;
  const ranges = chunks.map((chunk) => chunk.sheet.worksheet.getRange(rangeA1(chunkRect(chunk))).load('values, numberFormat'));
  const merges = withMerges ? queueMerges(sheets) : [];
  const { context } = session;
  try {
    session.syncs++;
    await context.sync();
  } catch (error) {
    const rows = chunks.reduce((n, c) => n + c.rows, 0);
    if (!isResponseTooLarge(error) || rows <= 1) throw error;
    session.bytesPerCell *= 2;
    checkAborted(session.options.signal);
    return readBatches(session, sheets, doneRows);
  }
  session.readMerges = false;
  for (const { sheet, areas } of merges) sheet.grid.merges = areas.isNullObject ? [] : toMerges(areas.address, sheet.used as CellRect);
  chunks.forEach((chunk, i) => takeChunk(session, chunk, ranges[i].values, ranges[i].numberFormat));
  const done = doneRows + chunks.reduce((n, c) => n + c.rows, 0);
  session.options.onProgress?.(done, session.totalRows);
  checkAborted(session.options.signal);
  return readBatches(session, sheets, done);
}

/** The sheets to read: tochuc's own very hidden sheet and any other very hidden one are no data. */
async function listSheets(session: Session): Promise<{ worksheets: Excel.Worksheet[]; hasRegistry: boolean; names: string[] }> {
  const { context } = session;
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name, items/visibility');
  session.syncs++;
  await context.sync();
  checkAborted(session.options.signal);
  return {
    worksheets: worksheets.items.filter((ws) => ws.visibility !== 'VeryHidden' && ws.name !== REGISTRY_SHEET),
    hasRegistry: worksheets.items.some((ws) => ws.name === REGISTRY_SHEET),
    names: worksheets.items.map((ws) => ws.name),
  };
}

/** With the used ranges, the registry's column A: the report sheets tochuc wrote are no data to read. */
async function findUsedRanges(session: Session, { worksheets, hasRegistry, names }: { worksheets: Excel.Worksheet[]; hasRegistry: boolean; names: string[] }): Promise<{ sheets: SheetRead[]; registry?: KnownRegistry }> {
  const { context } = session;
  const used = worksheets.map((worksheet) => worksheet.getUsedRangeOrNullObject(true).load('address, rowCount, columnCount'));
  const registry = hasRegistry ? context.workbook.worksheets.getItem(REGISTRY_SHEET).getUsedRange(true).load('values') : undefined;
  session.syncs++;
  await context.sync();
  const generated = new Set(registry ? generatedSheetNames(registry.values) : []);
  const sheets = worksheets.map((worksheet, i): SheetRead | undefined => {
    if (generated.has(worksheet.name)) return undefined;
    const grid: SheetGrid = { name: worksheet.name, rows: [] };
    if (used[i].isNullObject) return { grid, worksheet, done: 0 };
    const address = parseAddresses(used[i].address)[0];
    const rect = { top: address.top, left: address.left, bottom: address.top + used[i].rowCount - 1, right: address.left + used[i].columnCount - 1 };
    grid.numberFormats = [];
    if (rect.top > 0 || rect.left > 0) grid.origin = { row: rect.top, col: rect.left };
    return { grid, worksheet, used: rect, done: 0 };
  }).filter((s): s is SheetRead => s !== undefined);
  session.totalRows = sheets.reduce((n, s) => n + (s.used ? heightOf(s.used) : 0), 0);
  session.options.onProgress?.(0, session.totalRows);
  checkAborted(session.options.signal);
  return { sheets, ...(registry ? { registry: { sheets: names, rows: registry.values } } : {}) };
}

export async function readWorkbookSheets(host: ExcelHost, options: ReadOptions = {}): Promise<ReadResult> {
  checkAborted(options.signal);
  const skipped: string[] = [];
  const readMerges = host.isSetSupported('ExcelApi', '1.13');
  if (!readMerges) skipped.push(MERGES_SKIPPED);
  return host.run(async (context) => {
    const session: Session = { context, budget: options.maxResponseBytes ?? DEFAULT_RESPONSE_BUDGET, bytesPerCell: BYTES_PER_CELL, syncs: 0, totalRows: 0, readMerges, options };
    const { sheets, registry } = await findUsedRanges(session, await listSheets(session));
    await readBatches(session, sheets, 0);
    return { grids: sheets.map((s) => s.grid), syncs: session.syncs, skipped, ...(registry ? { registry } : {}) };
  });
}
