import type { Issue } from '../domain/issues';
import type { SheetResult } from './ingestSheet';

/**
 * Sheets that are copies of an earlier sheet of the same workbook (docs/decisions.md, "Reading
 * sheets"): Excel's "Move or Copy" makes "DS CBCCVC (2)", and without this every person of it was
 * counted twice.
 *
 * What counts as a copy: a sheet of the same kind, in the same workbook, whose records are the
 * earlier sheet's one for one — the same rows, the same values in every field read — whatever the
 * sheet is called (its name is the one thing a record carries that may differ) and whether it is
 * visible or hidden. The later sheet is the copy: the first in workbook order is kept, as the one
 * the officer made first and most likely keeps up to date.
 *
 * What does not: a copy with one row edited, a row added or removed, or rows in another order. Its
 * records are not all the earlier sheet's, and dropping it would lose the edit; both are counted,
 * and the duplicate-person check (src/domain/duplicates.ts) names every person listed in both, for
 * the officer to decide. Sheets of different workbooks are never copies of each other: districts
 * keep lists of the same shape, and two may even hold the same rows by chance of a template.
 * Sheets without records are not copies either (an empty list counts nothing twice).
 *
 * Cheap on the hot path: only sheets of one kind and one workbook with the same number of records
 * are compared (a workbook has one sheet of a kind, as a rule: no comparison at all), and the
 * comparison stops at the first field that differs.
 */
export function findCopies(sheets: readonly SheetResult[]): Array<number | undefined> {
  const copyOf = new Array<number | undefined>(sheets.length).fill(undefined);
  for (let i = 1; i < sheets.length; i++) {
    const s = sheets[i];
    if (!s.kind || s.records.length === 0) continue;
    for (let j = 0; j < i; j++) {
      const earlier = sheets[j];
      if (copyOf[j] !== undefined || earlier.kind !== s.kind || earlier.file !== s.file || earlier.records.length !== s.records.length) continue;
      if (sameRecords(earlier.records, s.records)) {
        copyOf[i] = j;
        break;
      }
    }
  }
  return copyOf;
}

function sameRecords(a: readonly object[], b: readonly object[]): boolean {
  for (let i = 0; i < a.length; i++) if (!sameRecord(a[i] as Record<string, unknown>, b[i] as Record<string, unknown>)) return false;
  return true;
}

/** Every field but the sheet's name; `row` included (the same rows, not merely the same people). */
function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const key in a) if (key !== 'sheet' && !sameValue(a[key], b[key])) return false;
  for (const key in b) if (key !== 'sheet' && !(key in a) && b[key] !== undefined) return false;
  return true;
}

/** Records hold strings, numbers, booleans, undefined, and small arrays or objects of them (badge years, ratings by year). */
function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  const xs = x as Record<string, unknown>;
  const ys = y as Record<string, unknown>;
  const keys = Object.keys(xs);
  if (keys.length !== Object.keys(ys).length) return false;
  for (const key of keys) if (!sameValue(xs[key], ys[key])) return false;
  return true;
}

/** The warning on the copy, at its header's first cell (A1 when it has no header row, as a targets sheet). */
export function copyIssue(copy: SheetResult, original: SheetResult): Issue {
  const cell = copy.headerRows ? `${copy.columns?.[0]?.column ?? 'A'}${copy.headerRows[0]}` : 'A1';
  return {
    sheet: copy.sheet, cell, severity: 'warning', code: 'sheet.copy',
    message: `Trang "${copy.sheet}" là bản sao của trang "${original.sheet}" (cùng ${copy.records.length} bản ghi, cùng dòng, cùng giá trị): chỉ tính một lần, theo trang "${original.sheet}".`,
    hint: `Nếu trang "${copy.sheet}" là bản sao để lưu, có thể xóa hoặc để vậy; nếu là danh sách khác (đơn vị khác, kỳ khác), hãy sửa dữ liệu của trang cho đúng.`,
  };
}

/**
 * A copy's issues, less those its original already has at the same cell (the same values in the
 * same rows give the same issues): an error in the original is not counted twice because the sheet
 * was copied. What only the copy has (a note row added under the records) is kept.
 */
export function issuesOfCopy(copy: SheetResult, original: SheetResult): Issue[] {
  const key = (i: Issue) => `${i.cell}\u0000${i.code}\u0000${i.message}`;
  const known = new Set(original.issues.map(key));
  return [copyIssue(copy, original), ...copy.issues.filter((i) => !known.has(key(i)))];
}
