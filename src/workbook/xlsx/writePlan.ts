import type ExcelJS from 'exceljs';
import { PAGE_NUMBER_HEADER, type CellStyle, type FillPlan, type SheetLayout } from '../../templates/plan';

import { placeSheets, REGISTRY_HEADER, REGISTRY_SHEET } from '../hiddenSheet';

/**
 * The exceljs executor of a fill plan (the Office.js one does the same inside Excel.run).
 * Generated sheets are recorded in the very hidden sheet (src/workbook/hiddenSheet.ts).
 */

export interface WriteOptions {
  /** Replace a sheet of the same name that tochuc generated earlier (the caller has asked the user). */
  replace?: boolean;
}

export interface WriteResult {
  /** The names the sheets were written under (a clash with the user's own sheet gets a new name). */
  sheets: string[];
}

function argb(hex: string): string {
  return 'FF' + hex.replace('#', '').toUpperCase();
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.font) {
    cell.font = {
      ...(style.font.name ? { name: style.font.name } : {}), ...(style.font.size ? { size: style.font.size } : {}),
      ...(style.font.bold ? { bold: true } : {}), ...(style.font.italic ? { italic: true } : {}), ...(style.font.underline ? { underline: true } : {}),
      ...(style.font.color ? { color: { argb: argb(style.font.color) } } : {}),
    };
  }
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.horizontalAlignment || style.verticalAlignment || style.wrapText) {
    cell.alignment = {
      ...(style.horizontalAlignment ? { horizontal: style.horizontalAlignment } : {}),
      ...(style.verticalAlignment ? { vertical: style.verticalAlignment === 'center' ? 'middle' : style.verticalAlignment } : {}),
      ...(style.wrapText ? { wrapText: true } : {}),
    };
  }
  if (style.borders?.length) cell.border = Object.fromEntries(style.borders.map((edge) => [edge, { style: 'thin' }]));
}

/** The very hidden sheet of generated sheets (A:D) and settings (F:G), made on first use. */
export function registrySheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const existing = wb.getWorksheet(REGISTRY_SHEET);
  if (existing) return existing;
  const ws = wb.addWorksheet(REGISTRY_SHEET, { state: 'veryHidden' });
  ws.addRow(REGISTRY_HEADER);
  return ws;
}

function generatedSheets(wb: ExcelJS.Workbook): Set<string> {
  const ws = wb.getWorksheet(REGISTRY_SHEET);
  const names = new Set<string>();
  ws?.eachRow((row, n) => {
    if (n > 1 && row.getCell(1).value) names.add(String(row.getCell(1).value));
  });
  return names;
}

/**
 * A sheet as exceljs is told it: cells, styles and layout. A filled report and a template taken
 * out for editing are both written through it, so that the two cannot drift apart.
 */
export type { SheetLayout } from '../../templates/plan';

/** Writes cells, styles, merges, sizes, frozen rows and the A4 page setup into an empty sheet. */
export function writeSheet(ws: ExcelJS.Worksheet, plan: SheetLayout): void {
  plan.columnWidths.forEach((w, c) => {
    if (w !== undefined) ws.getColumn(c + 1).width = w;
  });
  plan.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    const height = plan.rowHeights[r];
    if (height !== undefined) row.height = height;
    cells.forEach((pc, c) => {
      if (!pc) return;
      const cell = row.getCell(c + 1);
      if (pc.numberFormat) cell.numFmt = pc.numberFormat;
      // exceljs writes a string as a string (never parsed as a formula): data stays data.
      if (pc.formula !== undefined) cell.value = { formula: pc.formula.replace(/^=/, ''), ...(pc.result !== undefined ? { result: pc.result as ExcelJS.CellFormulaValue['result'] } : {}) };
      else if (pc.value !== undefined) cell.value = pc.value;
      if (pc.style !== undefined) applyStyle(cell, plan.styles[pc.style]);
    });
  });
  for (const range of plan.merges) ws.mergeCells(range);
  if (plan.freezeRows) ws.views = [{ state: 'frozen', ySplit: plan.freezeRows }];
  if (plan.page) {
    const m = plan.page.margins;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: plan.page.orientation,
      margins: { top: m.top, bottom: m.bottom, left: m.left, right: m.right, header: m.header, footer: m.footer },
      ...(plan.page.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      ...(plan.page.scale !== undefined ? { scale: plan.page.scale } : {}),
      ...(plan.page.printArea ? { printArea: plan.page.printArea } : {}),
      ...(plan.page.titleRows ? { printTitlesRow: plan.page.titleRows.replace(/\$/g, '') } : {}),
    };
    ws.headerFooter = { ...ws.headerFooter, differentFirst: true, oddHeader: `&C${PAGE_NUMBER_HEADER}`, firstHeader: '' };
    // exceljs breaks below the row it is given: the last row of the page before.
    for (const r of plan.page.breaks ?? []) ws.getRow(r).addPageBreak();
  }
}

/** Writes every sheet of the plan into the workbook; source sheets are never touched. */
export function writePlan(wb: ExcelJS.Workbook, plan: FillPlan, options: WriteOptions = {}): WriteResult {
  const places = placeSheets(plan.sheets.map((s) => s.name), wb.worksheets.map((ws) => ws.name), generatedSheets(wb), options.replace ?? false);
  const names: string[] = [];
  plan.sheets.forEach((sheet, i) => {
    const { name, replaces } = places[i];
    const standing = replaces ? wb.getWorksheet(name) : undefined;
    if (standing) wb.removeWorksheet(standing.id);
    writeSheet(wb.addWorksheet(name), sheet);
    const reg = registrySheet(wb);
    let entry: ExcelJS.Row | undefined;
    // The first row whose A cell is free or holds this name (settings may have made rows below).
    let free: ExcelJS.Row | undefined;
    reg.eachRow((row, n) => {
      if (n === 1) return;
      if (row.getCell(1).value === name) entry = row;
      else if (!free && !row.getCell(1).value) free = row;
    });
    const target = entry ?? free ?? reg.getRow(reg.rowCount + 1);
    [name, sheet.marker.report, sheet.marker.period, sheet.marker.generatedAt].forEach((v, i) => {
      target.getCell(i + 1).value = v;
    });
    names.push(name);
  });
  return { sheets: names };
}
