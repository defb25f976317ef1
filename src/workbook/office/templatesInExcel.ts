import { a1, rangeA1, type CellRect } from '../../domain/a1';
import type { TemplateCellInput, TemplateSheet, TemplateValue } from '../../templates/parse';
import { safeSheetName, StyleTable, templateLayout, trimEnd, type CellStyle, type PageSetup, type SheetPlan } from '../../templates/plan';
import { widthInCharacters } from '../../templates/sheetGeometry';
import { REGISTRY_SHEET, sheetsOfReport } from '../hiddenSheet';
import { batchesOf, executePlan } from './executePlan';
import { type ExcelHost } from './host';
import { parseAddresses, type KnownRegistry } from './readSheets';

/**
 * Built-in templates put into the open workbook for the user to edit, and read back for generation
 * (docs/reports.md, 4. Templates; docs/decisions.md, "Templates and report sheets"). A template
 * sheet is written through the Office executor like a report, unfilled, and recorded in the
 * registry (the very hidden "tochuc" sheet) under "template:<report>": the readers leave it out as
 * data, and generation finds it there.
 */

export const TEMPLATE_PREFIX = 'Mẫu ';

/** The registry's report column for the templates of a report kind: "template:reduction". */
export function templateMarker(report: string): string {
  return `template:${report}`;
}

/** "TGBC" → "Mẫu TGBC", within Excel's rules for sheet names. */
export function templateSheetName(template: string): string {
  return safeSheetName(TEMPLATE_PREFIX + template);
}

/** "Mẫu TGBC" → "TGBC"; "Mẫu TGBC (2)" (written beside a sheet of the user's that had the name) → "TGBC". */
export function templateNameOf(sheet: string): string {
  const base = sheet.normalize('NFC').replace(/ \(\d+\)$/, '');
  return base.startsWith(TEMPLATE_PREFIX) ? base.slice(TEMPLATE_PREFIX.length) : base;
}

export const TEMPLATE_STYLES_SKIPPED = 'Không đọc được định dạng ô của trang mẫu (phông chữ, căn lề, viền, màu nền: cần ExcelApi 1.9): báo cáo lập từ mẫu đã sửa dùng định dạng mặc định của Excel.';
export const TEMPLATE_MERGES_SKIPPED = 'Không đọc được ô gộp của trang mẫu (cần ExcelApi 1.13): báo cáo lập từ mẫu đã sửa không có ô gộp.';

/** Excel's "Normal" margins and A4 portrait: the page of a template read where print setup is out of reach (before ExcelApi 1.9). */
const DEFAULT_PAGE: PageSetup = { orientation: 'portrait', paperSize: 'A4', margins: { top: 0.75, bottom: 0.75, left: 0.7, right: 0.7, header: 0.3, footer: 0.3 }, fitToWidth: false };

// ---------------------------------------------------------------------------------------------------
// The registry
// ---------------------------------------------------------------------------------------------------

/** Two syncs: the sheets' names, then the registry's rows (only when it exists). */
async function readRegistry(context: Excel.RequestContext, counter: { syncs: number }): Promise<KnownRegistry> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  counter.syncs++;
  await context.sync();
  const sheets = worksheets.items.map((ws) => ws.name);
  if (!sheets.includes(REGISTRY_SHEET)) return { sheets, rows: [] };
  const registry = worksheets.getItem(REGISTRY_SHEET).getUsedRange(true);
  registry.load('values');
  counter.syncs++;
  await context.sync();
  return { sheets, rows: registry.values };
}

/** The registered template sheets of a report that still exist, by their names in the workbook, in registry order. */
function registeredTemplates(registry: KnownRegistry, report: string): string[] {
  const byName = new Map(registry.sheets.map((name) => [name.toLowerCase(), name]));
  return sheetsOfReport(registry.rows, templateMarker(report))
    .map((name) => byName.get(name.toLowerCase()))
    .filter((name): name is string => name !== undefined);
}

// ---------------------------------------------------------------------------------------------------
// Insert
// ---------------------------------------------------------------------------------------------------

export interface InsertTemplatesResult {
  /** The template sheets written, as named in the workbook ("Mẫu TGBC"). */
  sheets: string[];
  /** Template sheets the workbook already had: kept as they are, with the user's edits. */
  kept: string[];
  /** What this Excel could not do, in Vietnamese, for the pane to say. */
  skipped: string[];
  syncs: number;
}

/** A template as a sheet plan: unfilled, strings as text, formulas as formulas, registered as "template:<report>". */
export function templateSheetPlan(template: TemplateSheet, report: string): SheetPlan {
  return { ...templateLayout(template), name: templateSheetName(template.name), marker: { report: templateMarker(report), period: '', generatedAt: '' } };
}

/**
 * Writes each template into the open workbook as an ordinary, editable sheet named "Mẫu <template>":
 * texts as text (placeholders stay literal), formulas, number formats, styles, merges, sizes and
 * print setup, through the same executor as the reports. A template sheet the workbook already has
 * is kept, never overwritten; when all are there, the first is shown.
 */
export async function insertTemplates(host: ExcelHost, templates: readonly TemplateSheet[], report: string): Promise<InsertTemplatesResult> {
  const counter = { syncs: 0 };
  const kept = await host.run(async (context) => {
    const registry = await readRegistry(context, counter);
    // By template, not by sheet name: "Mẫu TGBC (2)", written beside a sheet of the user's, is the TGBC template too.
    const ours = new Map(registeredTemplates(registry, report).reverse().map((name) => [templateNameOf(name), name]));
    const found = templates.map((t) => ours.get(templateNameOf(templateSheetName(t.name))));
    if (templates.length > 0 && found.every((name) => name !== undefined)) {
      context.workbook.worksheets.getItem(found[0] as string).activate();
      counter.syncs++;
      await context.sync();
    }
    return found;
  });
  const plans = templates.filter((_, i) => kept[i] === undefined).map((t) => templateSheetPlan(t, report));
  const keptNames = kept.filter((name): name is string => name !== undefined);
  if (plans.length === 0) return { sheets: [], kept: keptNames, skipped: [], syncs: counter.syncs };
  const written = await executePlan(host, { sheets: plans, issues: [] });
  return { sheets: written.sheets, kept: keptNames, skipped: written.skipped, syncs: counter.syncs + written.syncs };
}

// ---------------------------------------------------------------------------------------------------
// Read back
// ---------------------------------------------------------------------------------------------------

export interface ReadTemplatesOptions {
  /** Response budget in bytes; Excel on the web's limit is 5 MB. */
  maxResponseBytes?: number;
  /**
   * The sheets and registry rows a reader has just read (readWorkbookSheets' `registry`; none when
   * it found no registry): saves the two syncs of reading them again.
   */
  known?: KnownRegistry | null;
}

export interface ReadTemplatesResult {
  /** Named after their sheets without "Mẫu " ("TGBC"), in registry order. */
  templates: TemplateSheet[];
  /** The sheets they were read from, one per template. */
  sheets: string[];
  /** What could not be read, in Vietnamese, for the pane to say. */
  skipped: string[];
  syncs: number;
}

const DEFAULT_BUDGET = 4_000_000;
// A cell's values, formulas and number format on the wire, and its properties (font, fill,
// alignment, six borders) as getCellProperties returns them: counted high, template texts are long.
const CONTENT_BYTES_PER_CELL = 240;
const PROPERTY_BYTES_PER_CELL = 700;
const PROXY_BYTES = 80;
/** Excel fails getMergedAreas above 512 areas; 32 bytes an address is counted high. */
const MERGE_BYTES = 512 * 32;

/** What a template's styles need of getCellProperties. */
const CELL_PROPERTIES: Excel.CellPropertiesLoadOptions = {
  format: {
    font: { name: true, size: true, bold: true, italic: true, underline: true, color: true },
    fill: { color: true, pattern: true },
    horizontalAlignment: true, verticalAlignment: true, wrapText: true,
    borders: { style: true },
  },
};
const FONT_ONLY: Excel.CellPropertiesLoadOptions = { format: { font: CELL_PROPERTIES.format?.font } };
/** A cell nobody formats: its font is the workbook's Normal style, which a template's cells do not choose. */
const UNTOUCHED_CELL = 'XFD1048576';

interface SheetRead {
  worksheet: Excel.Worksheet;
  name: string;
  /** A1 to the bottom right of the used range (formats included); undefined for an empty sheet. */
  rect?: CellRect;
  values: unknown[][];
  formulas: unknown[][];
  formats: string[][];
  properties: Excel.CellProperties[][];
  merges: string[];
  columnWidths: Array<number | undefined>;
  rowHeights: Array<number | undefined>;
  page: PageSetup;
  normalFont?: Excel.CellPropertiesFont;
}

/** One load queued for a batch; `take` reads it after the batch's sync. */
type Load = { bytes: number; queue: () => () => void };

const round2 = (n: number) => Math.round(n * 100) / 100;
const inches = (points: number) => round2(points / 72);

function pageOf(layout: Excel.PageLayout, area: Excel.RangeAreas, titles: Excel.Range): PageSetup {
  const rects = area.isNullObject ? [] : parseAddresses(area.address);
  const printArea = rects.length
    ? rangeA1({ top: Math.min(...rects.map((r) => r.top)), left: Math.min(...rects.map((r) => r.left)), bottom: Math.max(...rects.map((r) => r.bottom)), right: Math.max(...rects.map((r) => r.right)) })
    : undefined;
  const rows = titles.isNullObject ? null : /\$?(\d+):\$?(\d+)$/.exec(titles.address);
  return {
    orientation: layout.orientation === 'Landscape' ? 'landscape' : 'portrait',
    // The template type knows A4 only, the paper of Vietnamese administrative documents.
    paperSize: 'A4',
    margins: { top: inches(layout.topMargin), bottom: inches(layout.bottomMargin), left: inches(layout.leftMargin), right: inches(layout.rightMargin), header: inches(layout.headerMargin), footer: inches(layout.footerMargin) },
    fitToWidth: layout.zoom?.horizontalFitToPages === 1,
    ...(printArea ? { printArea } : {}),
    ...(rows ? { titleRows: `$${rows[1]}:$${rows[2]}` } : {}),
  };
}

/** Merged areas, sizes and print setup of one sheet: queued with its first cells. */
function layoutLoad(sheet: SheetRead, host: ExcelHost): Load {
  const rect = sheet.rect as CellRect;
  const withMerges = host.isSetSupported('ExcelApi', '1.13');
  const withPage = host.isSetSupported('ExcelApi', '1.9');
  return {
    bytes: (rect.right + rect.bottom + 8) * PROXY_BYTES + (withMerges ? MERGE_BYTES : 0),
    queue: () => {
      const ws = sheet.worksheet;
      const columns = Array.from({ length: rect.right + 1 }, (_, c) => ws.getRange(a1(0, c)).format.load('columnWidth'));
      const rows = Array.from({ length: rect.bottom + 1 }, (_, r) => ws.getRange(a1(r, 0)).format.load('rowHeight'));
      const merged = withMerges ? ws.getRange(rangeA1(rect)).getMergedAreasOrNullObject().load('address') : undefined;
      const layout = withPage ? ws.pageLayout.load('orientation, topMargin, bottomMargin, leftMargin, rightMargin, headerMargin, footerMargin, zoom') : undefined;
      const area = withPage ? ws.pageLayout.getPrintAreaOrNullObject().load('address') : undefined;
      const titles = withPage ? ws.pageLayout.getPrintTitleRowsOrNullObject().load('address') : undefined;
      const normal = withPage ? ws.getRange(UNTOUCHED_CELL).getCellProperties(FONT_ONLY) : undefined;
      return () => {
        sheet.columnWidths = columns.map((format) => widthInCharacters(format.columnWidth));
        sheet.rowHeights = rows.map((format) => round2(format.rowHeight));
        if (merged && !merged.isNullObject) sheet.merges = parseAddresses(merged.address).filter((m) => m.bottom > m.top || m.right > m.left).map(rangeA1);
        if (layout && area && titles) sheet.page = pageOf(layout, area, titles);
        sheet.normalFont = normal?.value[0]?.[0]?.format?.font;
      };
    },
  };
}

/** Cells of one sheet in chunks of rows sized by their estimated response. */
function cellLoads(sheet: SheetRead, withProperties: boolean, budget: number): Load[] {
  const rect = sheet.rect as CellRect;
  const width = rect.right + 1;
  const perCell = CONTENT_BYTES_PER_CELL + (withProperties ? PROPERTY_BYTES_PER_CELL : 0);
  const rowsPerChunk = Math.max(1, Math.floor(budget / 2 / (width * perCell)));
  const loads: Load[] = [];
  for (let top = 0; top <= rect.bottom; top += rowsPerChunk) {
    const chunk = { top, left: 0, bottom: Math.min(rect.bottom, top + rowsPerChunk - 1), right: rect.right };
    loads.push({
      bytes: (chunk.bottom - chunk.top + 1) * width * perCell,
      queue: () => {
        const range = sheet.worksheet.getRange(rangeA1(chunk)).load('values, formulas, numberFormat');
        const properties = withProperties ? range.getCellProperties(CELL_PROPERTIES) : undefined;
        return () => {
          sheet.values.push(...range.values);
          sheet.formulas.push(...range.formulas);
          sheet.formats.push(...range.numberFormat);
          if (properties) sheet.properties.push(...properties.value);
        };
      },
    });
  }
  return loads;
}

/** One sync per batch, chained rather than looped: the syncs follow the data's size, not its sheets or rows. */
function runLoads(context: Excel.RequestContext, loads: Load[], budget: number, counter: { syncs: number }): Promise<void> {
  return batchesOf(loads, budget).reduce<Promise<void>>((previous, batch) => previous.then(async () => {
    const takes = batch.map((load) => load.queue());
    counter.syncs++;
    await context.sync();
    for (const take of takes) take();
  }), Promise.resolve());
}

// ---------------------------------------------------------------------------------------------------
// Cells and styles
// ---------------------------------------------------------------------------------------------------

const HORIZONTAL: Record<string, CellStyle['horizontalAlignment']> = { Left: 'left', Center: 'center', CenterAcrossSelection: 'center', Right: 'right', Justify: 'justify', Distributed: 'justify' };
// Bottom is Excel's default: no choice of the template's.
const VERTICAL: Record<string, CellStyle['verticalAlignment']> = { Top: 'top', Center: 'center' };
const EDGES = ['top', 'bottom', 'left', 'right'] as const;
const EXCEL_DEFAULT_FONT: Excel.CellPropertiesFont = { name: 'Calibri', size: 11, bold: false, italic: false, underline: 'None', color: '#000000' };

function underlined(font: Excel.CellPropertiesFont): boolean {
  return font.underline !== undefined && font.underline !== 'None';
}

/** A font the template chose: any difference from the workbook's Normal font; then its name and size always, the rest when set. */
function fontOf(font: Excel.CellPropertiesFont | undefined, normal: Excel.CellPropertiesFont): CellStyle['font'] | undefined {
  if (!font) return undefined;
  const color = font.color?.toUpperCase();
  const same = font.name === normal.name && font.size === normal.size && !!font.bold === !!normal.bold && !!font.italic === !!normal.italic
    && underlined(font) === underlined(normal) && color === normal.color?.toUpperCase();
  if (same) return undefined;
  return {
    ...(font.name ? { name: font.name } : {}), ...(font.size ? { size: font.size } : {}),
    ...(font.bold ? { bold: true } : {}), ...(font.italic ? { italic: true } : {}), ...(underlined(font) ? { underline: true } : {}),
    ...(color && color !== normal.color?.toUpperCase() && /^#[0-9A-F]{6}$/.test(color) ? { color } : {}),
  };
}

/** Only the pattern tells no fill from a white one: Excel reports "#FFFFFF" for both. */
function fillOf(fill: Excel.CellPropertiesFill | undefined): string | undefined {
  if (!fill?.color || !/^#[0-9A-Fa-f]{6}$/.test(fill.color)) return undefined;
  if (fill.pattern !== undefined) return fill.pattern === 'None' ? undefined : fill.color.toUpperCase();
  return fill.color.toUpperCase() === '#FFFFFF' ? undefined : fill.color.toUpperCase();
}

/** The cell's style as the template engine knows it; properties in one order, so equal styles serialise alike. */
export function styleOf(properties: Excel.CellProperties | undefined, normal: Excel.CellPropertiesFont = EXCEL_DEFAULT_FONT): CellStyle {
  const format = properties?.format;
  if (!format) return {};
  const font = fontOf(format.font, normal);
  const fill = fillOf(format.fill);
  const horizontal = HORIZONTAL[format.horizontalAlignment ?? ''];
  const vertical = VERTICAL[format.verticalAlignment ?? ''];
  const borders = EDGES.filter((edge) => {
    const style = format.borders?.[edge]?.style;
    return style !== undefined && style !== 'None';
  });
  return {
    ...(font ? { font } : {}),
    ...(fill ? { fill } : {}),
    ...(horizontal ? { horizontalAlignment: horizontal } : {}),
    ...(vertical ? { verticalAlignment: vertical } : {}),
    ...(format.wrapText ? { wrapText: true } : {}),
    ...(borders.length ? { borders } : {}),
  };
}

/**
 * A cell is a formula when `formulas` gives "=…" and differs from its value: text that starts with
 * "=" (written with Excel's apostrophe) reads the same through both. Everything else is a literal,
 * strings as text.
 */
function templateCell(sheet: SheetRead, r: number, c: number, styles: StyleTable): TemplateCellInput | undefined {
  const value = sheet.values[r]?.[c];
  const formula = sheet.formulas[r]?.[c];
  const out: TemplateCellInput = {};
  if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) out.formula = formula;
  else if (value !== '' && value !== null && value !== undefined) out.value = value as TemplateValue;
  const numberFormat = sheet.formats[r]?.[c];
  if (numberFormat && numberFormat !== 'General') out.numberFormat = numberFormat;
  const style = styles.indexOf(styleOf(sheet.properties[r]?.[c], sheet.normalFont ?? EXCEL_DEFAULT_FONT));
  if (style !== undefined) out.style = style;
  return Object.keys(out).length ? out : undefined;
}

function toTemplate(sheet: SheetRead): TemplateSheet {
  const styles = new StyleTable();
  const rows = sheet.rect ? sheet.rect.bottom + 1 : 0;
  const width = sheet.rect ? sheet.rect.right + 1 : 0;
  const cells = Array.from({ length: rows }, (_, r) => trimEnd(Array.from({ length: width }, (_, c) => templateCell(sheet, r, c, styles))));
  return {
    name: templateNameOf(sheet.name),
    cells,
    styles: styles.styles,
    merges: sheet.merges,
    columnWidths: sheet.columnWidths,
    rowHeights: sheet.rowHeights,
    page: sheet.page,
  };
}

/**
 * Reads the template sheets registered for a report back as templates: values and formulas, number
 * formats, styles (ExcelApi 1.9), merged areas (1.13), column widths and row heights, print setup
 * (1.9). Syncs: the sheets and the registry (two, none when `known`), the used ranges of the
 * template sheets (one), their cells and layout (one for templates of a few thousand cells, one
 * more per 2 MB of response beyond). Without templates it stops after the registry.
 */
export async function readTemplatesInExcel(host: ExcelHost, report: string, options: ReadTemplatesOptions = {}): Promise<ReadTemplatesResult> {
  const budget = options.maxResponseBytes ?? DEFAULT_BUDGET;
  const counter = { syncs: 0 };
  const withProperties = host.isSetSupported('ExcelApi', '1.9');
  const empty = (skipped: string[]): ReadTemplatesResult => ({ templates: [], sheets: [], skipped, syncs: counter.syncs });
  // Known sheets without a template of the report: not even an Excel.run.
  if (options.known === null || (options.known && registeredTemplates(options.known, report).length === 0)) return empty([]);
  return host.run(async (context) => {
    const registry = options.known ?? await readRegistry(context, counter);
    const skipped: string[] = [];
    const seen = new Set<string>();
    const names: string[] = [];
    for (const name of registeredTemplates(registry, report)) {
      const template = templateNameOf(name);
      if (seen.has(template)) skipped.push(`Trang "${name}" cũng là mẫu ${template}: dùng trang mẫu đầu tiên.`);
      else names.push(name);
      seen.add(template);
    }
    if (names.length === 0) return empty(skipped);
    // Formats count: a bordered cell with no value is part of the template.
    const used = names.map((name) => context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(false).load('address, rowCount, columnCount'));
    counter.syncs++;
    await context.sync();
    const sheets = names.map((name, i): SheetRead => {
      const range = used[i];
      const first = range.isNullObject ? undefined : parseAddresses(range.address)[0];
      const rect = first ? { top: 0, left: 0, bottom: first.top + range.rowCount - 1, right: first.left + range.columnCount - 1 } : undefined;
      return { worksheet: context.workbook.worksheets.getItem(name), name, ...(rect ? { rect } : {}), values: [], formulas: [], formats: [], properties: [], merges: [], columnWidths: [], rowHeights: [], page: { ...DEFAULT_PAGE, margins: { ...DEFAULT_PAGE.margins } } };
    });
    if (!withProperties) skipped.push(TEMPLATE_STYLES_SKIPPED);
    if (!host.isSetSupported('ExcelApi', '1.13')) skipped.push(TEMPLATE_MERGES_SKIPPED);
    const loads = sheets.filter((s) => s.rect).flatMap((sheet) => [layoutLoad(sheet, host), ...cellLoads(sheet, withProperties, budget)]);
    await runLoads(context, loads, budget, counter);
    return { templates: sheets.map(toTemplate), sheets: sheets.map((s) => s.name), skipped, syncs: counter.syncs };
  });
}
