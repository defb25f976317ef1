import type { MappingOverride } from '../ingest/header';
import type { OrgDetails } from '../templates/layout';

/**
 * Settings that travel inside the workbook (docs/design.md, principle 7), so that every co-author and
 * the CLI see the same: the organisation details of the report header and signature, and the
 * user's column choices. They live in the very hidden "tochuc" sheet, columns F:G (key, JSON
 * value), beside the registry of generated sheets in A:D: Office.js and exceljs both read a
 * sheet, where the add-in's own settings store is out of exceljs' reach.
 */
export interface WorkbookSettings {
  org?: OrgDetails;
  mappings?: MappingOverride[];
}

export const SETTINGS_COLUMN = 5; // F
const KEYS = ['org', 'mappings'] as const;

/** Reads the key/value cells (rows of [key, json]); a value that is not valid JSON is reported, not guessed. */
export function settingsFromCells(rows: ReadonlyArray<ReadonlyArray<unknown>>): { settings: WorkbookSettings; problems: string[] } {
  const settings: WorkbookSettings = {};
  const problems: string[] = [];
  rows.forEach((row, i) => {
    const key = String(row[0] ?? '').trim();
    if (!key || (i === 0 && key === 'key')) return;
    if (!(KEYS as readonly string[]).includes(key)) return;
    try {
      (settings as Record<string, unknown>)[key] = JSON.parse(String(row[1] ?? ''));
    } catch {
      problems.push(`Thiết lập "${key}" trong trang ẩn tochuc không đọc được (không phải JSON hợp lệ); bỏ qua.`);
    }
  });
  return { settings, problems };
}

export function settingsToCells(settings: WorkbookSettings): string[][] {
  const rows: string[][] = [['key', 'value']];
  for (const key of KEYS) if (settings[key] !== undefined) rows.push([key, JSON.stringify(settings[key])]);
  return rows;
}

/** The report sheets tochuc wrote, from the registry rows (column A, under its header). */
export function generatedSheetNames(rows: ReadonlyArray<ReadonlyArray<unknown>>): string[] {
  return rows.slice(1).map((r) => String(r[0] ?? '').trim()).filter((name) => name !== '');
}

/** The sheets the registry lists under one report kind (column B), e.g. "template:reduction", in its order. */
export function sheetsOfReport(rows: ReadonlyArray<ReadonlyArray<unknown>>, report: string): string[] {
  return rows.slice(1).filter((r) => String(r[1] ?? '').trim() === report).map((r) => String(r[0] ?? '').trim()).filter((name) => name !== '');
}

/** The user's choice of column for a field of one sheet, replacing an earlier choice for the same field and sheet. */
export function withMapping(mappings: readonly MappingOverride[], sheet: string, field: string, column: string): MappingOverride[] {
  return [...mappings.filter((m) => !(m.sheet === sheet && m.field === field)), { sheet, field, header: column }];
}
