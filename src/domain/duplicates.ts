import type { Issue } from './issues';
import type { IsoDate, MemberRecord, Origin, StaffRecord } from './records';
import { isoDayNumber } from './calendar';
import type { MemberStatus } from './vocabulary';


/**
 * The same person listed twice: same full name and birth date. In one list that is a row typed or
 * pasted twice, and every count it enters is one too high; across the workbooks of several districts
 * it is someone both still list (a transfer one side forgot). Two different people can share a name
 * and a birthday, so it is a warning for the officer to check, never a silent merge.
 */

/** What the check reads of a staff or member record. */
interface PersonRecord extends Origin {
  fullName: string;
  birthDate?: IsoDate;
  birthYearOnly?: boolean;
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

// Lowercase of each UTF-16 unit of the Latin scripts (Basic Latin to IPA, and the Vietnamese
// letters of Latin Extended Additional), where lowercasing is one letter for one letter and needs
// no context; 0 where it is not (İ lowercases to two units). Filled on first use.
const LATIN_END = 0x250;
const VIET_FROM = 0x1e00;
const VIET_END = 0x1f00;
let lowerUnits: Uint16Array | undefined;

function lowerUnit(code: number): number {
  if (!lowerUnits) {
    lowerUnits = new Uint16Array(LATIN_END + VIET_END - VIET_FROM);
    const fill = (from: number, to: number, at: number) => {
      for (let c = from; c < to; c++) {
        const lower = String.fromCharCode(c).toLowerCase();
        lowerUnits![at + c - from] = lower.length === 1 ? lower.charCodeAt(0) : 0;
      }
    };
    fill(0, LATIN_END, 0);
    fill(VIET_FROM, VIET_END, LATIN_END);
  }
  if (code < LATIN_END) return lowerUnits[code];
  if (code >= VIET_FROM && code < VIET_END) return lowerUnits[LATIN_END + code - VIET_FROM];
  return 0;
}

/**
 * Same name, case aside: what `personKey` compares, without lowercasing two whole names for each
 * pair (most pairs differ at their first letters). Lowercasing a Vietnamese name keeps its length,
 * so names of different lengths differ.
 */
export function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const lx = lowerUnit(x);
    const ly = lowerUnit(y);
    // Outside the Latin letters: compare as personKey does.
    if (lx === 0 || ly === 0) return a.toLowerCase() === b.toLowerCase();
    if (lx !== ly) return false;
  }
  return true;
}

// A bucket (day, name length, last letter) of more rows than this holds a default typed in bulk
// (01/01/1970): its names are grouped by key rather than compared two by two.
const PAIRWISE_LIMIT = 32;

/** Rows (positions in `records`, ascending) of one bucket (`bucketOf`) that share a name, each group in row order. */
function sameNameGroups<R extends PersonRecord>(records: readonly R[], rows: readonly number[], found: number[][]): void {
  if (rows.length > PAIRWISE_LIMIT) {
    const byName = new Map<string, number[]>();
    for (const i of rows) {
      const key = records[i].fullName.toLowerCase();
      const same = byName.get(key);
      if (same) same.push(i);
      else byName.set(key, [i]);
    }
    for (const same of byName.values()) if (same.length > 1) found.push(same);
    return;
  }
  const taken: boolean[] = [];
  for (let a = 0; a < rows.length - 1; a++) {
    if (taken[a]) continue;
    const name = records[rows[a]].fullName;
    let same: number[] | undefined;
    for (let b = a + 1; b < rows.length; b++) {
      if (taken[b] || !sameName(name, records[rows[b]].fullName)) continue;
      taken[b] = true;
      (same ??= [rows[a]]).push(rows[b]);
    }
    if (same) found.push(same);
  }
}

const FIRST_YEAR = 1800;
const YEARS = 500;
const LENGTH_SPAN = 64;
const LETTER_SPAN = 128;

/**
 * A number that is the same for the same person key: the birth day (read from the ISO date's
 * digits, no string hashed or built), the name's length and its last letter lowercased (names end
 * in the given name, which tells most people of one day apart). Below 2^31, for an Int32Array.
 * -1 for a date not in ISO form between 1800 and 2299, which ingest never gives.
 */
function bucketOf(birthDate: IsoDate, name: string): number {
  const dayIndex = isoDayNumber(birthDate) - FIRST_YEAR * 416;
  if (dayIndex < 0 || dayIndex >= YEARS * 416) return -1;
  const length = Math.min(name.length, LENGTH_SPAN - 1);
  return (dayIndex * LENGTH_SPAN + length) * LETTER_SPAN + (lowerUnit(name.charCodeAt(name.length - 1)) & (LETTER_SPAN - 1));
}

/**
 * Groups of two records or more with the same person key, in the order their first rows were
 * given. Birth day, name length and last letter first, as one number a row, chained in a table
 * of typed arrays: they tell nearly everyone apart, so names are compared only within a few rows,
 * and a list of 100,000 builds no key, map or array per row.
 */
function duplicateGroups<R extends PersonRecord>(records: readonly R[], unitOf: (r: R) => string, cellOf: (origin: Origin) => string): DuplicateGroup[] {
  const n = records.length;
  const buckets = new Int32Array(n).fill(-1);
  const bits = Math.max(4, Math.ceil(Math.log2(n * 2 + 1)));
  const slots = 2 ** bits;
  const head = new Int32Array(slots).fill(-1);
  const next = new Int32Array(n);
  let odd: number[] | undefined;
  for (let i = n - 1; i >= 0; i--) {
    const r = records[i];
    if (!r.birthDate || r.birthYearOnly || !r.fullName) continue;
    const bucket = bucketOf(r.birthDate, r.fullName);
    if (bucket < 0) {
      (odd ??= []).push(i);
      continue;
    }
    buckets[i] = bucket;
    // Fibonacci hashing: the product's high bits mix every bit of the bucket. Filled from the
    // last row, each chain lists its rows in row order.
    const slot = Math.imul(bucket, 0x9e3779b1) >>> (32 - bits);
    next[i] = head[slot];
    head[slot] = i;
  }
  const found: number[][] = [];
  const done = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const bucket = buckets[i];
    if (bucket < 0 || done[i]) continue;
    let rows: number[] | undefined;
    for (let j = next[i]; j >= 0; j = next[j]) {
      if (buckets[j] !== bucket) continue;
      done[j] = 1;
      (rows ??= [i]).push(j);
    }
    if (rows) sameNameGroups(records, rows, found);
  }
  if (odd) {
    const byDate = new Map<string, number[]>();
    for (const i of odd.reverse()) {
      const rows = byDate.get(records[i].birthDate as string);
      if (rows) rows.push(i);
      else byDate.set(records[i].birthDate as string, [i]);
    }
    for (const rows of byDate.values()) if (rows.length > 1) sameNameGroups(records, rows, found);
  }
  return found.sort((a, b) => a[0] - b[0]).map((same) => {
    const first = records[same[0]];
    return {
      fullName: first.fullName, birthDate: first.birthDate as IsoDate,
      rows: same.map((i) => {
        const r = records[i];
        return { sheet: r.sheet, row: r.row, ...(r.file !== undefined ? { file: r.file } : {}), unit: unitOf(r), cell: cellOf(r) };
      }),
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
