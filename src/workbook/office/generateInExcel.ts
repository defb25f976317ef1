import type { Issue } from '../../domain/issues';
import { ingestWorkbook } from '../../ingest/ingestWorkbook';
import { generateReduction } from '../../reports/generate';
import type { Period } from '../../reports/period';
import type { ReductionReport } from '../../reports/reduction';
import { executePlan, type ExcelHost } from './executePlan';
import { readWorkbookSheets } from './readSheets';
import { readSettingsInExcel } from './settings';

/**
 * The task pane's use case: read the open workbook, compute the reduction report, write its sheets
 * through the Office executor. The pane only shows what this returns (DESIGN.md, principle 1).
 */
export interface GenerateInExcelParams {
  period: Period;
  /** The report date; the pane passes the clock's, tests a fixed one. */
  generatedAt: string;
  target?: number;
  /** Replace sheets tochuc generated earlier under the same names (the user has agreed). */
  replace?: boolean;
  onProgress?: (step: 'read' | 'compute' | 'write', done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface GenerateInExcelResult {
  report: ReductionReport;
  /** Data issues, then the template's. */
  issues: Issue[];
  sheets: string[];
  /** What this Excel could not do, in Vietnamese, for the pane to say. */
  skipped: string[];
  /** Syncs of reading and writing the sheets; reading the settings takes one to three more. */
  syncs: number;
}

export async function generateReductionInExcel(host: ExcelHost, params: GenerateInExcelParams): Promise<GenerateInExcelResult> {
  const read = await readWorkbookSheets(host, { onProgress: (done, total) => params.onProgress?.('read', done, total), ...(params.signal ? { signal: params.signal } : {}) });
  const { settings, problems } = await readSettingsInExcel(host);
  params.onProgress?.('compute', 0, 1);
  const book = ingestWorkbook(read.grids, { overrides: settings.mappings ?? [] });
  const { report, plan } = generateReduction(book, { period: params.period, generatedAt: params.generatedAt, ...(params.target !== undefined ? { target: params.target } : {}) }, settings.org ? { org: settings.org } : {});
  if (params.signal?.aborted) throw Object.assign(new Error('Đã hủy.'), { name: 'AbortError' });
  params.onProgress?.('write', 0, plan.sheets.length);
  const written = await executePlan(host, plan, { ...(params.replace ? { replace: true } : {}) });
  params.onProgress?.('write', plan.sheets.length, plan.sheets.length);
  const settingsIssues: Issue[] = problems.map((message) => ({ sheet: 'tochuc', cell: 'F1', severity: 'warning', code: 'settings.unreadable', message }));
  return {
    report, issues: [...report.issues, ...plan.issues, ...settingsIssues], sheets: written.sheets,
    skipped: [...read.skipped, ...written.skipped], syncs: read.syncs + written.syncs,
  };
}
