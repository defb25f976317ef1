import type { ExcelHost } from './host';

/**
 * The task pane's "go to the issue": selects one cell (or range) of a sheet, which also brings the
 * sheet to the front. One sync. Rejects (ItemNotFound, InvalidArgument…) when the sheet or the
 * address no longer exists or the sheet is hidden; the pane says so instead of crashing.
 */
export async function selectCell(host: ExcelHost, sheet: string, cell: string): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(cell).select();
    await context.sync();
  });
}
