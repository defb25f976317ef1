import type { Issue } from '../../domain/issues';
import { addDays, addMonths, daysBetween, isoOf } from '../../domain/calendar';
import { ageOn, awardDaysAround, badgeJoinWindows, badgesDue, excellentWithinCap, isLargeCell, isProbationaryOn, lacksOfficialMembers, partyAnniversary, probationEnd } from '../../domain/partyRules';
import { isoDayNumber } from '../../domain/calendar';
import { type IsoDate, type MemberRecord, type OrgRecord, type TargetRecord, type TaskRecord } from '../../domain/records';
import { seededSample } from '../../domain/sampling';
import { foldingOnce, foldKey } from '../../domain/text';
import type { MemberStatus, Rating } from '../../domain/vocabulary';
import type { WorkbookIngest } from '../../ingest/ingestWorkbook';
import { inPeriod, type Period } from '../../domain/period';

/** Báo cáo chỉ tiêu công tác xây dựng Đảng (docs/reports.md, 2. Reports, "partyQuarterly"): the keys are a contract. */

const ARRIVALS: readonly MemberStatus[] = ['transferredIn', 'restored'];
const LEAVINGS: readonly MemberStatus[] = ['transferredOut', 'deceased', 'removed', 'expelled', 'resigned'];
const MOVEMENTS = ['transferredIn', 'restored', 'transferredOut', 'deceased', 'removed', 'expelled', 'resigned'] as const;
type Movement = (typeof MOVEMENTS)[number];

export interface Movements extends Record<Movement, number> {
  start: number;
  admitted: number;
  /** Of those struck off (xóa tên), the probationary ones: Biểu 1-BTCTW shows them apart. */
  removedProbationary: number;
  increase: number;
  decrease: number;
  end: number;
  /** start + increase − decrease: equals `end` when the register is consistent. */
  balance: number;
}

/** A member in a list of the report (appendix sheets), with the row to check. */
export interface MemberLine {
  fullName: string;
  birthDate?: IsoDate;
  partyCell: string;
  joinDate: IsoDate;
  sheet: string;
  row: number;
}

export interface PartyQuarterlyReport {
  kind: 'partyQuarterly';
  period: Period;
  generatedAt: string;
  source: string[];
  issues: Issue[];
  members: Movements & {
    samePeriodLastYear: Movements;
    probationary: number;
    official: number;
    female: number;
    ethnicMinority: number;
    religious: number;
  };
  admission: {
    period: number;
    ytd: number;
    plan: number | null;
    planRate: number | null;
    samePeriodLastYear: number;
    /** Admissions in each quarter of the year up to the period's end, for the chart against the plan. */
    byQuarter: Array<{ quarter: string; admitted: number; cumulative: number }>;
    profile: {
      female: number;
      youth: number;
      ethnicMinority: number;
      religious: number;
      averageAge: number | null;
      ageBands: Array<{ band: string; count: number }>;
      /** Admitted members whose birth date is missing or only a year: left out of the ages. */
      ageUnknown: number;
    };
  };
  population: { year: number | null; total: number | null; memberShare: number | null; target: number | null; gap: number | null };
  orgs: {
    baseOrgs: number;
    baseCommittees: number;
    baseCells: number;
    subCells: number;
    cells: number;
    newInPeriod: number;
    cellsUnder3Official: number;
    largeCells: number;
    newList: Array<{ name: string; level: string; foundedDate: IsoDate }>;
    smallCellList: Array<{ name: string; official: number; members: number }>;
    largeCellList: Array<{ name: string; members: number }>;
  };
  ratings: {
    year: number | null;
    excellent: number;
    good: number;
    completed: number;
    failed: number;
    unrated: number;
    rated: number;
    goodOrBetterRate: number | null;
    target: number | null;
    excellentCapOk: boolean;
  };
  eHandbook: { cells: number; using: number; rate: number | null };
  probation: {
    nextQuarter: Period;
    dueNextQuarter: Array<MemberLine & { dueDate: IsoDate }>;
    overdue: Array<MemberLine & { dueDate: IsoDate; daysOverdue: number }>;
  };
  badges: {
    previousDate: IsoDate;
    nextDate: IsoDate;
    due: Array<MemberLine & { years: number; anniversary: IsoDate }>;
    byYears: Array<{ years: number; count: number }>;
  };
  tasks: {
    year: number;
    registered: number;
    done: number;
    late: number;
    inProgress: number;
    notStarted: number;
    rate: number | null;
    byOwner: Array<{ owner: string; registered: number; done: number; late: number; rate: number | null }>;
    auditSample: Array<{ task: string; owner: string; deadline?: IsoDate; status: TaskRecord['status']; sheet: string; row: number }>;
    sampleSize: number;
    seed: number;
  };
}

export interface PartyQuarterlyParams {
  period: Period;
  generatedAt: string;
  /** Tasks drawn for the spot check; 10 by default. */
  sampleSize?: number;
  /** Seed of the draw; by default the period's end as a number (20210630), so a re-run draws the same tasks. */
  seed?: number;
}

export const DEFAULT_SAMPLE_SIZE = 10;

/**
 * One person of the register. A person may take several rows (a transfer in, then out; struck off,
 * then restored): their rows are one history, keyed by name, birth date and admission date.
 */
interface Person {
  first: MemberRecord;
  last: MemberRecord;
  joinDate: IsoDate;
  officialDate?: IsoDate;
  /** Arrivals (+1) and departures (−1) in date order; the admission is an arrival unless the history starts with one. */
  events: Array<{ date: IsoDate; delta: 1 | -1 }>;
  /** The admission was here (not before a transfer in or a restoration). */
  admittedHere: boolean;
  badgeYears: number[];
  monthsOutside?: number;
  /** The months outside could not be known (a restoration without the earlier departure or a gap column). */
  gapUnknown: boolean;
}

// Case, spacing and Unicode form do not make another person; diacritics do ("Hà" is not "Hạ").
// A history lies within one register: the same member in two districts' workbooks is two rows to
// check (consolidate lists them), not one history.
const personKey = (m: MemberRecord) => `${m.file ?? ''}|${m.fullName.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()}|${m.birthDate ?? ''}|${m.joinDate}`;

function monthsBetween(from: IsoDate, to: IsoDate): number {
  let months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  if (to.slice(8) < from.slice(8)) months--;
  return Math.max(0, months);
}

/** The common case, one row: no sorting or merging (60,000 members make this the hot path). */
function single(r: MemberRecord): Person {
  const moved = r.status !== 'active' && r.statusDate !== undefined;
  const arrival = moved && ARRIVALS.includes(r.status);
  const events: Person['events'] = !moved ? [{ date: r.joinDate, delta: 1 }] : arrival ? [{ date: r.statusDate as IsoDate, delta: 1 }] : [{ date: r.joinDate, delta: 1 }, { date: r.statusDate as IsoDate, delta: -1 }];
  return {
    first: r, last: r, joinDate: r.joinDate, officialDate: r.officialDate, events, admittedHere: !arrival, badgeYears: r.badgeYears,
    monthsOutside: r.monthsOutside, gapUnknown: r.status === 'restored' && r.monthsOutside === undefined,
  };
}

function person(records: MemberRecord[]): Person {
  if (records.length === 1) return single(records[0]);
  const dated = records.filter((r) => r.statusDate && r.status !== 'active').sort((a, b) => (a.statusDate as string).localeCompare(b.statusDate as string));
  const moves = dated.map((r) => ({ date: r.statusDate as IsoDate, delta: (ARRIVALS.includes(r.status) ? 1 : -1) as 1 | -1 }));
  const admittedHere = moves.length === 0 || moves[0].delta === -1;
  const events = admittedHere ? [{ date: records[0].joinDate, delta: 1 as const }, ...moves] : moves;
  const recorded = records.map((r) => r.monthsOutside).filter((m): m is number => m !== undefined);
  // Gaps the history shows: from a departure to the following arrival.
  let seen = 0;
  for (let i = 1; i < events.length; i++) if (events[i].delta === 1 && events[i - 1].delta === -1) seen += monthsBetween(events[i - 1].date, events[i].date);
  const restored = records.some((r) => r.status === 'restored');
  const officials = records.map((r) => r.officialDate).filter((d): d is IsoDate => d !== undefined).sort();
  return {
    first: records[0], last: dated.length ? dated[dated.length - 1] : records[records.length - 1],
    joinDate: records[0].joinDate, officialDate: officials[0], events, admittedHere,
    badgeYears: [...new Set(records.flatMap((r) => r.badgeYears))],
    monthsOutside: recorded.length ? Math.max(...recorded) : seen || undefined,
    gapUnknown: restored && recorded.length === 0 && seen === 0,
  };
}

function activeOn(p: Person, day: IsoDate): boolean {
  let active = false;
  for (const e of p.events) {
    if (e.date > day) break;
    active = e.delta === 1;
  }
  return active;
}

function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * The birth and admission dates as one number (isoDayNumber's, below 4.2 million each: exact well
 * below 2^53); -1 when either is of another form. Two texts of one number (a text no real day has)
 * only send their rows to the Map by text below, which tells them apart.
 */
function datesNumber(r: MemberRecord): number {
  // No birth date (undefined, or empty text, which the text key below also makes one) is 0.
  const birth = r.birthDate ? isoDayNumber(r.birthDate) : 0;
  const join = isoDayNumber(r.joinDate);
  return birth >= 0 && join >= 0 ? birth * 5e6 + join : -1;
}

/** Whether `key` is in the ascending `sorted` more than once. */
function repeated(sorted: Float64Array, key: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1 < sorted.length && sorted[lo + 1] === key;
}

/**
 * Birth and admission dates first: they nearly always tell people apart, and cost less than folding
 * 60,000 names. Records whose two dates no other record shares are one person each; only the rest
 * are grouped by a Map. The dates as numbers, sorted, tell which those are: a Map of every record,
 * keyed by its dates, cost a tenth of the report on the bench's register (test/tools/bench.ts), in
 * look-ups that miss the processor's caches. Persons come in the order of their first rows, as they
 * did from that Map.
 */
function people(records: readonly MemberRecord[]): Person[] {
  const keys = new Float64Array(records.length);
  for (let i = 0; i < records.length; i++) keys[i] = datesNumber(records[i]);
  const sorted = keys.slice().sort();
  // Rows sharing their dates with another row, or with dates in another form (-1): keyed by the dates as text.
  const shared = new Map<string, MemberRecord[]>();
  const alone = new Uint8Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const k = keys[i];
    if (k >= 0 && !repeated(sorted, k)) {
      alone[i] = 1;
      continue;
    }
    const r = records[i];
    const text = `${r.birthDate ?? ''}|${r.joinDate}`;
    const g = shared.get(text);
    if (g) g.push(r);
    else shared.set(text, [r]);
  }
  const persons: Person[] = [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (alone[i]) {
      persons.push(single(r));
      continue;
    }
    const group = shared.get(`${r.birthDate ?? ''}|${r.joinDate}`) as MemberRecord[];
    if (group[0] !== r) continue;
    if (group.length === 1) persons.push(single(r));
    else for (const same of groupBy(group, personKey).values()) persons.push(person(same));
  }
  return persons;
}

const lastYear = (iso: IsoDate) => addMonths(iso, -12);
const shiftBack = (p: Period): Period => ({ from: lastYear(p.from), to: lastYear(p.to) });

function movements(persons: readonly Person[], records: readonly MemberRecord[], period: Period): Movements {
  const dayBefore = addDays(period.from, -1);
  const counts = Object.fromEntries(MOVEMENTS.map((m) => [m, 0])) as Record<Movement, number>;
  let removedProbationary = 0;
  // The same movement written twice (a duplicated row) counts once.
  const seen = new Set<string>();
  for (const r of records) {
    if (r.status === 'active' || !inPeriod(r.statusDate, period)) continue;
    const key = `${personKey(r)}|${r.status}|${r.statusDate}`;
    if (seen.has(key)) continue;
    seen.add(key);
    counts[r.status as Movement]++;
    if (r.status === 'removed' && isProbationaryOn(r, r.statusDate as IsoDate)) removedProbationary++;
  }
  let start = 0;
  let end = 0;
  let admitted = 0;
  for (const p of persons) {
    if (activeOn(p, dayBefore)) start++;
    if (activeOn(p, period.to)) end++;
    if (p.admittedHere && inPeriod(p.joinDate, period)) admitted++;
  }
  const increase = admitted + counts.transferredIn + counts.restored;
  const decrease = counts.transferredOut + counts.deceased + counts.removed + counts.expelled + counts.resigned;
  return { start, admitted, ...counts, removedProbationary, increase, decrease, end, balance: start + increase - decrease };
}

const isMinority = (m: MemberRecord, fold: (text: string) => string = foldKey) => m.ethnicity !== undefined && fold(m.ethnicity) !== 'kinh';
const isReligious = (m: MemberRecord, fold: (text: string) => string = foldKey) => m.religion !== undefined && !['khong', 'khong co', '0', '-'].includes(fold(m.religion));
const AGE_BANDS: ReadonlyArray<[string, number, number]> = [['18–30', 18, 30], ['31–35', 31, 35], ['36–40', 36, 40], ['41–45', 41, 45], ['46–50', 46, 50], ['51–55', 51, 55], ['56–60', 56, 60], ['Trên 60', 61, Infinity]];
/** Youth in Biểu 2-BTCTW: 18 to 30 on the day of admission. */
const YOUTH: [number, number] = [18, 30];

function profile(admitted: readonly Person[]): PartyQuarterlyReport['admission']['profile'] {
  const ages = admitted.filter((p) => p.first.birthDate && !p.first.birthYearOnly).map((p) => ageOn(p.first.birthDate as IsoDate, p.joinDate));
  return {
    female: admitted.filter((p) => p.first.sex === 'female').length,
    youth: ages.filter((a) => a >= YOUTH[0] && a <= YOUTH[1]).length,
    ethnicMinority: admitted.filter((p) => isMinority(p.first)).length,
    religious: admitted.filter((p) => isReligious(p.first)).length,
    averageAge: ages.length ? ages.reduce((a, b) => a + b, 0) / ages.length : null,
    ageBands: AGE_BANDS.map(([band, lo, hi]) => ({ band, count: ages.filter((a) => a >= lo && a <= hi).length })),
    ageUnknown: admitted.length - ages.length,
  };
}

/**
 * From the day after `day` to the end of the next calendar quarter: after a quarter's report, exactly
 * the next quarter; after a period ending mid-quarter, also the rest of the current one, so that no
 * member due in between falls through both lists.
 */
function upToNextQuarter(day: IsoDate): Period {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  const [ny, nq] = q === 4 ? [y + 1, 1] : [y, q + 1];
  const nextFrom = isoOf(ny, 3 * nq - 2, 1);
  return { from: addDays(day, 1), to: addDays(addMonths(nextFrom, 3), -1) };
}

/** The target row for `year`: its own column, else one without a year, else the latest earlier year. */
function targetFor(targets: readonly TargetRecord[], year: number, pick: (t: TargetRecord) => number | undefined): { value: number; year: number | null } | undefined {
  const candidates = targets.filter((t) => pick(t) !== undefined);
  const exact = candidates.find((t) => t.year === year) ?? candidates.find((t) => t.year === undefined);
  const earlier = candidates.filter((t) => t.year !== undefined && t.year < year).sort((a, b) => (b.year as number) - (a.year as number))[0];
  const t = exact ?? earlier;
  return t ? { value: pick(t) as number, year: t.year ?? null } : undefined;
}

const line = (p: Person, record: MemberRecord = p.last): MemberLine => ({
  fullName: p.first.fullName, ...(p.first.birthDate ? { birthDate: p.first.birthDate } : {}), partyCell: record.partyCell, joinDate: p.joinDate, sheet: record.sheet, row: record.row,
});

const BASE_LEVELS = new Set(['baseCommittee', 'baseCell']);
const CELL_LEVELS = new Set(['baseCell', 'subCell']);
const LEVEL_LABELS: Record<string, string> = { baseCommittee: 'Đảng bộ cơ sở', baseCell: 'Chi bộ cơ sở', subCell: 'Chi bộ trực thuộc' };
const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function orgFigures(orgs: readonly OrgRecord[], active: readonly Person[], period: Period, issues: Issue[]): Pick<PartyQuarterlyReport, 'orgs' | 'ratings' | 'eHandbook'> {
  const cells = orgs.filter((o) => o.level && CELL_LEVELS.has(o.level));
  const bases = orgs.filter((o) => o.level && BASE_LEVELS.has(o.level));
  const members = new Map<string, number>();
  const officials = new Map<string, number>();
  // A few hundred cell names over tens of thousands of members: fold each name once.
  const cellKey = foldingOnce();
  for (const p of active) {
    const key = cellKey(p.last.partyCell);
    members.set(key, (members.get(key) ?? 0) + 1);
    if (!isProbationaryOn(p, period.to)) officials.set(key, (officials.get(key) ?? 0) + 1);
  }
  const cellKeys = new Set(cells.map((c) => cellKey(c.name)));
  if (orgs.length) {
    const unknown = new Map<string, Person>();
    for (const p of active) {
      const key = cellKey(p.last.partyCell);
      if (!cellKeys.has(key) && !unknown.has(key)) unknown.set(key, p);
    }
    for (const p of unknown.values()) {
      issues.push({ sheet: p.last.sheet, cell: `A${p.last.row}`, severity: 'warning', code: 'member.cellUnknown', message: `Chi bộ "${p.last.partyCell}" không có trong danh sách tổ chức đảng: đảng viên của chi bộ này không được tính vào số liệu theo chi bộ.`, hint: 'Sửa tên chi bộ cho khớp với trang tổ chức đảng, hoặc bổ sung chi bộ vào trang đó.' });
    }
  }
  const cellLines = cells.map((c) => ({ name: c.name, members: members.get(cellKey(c.name)) ?? 0, official: officials.get(cellKey(c.name)) ?? 0 }));
  const smallCellList = cellLines.filter((c) => lacksOfficialMembers(c.official));
  const largeCellList = cellLines.filter((c) => isLargeCell(c.members)).map(({ name, members: n }) => ({ name, members: n }));
  const newList = orgs.filter((o) => inPeriod(o.foundedDate, period)).map((o) => ({ name: o.name, level: o.level ? LEVEL_LABELS[o.level] : '', foundedDate: o.foundedDate as IsoDate }));

  const year = Number(period.to.slice(0, 4));
  const ratingYears = [...new Set(bases.flatMap((o) => Object.keys(o.ratings).map(Number)))].filter((y) => y <= year).sort((a, b) => b - a);
  const ratingYear = ratingYears[0] ?? null;
  const counts: Record<Rating, number> = { excellent: 0, good: 0, completed: 0, failed: 0 };
  let unrated = 0;
  for (const o of bases) {
    const r = ratingYear === null ? undefined : o.ratings[ratingYear];
    if (r) counts[r]++;
    else unrated++;
  }
  const rated = counts.excellent + counts.good + counts.completed + counts.failed;
  const using = cells.filter((c) => c.eHandbook === true).length;
  return {
    orgs: {
      baseOrgs: bases.length, baseCommittees: bases.filter((o) => o.level === 'baseCommittee').length, baseCells: bases.filter((o) => o.level === 'baseCell').length,
      subCells: cells.filter((o) => o.level === 'subCell').length, cells: cells.length, newInPeriod: newList.length,
      cellsUnder3Official: smallCellList.length, largeCells: largeCellList.length, newList, smallCellList, largeCellList,
    },
    ratings: { year: ratingYear, ...counts, unrated, rated, goodOrBetterRate: rate(counts.excellent + counts.good, rated), target: null, excellentCapOk: excellentWithinCap(counts) },
    eHandbook: { cells: cells.length, using, rate: rate(using, cells.length) },
  };
}

function taskFigures(tasks: readonly TaskRecord[], year: number, sampleSize: number, seed: number): PartyQuarterlyReport['tasks'] {
  const registered = tasks.filter((t) => t.year === year);
  const isDone = (t: TaskRecord) => t.status === 'done' || t.status === 'doneLate';
  const owners = new Map<string, TaskRecord[]>();
  for (const t of registered) {
    const owner = t.owner ?? 'Chưa ghi đơn vị';
    owners.set(owner, [...(owners.get(owner) ?? []), t]);
  }
  const done = registered.filter(isDone).length;
  return {
    year, registered: registered.length, done, late: registered.filter((t) => t.status === 'doneLate').length,
    inProgress: registered.filter((t) => t.status === 'inProgress').length, notStarted: registered.filter((t) => t.status === 'notStarted').length,
    rate: rate(done, registered.length),
    byOwner: [...owners].map(([owner, ts]) => ({ owner, registered: ts.length, done: ts.filter(isDone).length, late: ts.filter((t) => t.status === 'doneLate').length, rate: rate(ts.filter(isDone).length, ts.length) })),
    auditSample: seededSample(registered, sampleSize, seed).map((t) => ({ task: t.task, owner: t.owner ?? '', ...(t.deadline ? { deadline: t.deadline } : {}), status: t.status, sheet: t.sheet, row: t.row })),
    sampleSize: Math.min(sampleSize, registered.length), seed,
  };
}

function balanceIssue(m: Movements, sheet: string, label: string): Issue[] {
  if (m.balance === m.end) return [];
  return [{
    sheet, cell: 'A1', severity: 'error', code: 'members.balance',
    message: `${label}: đầu kỳ ${m.start} + tăng ${m.increase} − giảm ${m.decrease} = ${m.balance}, nhưng số đảng viên cuối kỳ đếm được là ${m.end}.`,
    hint: 'Có đảng viên có ngày biến động trước ngày vào Đảng, hoặc một người được ghi ở nhiều dòng mâu thuẫn nhau: xem các cảnh báo của trang danh sách đảng viên.',
  }];
}

/** Rows whose movement is dated before the admission: the balance cannot hold for them. */
function inconsistentRows(records: readonly MemberRecord[]): Issue[] {
  return records
    .filter((r) => r.statusDate !== undefined && LEAVINGS.includes(r.status) && r.statusDate < r.joinDate)
    .map((r) => ({ sheet: r.sheet, cell: `A${r.row}`, severity: 'warning' as const, code: 'member.movedBeforeJoin', message: `${r.fullName}: ngày biến động ${r.statusDate} trước ngày vào Đảng ${r.joinDate}.`, hint: 'Kiểm tra lại ngày vào Đảng và ngày biến động.' }));
}

export function partyQuarterlyReport(book: WorkbookIngest, params: PartyQuarterlyParams): PartyQuarterlyReport {
  const { period } = params;
  const { members: records, orgs, targets, tasks } = book.records;
  const sources = book.sheets.filter((s) => s.kind === 'members' || s.kind === 'orgs' || s.kind === 'targets' || s.kind === 'tasks').map((s) => s.sheet);
  // The issues of the sheets this report reads; the staff sheets have their own report.
  const issues: Issue[] = [...book.issues.filter((i) => sources.includes(i.sheet)), ...inconsistentRows(records)];
  const persons = people(records);
  const year = Number(period.to.slice(0, 4));
  const active = persons.filter((p) => activeOn(p, period.to));
  const membersSheet = records[0]?.sheet ?? 'tochuc';
  // Ethnicity and religion repeat a few words over thousands of members.
  const fold = foldingOnce();

  const current = movements(persons, records, period);
  const previous = movements(persons, records, shiftBack(period));
  issues.push(...balanceIssue(current, membersSheet, 'Kỳ báo cáo'), ...balanceIssue(previous, membersSheet, 'Cùng kỳ năm trước'));

  const admitted = persons.filter((p) => p.admittedHere && inPeriod(p.joinDate, period));
  const ytdPeriod = { from: `${year}-01-01`, to: period.to };
  const ytd = persons.filter((p) => p.admittedHere && inPeriod(p.joinDate, ytdPeriod)).length;
  const plan = targetFor(targets, year, (t) => t.admissionPlan);
  const byQuarter: PartyQuarterlyReport['admission']['byQuarter'] = [];
  let cumulative = 0;
  for (let q = 1; q <= 4; q++) {
    const from = isoOf(year, 3 * q - 2, 1);
    if (from > period.to) break;
    const end = addDays(addMonths(from, 3), -1);
    const quarter = { from, to: end < period.to ? end : period.to };
    const n = persons.filter((p) => p.admittedHere && inPeriod(p.joinDate, quarter)).length;
    cumulative += n;
    byQuarter.push({ quarter: `Quý ${['I', 'II', 'III', 'IV'][q - 1]}`, admitted: n, cumulative });
  }

  const population = targetFor(targets, year, (t) => t.population);
  const shareTarget = targetFor(targets, year, (t) => t.memberShareTarget);
  const ratingTarget = targetFor(targets, year, (t) => t.goodOrBetterTarget);
  const memberShare = population && population.value > 0 ? current.end / population.value : null;

  const next = upToNextQuarter(period.to);
  const probationary = active.filter((p) => isProbationaryOn(p, period.to)).map((p) => ({ p, dueDate: probationEnd(p.joinDate) }));
  const overdue = probationary.filter((x) => x.dueDate <= period.to);
  const dueNext = probationary.filter((x) => inPeriod(x.dueDate, next));

  const window = awardDaysAround(period.to);
  const badgeLines: PartyQuarterlyReport['badges']['due'] = [];
  const joinWindows = badgeJoinWindows(window);
  // Most members joined after the latest window (the 30-year badge's): one comparison rules them out.
  const latest = joinWindows.reduce((max, w) => (w.upTo > max ? w.upTo : max), '');
  const mayBeDue = (join: IsoDate) => {
    if (join > latest) return false;
    for (const w of joinWindows) if (join > w.after && join <= w.upTo) return true;
    return false;
  };
  for (const p of active) {
    if (!p.monthsOutside && !mayBeDue(p.joinDate)) continue;
    const due = badgesDue({ joinDate: p.joinDate, monthsOutside: p.monthsOutside, badgeYears: p.badgeYears }, window);
    if (due.length === 0) continue;
    const years = due[due.length - 1];
    badgeLines.push({ ...line(p), years, anniversary: partyAnniversary(p.joinDate, years, p.monthsOutside) });
    if (p.gapUnknown) {
      issues.push({ sheet: p.last.sheet, cell: `A${p.last.row}`, severity: 'warning', code: 'member.badgeGapUnknown', message: `${p.first.fullName} được phục hồi đảng tịch: tuổi đảng phải trừ thời gian ở ngoài Đảng, nhưng sổ không ghi thời gian đó. Huy hiệu ${years} năm được tính từ ngày vào Đảng.`, hint: 'Thêm cột "Số tháng gián đoạn" hoặc dòng biến động trước khi phục hồi, rồi lập lại báo cáo.' });
    }
  }
  badgeLines.sort((a, b) => b.years - a.years || a.anniversary.localeCompare(b.anniversary));

  const orgPart = orgFigures(orgs, active, period, issues);
  orgPart.ratings.target = ratingTarget?.value ?? null;

  if (!records.length) issues.push({ sheet: 'tochuc', cell: 'A1', severity: 'error', code: 'members.none', message: 'Không tìm thấy danh sách đảng viên (cần cột Họ và tên, Chi bộ, Ngày vào Đảng): báo cáo không có số liệu đảng viên.', hint: 'Mở trang danh sách đảng viên, hoặc chọn cột trong ngăn tác vụ (Dữ liệu).' });
  if (!orgs.length) issues.push({ sheet: 'tochuc', cell: 'A1', severity: 'info', code: 'orgs.none', message: 'Sổ không có trang tổ chức đảng: các chỉ tiêu về tổ chức cơ sở đảng, xếp loại và sổ tay điện tử để trống.' });
  if (!targets.length) issues.push({ sheet: 'tochuc', cell: 'A1', severity: 'info', code: 'targets.none', message: 'Sổ không có trang chỉ tiêu: kế hoạch kết nạp, dân số và các tỷ lệ mục tiêu để trống.' });

  return {
    kind: 'partyQuarterly', period, generatedAt: params.generatedAt, source: sources, issues,
    members: {
      ...current, samePeriodLastYear: previous,
      probationary: probationary.length, official: active.length - probationary.length,
      female: active.filter((p) => p.first.sex === 'female').length, ethnicMinority: active.filter((p) => isMinority(p.first, fold)).length, religious: active.filter((p) => isReligious(p.first, fold)).length,
    },
    admission: {
      period: admitted.length, ytd, plan: plan?.value ?? null, planRate: plan && plan.value > 0 ? ytd / plan.value : null,
      samePeriodLastYear: previous.admitted, byQuarter, profile: profile(admitted),
    },
    population: {
      year: population?.year ?? null, total: population?.value ?? null, memberShare, target: shareTarget?.value ?? null,
      gap: population && shareTarget ? Math.max(0, Math.ceil(shareTarget.value * population.value - 1e-9) - current.end) : null,
    },
    ...orgPart,
    probation: {
      nextQuarter: next,
      dueNextQuarter: dueNext.map(({ p, dueDate }) => ({ ...line(p), dueDate })).sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
      overdue: overdue.map(({ p, dueDate }) => ({ ...line(p), dueDate, daysOverdue: daysBetween(dueDate, period.to) })).sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    },
    badges: {
      previousDate: window.previous, nextDate: window.next, due: badgeLines,
      byYears: [...new Set(badgeLines.map((b) => b.years))].sort((a, b) => a - b).map((years) => ({ years, count: badgeLines.filter((b) => b.years === years).length })),
    },
    tasks: taskFigures(tasks, year, params.sampleSize ?? DEFAULT_SAMPLE_SIZE, params.seed ?? Number(period.to.replace(/-/g, ''))),
  };
}
