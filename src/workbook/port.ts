import type { SheetGrid } from '../ingest/grid';

/**
 * The workbook port: what the core needs from a workbook, whichever end provides it
 * (Office.js in the task pane, exceljs in the CLI). Writing reports joins it with the fill plan.
 */
export interface WorkbookSource {
  /** A name for messages: the file path, or the open workbook's name. */
  readonly label: string;
  /** Every worksheet as plain values. Hidden helper sheets of tochuc itself are left out. */
  readSheets(): Promise<SheetGrid[]>;
}
