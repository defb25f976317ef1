import type { Issue } from './issues';
import type { IsoDate, MemberRecord, Origin, StaffRecord } from './records';
import type { MemberStatus } from './vocabulary';

/**
 * The same person listed twice: same full name and birth date. In one list that is a row typed or
 * pasted twice, and every count it enters is one too high; across the workbooks of several districts
 * it is someone both still list (a transfer one side forgot). Two different people can share a name
 * and a birthday, so it is a warning for the officer to check, never a silent merge.
 */

export interface PersonRow {
  fullName: string;
  birthDate?: IsoDate;
  birthYearOnly?: boolean;
  origin: Origin;
  /** The unit (staff) or party cell (members), to tell the rows apart in the list. */
  unit: string;
  /** The cell of the name, "C404"; the row's first cell when the column is unknown. */
  cell: string;
}

export interface DuplicateGroup {
  fullName: string;
  birthDate: IsoDate;
  rows: Array<Pick<PersonRow, 'unit' | 'cell'> & Origin>;
}

/**
 * A member's rows may be a history (transferred in, then out; struck off, then restored), which the
 * party report reads as one person: only two rows that both say the member is here now are a
 * duplicate.
 */
const PRESENT: ReadonlySet<MemberStatus> = new Set(['active', 'transferredIn', 'restored']);

/**
 * Name case does not matter ("Nguyễn văn An" is "Nguyễn Văn An"); spacing and Unicode form were
 * made one by ingest (cleanText), whichever workbook the name came from.
 */
export function personKey(fullName: string, birthDate: IsoDate | undefined, birthYearOnly?: boolean): string | undefined {
  // A birth year alone is too weak a match to warn about.
  if (!birthDate || birthYearOnly) return undefined;
  const name = fullName.toLowerCase();
  return name ? `${name}|${birthDate}` : undefined;
}

/** Groups of two rows or more with the same person key, in the order the rows were given. */
export function duplicateGroups(rows: readonly PersonRow[]): DuplicateGroup[] {
  const byKey = new Map<string, PersonRow[]>();
  for (const row of rows) {
    const key = personKey(row.fullName, row.birthDate, row.birthYearOnly);
    if (key === undefined) continue;
    const group = byKey.get(key);
    if (group) group.push(row);
    else byKey.set(key, [row]);
  }
  const groups: DuplicateGroup[] = [];
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    groups.push({
      fullName: group[0].fullName, birthDate: group[0].birthDate as IsoDate,
      rows: group.map((r) => ({ ...r.origin, unit: r.unit, cell: r.cell })),
    });
  }
  return groups;
}

export function staffRows(records: readonly StaffRecord[], cellOf: (origin: Origin) => string): PersonRow[] {
  return records.map((r) => ({ fullName: r.fullName, ...(r.birthDate ? { birthDate: r.birthDate } : {}), ...(r.birthYearOnly ? { birthYearOnly: true } : {}), origin: r.origin, unit: r.unit, cell: cellOf(r.origin) }));
}

export function memberRows(records: readonly MemberRecord[], cellOf: (origin: Origin) => string): PersonRow[] {
  return records.filter((r) => PRESENT.has(r.status)).map((r) => ({
    fullName: r.fullName, ...(r.birthDate ? { birthDate: r.birthDate } : {}), ...(r.birthYearOnly ? { birthYearOnly: true } : {}), origin: r.origin, unit: r.partyCell, cell: cellOf(r.origin),
  }));
}

const dmy = (iso: IsoDate) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const where = (row: Origin, withFile: boolean) => `${withFile && row.file ? `tệp ${row.file}, ` : ''}trang "${row.sheet}" dòng ${row.row}`;

/**
 * A warning at each row after the first of its group: `person.duplicate` when an earlier row is in
 * the same workbook, `person.duplicateAcrossFiles` when one is in another (both when both are).
 * `scope` 'acrossFiles' gives only the second kind, for a consolidation whose workbooks already
 * carry their own.
 */
export function duplicateIssues(groups: readonly DuplicateGroup[], scope: 'all' | 'acrossFiles' = 'all'): Issue[] {
  const issues: Issue[] = [];
  for (const group of groups) {
    group.rows.forEach((row, i) => {
      if (i === 0) return;
      const earlier = group.rows.slice(0, i);
      const same = earlier.find((e) => e.file === row.file);
      const other = earlier.find((e) => e.file !== row.file);
      const person = `${group.fullName}, sinh ngày ${dmy(group.birthDate)}`;
      const at = { sheet: row.sheet, cell: row.cell, severity: 'warning' as const, ...(row.file ? { file: row.file } : {}) };
      if (same && scope === 'all') {
        issues.push({
          ...at, code: 'person.duplicate',
          message: `Có thể trùng người: ${person} (${row.unit || 'chưa ghi đơn vị'}) đã có ở ${where(same, false)} (${same.unit || 'chưa ghi đơn vị'}).`,
          hint: 'Nếu là một người, xóa dòng thừa để không bị đếm hai lần; nếu là hai người trùng họ tên và ngày sinh, bỏ qua cảnh báo này.',
        });
      }
      if (other) {
        issues.push({
          ...at, code: 'person.duplicateAcrossFiles',
          message: `Có thể trùng người giữa hai tệp: ${person} (${row.unit || 'chưa ghi đơn vị'}) cũng có ở ${where(other, true)} (${other.unit || 'chưa ghi đơn vị'}).`,
          hint: 'Một người chỉ thuộc một đơn vị: kiểm tra việc chuyển công tác, chuyển sinh hoạt giữa hai nơi và sửa danh sách còn sót.',
        });
      }
    });
  }
  return issues;
}
