import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import { parseA1Range } from '../../domain/a1';
import type { MergeRange, SheetGrid } from '../../ingest/grid';
import type { CellValue } from '../../ingest/values';
import type { WorkbookSource } from '../port';
import { generatedSheetNames, settingsFromCells, SETTINGS_COLUMN, type WorkbookSettings } from '../settings';
import { REGISTRY_SHEET } from './writePlan';

/** The sheets as plain values, and the settings kept in tochuc's hidden sheet. */
export interface XlsxBook {
  grids: SheetGrid[];
  settings: WorkbookSettings;
  /** Settings that could not be read, in Vietnamese. */
  settingsProblems: string[];
}

// The registry row: the generated sheet's name (A), and the settings' key and value (F:G).
const registryCells = (row: ExcelJS.Row): unknown[] => [plainValue(row.getCell(1).value), plainValue(row.getCell(SETTINGS_COLUMN + 1).value), plainValue(row.getCell(SETTINGS_COLUMN + 2).value)];

/** Above this size the file is streamed: exceljs' in-memory model costs ~30× the file size. */
export const STREAM_THRESHOLD_BYTES = 4 * 1024 * 1024;

export class UnreadableWorkbookError extends Error {}

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

function rowValues(row: ExcelJS.Row): CellValue[] {
  const out: CellValue[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    out[col - 1] = plainValue(cell.value);
  });
  // eachCell leaves holes; ingest reads undefined as blank.
  return out;
}

/** The whole workbook in memory: gives merged areas too. */
async function readInMemory(path: string): Promise<XlsxBook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const grids: SheetGrid[] = [];
  const registryRows: unknown[][] = [];
  wb.eachSheet((ws) => {
    // tochuc's own hidden sheet (generated sheets, settings) is no data to read.
    if (ws.name === REGISTRY_SHEET) ws.eachRow((row) => void registryRows.push(registryCells(row)));
    if (ws.state === 'veryHidden' || ws.name === REGISTRY_SHEET) return;
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      rows[n - 1] = rowValues(row);
    });
    const mergeList = (ws.model as { merges?: string[] }).merges ?? [];
    const merges = mergeList.map((m) => parseA1Range(m)).filter((m): m is MergeRange => m !== undefined);
    grids.push({ name: ws.name, rows, merges, file: path });
  });
  return book(grids, registryRows);
}

/** The reports tochuc wrote into the workbook are left out: they are no data to read. */
function book(grids: SheetGrid[], registryRows: unknown[][]): XlsxBook {
  const { settings, problems } = settingsFromCells(registryRows.map((r) => r.slice(1)));
  const generated = new Set(generatedSheetNames(registryRows));
  return { grids: grids.filter((g) => !generated.has(g.name)), settings, settingsProblems: problems };
}

/** Row by row, for large files: no merged areas (header detection copes without them). */
async function readStreaming(path: string): Promise<XlsxBook> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  const grids: SheetGrid[] = [];
  const registryRows: unknown[][] = [];
  for await (const ws of reader) {
    const sheet = ws as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
    const rows: CellValue[][] = [];
    if (sheet.name === REGISTRY_SHEET) {
      for await (const row of sheet) registryRows.push(registryCells(row));
      continue;
    }
    for await (const row of sheet) rows[row.number - 1] = rowValues(row);
    grids.push({ name: sheet.name, rows, file: path });
  }
  return book(grids, registryRows);
}

/**
 * exceljs' streaming reader needs xl/workbook.xml before the sheets in the zip; Excel writes it
 * there, but exceljs itself writes it last. Such a file is read whole rather than not at all.
 */
async function readStreamingOrWhole(path: string): Promise<XlsxBook> {
  try {
    return await readStreaming(path);
  } catch (e) {
    if (e instanceof TypeError && /reading 'sheets'/.test(e.message)) return readInMemory(path);
    throw e;
  }
}

export async function readXlsx(path: string, options: { stream?: boolean } = {}): Promise<SheetGrid[]> {
  return (await readXlsxBook(path, options)).grids;
}

export async function readXlsxBook(path: string, options: { stream?: boolean } = {}): Promise<XlsxBook> {
  let size: number;
  try {
    size = (await fs.stat(path)).size;
  } catch {
    throw new UnreadableWorkbookError(`Không mở được tệp "${path}": tệp không tồn tại hoặc không đọc được.`);
  }
  const stream = options.stream ?? size > STREAM_THRESHOLD_BYTES;
  try {
    return stream ? await readStreamingOrWhole(path) : await readInMemory(path);
  } catch (e) {
    throw new UnreadableWorkbookError(`Không đọc được "${path}" như một tệp Excel .xlsx (${(e as Error).message.split('\n')[0]}). Tệp có thể bị hỏng, có mật khẩu, hoặc là định dạng .xls cũ: hãy lưu lại dưới dạng .xlsx.`);
  }
}

export function xlsxSource(path: string, options: { stream?: boolean } = {}): WorkbookSource {
  return { label: path, readSheets: () => readXlsx(path, options) };
}
