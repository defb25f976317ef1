import type ExcelJS from 'exceljs';
import { REGISTRY_SHEET, SETTINGS_COLUMN, settingsFromCells, settingsToCells, type WorkbookSettings } from '../hiddenSheet';
import { registrySheet } from './writePlan';

export function readSettings(wb: ExcelJS.Workbook): { settings: WorkbookSettings; problems: string[] } {
  const ws = wb.getWorksheet(REGISTRY_SHEET);
  if (!ws) return { settings: {}, problems: [] };
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    rows.push([row.getCell(SETTINGS_COLUMN + 1).value, row.getCell(SETTINGS_COLUMN + 2).value]);
  });
  return settingsFromCells(rows);
}

/** Replaces the settings block (F:G) of the hidden sheet; the registry of generated sheets stays. */
export function writeSettings(wb: ExcelJS.Workbook, settings: WorkbookSettings): void {
  const ws = registrySheet(wb);
  const cells = settingsToCells(settings);
  const height = Math.max(ws.rowCount, cells.length);
  for (let r = 0; r < height; r++) {
    const row = ws.getRow(r + 1);
    row.getCell(SETTINGS_COLUMN + 1).value = cells[r]?.[0] ?? null;
    row.getCell(SETTINGS_COLUMN + 2).value = cells[r]?.[1] ?? null;
  }
}
