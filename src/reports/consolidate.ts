import { duplicateIssues, duplicateMembers, duplicateStaff, type DuplicateGroup } from '../domain/duplicates';
import type { Issue } from '../domain/issues';
import { countBySeverity } from '../domain/issues';
import type { Origin, TargetRecord } from '../domain/records';
import { emptyRecordSets, nameCellOf, type RecordSets, type WorkbookIngest } from '../ingest/ingestWorkbook';
import type { ReportBase, ReportDefinition } from './registry';

/**
 * Several workbooks, one per district, made into one (docs/design.md, "Scale beyond one machine"). Each
 * district names its own "Phòng Nội vụ", "Chi bộ khu 1" and "DS CBCCVC": those names are kept
 * apart by the file they came from ("Phòng Nội vụ (huyen-a)", "huyen-a › DS CBCCVC"), so that
 * staff meet their own district's quotas and two units of one name are never added together. The
 * reports then run on the consolidated book as on any other; the subtotals are each district's
 * own report, so they add up to the whole wherever a figure is a sum.
 */

export interface InputBook {
  /** The file's name as the user gave it ("huyen-a.xlsx"). */
  file: string;
  book: WorkbookIngest;
}

/** "du-lieu/huyen-a.xlsx" → "huyen-a": what tells one district's names from another's. */
export function inputLabel(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.xlsx$/i, '');
}

const qualify = (name: string, label: string) => `${name} (${label})`;

/** Where a row is, once several workbooks are read as one: the file's label leads the sheet's name. */
const sheetIn = (sheet: string, label: string) => `${label} › ${sheet}`;

function relabel(book: WorkbookIngest, file: string): WorkbookIngest {
  const label = inputLabel(file);
  // A sheet's records share its name: qualified once per sheet, not per record.
  const sheets = new Map<string, string>();
  const place = (o: Origin): Origin => {
    let sheet = sheets.get(o.sheet);
    if (sheet === undefined) sheets.set(o.sheet, (sheet = sheetIn(o.sheet, label)));
    return { sheet, row: o.row, file };
  };
  const r = book.records;
  const records: RecordSets = {
    staff: r.staff.map((s) => ({ ...s, ...place(s), unit: qualify(s.unit, label) })),
    units: r.units.map((u) => ({ ...u, ...place(u), unit: qualify(u.unit, label) })),
    mergerPlan: r.mergerPlan.map((p) => ({ ...p, ...place(p), fromUnit: qualify(p.fromUnit, label), toUnit: qualify(p.toUnit, label) })),
    members: r.members.map((m) => ({ ...m, ...place(m), partyCell: qualify(m.partyCell, label), ...(m.baseOrg ? { baseOrg: qualify(m.baseOrg, label) } : {}) })),
    orgs: r.orgs.map((o) => ({ ...o, ...place(o), name: qualify(o.name, label), ...(o.parent ? { parent: qualify(o.parent, label) } : {}) })),
    targets: r.targets.map((t) => ({ ...t, ...place(t) })),
    tasks: r.tasks.map((t) => ({ ...t, ...place(t), ...(t.owner ? { owner: qualify(t.owner, label) } : {}) })),
  };
  return {
    sheets: book.sheets.map((s) => ({ ...s, sheet: sheetIn(s.sheet, label), file })),
    records,
    issues: book.issues.map((i) => (i.sheet === 'tochuc' ? { ...i, file } : { ...i, sheet: sheetIn(i.sheet, label), file })),
  };
}

/**
 * A province's targets are its districts' together: plans and population add up, year by year;
 * a target rate is the province's own, so the first workbook's stands, and a district giving
 * another is told.
 */
function mergeTargets(targets: readonly TargetRecord[], issues: Issue[]): TargetRecord[] {
  const byYear = new Map<number | undefined, TargetRecord>();
  for (const t of targets) {
    const seen = byYear.get(t.year);
    if (!seen) {
      byYear.set(t.year, { ...t });
      continue;
    }
    if (t.admissionPlan !== undefined) seen.admissionPlan = (seen.admissionPlan ?? 0) + t.admissionPlan;
    if (t.population !== undefined) seen.population = (seen.population ?? 0) + t.population;
    for (const key of ['memberShareTarget', 'goodOrBetterTarget'] as const) {
      const value = t[key];
      if (value === undefined) continue;
      if (seen[key] === undefined) seen[key] = value;
      else if (seen[key] !== value) {
        issues.push({
          sheet: t.sheet, cell: 'A1', severity: 'info', code: 'consolidation.targetDiffers', ...(t.file ? { file: t.file } : {}),
          message: `Tỷ lệ mục tiêu ${key === 'memberShareTarget' ? 'đảng viên/dân số' : 'TCCSĐ HTTNV trở lên'}${t.year ? ` năm ${t.year}` : ''} của tệp này (${value}) khác tệp đầu (${seen[key]}): báo cáo tổng hợp dùng tỷ lệ của tệp đầu.`,
        });
      }
    }
  }
  return [...byYear.values()];
}

/** Two inputs of one file name: their units could not be told apart; the officer renames one. */
export class SameNameInputsError extends Error {}

export interface ConsolidatedBook {
  book: WorkbookIngest;
  /** People listed in more than one of the workbooks: in the staff lists, and among the members present. */
  duplicates: { staff: DuplicateGroup[]; members: DuplicateGroup[] };
}

/** One book from several; a single input is returned as it is, names untouched. */
export function consolidateBooks(inputs: readonly InputBook[]): ConsolidatedBook {
  if (inputs.length === 1) return { book: inputs[0].book, duplicates: { staff: [], members: [] } };
  const labels = inputs.map((i) => inputLabel(i.file));
  const twice = labels.find((l, i) => labels.indexOf(l) !== i);
  if (twice !== undefined) throw new SameNameInputsError(`Hai tệp cùng tên "${twice}": đổi tên một tệp để phân biệt đơn vị của từng tệp.`);
  const books = inputs.map((i) => relabel(i.book, i.file));
  const records = emptyRecordSets();
  for (const b of books) {
    for (const kind of Object.keys(records) as Array<keyof RecordSets>) (records[kind] as unknown[]).push(...b.records[kind]);
  }
  const issues = books.flatMap((b) => b.issues);
  records.targets = mergeTargets(records.targets, issues);
  const sheets = books.flatMap((b) => b.sheets);
  const cellOf = nameCellOf(sheets);
  const acrossFiles = (groups: DuplicateGroup[]) => groups.filter((g) => new Set(g.rows.map((r) => r.file)).size > 1);
  const duplicates = { staff: acrossFiles(duplicateStaff(records.staff, cellOf)), members: acrossFiles(duplicateMembers(records.members, cellOf)) };
  issues.push(...duplicateIssues([...duplicates.staff, ...duplicates.members], 'acrossFiles'));
  return { book: { sheets, records, issues }, duplicates };
}

/** Each district's headline figures, as its own report gives them: one row of the subtotals table. */
export interface InputSubtotal {
  file: string;
  values: Array<number | null>;
  errors: number;
  warnings: number;
}

export interface Consolidation {
  /** The subtotals' column headers, in the report's words. */
  columns: string[];
  inputs: InputSubtotal[];
  duplicates: DuplicateGroup[];
}

/**
 * The subtotals of each input's own report (the kind's `subtotals`, five figures a province adds up
 * across its districts) and the people found in two of them, among whom the kind says.
 */
export function consolidation<R extends ReportBase>(definition: ReportDefinition<R>, inputs: ReadonlyArray<{ file: string; report: R }>, found: ConsolidatedBook['duplicates']): Consolidation {
  const columns = inputs.length ? definition.subtotals(inputs[0].report).map((c) => c.header) : [];
  return {
    columns,
    inputs: inputs.map(({ file, report }) => {
      const counts = countBySeverity(report.issues);
      return { file, values: definition.subtotals(report).map((c) => c.value), errors: counts.error, warnings: counts.warning };
    }),
    duplicates: found[definition.duplicatesAmong],
  };
}
