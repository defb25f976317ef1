import type { Issue } from '../domain/issues';
import type { WorkbookIngest } from '../ingest/ingestWorkbook';
import { BLANK_ORG, type DocumentContext } from '../templates/document';
import { consolidationFigures, consolidationTemplate } from '../reports/consolidationSheet';
import { issuesTemplate } from '../templates/issuesSheet';
import { mergerFigures, mergerTemplates, orgChartOf, ORG_CHART_SHEET } from '../reports/merger/template';
import { partyQuarterlyFigures, partyQuarterlyTemplates } from '../reports/partyQuarterly/template';
import { reductionFigures, reductionTemplates } from '../reports/reduction/template';
import type { OrgDetails } from '../templates/layout';
import type { TemplateSheet } from '../templates/parse';
import type { FillPlan } from '../templates/plan';
import { planSheet } from '../templates/planner';
import type { Consolidation } from '../reports/consolidate';
import { dayLabel, periodLabel } from '../domain/period';
import { mergerReport, type MergerParams, type MergerReport } from '../reports/merger/figures';
import { partyQuarterlyReport, type PartyQuarterlyParams, type PartyQuarterlyReport } from '../reports/partyQuarterly/figures';
import { reductionReport, type ReductionParams, type ReductionReport } from '../reports/reduction/figures';

/**
 * The use case both ends share (CLI and task pane): figures from the ingested workbook, then the
 * templates (built-in, or the user's edited copy) filled into a plan of sheets, plus a sheet
 * listing the data's issues when there are any. Pure: the workbook adapters execute the plan.
 */
export interface GenerateOptions {
  /** From the workbook's settings; without them the header and signature are dotted blanks. */
  org?: OrgDetails;
  /** Input file names, for the data-source note. */
  files?: string[];
  /** The user's template sheets; the built-in ones otherwise. */
  templates?: TemplateSheet[];
  /** The Office executor draws charts; the .xlsx writer does not, and the report says so. */
  charts?: boolean;
  /** Several input workbooks: each one's subtotals and the people found in two of them, on a sheet of their own. */
  consolidation?: Consolidation;
}

export interface Generated<R> {
  report: R;
  plan: FillPlan;
}

/** "TGBC" + period → "TGBC 2015-2019", within Excel's 31 characters. */
export function outputSheetName(templateName: string, label: string): string {
  const suffix = ` ${label}`;
  return templateName.slice(0, 31 - suffix.length).trimEnd() + suffix;
}

function planAll(kind: string, templates: readonly TemplateSheet[], reportFigures: Record<string, unknown>, label: string, generatedAt: string, issuesSheet: string | undefined, consolidation?: Consolidation): FillPlan {
  const plan: FillPlan = { sheets: [], issues: [] };
  const all = [...templates, ...(consolidation ? [consolidationTemplate(consolidation.columns)] : []), ...(issuesSheet ? [issuesTemplate(issuesSheet)] : [])];
  const figures = consolidation ? { ...reportFigures, consolidation: consolidationFigures(consolidation) } : reportFigures;
  for (const template of all) {
    const name = template.name === issuesSheet ? issuesSheet : outputSheetName(template.name, label);
    const { sheet, issues } = planSheet(template, figures, { sheetName: name, marker: { report: kind, period: label, generatedAt } });
    plan.sheets.push(sheet);
    plan.issues.push(...issues);
  }
  return plan;
}

function orgNote(org: OrgDetails | undefined): Issue[] {
  if (org) return [];
  return [{ sheet: 'tochuc', cell: 'F1', severity: 'info', code: 'settings.noOrg', message: 'Sổ chưa có thông tin cơ quan ban hành: phần đầu và chữ ký của báo cáo để trống (……) để điền tay.', hint: 'Nhập tên cơ quan, số văn bản và người ký trong ngăn tác vụ tochuc (Thiết lập), rồi lập lại báo cáo.' }];
}

/** The issues sheet's name for a report, when the data have issues ("Vấn đề TGBC 2015-2019"). */
function issuesSheetName(short: string, label: string, issues: readonly Issue[]): string | undefined {
  return issues.length ? outputSheetName(`Vấn đề ${short}`, label) : undefined;
}

function documentContext(options: GenerateOptions, issuesSheet: string | undefined): DocumentContext {
  return { org: options.org ?? BLANK_ORG, files: options.files ?? [], ...(issuesSheet ? { issuesSheet } : {}) };
}

/** The sheets of a reduction report already computed: a run that only prints the figures skips this. */
export function planReduction(report: ReductionReport, options: GenerateOptions = {}): FillPlan {
  const label = periodLabel(report.period);
  const issuesSheet = issuesSheetName('TGBC', label, report.issues);
  const context = documentContext(options, issuesSheet);
  const templates = options.templates ?? reductionTemplates(context.org.variant, context.org.recipients);
  const plan = planAll('reduction', templates, reductionFigures(report, context), label, report.generatedAt, issuesSheet, options.consolidation);
  plan.issues.push(...orgNote(options.org));
  return plan;
}

export function planPartyQuarterly(report: PartyQuarterlyReport, options: GenerateOptions = {}): FillPlan {
  const label = periodLabel(report.period);
  const issuesSheet = issuesSheetName('XDĐ', label, report.issues);
  const context = documentContext(options, issuesSheet);
  const templates = options.templates ?? partyQuarterlyTemplates(context.org.variant, context.org.recipients);
  const plan = planAll('partyQuarterly', templates, partyQuarterlyFigures(report, context, { charts: options.charts ?? false }), label, report.generatedAt, issuesSheet, options.consolidation);
  plan.issues.push(...orgNote(options.org));
  return plan;
}

export function generateReduction(book: WorkbookIngest, params: ReductionParams, options: GenerateOptions = {}): Generated<ReductionReport> {
  const report = reductionReport(book, params);
  return { report, plan: planReduction(report, options) };
}

export function generatePartyQuarterly(book: WorkbookIngest, params: PartyQuarterlyParams, options: GenerateOptions = {}): Generated<PartyQuarterlyReport> {
  const report = partyQuarterlyReport(book, params);
  return { report, plan: planPartyQuarterly(report, options) };
}

export function planMerger(report: MergerReport, options: GenerateOptions = {}): FillPlan {
  // The structure's day names the merger report's sheets.
  const label = dayLabel(report.date);
  const issuesSheet = issuesSheetName('Sắp xếp', label, report.issues);
  const context = documentContext(options, issuesSheet);
  const templates = options.templates ?? mergerTemplates(context.org.variant, context.org.recipients);
  const chart = orgChartOf(report, context.org.name ?? context.org.issuingBody);
  const plan = planAll('merger', templates, mergerFigures(report, context, { shapes: options.charts ?? false, chart }), label, report.generatedAt, issuesSheet, options.consolidation);
  // The chart's boxes go with the chart sheet (the built-in one, or an edited copy of it).
  const chartSheet = plan.sheets.find((s) => s.name === outputSheetName(ORG_CHART_SHEET, label));
  if (chartSheet && options.charts) chartSheet.orgChart = chart;
  plan.issues.push(...orgNote(options.org));
  return plan;
}

export function generateMerger(book: WorkbookIngest, params: MergerParams, options: GenerateOptions = {}): Generated<MergerReport> {
  const report = mergerReport(book, params);
  return { report, plan: planMerger(report, options) };
}

