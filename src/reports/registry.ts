import type { Issue } from '../domain/issues';
import type { Period } from '../domain/period';
import type { SheetKind } from '../domain/records';
import type { WorkbookIngest } from '../ingest/ingestWorkbook';
import type { DocumentContext } from '../templates/document';
import type { OrgDetails } from '../templates/layout';
import type { TemplateSheet } from '../templates/parse';
import type { OrgChartPlan } from '../templates/plan';

/**
 * A report kind, whole: what it asks for, what it needs in the workbook, how it computes its figures,
 * its built-in templates, and how the CLI and the task pane speak of it. The CLI, the task pane, the
 * Office path and consolidation loop over the registered definitions (src/reports/index.ts); each
 * kind's folder (src/reports/<kind>/) is the only place that knows its figures.
 */

export type Language = 'vi' | 'en';
/** A text in the pane's two languages. */
export type Text = Readonly<Record<Language, string>>;

/** What every report carries, whatever its kind. */
export interface ReportBase {
  kind: string;
  generatedAt: string;
  issues: Issue[];
}

/**
 * One parameter: its key in the values (and in the Office path's parameters), its option on the
 * command line (`--cli`), its field in the pane. Checked by its type: the CLI and the pane say what
 * is wrong in their own words (src/cli/reportArgs.ts, src/taskpane/ParamFields.tsx).
 */
export type ParamSpec =
  /** The reporting period: --period 2021-Q2, or --from and --to; the pane's period picker. Required. */
  | { type: 'period'; name: 'period' }
  /** A day (ISO), optional: --date; a date field. */
  | { type: 'day'; name: string; cli: string; label: Text; hint: Text }
  /** A rate, optional: --target 0.10 or 10%; a percent field in the pane ("10" = 10 %). */
  | { type: 'rate'; name: string; cli: string; label: Text; hint: Text; invalid: Text }
  /** A whole number within [min, max], optional; `initial` fills the pane's field at first. */
  | { type: 'whole'; name: string; cli: string; min: number; max: number; initial?: number; label: Text; hint: Text; invalid: Text };

/** The checked values of a report's parameters, by name (a period, a day's ISO text, a number), and the report's date. */
export interface ReportParams {
  generatedAt: string;
  period?: Period;
  [name: string]: Period | string | number | undefined;
}

/** What the executor at hand can draw beside the tables. */
export interface Capabilities {
  /** Charts (the Office executor from ExcelApi 1.1; the .xlsx writer). */
  charts: boolean;
  /** Shapes and connectors (the Office executor from ExcelApi 1.9; the .xlsx writer). */
  shapes: boolean;
}

/** A figure shown in the pane after the run: the term, its value (or a badge) and a note under it. */
export interface Highlight {
  term: string;
  value?: string;
  badge?: { text: string; tone: 'success' | 'warning' | 'danger' };
  note?: string;
}

export interface Highlights {
  /** The line under the pane's result title: the period, or the structure's day. */
  caption: string;
  rows: Highlight[];
  /** A line after the figures. */
  after?: string;
}

export interface ReportDefinition<R extends ReportBase = ReportBase> {
  /** The kind's name: `tochuc report <id>`, `report.kind`, the registry sheet's "report" column. */
  id: string;
  /** In the pane's list of reports. */
  label: Text;
  /** The pane's heading while this report is chosen. */
  title: Text;
  /** Its place in the pane's list of reports (the CLI lists them in the order they are registered); none: last. */
  menuOrder?: number;
  /** The `tochuc report <id>` arguments after the id, as the usage shows them. */
  usage: string;
  params: readonly ParamSpec[];
  /** The sheet kinds it cannot do without (all of them); `missing` says so in the pane. */
  needs: readonly SheetKind[];
  missing: Text;
  compute(book: WorkbookIngest, params: ReportParams): R;
  /**
   * The system its documents belong to when the workbook's settings name none: a party committee's
   * (ĐẢNG CỘNG SẢN VIỆT NAM, HD 36-HD/VPTW) or the state's (Quốc hiệu, NĐ 30/2020) heading.
   */
  variant: OrgDetails['variant'];
  /** The built-in templates, for the organisation's document variant and its recipients (none: the defaults). */
  templates(org?: OrgDetails): TemplateSheet[];
  /** The label in the names of the generated sheets ("TGBC 2019"), and the short name of its issues sheet ("Vấn đề TGBC 2019"). */
  sheetLabel(report: R): string;
  issuesSheetShort: string;
  /** What the report draws beside its tables, when the executor can: charts or an organisation chart of shapes. */
  drawing: keyof Capabilities;
  /** The keys its templates read. */
  figures(report: R, context: DocumentContext): Record<string, unknown>;
  /** An organisation chart of shapes to draw on one of its sheets (by the template's name), when shapes are drawn. */
  orgChart?(report: R, context: DocumentContext): { sheet: string; chart: OrgChartPlan };
  /** The CLI's summary of the figures. */
  summary(report: R): string;
  /** The pane's result figures. */
  highlights(report: R, language: Language): Highlights;
  /** The five figures a province adds up across its districts (the consolidation sheet's columns). */
  subtotals(report: R): Array<{ header: string; value: number | null }>;
  /** Whose duplicates across workbooks the consolidation lists: staff, or members present. */
  duplicatesAmong: 'staff' | 'members';
  /** The name of the report's file (without .xlsx), as `tochuc demo` writes it ("tinh-gian-bien-che-2015-2019"). */
  fileName(report: R): string;
  /** The parameters `tochuc demo` makes this report with from the bundled sample workbook (assets/samples/mong-cai.xlsx). */
  demo: Omit<ReportParams, 'generatedAt'>;
}

/** The report kinds, in the order the CLI's usage and the pane list them. */
export class ReportRegistry {
  private readonly definitions = new Map<string, ReportDefinition>();

  /** Adds a kind; a kind of the same id is an error (two modules claiming one name). */
  register<R extends ReportBase>(definition: ReportDefinition<R>): void {
    if (this.definitions.has(definition.id)) throw new Error(`report kind "${definition.id}" is registered twice`);
    this.definitions.set(definition.id, definition as unknown as ReportDefinition);
  }

  /** Takes a kind out again (a test's extra kind). */
  unregister(id: string): void {
    this.definitions.delete(id);
  }

  get(id: string): ReportDefinition | undefined {
    return this.definitions.get(id);
  }

  ids(): string[] {
    return [...this.definitions.keys()];
  }

  all(): ReportDefinition[] {
    return [...this.definitions.values()];
  }

  /** In the order of the pane's list of reports. */
  menu(): ReportDefinition[] {
    return this.all().sort((a, b) => (a.menuOrder ?? Infinity) - (b.menuOrder ?? Infinity));
  }
}
