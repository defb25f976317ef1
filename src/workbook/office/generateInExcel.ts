import { definitionOf, documentOrg, generate } from '../../app/generate';
import type { Issue } from '../../domain/issues';
import type { Period } from '../../domain/period';
import type { ReportBase, ReportParams } from '../../reports/registry';
import { abortError, executePlan } from './executePlan';
import { capabilitiesOf, type ExcelHost } from './host';
import { ingestOpenWorkbook } from './scanInExcel';
import { readSettingsInExcel } from './settings';
import { insertTemplates, readTemplatesInExcel, type InsertTemplatesResult } from './templatesInExcel';

/**
 * The task pane's use cases: read the open workbook, make a report of a registered kind (the use
 * case of src/app/generate.ts), write its sheets through the Office executor; put a kind's built-in
 * templates into the workbook for the user to edit. The pane only shows what these return.
 */

/** A report kind's id (src/reports/index.ts); also its name in the registry sheet and of its templates ("template:reduction"). */
export type ReportKind = string;

/** A kind's parameters, checked, by name (src/reports/<kind>/index.ts): the period, the target, the sample's size and seed, the structure's day… */
export interface ReportValues {
  period?: Period;
  [name: string]: unknown;
}

export interface RunOptions {
  /** The report date; the pane passes the clock's, tests a fixed one. */
  generatedAt: string;
  /** Replace sheets tochuc generated earlier under the same names (the user has agreed). */
  replace?: boolean;
  onProgress?: (step: 'read' | 'compute' | 'write', done: number, total: number) => void;
  signal?: AbortSignal;
}

export type GenerateInExcelParams = RunOptions & ReportValues;

export interface GenerateInExcelResult<R extends ReportBase = ReportBase> {
  report: R;
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

/** The kind's parameters out of the pane's call: everything but the run's own options. */
function reportParams({ replace: _replace, onProgress: _onProgress, signal: _signal, ...values }: GenerateInExcelParams): ReportParams {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as ReportParams;
}

/**
 * Puts a report's built-in templates into the open workbook for the user to edit ("Mẫu TGBC",
 * "Mẫu Chỉ tiêu XDĐ"…); template sheets already there keep the user's edits.
 */
export async function insertTemplatesInExcel(host: ExcelHost, kind: ReportKind): Promise<InsertTemplatesResult> {
  const { settings } = await readSettingsInExcel(host);
  const definition = definitionOf(kind);
  return insertTemplates(host, definition.templates(documentOrg(definition, settings.org)), kind);
}

/**
 * Reads the workbook (in batches), computes the report, and writes its sheets in one executor run
 * (charts included, where this Excel draws them). An edited template sheet of the kind takes the
 * place of the built-in template of its name; the others stay built-in. `signal` cancels the run at
 * its next batch, reading or writing: a cancelled run leaves no sheet of its own behind and rejects
 * with an AbortError.
 */
export async function generateInExcel<R extends ReportBase = ReportBase>(host: ExcelHost, kind: ReportKind, params: GenerateInExcelParams): Promise<GenerateInExcelResult<R>> {
  // An unknown kind fails before the workbook is read.
  definitionOf(kind);
  const { read, settings, book, settingsIssues } = await ingestOpenWorkbook(host, { onProgress: (done, total) => params.onProgress?.('read', done, total), ...(params.signal ? { signal: params.signal } : {}) });
  params.onProgress?.('compute', 0, 1);
  const edited = await readTemplatesInExcel(host, kind, { known: read.registry ?? null });
  const { report, plan, templatesReplaced } = generate(kind, [{ file: '', book }], reportParams(params), {
    ...(settings.org ? { org: settings.org } : {}), editedTemplates: edited.templates, capabilities: capabilitiesOf(host),
  });
  if (!plan) throw new Error('generate: no plan');
  // The template sheet each edited template came from ("Mẫu TGBC"), by the built-in name it replaced.
  const replaced = new Set(templatesReplaced);
  const used = new Map(edited.templates.flatMap((t, i) => (replaced.has(t.name) ? [[t.name, edited.sheets[i]] as const] : [])));
  // A template's problems are at its cells in the template sheet ("Mẫu TGBC"), where a click should go.
  const templateIssues = plan.issues.map((issue) => (used.has(issue.sheet) ? { ...issue, sheet: used.get(issue.sheet) as string } : issue));
  if (params.signal?.aborted) throw abortError();
  // Writing: batches done of all (the count is known once the executor has planned them); a cancel
  // stops before the next batch and takes back what was written.
  params.onProgress?.('write', 0, 0);
  const written = await executePlan(host, plan, {
    ...(params.replace ? { replace: true } : {}), ...(params.signal ? { signal: params.signal } : {}),
    onProgress: (done, total) => params.onProgress?.('write', done, total),
  });
  return {
    report: report as R, issues: [...report.issues, ...templateIssues, ...settingsIssues], sheets: written.sheets,
    skipped: [...read.skipped, ...(used.size ? edited.skipped : []), ...written.skipped], syncs: read.syncs + edited.syncs + written.syncs,
    templateUsed: used.size > 0, templates: [...used.values()],
  };
}
