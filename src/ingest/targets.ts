import type { Issue } from '../domain/issues';
import type { TargetRecord } from '../domain/records';
import { foldKey } from '../domain/text';
import { cellAddress, cellText, isBlank, type SheetGrid } from './grid';
import { TARGET_KEYS } from './kinds';
import { parseNumber } from '../domain/viNumbers';

type TargetKey = (typeof TARGET_KEYS)[number]['key'];
const KEY_BY_ALIAS = new Map<string, TargetKey>(TARGET_KEYS.flatMap((t) => t.aliases.map((a) => [foldKey(a), t.key] as [string, TargetKey])));
const SCAN_ROWS = 80;
const YEAR = /\b(1[89]\d\d|2[01]\d\d)\b/;

export interface TargetsGuess {
  labelCol: number;
  /** Value columns with their year, when the header or a "Năm" row gives one. */
  valueCols: Array<{ col: number; year?: number; header: string }>;
  /** Grid rows holding a target key. */
  keyRows: Array<{ row: number; key: TargetKey }>;
  confidence: number;
}

/**
 * Targets are key/value rows ("Kế hoạch kết nạp | 450"), one value column per year where there are
 * several ("Chỉ tiêu | Năm 2020 | Năm 2021"). Found by their row labels, not a header.
 */
export function detectTargets(grid: SheetGrid): TargetsGuess | undefined {
  const rows = grid.rows;
  let best: { col: number; keyRows: Array<{ row: number; key: TargetKey }> } | undefined;
  const n = Math.min(rows.length, SCAN_ROWS);
  // Rows are sparse (holes for empty rows): a plain loop, not map/spread.
  let width = 0;
  for (let r = 0; r < n; r++) width = Math.max(width, rows[r]?.length ?? 0);
  width = Math.min(6, width);
  for (let c = 0; c < width; c++) {
    const keyRows: Array<{ row: number; key: TargetKey }> = [];
    for (let r = 0; r < n; r++) {
      const v = rows[r]?.[c];
      if (typeof v !== 'string') continue;
      const key = KEY_BY_ALIAS.get(foldKey(v));
      if (key) keyRows.push({ row: r, key });
    }
    const real = keyRows.filter((k) => k.key !== 'year').length;
    if (real >= 2 && (!best || real > best.keyRows.length)) best = { col: c, keyRows };
  }
  if (!best) return undefined;
  const firstKeyRow = best.keyRows[0].row;
  const yearRow = best.keyRows.find((k) => k.key === 'year')?.row;
  const valueCols: TargetsGuess['valueCols'] = [];
  let rowWidth = 0;
  for (const k of best.keyRows) rowWidth = Math.max(rowWidth, rows[k.row]?.length ?? 0);
  for (let c = best.col + 1; c < rowWidth; c++) {
    if (!best.keyRows.some((k) => !isBlank(rows[k.row]?.[c]))) continue;
    // The year of a value column: a "Năm" row, else the nearest header text above the first key row.
    let year: number | undefined;
    let header = '';
    if (yearRow !== undefined) {
      const y = parseNumber(rows[yearRow]?.[c]);
      if ('value' in y && Number.isInteger(y.value)) year = y.value;
    }
    for (let r = firstKeyRow - 1; r >= 0 && year === undefined; r--) {
      const text = cellText(rows[r]?.[c]);
      if (!text.trim()) continue;
      header = text.trim();
      const m = YEAR.exec(text);
      if (m) year = Number(m[1]);
      break;
    }
    valueCols.push({ col: c, header, ...(year !== undefined ? { year } : {}) });
  }
  const real = best.keyRows.filter((k) => k.key !== 'year').length;
  return { labelCol: best.col, valueCols, keyRows: best.keyRows, confidence: Math.min(1, 0.6 + 0.1 * real) };
}

export function readTargets(grid: SheetGrid, guess: TargetsGuess, issues: Issue[], file?: string): TargetRecord[] {
  const records: TargetRecord[] = [];
  for (const vc of guess.valueCols) {
    const firstRow = guess.keyRows[0].row;
    const record: TargetRecord = { sheet: grid.name, row: firstRow + (grid.origin?.row ?? 0) + 1, file, ...(vc.year !== undefined ? { year: vc.year } : {}) };
    for (const { row, key } of guess.keyRows) {
      if (key === 'year') continue;
      const v = grid.rows[row]?.[vc.col];
      if (isBlank(v)) continue;
      const parsed = parseNumber(v);
      if ('error' in parsed) {
        issues.push({ sheet: grid.name, cell: cellAddress(grid, row, vc.col), severity: 'warning', code: 'number.invalid', message: `Chỉ tiêu "${cellText(grid.rows[row]?.[guess.labelCol])}": không đọc được số "${cellText(v)}".`, hint: 'Ghi số, ví dụ 450, 108.553 hoặc 4%.' });
        continue;
      }
      // Rates may be written 4 or 4% or 0,04: a plain number above 1 is a percentage.
      const isRate = key === 'memberShareTarget' || key === 'goodOrBetterTarget';
      record[key] = isRate && !parsed.percent && parsed.value > 1 ? parsed.value / 100 : parsed.value;
    }
    records.push(record);
  }
  return records;
}
