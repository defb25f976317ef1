import type { Issue } from '../domain/issues';
import type { RecordsByKind, SheetKind } from '../domain/records';
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

/** Reads every sheet of one or more workbooks; records of the same kind are put together. */
export function ingestWorkbook(grids: readonly SheetGrid[], options: Omit<IngestOptions, 'kind'> = {}): WorkbookIngest {
  const sheets = grids.map((g) => ingestSheet(g, options));
  const records = emptyRecordSets();
  for (const s of sheets) {
    if (!s.kind) continue;
    const target = records[s.kind] as unknown[];
    for (const record of s.records) target.push(record);
  }
  return { sheets, records, issues: sheets.flatMap((s) => s.issues) };
}
