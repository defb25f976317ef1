import type { SheetKind } from '../../domain/records';
import type { Issue } from '../../domain/issues';
import { ingestWorkbook } from '../../ingest/ingestWorkbook';
import type { SheetResult } from '../../ingest/ingestSheet';
import type { WorkbookSettings } from '../hiddenSheet';
import type { ExcelHost } from './host';
import { readWorkbookSheets, type ReadOptions } from './readSheets';

/**
 * What the pane shows on open: every sheet with its kind, mapped columns, record count and issues,
 * read with the column choices saved in the workbook. Records are dropped: the pane needs counts.
 */
export interface SheetSummary extends Omit<SheetResult, 'records'> {
  recordCount: number;
}

export interface Scan {
  sheets: SheetSummary[];
  issues: Issue[];
  settings: WorkbookSettings;
  /** What this Excel could not read, in Vietnamese. */
  skipped: string[];
}

/**
 * The open workbook read and ingested with the column choices saved in it: what the scan shows and
 * what a report is computed from. Settings that cannot be read are warnings at the settings block.
 * The reader finds the settings with the used ranges, before any cell is read, so that a column the
 * user chose is read too; they cost no sync of their own.
 */
export async function ingestOpenWorkbook(host: ExcelHost, options: ReadOptions = {}) {
  const read = await readWorkbookSheets(host, options);
  const settings: WorkbookSettings = read.settings ?? {};
  const problems = read.settingsProblems ?? [];
  const book = ingestWorkbook(read.grids, { overrides: options.overrides ?? settings.mappings ?? [] });
  const settingsIssues: Issue[] = problems.map((message) => ({ sheet: 'tochuc', cell: 'F1', severity: 'warning', code: 'settings.unreadable', message }));
  return { read, settings, book, settingsIssues };
}

export async function scanWorkbook(host: ExcelHost, options: ReadOptions = {}): Promise<Scan> {
  const { read, settings, book, settingsIssues } = await ingestOpenWorkbook(host, options);
  const sheets = book.sheets.map(({ records, ...rest }) => ({ ...rest, recordCount: records.length }));
  return { sheets, issues: [...book.issues, ...settingsIssues], settings, skipped: read.skipped };
}

/** A sheet with data: recognised, or with rows tochuc looked at. */
export const hasData = (scan: Scan) => scan.sheets.some((s) => s.kind || s.rowsRead > 0);
/** Whether the workbook has a sheet of each of these kinds (what a report needs: its `needs`). */
export const hasSheets = (scan: Scan, kinds: readonly SheetKind[]) => kinds.every((kind) => scan.sheets.some((s) => s.kind === kind));
