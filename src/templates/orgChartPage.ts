import { parseA1Range, rangeA1 } from '../domain/a1';
import { layoutOrgChart, type OrgChartLayout } from './orgChartLayout';
import { printableSize } from './paginate';
import type { OrgChartPlan, PageSetup, SheetPlan } from './plan';
import { cellAt, cellOrigin } from './sheetGeometry';

/**
 * An organisation chart on a printed page of its own, under its sheet's table, so that it is part
 * of the appendix as it prints, as a department head expects it; drawn beside the table, outside
 * the print area, it was seen on screen only (docs/decisions.md, "Pages"). Both executors draw it
 * from the plan, so it lies in the same place whichever writes the file.
 */

/** The print scale, in percent, at which the chart fits the page's width and height. */
export function chartScale(page: PageSetup, layout: OrgChartLayout): number {
  const printable = printableSize(page);
  return Math.min(100, Math.floor(Math.min(printable.width / layout.width, printable.height / layout.height) * 99));
}

/**
 * Anchors the chart at column A under the sheet's last row, with a page break above it and the
 * print area widened to hold it. The sheet's scale was set, before its pages were laid out, to
 * `chartScale` at most (planner.ts).
 */
export function placeOrgChart(sheet: SheetPlan, chart: OrgChartPlan, layout: OrgChartLayout = layoutOrgChart(chart)): void {
  const row = sheet.rows.length;
  const anchor = `A${row + 1}`;
  sheet.orgChart = { ...chart, anchor };
  const page = sheet.page;
  if (!page) return;
  const origin = cellOrigin(sheet, anchor);
  const end = cellAt(sheet, layout.width, origin.top + layout.height);
  const area = page.printArea ? parseA1Range(page.printArea) : undefined;
  page.printArea = rangeA1({ top: 0, left: 0, bottom: end.row, right: Math.max(area?.right ?? 0, end.column) });
  page.breaks = [...(page.breaks ?? []), row];
  // The table's print titles would repeat over the chart's page.
  delete page.titleRows;
}
