import { promises as fs } from 'fs';
import path from 'path';
import type ExcelJS from 'exceljs';
import type { TemplateCellInput, TemplateSheet, TemplateValue } from '../../templates/parse';
import { freeSheetName, safeSheetName, StyleTable, templateLayout, trimEnd, type CellStyle, type PageSetup } from '../../templates/plan';
import { loadExcelJs } from './exceljs';
import { checkContainer, plainValue, unreadable, UnreadableWorkbookError } from './readXlsx';
import { writeSheet } from './writePlan';
import { REGISTRY_SHEET } from '../hiddenSheet';
import { ZipEntries, ZipSizeError } from './zipEntries';

/**
 * Built-in templates taken out to an .xlsx file for the user to edit in Excel, and read back.
 * Writing goes through the executor's own `writeSheet`, so a template looks in Excel the way its
 * reports will; reading keeps what the template engine uses and drops what it cannot carry.
 */

const EDGES = ['top', 'bottom', 'left', 'right'] as const;
const HORIZONTAL = new Set<string>(['left', 'center', 'right', 'justify']);
/** Excel's day 0 is 1899-12-30: 25569 days before 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;
/** The two members of exceljs' ValueType read here: its enum is a runtime object, and exceljs is loaded only when a file is. */
const MERGE: ExcelJS.ValueType.Merge = 1;
const FORMULA: ExcelJS.ValueType.Formula = 6;

/** Adds the template to the workbook as an ordinary, editable sheet (under a free, valid name). */
export function templateToWorksheet(wb: ExcelJS.Workbook, template: TemplateSheet): ExcelJS.Worksheet {
  const name = freeSheetName(safeSheetName(template.name), (n) => wb.getWorksheet(n) !== undefined);
  const ws = wb.addWorksheet(name);
  writeSheet(ws, templateLayout(template));
  return ws;
}

/** A new workbook of the templates, one sheet each, written to `file` (its folder made if need be). */
export async function writeTemplateWorkbook(file: string, templates: TemplateSheet[]): Promise<void> {
  const { Workbook } = await loadExcelJs();
  const wb = new Workbook();
  for (const template of templates) templateToWorksheet(wb, template);
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await wb.xlsx.writeFile(file);
}

function serialOf(date: Date): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** Rich text, hyperlinks and errors become their text; a date becomes the serial its number format shows. */
function templateValue(value: ExcelJS.CellValue): TemplateValue {
  const plain = plainValue(value);
  if (plain === undefined) return null;
  return plain instanceof Date ? serialOf(plain) : plain;
}

function cellContent(cell: ExcelJS.Cell): Pick<TemplateCellInput, 'value' | 'formula'> {
  // A merged-away cell reports its master's value: the master alone holds it.
  if (cell.type === MERGE) return {};
  // `cell.formula` resolves a shared formula into this cell's own; the cached result is not wanted.
  if (cell.type === FORMULA) return { formula: `=${cell.formula}` };
  const value = templateValue(cell.value);
  return value === null ? {} : { value };
}

function hexColor(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  // Theme and indexed colours would need the workbook's theme to resolve: they are dropped.
  return color?.argb && /^[0-9A-Fa-f]{8}$/.test(color.argb) ? `#${color.argb.slice(2).toUpperCase()}` : undefined;
}

/**
 * Cells styled only by a border or fill still carry the workbook's default font (Calibri 11 bound
 * to the theme, as exceljs and Excel write it); that is no font the template chose.
 */
function isDefaultFont(font: Partial<ExcelJS.Font>): boolean {
  return font.scheme !== undefined && font.scheme !== 'none' && (font.size ?? 11) === 11 && !font.bold && !font.italic && !underlined(font) && !hexColor(font.color);
}

function underlined(font: Partial<ExcelJS.Font>): boolean {
  return font.underline !== undefined && font.underline !== false && font.underline !== 'none';
}

function fontOf(font: Partial<ExcelJS.Font> | undefined): CellStyle['font'] | undefined {
  if (!font || isDefaultFont(font)) return undefined;
  const color = hexColor(font.color);
  const out: NonNullable<CellStyle['font']> = {
    ...(font.name ? { name: font.name } : {}), ...(font.size ? { size: font.size } : {}),
    ...(font.bold ? { bold: true } : {}), ...(font.italic ? { italic: true } : {}), ...(underlined(font) ? { underline: true } : {}),
    ...(color ? { color } : {}),
  };
  return Object.keys(out).length ? out : undefined;
}

function solidFill(fill: ExcelJS.Fill | undefined): string | undefined {
  return fill?.type === 'pattern' && fill.pattern === 'solid' ? hexColor(fill.fgColor) : undefined;
}

/** Bottom is Excel's default, which LibreOffice writes out on every cell: it is no choice of the template's. */
function verticalOf(vertical: ExcelJS.Alignment['vertical'] | undefined): CellStyle['verticalAlignment'] {
  if (vertical === 'middle') return 'center';
  return vertical === 'top' ? vertical : undefined;
}

/** The cell's style as the template engine knows it; properties are set in one order, so equal styles serialise alike. */
function cellStyle(cell: ExcelJS.Cell): CellStyle {
  const font = fontOf(cell.font);
  const fill = solidFill(cell.fill);
  const horizontal = cell.alignment?.horizontal;
  const vertical = verticalOf(cell.alignment?.vertical);
  const borders = EDGES.filter((edge) => cell.border?.[edge]?.style);
  return {
    ...(font ? { font } : {}),
    ...(fill ? { fill } : {}),
    ...(horizontal && HORIZONTAL.has(horizontal) ? { horizontalAlignment: horizontal as CellStyle['horizontalAlignment'] } : {}),
    ...(vertical ? { verticalAlignment: vertical } : {}),
    ...(cell.alignment?.wrapText ? { wrapText: true } : {}),
    ...(borders.length ? { borders } : {}),
  };
}

function templateCell(cell: ExcelJS.Cell, styles: StyleTable): TemplateCellInput | undefined {
  const out: TemplateCellInput = cellContent(cell);
  if (cell.numFmt && cell.numFmt !== 'General') out.numberFormat = cell.numFmt;
  const style = styles.indexOf(cellStyle(cell));
  if (style !== undefined) out.style = style;
  return Object.keys(out).length ? out : undefined;
}

function lastIndex<T>(list: T[], keep: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (list[i] !== undefined && keep(list[i])) return i;
  return -1;
}

/**
 * exceljs takes only fitToPage="1" for true, and LibreOffice writes "true"; one page wide and
 * automatic height (fitToHeight 0) is written only by someone who chose to fit the width.
 */
function fitsToWidth(setup: Partial<ExcelJS.PageSetup>): boolean {
  return setup.fitToWidth === 1 && (!!setup.fitToPage || setup.fitToHeight === 0);
}

function pageOf(ws: ExcelJS.Worksheet): PageSetup {
  const setup = ws.pageSetup;
  const m = setup.margins;
  const titles = setup.printTitlesRow ? /^\$?(\d+):\$?(\d+)$/.exec(setup.printTitlesRow) : null;
  return {
    orientation: setup.orientation === 'landscape' ? 'landscape' : 'portrait',
    // The template type knows A4 only, the paper of Vietnamese administrative documents.
    paperSize: 'A4',
    // Excel's "Normal" margins, should a file carry none.
    margins: { top: m?.top ?? 0.75, bottom: m?.bottom ?? 0.75, left: m?.left ?? 0.7, right: m?.right ?? 0.7, header: m?.header ?? 0.3, footer: m?.footer ?? 0.3 },
    fitToWidth: fitsToWidth(setup),
    ...(setup.printArea ? { printArea: setup.printArea.replace(/\$/g, '') } : {}),
    ...(titles ? { titleRows: `$${titles[1]}:$${titles[2]}` } : {}),
  };
}

function frozenRows(ws: ExcelJS.Worksheet): number | undefined {
  const view = ws.views?.find((v) => v.state === 'frozen') as ExcelJS.WorksheetViewFrozen | undefined;
  return view?.ySplit ? view.ySplit : undefined;
}

/** Reads an ordinary sheet as a template: cells, formulas, formats, styles and layout. */
export function templateFromWorksheet(ws: ExcelJS.Worksheet): TemplateSheet {
  const styles = new StyleTable();
  const columnWidths = trimEnd((ws.columns ?? []).map((column) => column.width));
  const cells: Array<Array<TemplateCellInput | undefined>> = [];
  const rowHeights: Array<number | undefined> = [];
  // includeEmpty: a row or cell holding only a height or a style is still part of the layout.
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cellsOfRow: Array<TemplateCellInput | undefined> = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cellsOfRow[c - 1] = templateCell(cell, styles);
    });
    cells[n - 1] = trimEnd(cellsOfRow);
    rowHeights[n - 1] = row.height;
  });
  const used = Math.max(lastIndex(cells, (row) => row.length > 0), lastIndex(rowHeights, (h) => h !== undefined)) + 1;
  const freezeRows = frozenRows(ws);
  return {
    name: ws.name,
    cells: Array.from({ length: used }, (_, r) => cells[r] ?? []),
    styles: styles.styles,
    merges: [...((ws.model as { merges?: string[] }).merges ?? [])],
    columnWidths,
    rowHeights: Array.from({ length: used }, (_, r) => rowHeights[r]),
    page: pageOf(ws),
    ...(freezeRows ? { freezeRows } : {}),
  };
}

async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch {
    throw new UnreadableWorkbookError(`Không mở được tệp mẫu "${file}": tệp không tồn tại hoặc không đọc được.`, 'missing');
  }
  // An encrypted template, an .xls or a damaged file: the same one-line messages as for the data.
  checkContainer(file, data);
  // exceljs (JSZip) inflates without a bound: every part is first inflated here, bounded (zipEntries.ts),
  // so that a bomb handed over as a template is refused as it would be as data. Templates are small.
  try {
    const zip = new ZipEntries(data);
    for (const name of zip.names()) zip.read(name);
  } catch (e) {
    if (e instanceof ZipSizeError) throw new UnreadableWorkbookError(`Tệp mẫu "${file}" ${e.message}`, 'damaged');
    throw unreadable(file, 'damaged', (e as Error).message);
  }
  const { Workbook } = await loadExcelJs();
  const wb = new Workbook();
  try {
    // exceljs types it as its own Buffer (an ArrayBuffer); JSZip takes node's.
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw unreadable(file, 'damaged', (e as Error).message);
  }
  return wb;
}

/** Every visible sheet of the file as a template, in workbook order; tochuc's own registry sheet is no template. */
export async function readTemplateWorkbook(file: string): Promise<TemplateSheet[]> {
  const wb = await loadWorkbook(file);
  const templates: TemplateSheet[] = [];
  wb.eachSheet((ws) => {
    if (ws.state === 'hidden' || ws.state === 'veryHidden' || ws.name === REGISTRY_SHEET) return;
    templates.push(templateFromWorksheet(ws));
  });
  return templates;
}
