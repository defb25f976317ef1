import type { MappingOverride } from '../ingest/header';
import { freeSheetName } from '../templates/plan';
import type { OrgDetails } from '../templates/layout';

/**
 * The very hidden sheet "tochuc", whole: the registry of the sheets tochuc generated (A:D: sheet,
 * report, period, time), so that a later run replaces only sheets tochuc made and never one of the
 * user's own, and the settings that travel inside the workbook (F:G: key, JSON value; docs/design.md,
 * principle 7), so that every co-author and the CLI see the same: the organisation details of the
 * report header and signature, and the user's column choices. Office.js and exceljs both read a
 * sheet, where the add-in's own settings store is out of exceljs' reach.
 */
export const REGISTRY_SHEET = 'tochuc';
/** Header of the registry of generated sheets (columns A:D of the hidden sheet). */
export const REGISTRY_HEADER = ['sheet', 'report', 'period', 'generatedAt'];

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

/**
 * Where each planned sheet goes. A free name is taken as it is. Where a sheet of the name stands,
 * the new one takes its place only when tochuc made it (`ours`: the registry lists it), the caller
 * may replace (the user has agreed) and no earlier sheet of this plan took the name; otherwise it
 * gets the next free name ("TGBC 2019 (2)"). Excel's sheet names are unique whatever their case.
 */
export function placeSheets(planned: readonly string[], existing: readonly string[], ours: ReadonlySet<string>, replace: boolean): Array<{ name: string; replaces: boolean }> {
  const standing = new Set(existing);
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const isTaken = (name: string) => taken.has(name.toLowerCase());
  const chosen = new Set<string>();
  return planned.map((wanted) => {
    let name = wanted;
    let replaces = false;
    if (isTaken(name)) {
      if (replace && standing.has(name) && ours.has(name) && !chosen.has(name)) replaces = true;
      else name = freeSheetName(name, isTaken);
    }
    chosen.add(name);
    taken.add(name.toLowerCase());
    return { name, replaces };
  });
}
