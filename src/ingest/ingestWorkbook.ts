import { columnLetter } from '../domain/a1';
import { duplicateIssues, duplicateMembers, duplicateStaff, type DuplicateGroup } from '../domain/duplicates';
import type { Issue } from '../domain/issues';
import type { Origin, RecordsByKind, SheetKind } from '../domain/records';
import { findCopies, issuesOfCopy } from './copies';
import type { SheetGrid } from './grid';
import { ingestSheet, type IngestOptions, type SheetResult } from './ingestSheet';

export type RecordSets = { [K in SheetKind]: Array<RecordsByKind[K]> };

export interface WorkbookIngest {
  sheets: SheetResult[];
  records: RecordSets;
  issues: Issue[];
}

export function emptyRecordSets(): RecordSets {
  return { staff: [], units: [], mergerPlan: [], members: [], orgs: [], targets: [], tasks: [] };
}

/**
 * Reads every sheet of one or more workbooks; records of the same kind are put together. A sheet
 * that copies an earlier one of its workbook is counted once, with a warning (see copies.ts).
 */
export function ingestWorkbook(grids: readonly SheetGrid[], options: Omit<IngestOptions, 'kind'> = {}): WorkbookIngest {
  const sheets = grids.map((g) => ingestSheet(g, options));
  const copyOf = findCopies(sheets);
  for (let i = 0; i < sheets.length; i++) {
    const j = copyOf[i];
    if (j === undefined) continue;
    sheets[i].copyOf = sheets[j].sheet;
    sheets[i].issues = issuesOfCopy(sheets[i], sheets[j]);
  }
  const records = emptyRecordSets();
  for (const s of sheets) {
    if (!s.kind || s.copyOf !== undefined) continue;
    // A kind's only sheet gives its array as it is; more are joined by concat, a sheet at a time (a
    // push a record took 2 % of a 100,000-row report). Nothing writes to these arrays afterwards.
    const sofar = records[s.kind] as unknown[];
    (records as Record<SheetKind, unknown[]>)[s.kind] = sofar.length === 0 ? s.records : sofar.concat(s.records);
  }
  const book = { sheets, records, issues: sheets.flatMap((s) => s.issues) };
  book.issues.push(...duplicateIssues(duplicatePersons(book)));
  return book;
}

/**
 * Where a record's field is: the sheet's column of that field on the record's row (the sheet result's
 * `columns` carry sheet letters, wherever the used range starts). Given several fields, the first
 * the sheet has; the sheet's first column when it has none of them.
 */
export function fieldCellOf(sheets: readonly SheetResult[], fields: string | readonly string[]): (origin: Origin) => string {
  const wanted = typeof fields === 'string' ? [fields] : fields;
  // By file, then sheet: no key string built for each of the rows asked about.
  const letters = new Map<string, Map<string, string>>();
  for (const s of sheets) {
    const mapped = wanted.map((f) => s.mapping.find((m) => m.field === f)).find((m) => m !== undefined);
    const letter = mapped ? s.columns?.find((c) => c.col === mapped.col)?.column : undefined;
    const bySheet = letters.get(s.file ?? '') ?? new Map<string, string>();
    letters.set(s.file ?? '', bySheet.set(s.sheet, letter ?? columnLetter(0)));
  }
  return (origin) => `${letters.get(origin.file ?? '')?.get(origin.sheet) ?? 'A'}${origin.row}`;
}

/** Where a record's name is. */
export function nameCellOf(sheets: readonly SheetResult[]): (origin: Origin) => string {
  return fieldCellOf(sheets, 'fullName');
}

/** People listed twice, in the staff lists and among the members present. */
export function duplicatePersons(book: WorkbookIngest): DuplicateGroup[] {
  const cellOf = nameCellOf(book.sheets);
  return [...duplicateStaff(book.records.staff, cellOf), ...duplicateMembers(book.records.members, cellOf)];
}
