import type { Issue } from './issues';
import type { IsoDate, MemberRecord, Origin, StaffRecord } from './records';
import type { MemberStatus } from './vocabulary';

/**
 * The same person listed twice: same full name and birth date. In one list that is a row typed or
 * pasted twice, and every count it enters is one too high; across the workbooks of several districts
 * it is someone both still list (a transfer one side forgot). Two different people can share a name
 * and a birthday, so it is a warning for the officer to check, never a silent merge.
 */

/** What the check reads of a staff or member record. */
interface PersonRecord {
  fullName: string;
  birthDate?: IsoDate;
  birthYearOnly?: boolean;
  origin: Origin;
}

export interface DuplicateGroup {
  fullName: string;
  birthDate: IsoDate;
  /** Each place the person is listed: the unit (staff) or party cell (members), and the name's cell ("C404"). */
  rows: Array<Origin & { unit: string; cell: string }>;
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

/**
 * Groups of two records or more with the same person key, in the order their first rows were
 * given. Birth dates first: they tell nearly everyone apart, so names are compared only within a
 * day, and a list of 100,000 builds no key for most of its rows.
 */
function duplicateGroups<R extends PersonRecord>(records: readonly R[], unitOf: (r: R) => string, cellOf: (origin: Origin) => string): DuplicateGroup[] {
  const byDay = new Map<IsoDate, number[]>();
  records.forEach((r, i) => {
    if (!r.birthDate || r.birthYearOnly) return;
    const day = byDay.get(r.birthDate);
    if (day) day.push(i);
    else byDay.set(r.birthDate, [i]);
  });
  const found: number[][] = [];
  for (const day of byDay.values()) {
    if (day.length < 2) continue;
    const byName = new Map<string, number[]>();
    for (const i of day) {
      const key = personKey(records[i].fullName, records[i].birthDate);
      if (key === undefined) continue;
      const same = byName.get(key);
      if (same) same.push(i);
      else byName.set(key, [i]);
    }
    for (const same of byName.values()) if (same.length > 1) found.push(same);
  }
  return found.sort((a, b) => a[0] - b[0]).map((same) => {
    const first = records[same[0]];
    return {
      fullName: first.fullName, birthDate: first.birthDate as IsoDate,
      rows: same.map((i) => ({ ...records[i].origin, unit: unitOf(records[i]), cell: cellOf(records[i].origin) })),
    };
  });
}

export function duplicateStaff(records: readonly StaffRecord[], cellOf: (origin: Origin) => string): DuplicateGroup[] {
  return duplicateGroups(records, (r) => r.unit, cellOf);
}

export function duplicateMembers(records: readonly MemberRecord[], cellOf: (origin: Origin) => string): DuplicateGroup[] {
  return duplicateGroups(records.filter((r) => PRESENT.has(r.status)), (r) => r.partyCell, cellOf);
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
