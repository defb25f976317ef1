import { rangeA1 } from '../../domain/a1';
import { REGISTRY_HEADER, REGISTRY_SHEET, SETTINGS_COLUMN, settingsFromCells, settingsToCells, type WorkbookSettings } from '../hiddenSheet';
import type { ExcelHost } from './host';

/** Columns F:G from the first row, by address (getRangeByIndexes needs ExcelApi 1.7). */
const settingsBlock = (rows: number) => rangeA1({ top: 0, left: SETTINGS_COLUMN, bottom: Math.max(rows, 1) - 1, right: SETTINGS_COLUMN + 1 });

/** Reads the settings block of the hidden "tochuc" sheet: two syncs, the second only when the sheet exists. */
export async function readSettingsInExcel(host: ExcelHost): Promise<{ settings: WorkbookSettings; problems: string[] }> {
  return host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(REGISTRY_SHEET);
    sheet.load('name');
    await context.sync();
    if (sheet.isNullObject) return { settings: {}, problems: [] };
    const used = sheet.getUsedRange(true);
    used.load('rowCount');
    await context.sync();
    const block = sheet.getRange(settingsBlock(used.rowCount));
    block.load('values');
    await context.sync();
    return settingsFromCells(block.values);
  });
}

/** Writes the settings block, making the hidden sheet if needed; the registry of generated sheets stays. */
export async function writeSettingsInExcel(host: ExcelHost, settings: WorkbookSettings): Promise<void> {
  await host.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const existing = worksheets.getItemOrNullObject(REGISTRY_SHEET);
    existing.load('name');
    await context.sync();
    if (existing.isNullObject) {
      const made = worksheets.add(REGISTRY_SHEET);
      made.getRange('A1:D1').values = [REGISTRY_HEADER];
      made.visibility = 'VeryHidden';
    }
    const sheet = worksheets.getItem(REGISTRY_SHEET);
    const cells = settingsToCells(settings);
    // Clear what an earlier, longer block left below, then write the new one.
    sheet.getRange(settingsBlock(200)).clear('Contents');
    const block = sheet.getRange(settingsBlock(cells.length));
    // JSON is text: the text format keeps Excel from reading a value such as "[...]" or "-1" otherwise.
    block.numberFormat = cells.map((row) => row.map(() => '@'));
    block.values = cells;
    await context.sync();
  });
}
