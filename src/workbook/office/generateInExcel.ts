import type { Issue } from '../../domain/issues';
import { generateMerger, generatePartyQuarterly, generateReduction, type Generated, type GenerateOptions } from '../../app/generate';
import type { MergerReport } from '../../reports/merger/figures';
import type { PartyQuarterlyReport } from '../../reports/partyQuarterly/figures';
import type { Period } from '../../domain/period';
import type { ReductionReport } from '../../reports/reduction/figures';
import { BLANK_ORG } from '../../templates/document';
import { mergerTemplates } from '../../reports/merger/template';
import { partyQuarterlyTemplates } from '../../reports/partyQuarterly/template';
import { reductionTemplates } from '../../reports/reduction/template';
import type { OrgDetails } from '../../templates/layout';
import type { TemplateSheet } from '../../templates/parse';
import type { WorkbookIngest } from '../../ingest/ingestWorkbook';
import { abortError, canDrawCharts, canDrawShapes, executePlan, type ExcelHost } from './executePlan';
import { ingestOpenWorkbook } from './scanInExcel';
import { readSettingsInExcel } from './settings';
import { insertTemplates, readTemplatesInExcel, type InsertTemplatesResult } from './templatesInExcel';

/**
 * The task pane's use cases: read the open workbook, compute a report, write its sheets through the
 * Office executor; put a report's built-in templates into the workbook for the user to edit. The
 * pane only shows what these return (DESIGN.md, principle 1).
 */

/** The reports the pane can make; also their names in the registry and of their templates ("template:reduction"). */
export type ReportKind = 'reduction' | 'partyQuarterly' | 'merger';

export interface GenerateInExcelParams {
  period: Period;
  /** The report date; the pane passes the clock's, tests a fixed one. */
  generatedAt: string;
  /** reduction: the reduction target, a rate (0.1 = 10 %). */
  target?: number;
  /** partyQuarterly: tasks drawn for the spot check (10 by default). */
  sampleSize?: number;
  /** partyQuarterly: seed of the draw; by default derived from the period's end (20210630). */
  seed?: number;
  /** merger: the day the structure is read (ISO); by default the plan's latest effective date. The period is not used. */
  date?: string;
  /** Replace sheets tochuc generated earlier under the same names (the user has agreed). */
  replace?: boolean;
  onProgress?: (step: 'read' | 'compute' | 'write', done: number, total: number) => void;
  signal?: AbortSignal;
}

export type ReductionInExcelParams = Omit<GenerateInExcelParams, 'sampleSize' | 'seed' | 'date'>;
export type PartyQuarterlyInExcelParams = Omit<GenerateInExcelParams, 'target' | 'date'>;
export type MergerInExcelParams = Omit<GenerateInExcelParams, 'target' | 'sampleSize' | 'seed'>;

export type ExcelReport = ReductionReport | PartyQuarterlyReport | MergerReport;

export interface GenerateInExcelResult<R extends ExcelReport = ExcelReport> {
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

/** What differs between the kinds: the built-in templates for the workbook's organisation (its variant sets the motto, its recipients the "Nơi nhận") and the figures. */
interface KindSpec {
  templates: (org: OrgDetails) => TemplateSheet[];
  /** Whether this Excel can draw what the report draws beside its tables (charts: ExcelApi 1.1; the organisation chart's shapes: 1.9). */
  canDraw: (host: ExcelHost) => boolean;
  generate: (book: WorkbookIngest, params: GenerateInExcelParams, options: GenerateOptions) => Generated<ExcelReport>;
}

const KINDS: Record<ReportKind, KindSpec> = {
  reduction: {
    templates: (org) => reductionTemplates(org.variant, org.recipients),
    canDraw: canDrawCharts,
    generate: (book, p, options) => generateReduction(book, { period: p.period, generatedAt: p.generatedAt, ...(p.target !== undefined ? { target: p.target } : {}) }, options),
  },
  partyQuarterly: {
    templates: (org) => partyQuarterlyTemplates(org.variant, org.recipients),
    canDraw: canDrawCharts,
    generate: (book, p, options) => generatePartyQuarterly(book, {
      period: p.period, generatedAt: p.generatedAt, ...(p.sampleSize !== undefined ? { sampleSize: p.sampleSize } : {}), ...(p.seed !== undefined ? { seed: p.seed } : {}),
    }, options),
  },
  merger: {
    templates: (org) => mergerTemplates(org.variant, org.recipients),
    canDraw: canDrawShapes,
    generate: (book, p, options) => generateMerger(book, { generatedAt: p.generatedAt, ...(p.date !== undefined ? { date: p.date } : {}) }, options),
  },
};

/** The list a template row repeats into ("{{#each admission.quarters}}…" → "admission.quarters"). */
function eachListOf(cells: TemplateSheet['cells'][number] | undefined): string | undefined {
  for (const cell of cells ?? []) {
    const match = typeof cell?.value === 'string' ? /\{\{#each\s+([^}\s]+)\s*\}\}/.exec(cell.value) : null;
    if (match) return match[1];
  }
  return undefined;
}

/**
 * A template read back from the workbook has no charts (Excel's charts are not template cells):
 * the built-in template's charts go with it, over the edited template's rows of the same list,
 * moved by as many rows as the user moved that list. A chart whose list the user took out is left out.
 */
function withBuiltinCharts(edited: TemplateSheet, builtin: TemplateSheet): TemplateSheet {
  if (!builtin.charts?.length || edited.charts?.length) return edited;
  const charts = builtin.charts.flatMap((chart) => {
    const list = eachListOf(builtin.cells[chart.dataRow]);
    const moved = list === undefined ? -1 : edited.cells.findIndex((cells) => eachListOf(cells) === list);
    if (moved < 0) return [];
    const shift = moved - chart.dataRow;
    return [{ ...chart, dataRow: moved, anchorRow: Math.max(0, chart.anchorRow + shift) }];
  });
  return charts.length ? { ...edited, charts } : edited;
}

/**
 * Issue 5: puts a report's built-in templates into the open workbook for the user to edit ("Mẫu TGBC",
 * "Mẫu Chỉ tiêu XDĐ"…); template sheets already there keep the user's edits.
 */
export async function insertTemplatesInExcel(host: ExcelHost, kind: ReportKind): Promise<InsertTemplatesResult> {
  const { settings } = await readSettingsInExcel(host);
  return insertTemplates(host, KINDS[kind].templates(settings.org ?? BLANK_ORG), kind);
}

/**
 * Reads the workbook (in batches), computes the report, and writes its sheets in one executor run
 * (charts included, where this Excel draws them). An edited template sheet of the kind takes the
 * place of the built-in template of its name; the others stay built-in. `signal` cancels the run at
 * its next batch, reading or writing: a cancelled run leaves no sheet of its own behind and rejects
 * with an AbortError.
 */
export function generateInExcel(host: ExcelHost, kind: 'reduction', params: ReductionInExcelParams): Promise<GenerateInExcelResult<ReductionReport>>;
export function generateInExcel(host: ExcelHost, kind: 'partyQuarterly', params: PartyQuarterlyInExcelParams): Promise<GenerateInExcelResult<PartyQuarterlyReport>>;
export function generateInExcel(host: ExcelHost, kind: 'merger', params: MergerInExcelParams): Promise<GenerateInExcelResult<MergerReport>>;
export function generateInExcel(host: ExcelHost, kind: ReportKind, params: GenerateInExcelParams): Promise<GenerateInExcelResult>;
export async function generateInExcel(host: ExcelHost, kind: ReportKind, params: GenerateInExcelParams): Promise<GenerateInExcelResult> {
  const spec = KINDS[kind];
  const { read, settings, book, settingsIssues } = await ingestOpenWorkbook(host, { onProgress: (done, total) => params.onProgress?.('read', done, total), ...(params.signal ? { signal: params.signal } : {}) });
  params.onProgress?.('compute', 0, 1);
  const edited = await readTemplatesInExcel(host, kind, { known: read.registry ?? null });
  const editedByName = new Map(edited.templates.map((template, i) => [template.name, { template, sheet: edited.sheets[i] }]));
  const builtin = spec.templates(settings.org ?? BLANK_ORG);
  const templates = builtin.map((t) => {
    const found = editedByName.get(t.name);
    return found ? withBuiltinCharts(found.template, t) : t;
  });
  const used = new Map(builtin.filter((t) => editedByName.has(t.name)).map((t) => [t.name, editedByName.get(t.name)?.sheet as string]));
  const { report, plan } = spec.generate(book, params, { ...(settings.org ? { org: settings.org } : {}), templates, charts: spec.canDraw(host) });
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
    report, issues: [...report.issues, ...templateIssues, ...settingsIssues], sheets: written.sheets,
    skipped: [...read.skipped, ...(used.size ? edited.skipped : []), ...written.skipped], syncs: read.syncs + edited.syncs + written.syncs,
    templateUsed: used.size > 0, templates: [...used.values()],
  };
}
