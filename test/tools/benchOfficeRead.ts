/**
 * The Office.js reader on the 60,000-member register, on the strict in-memory Excel fake: how many
 * requests carry cells, what they weigh, and how many cells of the used ranges were read at all.
 * `npx tsx test/tools/benchOfficeRead.ts` prints the figures as JSON; bench.ts reports them.
 */
import { performance } from 'perf_hooks';
import type { SheetGrid } from '../../src/ingest/grid';
import { isoToSerial } from '../../src/domain/calendar';
import type { ExcelHost } from '../../src/workbook/office/host';
import { readWorkbookSheets, type ReadResult } from '../../src/workbook/office/readSheets';
import { readXlsxBook } from '../../src/workbook/xlsx/readXlsx';
import { cellCount, parseRange } from '../fakes/a1';
import { defaultFormat, fakeExcel, FakeRange, FakeWorkbook, FakeWorksheet, loadPaths } from '../fakes/excelFake';

/**
 * Grids as readXlsx gives them, as Excel holds them: dates as serials under a date format, the
 * cells of a merged area other than its top-left empty. The cells share one format object, so that
 * a register of 60,000 rows fits in memory.
 */
export function workbookInExcel(grids: readonly SheetGrid[]): FakeWorkbook {
  const workbook = new FakeWorkbook();
  const format = defaultFormat();
  for (const grid of grids) {
    const sheet = workbook.addSheet(grid.name);
    const row0 = grid.origin?.row ?? 0;
    const col0 = grid.origin?.col ?? 0;
    grid.rows.forEach((row, r) => row?.forEach((value, c) => {
      if (value == null || value === '') return;
      const date = value instanceof Date;
      const numberFormat = date ? 'dd/mm/yyyy' : grid.numberFormats?.[r]?.[c] ?? 'General';
      sheet.cells.set(`${r + row0},${c + col0}`, { value: date ? isoToSerial(value.toISOString().slice(0, 10)) : value, formula: '', numberFormat, format });
    }));
    for (const m of grid.merges ?? []) {
      sheet.mergedAreas.push({ row: m.top + row0, col: m.left + col0, rowCount: m.bottom - m.top + 1, colCount: m.right - m.left + 1 });
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) sheet.cells.delete(`${r + row0},${c + col0}`);
    }
  }
  return workbook;
}

export interface RecordedRead {
  /** Each range whose values and number formats were asked for: its sheet, address and the sync it went with (1-based). */
  reads: Array<{ sheet: string; address: string; sync: number }>;
  /** Stops recording; the fake's classes are as they were. */
  stop: () => void;
}

/**
 * Records every range of the fake got by Worksheet.getRange whose cells (values or number formats)
 * are loaded, with the sync that fetches them: what a reader asked Excel for, beyond the bytes the
 * fake counts. Ranges loaded for anything else (merged areas) are not cell reads.
 */
export function recordCellReads(stats: { syncs: number }): RecordedRead {
  const reads: RecordedRead['reads'] = [];
  const addresses = new WeakMap<object, { sheet: string; address: string }>();
  const getRange = FakeWorksheet.prototype.getRange;
  const ownLoad = Object.prototype.hasOwnProperty.call(FakeRange.prototype, 'load');
  const load = FakeRange.prototype.load;
  FakeWorksheet.prototype.getRange = function getRangeRecorded(this: FakeWorksheet, address?: string): FakeRange {
    const range = getRange.call(this, address);
    addresses.set(range, { sheet: this.sheet().name, address: address ?? '' });
    return range;
  };
  FakeRange.prototype.load = function loadRecorded(this: FakeRange, option?: Parameters<FakeRange['load']>[0]) {
    const at = addresses.get(this);
    if (at && loadPaths(option).some((p) => p === 'values' || p === 'numberFormat')) reads.push({ ...at, sync: stats.syncs + 1 });
    return load.call(this, option);
  } as FakeRange['load'];
  return {
    reads,
    stop: () => {
      FakeWorksheet.prototype.getRange = getRange;
      if (ownLoad) FakeRange.prototype.load = load;
      else delete (FakeRange.prototype as { load?: unknown }).load;
    },
  };
}

/** Cells in the rectangles of A1 addresses ("C43:E9000"). */
export function cellsIn(addresses: readonly string[]): number {
  return addresses.reduce((n, address) => n + cellCount(parseRange(address)), 0);
}

export interface OfficeReadFigures {
  /** Syncs that carried cell reads. */
  readRequestsFor60kRegister: number;
  /** Bytes of those syncs' responses (as the fake counts them) per cell read. */
  readBytesPerCell: number;
  /** Every sync of the read: the sheet list and the used ranges too. */
  readSyncs: number;
  maxResponseBytes: number;
  cellsRead: number;
  cellsInUsedRange: number;
  ms: number;
}

export async function benchOfficeRead(): Promise<OfficeReadFigures> {
  // Imported when run: bench.ts, which reports these figures, imports this file.
  const { ensureRegister } = await import('./bench');
  const { grids } = await readXlsxBook((await ensureRegister()).file);
  const fake = fakeExcel(workbookInExcel(grids));
  const host: ExcelHost = { run: fake.Excel.run, isSetSupported: (name, version) => fake.Office.context.requirements.isSetSupported(name, version) };
  const recorded = recordCellReads(fake.stats);
  const t0 = performance.now();
  let result: ReadResult;
  try {
    result = await readWorkbookSheets(host);
  } finally {
    recorded.stop();
  }
  const ms = Math.round(performance.now() - t0);
  const cellSyncs = [...new Set(recorded.reads.map((r) => r.sync))];
  // A response Excel refused never arrived: its cells were asked for again.
  const received = (sync: number) => fake.stats.responses[sync - 1].bytes <= fake.stats.maxResponseBytes;
  const cellsRead = cellsIn(recorded.reads.filter((r) => received(r.sync)).map((r) => r.address));
  const responseBytes = cellSyncs.filter(received).reduce((n, sync) => n + fake.stats.responses[sync - 1].bytes, 0);
  const cellsInUsedRange = result.grids.reduce((n, g) => n + g.rows.length * g.rows.reduce((w, row) => Math.max(w, row.length), 0), 0);
  return {
    readRequestsFor60kRegister: cellSyncs.length,
    readBytesPerCell: Math.round((responseBytes / cellsRead) * 100) / 100,
    readSyncs: result.syncs,
    maxResponseBytes: Math.max(...fake.stats.responses.map((r) => r.bytes)),
    cellsRead,
    cellsInUsedRange,
    ms,
  };
}

if (require.main === module) {
  void benchOfficeRead().then((figures) => console.log(JSON.stringify(figures)));
}
