import ExcelJS from 'exceljs';
import { SAMPLE_WORKBOOK } from '../../src/cli/main';
import type { SheetGrid } from '../../src/ingest/grid';
import { isoToSerial } from '../../src/domain/calendar';
import type { ExcelHost } from '../../src/workbook/office/host';
import { fakeExcel, FakeWorkbook, type FakeExcelOptions } from '../fakes/excelFake';

export function host(workbook: FakeWorkbook, options: FakeExcelOptions = {}): { host: ExcelHost; stats: ReturnType<typeof fakeExcel>['stats'] } {
  const fake = fakeExcel(workbook, options);
  return { host: { run: fake.Excel.run, isSetSupported: (name, version) => fake.Office.context.requirements.isSetSupported(name, version) }, stats: fake.stats };
}

/**
 * The sample as Excel holds it: dates as serials under their date format, other number formats
 * kept, and merged areas with their cells other than the top-left empty. readXlsx gives the values
 * and merges; exceljs, read here too, the number formats readXlsx does not pass on.
 */
export async function sampleInExcel(grids: readonly SheetGrid[]): Promise<FakeWorkbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE_WORKBOOK);
  const workbook = new FakeWorkbook();
  for (const grid of grids) {
    const ws = book.getWorksheet(grid.name) as ExcelJS.Worksheet;
    const sheet = workbook.addSheet(grid.name);
    grid.rows.forEach((row, r) => row.forEach((value, c) => {
      if (value == null || value === '') return;
      const cell = sheet.mutableCell(r, c);
      // findCell, not getCell: the Office.js lint rules take getCell for a proxy.
      cell.numberFormat = ws.findCell(r + 1, c + 1)?.numFmt ?? 'General';
      cell.value = value instanceof Date ? isoToSerial(value.toISOString().slice(0, 10)) : value;
    }));
    for (const m of grid.merges ?? []) {
      sheet.mergedAreas.push({ row: m.top, col: m.left, rowCount: m.bottom - m.top + 1, colCount: m.right - m.left + 1 });
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) sheet.cells.delete(`${r},${c}`);
    }
  }
  return workbook;
}
