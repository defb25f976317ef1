import { rangeA1 } from '../../domain/a1';
import { BOX_PADDING, boxStyle, CONNECTOR_WEIGHT, layoutOrgChart, RECTANGLE_SITE, type LaidOutBox, type OrgChartLayout } from '../../templates/orgChartLayout';
import { cellOrigin, widthInPoints } from '../../templates/sheetGeometry';
import { freeSheetName, PAGE_NUMBER_HEADER, type CellStyle, type ChartPlan, type ChartType, type FillPlan, type PlanCell, type SheetPlan } from '../../templates/plan';
import { placeSheets, REGISTRY_HEADER, REGISTRY_SHEET } from '../hiddenSheet';
import { canDrawCharts, canDrawShapes, type ExcelHost } from './host';

/**
 * The Office.js executor of a fill plan. All work is queued into batches sized by their payload,
 * with one sync per batch: a 500-row report takes a handful of syncs, a 50,000-row list only as
 * many more as its 4 MB chunks (Excel on the web rejects requests over 5 MB).
 */

export interface ExecuteOptions {
  /** Replace a sheet of the same name that tochuc generated earlier (the caller has asked the user). */
  replace?: boolean;
  /** Request budget in bytes; Excel on the web's limit is 5 MB. */
  maxRequestBytes?: number;
  /** Checked before each batch: once aborted, the run stops there, takes back what it wrote and rejects with an AbortError. */
  signal?: AbortSignal;
  /** Batches written of all: (0, n) once they are planned, then after each batch's sync. */
  onProgress?: (done: number, total: number) => void;
}

export interface ExecuteResult {
  sheets: string[];
  syncs: number;
  /** What this Excel could not do, for the task pane to say (e.g. print setup before ExcelApi 1.9). */
  skipped: string[];
}

export const DEFAULT_REQUEST_BUDGET = 4_000_000;
// What one queued action (a navigation such as getItem, a property set, a method call) costs in
// the request beyond its data; measured at 60–120 bytes, counted high on purpose.
const ACTION_BYTES = 80;
const actions = (n: number, data = 0) => n * ACTION_BYTES + data;

type Step = { bytes: number; apply: () => void };

/** Groups steps into batches whose estimated payload stays under the budget. */
export function batchesOf<S extends { bytes: number }>(steps: readonly S[], budget: number): S[][] {
  const batches: S[][] = [];
  let current: S[] = [];
  let bytes = 0;
  for (const step of steps) {
    if (current.length > 0 && bytes + step.bytes > budget) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(step);
    bytes += step.bytes;
  }
  if (current.length) batches.push(current);
  return batches;
}

/**
 * Text Excel would not keep as typed when it arrives through `values`: a formula ("=…", "+…", "-…",
 * "@…"), a number, date, time, percentage or currency ("(1)" is -1, "1/2" the 2nd of January,
 * "12:30", "1.234", "$5"), an error ("#N/A") or a boolean ("TRUE"). Text starting otherwise stays text.
 */
const READ_AS_NON_TEXT = /^\s*[=+\-@'(#.,$€\d]|^\s*(true|false)\s*$/i;

/**
 * Data is written through `values`, where Excel parses text as if typed: the apostrophe prefix keeps
 * such text as it is (Excel keeps the text, not the apostrophe). A template's "(1)" column number
 * and "1. Theo cơ quan…" stay text too.
 */
function literal(value: PlanCell['value']): string | number | boolean | null {
  if (value === undefined) return null;
  return typeof value === 'string' && READ_AS_NON_TEXT.test(value) ? `'${value}` : value;
}

// By address, not getRangeByIndexes: that one needs ExcelApi 1.7, above the 1.4 the manifest asks for.
function rangeOf(sheet: Excel.Worksheet, top: number, left: number, rows: number, cols: number): Excel.Range {
  return sheet.getRange(rangeA1({ top, left, bottom: top + rows - 1, right: left + cols - 1 }));
}

function styleSteps(sheet: () => Excel.Worksheet, plan: SheetPlan): Step[] {
  // Rectangles of one style: runs along a row, then stacked while the rows below repeat them,
  // so that a 50,000-row table costs a few ranges per column band, not one per cell.
  const steps: Step[] = [];
  const open = new Map<string, { top: number; bottom: number; left: number; right: number; style: number }>();
  const flush = (rect: { top: number; bottom: number; left: number; right: number; style: number }) => {
    const style = plan.styles[rect.style];
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    steps.push({ bytes: actions(6 + 4 * (borderIndexes(style, rows, cols).length) + Object.keys(style.font ?? {}).length, JSON.stringify(style).length), apply: () => applyStyle(rangeOf(sheet(), rect.top, rect.left, rows, cols), style, rows, cols) });
  };
  plan.rows.forEach((row, r) => {
    const runs: Array<{ left: number; right: number; style: number }> = [];
    row.forEach((cell, c) => {
      if (cell?.style === undefined) return;
      const last = runs[runs.length - 1];
      if (last && last.right === c - 1 && last.style === cell.style) last.right = c;
      else runs.push({ left: c, right: c, style: cell.style });
    });
    const seen = new Set<string>();
    for (const run of runs) {
      const key = `${run.left}:${run.right}:${run.style}`;
      seen.add(key);
      const rect = open.get(key);
      if (rect && rect.bottom === r - 1) rect.bottom = r;
      else {
        if (rect) flush(rect);
        open.set(key, { top: r, bottom: r, ...run });
      }
    }
    for (const [key, rect] of open) {
      if (!seen.has(key)) {
        flush(rect);
        open.delete(key);
      }
    }
  });
  for (const rect of open.values()) flush(rect);
  return steps;
}

const EDGE_INDEX = { top: 'EdgeTop', bottom: 'EdgeBottom', left: 'EdgeLeft', right: 'EdgeRight' } as const;
type BorderName = (typeof EDGE_INDEX)[keyof typeof EDGE_INDEX] | 'InsideHorizontal' | 'InsideVertical';

/**
 * The borders to draw for a rectangle of cells sharing a style. `EdgeTop` & co. of a range are its
 * outline only: the lines between its cells are `InsideHorizontal` and `InsideVertical` (a line
 * between two cells is the bottom of one and the top of the other, as Excel draws it).
 */
function borderIndexes(style: CellStyle, rows: number, cols: number): BorderName[] {
  const edges = style.borders ?? [];
  const out: BorderName[] = edges.map((edge) => EDGE_INDEX[edge]);
  if (rows > 1 && (edges.includes('top') || edges.includes('bottom'))) out.push('InsideHorizontal');
  if (cols > 1 && (edges.includes('left') || edges.includes('right'))) out.push('InsideVertical');
  return out;
}

function applyStyle(range: Excel.Range, style: CellStyle, rows: number, cols: number): void {
  const format = range.format;
  if (style.font) {
    if (style.font.name) format.font.name = style.font.name;
    if (style.font.size) format.font.size = style.font.size;
    if (style.font.bold) format.font.bold = true;
    if (style.font.italic) format.font.italic = true;
    if (style.font.underline) format.font.underline = 'Single';
    if (style.font.color) format.font.color = style.font.color;
  }
  if (style.fill) format.fill.color = style.fill;
  if (style.horizontalAlignment) format.horizontalAlignment = style.horizontalAlignment === 'justify' ? 'Justify' : style.horizontalAlignment === 'center' ? 'Center' : style.horizontalAlignment === 'right' ? 'Right' : 'Left';
  if (style.verticalAlignment) format.verticalAlignment = style.verticalAlignment === 'center' ? 'Center' : style.verticalAlignment === 'top' ? 'Top' : 'Bottom';
  if (style.wrapText) format.wrapText = true;
  for (const index of borderIndexes(style, rows, cols)) {
    const border = format.borders.getItem(index);
    border.style = 'Continuous';
    border.weight = 'Thin';
  }
}

/**
 * Rows of cells in chunks: number formats first (a format set after a value would not change how
 * the value was read), then literals through `values` and formulas through `formulas`; `null`
 * leaves a cell as it is, so each write touches only its own cells.
 */
function cellSteps(sheet: () => Excel.Worksheet, plan: SheetPlan, budget: number): Step[] {
  const width = Math.max(1, ...plan.rows.map((r) => r.length));
  const steps: Step[] = [];
  let start = 0;
  while (start < plan.rows.length) {
    let bytes = actions(6);
    let end = start;
    let anyFormula = false;
    const formats: string[][] = [];
    const values: Array<Array<string | number | boolean | null>> = [];
    const formulas: Array<Array<string | null>> = [];
    // Rows join the chunk while its data stays within half the budget, leaving room for the rest of the batch.
    while (end < plan.rows.length && (end === start || bytes < budget / 2)) {
      const row = plan.rows[end];
      const f: string[] = [];
      const v: Array<string | number | boolean | null> = [];
      const fx: Array<string | null> = [];
      for (let c = 0; c < width; c++) {
        const cell = row[c];
        f.push(cell?.numberFormat ?? 'General');
        v.push(cell?.formula === undefined ? literal(cell?.value) : null);
        fx.push(cell?.formula ?? null);
        if (cell?.formula !== undefined) anyFormula = true;
      }
      bytes += JSON.stringify(f).length + JSON.stringify(v).length + JSON.stringify(fx).length;
      formats.push(f);
      values.push(v);
      formulas.push(fx);
      end++;
    }
    const top = start;
    const rows = end - start;
    const withFormulas = anyFormula;
    steps.push({
      bytes,
      apply: () => {
        const range = rangeOf(sheet(), top, 0, rows, width);
        range.numberFormat = formats;
        range.values = values as unknown[][];
        if (withFormulas) range.formulas = formulas as unknown[][];
      },
    });
    start = end;
  }
  return steps;
}

function layoutSteps(sheet: () => Excel.Worksheet, plan: SheetPlan, host: ExcelHost, skipped: string[]): Step[] {
  const steps: Step[] = [];
  plan.columnWidths.forEach((w, c) => {
    if (w !== undefined) steps.push({ bytes: actions(4), apply: () => { rangeOf(sheet(), 0, c, 1, 1).format.columnWidth = widthInPoints(w); } });
  });
  // Consecutive rows of one height share one range.
  for (let r = 0; r < plan.rowHeights.length; ) {
    const h = plan.rowHeights[r];
    let end = r + 1;
    while (end < plan.rowHeights.length && plan.rowHeights[end] === h) end++;
    if (h !== undefined) {
      const top = r;
      const count = end - r;
      steps.push({ bytes: actions(4), apply: () => { rangeOf(sheet(), top, 0, count, 1).format.rowHeight = h; } });
    }
    r = end;
  }
  for (const merge of plan.merges) steps.push({ bytes: actions(3, merge.length), apply: () => sheet().getRange(merge).merge(false) });
  if (plan.freezeRows) {
    if (host.isSetSupported('ExcelApi', '1.7')) steps.push({ bytes: actions(3), apply: () => sheet().freezePanes.freezeRows(plan.freezeRows) });
    else skipped.push('Cố định dòng tiêu đề (cần ExcelApi 1.7)');
  }
  if (plan.page) {
    const page = plan.page;
    if (host.isSetSupported('ExcelApi', '1.9')) {
      steps.push({
        bytes: actions(10 + (page.breaks?.length ?? 0), 200),
        apply: () => {
          const layout = sheet().pageLayout;
          layout.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
          layout.paperSize = 'A4';
          layout.setPrintMargins('Inches', { top: page.margins.top, bottom: page.margins.bottom, left: page.margins.left, right: page.margins.right, header: page.margins.header, footer: page.margins.footer });
          if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
          else if (page.scale !== undefined) layout.zoom = { scale: page.scale };
          if (page.printArea) layout.setPrintArea(page.printArea);
          if (page.titleRows) layout.setPrintTitleRows(page.titleRows);
          layout.headersFooters.state = 'FirstAndDefault';
          layout.headersFooters.defaultForAllPages.centerHeader = PAGE_NUMBER_HEADER;
          layout.headersFooters.firstPage.centerHeader = '';
          // A break goes above the cell it is given.
          for (const r of page.breaks ?? []) sheet().horizontalPageBreaks.add(`A${r + 1}`);
        },
      });
    } else skipped.push('Thiết lập trang in A4, vùng in và dòng tiêu đề lặp lại (cần ExcelApi 1.9)');
  }
  return steps;
}

export const CHARTS_SKIPPED = 'Biểu đồ bên cạnh bảng (cần ExcelApi 1.1)';

const CHART_TYPES: Record<ChartType, 'ColumnClustered' | 'Pie'> = { columnClustered: 'ColumnClustered', pie: 'Pie' };

/**
 * Each chart in one step, queued after the sheet's cells: Excel reads the categories (the text of
 * the first column) from the cells as they are when the chart is added. The data range has no
 * header row, so the series are named here.
 */
function chartSteps(sheet: () => Excel.Worksheet, plan: SheetPlan, host: ExcelHost, skipped: string[]): Step[] {
  const charts = plan.charts ?? [];
  if (charts.length === 0) return [];
  if (!canDrawCharts(host)) {
    skipped.push(CHARTS_SKIPPED);
    return [];
  }
  return charts.map((planned: ChartPlan) => ({
    bytes: actions(8 + 2 * planned.seriesNames.length, JSON.stringify(planned).length),
    apply: () => {
      const ws = sheet();
      const chart = ws.charts.add(CHART_TYPES[planned.type], ws.getRange(planned.dataRange), 'Columns');
      chart.title.text = planned.title;
      planned.seriesNames.forEach((name, i) => {
        chart.series.getItemAt(i).name = name;
      });
      chart.setPosition(planned.anchor);
      chart.width = planned.width;
      chart.height = planned.height;
    },
  }));
}

export const ORG_CHART_SKIPPED = 'Sơ đồ tổ chức vẽ bằng hình (cần ExcelApi 1.9); trang có bảng sơ đồ dạng thụt lề';

function drawBox(shapes: Excel.ShapeCollection, box: LaidOutBox, layout: OrgChartLayout, at: { left: number; top: number }): Excel.Shape {
  const shape = shapes.addGeometricShape('Rectangle');
  shape.name = `Sơ đồ - ô ${box.id}`;
  shape.left = at.left + box.left;
  shape.top = at.top + box.top;
  shape.width = box.width;
  shape.height = box.height;
  const style = boxStyle(box);
  shape.fill.setSolidColor(style.fill);
  shape.lineFormat.color = style.line;
  shape.lineFormat.weight = style.weight;
  const frame = shape.textFrame;
  frame.leftMargin = BOX_PADDING.x;
  frame.rightMargin = BOX_PADDING.x;
  frame.topMargin = BOX_PADDING.y;
  frame.bottomMargin = BOX_PADDING.y;
  frame.horizontalAlignment = 'Center';
  frame.verticalAlignment = 'Middle';
  frame.textRange.text = box.text;
  const font = frame.textRange.font;
  font.name = layout.font.name;
  font.size = layout.font.size;
  font.color = '#000000';
  font.bold = box.bold;
  return shape;
}

/**
 * The organisation chart of a sheet as shapes, in one step queued after the sheet's cells: a text
 * box for its title, a rectangle per box, an elbow connector per box below the root, attached to the
 * bottom of the parent and to the top (or, in a stacked column, the side) of the child, so that they
 * follow the boxes when the user moves them. Where the layout puts things is orgChartLayout's business;
 * the anchor cell's corner is the chart's top-left. Without ExcelApi 1.9 the sheet keeps only the
 * indented table its cells hold, and the result says so.
 */
function orgChartSteps(sheet: () => Excel.Worksheet, plan: SheetPlan, host: ExcelHost, skipped: string[]): Step[] {
  const chart = plan.orgChart;
  if (!chart) return [];
  if (!canDrawShapes(host)) {
    skipped.push(ORG_CHART_SKIPPED);
    return [];
  }
  const layout = layoutOrgChart(chart);
  const at = cellOrigin(plan, chart.anchor);
  const shapesCount = layout.boxes.length + layout.connectors.length + (layout.title ? 1 : 0);
  return [{
    bytes: actions(4 + 24 * shapesCount, JSON.stringify(layout).length),
    apply: () => {
      const shapes = sheet().shapes;
      if (layout.title) {
        const t = layout.title;
        const title = shapes.addTextBox(t.text);
        title.name = 'Sơ đồ - tiêu đề';
        title.left = at.left + t.left;
        title.top = at.top + t.top;
        title.width = t.width;
        title.height = t.height;
        title.fill.clear();
        title.lineFormat.visible = false;
        title.textFrame.horizontalAlignment = 'Center';
        title.textFrame.verticalAlignment = 'Middle';
        const font = title.textFrame.textRange.font;
        font.name = layout.font.name;
        font.size = t.size;
        font.bold = true;
        font.color = '#000000';
      }
      const drawn = new Map<string, Excel.Shape>();
      for (const box of layout.boxes) drawn.set(box.id, drawBox(shapes, box, layout, at));
      for (const c of layout.connectors) {
        const connector = shapes.addLine(at.left + c.begin.x, at.top + c.begin.y, at.left + c.end.x, at.top + c.end.y, 'Elbow');
        connector.name = `Sơ đồ - nối ${c.to}`;
        connector.lineFormat.color = '#000000';
        connector.lineFormat.weight = CONNECTOR_WEIGHT;
        connector.line.connectBeginShape(drawn.get(c.from) as Excel.Shape, RECTANGLE_SITE[c.beginSide]);
        connector.line.connectEndShape(drawn.get(c.to) as Excel.Shape, RECTANGLE_SITE[c.endSide]);
      }
    },
  }];
}

/** What a cancelled run rejects with: an Error named "AbortError", as fetch and the pane expect. */
export function abortError(): Error {
  return Object.assign(new Error('Đã hủy.'), { name: 'AbortError' });
}

/**
 * Sequences the batches, one sync after each. Written as a chain rather than a loop on purpose:
 * the number of syncs is the number of 4 MB batches, not the number of rows or cells. `before`
 * runs as a batch is about to be queued (it may throw: a cancel stops there), `after` once its sync
 * has succeeded.
 */
function runBatches(context: Excel.RequestContext, batches: Step[][], before: () => void, after: (index: number) => void): Promise<void> {
  return batches.reduce<Promise<void>>((previous, batch, index) => previous.then(() => {
    before();
    for (const step of batch) step.apply();
    return context.sync().then(() => after(index));
  }), Promise.resolve());
}

/** " (mới)": the name a replacing sheet is written under until the last batch gives it the old one's. */
const TEMP_SUFFIX = ' (mới)';

/**
 * Writes a plan's sheets in batches, one sync each. Nothing the user relies on changes before the
 * last batch: a sheet that replaces one tochuc made earlier is written under a free temporary name
 * ("TGBC 2015-2019 (mới)"), and only the last batch deletes the old sheet and renames the new one,
 * writes the registry rows (making the registry if needed) and activates the report. So a cancel
 * (`signal`, checked before each batch) or a failed sync leaves the workbook as it was: one more
 * sync deletes the sheets this run added and puts events back on; the old sheets were never touched.
 * A cancel rejects with an AbortError; a failure with its own error.
 */
export async function executePlan(host: ExcelHost, plan: FillPlan, options: ExecuteOptions = {}): Promise<ExecuteResult> {
  const budget = options.maxRequestBytes ?? DEFAULT_REQUEST_BUDGET;
  const { signal } = options;
  if (signal?.aborted) throw abortError();
  const skipped: string[] = [];
  let syncs = 0;
  const sheets = await host.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync();
    syncs++;
    const existing = new Set(worksheets.items.map((s) => s.name));
    // Excel's sheet names are unique whatever their case.
    const taken = new Set([...existing].map((n) => n.toLowerCase()));
    const isTaken = (name: string) => taken.has(name.toLowerCase());
    // The registry of generated sheets: the same very hidden sheet the exceljs executor keeps.
    let ours = new Set<string>();
    let registryRows = 0;
    const hasRegistry = existing.has(REGISTRY_SHEET);
    if (hasRegistry) {
      const used = worksheets.getItem(REGISTRY_SHEET).getUsedRange(true);
      used.load('values');
      await context.sync();
      syncs++;
      registryRows = used.values.length;
      ours = new Set(used.values.slice(1).map((row) => String(row[0])));
    }

    // Names: each sheet's final name, then a temporary one for each sheet that replaces an old one.
    const places = placeSheets(plan.sheets.map((s) => s.name), [...existing], ours, options.replace ?? false);
    for (const { name } of places) taken.add(name.toLowerCase());
    const targets = plan.sheets.map((plannedSheet, i) => ({ plannedSheet, ...places[i], writeAs: places[i].name, ws: undefined as Excel.Worksheet | undefined }));
    for (const target of targets) {
      if (!target.replaces) continue;
      target.writeAs = freeSheetName(target.name.slice(0, 31 - TEMP_SUFFIX.length) + TEMP_SUFFIX, isTaken);
      taken.add(target.writeAs.toLowerCase());
    }

    // What to take back if the run stops, in the order it was queued: each step that makes something adds how to remove it.
    const undo: Array<() => void> = [];
    const canSuspendEvents = host.isSetSupported('ExcelApi', '1.8');
    let eventsOff = false;
    const steps: Step[] = [];
    if (canSuspendEvents) steps.push({ bytes: actions(1), apply: () => { context.runtime.enableEvents = false; eventsOff = true; } });
    for (const target of targets) {
      const sheet = () => target.ws as Excel.Worksheet;
      steps.push({ bytes: actions(2), apply: () => {
        const ws = worksheets.add(target.writeAs);
        target.ws = ws;
        undo.push(() => ws.delete());
      } });
      const plannedSheet = target.plannedSheet;
      steps.push(...cellSteps(sheet, plannedSheet, budget), ...styleSteps(sheet, plannedSheet), ...layoutSteps(sheet, plannedSheet, host, skipped), ...chartSteps(sheet, plannedSheet, host, skipped), ...orgChartSteps(sheet, plannedSheet, host, skipped));
    }

    // The last batch: the registry, then the old sheets give way to the new ones, then activation.
    if (!hasRegistry) {
      steps.push({ bytes: actions(6, 60), apply: () => {
        const registry = worksheets.add(REGISTRY_SHEET);
        registry.getRange('A1:D1').values = [REGISTRY_HEADER];
        registry.visibility = 'VeryHidden';
        // Excel will not delete a very hidden sheet, by design (Office.js documents it): hidden first.
        undo.push(() => {
          registry.visibility = 'Hidden';
          registry.delete();
        });
      } });
      registryRows = 1;
    }
    const entries = targets.filter((t) => !ours.has(t.name)).map((t) => [t.name, t.plannedSheet.marker.report, t.plannedSheet.marker.period, t.plannedSheet.marker.generatedAt]);
    if (entries.length) {
      const first = registryRows;
      const rows = () => rangeOf(worksheets.getItem(REGISTRY_SHEET), first, 0, entries.length, 4);
      steps.push({ bytes: actions(4, JSON.stringify(entries).length), apply: () => {
        rows().values = entries;
        if (hasRegistry) undo.push(() => rows().clear('Contents'));
      } });
    }
    for (const target of targets) {
      if (!target.replaces) continue;
      steps.push({ bytes: actions(4), apply: () => {
        worksheets.getItem(target.name).delete();
        (target.ws as Excel.Worksheet).name = target.name;
      } });
    }
    if (targets.length) steps.push({ bytes: actions(1), apply: () => (targets[0].ws as Excel.Worksheet).activate() });
    if (canSuspendEvents) steps.push({ bytes: actions(2), apply: () => { context.runtime.enableEvents = true; } });
    // Estimates, however careful, are estimates: batches aim at nine tenths of the budget.
    const batches = batchesOf(steps, budget * 0.9);
    // Calculation waits until the next sync only: suspend it again before each batch.
    const suspend = host.isSetSupported('ExcelApi', '1.6') ? () => context.application.suspendApiCalculationUntilNextSync() : () => undefined;
    let started = false;
    options.onProgress?.(0, batches.length);
    try {
      await runBatches(context, batches, () => {
        if (signal?.aborted) throw abortError();
        started = true;
        suspend();
      }, (index) => options.onProgress?.(index + 1, batches.length));
    } catch (error) {
      // Stopped before the first batch: nothing was sent, nothing to take back.
      if (started) {
        // One sync takes back what this run added; events first, so that they are on whatever fails.
        // What the batches that went through made is certainly there; of what the failed batch made,
        // the part queued before its failing operation is (Excel stops a batch at its first error),
        // so that part, in order, goes last: the first of it that is not there stops the clean-up
        // where nothing more is to be taken back.
        if (eventsOff) context.runtime.enableEvents = true;
        for (const takeBack of undo) takeBack();
        await context.sync().catch(() => undefined);
      }
      throw error;
    }
    syncs += batches.length;
    return targets.map((t) => t.name);
  });
  return { sheets, syncs, skipped };
}
