import type { Issue } from '../../domain/issues';
import { generateReduction } from '../../reports/generate';
import type { Period } from '../../reports/period';
import type { ReductionReport } from '../../reports/reduction';
import { BLANK_ORG } from '../../templates/builtin/common';
import { reductionTemplates } from '../../templates/builtin/reduction';
import type { OrgDetails } from '../../templates/layout';
import type { TemplateSheet } from '../../templates/parse';
import { executePlan, type ExcelHost } from './executePlan';
import { ingestOpenWorkbook } from './scanInExcel';
import { readSettingsInExcel } from './settings';
import { insertTemplates, readTemplatesInExcel, type InsertTemplatesResult } from './templatesInExcel';

/** The registry's name for the reduction report, and for its templates ("template:reduction"). */
export const REDUCTION_REPORT = 'reduction';

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
  /** True when an edited template sheet of the workbook ("Mẫu TGBC") took the built-in one's place. */
  templateUsed: boolean;
  /** The template sheets used, as named in the workbook; empty with the built-in templates. */
  templates: string[];
}

/** The built-in templates for the workbook's organisation (its variant sets the motto, its recipients the "Nơi nhận"). */
function builtinTemplates(org: OrgDetails | undefined): TemplateSheet[] {
  const details = org ?? BLANK_ORG;
  return reductionTemplates(details.variant, details.recipients);
}

/**
 * Issue 5: puts the built-in templates into the open workbook for the user to edit ("Mẫu TGBC",
 * "Mẫu Phụ lục TGBC"); template sheets already there keep the user's edits.
 */
export async function insertReductionTemplatesInExcel(host: ExcelHost): Promise<InsertTemplatesResult> {
  const { settings } = await readSettingsInExcel(host);
  return insertTemplates(host, builtinTemplates(settings.org), REDUCTION_REPORT);
}

export async function generateReductionInExcel(host: ExcelHost, params: GenerateInExcelParams): Promise<GenerateInExcelResult> {
  const { read, settings, book, settingsIssues } = await ingestOpenWorkbook(host, { onProgress: (done, total) => params.onProgress?.('read', done, total), ...(params.signal ? { signal: params.signal } : {}) });
  params.onProgress?.('compute', 0, 1);
  // An edited template sheet takes the place of the built-in template of its name; the others stay built-in.
  const edited = await readTemplatesInExcel(host, REDUCTION_REPORT, { known: read.registry ?? null });
  const editedByName = new Map(edited.templates.map((template, i) => [template.name, { template, sheet: edited.sheets[i] }]));
  const builtin = builtinTemplates(settings.org);
  const templates = builtin.map((t) => editedByName.get(t.name)?.template ?? t);
  const used = new Map(builtin.filter((t) => editedByName.has(t.name)).map((t) => [t.name, editedByName.get(t.name)?.sheet as string]));
  const { report, plan } = generateReduction(book, { period: params.period, generatedAt: params.generatedAt, ...(params.target !== undefined ? { target: params.target } : {}) }, { ...(settings.org ? { org: settings.org } : {}), templates });
  // A template's problems are at its cells in the template sheet ("Mẫu TGBC"), where a click should go.
  const templateIssues = plan.issues.map((issue) => (used.has(issue.sheet) ? { ...issue, sheet: used.get(issue.sheet) as string } : issue));
  if (params.signal?.aborted) throw Object.assign(new Error('Đã hủy.'), { name: 'AbortError' });
  params.onProgress?.('write', 0, plan.sheets.length);
  const written = await executePlan(host, plan, { ...(params.replace ? { replace: true } : {}) });
  params.onProgress?.('write', plan.sheets.length, plan.sheets.length);
  return {
    report, issues: [...report.issues, ...templateIssues, ...settingsIssues], sheets: written.sheets,
    skipped: [...read.skipped, ...(used.size ? edited.skipped : []), ...written.skipped], syncs: read.syncs + edited.syncs + written.syncs,
    templateUsed: used.size > 0, templates: [...used.values()],
  };
}
