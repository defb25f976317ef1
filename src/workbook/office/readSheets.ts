import { parseA1Range, rangeA1, type CellRect } from '../../domain/a1';
import { columnsToRead, TOP_ROWS } from '../../ingest/columnsToRead';
import type { MergeRange, SheetGrid } from '../../ingest/grid';
import { detectHeader, HEADER_SCAN_ROWS, type MappingOverride } from '../../ingest/header';
import type { CellValue } from '../../ingest/values';
import { generatedSheetNames, REGISTRY_SHEET, SETTINGS_COLUMN, settingsFromCells, type WorkbookSettings } from '../hiddenSheet';
import { abortError } from './executePlan';
import { type ExcelHost } from './host';

/**
 * The Office.js reader, the mirror of readXlsx: every worksheet's used range as plain values, with
 * number formats (Office gives dates as serials; only the format tells a date from a number).
 * One sync lists the sheets; one finds their used ranges and reads tochuc's hidden sheet (the
 * settings, with the user's column choices, come with it); the next reads every sheet's top rows
 * whole, with the merged areas of its header rows, and reads whole the sheets that fit beside them.
 * From its top rows, columnsToRead tells which columns of a longer sheet ingest will use: the rest
 * of it is read in those columns only (a range per run of adjacent columns; its last rows whole, for
 * the signature block), the other cells left null, so that the grid keeps its shape and ingest finds
 * what it would in the whole sheet. Each further sync fetches as many rows, from as many sheets, as
 * fit in one response, sized from the bytes each column was measured to carry in the top rows:
 * Excel on the web refuses responses over 5 MB.
 */

export interface ReadOptions {
  /** Response budget in bytes; Excel on the web's limit is 5 MB. */
  maxResponseBytes?: number;
  /** Rows read so far and in all; called after each sync once the used ranges are known. */
  onProgress?: (done: number, total: number) => void;
  /** Checked after each sync: an aborted read rejects with an Error named "AbortError". */
  signal?: AbortSignal;
  /**
   * The user's column choices, so that a chosen column is read too. Default: those saved in the
   * workbook's settings (the hidden "tochuc" sheet, read with the used ranges).
   */
  overrides?: readonly MappingOverride[];
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
  /** With a registry sheet only: the settings kept in it (F:G), and those that could not be read. */
  settings?: WorkbookSettings;
  settingsProblems?: string[];
}

export interface KnownRegistry {
  sheets: string[];
  rows: unknown[][];
}

export const DEFAULT_RESPONSE_BUDGET = 4_000_000;
// A cell's value and number format on the wire before any is measured, counted high:
// `"Nguyễn Văn An","General",` is 28 bytes in UTF-8. A sheet's top rows and the small sheets read
// whole are sized with it; after each sync it rises to what was actually received, if that was more.
const BYTES_PER_CELL = 40;
/**
 * Estimates measured from cells already received are raised by this much: the rows below may weigh
 * more. The budget keeps its own fifth under Excel's 5 MB, and the batches are evened out (below).
 */
const MEASURED_MARGIN = 1.1;
/**
 * The last rows of a list are read whole below its mapped columns: the signature block ("NGƯỜI LẬP
 * BIỂU", the signers' names) and the place and date sit there, often in columns no field uses, and
 * ingest must see them to skip them as it would.
 */
const TAIL_ROWS = 20;
/** Fewer data rows than this under the header in the top rows are too few to size the rest from. */
const MIN_SAMPLE_ROWS = 10;
/** An empty cell on the wire: `"","General",`. */
const MIN_CELL_BYTES = 13;
/** A row's brackets and comma in a range's values and in its number formats. */
const ROW_BYTES = 6;
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

/** Adjacent grid columns read as one range, 0-based from the used range's left, inclusive. */
interface Run {
  left: number;
  right: number;
}

interface SheetRead {
  grid: SheetGrid;
  worksheet: Excel.Worksheet;
  /** The used range in sheet coordinates; undefined for an empty sheet. */
  used?: CellRect;
  /** Rows of the used range already read (or, below the top rows of a sheet tochuc does not read, passed over). */
  done: number;
  /** Rows read whole before columnsToRead is asked: TOP_ROWS, or all of a shorter sheet. */
  top: number;
  /**
   * Once the top rows are in: the columns the rest is read in, as runs, from a row on (every column
   * in one run for a sheet read whole; the last rows whole below the mapped columns). Empty for a
   * sheet whose rest is not read; undefined before.
   */
  plan?: Segment[];
  /** Per grid column: bytes a cell of it weighs on the wire, measured in the top rows, margin included. */
  cellBytes: number[];
  /** While the top rows come in: what each of their cells weighed, by row and column. */
  topBytes: number[][];
}

/** From row `from` of the used range on (until the next segment), these runs of columns. */
interface Segment {
  from: number;
  runs: Run[];
}

interface Chunk {
  sheet: SheetRead;
  /** The chunk's first row in the used range. */
  start: number;
  rows: number;
  /** The columns read; whole rows for a sheet's top rows (and a sheet read whole with them). */
  runs: Run[];
}

interface Session {
  context: Excel.RequestContext;
  budget: number;
  /** The per-cell estimate of whole rows before anything is measured. */
  bytesPerCell: number;
  syncs: number;
  totalRows: number;
  readMerges: boolean;
  overrides: readonly MappingOverride[];
  options: ReadOptions;
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

const runWidth = (run: Run) => run.right - run.left + 1;

/** Ascending grid columns → runs of adjacent ones: [0, 2, 3, 4, 7] → 0, 2–4, 7. */
export function columnRuns(columns: readonly number[]): Run[] {
  const runs: Run[] = [];
  for (const col of columns) {
    const last = runs[runs.length - 1];
    if (last && col === last.right + 1) last.right = col;
    else if (!last || col > last.right) runs.push({ left: col, right: col });
  }
  return runs;
}

/** A row's estimated weight in the response when these runs of the sheet are read. */
function rowBytes(session: Session, sheet: SheetRead, runs: readonly Run[]): number {
  let bytes = 0;
  for (const run of runs) {
    bytes += ROW_BYTES;
    for (let c = run.left; c <= run.right; c++) bytes += sheet.plan ? sheet.cellBytes[c] : session.bytesPerCell;
  }
  return bytes;
}

/**
 * The next batch. First each sheet's top rows, whole (the sheets not yet asked about); then, with
 * what the budget leaves, whole any of those sheets whose rest fits too (a sync saved beats bytes
 * saved); then the rest of the sheets already asked about, in their columns: whole sheets while
 * they fit, then as many rows of the next as the budget leaves. A sheet gives one chunk to a batch
 * (two where its last rows, read whole, begin), so the syncs follow the data size, not the sheet count.
 */
function planBatch(session: Session, sheets: readonly SheetRead[], budget: number): Chunk[] {
  const chunks: Chunk[] = [];
  let free = budget;
  const take = (sheet: SheetRead, start: number, left: number, runs: Run[]): boolean => {
    const perRow = rowBytes(session, sheet, runs);
    const widest = Math.max(...runs.map(runWidth));
    const fit = Math.min(left, Math.floor((free - CHUNK_BYTES * runs.length) / perRow), Math.floor(MAX_CELLS / widest));
    // A row wider than the whole budget still has to be read.
    const rows = chunks.length === 0 ? Math.max(1, fit) : fit;
    if (rows <= 0) return false;
    chunks.push({ sheet, start, rows, runs });
    free -= CHUNK_BYTES * runs.length + rows * perRow;
    return rows === left;
  };
  const pending = sheets.filter((s) => s.used && s.done < heightOf(s.used));
  const undecided = pending.filter((s) => !s.plan);
  for (const sheet of undecided) {
    if (!take(sheet, sheet.done, sheet.top - sheet.done, [wholeRow(sheet)])) return chunks;
  }
  for (const chunk of chunks) {
    const { sheet } = chunk;
    const rest = heightOf(sheet.used as CellRect) - sheet.top;
    const extra = rest * rowBytes(session, sheet, chunk.runs);
    if (rest > 0 && extra <= free && (chunk.rows + rest) * runWidth(chunk.runs[0]) <= MAX_CELLS) {
      chunk.rows += rest;
      free -= extra;
    }
  }
  const decided = pending.filter((s) => s.plan && s.plan.length > 0);
  if (chunks.length === 0) free = evenShare(session, decided, free);
  for (const sheet of decided) {
    for (const { start, rows, runs } of segmentsLeft(sheet)) if (!take(sheet, start, rows, runs)) return chunks;
  }
  return chunks;
}

const wholeRow = (sheet: SheetRead): Run => ({ left: 0, right: widthOf(sheet.used as CellRect) - 1 });

/** The rows of a sheet still to read, by segment. */
function segmentsLeft(sheet: SheetRead): Array<{ start: number; rows: number; runs: Run[] }> {
  const plan = sheet.plan ?? [];
  const height = heightOf(sheet.used as CellRect);
  return plan.map((segment, i) => {
    const end = i + 1 < plan.length ? plan[i + 1].from : height;
    const start = Math.max(segment.from, sheet.done);
    return { start, rows: end - start, runs: segment.runs };
  }).filter((s) => s.rows > 0);
}

/**
 * The rest takes as many syncs as its estimate needs budgets; each of them gets an even share of it
 * (and a row of each segment to spare for rounding), not a full budget and the last one the crumbs:
 * the same syncs, each further under the limit, and room for a later chunk to weigh more.
 */
function evenShare(session: Session, sheets: readonly SheetRead[], budget: number): number {
  let total = 0;
  let spare = 0;
  for (const sheet of sheets) {
    for (const { rows, runs } of segmentsLeft(sheet)) {
      const perRow = rowBytes(session, sheet, runs);
      total += CHUNK_BYTES * runs.length + rows * perRow;
      spare += CHUNK_BYTES * runs.length + perRow;
    }
  }
  const syncs = Math.ceil(total / budget);
  return syncs > 1 ? Math.min(budget, Math.ceil(total / syncs + spare)) : budget;
}

function chunkRects(chunk: Chunk): CellRect[] {
  const used = chunk.sheet.used as CellRect;
  const top = used.top + chunk.start;
  return chunk.runs.map((run) => ({ top, left: used.left + run.left, bottom: top + chunk.rows - 1, right: used.left + run.right }));
}

/**
 * Office reads an empty cell as "": ingest, like readXlsx, wants blank as null. Formats matter only
 * for numbers. Each run's cells go to their columns; the columns not read stay null.
 */
function appendRows(grid: SheetGrid, width: number, rows: number, runs: readonly Run[], values: unknown[][][], formats: string[][][]): void {
  const numberFormats = grid.numberFormats as Array<Array<string | undefined>>;
  for (let r = 0; r < rows; r++) {
    const cells: CellValue[] = new Array<CellValue>(width).fill(null);
    const rowFormats: Array<string | undefined> = [];
    runs.forEach((run, i) => {
      const rowValues = values[i][r];
      const rowFormatsIn = formats[i][r];
      for (let k = 0; k < rowValues.length; k++) {
        const value = rowValues[k];
        if (value === '') continue;
        cells[run.left + k] = value as CellValue;
        const format = rowFormatsIn?.[k];
        if (typeof value === 'number' && format && format !== 'General') rowFormats[run.left + k] = format;
      }
    });
    grid.rows.push(cells);
    numberFormats.push(rowFormats);
  }
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

/** While a sheet's top rows come in: what each cell weighs (value and format, each with its comma). */
function measureCells(sheet: SheetRead, values: unknown[][], formats: string[][]): void {
  values.forEach((row, r) => sheet.topBytes.push(row.map((value, c) => wireBytes(JSON.stringify(value)) + wireBytes(JSON.stringify(formats[r]?.[c] ?? 'General')) + 2)));
}

/**
 * What a cell of each column weighs, from the data rows among the top rows (the rows under the
 * header: titles and header labels are no measure of the list), margin included. With too few of
 * them, no lighter than the unmeasured estimate.
 */
function columnBytes(sheet: SheetRead, overrides: readonly MappingOverride[], width: number): number[] {
  const header = detectHeader(sheet.grid, undefined, overrides.filter((o) => !o.sheet || o.sheet === sheet.grid.name));
  const data = sheet.topBytes.slice(header ? header.headerBottom + 1 : 0);
  const sample = data.length >= MIN_SAMPLE_ROWS ? data : sheet.topBytes;
  const floor = data.length >= MIN_SAMPLE_ROWS ? MIN_CELL_BYTES : BYTES_PER_CELL;
  return Array.from({ length: width }, (_, c) => {
    const sum = sample.reduce((n, row) => n + (row[c] ?? MIN_CELL_BYTES), 0);
    return Math.max(floor, Math.ceil((sum / Math.max(sample.length, 1)) * MEASURED_MARGIN));
  });
}

/**
 * Once a sheet's top rows are in: the columns ingest will use tell the runs its rest is read in,
 * and the top rows what a cell of each column weighs. A sheet whose rest ingest does not read is
 * passed over: its rows stay blank. Returns the rows passed over.
 */
function decide(session: Session, sheet: SheetRead): number {
  const used = sheet.used as CellRect;
  const width = widthOf(used);
  const height = heightOf(used);
  if (sheet.done >= height) {
    sheet.plan = [];
    sheet.topBytes = [];
    return 0;
  }
  sheet.cellBytes = columnBytes(sheet, session.overrides, width);
  sheet.topBytes = [];
  const columns = columnsToRead(sheet.grid, height, session.overrides);
  const whole = wholeRow(sheet);
  if (columns.kind === 'all') sheet.plan = [{ from: sheet.done, runs: [whole] }];
  else if (columns.kind === 'columns') {
    const runs = columnRuns(columns.columns.filter((c) => c >= 0 && c < width));
    const tail = Math.max(sheet.done, height - TAIL_ROWS);
    sheet.plan = runs.length === 1 && runWidth(runs[0]) === width ? [{ from: sheet.done, runs }] : [{ from: sheet.done, runs }, { from: tail, runs: [whole] }];
  } else sheet.plan = [];
  if (sheet.plan.length > 0) return 0;
  const passed = height - sheet.done;
  appendRows(sheet.grid, width, passed, [], [], []);
  sheet.done = height;
  return passed;
}

/**
 * Appends a fetched chunk to its grid and raises the estimate if the chunk weighed more than it
 * allowed for: the per-cell one of whole rows, or, past the top rows, the chunk's columns' own.
 */
function takeChunk(session: Session, chunk: Chunk, ranges: readonly Excel.Range[]): void {
  const { sheet } = chunk;
  const values = ranges.map((range) => range.values as unknown[][]);
  const formats = ranges.map((range) => range.numberFormat as string[][]);
  const measured = values.reduce((n, v, i) => n + wireBytes(JSON.stringify(v)) + wireBytes(JSON.stringify(formats[i])), 0) * MEASURED_MARGIN;
  if (!sheet.plan) {
    const cells = chunk.rows * runWidth(chunk.runs[0]);
    session.bytesPerCell = Math.max(session.bytesPerCell, Math.ceil(measured / cells));
    // The top rows are what the rest is sized from; a sheet read whole with them needs no measure.
    const topRows = Math.max(0, Math.min(chunk.rows, sheet.top - sheet.done));
    measureCells(sheet, values[0].slice(0, topRows), formats[0].slice(0, topRows));
  } else {
    const estimated = chunk.rows * rowBytes(session, sheet, chunk.runs);
    if (measured > estimated) {
      const factor = measured / estimated;
      for (const run of chunk.runs) for (let c = run.left; c <= run.right; c++) sheet.cellBytes[c] = Math.ceil(sheet.cellBytes[c] * factor);
    }
  }
  appendRows(sheet.grid, widthOf(sheet.used as CellRect), chunk.rows, chunk.runs, values, formats);
  sheet.done = chunk.start + chunk.rows;
}

/** Excel refused the batch as too large: what its chunks were sized from weighs twice as much from now on. */
function doubleEstimates(session: Session, chunks: readonly Chunk[]): void {
  if (chunks.some((chunk) => !chunk.sheet.plan)) session.bytesPerCell *= 2;
  for (const { sheet, runs } of chunks) {
    if (sheet.plan) for (const run of runs) for (let c = run.left; c <= run.right; c++) sheet.cellBytes[c] *= 2;
  }
}

/**
 * One batch, one sync, then the next batch: a promise chain rather than a loop, as long as the
 * data needs. A response Excel refuses as too large is asked again in smaller chunks.
 */
async function readBatches(session: Session, sheets: readonly SheetRead[], doneRows: number): Promise<void> {
  const withMerges = session.readMerges;
  const reserved = withMerges ? MERGE_BYTES * sheets.filter((s) => s.used).length : 0;
  const chunks = planBatch(session, sheets, session.budget - reserved);
  if (chunks.length === 0) return;
  const ranges = chunks.map((chunk) => chunkRects(chunk).map((rect) => chunk.sheet.worksheet.getRange(rangeA1(rect)).load('values, numberFormat')));
  const merges = withMerges ? queueMerges(sheets) : [];
  const { context } = session;
  try {
    session.syncs++;
    await context.sync();
  } catch (error) {
    const rows = chunks.reduce((n, c) => n + c.rows, 0);
    if (!isResponseTooLarge(error) || rows <= 1) throw error;
    doubleEstimates(session, chunks);
    checkAborted(session.options.signal);
    return readBatches(session, sheets, doneRows);
  }
  session.readMerges = false;
  for (const { sheet, areas } of merges) sheet.grid.merges = areas.isNullObject ? [] : toMerges(areas.address, sheet.used as CellRect);
  let done = doneRows;
  chunks.forEach((chunk, i) => {
    const deciding = !chunk.sheet.plan;
    takeChunk(session, chunk, ranges[i]);
    done += chunk.rows;
    if (deciding && chunk.sheet.done >= chunk.sheet.top) done += decide(session, chunk.sheet);
  });
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

/** The settings block (F:G from the first row) within the registry's used range, as readSettingsInExcel reads it. */
function settingsOf(address: string, values: unknown[][]): { settings: WorkbookSettings; problems: string[] } {
  const origin = parseAddresses(address)[0] ?? { top: 0, left: 0 };
  const rows = [...Array.from({ length: origin.top }, () => []), ...values.map((row) => [row[SETTINGS_COLUMN - origin.left], row[SETTINGS_COLUMN + 1 - origin.left]])];
  return settingsFromCells(rows);
}

interface UsedRanges {
  sheets: SheetRead[];
  registry?: KnownRegistry;
  settings?: { settings: WorkbookSettings; problems: string[] };
}

/**
 * With the used ranges, the registry sheet's cells: the report sheets tochuc wrote (column A) are
 * no data to read, and the settings (F:G) hold the user's column choices.
 */
async function findUsedRanges(session: Session, { worksheets, hasRegistry, names }: { worksheets: Excel.Worksheet[]; hasRegistry: boolean; names: string[] }): Promise<UsedRanges> {
  const { context } = session;
  const used = worksheets.map((worksheet) => worksheet.getUsedRangeOrNullObject(true).load('address, rowCount, columnCount'));
  const registry = hasRegistry ? context.workbook.worksheets.getItem(REGISTRY_SHEET).getUsedRange(true).load('address, values') : undefined;
  session.syncs++;
  await context.sync();
  const generated = new Set(registry ? generatedSheetNames(registry.values) : []);
  const sheets = worksheets.map((worksheet, i): SheetRead | undefined => {
    if (generated.has(worksheet.name)) return undefined;
    const grid: SheetGrid = { name: worksheet.name, rows: [] };
    const sheet = { grid, worksheet, done: 0, top: 0, cellBytes: [], topBytes: [] };
    if (used[i].isNullObject) return sheet;
    const address = parseAddresses(used[i].address)[0];
    const rect = { top: address.top, left: address.left, bottom: address.top + used[i].rowCount - 1, right: address.left + used[i].columnCount - 1 };
    grid.numberFormats = [];
    if (rect.top > 0 || rect.left > 0) grid.origin = { row: rect.top, col: rect.left };
    return { ...sheet, used: rect, top: Math.min(TOP_ROWS, heightOf(rect)) };
  }).filter((s): s is SheetRead => s !== undefined);
  session.totalRows = sheets.reduce((n, s) => n + (s.used ? heightOf(s.used) : 0), 0);
  session.options.onProgress?.(0, session.totalRows);
  checkAborted(session.options.signal);
  if (!registry) return { sheets };
  return { sheets, registry: { sheets: names, rows: registry.values }, settings: settingsOf(registry.address, registry.values) };
}

export async function readWorkbookSheets(host: ExcelHost, options: ReadOptions = {}): Promise<ReadResult> {
  checkAborted(options.signal);
  const skipped: string[] = [];
  const readMerges = host.isSetSupported('ExcelApi', '1.13');
  if (!readMerges) skipped.push(MERGES_SKIPPED);
  return host.run(async (context) => {
    const session: Session = {
      context, budget: options.maxResponseBytes ?? DEFAULT_RESPONSE_BUDGET, bytesPerCell: BYTES_PER_CELL, syncs: 0, totalRows: 0, readMerges, overrides: options.overrides ?? [], options,
    };
    const { sheets, registry, settings } = await findUsedRanges(session, await listSheets(session));
    session.overrides = options.overrides ?? settings?.settings.mappings ?? [];
    await readBatches(session, sheets, 0);
    return {
      grids: sheets.map((s) => s.grid), syncs: session.syncs, skipped,
      ...(registry ? { registry } : {}), ...(settings ? { settings: settings.settings, settingsProblems: settings.problems } : {}),
    };
  });
}
