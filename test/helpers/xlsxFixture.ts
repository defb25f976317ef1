import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';

export type FixtureCell = string | number | boolean | Date | null | undefined;
export interface FixtureSheet {
  name: string;
  rows: FixtureCell[][];
  /** A1 ranges such as "C5:D5". */
  merges?: string[];
  /** Number format per column letter, for real date cells. */
  formats?: Record<string, string>;
}

const root = path.join(os.tmpdir(), 'tochuc-fixtures');

/** Writes a real .xlsx file to disk (as an officer's workbook would be) and returns its path. */
export async function writeFixture(fileName: string, sheets: FixtureSheet[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2021, 5, 30));
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        ws.getCell(r + 1, c + 1).value = v;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const [col, fmt] of Object.entries(s.formats ?? {})) ws.getColumn(col).numFmt = fmt;
  }
  await fs.mkdir(root, { recursive: true });
  const file = path.join(root, fileName);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A date at UTC midnight, as exceljs reads and writes date cells. */
export function utcDate(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/** Every cell of a written workbook as text, sheet by sheet and row by row: formulas as "=…", dates as ISO days. */
export async function sheetTexts(file: string): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = new Map<string, string[][]>();
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row, n) => {
      const cells: string[] = [];
      row.eachCell((cell, c) => {
        const v = cell.value as unknown;
        cells[c - 1] = v && typeof v === 'object' && 'formula' in v ? `=${(v as { formula: string }).formula}` : v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '');
      });
      rows[n - 1] = cells;
    });
    sheets.set(ws.name, rows);
  });
  return sheets;
}
