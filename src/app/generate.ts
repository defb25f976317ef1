import type { Issue } from '../domain/issues';
import { withEditedTemplates } from './editedTemplates';
import { consolidateBooks, consolidation, type Consolidation, type InputBook } from '../reports/consolidate';
import { consolidationFigures, consolidationTemplate } from '../reports/consolidationSheet';
import { reports } from '../reports';
import type { Capabilities, ReportBase, ReportDefinition, ReportParams } from '../reports/registry';
import { BLANK_ORG, type DocumentContext } from '../templates/document';
import { issuesTemplate } from '../templates/issuesSheet';
import type { OrgDetails } from '../templates/layout';
import type { TemplateSheet } from '../templates/parse';
import type { FillPlan } from '../templates/plan';
import { planSheet } from '../templates/planner';

/**
 * The use case the CLI and the task pane share: the report of a kind from one workbook or several
 * (one per district, consolidated), then its templates (built-in, or the user's edited sheets)
 * filled into a plan of sheets, with a sheet listing the data's issues when there are any and, for
 * several workbooks, each one's subtotals. Pure: the workbook adapters read and execute the plan.
 */
export interface GenerateOptions {
  /** From the workbook's settings; without them the header and signature are dotted blanks. */
  org?: OrgDetails;
  /** Input file names, for the data-source note. */
  files?: string[];
  /** A whole set of templates in the place of the built-in ones: the sheets of a template workbook (the CLI's --template). */
  templates?: TemplateSheet[];
  /** The user's edited template sheets, each in the place of the built-in one of its name (the workbook's "Mẫu …" sheets). */
  editedTemplates?: TemplateSheet[];
  /** What the executor draws: the Office executor what its Excel supports, the .xlsx writer charts and shapes both. */
  capabilities?: Capabilities;
  /** false: the figures only (a run that prints them lays out no sheets). */
  plan?: boolean;
}

export interface Generated {
  report: ReportBase;
  /** Several workbooks: each one's subtotals and the people found in two of them. */
  consolidation?: Consolidation;
  plan?: FillPlan;
  /** The built-in templates an edited sheet took the place of, by name (`editedTemplates`). */
  templatesReplaced: string[];
  /** The data's issues, then the plan's (the template's, and a missing organisation). */
  issues: Issue[];
}

/** The definition of a kind, or a clear error naming the kinds there are. */
export function definitionOf(kind: string): ReportDefinition {
  const definition = reports.get(kind);
  if (!definition) throw new Error(`Loại báo cáo không rõ "${kind}": có ${reports.ids().map((id) => `"${id}"`).join(', ')}.`);
  return definition;
}

export function generate(kind: string, books: readonly InputBook[], params: ReportParams, options: GenerateOptions = {}): Generated {
  const definition = definitionOf(kind);
  const consolidated = consolidateBooks(books);
  const report = definition.compute(consolidated.book, params);
  // Each district's own report gives its subtotals.
  const perInput = books.length > 1 ? consolidation(definition, books.map((b) => ({ file: b.file, report: definition.compute(b.book, params) })), consolidated.duplicates) : undefined;
  const planned = options.plan === false ? undefined : planReport(definition, report, { ...options, ...(perInput ? { consolidation: perInput } : {}) });
  const plan = planned?.plan;
  return { report, ...(perInput ? { consolidation: perInput } : {}), ...(plan ? { plan } : {}), templatesReplaced: planned?.templatesReplaced ?? [], issues: [...report.issues, ...(plan?.issues ?? [])] };
}

/** The organisation a document is written for: the workbook's, or dotted blanks under the heading of the kind's own system. */
export function documentOrg(definition: Pick<ReportDefinition, 'variant'>, org: OrgDetails | undefined): OrgDetails {
  return org ?? { ...BLANK_ORG, variant: definition.variant };
}

/** "TGBC" + period → "TGBC 2015-2019", within Excel's 31 characters. */
export function outputSheetName(templateName: string, label: string): string {
  const suffix = ` ${label}`;
  return templateName.slice(0, 31 - suffix.length).trimEnd() + suffix;
}

function orgNote(org: OrgDetails | undefined): Issue[] {
  if (org) return [];
  return [{ sheet: 'tochuc', cell: 'F1', severity: 'info', code: 'settings.noOrg', message: 'Sổ chưa có thông tin cơ quan ban hành: phần đầu và chữ ký của báo cáo để trống (……) để điền tay.', hint: 'Nhập tên cơ quan, số văn bản và người ký trong ngăn tác vụ tochuc (Thiết lập), rồi lập lại báo cáo.' }];
}

/** The sheets of a report already computed: its templates (the edited ones in the place of the built-in ones of their names), the consolidation's, the issues'. */
function planReport<R extends ReportBase>(definition: ReportDefinition<R>, report: R, options: GenerateOptions & { consolidation?: Consolidation }): { plan: FillPlan; templatesReplaced: string[] } {
  const label = definition.sheetLabel(report);
  // The issues sheet's name, when the data have issues ("Vấn đề TGBC 2015-2019").
  const issuesSheet = report.issues.length ? outputSheetName(`Vấn đề ${definition.issuesSheetShort}`, label) : undefined;
  const context: DocumentContext = { org: documentOrg(definition, options.org), files: options.files ?? [], ...(issuesSheet ? { issuesSheet } : {}) };
  const { templates, replaced } = options.templates ? { templates: options.templates, replaced: [] } : withEditedTemplates(definition.templates(context.org), options.editedTemplates ?? []);
  const reportFigures = definition.figures(report, context);
  const figures = options.consolidation ? { ...reportFigures, consolidation: consolidationFigures(options.consolidation) } : reportFigures;
  const all = [...templates, ...(options.consolidation ? [consolidationTemplate(options.consolidation.columns)] : []), ...(issuesSheet ? [issuesTemplate(issuesSheet)] : [])];
  const plan: FillPlan = { sheets: [], issues: [] };
  const drawing = options.capabilities?.[definition.drawing] ? definition.orgChart?.(report, context) : undefined;
  for (const template of all) {
    const name = template.name === issuesSheet ? issuesSheet : outputSheetName(template.name, label);
    const orgChart = drawing && template.name === drawing.sheet ? { orgChart: drawing.chart } : {};
    const { sheet, issues } = planSheet(template, figures, { sheetName: name, marker: { report: definition.id, period: label, generatedAt: report.generatedAt }, ...orgChart });
    plan.sheets.push(sheet);
    plan.issues.push(...issues);
  }
  plan.issues.push(...orgNote(options.org));
  return { plan, templatesReplaced: replaced };
}
