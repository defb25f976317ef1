import type { Issue } from '../../domain/issues';
import { ingestWorkbook } from '../../ingest/ingestWorkbook';
import type { SheetResult } from '../../ingest/ingestSheet';
import type { WorkbookSettings } from '../settings';
import type { ExcelHost } from './executePlan';
import { readWorkbookSheets } from './readSheets';
import { readSettingsInExcel } from './settings';

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

export async function scanWorkbook(host: ExcelHost, options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<Scan> {
  const read = await readWorkbookSheets(host, options);
  const { settings, problems } = await readSettingsInExcel(host);
  const book = ingestWorkbook(read.grids, { overrides: settings.mappings ?? [] });
  const sheets = book.sheets.map(({ records, ...rest }) => ({ ...rest, recordCount: records.length }));
  const settingsIssues: Issue[] = problems.map((message) => ({ sheet: 'tochuc', cell: 'F1', severity: 'warning', code: 'settings.unreadable', message }));
  return { sheets, issues: [...book.issues, ...settingsIssues], settings, skipped: read.skipped };
}
