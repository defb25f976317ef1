/**
 * Seeded, deterministic generator of the bundled sample workbook `assets/samples/mong-cai.xlsx`:
 * the personnel and party sheets of a city like Móng Cái (Quảng Ninh) as of 30/06/2021, messy the
 * way real files are (title rows, two-row merged headers, a header repeated mid-sheet, totals and
 * note rows, mixed date forms, abbreviations), with the figures of the source articles built in
 * (`checkAnchors` lists them; docs/reports.md quotes some in 2. Reports).
 *
 * `npm run sample` writes the workbook and `assets/samples/README.md` (generated from the same
 * figures, so the two never disagree). Tests import `buildSample` for the grids, the row-level truth
 * and the constructed figures. No Math.random, no clock: one seed, one result.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { foldKey } from '../../src/domain/text';
import type { OrgDetails } from '../../src/templates/layout';
import { writeSettings } from '../../src/workbook/xlsx/settings';
import { mulberry32 } from '../../src/domain/sampling';

// ───────────────────────────── basics: seed, PRNG, days ─────────────────────────────

export const DEFAULT_SEED = 20210630;
export const SAMPLE_PATH = path.join(__dirname, '..', '..', 'assets', 'samples', 'mong-cai.xlsx');
export const README_PATH = path.join(__dirname, '..', '..', 'assets', 'samples', 'README.md');

// mulberry32 (src/domain/sampling.ts): a small 32-bit PRNG, enough for reproducible test data.
export { mulberry32 };

export class Rng {
  private readonly nextFloat: () => number;
  constructor(seed: number) {
    this.nextFloat = mulberry32(seed);
  }
  float(): number {
    return this.nextFloat();
  }
  /** Integer in lo…hi, both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.nextFloat() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.nextFloat() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.nextFloat() * items.length)];
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.nextFloat() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1][0];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.nextFloat() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

/** One independent stream per part of the workbook, so that changing one sheet leaves the others as they were. */
function stream(seed: number, label: string): Rng {
  let h = seed >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x9e3779b1) >>> 0;
  return new Rng(h);
}

const MS_DAY = 86_400_000;
/** A calendar day as a whole number of days since 1970-01-01 (UTC). */
export type Day = number;
export function ymd(y: number, m: number, d: number): Day {
  return Date.UTC(y, m - 1, d) / MS_DAY;
}
function parts(day: Day): { y: number; m: number; d: number } {
  const dt = new Date(day * MS_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}
export function isoDay(day: Day): string {
  return new Date(day * MS_DAY).toISOString().slice(0, 10);
}
export function dayOfIso(text: string): Day {
  const [y, m, d] = text.split('-').map(Number);
  return ymd(y, m, d);
}
function addMonths(day: Day, months: number): Day {
  const { y, m, d } = parts(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return ymd(ny, nm, Math.min(d, last));
}
function addYears(day: Day, years: number): Day {
  return addMonths(day, 12 * years);
}
/** Whole years of age on `day`. */
export function ageOn(birth: Day, day: Day): number {
  const b = parts(birth);
  const t = parts(day);
  return t.y - b.y - (t.m < b.m || (t.m === b.m && t.d < b.d) ? 1 : 0);
}
const pad2 = (n: number) => String(n).padStart(2, '0');
/** A random day in from…to whose day of month is at most 28 (so that anniversaries and +12 months never clamp). */
function dayIn(rng: Rng, from: Day, to: Day): Day {
  for (;;) {
    const d = rng.int(from, to);
    if (parts(d).d <= 28) return d;
  }
}

export const AS_OF: Day = ymd(2021, 6, 30);
const FIXED_TIMESTAMP = new Date(Date.UTC(2021, 6, 1, 8, 0, 0));

/** The issuing body of the sample's reports, kept in the workbook's settings as the add-in would keep it. */
export const SAMPLE_ORG: OrgDetails = {
  variant: 'party', superiorBody: 'ĐẢNG BỘ TỈNH QUẢNG NINH', issuingBody: 'THÀNH ỦY MÓNG CÁI', name: 'Ban Thường vụ Thành ủy Móng Cái', place: 'Móng Cái',
  documentNumber: 'Số 12-BC/TU', signerCapacity: 'T/M BAN THƯỜNG VỤ', signerTitle: 'PHÓ BÍ THƯ', signerName: 'Nguyễn Văn A',
  recipients: ['- Ban Tổ chức Tỉnh ủy (b/c),', '- Thường trực Thành ủy,', '- Lưu VP.'],
};

// ───────────────────────────── cells and dates as written ─────────────────────────────

export type CellValue = string | number | Date | null;
export type SheetKind = 'staff' | 'units' | 'mergerPlan' | 'members' | 'orgs' | 'targets' | 'tasks';

export interface SampleSheet {
  name: string;
  kind: SheetKind;
  /** rows[0] is Excel row 1; empty cells are null (never ''). */
  rows: CellValue[][];
  /** Merged ranges, A1 style. */
  merges: string[];
  /** Excel rows (1-based) of header rows, including a repeated header and the index row. */
  headerRows: number[];
  /** Excel rows (1-based) of the title rows above the header. */
  titleRows: number[];
  /** Excel row (1-based) of the first data row. */
  firstDataRow: number;
  /** Number formats other than dates (dates always get dd/mm/yyyy), by A1 address. */
  numFmts: Record<string, string>;
  widths: number[];
}

type DateStyle = 'dmy2' | 'dmy1' | 'date' | 'dash' | 'dot';
const DATE_STYLES: readonly (readonly [DateStyle, number])[] = [
  ['dmy2', 66],
  ['dmy1', 10],
  ['date', 16],
  ['dash', 4],
  ['dot', 4],
];
function writeDate(day: Day, style: DateStyle): CellValue {
  const { y, m, d } = parts(day);
  switch (style) {
    case 'dmy2':
      return `${pad2(d)}/${pad2(m)}/${y}`;
    case 'dmy1':
      return `${d}/${m}/${y}`;
    case 'date':
      return new Date(day * MS_DAY);
    case 'dash':
      return `${pad2(d)}-${pad2(m)}-${y}`;
    case 'dot':
      return `${pad2(d)}.${pad2(m)}.${y}`;
  }
}
function dateCell(rng: Rng, day: Day): CellValue {
  return writeDate(day, rng.weighted(DATE_STYLES));
}

export function colLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const addr = (row: number, col: number) => `${colLetter(col)}${row}`;

// ───────────────────────────── Vietnamese names ─────────────────────────────

export type Sex = 'Nam' | 'Nữ';
const HO: [string, number][] = [
  ['Nguyễn', 30], ['Trần', 11], ['Lê', 9], ['Phạm', 7], ['Hoàng', 6], ['Vũ', 5], ['Phan', 3], ['Đặng', 3],
  ['Bùi', 3], ['Đỗ', 3], ['Ngô', 2], ['Dương', 2], ['Đào', 1.5], ['Đinh', 1.5], ['Lý', 1], ['Lương', 1],
  ['Hà', 1], ['Trịnh', 1], ['Mai', 1], ['Tạ', 0.5], ['Lưu', 0.5], ['Chu', 0.5], ['Vương', 0.5], ['Phùng', 0.5],
];
const HO_DAN_TOC: Record<string, string[]> = {
  Tày: ['Nông', 'Hoàng', 'Lục', 'Vi', 'Hà', 'Lương'],
  Dao: ['Bàn', 'Triệu', 'Đặng', 'Lý', 'Chảo'],
  'Sán Dìu': ['Trần', 'Lý', 'Diệp', 'Ninh', 'Đồng'],
  Hoa: ['Lưu', 'Trương', 'Lương', 'Lý', 'Hoàng', 'Châu'],
};
const DEM_NAM: [string, number][] = [
  ['Văn', 40], ['Đức', 8], ['Minh', 8], ['Hữu', 6], ['Quang', 6], ['Thanh', 5], ['Đình', 5], ['Ngọc', 4],
  ['Xuân', 4], ['Công', 4], ['Mạnh', 3], ['Trọng', 3], ['Tiến', 3], ['Duy', 3], ['Việt', 2], ['Anh', 2],
];
const DEM_NU: [string, number][] = [
  ['Thị', 55], ['Thu', 8], ['Thanh', 6], ['Ngọc', 5], ['Minh', 4], ['Hồng', 4], ['Phương', 3], ['Thúy', 3],
  ['Kim', 3], ['Mai', 2], ['Bích', 2], ['Hải', 2], ['Diệu', 1],
];
const TEN_NAM = [
  'An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Đông', 'Giang', 'Hải', 'Hiếu', 'Hòa', 'Hoàng', 'Hùng', 'Huy', 'Khánh',
  'Kiên', 'Long', 'Mạnh', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tâm', 'Thắng',
  'Thành', 'Toàn', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Hưng', 'Đức', 'Thịnh', 'Lâm', 'Khoa', 'Tú', 'Lợi',
];
const TEN_NU = [
  'Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Huyền', 'Hương', 'Lan', 'Liên', 'Linh',
  'Loan', 'Mai', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Thảo', 'Thủy', 'Trang', 'Tuyết',
  'Vân', 'Yến', 'Hồng', 'Thu', 'Duyên', 'Nhàn', 'Hòa', 'Thoa',
];

function personName(rng: Rng, sex: Sex, ethnicity = 'Kinh'): string {
  const ho = ethnicity in HO_DAN_TOC ? rng.pick(HO_DAN_TOC[ethnicity]) : rng.weighted(HO);
  for (;;) {
    const dem = rng.weighted(sex === 'Nam' ? DEM_NAM : DEM_NU);
    const ten = rng.pick(sex === 'Nam' ? TEN_NAM : TEN_NU);
    if (dem === ten) continue;
    if (sex === 'Nữ' && dem === 'Thị' && rng.chance(0.15)) {
      const dem2 = rng.weighted(DEM_NU.filter(([d]) => d !== 'Thị'));
      if (dem2 !== ten) return `${ho} ${dem} ${dem2} ${ten}`;
    }
    return `${ho} ${dem} ${ten}`;
  }
}

// ───────────────────────────── units ─────────────────────────────

export type Block = 'Đảng' | 'Chính quyền' | 'MTTQ và các đoàn thể' | 'Sự nghiệp' | 'Xã, phường';
type UnitKind = 'dang' | 'politicalCentre' | 'planned' | 'phong' | 'secretariat' | 'front' | 'school' | 'centre' | 'ward';

interface UnitDef {
  name: string;
  block: Block;
  kind: UnitKind;
  q2015: number | null;
  q2021: number | null;
  /** null = the cell is left empty (REPORTS: default 3). */
  maxDeputies: number | null;
  note: string;
  head: string;
  deputy: string;
  /** Active deputies on 30/06/2021. */
  deputies: number;
  /** Active staff in quota categories (head and deputies included). */
  active: number;
  /** Active staff outside the quota (HĐ68 / HĐLĐ / NLĐ / không chuyên trách). */
  extras: number;
  staffPositions: string[];
  female: number;
  /** Other spellings of the name used on some staff rows (equal under foldKey). */
  variants?: string[];
}

const CV = 'Chuyên viên';
const DANG_STAFF = [CV, CV, CV, CV, CV, 'Văn thư', 'Kế toán'];
const PHONG_STAFF = [CV, CV, CV, CV, CV, CV, 'Văn thư', 'Kế toán'];
const SCHOOL_STAFF = [...Array<string>(12).fill('Giáo viên'), 'Kế toán', 'Văn thư', 'Nhân viên thư viện', 'Nhân viên y tế'];
const WARD_CB_POSITIONS = ['Ủy viên Ban Thường vụ Đảng ủy', 'Cán bộ chuyên trách Đảng ủy', 'Cán bộ Mặt trận', 'Cán bộ Đoàn thể'];
const WARD_CC_POSITIONS = ['Văn phòng - Thống kê', 'Địa chính - Xây dựng', 'Tài chính - Kế toán', 'Tư pháp - Hộ tịch', 'Văn hóa - Xã hội'];
const KCT_POSITIONS = ['Phụ trách Đài truyền thanh', 'Thủ quỹ - Văn thư', 'Phụ trách Khuyến nông', 'Cán bộ không chuyên trách', 'Phụ trách Văn hóa - Thể thao'];
const HD68_POSITIONS = ['Lái xe', 'Bảo vệ', 'Phục vụ'];
const SN_WORKER_POSITIONS = ['Bảo vệ', 'Nhân viên phục vụ', 'Lao công'];

function unit(u: Partial<UnitDef> & Pick<UnitDef, 'name' | 'block' | 'kind'>): UnitDef {
  return {
    q2015: null, q2021: null, maxDeputies: 3, note: '', head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng',
    deputies: 0, active: 0, extras: 0, staffPositions: PHONG_STAFF, female: 0.5, ...u,
  };
}

const FRONT = 'Cơ quan chuyên trách MTTQ và các đoàn thể thành phố';
const BTC_PNV = 'Ban Tổ chức Thành ủy - Phòng Nội vụ';
const UBKT_TTR = 'Ủy ban Kiểm tra Thành ủy - Thanh tra Thành phố';
const MERGED_2018 = 'Đã hợp nhất từ 01/01/2018';
const PLANNED_2021 = 'Hợp nhất từ 01/10/2021 (biên chế dự kiến)';

function ward(name: string, q2015: number, q2021: number, extras: number, variants?: string[]): UnitDef {
  return unit({
    name, block: 'Xã, phường', kind: 'ward', q2015, q2021, maxDeputies: 2, head: 'Chủ tịch UBND',
    deputy: 'Phó Chủ tịch UBND', deputies: 2, active: q2021 - 1, extras, female: 0.45, variants,
  });
}
function school(name: string, q2015: number, q2021: number, maxDeputies: number | null, deputies: number, active: number, extras: number, female: number): UnitDef {
  return unit({
    name, block: 'Sự nghiệp', kind: 'school', q2015, q2021, maxDeputies, head: 'Hiệu trưởng', deputy: 'Phó Hiệu trưởng',
    deputies, active, extras, staffPositions: SCHOOL_STAFF, female,
  });
}
function secretariat(name: string, q2015: number): UnitDef {
  const [head, deputy] = name === 'Thành đoàn' ? ['Bí thư', 'Phó Bí thư'] : ['Chủ tịch', 'Phó Chủ tịch'];
  return unit({ name, block: 'MTTQ và các đoàn thể', kind: 'secretariat', q2015, maxDeputies: null, note: MERGED_2018, head, deputy, staffPositions: [CV, CV, 'Kế toán'] });
}

export const UNITS: readonly UnitDef[] = [
  unit({ name: 'Văn phòng Thành ủy', block: 'Đảng', kind: 'dang', q2015: 14, q2021: 12, maxDeputies: 2, head: 'Chánh Văn phòng', deputy: 'Phó Chánh Văn phòng', deputies: 2, active: 11, extras: 3, staffPositions: DANG_STAFF }),
  unit({ name: 'Ban Tổ chức Thành ủy', block: 'Đảng', kind: 'dang', q2015: 9, q2021: 8, maxDeputies: 2, head: 'Trưởng ban', deputy: 'Phó Trưởng ban', deputies: 2, active: 8, staffPositions: DANG_STAFF }),
  unit({ name: 'Ủy ban Kiểm tra Thành ủy', block: 'Đảng', kind: 'dang', q2015: 8, q2021: 7, maxDeputies: 2, head: 'Chủ nhiệm', deputy: 'Phó Chủ nhiệm', deputies: 2, active: 7, staffPositions: ['Kiểm tra viên', 'Kiểm tra viên', 'Kiểm tra viên', CV] }),
  unit({ name: 'Ban Tuyên giáo Thành ủy', block: 'Đảng', kind: 'dang', q2015: 7, q2021: 6, maxDeputies: 2, head: 'Trưởng ban', deputy: 'Phó Trưởng ban', deputies: 1, active: 6, staffPositions: DANG_STAFF }),
  unit({ name: 'Ban Dân vận Thành ủy', block: 'Đảng', kind: 'dang', q2015: 6, q2021: 5, maxDeputies: 2, head: 'Trưởng ban', deputy: 'Phó Trưởng ban', deputies: 1, active: 5, staffPositions: DANG_STAFF }),
  unit({ name: 'Trung tâm Chính trị thành phố', block: 'Đảng', kind: 'politicalCentre', q2015: 6, q2021: 5, maxDeputies: null, head: 'Giám đốc', deputy: 'Phó Giám đốc', deputies: 1, active: 5, extras: 1, staffPositions: ['Giảng viên', 'Giảng viên', 'Giảng viên', 'Kế toán'] }),
  unit({ name: BTC_PNV, block: 'Đảng', kind: 'planned', q2021: 15, maxDeputies: 3, note: PLANNED_2021 }),
  unit({ name: UBKT_TTR, block: 'Đảng', kind: 'planned', q2021: 13, maxDeputies: 3, note: PLANNED_2021 }),
  unit({ name: 'Văn phòng HĐND và UBND thành phố', block: 'Chính quyền', kind: 'phong', q2015: 22, q2021: 19, maxDeputies: 3, head: 'Chánh Văn phòng', deputy: 'Phó Chánh Văn phòng', deputies: 3, active: 18, extras: 4, staffPositions: [CV, CV, CV, CV, 'Văn thư', 'Kế toán', 'Thủ quỹ'] }),
  unit({ name: 'Phòng Nội vụ', block: 'Chính quyền', kind: 'phong', q2015: 9, q2021: 8, maxDeputies: 2, deputies: 2, active: 9 }),
  unit({ name: 'Phòng Tài chính - Kế hoạch', block: 'Chính quyền', kind: 'phong', q2015: 12, q2021: 11, deputies: 2, active: 11, extras: 1, staffPositions: [CV, CV, CV, 'Kế toán', 'Kế toán'], variants: ['Phòng Tài chính-Kế hoạch', 'phòng Tài chính - Kế hoạch'] }),
  unit({ name: 'Phòng Tư pháp', block: 'Chính quyền', kind: 'phong', q2015: 5, q2021: 4, maxDeputies: 2, deputies: 1, active: 4 }),
  unit({ name: 'Thanh tra Thành phố', block: 'Chính quyền', kind: 'phong', q2015: 8, q2021: 7, maxDeputies: 2, head: 'Chánh Thanh tra', deputy: 'Phó Chánh Thanh tra', deputies: 1, active: 6, staffPositions: ['Thanh tra viên', 'Thanh tra viên', 'Thanh tra viên', CV] }),
  unit({ name: 'Phòng Giáo dục và Đào tạo', block: 'Chính quyền', kind: 'phong', q2015: 10, q2021: 9, deputies: 2, active: 9, extras: 1 }),
  unit({ name: 'Phòng Y tế', block: 'Chính quyền', kind: 'phong', q2015: 4, q2021: 4, maxDeputies: 1, deputies: 1, active: 3, variants: ['Phòng Y tế '] }),
  unit({ name: 'Phòng Văn hóa và Thông tin', block: 'Chính quyền', kind: 'phong', q2015: 6, q2021: 5, maxDeputies: 2, head: 'Quyền Trưởng phòng', deputies: 1, active: 5, extras: 1 }),
  unit({ name: 'Phòng Tài nguyên và Môi trường', block: 'Chính quyền', kind: 'phong', q2015: 10, q2021: 9, deputies: 2, active: 9, extras: 1 }),
  unit({ name: 'Phòng Quản lý đô thị', block: 'Chính quyền', kind: 'phong', q2015: 10, q2021: 9, deputies: 3, active: 9, extras: 1 }),
  unit({ name: 'Phòng Kinh tế', block: 'Chính quyền', kind: 'phong', q2015: 8, q2021: 7, maxDeputies: 2, deputies: 2, active: 7 }),
  unit({ name: 'Phòng Lao động - Thương binh và Xã hội', block: 'Chính quyền', kind: 'phong', q2015: 8, q2021: 7, maxDeputies: 2, deputies: 2, active: 7, extras: 1 }),
  secretariat('Cơ quan Ủy ban MTTQ Việt Nam thành phố', 9),
  secretariat('Thành đoàn', 6),
  secretariat('Hội Liên hiệp Phụ nữ thành phố', 5),
  secretariat('Hội Nông dân thành phố', 5),
  secretariat('Hội Cựu chiến binh thành phố', 4),
  secretariat('Liên đoàn Lao động thành phố', 6),
  unit({ name: FRONT, block: 'MTTQ và các đoàn thể', kind: 'front', q2021: 21, maxDeputies: 3, note: 'Thành lập từ 01/01/2018 (hợp nhất 06 cơ quan)', head: 'Chủ tịch', deputy: 'Phó Chủ tịch', deputies: 4, active: 20, extras: 2, staffPositions: [CV, CV, CV, CV, 'Kế toán', 'Văn thư'] }),
  school('Trường THCS Trần Phú', 78, 66, 2, 2, 63, 6, 0.75),
  school('Trường THCS Hải Hòa', 72, 60, 2, 3, 58, 5, 0.72),
  school('Trường Tiểu học Ka Long', 70, 58, 2, 2, 56, 5, 0.85),
  school('Trường Tiểu học Hải Xuân', 64, 54, 2, 2, 52, 4, 0.85),
  school('Trường Mầm non Hoa Hồng', 62, 52, null, 2, 50, 8, 0.98),
  school('Trường Mầm non Hải Yên', 56, 47, null, 1, 45, 7, 0.98),
  unit({ name: 'Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên thành phố', block: 'Sự nghiệp', kind: 'centre', q2015: 40, q2021: 32, maxDeputies: 2, head: 'Giám đốc', deputy: 'Phó Giám đốc', deputies: 2, active: 30, extras: 3, staffPositions: ['Giáo viên', 'Giáo viên', 'Giáo viên', 'Giáo viên', 'Nhân viên', 'Kế toán'], female: 0.6 }),
  unit({ name: 'Trung tâm Văn hóa - Thông tin - Thể thao thành phố', block: 'Sự nghiệp', kind: 'centre', q2015: 36, q2021: 30, maxDeputies: 2, head: 'Giám đốc', deputy: 'Phó Giám đốc', deputies: 2, active: 28, extras: 3, staffPositions: ['Viên chức', 'Viên chức', 'Phóng viên', 'Biên tập viên', 'Kỹ thuật viên', 'Kế toán'] }),
  unit({ name: 'Trung tâm Phát triển quỹ đất thành phố', block: 'Sự nghiệp', kind: 'centre', q2015: 20, q2021: 16, maxDeputies: 2, head: 'Giám đốc', deputy: 'Phó Giám đốc', deputies: 1, active: 15, extras: 1, staffPositions: ['Viên chức', 'Viên chức', 'Viên chức', 'Kỹ sư', 'Kế toán'] }),
  unit({ name: 'Ban Quản lý dự án đầu tư xây dựng thành phố', block: 'Sự nghiệp', kind: 'centre', q2015: 25, q2021: 20, maxDeputies: 2, head: 'Giám đốc', deputy: 'Phó Giám đốc', deputies: 2, active: 19, extras: 2, staffPositions: ['Kỹ sư', 'Kỹ sư', 'Kỹ sư', 'Viên chức', 'Kế toán'], female: 0.35 }),
  ward('UBND phường Hải Hòa', 23, 21, 16),
  ward('UBND phường Trần Phú', 23, 21, 15),
  ward('UBND phường Ka Long', 23, 21, 14, ['UBND Phường Ka Long']),
  ward('UBND phường Ninh Dương', 23, 21, 15),
  ward('UBND phường Hải Xuân', 23, 21, 14),
  ward('UBND phường Bình Ngọc', 23, 21, 15),
  ward('UBND xã Vạn Ninh', 22, 20, 14),
  ward('UBND xã Hải Đông', 22, 20, 15),
];
const UNIT_BY_NAME = new Map(UNITS.map((u) => [u.name, u]));
function unitByName(name: string): UnitDef {
  const u = UNIT_BY_NAME.get(name);
  if (!u) throw new Error(`no unit ${name}`);
  return u;
}
const FRONT_DATE = ymd(2018, 1, 1);
/** Units that existed (and employed people) on `day`. */
function unitExists(u: UnitDef, day: Day): boolean {
  if (u.kind === 'planned') return false;
  if (u.kind === 'secretariat') return day < FRONT_DATE;
  if (u.kind === 'front') return day >= FRONT_DATE;
  return true;
}
const unitWeight = (u: UnitDef) => u.q2015 ?? u.q2021 ?? 0;

// ───────────────────────────── staff vocabulary ─────────────────────────────

export type CategoryKey = 'canBo' | 'congChuc' | 'vienChuc' | 'nguoiLaoDong' | 'capXa' | 'khongChuyenTrach';
export type FormKey = 'earlyRetirement' | 'resignation' | 'resignationAfterTraining' | 'transferOutsideBudget' | 'unspecified';
export type StaffStatus = 'active' | 'reduced' | 'retired' | 'transferred' | 'resigned' | 'deceased';
export const CATEGORIES: readonly CategoryKey[] = ['canBo', 'congChuc', 'vienChuc', 'nguoiLaoDong', 'capXa', 'khongChuyenTrach'];
export const FORMS: readonly FormKey[] = ['earlyRetirement', 'resignation', 'resignationAfterTraining', 'transferOutsideBudget', 'unspecified'];
const FORM_TEXT: Record<Exclude<FormKey, 'unspecified'>, string> = {
  earlyRetirement: 'Nghỉ hưu trước tuổi',
  resignation: 'Thôi việc ngay',
  resignationAfterTraining: 'Thôi việc sau khi đi học nghề',
  transferOutsideBudget: 'Chuyển sang tổ chức không hưởng lương từ NSNN',
};

/** The 264 people reduced in 2015–2019 (Đề án 25), category × form. Rows: CATEGORIES; columns: FORMS. */
export const REDUCTION_MATRIX: Record<CategoryKey, Record<FormKey, number>> = {
  canBo: { earlyRetirement: 9, resignation: 2, resignationAfterTraining: 0, transferOutsideBudget: 0, unspecified: 1 },
  congChuc: { earlyRetirement: 22, resignation: 9, resignationAfterTraining: 1, transferOutsideBudget: 3, unspecified: 3 },
  vienChuc: { earlyRetirement: 52, resignation: 41, resignationAfterTraining: 6, transferOutsideBudget: 18, unspecified: 4 },
  nguoiLaoDong: { earlyRetirement: 6, resignation: 31, resignationAfterTraining: 2, transferOutsideBudget: 2, unspecified: 0 },
  capXa: { earlyRetirement: 12, resignation: 8, resignationAfterTraining: 0, transferOutsideBudget: 0, unspecified: 2 },
  khongChuyenTrach: { earlyRetirement: 0, resignation: 28, resignationAfterTraining: 2, transferOutsideBudget: 0, unspecified: 0 },
};
/** Of the early retirements in the window: written with Tình trạng "Nghỉ hưu" (the form makes them reduced). */
const RETIRED_WITH_EARLY_FORM = 20;
/** Of the resignations in the window: written with Tình trạng "Thôi việc" + form "Thôi việc ngay". */
const RESIGNED_WITH_FORM = 4;
const REDUCED_STATUS_TEXTS: readonly (readonly [string, number])[] = [
  ['Tinh giản', 70],
  ['TGBC', 15],
  ['tinh giản biên chế', 10],
  ['Tinh giản biên chế', 5],
];
const WINDOW_YEARS: readonly (readonly [number, number])[] = [[2015, 30], [2016, 52], [2017, 68], [2018, 66], [2019, 48]];
const OUTSIDE_WINDOW = { y2014: 2, y2020to2021: 15 };
const ORDINARY = { retired: 180, transferred: 110, resigned: 45, deceased: 2 };

function unitsForCategory(cat: CategoryKey): UnitDef[] {
  const kinds: Record<CategoryKey, UnitKind[]> = {
    canBo: ['dang', 'secretariat', 'front'],
    congChuc: ['dang', 'phong', 'secretariat', 'front'],
    vienChuc: ['school', 'centre', 'politicalCentre'],
    nguoiLaoDong: ['dang', 'phong', 'secretariat', 'front', 'school', 'centre', 'politicalCentre'],
    capXa: ['ward'],
    khongChuyenTrach: ['ward'],
  };
  return UNITS.filter((u) => kinds[cat].includes(u.kind));
}
const isSuNghiep = (u: UnitDef) => u.kind === 'school' || u.kind === 'centre' || u.kind === 'politicalCentre';

function categoryText(rng: Rng, cat: CategoryKey, u: UnitDef, cbCapXa = false): string {
  switch (cat) {
    case 'canBo':
      return rng.chance(0.75) ? 'Cán bộ' : 'CB';
    case 'congChuc':
      return rng.chance(0.7) ? 'Công chức' : 'CC';
    case 'vienChuc':
      return rng.chance(0.7) ? 'Viên chức' : 'VC';
    case 'nguoiLaoDong':
      return isSuNghiep(u) ? (rng.chance(0.6) ? 'HĐLĐ' : 'Người lao động') : 'HĐ68';
    case 'capXa':
      return cbCapXa ? 'Cán bộ cấp xã' : 'Công chức cấp xã';
    case 'khongChuyenTrach':
      return 'Người hoạt động không chuyên trách cấp xã';
  }
}

function ngachFor(rng: Rng, cat: CategoryKey, position: string, u: UnitDef): string | null {
  if (cat === 'nguoiLaoDong' || cat === 'khongChuyenTrach') return null;
  if (cat === 'vienChuc') {
    if (position === 'Giáo viên' || position === 'Hiệu trưởng' || position === 'Phó Hiệu trưởng') {
      if (u.name.includes('THCS')) return rng.pick(['Giáo viên THCS hạng II', 'Giáo viên THCS hạng III', 'Giáo viên THCS hạng II']);
      if (u.name.includes('Tiểu học')) return rng.pick(['Giáo viên tiểu học hạng III', 'Giáo viên tiểu học hạng II', 'Giáo viên tiểu học hạng III']);
      if (u.name.includes('Mầm non')) return rng.pick(['Giáo viên mầm non hạng IV', 'Giáo viên mầm non hạng III']);
      return 'Giáo viên hạng III';
    }
    if (position === 'Kế toán' || position === 'Kế toán trưởng') return 'Kế toán viên';
    return rng.pick(['Viên chức hạng III', 'Viên chức hạng III', 'Kỹ sư', 'Chuyên viên']);
  }
  if (cat === 'capXa') return rng.pick(['Chuyên viên', 'Chuyên viên', 'Cán sự', null]);
  if (position === 'Thanh tra viên') return rng.pick(['Thanh tra viên', '04.025']);
  if (position === 'Kiểm tra viên') return rng.pick(['Kiểm tra viên', 'Kiểm tra viên chính']);
  if (position === 'Kế toán') return rng.pick(['Kế toán viên', '06.031']);
  if (position === 'Văn thư') return rng.pick(['Cán sự', 'Văn thư']);
  if (position.startsWith('Phó') || position === u.head) return rng.pick(['Chuyên viên chính', 'Chuyên viên chính', 'Chuyên viên']);
  return rng.weighted([['Chuyên viên', 5], ['01.003', 2], ['Chuyên viên chính', 2], ['Cán sự', 1]]);
}

function trinhDoFor(rng: Rng, cat: CategoryKey, position: string, u: UnitDef): string | null {
  switch (cat) {
    case 'canBo':
    case 'congChuc':
      return rng.weighted([['Đại học', 5], ['Thạc sĩ', 2], ['Cử nhân Luật', 1], ['Cử nhân Kinh tế', 1], ['Kỹ sư Xây dựng', 0.5]]);
    case 'vienChuc':
      if (u.kind === 'school') return rng.weighted([['Đại học Sư phạm', 5], ['Cao đẳng Sư phạm', 2], ['Thạc sĩ', 1], ...(u.name.includes('Mầm non') ? ([['Trung cấp Sư phạm', 2]] as [string, number][]) : [])]);
      return rng.weighted([['Đại học', 5], ['Thạc sĩ', 1], ['Cao đẳng', 1], ['Kỹ sư', 1]]);
    case 'nguoiLaoDong':
      return position === 'Lái xe' ? 'Lái xe hạng D' : rng.pick(['Trung cấp', 'Sơ cấp', 'THPT', null]);
    case 'capXa':
      return rng.weighted([['Đại học', 3], ['Trung cấp', 2], ['Cao đẳng', 1]]);
    case 'khongChuyenTrach':
      return rng.pick(['Trung cấp', 'THPT', 'Sơ cấp', null]);
  }
}

/** A position for someone without a designed role; only people who have left may have been deputies (active leaders are placed one by one). */
function positionFor(rng: Rng, cat: CategoryKey, u: UnitDef, departed: boolean): { position: string; cbCapXa: boolean } {
  switch (cat) {
    case 'canBo':
      return { position: departed && rng.chance(0.35) ? u.deputy : CV, cbCapXa: false };
    case 'congChuc':
      return { position: departed && rng.chance(0.12) ? u.deputy : rng.pick(u.staffPositions), cbCapXa: false };
    case 'vienChuc':
      return { position: rng.pick(u.staffPositions), cbCapXa: false };
    case 'nguoiLaoDong':
      return { position: rng.pick(isSuNghiep(u) ? (u.name.includes('Mầm non') ? [...SN_WORKER_POSITIONS, 'Cấp dưỡng', 'Cấp dưỡng'] : SN_WORKER_POSITIONS) : HD68_POSITIONS), cbCapXa: false };
    case 'capXa': {
      const cb = rng.chance(0.4);
      return { position: rng.pick(cb ? WARD_CB_POSITIONS : WARD_CC_POSITIONS), cbCapXa: cb };
    }
    case 'khongChuyenTrach':
      return { position: rng.pick(KCT_POSITIONS), cbCapXa: false };
  }
}

// ───────────────────────────── staff truth ─────────────────────────────

export interface StaffTruth {
  /** Excel row on the staff sheet. */
  row: number;
  stt: number;
  fullName: string;
  sex: Sex;
  birthDate: string;
  /** Written only as a year ("1968" text or 1968 number). */
  birthYearOnly: boolean;
  /** Canonical unit ('' for the empty-unit trap); `unitText` is what the row says. */
  unit: string;
  unitText: string | null;
  position: string;
  role: 'head' | 'deputy' | 'staff';
  category: CategoryKey;
  categoryText: string;
  partyMember: boolean;
  status: StaffStatus;
  statusText: string | null;
  /** ISO date; null when absent or invalid. */
  leftDate: string | null;
  leftDateText: CellValue;
  form: FormKey | null;
  formText: string | null;
  basis: string | null;
  /** Reduced with leftDate in 2015-01-01…2019-12-31. */
  inWindow: boolean;
  trap: string | null;
  /** The key of the benefit case (BENEFIT_CASES) when the person leaves in 2025 under NĐ 178, else null. */
  benefitCase: string | null;
}

interface StaffDraft extends Omit<StaffTruth, 'row' | 'stt' | 'birthDate' | 'leftDate' | 'leftDateText'> {
  birth: Day;
  birthCell: 'date' | 'yearNumber' | 'yearText';
  left: Day | null;
  leftCell: CellValue;
  ngach: string | null;
  trinhDo: string | null;
  /** Where the row is listed (for the empty-unit trap: the block it sits in). */
  listedUnder: string;
  /** Another spelling of the unit written on this row (equal under foldKey). */
  unitVariant: string | null;
}

function birthForAge(rng: Rng, on: Day, minAge: number, maxAge: number): Day {
  // A birth day such that the age on `on` is within minAge…maxAge.
  const latest = addYears(on, -minAge);
  const earliest = addYears(on, -(maxAge + 1)) + 1;
  return dayIn(rng, earliest, latest);
}

function makeStaff(rng: Rng, u: UnitDef, cat: CategoryKey, opts: { role?: 'head' | 'deputy' | 'staff'; position?: string; cbCapXa?: boolean; sex?: Sex; departed?: boolean }): StaffDraft {
  const role = opts.role ?? 'staff';
  let position = opts.position;
  let cbCapXa = opts.cbCapXa ?? false;
  if (!position) {
    const p = positionFor(rng, cat, u, opts.departed ?? false);
    position = p.position;
    cbCapXa = p.cbCapXa;
  }
  const female = role === 'staff' ? (position === 'Lái xe' || position === 'Bảo vệ' ? 0.05 : u.female) : 0.3;
  const sex: Sex = opts.sex ?? (rng.chance(female) ? 'Nữ' : 'Nam');
  const leader = role !== 'staff';
  const maxAge = sex === 'Nam' ? 59 : 54;
  const birth = birthForAge(rng, AS_OF, leader ? 36 : 23, leader ? maxAge - 1 : maxAge);
  const partyP = leader ? 1 : { canBo: 1, congChuc: 0.7, vienChuc: 0.45, nguoiLaoDong: 0.1, capXa: 0.8, khongChuyenTrach: 0.4 }[cat];
  return {
    fullName: personName(rng, sex), sex, birth, birthCell: 'date', birthYearOnly: false,
    unit: u.name, unitText: u.name, listedUnder: u.name, unitVariant: null, position, role, category: cat,
    categoryText: categoryText(rng, cat, u, cbCapXa), partyMember: rng.chance(partyP),
    ngach: ngachFor(rng, cat, position, u), trinhDo: trinhDoFor(rng, cat, position, u),
    status: 'active', statusText: null, left: null, leftCell: null, form: null, formText: null, basis: null,
    inWindow: false, trap: null, benefitCase: null,
  };
}

function pickUnit(rng: Rng, cat: CategoryKey, day: Day): UnitDef {
  const candidates = unitsForCategory(cat).filter((u) => unitExists(u, day));
  return rng.weighted(candidates.map((u) => [u, unitWeight(u)] as const));
}

/** A leaving date in year y: mostly the 1st or the last day of a month, as decisions are written. */
function leavingDay(rng: Rng, from: Day, to: Day): Day {
  for (;;) {
    const d = rng.int(from, to);
    const p = parts(d);
    const r = rng.float();
    const day = r < 0.6 ? ymd(p.y, p.m, 1) : r < 0.85 ? ymd(p.y, p.m + 1, 0) : d;
    if (day >= from && day <= to) return day;
  }
}

function departed(rng: Rng, cat: CategoryKey, left: Day, status: StaffStatus, statusText: string): StaffDraft {
  const u = pickUnit(rng, cat, left);
  const s = makeStaff(rng, u, cat, { departed: true });
  s.status = status;
  s.statusText = statusText;
  s.left = left;
  s.leftCell = dateCell(rng, left);
  return s;
}

function retirementBirth(rng: Rng, sex: Sex, left: Day): Day {
  // Retirement takes effect on the 1st of the month after the birthday; the age rose in 2021 (NĐ 135/2020: 60y3m / 55y4m).
  const years = sex === 'Nam' ? 60 : 55;
  const extraMonths = parts(left).y >= 2021 ? (sex === 'Nam' ? 3 : 4) : 0;
  const reached = addMonths(addYears(left, -years), -extraMonths) - 1;
  return dayIn(rng, addMonths(reached, -1) + 1, reached);
}

function buildStaffDrafts(rng: Rng): StaffDraft[] {
  const drafts: StaffDraft[] = [];
  // 1. Active staff, unit by unit.
  for (const u of UNITS) {
    if (u.kind === 'secretariat' || u.kind === 'planned') continue;
    const cat: CategoryKey = u.kind === 'ward' ? 'capXa' : isSuNghiep(u) ? 'vienChuc' : 'congChuc';
    const leaderCat: CategoryKey = u.kind === 'dang' || u.kind === 'front' ? 'canBo' : cat;
    drafts.push(makeStaff(rng, u, leaderCat, { role: 'head', position: u.head, cbCapXa: true }));
    for (let i = 0; i < u.deputies; i++) {
      const c = u.kind === 'front' ? 'canBo' : u.kind === 'dang' && i === 0 ? 'canBo' : cat;
      drafts.push(makeStaff(rng, u, c, { role: 'deputy', position: u.deputy, cbCapXa: true }));
    }
    for (let i = 1 + u.deputies; i < u.active; i++) {
      if (u.kind === 'ward') {
        const cb = i < 1 + u.deputies + 6;
        drafts.push(makeStaff(rng, u, 'capXa', { position: rng.pick(cb ? WARD_CB_POSITIONS : WARD_CC_POSITIONS), cbCapXa: cb }));
      } else if (u.kind === 'front' && i < 1 + u.deputies + 4) {
        drafts.push(makeStaff(rng, u, 'canBo', { position: CV }));
      } else if (u.kind === 'centre' && (u.name.startsWith('Trung tâm Phát triển') || u.name.startsWith('Ban Quản lý')) && i === 1 + u.deputies) {
        drafts.push(makeStaff(rng, u, cat, { position: 'Kế toán trưởng' }));
      } else {
        drafts.push(makeStaff(rng, u, cat, {}));
      }
    }
    for (let i = 0; i < u.extras; i++) drafts.push(makeStaff(rng, u, u.kind === 'ward' ? 'khongChuyenTrach' : 'nguoiLaoDong', {}));
  }

  // 2. The 264 reduced in 2015–2019.
  const reduced: StaffDraft[] = [];
  for (const cat of CATEGORIES) {
    for (const form of FORMS) {
      for (let i = 0; i < REDUCTION_MATRIX[cat][form]; i++) {
        const year = rng.weighted(WINDOW_YEARS);
        const left = leavingDay(rng, ymd(year, 1, 1), ymd(year, 12, 31));
        const s = departed(rng, cat, left, 'reduced', 'Tinh giản');
        s.form = form;
        s.inWindow = true;
        reduced.push(s);
      }
    }
  }
  rng.shuffle(reduced);
  // Boundary days of the window, both inside it.
  const setLeft = (s: StaffDraft, day: Day, cell: CellValue) => {
    s.left = day;
    s.leftCell = cell;
  };
  // (Units that existed all along, so that moving the date keeps the unit valid.)
  const steady = (s: StaffDraft) => unitByName(s.unit).kind !== 'secretariat' && unitByName(s.unit).kind !== 'front';
  const first = reduced.find((s) => s.category === 'vienChuc' && s.form === 'resignation' && steady(s));
  const last = reduced.find((s) => s.category === 'congChuc' && s.form === 'earlyRetirement' && steady(s));
  if (!first || !last) throw new Error('matrix too small for boundary rows');
  setLeft(first, ymd(2015, 1, 1), '01/01/2015');
  setLeft(last, ymd(2019, 12, 31), new Date(ymd(2019, 12, 31) * MS_DAY));
  let retiredWithForm = 0;
  let resignedWithForm = 0;
  for (const s of reduced) {
    if (s.form === 'earlyRetirement' && retiredWithForm < RETIRED_WITH_EARLY_FORM && s.category !== 'canBo') {
      s.statusText = 'Nghỉ hưu';
      retiredWithForm++;
    } else if (s.form === 'resignation' && resignedWithForm < RESIGNED_WITH_FORM) {
      s.statusText = 'Thôi việc';
      resignedWithForm++;
    } else if (s.form === 'unspecified') {
      s.statusText = 'Tinh giản';
    } else {
      s.statusText = rng.weighted(REDUCED_STATUS_TEXTS);
    }
    s.formText = s.form === 'unspecified' || !s.form ? null : rng.chance(0.06) ? FORM_TEXT[s.form].toLowerCase() : FORM_TEXT[s.form];
    const left = s.left as Day;
    s.basis = rng.weighted([
      ['NĐ 108/2014/NĐ-CP', 60],
      ['Đề án 25-ĐA/TU', 20],
      ['NĐ 108/2014/NĐ-CP; Đề án 25-ĐA/TU', 20],
      ...(left >= ymd(2018, 10, 1) ? ([['NĐ 108/2014/NĐ-CP, NĐ 113/2018/NĐ-CP', 25]] as [string, number][]) : []),
    ]);
    if (s.form === 'earlyRetirement') s.birth = birthForAge(rng, left, s.sex === 'Nam' ? 55 : 50, s.sex === 'Nam' ? 59 : 54);
    else s.birth = birthForAge(rng, left, 25, 50);
  }
  if (retiredWithForm !== RETIRED_WITH_EARLY_FORM || resignedWithForm !== RESIGNED_WITH_FORM) throw new Error('status variants not placed');
  drafts.push(...reduced);

  // 3. Reduced outside the window: must not count in 2015–2019.
  const outside: [Day, string][] = [
    [ymd(2014, 7, 1), 'NĐ 132/2007/NĐ-CP'],
    [ymd(2014, 12, 31), 'NĐ 132/2007/NĐ-CP'],
    [ymd(2020, 1, 1), 'NĐ 108/2014/NĐ-CP'],
  ];
  while (outside.length < OUTSIDE_WINDOW.y2014 + OUTSIDE_WINDOW.y2020to2021) {
    outside.push([leavingDay(rng, ymd(2020, 1, 2), AS_OF), rng.pick(['NĐ 108/2014/NĐ-CP', 'NĐ 113/2018/NĐ-CP', 'NĐ 108/2014/NĐ-CP, NĐ 113/2018/NĐ-CP'])]);
  }
  for (const [left, basis] of outside) {
    const cat = rng.weighted<CategoryKey>([['congChuc', 3], ['vienChuc', 5], ['nguoiLaoDong', 2], ['capXa', 2]]);
    const form = rng.weighted<Exclude<FormKey, 'unspecified'>>([['earlyRetirement', 5], ['resignation', 4], ['transferOutsideBudget', 1]]);
    const s = departed(rng, cat, left, 'reduced', rng.weighted(REDUCED_STATUS_TEXTS));
    s.form = form;
    s.formText = FORM_TEXT[form];
    s.basis = basis;
    s.birth = form === 'earlyRetirement' ? birthForAge(rng, left, s.sex === 'Nam' ? 55 : 50, s.sex === 'Nam' ? 59 : 54) : birthForAge(rng, left, 25, 50);
    drafts.push(s);
  }

  // 4. Ordinary departures: not reductions.
  const ordinaryCat = (): CategoryKey => rng.weighted<CategoryKey>([['congChuc', 25], ['vienChuc', 45], ['nguoiLaoDong', 8], ['capXa', 14], ['khongChuyenTrach', 8]]);
  for (let i = 0; i < ORDINARY.retired; i++) {
    const left = ymd(rng.int(2015, 2021), 1, 1);
    const day = parts(left).y === 2021 ? ymd(2021, rng.int(1, 6), 1) : ymd(parts(left).y, rng.int(1, 12), 1);
    const s = departed(rng, ordinaryCat(), day, 'retired', rng.chance(0.93) ? 'Nghỉ hưu' : 'nghỉ hưu');
    s.birth = retirementBirth(rng, s.sex, day);
    if (rng.chance(0.3)) s.basis = `QĐ số ${rng.int(120, 3980)}/QĐ-UBND`;
    drafts.push(s);
  }
  for (let i = 0; i < ORDINARY.transferred; i++) {
    const s = departed(rng, ordinaryCat(), dayIn(rng, ymd(2015, 1, 1), AS_OF), 'transferred', 'Chuyển công tác');
    s.birth = birthForAge(rng, s.left as Day, 24, 50);
    if (rng.chance(0.5)) s.basis = `QĐ số ${rng.int(120, 3980)}/QĐ-UBND`;
    drafts.push(s);
  }
  for (let i = 0; i < ORDINARY.resigned; i++) {
    const s = departed(rng, ordinaryCat(), leavingDay(rng, ymd(2015, 1, 1), AS_OF), 'resigned', 'Thôi việc');
    s.birth = birthForAge(rng, s.left as Day, 23, 45);
    drafts.push(s);
  }
  for (let i = 0; i < ORDINARY.deceased; i++) {
    const s = departed(rng, 'vienChuc', dayIn(rng, ymd(2016, 1, 1), ymd(2020, 12, 31)), 'deceased', 'Từ trần');
    s.birth = birthForAge(rng, s.left as Day, 42, 54);
    drafts.push(s);
  }

  // 5. Traps.
  const invalid = makeStaff(rng, unitByName('Trường Tiểu học Ka Long'), 'vienChuc', { position: 'Giáo viên' });
  Object.assign(invalid, {
    status: 'reduced', statusText: 'Tinh giản', form: 'resignation', formText: FORM_TEXT.resignation,
    left: null, leftCell: '31/02/2018', basis: 'NĐ 108/2014/NĐ-CP', trap: 'leftDate.invalid',
  });
  invalid.birth = birthForAge(rng, ymd(2018, 2, 1), 28, 40);
  drafts.push(invalid);
  const noUnit = makeStaff(rng, unitByName('Phòng Tư pháp'), 'congChuc', { position: CV });
  Object.assign(noUnit, { unit: '', unitText: null, trap: 'unit.empty' });
  drafts.push(noUnit);
  // Birth written only as a year: five active staff and one early retiree in the window.
  const yearOnly = [
    ...drafts.filter((s) => s.status === 'active' && s.role === 'staff' && !s.trap).filter((_, i) => i % 173 === 5).slice(0, 5),
    ...reduced.filter((s) => s.form === 'earlyRetirement').slice(3, 4),
  ];
  yearOnly.forEach((s, i) => {
    s.birthCell = i % 2 === 0 ? 'yearNumber' : 'yearText';
    s.birthYearOnly = true;
    s.trap = 'birthDate.yearOnly';
  });
  return drafts;
}

function orderStaff(rng: Rng, drafts: StaffDraft[]): StaffDraft[] {
  const out: StaffDraft[] = [];
  const roleRank = { head: 0, deputy: 1, staff: 2 };
  for (const u of UNITS) {
    const mine = drafts.filter((s) => s.listedUnder === u.name);
    const leaders = mine.filter((s) => s.status === 'active' && s.role !== 'staff').sort((a, b) => roleRank[a.role] - roleRank[b.role]);
    const rest = rng.shuffle(mine.filter((s) => !leaders.includes(s) && !s.trap?.startsWith('unit.')));
    const trapped = mine.filter((s) => s.trap === 'unit.empty');
    out.push(...leaders, ...rest.slice(0, 3), ...trapped, ...rest.slice(3));
  }
  if (out.length !== drafts.length) throw new Error('staff rows lost in ordering');
  return out;
}

// ───────────────────────────── people leaving in 2025 (NĐ 178/2024, NĐ 67/2025) ─────────────────────────────

/**
 * The benefits report's worked cases: people active on 30/06/2021 who leave in 2025 under Nghị định
 * 178/2024/NĐ-CP as amended by Nghị định 67/2025/NĐ-CP, with the pay and insurance columns filled the
 * ways offices type them. Never a head or a deputy, never in a unit of the merger plan, never a trap
 * row: the 2015–2021 figures (reduction, quotas, leaders, merger groups) stay as they were, since a
 * person who leaves after a period's end still counts as there at its end. Their allowances are worked
 * out in `workCase` with plain arithmetic, apart from src/, totalled in `benefitsFigures` and written
 * out in the README (`renderBenefits`); test/sampleBenefits.test.ts holds the engine to them.
 */

/** Mức lương cơ sở from 01/07/2024 (Nghị định 73/2024/NĐ-CP, Điều 3): the one of the month before every leaving day of 2025. */
export const BASE_SALARY_2025 = 2_340_000;
export const BENEFITS_PERIOD = { from: '2025-01-01', to: '2025-12-31' } as const;

type Ymd = readonly [number, number, number];
/** A number typed as a number cell, or as text with a decimal comma ("4,98"). */
type NumberStyle = 'number' | 'text';
/** A percentage typed "25%" (text), as 0,25 in a cell formatted 0% ("percentCell"), or as the text "0,25" ("shareText"). */
type PercentStyle = 'text' | 'percentCell' | 'shareText';
/** Insured time typed "33 năm 07 tháng", as years in a number cell (25,5), or as years in text ("10,5"). */
type InsuredStyle = 'yearsMonths' | 'yearsNumber' | 'yearsText';
export type LeavingFormKey = 'earlyRetirement' | 'resignation' | 'resignationAfterTraining';
/** The unit's own total ("Tổng số tiền đơn vị đề nghị"): as computed, 1 đồng over (within the audit's tolerance), or rounded up to the thousand đồng. */
type DeclaredRule = 'same' | 'plusOne' | 'upToThousand';

export interface BenefitCase {
  key: string;
  /** What the case shows. */
  shows: string;
  unit: string;
  category: CategoryKey;
  sex: Sex;
  /** The positions the person may hold (any when absent). */
  positions?: readonly string[];
  birth: Ymd;
  form: LeavingFormKey;
  statusText: string;
  /** For early retirement, the 1st of the month the pension starts. */
  left: Ymd;
  leftAs: 'text' | 'date';
  /** The day the restructuring decision takes effect. */
  decision: Ymd;
  decisionAs: 'text' | 'date';
  coefficient?: readonly [number, NumberStyle];
  leadership?: readonly [number, NumberStyle];
  /** Phụ cấp thâm niên vượt khung, percentage points. */
  overGrade?: readonly [number, PercentStyle];
  /** Phụ cấp công vụ, percentage points. */
  publicService?: readonly [number, PercentStyle];
  /** Tiền lương tháng hiện hưởng typed by the unit (a contract worker's pay), written "12.345.000". */
  amount?: number;
  /** Thời gian đóng BHXH bắt buộc in months, and how it is typed. */
  insured: readonly [number, InsuredStyle];
  declared?: readonly [DeclaredRule, NumberStyle];
}

const LEAVING_BASIS = 'NĐ 178/2024/NĐ-CP, NĐ 67/2025/NĐ-CP';

export const BENEFIT_CASES: readonly BenefitCase[] = [
  {
    key: 'A', shows: 'early retirement less than 24 months early: allowance (a) only', unit: 'Phòng Quản lý đô thị', category: 'congChuc', sex: 'Nam', positions: [CV],
    birth: [1964, 9, 12], form: 'earlyRetirement', statusText: 'Nghỉ hưu', left: [2025, 3, 1], leftAs: 'text', decision: [2025, 3, 1], decisionAs: 'text',
    coefficient: [4.65, 'text'], publicService: [25, 'text'], insured: [36 * 12 + 2, 'yearsMonths'],
  },
  {
    key: 'B', shows: '24–60 months early, pension before 01/07/2025: the 20-year rule; over-grade seniority', unit: 'Phòng Tài nguyên và Môi trường', category: 'congChuc', sex: 'Nam', positions: [CV],
    birth: [1967, 2, 20], form: 'earlyRetirement', statusText: 'Tinh giản', left: [2025, 4, 1], leftAs: 'date', decision: [2025, 3, 1], decisionAs: 'date',
    coefficient: [4.98, 'number'], overGrade: [7, 'text'], publicService: [25, 'percentCell'], insured: [33 * 12 + 7, 'yearsMonths'], declared: ['same', 'number'],
  },
  {
    key: 'C', shows: '61–120 months early, a woman of the transitional retirement ages, pension before 01/07/2025: the 20-year rule', unit: 'Phòng Lao động - Thương binh và Xã hội', category: 'congChuc', sex: 'Nữ', positions: [CV],
    birth: [1972, 8, 23], form: 'earlyRetirement', statusText: 'Tinh giản', left: [2025, 4, 1], leftAs: 'text', decision: [2025, 3, 1], decisionAs: 'text',
    coefficient: [4.32, 'number'], publicService: [25, 'text'], insured: [28 * 12 + 4, 'yearsMonths'],
  },
  {
    key: 'D', shows: '61–120 months early, pension from 01/07/2025: the 15-year rule; a leadership allowance', unit: 'UBND phường Hải Hòa', category: 'capXa', sex: 'Nam', positions: WARD_CB_POSITIONS,
    birth: [1970, 10, 2], form: 'earlyRetirement', statusText: 'Tinh giản', left: [2025, 7, 1], leftAs: 'text', decision: [2025, 7, 1], decisionAs: 'text',
    coefficient: [3.33, 'text'], leadership: [0.15, 'text'], publicService: [25, 'shareText'], insured: [25 * 12 + 6, 'yearsNumber'], declared: ['plusOne', 'text'],
  },
  {
    key: 'E', shows: 'a commune-level civil servant resigns after the 01/07/2025 arrangement: 3 months to find work', unit: 'UBND xã Vạn Ninh', category: 'capXa', sex: 'Nam', positions: WARD_CC_POSITIONS,
    birth: [1978, 5, 30], form: 'resignation', statusText: 'Tinh giản', left: [2025, 8, 1], leftAs: 'text', decision: [2025, 7, 1], decisionAs: 'text',
    coefficient: [2.67, 'text'], publicService: [25, 'percentCell'], insured: [16 * 12 + 10, 'yearsMonths'],
  },
  {
    key: 'F', shows: 'a public employee resigns: severance capped by her 51 insured months, nothing to find work', unit: 'Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên thành phố', category: 'vienChuc', sex: 'Nữ',
    birth: [1994, 6, 9], form: 'resignation', statusText: 'Tinh giản', left: [2025, 8, 31], leftAs: 'text', decision: [2025, 7, 1], decisionAs: 'text',
    coefficient: [2.34, 'number'], insured: [4 * 12 + 3, 'yearsMonths'],
  },
  {
    key: 'G', shows: '24–60 months early, pension from 01/07/2025 with 18 insured years: the 15-year rule', unit: 'Trung tâm Văn hóa - Thông tin - Thể thao thành phố', category: 'vienChuc', sex: 'Nam',
    birth: [1966, 8, 5], form: 'earlyRetirement', statusText: 'Tinh giản', left: [2025, 9, 1], leftAs: 'text', decision: [2025, 7, 1], decisionAs: 'text',
    coefficient: [3.99, 'text'], insured: [18 * 12, 'yearsNumber'],
  },
  {
    key: 'H', shows: 'a civil servant resigns: 60 months of severance and 3 months to find work', unit: 'Văn phòng HĐND và UBND thành phố', category: 'congChuc', sex: 'Nữ', positions: [CV],
    birth: [1985, 3, 17], form: 'resignation', statusText: 'Thôi việc', left: [2025, 9, 15], leftAs: 'text', decision: [2025, 7, 1], decisionAs: 'text',
    coefficient: [3.33, 'text'], publicService: [25, 'text'], insured: [12 * 12 + 5, 'yearsMonths'], declared: ['upToThousand', 'number'],
  },
  {
    key: 'I', shows: 'a contract worker resigns: the monthly amount the unit typed', unit: 'Văn phòng Thành ủy', category: 'nguoiLaoDong', sex: 'Nam', positions: ['Lái xe'],
    birth: [1980, 4, 26], form: 'resignation', statusText: 'Tinh giản', left: [2025, 10, 1], leftAs: 'date', decision: [2025, 7, 1], decisionAs: 'date',
    amount: 12_345_000, insured: [9 * 12 + 3, 'yearsMonths'], declared: ['same', 'text'],
  },
  {
    key: 'J', shows: 'exactly 120 months early, leaving on the first day of the 13th month after the decision: the lower rates', unit: 'UBND phường Ka Long', category: 'capXa', sex: 'Nữ', positions: WARD_CC_POSITIONS,
    birth: [1975, 10, 14], form: 'earlyRetirement', statusText: 'Tinh giản', left: [2025, 11, 1], leftAs: 'text', decision: [2024, 11, 1], decisionAs: 'text',
    coefficient: [3.66, 'number'], publicService: [25, 'percentCell'], insured: [22 * 12 + 5, 'yearsMonths'],
  },
  {
    key: 'K', shows: 'resignation after training (paid as resignation; the training support is not computed)', unit: 'Trung tâm Phát triển quỹ đất thành phố', category: 'vienChuc', sex: 'Nam',
    birth: [1988, 12, 3], form: 'resignationAfterTraining', statusText: 'Tinh giản', left: [2025, 12, 1], leftAs: 'text', decision: [2025, 7, 1], decisionAs: 'text',
    coefficient: [3, 'number'], insured: [126, 'yearsText'],
  },
];

/**
 * Turn the first fitting person of each case (in sheet order) into a 2025 leaver: status, form, day,
 * basis, birth day (for the statutory pension start the case needs) and the benefit cells. The case's
 * unit and positions are preferences (another seed may have no such person there): then any unit
 * outside the merger plan, then any position; the category and sex always hold. No random draw: the
 * other rows are as they were.
 */
function placeLeavers(ordered: StaffDraft[]): void {
  const names = tally(ordered.map((s) => s.fullName));
  const planUnits = new Set(MERGER_PLAN.flatMap((p) => [p.fromUnit, p.toUnit]));
  const taken = new Set<StaffDraft>();
  for (const c of BENEFIT_CASES) {
    if (planUnits.has(c.unit)) throw new Error(`benefit case ${c.key}: ${c.unit} is in the merger plan`);
    const free = ordered.filter((d) =>
      !taken.has(d) && d.status === 'active' && d.role === 'staff' && d.trap === null && !d.birthYearOnly && names[d.fullName] === 1 &&
      !planUnits.has(d.unit) && d.category === c.category && d.sex === c.sex);
    const held = (d: StaffDraft) => c.positions === undefined || c.positions.includes(d.position);
    const s = free.find((d) => d.unit === c.unit && held(d)) ?? free.find(held) ?? free[0];
    if (!s) throw new Error(`benefit case ${c.key}: no active ${c.category} ${c.sex} to leave`);
    taken.add(s);
    const left = ymd(...c.left);
    Object.assign(s, {
      status: 'reduced', statusText: c.statusText, form: c.form, formText: FORM_TEXT[c.form], basis: LEAVING_BASIS,
      left, leftCell: c.leftAs === 'date' ? new Date(left * MS_DAY) : writeDate(left, 'dmy2'), birth: ymd(...c.birth), benefitCase: c.key,
    });
  }
}

// The allowances, worked out by hand: plain integer arithmetic, nothing from src/.

export type BenefitBandKey = '<2' | '2-5' | '5-10' | 'resignation';

/** One person's figures, as an officer works them out (`work`: the lines of the README). */
export interface BenefitPersonTruth {
  key: string;
  shows: string;
  fullName: string;
  unit: string;
  row: number;
  category: CategoryKey;
  sex: Sex;
  birthDate: string;
  form: LeavingFormKey;
  leftDate: string;
  decisionDate: string;
  statutoryPensionStart: string;
  monthsEarly: number;
  yearsEarly: number;
  band: BenefitBandKey;
  window: 'first12' | 'after12';
  monthlySalary: number;
  salaryBasis: 'amount' | 'coefficients';
  insuredMonths: number;
  insuredYears: number;
  /** The months the severance counts (resignation); 0 for early retirement. */
  severanceMonths: number;
  insuranceRule: 'twentyYears' | 'fifteenYears' | null;
  pensionAllowance: number;
  earlyYearsAllowance: number;
  insuranceAllowance: number;
  severanceAllowance: number;
  insuranceYearsAllowance: number;
  jobSearchAllowance: number;
  total: number;
  /** The unit's own total, and its cell; null when the row has none. */
  declaredTotal: number | null;
  declaredCell: string | null;
  work: string[];
}

export interface BenefitsFigures {
  period: { from: string; to: string };
  baseSalary: number;
  /** By leaving day, then row. */
  people: BenefitPersonTruth[];
  count: number;
  total: number;
  byForm: { earlyRetirement: { count: number; total: number }; resignation: { count: number; total: number } };
  /** The declared totals more than 1 đồng away from the computed ones. */
  audit: { fullName: string; cell: string; field: 'total'; declared: number; computed: number }[];
}

/** 13601250 → "13.601.250"; 0.45 → "0,45"; 12.5 → "12,5". */
export function viNum(n: number): string {
  const neg = n < 0 ? '-' : '';
  const [int, frac] = Math.abs(n).toString().split('.');
  return neg + int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (frac ? ',' + frac : '');
}
const viDay = (iso: string) => iso.split('-').reverse().join('/');
const monthIndex = (y: number, m: number) => y * 12 + m - 1;
const isoOfMonth = (index: number) => `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}-01`;
const plural = (n: number, unit: string) => `${viNum(n)} ${unit}${n === 1 ? '' : 's'}`;
const ageText = (months: number) => `${plural(Math.floor(months / 12), 'year')}${months % 12 ? ` ${plural(months % 12, 'month')}` : ''}`;
const timeText = (months: number) => (months % 12 === 0 ? `${months / 12} năm` : `${Math.floor(months / 12)} năm ${pad2(months % 12)} tháng`);
const monthText = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** A coefficient as typed in the salary tables: 3 → "3,00", 0.15 → "0,15". */
const coefText = (hundredths: number) => (hundredths / 100).toFixed(2).replace('.', ',');

/**
 * The statutory pension start (Bộ luật Lao động 2019, Điều 169; NĐ 135/2020, Điều 4 and Phụ lục I–II):
 * the retirement age of a year is 60 years 3 months for men in 2021, 3 months more each year up to 62;
 * 55 years 4 months for women in 2021, 4 months more each year up to 60. A person retires at the age
 * of the year in which they reach it, in the month they reach it; the pension starts the 1st of the next month.
 * For people who reach retirement age from 2021 on (every case here: men born from 1961, women from 1966).
 */
export function statutoryPensionStart(sex: Sex, birthYear: number, birthMonth: number): { start: string; ageMonths: number; retirementMonth: string } {
  const [first, step, last] = sex === 'Nam' ? [60 * 12 + 3, 3, 62 * 12] : [55 * 12 + 4, 4, 60 * 12];
  for (let year = 2021; ; year++) {
    const age = Math.min(first + step * (year - 2021), last);
    const reached = monthIndex(birthYear, birthMonth) + age;
    if (Math.floor(reached / 12) <= year) return { start: isoOfMonth(reached + 1), ageMonths: age, retirementMonth: `${pad2((reached % 12) + 1)}/${Math.floor(reached / 12)}` };
  }
}

/** Years for the allowances, in halves: whole years, spare months 1–6 are half a year, 7–11 a whole one (NĐ 178, Điều 5). */
const halvesOf = (months: number) => 2 * Math.floor(months / 12) + (months % 12 === 0 ? 0 : months % 12 <= 6 ? 1 : 2);
const roundingNote = (months: number) => (months % 12 === 0 ? '' : months % 12 <= 6 ? ` (${months % 12} spare months count as half a year)` : ` (${months % 12} spare months count as a whole year)`);

/** Salary × months (in hundredths of a month), rounded half up to the đồng, with its line of arithmetic. */
function allowanceLine(label: string, how: string, salary: number, hundredths: number): { amount: number; line: string } {
  const exact = salary * hundredths;
  const amount = Math.floor((exact + 50) / 100);
  const shown = exact % 100 === 0 ? viNum(amount) : `${viNum(exact / 100)} → ${viNum(amount)}`;
  return { amount, line: `${label}: ${how} × ${viNum(salary)} = ${shown}` };
}

function typedNumber(n: number, as: NumberStyle): CellValue {
  return as === 'number' ? n : n.toFixed(2).replace('.', ',');
}
function typedPercent(points: number, as: PercentStyle): CellValue {
  return as === 'text' ? `${points}%` : as === 'percentCell' ? points / 100 : String(points / 100).replace('.', ',');
}
function typedInsured(months: number, as: InsuredStyle): CellValue {
  if (as === 'yearsMonths') return timeText(months);
  if (months % 6 !== 0) throw new Error(`insured ${months} months is no whole or half year`);
  return as === 'yearsNumber' ? months / 12 : String(months / 12).replace('.', ',');
}

/** A case's figures from its own data (the person's name and row are added by `benefitsFigures`). */
function workCase(c: BenefitCase): Omit<BenefitPersonTruth, 'fullName' | 'unit' | 'row' | 'declaredCell'> {
  const work: string[] = [];
  const leftDate = isoDay(ymd(...c.left));
  const decisionDate = isoDay(ymd(...c.decision));
  // Statutory pension start and the months early.
  const p = statutoryPensionStart(c.sex, c.birth[0], c.birth[1]);
  const monthsEarly = monthIndex(Number(p.start.slice(0, 4)), Number(p.start.slice(5, 7))) - monthIndex(c.left[0], c.left[1]);
  const yearsHalves = halvesOf(monthsEarly);
  work.push(`Retirement age (NĐ 135/2020, Phụ lục ${c.sex === 'Nam' ? 'I' : 'II'}): ${c.sex === 'Nam' ? 'man' : 'woman'} born ${pad2(c.birth[1])}/${c.birth[0]} → ${ageText(p.ageMonths)}, reached in ${p.retirementMonth} → pension from ${viDay(p.start)}.`);
  const early = c.form === 'earlyRetirement';
  work.push(`${early ? 'Months early' : 'Months to the pension'}: ${monthText(leftDate)} → ${monthText(p.start)} = ${monthsEarly} months${early ? ` = ${plural(yearsHalves / 2, 'year')}${roundingNote(monthsEarly)}` : ''}.`);
  // Window.
  const windowEnd = isoDay(addMonths(ymd(...c.decision), 12));
  const window = leftDate < windowEnd ? 'first12' : 'after12';
  work.push(`Window: decision in effect from ${viDay(decisionDate)}; leaving ${viDay(leftDate)} is ${window === 'first12' ? `within the first 12 months (before ${viDay(windowEnd)})` : `from the 13th month (on or after ${viDay(windowEnd)})`}.`);
  // Monthly salary.
  const B = BASE_SALARY_2025;
  let salary: number;
  if (c.amount !== undefined) {
    salary = c.amount;
    work.push(`Monthly salary: the unit's own amount, ${viNum(salary)} đ.`);
  } else {
    if (!c.coefficient) throw new Error(`benefit case ${c.key}: no salary`);
    const c100 = Math.round(c.coefficient[0] * 100), l100 = Math.round((c.leadership?.[0] ?? 0) * 100);
    const og = c.overGrade?.[0] ?? 0, ps = c.publicService?.[0] ?? 0;
    const coef = coefText(c100), lead = coefText(l100), b = viNum(B);
    // Parts in millionths of a đồng: exact integers.
    const parts: [string, number][] = [[l100 ? `(${coef} + ${lead}) × ${b}` : `${coef} × ${b}`, (c100 + l100) * B * 10_000]];
    if (og) parts.push([`${og}% × ${coef} × ${b}`, og * c100 * B * 100]);
    const basis = og ? `(${coef}${l100 ? ` + ${lead}` : ''} + ${og}% × ${coef})` : l100 ? `(${coef} + ${lead})` : coef;
    if (ps) parts.push([`${ps}% × ${basis} × ${b}`, ps * ((c100 + l100) * 100 + og * c100) * B]);
    const exact = parts.reduce((n, [, v]) => n + v, 0);
    salary = Math.floor((exact + 500_000) / 1_000_000);
    const lines = parts.map(([how, v]) => `${how} = ${viNum(v / 1_000_000)}`);
    work.push(`Monthly salary (base ${b} đ, NĐ 73/2024): ${lines.join('; ')}${parts.length > 1 ? `; sum ${viNum(exact / 1_000_000)}` : ''}${exact % 1_000_000 ? ` → ${viNum(salary)}` : ''} đ.`);
  }
  const insuredMonths = c.insured[0];
  const insuredHalves = halvesOf(insuredMonths);
  work.push(`Insured time: ${timeText(insuredMonths)} = ${plural(insuredHalves / 2, 'year')}${roundingNote(insuredMonths)}.`);
  const first = window === 'first12';
  const amounts = { pensionAllowance: 0, earlyYearsAllowance: 0, insuranceAllowance: 0, severanceAllowance: 0, insuranceYearsAllowance: 0, jobSearchAllowance: 0 };
  let band: BenefitBandKey = 'resignation';
  let insuranceRule: BenefitPersonTruth['insuranceRule'] = null;
  let severanceMonths = 0;
  const add = (key: keyof typeof amounts, r: { amount: number; line: string }) => {
    amounts[key] = r.amount;
    work.push(r.line);
  };
  if (early) {
    if (monthsEarly < 1 || monthsEarly > 120) throw new Error(`benefit case ${c.key}: ${monthsEarly} months early`);
    if (c.left[2] !== 1) throw new Error(`benefit case ${c.key}: early retirement starts on the 1st`);
    band = monthsEarly < 24 ? '<2' : monthsEarly <= 60 ? '2-5' : '5-10';
    if (band === '5-10') {
      add('pensionAllowance', allowanceLine('(a) one-time pension allowance', `60 months × ${first ? '0,9' : '0,45'}`, salary, (first ? 90 : 45) * 60));
    } else {
      add('pensionAllowance', allowanceLine('(a) one-time pension allowance', `${monthsEarly} months × ${first ? '1,0' : '0,5'}`, salary, (first ? 100 : 50) * monthsEarly));
    }
    if (band !== '<2') {
      const perYear = band === '2-5' ? 5 : 4;
      add('earlyYearsAllowance', allowanceLine('(b) years early', `${plural(yearsHalves / 2, 'year')} × ${perYear} months`, salary, perYear * 50 * yearsHalves));
      const fifteen = leftDate >= '2025-07-01' && insuredHalves >= 30;
      insuranceRule = fifteen ? 'fifteenYears' : 'twentyYears';
      const [firstYears, firstMonths] = fifteen ? [15, 4] : [20, 5];
      const extraHalves = Math.max(0, insuredHalves - 2 * firstYears);
      add('insuranceAllowance', allowanceLine(
        `(c) insured time, ${firstYears}-year rule (pension ${fifteen ? 'from' : 'before'} 01/07/2025)`,
        `(${firstMonths} + 0,5 × ${viNum(extraHalves / 2)}) = ${viNum(firstMonths + extraHalves / 4)} months`, salary, firstMonths * 100 + 25 * extraHalves));
    } else {
      work.push('(b) and (c): none under 24 months early (TT 01/2025, Điều 4.3); the insured time is not used.');
    }
  } else {
    severanceMonths = Math.min(monthsEarly, 60, insuredMonths);
    const capped = severanceMonths === insuredMonths && insuredMonths < 60 ? ' (capped by the insured months)' : severanceMonths === 60 ? ' (at most 60)' : '';
    add('severanceAllowance', allowanceLine(`Severance, ${severanceMonths} months counted${capped}`, `${severanceMonths} × ${first ? '0,8' : '0,4'}`, salary, (first ? 80 : 40) * severanceMonths));
    add('insuranceYearsAllowance', allowanceLine('Insured years', `${viNum(insuredHalves / 2)} × 1,5`, salary, 75 * insuredHalves));
    if (c.category === 'canBo' || c.category === 'congChuc' || c.category === 'capXa') {
      add('jobSearchAllowance', allowanceLine('To find work (cadres and civil servants)', '3 months', salary, 300));
    } else {
      work.push('To find work: none (public employees and workers get unemployment insurance).');
    }
  }
  const total = Object.values(amounts).reduce((n, x) => n + x, 0);
  work.push(`Total: ${Object.values(amounts).filter((x) => x > 0).map(viNum).join(' + ')} = **${viNum(total)} đ**.`);
  let declaredTotal: number | null = null;
  if (c.declared) {
    const rule = c.declared[0];
    declaredTotal = rule === 'same' ? total : rule === 'plusOne' ? total + 1 : Math.ceil(total / 1000) * 1000;
    if (rule === 'upToThousand' && declaredTotal - total <= 1) throw new Error(`benefit case ${c.key}: rounding to the thousand changes nothing`);
    work.push(`Declared by the unit: ${viNum(declaredTotal)} đ${rule === 'same' ? ' (the same)' : rule === 'plusOne' ? ' (1 đồng more: within the 1-đồng tolerance, not listed)' : ` (rounded up to the thousand: ${viNum(declaredTotal - total)} đ more, listed by the audit)`}.`);
  }
  return {
    key: c.key, shows: c.shows, category: c.category, sex: c.sex, birthDate: isoDay(ymd(...c.birth)), form: c.form, leftDate, decisionDate,
    statutoryPensionStart: p.start, monthsEarly, yearsEarly: yearsHalves / 2, band, window, monthlySalary: salary,
    salaryBasis: c.amount !== undefined ? 'amount' : 'coefficients', insuredMonths, insuredYears: insuredHalves / 2, severanceMonths, insuranceRule,
    ...amounts, total, declaredTotal, work,
  };
}

const WORKED = new Map<string, ReturnType<typeof workCase>>();
function workedCase(c: BenefitCase): ReturnType<typeof workCase> {
  let w = WORKED.get(c.key);
  if (!w) WORKED.set(c.key, (w = workCase(c)));
  return w;
}
const caseOf = (key: string) => BENEFIT_CASES.find((c) => c.key === key) as BenefitCase;

/** The benefit cells of a leaver's row (BENEFIT_HEADERS' order), and the number formats they need. */
function benefitCells(s: StaffDraft): { cells: CellValue[]; formats: (string | null)[] } {
  const none = { cells: BENEFIT_HEADERS.map(() => null), formats: BENEFIT_HEADERS.map(() => null) };
  if (s.benefitCase === null) return none;
  const c = caseOf(s.benefitCase);
  const w = workedCase(c);
  const pct = (x: readonly [number, PercentStyle] | undefined) => (x ? typedPercent(...x) : null);
  const pctFormat = (x: readonly [number, PercentStyle] | undefined) => (x?.[1] === 'percentCell' ? '0%' : null);
  const numFormat = (x: readonly [number, NumberStyle] | undefined) => (x?.[1] === 'number' ? '0.00' : null);
  const decision = ymd(...c.decision);
  return {
    cells: [
      c.coefficient ? typedNumber(...c.coefficient) : null, c.leadership ? typedNumber(...c.leadership) : null, pct(c.overGrade), pct(c.publicService),
      c.amount !== undefined ? viNum(c.amount) : null, typedInsured(...c.insured),
      c.decisionAs === 'date' ? new Date(decision * MS_DAY) : writeDate(decision, 'dmy2'),
      w.declaredTotal === null ? null : c.declared?.[1] === 'number' ? w.declaredTotal : viNum(w.declaredTotal),
    ],
    formats: [numFormat(c.coefficient), numFormat(c.leadership), pctFormat(c.overGrade), pctFormat(c.publicService), null, null, null, c.declared?.[1] === 'number' ? '#,##0' : null],
  };
}

/** The benefits report's figures on the sample, from the cases and the rows they were placed on. */
function benefitsFigures(staff: readonly StaffTruth[], declaredColumn: number): BenefitsFigures {
  const people = staff.filter((s) => s.benefitCase !== null).map((s): BenefitPersonTruth => {
    const w = workedCase(caseOf(s.benefitCase as string));
    return { ...w, fullName: s.fullName, unit: s.unit, row: s.row, declaredCell: w.declaredTotal === null ? null : addr(s.row, declaredColumn) };
  });
  if (people.length !== BENEFIT_CASES.length) throw new Error('benefit cases lost');
  people.sort((a, b) => (a.leftDate < b.leftDate ? -1 : a.leftDate > b.leftDate ? 1 : a.row - b.row));
  const byForm = { earlyRetirement: { count: 0, total: 0 }, resignation: { count: 0, total: 0 } };
  for (const p of people) {
    const f = byForm[p.form === 'earlyRetirement' ? 'earlyRetirement' : 'resignation'];
    f.count++;
    f.total += p.total;
  }
  const audit = people
    .filter((p) => p.declaredTotal !== null && Math.abs(p.declaredTotal - p.total) > 1)
    .map((p) => ({ fullName: p.fullName, cell: p.declaredCell as string, field: 'total' as const, declared: p.declaredTotal as number, computed: p.total }));
  return {
    period: { ...BENEFITS_PERIOD }, baseSalary: BASE_SALARY_2025, people, count: people.length, total: sum(people.map((p) => p.total)), byForm, audit,
  };
}

// ───────────────────────────── staff sheet ─────────────────────────────

/** The benefit columns, after the others, filled for the 2025 leavers only (docs/reports.md, "Staff fields for benefits"). */
const BENEFIT_HEADERS: readonly string[] = [
  'Hệ số lương', 'Hệ số phụ cấp\nchức vụ', 'Phụ cấp thâm niên\nvượt khung (%)', 'Phụ cấp\ncông vụ (%)', 'Tiền lương tháng\nhiện hưởng',
  'Thời gian đóng\nBHXH bắt buộc', 'Ngày hiệu lực\nquyết định sắp xếp', 'Tổng số tiền\nđơn vị đề nghị',
];
const STAFF_HEADER_1: CellValue[] = ['STT', 'Họ và tên', 'Ngày sinh', null, 'Đơn vị công tác', 'Chức vụ', 'Đối tượng', 'Ngạch', 'Trình độ\nchuyên môn', 'Đảng viên', 'Tình trạng', 'Ngày biến động', 'Hình thức\ntinh giản', 'Căn cứ', ...BENEFIT_HEADERS];
/** Column (1-based) of "Tổng số tiền đơn vị đề nghị". */
const DECLARED_TOTAL_COLUMN = STAFF_HEADER_1.length;
const MEMBERS_HEADER_1: CellValue[] = ['STT', 'Họ và tên', 'Ngày sinh', null, 'Dân tộc', 'Tôn giáo', 'Chi bộ', 'Đảng bộ cơ sở', 'Ngày vào Đảng', 'Ngày chính thức', 'Tình trạng', 'Ngày biến động', 'Đã nhận Huy hiệu'];
export const STAFF_REPEAT_AFTER = 800;

/** The two merged header rows ("Ngày sinh" over Nam | Nữ in columns C:D) and the index row, starting at Excel row `top`. */
function twoRowHeader(first: CellValue[], top: number): { rows: CellValue[][]; merges: string[] } {
  const second: CellValue[] = first.map((_, i) => (i === 2 ? 'Nam' : i === 3 ? 'Nữ' : null));
  const index: CellValue[] = first.map((_, i) => `(${i + 1})`);
  const merges: string[] = [];
  first.forEach((_, i) => {
    const col = i + 1;
    if (i === 2) merges.push(`${addr(top, 3)}:${addr(top, 4)}`);
    else if (i !== 3) merges.push(`${addr(top, col)}:${addr(top + 1, col)}`);
  });
  return { rows: [first.slice(), second, index], merges };
}

function titleRows(body: string, title: string, cols: number): { rows: CellValue[][]; merges: string[] } {
  const blank = (): CellValue[] => Array<CellValue>(cols).fill(null);
  const r1 = blank();
  r1[0] = body;
  const r2 = blank();
  r2[0] = title;
  const r3 = blank();
  r3[0] = '(Tính đến ngày 30/6/2021)';
  const last = colLetter(cols);
  return { rows: [r1, r2, r3, blank()], merges: [`A1:${colLetter(Math.min(cols, 5))}1`, `A2:${last}2`, `A3:${last}3`] };
}

function birthCells(rng: Rng, sex: Sex, birth: Day, how: 'date' | 'yearNumber' | 'yearText'): [CellValue, CellValue] {
  const v: CellValue = how === 'yearNumber' ? parts(birth).y : how === 'yearText' ? String(parts(birth).y) : dateCell(rng, birth);
  return sex === 'Nam' ? [v, null] : [null, v];
}

function buildStaffSheet(rng: Rng, ordered: StaffDraft[]): { sheet: SampleSheet; truth: StaffTruth[] } {
  const cols = STAFF_HEADER_1.length;
  const t = titleRows('ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI', 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC VÀ NGƯỜI LAO ĐỘNG', cols);
  const rows: CellValue[][] = [...t.rows];
  const merges = [...t.merges];
  const headerRows: number[] = [];
  const pushHeader = () => {
    const top = rows.length + 1;
    const h = twoRowHeader(STAFF_HEADER_1, top);
    rows.push(...h.rows);
    merges.push(...h.merges);
    headerRows.push(top, top + 1, top + 2);
  };
  pushHeader();
  const firstDataRow = rows.length + 1;
  const truth: StaffTruth[] = [];
  const numFmts: Record<string, string> = {};
  ordered.forEach((s, i) => {
    if (i === STAFF_REPEAT_AFTER) pushHeader();
    const row = rows.length + 1;
    const [nam, nu] = birthCells(rng, s.sex, s.birth, s.birthCell);
    const unitText = s.unitText === null ? null : s.unitVariant ?? s.unitText;
    const benefit = benefitCells(s);
    rows.push([
      i + 1, s.fullName, nam, nu, unitText, s.position, s.categoryText, s.ngach, s.trinhDo,
      s.partyMember ? (rng.chance(0.92) ? 'x' : 'Có') : null, s.statusText, s.leftCell, s.formText, s.basis, ...benefit.cells,
    ]);
    benefit.formats.forEach((f, k) => {
      if (f !== null) numFmts[addr(row, cols - BENEFIT_HEADERS.length + k + 1)] = f;
    });
    truth.push({
      row, stt: i + 1, fullName: s.fullName, sex: s.sex, birthDate: isoDay(s.birth), birthYearOnly: s.birthYearOnly,
      unit: s.unit, unitText, position: s.position, role: s.role, category: s.category, categoryText: s.categoryText,
      partyMember: s.partyMember, status: s.status, statusText: s.statusText, leftDate: s.left === null ? null : isoDay(s.left),
      leftDateText: s.leftCell, form: s.form, formText: s.formText, basis: s.basis, inWindow: s.inWindow, trap: s.trap, benefitCase: s.benefitCase,
    });
  });
  const totalRow: CellValue[] = Array<CellValue>(cols).fill(null);
  totalRow[0] = 'Tổng cộng';
  totalRow[1] = ordered.length;
  rows.push(totalRow);
  const note: CellValue[] = Array<CellValue>(cols).fill(null);
  note[0] = 'Ghi chú: Danh sách gồm cả những người đã nghỉ hưu, tinh giản biên chế, thôi việc, chuyển công tác từ 01/01/2014 đến 30/6/2021; ngày sinh ghi vào cột Nam hoặc Nữ theo giới tính. '
    + 'Các cột từ Hệ số lương đến Tổng số tiền đơn vị đề nghị chỉ ghi cho người nghỉ việc năm 2025 theo Nghị định số 178/2024/NĐ-CP (sửa đổi bởi Nghị định số 67/2025/NĐ-CP).';
  rows.push(note);
  merges.push(`A${rows.length}:${colLetter(cols)}${rows.length}`);
  return {
    sheet: {
      name: 'DS CBCCVC', kind: 'staff', rows, merges, headerRows, titleRows: [1, 2, 3], firstDataRow, numFmts,
      widths: [6, 24, 11, 11, 34, 22, 14, 16, 16, 8, 14, 12, 26, 24, 8, 9, 11, 9, 14, 15, 13, 15],
    },
    truth,
  };
}

// ───────────────────────────── units and merger plan sheets ─────────────────────────────

function buildUnitsSheet(): SampleSheet {
  const cols = 7;
  const t = titleRows('ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI', 'BIÊN CHẾ ĐƯỢC GIAO CỦA CÁC CƠ QUAN, ĐƠN VỊ NĂM 2015 VÀ NĂM 2021', cols);
  const rows: CellValue[][] = [...t.rows, ['STT', 'Đơn vị', 'Khối', 'Biên chế giao năm 2015', 'Biên chế giao năm 2021', 'Số cấp phó tối đa', 'Ghi chú']];
  UNITS.forEach((u, i) => rows.push([i + 1, u.name, u.block, u.q2015, u.q2021, u.maxDeputies, u.note || null]));
  rows.push([null, 'Tổng cộng', null, sum(UNITS.map((u) => u.q2015 ?? 0)), sum(UNITS.map((u) => u.q2021 ?? 0)), null, null]);
  return { name: 'Bien che', kind: 'units', rows, merges: t.merges, headerRows: [5], titleRows: [1, 2, 3], firstDataRow: 6, numFmts: {}, widths: [6, 52, 22, 12, 12, 10, 40] };
}

export interface PlanRow {
  fromUnit: string;
  toUnit: string;
  form: 'Hợp nhất' | 'Chuyển chức năng';
  effectiveDate: string;
  note: string | null;
}
const SECRETARIATS = UNITS.filter((u) => u.kind === 'secretariat').map((u) => u.name);
export const MERGER_PLAN: readonly PlanRow[] = [
  ...SECRETARIATS.map((fromUnit): PlanRow => ({ fromUnit, toUnit: FRONT, form: 'Hợp nhất', effectiveDate: '2018-01-01', note: 'Hợp nhất cơ quan chuyên trách tham mưu, giúp việc' })),
  { fromUnit: 'Ban Tổ chức Thành ủy', toUnit: BTC_PNV, form: 'Hợp nhất', effectiveDate: '2021-10-01', note: null },
  { fromUnit: 'Phòng Nội vụ', toUnit: BTC_PNV, form: 'Hợp nhất', effectiveDate: '2021-10-01', note: null },
  { fromUnit: 'Ủy ban Kiểm tra Thành ủy', toUnit: UBKT_TTR, form: 'Hợp nhất', effectiveDate: '2021-10-01', note: null },
  { fromUnit: 'Thanh tra Thành phố', toUnit: UBKT_TTR, form: 'Hợp nhất', effectiveDate: '2021-10-01', note: null },
  { fromUnit: 'Trung tâm Chính trị thành phố', toUnit: 'Ban Tuyên giáo Thành ủy', form: 'Chuyển chức năng', effectiveDate: '2021-10-01', note: 'Chuyển chức năng bồi dưỡng lý luận chính trị' },
];

function buildPlanSheet(rng: Rng): SampleSheet {
  const cols = 6;
  const t = titleRows('ĐẢNG BỘ THÀNH PHỐ MÓNG CÁI', 'PHƯƠNG ÁN SẮP XẾP TỔ CHỨC BỘ MÁY CÁC CƠ QUAN, ĐƠN VỊ', cols);
  const rows: CellValue[][] = [...t.rows, ['STT', 'Đơn vị hiện tại', 'Đơn vị sau sắp xếp', 'Hình thức', 'Ngày hiệu lực', 'Ghi chú']];
  MERGER_PLAN.forEach((p, i) => rows.push([i + 1, p.fromUnit, p.toUnit, p.form, dateCell(rng, dayOfIso(p.effectiveDate)), p.note]));
  return { name: 'PA sap xep', kind: 'mergerPlan', rows, merges: t.merges, headerRows: [5], titleRows: [1, 2, 3], firstDataRow: 6, numFmts: {}, widths: [6, 40, 52, 18, 14, 44] };
}

// ───────────────────────────── party organisations ─────────────────────────────

export type OrgLevel = 'Đảng bộ cơ sở' | 'Chi bộ cơ sở' | 'Chi bộ trực thuộc';
export type RatingKey = 'excellent' | 'good' | 'completed' | 'failed';
const RATING_CODE: Record<RatingKey, string> = { excellent: 'HTXSNV', good: 'HTTNV', completed: 'HTNV', failed: 'KHTNV' };
const RATING_WORDS: Record<RatingKey, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ', good: 'Hoàn thành tốt nhiệm vụ', completed: 'Hoàn thành nhiệm vụ', failed: 'Không hoàn thành nhiệm vụ',
};
/** Ratings of the 30 base organisations rated each year (the 2 founded in 2021 are unrated). */
const BASE_RATINGS: Record<2019 | 2020, Record<RatingKey, number>> = {
  2019: { excellent: 4, good: 22, completed: 3, failed: 1 },
  2020: { excellent: 4, good: 23, completed: 2, failed: 1 },
};
const CITY = 'Đảng bộ thành phố Móng Cái';

export interface OrgTruth {
  row: number;
  name: string;
  level: OrgLevel;
  parent: string;
  founded: string | null;
  foundedYearOnly: boolean;
  rating2019: RatingKey | null;
  rating2020: RatingKey | null;
  eHandbook: boolean;
  /** Expected active members (weight for the random assignment; 0 for đảng bộ cơ sở). */
  weight: number;
}

interface OrgDraft extends Omit<OrgTruth, 'row' | 'founded'> {
  founded: Day | null;
}

function buildOrgDrafts(rng: Rng): OrgDraft[] {
  const orgs: OrgDraft[] = [];
  const org = (name: string, level: OrgLevel, parent: string, founded: Day | null, weight: number): OrgDraft => {
    const o: OrgDraft = { name, level, parent, founded, foundedYearOnly: false, rating2019: null, rating2020: null, eHandbook: level !== 'Đảng bộ cơ sở', weight };
    orgs.push(o);
    return o;
  };
  const old = (from: number, to: number) => dayIn(rng, ymd(from, 1, 1), ymd(to, 12, 31));
  const committees: [string, string, number, number][] = [
    ['Đảng bộ phường Hải Hòa', 'khu', 7, 62], ['Đảng bộ phường Trần Phú', 'khu', 6, 64], ['Đảng bộ phường Ka Long', 'khu', 5, 60],
    ['Đảng bộ phường Ninh Dương', 'khu', 5, 55], ['Đảng bộ phường Hải Xuân', 'khu', 5, 52], ['Đảng bộ phường Bình Ngọc', 'khu', 4, 50],
    ['Đảng bộ xã Vạn Ninh', 'thôn', 4, 40], ['Đảng bộ xã Hải Đông', 'thôn', 4, 38],
  ];
  const vanNinhThon = ['Bắc', 'Nam', 'Trung', 'Đông'];
  for (const [name, kind, n, avg] of committees) {
    const place = name.replace('Đảng bộ ', '');
    org(name, 'Đảng bộ cơ sở', CITY, old(1955, 1985), 0);
    for (let i = 1; i <= n; i++) {
      const label = name.includes('Vạn Ninh') ? `thôn ${vanNinhThon[i - 1]}` : `${kind} ${i}`;
      org(`Chi bộ ${label} ${place}`, 'Chi bộ trực thuộc', name, old(1960, 2005), avg + rng.int(-22, 30));
    }
    if (name === 'Đảng bộ phường Bình Ngọc') org('Chi bộ khu 5 phường Bình Ngọc', 'Chi bộ trực thuộc', name, ymd(2021, 1, 12), 24);
  }
  const cq = 'Đảng bộ Cơ quan Chính quyền thành phố';
  org(cq, 'Đảng bộ cơ sở', CITY, old(1990, 1998), 0);
  for (const c of ['Văn phòng HĐND và UBND', 'Phòng Nội vụ', 'Phòng Tài chính - Kế hoạch', 'Phòng Giáo dục và Đào tạo', 'Thanh tra - Tư pháp', 'Phòng Tài nguyên và Môi trường']) {
    org(`Chi bộ ${c}`, 'Chi bộ trực thuộc', cq, old(1995, 2012), rng.int(10, 20));
  }
  const qs = 'Đảng bộ Quân sự thành phố';
  org(qs, 'Đảng bộ cơ sở', CITY, old(1975, 1985), 0);
  for (const c of ['Chi bộ Ban Chỉ huy Quân sự', 'Chi bộ Tham mưu - Hậu cần', 'Chi bộ Trung đội Dân quân cơ động']) org(c, 'Chi bộ trực thuộc', qs, old(1980, 2000), rng.int(12, 18));
  const baseCells: [string, number][] = [
    ['Chi bộ Văn phòng Thành ủy', 18], ['Chi bộ Các ban Đảng Thành ủy', 22], ['Chi bộ Ủy ban Kiểm tra Thành ủy', 9], ['Chi bộ Trung tâm Chính trị thành phố', 8],
    ['Chi bộ Cơ quan chuyên trách MTTQ và các đoàn thể thành phố', 20], ['Chi bộ Trường THCS Trần Phú', 30], ['Chi bộ Trường THCS Hải Hòa', 27],
    ['Chi bộ Trường Tiểu học Ka Long', 22], ['Chi bộ Trường Tiểu học Hải Xuân', 19], ['Chi bộ Trường Mầm non Hoa Hồng', 17], ['Chi bộ Trường Mầm non Hải Yên', 14],
    ['Chi bộ Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên', 16], ['Chi bộ Trung tâm Văn hóa - Thông tin - Thể thao', 15], ['Chi bộ Ban Quản lý dự án đầu tư xây dựng', 12],
    ['Chi bộ Trung tâm Y tế thành phố', 40], ['Chi bộ Kho bạc Nhà nước Móng Cái', 10], ['Chi bộ Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh Móng Cái', 12],
    ['Chi bộ Điện lực Móng Cái', 14],
  ];
  for (const [name, w] of baseCells) org(name, 'Chi bộ cơ sở', CITY, old(1990, 2015), w);
  // Fixed memberships (weight 0: no random members).
  org(SMALL_CELLS[0], 'Chi bộ cơ sở', CITY, old(2008, 2012), 0);
  org(SMALL_CELLS[1], 'Chi bộ cơ sở', CITY, old(2010, 2014), 0);
  org(NEW_ENTERPRISE_CELLS[0], 'Chi bộ cơ sở', CITY, ymd(2021, 3, 26), 0);
  org(NEW_ENTERPRISE_CELLS[1], 'Chi bộ cơ sở', CITY, ymd(2021, 6, 18), 0);

  // Two old organisations have only a founding year; two have none.
  const dated = orgs.filter((o) => o.founded !== null && o.founded < ymd(2000, 1, 1));
  dated[1].foundedYearOnly = true;
  dated[5].foundedYearOnly = true;
  dated[9].founded = null;
  dated[12].founded = null;

  // Ratings.
  const NEW_FROM = ymd(2021, 1, 1);
  const rated = (o: OrgDraft) => o.founded === null || o.founded < NEW_FROM;
  const baseOrgs = orgs.filter((o) => o.level !== 'Chi bộ trực thuộc' && rated(o));
  for (const year of [2019, 2020] as const) {
    const labels: RatingKey[] = [];
    for (const k of ['excellent', 'good', 'completed', 'failed'] as RatingKey[]) for (let i = 0; i < BASE_RATINGS[year][k]; i++) labels.push(k);
    if (labels.length !== baseOrgs.length) throw new Error(`ratings ${year}: ${labels.length} labels for ${baseOrgs.length} base organisations`);
    rng.shuffle(labels);
    baseOrgs.forEach((o, i) => (year === 2019 ? (o.rating2019 = labels[i]) : (o.rating2020 = labels[i])));
  }
  for (const o of orgs.filter((x) => x.level === 'Chi bộ trực thuộc' && rated(x))) {
    o.rating2019 = rng.weighted<RatingKey>([['good', 75], ['excellent', 10], ['completed', 13], ['failed', 2]]);
    o.rating2020 = rng.weighted<RatingKey>([['good', 77], ['excellent', 11], ['completed', 11], ['failed', 1]]);
  }
  return orgs;
}
export const SMALL_CELLS = ['Chi bộ Hội Chữ thập đỏ thành phố', 'Chi bộ Trung tâm Phát triển quỹ đất'] as const;
export const NEW_ENTERPRISE_CELLS = ['Chi bộ Công ty Cổ phần Cảng Vạn Gia', 'Chi bộ Công ty TNHH Xuất nhập khẩu Thành Đạt'] as const;

function buildOrgsSheet(rng: Rng, drafts: OrgDraft[]): { sheet: SampleSheet; truth: OrgTruth[] } {
  const cols = 8;
  const t = titleRows('ĐẢNG BỘ THÀNH PHỐ MÓNG CÁI', 'DANH SÁCH TỔ CHỨC CƠ SỞ ĐẢNG VÀ CHI BỘ TRỰC THUỘC', cols);
  const rows: CellValue[][] = [...t.rows, ['STT', 'Tên tổ chức đảng', 'Cấp', 'Trực thuộc', 'Ngày thành lập', 'Xếp loại 2019', 'Xếp loại 2020', 'Sổ tay đảng viên điện tử']];
  const ratingText = (r: RatingKey | null): CellValue => (r === null ? null : rng.chance(0.7) ? RATING_CODE[r] : RATING_WORDS[r]);
  const truth: OrgTruth[] = [];
  let top = 0;
  let sub = 0;
  for (const o of drafts) {
    if (o.level === 'Chi bộ trực thuộc') sub++;
    else {
      top++;
      sub = 0;
    }
    const stt: CellValue = o.level === 'Chi bộ trực thuộc' ? `${top}.${sub}` : top;
    const founded: CellValue = o.founded === null ? null : o.foundedYearOnly ? parts(o.founded).y : dateCell(rng, o.founded);
    const yes: CellValue = o.eHandbook ? rng.weighted<CellValue>([['x', 60], ['Có', 8], ['✓', 3], [1, 2]]) : null;
    rows.push([stt, o.name, o.level, o.parent, founded, ratingText(o.rating2019), ratingText(o.rating2020), yes]);
    truth.push({ ...o, row: rows.length, founded: o.founded === null ? null : isoDay(o.founded) });
  }
  return {
    sheet: { name: 'To chuc dang', kind: 'orgs', rows, merges: t.merges, headerRows: [5], titleRows: [1, 2, 3], firstDataRow: 6, numFmts: {}, widths: [6, 60, 18, 38, 14, 26, 26, 12] },
    truth,
  };
}

// ───────────────────────────── party members ─────────────────────────────

export type MemberStatus = 'active' | 'exempt' | 'transferredIn' | 'restored' | 'transferredOut' | 'deceased' | 'removed' | 'expelled' | 'resigned';
const MEMBER_STATUS_TEXT: Record<Exclude<MemberStatus, 'active'>, string> = {
  exempt: 'Miễn sinh hoạt', transferredIn: 'Chuyển đến', restored: 'Phục hồi đảng tịch', transferredOut: 'Chuyển đi',
  deceased: 'Từ trần', removed: 'Xóa tên', expelled: 'Khai trừ', resigned: 'Xin ra khỏi Đảng',
};
const LEAVING: readonly MemberStatus[] = ['transferredOut', 'deceased', 'removed', 'expelled', 'resigned'];
/** Quarters 2019-Q1 … 2021-Q2 (10 quarters). */
const QUARTERS: readonly [number, number][] = [[2019, 1], [2019, 2], [2019, 3], [2019, 4], [2020, 1], [2020, 2], [2020, 3], [2020, 4], [2021, 1], [2021, 2]];
/** Movements per quarter, in the order of QUARTERS. removed in 2021-Q2 has one more: the probationary member below. */
const MOVEMENTS_BY_QUARTER: Record<Exclude<MemberStatus, 'active'>, number[]> = {
  transferredIn: [14, 16, 13, 15, 12, 13, 16, 15, 15, 19],
  transferredOut: [17, 18, 15, 15, 14, 15, 16, 17, 18, 23],
  deceased: [7, 7, 8, 8, 7, 8, 6, 7, 9, 8],
  removed: [1, 1, 0, 1, 1, 1, 0, 1, 1, 1],
  restored: [1, 0, 0, 0, 1, 0, 1, 0, 1, 1],
  expelled: [0, 0, 1, 0, 0, 0, 0, 0, 1, 0],
  resigned: [0, 0, 0, 0, 0, 1, 0, 0, 0, 1],
  exempt: [2, 2, 1, 2, 3, 2, 2, 2, 3, 3],
};
const ADMITTED_BY_QUARTER = [80, 110, 70, 90, 85, 120, 88, 92, 98, 139];
const OLD_MEMBERS = 1740;
const OVERDUE = { from2020Q2: 5, from2019: 2 };

export interface MemberTruth {
  row: number;
  stt: number;
  fullName: string;
  sex: Sex;
  birthDate: string;
  birthYearOnly: boolean;
  ethnicity: string;
  religion: string | null;
  cell: string;
  baseOrg: string;
  joinDate: string;
  officialDate: string | null;
  status: MemberStatus;
  statusText: string | null;
  statusDate: string | null;
  /** Highest badge recorded (years), null when none. */
  badge: number | null;
  trap: string | null;
}

interface MemberDraft {
  fullName: string;
  sex: Sex;
  birth: Day;
  birthYearOnly: boolean;
  ethnicity: string;
  religion: string | null;
  cell: string;
  join: Day;
  official: Day | null;
  status: MemberStatus;
  statusDate: Day | null;
  badge: number | null;
  trap: string | null;
}

export const BADGE_YEARS = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90] as const;
/** Award days of the Party badge: 3/2, 19/5, 2/9, 7/11 (docs/domain.md, "Party rules"). */
export function awardDaysAround(day: Day): { previous: Day; next: Day } {
  const y = parts(day).y;
  const all = [y - 1, y, y + 1].flatMap((yy) => [ymd(yy, 2, 3), ymd(yy, 5, 19), ymd(yy, 9, 2), ymd(yy, 11, 7)]);
  return { previous: Math.max(...all.filter((d) => d <= day)), next: Math.min(...all.filter((d) => d > day)) };
}

function quarterRange(y: number, q: number): [Day, Day] {
  return [ymd(y, 3 * q - 2, 1), ymd(y, 3 * q + 1, 1) - 1];
}

function buildMemberDrafts(rng: Rng, orgs: OrgDraft[]): MemberDraft[] {
  const cells = orgs.filter((o) => o.level !== 'Đảng bộ cơ sở');
  const randomCells = cells.filter((o) => o.weight > 0).map((o) => [o, o.weight] as const);
  const rural = (o: OrgDraft) => o.parent.includes('xã ');
  // A cell founded in 2021 takes no one who joined the Party before it existed (older members may have moved into it).
  const pickCell = (join: Day): OrgDraft => {
    for (;;) {
      const c = rng.weighted(randomCells);
      if (c.founded === null || c.founded < ymd(2021, 1, 1) || c.founded <= join || join < ymd(2020, 1, 1)) return c;
    }
  };
  const member = (cell: OrgDraft, join: Day, ageFrom: number, ageTo: number, femaleP = 0.42): MemberDraft => {
    const ethnicity = rng.weighted<string>(rural(cell) ? [['Kinh', 70], ['Dao', 12], ['Tày', 8], ['Sán Dìu', 6], ['Hoa', 4]] : [['Kinh', 90], ['Tày', 3.5], ['Dao', 2], ['Sán Dìu', 2], ['Hoa', 2.5]]);
    const sex: Sex = rng.chance(femaleP) ? 'Nữ' : 'Nam';
    const religion = rng.weighted<string | null>([[null, 44], ['Không', 50], ['Phật giáo', 4], ['Công giáo', rural(cell) ? 1 : 2]]);
    const official = join < ymd(1985, 1, 1) ? addMonths(join, rng.int(6, 12)) + rng.int(0, 20) : addMonths(join, 12) + rng.int(0, 25);
    return {
      fullName: personName(rng, sex, ethnicity), sex, birth: birthForAge(rng, join, ageFrom, ageTo), birthYearOnly: false,
      ethnicity, religion, cell: cell.name, join, official: Math.min(official, AS_OF), status: 'active', statusDate: null, badge: null, trap: null,
    };
  };
  const joinAge = (): [number, number] => rng.weighted<[number, number]>([[[18, 30], 62], [[31, 40], 25], [[41, 50], 10], [[51, 58], 3]]);
  const out: MemberDraft[] = [];

  // Members who joined before 2019, still active.
  const decades: [number, number, number][] = [[1950, 1959, 1.5], [1960, 1969, 4], [1970, 1979, 8], [1980, 1989, 12], [1990, 1999, 18], [2000, 2009, 27], [2010, 2018, 29.5]];
  for (let i = 0; i < OLD_MEMBERS; i++) {
    const [from, to] = rng.weighted(decades.map(([a, b, w]) => [[a, b], w] as const));
    const join = dayIn(rng, ymd(from, 1, 1), ymd(to, 12, 31));
    const [a1, a2] = join < ymd(1975, 1, 1) ? [18, 26] : joinAge();
    out.push(member(pickCell(join), join, a1, a2));
  }
  // Fixed cells: 2 official members each in the two small cells; 4 and 5 in the new enterprise cells.
  const byName = new Map(orgs.map((o) => [o.name, o]));
  const fixed = (name: string, n: number) => {
    const o = byName.get(name);
    if (!o) throw new Error(name);
    for (let i = 0; i < n; i++) out.push(member(o, dayIn(rng, ymd(1995, 1, 1), ymd(2016, 12, 31)), 22, 40));
  };
  fixed(SMALL_CELLS[0], 2);
  fixed(SMALL_CELLS[1], 2);
  fixed(NEW_ENTERPRISE_CELLS[0], 4);
  fixed(NEW_ENTERPRISE_CELLS[1], 5);

  // Admissions, quarter by quarter.
  const cohorts: MemberDraft[][] = [];
  QUARTERS.forEach(([y, q], qi) => {
    const [from, to] = quarterRange(y, q);
    const specials = [ymd(y, 2, 3), ymd(y, 5, 19), ymd(y, 9, 2), ymd(y, 11, 7)].filter((d) => d >= from && d <= to);
    const cohort: MemberDraft[] = [];
    for (let i = 0; i < ADMITTED_BY_QUARTER[qi]; i++) {
      const join = specials.length > 0 && rng.chance(0.3) ? rng.pick(specials) : dayIn(rng, from, to);
      const m = member(pickCell(join), join, ...rng.weighted<[number, number]>([[[18, 30], 64], [[31, 35], 16], [[36, 45], 15], [[46, 55], 5]]), 0.46);
      if (join >= ymd(2020, 7, 1)) m.official = null;
      cohort.push(m);
    }
    cohorts.push(cohort);
  });
  // Boundary days: 31/3, 1/4 and 30/6/2021 are in H1 2021; 31/12/2020 is not.
  cohorts[8][0].join = ymd(2021, 3, 31);
  cohorts[9][0].join = ymd(2021, 4, 1);
  cohorts[9][1].join = ymd(2021, 6, 30);
  cohorts[7][0].join = ymd(2020, 12, 31);
  // Small cells: one admitted 19/05/2021 and two admitted in 2020-Q4 (still probationary).
  Object.assign(cohorts[9][2], { cell: SMALL_CELLS[0], join: ymd(2021, 5, 19) });
  cohorts[7][1].cell = SMALL_CELLS[1];
  cohorts[7][2].cell = SMALL_CELLS[1];
  // Overdue probation: 12 months passed, no official date.
  const q2020 = cohorts[5].filter((m) => m.join <= ymd(2020, 6, 15));
  for (let i = 0; i < OVERDUE.from2020Q2; i++) Object.assign(q2020[i], { official: null, trap: 'probation.overdue' });
  Object.assign(cohorts[2][3], { official: null, trap: 'probation.overdue' });
  Object.assign(cohorts[3][3], { official: null, trap: 'probation.overdue' });
  // A probationary member struck off in 2021-Q2 (Biểu 1: "xóa tên — of which probationary").
  Object.assign(q2020[OVERDUE.from2020Q2], { official: null, status: 'removed', statusDate: ymd(2021, 5, 24), trap: 'removed.probationary' });
  for (const c of cohorts) out.push(...c);

  // Movements.
  QUARTERS.forEach(([y, q], qi) => {
    const [from, to] = quarterRange(y, q);
    for (const status of ['transferredIn', 'transferredOut', 'deceased', 'removed', 'restored', 'expelled', 'resigned'] as const) {
      for (let i = 0; i < MOVEMENTS_BY_QUARTER[status][qi]; i++) {
        const statusDate = dayIn(rng, from, to);
        const joinRange: Record<typeof status, [number, number]> = {
          transferredIn: [1975, 2018], transferredOut: [1975, 2018], deceased: [1952, 1985], removed: [1995, 2017],
          restored: [1985, 2005], expelled: [1995, 2015], resigned: [2000, 2015],
        };
        const [j1, j2] = joinRange[status];
        // Official (12 months after joining) before the movement.
        const join = dayIn(rng, ymd(j1, 1, 1), Math.min(ymd(j2, 12, 31), addMonths(statusDate, -14)));
        const [a1, a2] = status === 'deceased' ? [20, 30] : joinAge();
        const m = member(pickCell(Math.min(join, statusDate)), join, a1, a2);
        m.status = status;
        m.statusDate = statusDate;
        out.push(m);
      }
    }
    // Exempt from party activities (Miễn sinh hoạt): elderly members who stay active.
    const elderly = out.filter((m) => m.status === 'active' && m.trap === null && m.join < ymd(1990, 1, 1) && ageOn(m.birth, to) >= 68);
    for (let i = 0; i < MOVEMENTS_BY_QUARTER.exempt[qi]; i++) {
      const m = elderly[rng.int(0, elderly.length - 1)];
      if (m.status !== 'active') {
        i--;
        continue;
      }
      m.status = 'exempt';
      m.statusDate = dayIn(rng, from, to);
    }
  });

  // Birth given only as a year: fifteen old members.
  out.filter((m) => m.join < ymd(1975, 1, 1) && m.trap === null).slice(0, 15).forEach((m) => {
    m.birthYearOnly = true;
    m.trap = 'birthDate.yearOnly';
  });

  // Party badges recorded: the highest threshold reached on or before the last award day (19/5/2021).
  const { previous } = awardDaysAround(AS_OF);
  for (const m of out) {
    const until = m.statusDate !== null && LEAVING.includes(m.status) ? Math.min(m.statusDate, previous) : previous;
    let best: number | null = null;
    for (const y of BADGE_YEARS) if (addYears(m.join, y) <= until) best = y;
    m.badge = best;
  }
  // One member whose 45-year anniversary falls before the next award day already has that badge (awarded early on grounds of illness).
  const { next } = awardDaysAround(AS_OF);
  const early = out.find((m) => m.status === 'active' && m.trap === null && addYears(m.join, 45) > previous && addYears(m.join, 45) <= next);
  if (!early) throw new Error('no member for the early badge');
  early.badge = 45;
  early.trap = 'badge.earlyAward';
  return out;
}

function buildMembersSheet(rng: Rng, drafts: MemberDraft[], orgs: OrgDraft[]): { sheet: SampleSheet; truth: MemberTruth[] } {
  const cols = MEMBERS_HEADER_1.length;
  const t = titleRows('ĐẢNG BỘ THÀNH PHỐ MÓNG CÁI', 'DANH SÁCH ĐẢNG VIÊN', cols);
  const h = twoRowHeader(MEMBERS_HEADER_1, 5);
  const rows: CellValue[][] = [...t.rows, ...h.rows];
  const orgIndex = new Map(orgs.map((o, i) => [o.name, i]));
  const parentOf = new Map(orgs.map((o) => [o.name, o.level === 'Chi bộ trực thuộc' ? o.parent : o.name]));
  const ordered = drafts
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (orgIndex.get(a.m.cell) ?? 0) - (orgIndex.get(b.m.cell) ?? 0) || a.m.join - b.m.join || a.i - b.i)
    .map((x) => x.m);
  const truth: MemberTruth[] = [];
  ordered.forEach((m, i) => {
    const [nam, nu] = birthCells(rng, m.sex, m.birth, m.birthYearOnly ? (i % 2 === 0 ? 'yearNumber' : 'yearText') : 'date');
    const statusText = m.status === 'active' ? null : rng.chance(0.05) ? MEMBER_STATUS_TEXT[m.status].toLowerCase() : MEMBER_STATUS_TEXT[m.status];
    const baseOrg = parentOf.get(m.cell) ?? '';
    rows.push([
      i + 1, m.fullName, nam, nu, m.ethnicity, m.religion, m.cell, baseOrg, dateCell(rng, m.join),
      m.official === null ? null : dateCell(rng, m.official), statusText, m.statusDate === null ? null : dateCell(rng, m.statusDate),
      m.badge === null ? null : rng.chance(0.9) ? `${m.badge} năm` : `Huy hiệu ${m.badge} năm`,
    ]);
    truth.push({
      row: rows.length, stt: i + 1, fullName: m.fullName, sex: m.sex, birthDate: isoDay(m.birth), birthYearOnly: m.birthYearOnly,
      ethnicity: m.ethnicity, religion: m.religion, cell: m.cell, baseOrg, joinDate: isoDay(m.join),
      officialDate: m.official === null ? null : isoDay(m.official), status: m.status, statusText,
      statusDate: m.statusDate === null ? null : isoDay(m.statusDate), badge: m.badge, trap: m.trap,
    });
  });
  return {
    sheet: {
      name: 'DS dang vien', kind: 'members', rows, merges: [...t.merges, ...h.merges], headerRows: [5, 6, 7], titleRows: [1, 2, 3], firstDataRow: 8, numFmts: {},
      widths: [6, 24, 11, 11, 9, 11, 44, 36, 12, 12, 16, 12, 12],
    },
    truth,
  };
}

// ───────────────────────────── targets and tasks ─────────────────────────────

export const POPULATION = { 2020: 107_211, 2021: 108_553 } as const;
export const ADMISSION_PLAN = { 2020: 420, 2021: 450 } as const;

function buildTargetsSheet(): SampleSheet {
  const t = titleRows('ĐẢNG BỘ THÀNH PHỐ MÓNG CÁI', 'CHỈ TIÊU CÔNG TÁC XÂY DỰNG ĐẢNG', 3);
  const rows: CellValue[][] = [
    ...t.rows,
    ['Chỉ tiêu', 'Năm 2020', 'Năm 2021'],
    ['Kế hoạch kết nạp', ADMISSION_PLAN[2020], ADMISSION_PLAN[2021]],
    ['Dân số', POPULATION[2020], '108.553'],
    ['Tỷ lệ đảng viên/dân số mục tiêu', '4%', 0.04],
    ['Tỷ lệ TCCSĐ HTTNV trở lên mục tiêu', '95%', 0.95],
  ];
  return { name: 'Chi tieu', kind: 'targets', rows, merges: t.merges, headerRows: [5], titleRows: [1, 2, 3], firstDataRow: 6, numFmts: { C8: '0%', C9: '0%', B7: '#,##0' }, widths: [40, 14, 14] };
}

export type TaskStatus = 'done' | 'inProgress' | 'notStarted';
export interface TaskTruth {
  row: number;
  task: string;
  owner: string;
  deadline: string;
  status: TaskStatus;
  late: boolean;
  statusText: string;
  /** Year as recorded (null = the Năm cell is empty: the deadline's year applies). */
  yearCell: number | null;
  /** Registered year (the Năm column, else the deadline's year). */
  year: number;
}
const TASKS_2021 = { done: 189, doneLate: 17, inProgress: 15, notStarted: 8, emptyYear: 3 };
const TASKS_2020 = { done: 35, doneLate: 3, notStarted: 4, carriedTo2021Deadline: 1 };
const TASK_VERBS = ['Xây dựng và triển khai kế hoạch', 'Tổ chức thực hiện', 'Kiểm tra, giám sát việc thực hiện', 'Tham mưu ban hành văn bản về', 'Tổng kết, đánh giá', 'Rà soát, hoàn thiện'];
const TASK_OBJECTS = [
  'Nghị quyết Đại hội Đảng bộ thành phố lần thứ XXV', 'công tác phát triển đảng viên ở khu phố, thôn', 'phát triển đảng viên trong doanh nghiệp ngoài nhà nước',
  'chuyển đổi số trong các cơ quan Đảng', 'cải cách hành chính', 'sắp xếp tổ chức bộ máy theo Nghị quyết 18-NQ/TW', 'tinh giản biên chế theo Nghị quyết 39-NQ/TW',
  'quy hoạch cán bộ nhiệm kỳ 2025 - 2030', 'bầu cử đại biểu Quốc hội khóa XV và HĐND các cấp nhiệm kỳ 2021 - 2026', 'phòng, chống dịch Covid-19',
  'xây dựng đô thị thông minh', 'quản lý đất đai, trật tự xây dựng', 'chống buôn lậu, gian lận thương mại qua biên giới',
  'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'ứng dụng Sổ tay đảng viên điện tử', 'kiểm tra tài chính đảng',
  'đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên', 'nâng cao chất lượng sinh hoạt chi bộ', 'xây dựng nông thôn mới kiểu mẫu',
  'giải phóng mặt bằng các dự án trọng điểm', 'thu ngân sách nhà nước', 'công tác dân vận chính quyền', 'tiếp công dân, giải quyết khiếu nại, tố cáo',
  'phổ biến, giáo dục pháp luật', 'chất lượng giáo dục mũi nhọn', 'bảo hiểm y tế toàn dân', 'giảm nghèo bền vững', 'phòng, chống tham nhũng, lãng phí',
  'quy chế dân chủ ở cơ sở', 'công tác bảo vệ chính trị nội bộ',
];

function buildTasks(rng: Rng): { sheet: SampleSheet; truth: TaskTruth[] } {
  const owners = UNITS.filter((u) => u.kind !== 'secretariat' && u.kind !== 'planned').map((u) => u.name);
  const combos: string[] = [];
  for (const o of TASK_OBJECTS) for (const v of TASK_VERBS) combos.push(`${v} ${o}`);
  rng.shuffle(combos);
  let next = 0;
  const items: Omit<TaskTruth, 'row'>[] = [];
  const add = (year: number, status: TaskStatus, late: boolean, n: number, deadline: (i: number) => Day, yearCell: (i: number) => number | null) => {
    for (let i = 0; i < n; i++) {
      const statusText = status === 'done' ? (late ? 'Hoàn thành quá hạn' : rng.chance(0.05) ? 'hoàn thành' : 'Hoàn thành') : status === 'inProgress' ? 'Đang thực hiện' : 'Chưa thực hiện';
      const d = deadline(i);
      items.push({ task: `${combos[next++ % combos.length]} năm ${year}`, owner: rng.pick(owners), deadline: isoDay(d), status, late, statusText, yearCell: yearCell(i), year });
    }
  };
  const q = (y: number) => ymd(y, 3 * rng.int(1, 4) + 1, 1) - 1;
  const y2020 = () => 2020;
  add(2020, 'done', false, TASKS_2020.done, () => q(2020), y2020);
  add(2020, 'done', true, TASKS_2020.doneLate, () => q(2020), y2020);
  add(2020, 'notStarted', false, TASKS_2020.notStarted, (i) => (i < TASKS_2020.carriedTo2021Deadline ? ymd(2021, 3, 31) : q(2020)), y2020);
  const h1 = () => rng.pick([ymd(2021, 3, 31), ymd(2021, 4, 30), ymd(2021, 5, 31), ymd(2021, 6, 30)]);
  const anyTime = () => rng.pick([ymd(2021, 3, 31), ymd(2021, 6, 30), ymd(2021, 9, 30), ymd(2021, 12, 31)]);
  const later = () => rng.pick([ymd(2021, 9, 30), ymd(2021, 10, 31), ymd(2021, 12, 15), ymd(2021, 12, 31)]);
  add(2021, 'done', false, TASKS_2021.done, anyTime, (i) => (i < TASKS_2021.emptyYear ? null : 2021));
  add(2021, 'done', true, TASKS_2021.doneLate, h1, () => 2021);
  add(2021, 'inProgress', false, TASKS_2021.inProgress, later, () => 2021);
  add(2021, 'notStarted', false, TASKS_2021.notStarted, (i) => (i < 2 ? ymd(2021, 6, 30) : later()), () => 2021);
  const y2021 = items.filter((t) => t.year === 2021);
  rng.shuffle(y2021);
  const ordered = [...items.filter((t) => t.year === 2020), ...y2021];

  const t = titleRows('ĐẢNG BỘ THÀNH PHỐ MÓNG CÁI', 'DANH MỤC NHIỆM VỤ TRỌNG TÂM ĐĂNG KÝ NĂM 2020 VÀ NĂM 2021', 6);
  const rows: CellValue[][] = [...t.rows, ['STT', 'Nội dung nhiệm vụ', 'Đơn vị thực hiện', 'Thời hạn', 'Kết quả', 'Năm']];
  const truth: TaskTruth[] = [];
  ordered.forEach((task, i) => {
    const yearCell: CellValue = task.yearCell === null ? null : rng.chance(0.1) ? String(task.yearCell) : task.yearCell;
    rows.push([i + 1, task.task, task.owner, dateCell(rng, dayOfIso(task.deadline)), task.statusText, yearCell]);
    truth.push({ ...task, row: rows.length });
  });
  return {
    sheet: { name: 'Nhiem vu', kind: 'tasks', rows, merges: t.merges, headerRows: [5], titleRows: [1, 2, 3], firstDataRow: 6, numFmts: {}, widths: [6, 80, 44, 12, 20, 8] },
    truth,
  };
}

// ───────────────────────────── figures ─────────────────────────────

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const zeroCategories = (): Record<CategoryKey, number> => ({ canBo: 0, congChuc: 0, vienChuc: 0, nguoiLaoDong: 0, capXa: 0, khongChuyenTrach: 0 });
const zeroForms = (): Record<FormKey, number> => ({ earlyRetirement: 0, resignation: 0, resignationAfterTraining: 0, transferOutsideBudget: 0, unspecified: 0 });

export interface MovementFigures {
  from: string;
  to: string;
  start: number;
  admitted: number;
  transferredIn: number;
  restored: number;
  transferredOut: number;
  deceased: number;
  removed: number;
  removedProbationary: number;
  expelled: number;
  resigned: number;
  /** Miễn sinh hoạt dated in the period (they stay active: not in the balance). */
  exempt: number;
  end: number;
}

/** docs/reports.md, "partyQuarterly": active on D = arrived by D (joinDate, or statusDate for transferredIn/restored) and not left by D. */
export function memberActiveOn(m: Pick<MemberTruth, 'joinDate' | 'status' | 'statusDate'>, day: string): boolean {
  const arrival = m.status === 'transferredIn' || m.status === 'restored' ? (m.statusDate as string) : m.joinDate;
  if (arrival > day) return false;
  return !(LEAVING.includes(m.status) && (m.statusDate as string) <= day);
}

export function movementFigures(members: readonly MemberTruth[], from: string, to: string): MovementFigures {
  const dayBefore = isoDay(dayOfIso(from) - 1);
  const inP = (d: string | null) => d !== null && d >= from && d <= to;
  const count = (s: MemberStatus) => members.filter((m) => m.status === s && inP(m.statusDate)).length;
  return {
    from, to,
    start: members.filter((m) => memberActiveOn(m, dayBefore)).length,
    admitted: members.filter((m) => inP(m.joinDate)).length,
    transferredIn: count('transferredIn'),
    restored: count('restored'),
    transferredOut: count('transferredOut'),
    deceased: count('deceased'),
    removed: count('removed'),
    removedProbationary: members.filter((m) => m.status === 'removed' && inP(m.statusDate) && m.officialDate === null).length,
    expelled: count('expelled'),
    resigned: count('resigned'),
    exempt: count('exempt'),
    end: members.filter((m) => memberActiveOn(m, to)).length,
  };
}

export interface UnitFigures {
  unit: string;
  block: Block;
  baseline: number | null;
  current: number | null;
  maxDeputies: number | null;
  activeStaff: number;
  /** Active staff in quota categories (not HĐ68/HĐLĐ/NLĐ/không chuyên trách). */
  activeInQuota: number;
  heads: number;
  deputies: number;
  reducedInWindow: number;
  reducedByCategory: Record<CategoryKey, number>;
}

export interface SampleFigures {
  asOf: string;
  seed: number;
  staff: {
    dataRows: number;
    activeOnAsOf: number;
    byStatus: Record<StaffStatus, number>;
    repeatedHeaderBeforeRow: number;
    totalRow: number;
    noteRow: number;
  };
  reduction: {
    window: { from: string; to: string };
    total: number;
    byCategory: Record<CategoryKey, number>;
    byForm: Record<FormKey, number>;
    byCategoryForm: Record<CategoryKey, Record<FormKey, number>>;
    byYear: Record<string, number>;
    byStatusText: Record<string, number>;
    byBasis: Record<string, number>;
    byUnit: { unit: string; total: number; byCategory: Record<CategoryKey, number> }[];
    outsideWindow: { total: number; byYear: Record<string, number> };
    invalidLeftDateRows: number;
  };
  quota: {
    baselineYear: number;
    currentYear: number;
    baseline: number;
    /** Sum of the 2021 column, which includes the planned 10/2021 merged units. */
    current: number;
    change: number;
    changeRate: number;
    /** Sum of the 2021 column without the two units planned for 01/10/2021. */
    currentInForce: number;
    changeInForce: number;
    changeRateInForce: number;
    byBlock: { block: Block; baseline: number; current: number; change: number }[];
    frontSecretariat: { unit: string; baseline: number; current: number; change: number };
  };
  units: UnitFigures[];
  merger: {
    groups: {
      toUnit: string;
      form: string;
      effectiveDate: string;
      sources: { unit: string; quota: number | null; staff: number; heads: number; deputies: number }[];
      newUnitQuota: number | null;
      newUnitMaxDeputies: number | null;
    }[];
  };
  members: {
    dataRows: number;
    activeOnAsOf: number;
    probationary: number;
    official: number;
    female: number;
    ethnicMinority: number;
    religious: number;
    periods: Record<'2021-Q1' | '2021-Q2' | '2021-H1' | '2020-Q1' | '2020-Q2' | '2020-H1', MovementFigures>;
  };
  admission: {
    h1_2021: number;
    q1_2021: number;
    q2_2021: number;
    ytd: number;
    plan: number;
    planRate: number;
    samePeriodLastYear: number;
    profile: { female: number; youth: number; ethnicMinority: number; religious: number; averageAge: number; ageBands: Record<string, number> };
  };
  probation: { overdue: number; overdueNames: string[]; dueNextQuarter: number };
  badges: { previousDate: string; nextDate: string; due: number; dueByYears: Record<string, number>; earlyAwardLeftOut: number };
  population: { year: number; total: number; memberShare: number; target: number; gap: number };
  orgs: {
    baseCommittees: number;
    baseCells: number;
    subCells: number;
    cells: number;
    baseOrgs: number;
    eHandbook: { cells: number; using: number; rate: number };
    newInH1_2021: string[];
    cellsUnder3Official: string[];
    largeCells: number;
    ratings: Record<'2019' | '2020', { excellent: number; good: number; completed: number; failed: number; unrated: number; goodOrBetterRate: number; excellentCapOk: boolean }>;
    ratingTarget: number;
  };
  tasks: Record<'2020' | '2021', { registered: number; done: number; late: number; inProgress: number; notStarted: number; rate: number; emptyYearCell: number }>;
  /** The benefits report on the 2025 leavers (BENEFIT_CASES), worked out by hand. */
  benefits: BenefitsFigures;
}

function tally<T extends string>(items: readonly T[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of items) out[x] = (out[x] ?? 0) + 1;
  return out;
}

function computeFigures(seed: number, staff: StaffTruth[], staffSheet: SampleSheet, members: MemberTruth[], orgs: OrgTruth[], tasks: TaskTruth[]): SampleFigures {
  const asOf = isoDay(AS_OF);
  const reduced = staff.filter((s) => s.inWindow);
  const byCategoryForm = Object.fromEntries(CATEGORIES.map((c) => [c, zeroForms()])) as Record<CategoryKey, Record<FormKey, number>>;
  const byCategory = zeroCategories();
  const byForm = zeroForms();
  for (const s of reduced) {
    byCategoryForm[s.category][s.form as FormKey]++;
    byCategory[s.category]++;
    byForm[s.form as FormKey]++;
  }
  // Active on 30/06/2021: the 2025 leavers were still there (as the engine counts: a leaving day after the day counts as present).
  const activeStaff = staff.filter((s) => s.status === 'active' || (s.leftDate !== null && s.leftDate > asOf));
  const units: UnitFigures[] = UNITS.map((u) => {
    const mine = activeStaff.filter((s) => s.unit === u.name);
    const red = reduced.filter((s) => s.unit === u.name);
    const rc = zeroCategories();
    for (const s of red) rc[s.category]++;
    return {
      unit: u.name, block: u.block, baseline: u.q2015, current: u.q2021, maxDeputies: u.maxDeputies, activeStaff: mine.length,
      activeInQuota: mine.filter((s) => s.category !== 'nguoiLaoDong' && s.category !== 'khongChuyenTrach').length,
      heads: mine.filter((s) => s.role === 'head').length, deputies: mine.filter((s) => s.role === 'deputy').length,
      reducedInWindow: red.length, reducedByCategory: rc,
    };
  });
  const blocks: Block[] = ['Đảng', 'Chính quyền', 'MTTQ và các đoàn thể', 'Sự nghiệp', 'Xã, phường'];
  const baseline = sum(UNITS.map((u) => u.q2015 ?? 0));
  const current = sum(UNITS.map((u) => u.q2021 ?? 0));
  const currentInForce = sum(UNITS.filter((u) => u.kind !== 'planned').map((u) => u.q2021 ?? 0));
  const front = unitByName(FRONT);
  const secretariatBaseline = sum(UNITS.filter((u) => u.kind === 'secretariat').map((u) => u.q2015 ?? 0));
  const unitFig = new Map(units.map((u) => [u.unit, u]));
  const groups = [...new Set(MERGER_PLAN.map((p) => p.toUnit))].map((toUnit) => {
    const rows = MERGER_PLAN.filter((p) => p.toUnit === toUnit);
    const target = UNIT_BY_NAME.get(toUnit);
    return {
      toUnit, form: rows[0].form, effectiveDate: rows[0].effectiveDate,
      sources: rows.map((p) => {
        const f = unitFig.get(p.fromUnit) as UnitFigures;
        return { unit: p.fromUnit, quota: f.current, staff: f.activeStaff, heads: f.heads, deputies: f.deputies };
      }),
      newUnitQuota: target && rows[0].form === 'Hợp nhất' ? target.q2021 : null,
      newUnitMaxDeputies: target && rows[0].form === 'Hợp nhất' ? target.maxDeputies : null,
    };
  });

  // Members.
  const active = members.filter((m) => memberActiveOn(m, asOf));
  const periods = {
    '2021-Q1': movementFigures(members, '2021-01-01', '2021-03-31'),
    '2021-Q2': movementFigures(members, '2021-04-01', '2021-06-30'),
    '2021-H1': movementFigures(members, '2021-01-01', '2021-06-30'),
    '2020-Q1': movementFigures(members, '2020-01-01', '2020-03-31'),
    '2020-Q2': movementFigures(members, '2020-04-01', '2020-06-30'),
    '2020-H1': movementFigures(members, '2020-01-01', '2020-06-30'),
  };
  const admitted = members.filter((m) => m.joinDate >= '2021-01-01' && m.joinDate <= asOf);
  const ages = admitted.map((m) => ageOn(dayOfIso(m.birthDate), dayOfIso(m.joinDate)));
  const bands: [string, number, number][] = [['18-30', 18, 30], ['31-35', 31, 35], ['36-40', 36, 40], ['41-45', 41, 45], ['46-50', 46, 50], ['51-55', 51, 55], ['56-60', 56, 60], ['>60', 61, 200]];
  const probationEnd = (m: MemberTruth) => isoDay(addMonths(dayOfIso(m.joinDate), 12));
  const probationaryActive = active.filter((m) => m.officialDate === null);
  const overdue = probationaryActive.filter((m) => probationEnd(m) <= asOf);
  const dueNext = probationaryActive.filter((m) => probationEnd(m) >= '2021-07-01' && probationEnd(m) <= '2021-09-30');
  const { previous, next } = awardDaysAround(AS_OF);
  const dueBadges: number[] = [];
  let earlyLeftOut = 0;
  for (const m of active) {
    for (const y of BADGE_YEARS) {
      const ann = addYears(dayOfIso(m.joinDate), y);
      if (ann > previous && ann <= next) {
        if (m.badge !== null && m.badge >= y) earlyLeftOut++;
        else dueBadges.push(y);
      }
    }
  }
  const minority = (m: MemberTruth) => m.ethnicity !== 'Kinh';
  const religious = (m: MemberTruth) => m.religion !== null && m.religion !== 'Không';
  const memberShare = active.length / POPULATION[2021];

  // Orgs.
  const cells = orgs.filter((o) => o.level !== 'Đảng bộ cơ sở');
  const baseOrgs = orgs.filter((o) => o.level !== 'Chi bộ trực thuộc');
  const officialByCell = tally(active.filter((m) => m.officialDate !== null && m.officialDate <= asOf).map((m) => m.cell));
  const activeByCell = tally(active.map((m) => m.cell));
  const ratingFig = (year: 2019 | 2020) => {
    const rs = baseOrgs.map((o) => (year === 2019 ? o.rating2019 : o.rating2020));
    const c = { excellent: 0, good: 0, completed: 0, failed: 0, unrated: 0 };
    for (const r of rs) c[r ?? 'unrated']++;
    const rated = c.excellent + c.good + c.completed + c.failed;
    return { ...c, goodOrBetterRate: (c.excellent + c.good) / rated, excellentCapOk: c.excellent <= 0.2 * c.good };
  };
  const taskFig = (year: number) => {
    const ts = tasks.filter((t) => t.year === year);
    const done = ts.filter((t) => t.status === 'done').length;
    return {
      registered: ts.length, done, late: ts.filter((t) => t.late).length, inProgress: ts.filter((t) => t.status === 'inProgress').length,
      notStarted: ts.filter((t) => t.status === 'notStarted').length, rate: done / ts.length, emptyYearCell: ts.filter((t) => t.yearCell === null).length,
    };
  };
  const repeated = staffSheet.headerRows[3];
  const byStatus = { active: 0, reduced: 0, retired: 0, transferred: 0, resigned: 0, deceased: 0 } as Record<StaffStatus, number>;
  for (const s of staff) byStatus[s.status]++;

  return {
    asOf, seed,
    staff: {
      dataRows: staff.length, activeOnAsOf: activeStaff.length, byStatus, repeatedHeaderBeforeRow: repeated,
      totalRow: staffSheet.rows.length - 1, noteRow: staffSheet.rows.length,
    },
    reduction: {
      window: { from: '2015-01-01', to: '2019-12-31' },
      total: reduced.length, byCategory, byForm, byCategoryForm,
      byYear: tally(reduced.map((s) => (s.leftDate as string).slice(0, 4))),
      byStatusText: tally(reduced.map((s) => s.statusText as string)),
      byBasis: tally(reduced.map((s) => s.basis as string)),
      byUnit: units.map((u) => ({ unit: u.unit, total: u.reducedInWindow, byCategory: u.reducedByCategory })),
      outsideWindow: (() => {
        const o = staff.filter((s) => s.status === 'reduced' && !s.inWindow && s.leftDate !== null);
        return { total: o.length, byYear: tally(o.map((s) => (s.leftDate as string).slice(0, 4))) };
      })(),
      invalidLeftDateRows: staff.filter((s) => s.trap === 'leftDate.invalid').length,
    },
    quota: {
      baselineYear: 2015, currentYear: 2021, baseline, current, change: current - baseline, changeRate: (current - baseline) / baseline,
      currentInForce, changeInForce: currentInForce - baseline, changeRateInForce: (currentInForce - baseline) / baseline,
      byBlock: blocks.map((block) => {
        const us = UNITS.filter((u) => u.block === block);
        const b = sum(us.map((u) => u.q2015 ?? 0));
        const c = sum(us.map((u) => u.q2021 ?? 0));
        return { block, baseline: b, current: c, change: c - b };
      }),
      frontSecretariat: { unit: FRONT, baseline: secretariatBaseline, current: front.q2021 as number, change: (front.q2021 as number) - secretariatBaseline },
    },
    units,
    merger: { groups },
    members: {
      dataRows: members.length, activeOnAsOf: active.length, probationary: probationaryActive.length,
      official: active.length - probationaryActive.length, female: active.filter((m) => m.sex === 'Nữ').length,
      ethnicMinority: active.filter(minority).length, religious: active.filter(religious).length, periods,
    },
    admission: {
      h1_2021: admitted.length, q1_2021: periods['2021-Q1'].admitted, q2_2021: periods['2021-Q2'].admitted, ytd: admitted.length,
      plan: ADMISSION_PLAN[2021], planRate: admitted.length / ADMISSION_PLAN[2021], samePeriodLastYear: periods['2020-H1'].admitted,
      profile: {
        female: admitted.filter((m) => m.sex === 'Nữ').length,
        youth: ages.filter((a) => a >= 18 && a <= 30).length,
        ethnicMinority: admitted.filter(minority).length,
        religious: admitted.filter(religious).length,
        averageAge: sum(ages) / ages.length,
        ageBands: Object.fromEntries(bands.map(([k, lo, hi]) => [k, ages.filter((a) => a >= lo && a <= hi).length])),
      },
    },
    probation: { overdue: overdue.length, overdueNames: overdue.map((m) => m.fullName), dueNextQuarter: dueNext.length },
    badges: {
      previousDate: isoDay(previous), nextDate: isoDay(next), due: dueBadges.length,
      dueByYears: tally(dueBadges.map(String)), earlyAwardLeftOut: earlyLeftOut,
    },
    population: {
      year: 2021, total: POPULATION[2021], memberShare, target: 0.04,
      gap: Math.max(0, Math.ceil(0.04 * POPULATION[2021]) - active.length),
    },
    orgs: {
      baseCommittees: orgs.filter((o) => o.level === 'Đảng bộ cơ sở').length,
      baseCells: orgs.filter((o) => o.level === 'Chi bộ cơ sở').length,
      subCells: orgs.filter((o) => o.level === 'Chi bộ trực thuộc').length,
      cells: cells.length,
      baseOrgs: baseOrgs.length,
      eHandbook: { cells: cells.length, using: cells.filter((o) => o.eHandbook).length, rate: cells.filter((o) => o.eHandbook).length / cells.length },
      newInH1_2021: orgs.filter((o) => o.founded !== null && o.founded >= '2021-01-01' && o.founded <= asOf).map((o) => o.name),
      cellsUnder3Official: cells.filter((o) => (officialByCell[o.name] ?? 0) < 3).map((o) => o.name),
      largeCells: cells.filter((o) => (activeByCell[o.name] ?? 0) >= 30).length,
      ratings: { 2019: ratingFig(2019), 2020: ratingFig(2020) },
      ratingTarget: 0.95,
    },
    tasks: { 2020: taskFig(2020), 2021: taskFig(2021) },
    benefits: benefitsFigures(staff, DECLARED_TOTAL_COLUMN),
  };
}

/** The anchors this sample promises (the source articles' figures and the generator's brief); buildSample throws if one fails. */
function checkAnchors(f: SampleFigures): void {
  const want: [string, unknown, unknown][] = [
    ['reduced 2015–2019', f.reduction.total, 264],
    ['reduced unspecified form', f.reduction.byForm.unspecified, 10],
    ['reduced with status "Nghỉ hưu"', f.reduction.byStatusText['Nghỉ hưu'], RETIRED_WITH_EARLY_FORM],
    ['reduced outside the window', f.reduction.outsideWindow.total, OUTSIDE_WINDOW.y2014 + OUTSIDE_WINDOW.y2020to2021 + BENEFIT_CASES.length],
    ['benefit cases', f.benefits.count, BENEFIT_CASES.length],
    ['benefit audit lines', f.benefits.audit.length, 1],
    ['secretariats 2015', f.quota.frontSecretariat.baseline, 35],
    ['front 2021', f.quota.frontSecretariat.current, 21],
    ['admitted H1 2021', f.admission.h1_2021, 237],
    ['plan 2021', f.admission.plan, 450],
    ['party cells', f.orgs.cells, 72],
    ['e-handbook', f.orgs.eHandbook.using, 72],
    ['new cells H1 2021', f.orgs.newInH1_2021.length, 3],
    ['cells under 3 official', f.orgs.cellsUnder3Official.join(' | '), SMALL_CELLS.join(' | ')],
    ['tasks 2021', f.tasks[2021].registered, 229],
    ['tasks 2021 done', f.tasks[2021].done, 206],
    ['probation overdue', f.probation.overdue, OVERDUE.from2020Q2 + OVERDUE.from2019],
    ['badge early award left out', f.badges.earlyAwardLeftOut, 1],
  ];
  for (const [what, got, expected] of want) if (got !== expected) throw new Error(`sample anchor "${what}": got ${String(got)}, want ${String(expected)}`);
  if (f.staff.dataRows < 1500) throw new Error(`staff rows ${f.staff.dataRows} < 1500`);
  if (f.members.dataRows < 3000) throw new Error(`member rows ${f.members.dataRows} < 3000`);
  if (!(f.quota.changeRate <= -0.1 && f.quota.changeRateInForce <= -0.1)) throw new Error('quota cut below 10%');
  if (!f.orgs.ratings[2020].excellentCapOk) throw new Error('excellent above 20% of good');
  for (const p of Object.values(f.members.periods)) {
    const balance = p.start + p.admitted + p.transferredIn + p.restored - (p.transferredOut + p.deceased + p.removed + p.expelled + p.resigned);
    if (balance !== p.end) throw new Error(`member balance ${p.from}…${p.to}: ${balance} ≠ ${p.end}`);
  }
  for (const u of UNITS) for (const v of u.variants ?? []) if (foldKey(v) !== foldKey(u.name)) throw new Error(`variant "${v}" does not fold to "${u.name}"`);
}

// ───────────────────────────── the sample ─────────────────────────────

export interface SampleTrap {
  sheet: string;
  cell: string;
  code: string;
  note: string;
}

export interface Sample {
  seed: number;
  sheets: SampleSheet[];
  figures: SampleFigures;
  truth: { staff: StaffTruth[]; members: MemberTruth[]; orgs: OrgTruth[]; tasks: TaskTruth[]; plan: readonly PlanRow[] };
  traps: SampleTrap[];
}

function nfc(sheets: SampleSheet[]): void {
  for (const s of sheets) {
    s.name = s.name.normalize('NFC');
    for (const row of s.rows) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === 'string') row[c] = v === '' ? null : v.normalize('NFC');
        else if (v === undefined) row[c] = null;
      }
    }
  }
}

function listTraps(staffSheet: SampleSheet, staff: StaffTruth[], members: MemberTruth[], orgs: OrgTruth[], tasks: TaskTruth[], tasksSheet: SampleSheet, unitsSheet: SampleSheet): SampleTrap[] {
  const traps: SampleTrap[] = [];
  const add = (sheet: string, cell: string, code: string, note: string) => traps.push({ sheet, cell, code, note });
  for (const s of staff) {
    if (s.trap === 'leftDate.invalid') add(staffSheet.name, `L${s.row}`, 'date.invalid', `"${String(s.leftDateText)}" is not a date: a reduced person without a valid leftDate (error, not counted)`);
    if (s.trap === 'unit.empty') add(staffSheet.name, `E${s.row}`, 'unit.missing', 'Đơn vị công tác is empty (required)');
    if (s.trap === 'birthDate.yearOnly') add(staffSheet.name, `${s.sex === 'Nam' ? 'C' : 'D'}${s.row}`, 'date.yearOnly', 'birth date given only as a year');
  }
  // Drawn names and birthdays meet by chance, as in a real list of 1,500: tochuc warns about every such pair.
  const seen = new Map<string, StaffTruth>();
  for (const s of staff) {
    if (s.birthYearOnly) continue;
    const key = `${s.fullName.toLowerCase()}|${s.birthDate}`;
    const first = seen.get(key);
    if (first) add(staffSheet.name, `B${s.row}`, 'person.duplicate', `same name and birth date as row ${first.row} (${first.unit}): two people drawn alike by chance, a warning to check`);
    else seen.set(key, s);
  }
  const rep = staffSheet.headerRows.slice(3);
  add(staffSheet.name, `A${rep[0]}`, 'header.repeated', `header rows and index row repeated at rows ${rep[0]}–${rep[2]}`);
  add(staffSheet.name, `A${staffSheet.rows.length - 1}`, 'row.total', '"Tổng cộng" row with the row count in column B');
  add(staffSheet.name, `A${staffSheet.rows.length}`, 'row.note', '"Ghi chú: …" note row (merged across the sheet)');
  for (const m of members) {
    if (m.trap === 'birthDate.yearOnly') add('DS dang vien', `${m.sex === 'Nam' ? 'C' : 'D'}${m.row}`, 'date.yearOnly', 'birth date given only as a year');
  }
  for (const o of orgs) if (o.foundedYearOnly) add('To chuc dang', `E${o.row}`, 'date.yearOnly', 'Ngày thành lập given only as a year');
  add(unitsSheet.name, `B${unitsSheet.rows.length}`, 'row.total', '"Tổng cộng" row with the column sums');
  for (const t of tasks) if (t.yearCell === null) add(tasksSheet.name, `F${t.row}`, 'task.yearFromDeadline', 'Năm empty: the deadline year (2021) applies');
  const carried = tasks.find((t) => t.year === 2020 && t.deadline.startsWith('2021'));
  if (carried) add(tasksSheet.name, `F${carried.row}`, 'task.yearColumnWins', 'registered for 2020 with a 2021 deadline: counts in 2020, not 2021');
  return traps;
}

export function buildSample(seed: number = DEFAULT_SEED): Sample {
  const staffDrafts = buildStaffDrafts(stream(seed, 'staff'));
  const ordered = orderStaff(stream(seed, 'staff-order'), staffDrafts);
  placeLeavers(ordered);
  // Unit spelling variants on some rows of the units that have them.
  const vr = stream(seed, 'variants');
  for (const s of ordered) {
    const u = UNIT_BY_NAME.get(s.unit);
    if (u?.variants && s.unitText !== null && vr.chance(0.3)) s.unitVariant = vr.pick(u.variants);
  }
  const { sheet: staffSheet, truth: staff } = buildStaffSheet(stream(seed, 'staff-cells'), ordered);
  const unitsSheet = buildUnitsSheet();
  const planSheet = buildPlanSheet(stream(seed, 'plan'));
  const orgDrafts = buildOrgDrafts(stream(seed, 'orgs'));
  const memberDrafts = buildMemberDrafts(stream(seed, 'members'), orgDrafts);
  const { sheet: membersSheet, truth: members } = buildMembersSheet(stream(seed, 'member-cells'), memberDrafts, orgDrafts);
  const { sheet: orgsSheet, truth: orgs } = buildOrgsSheet(stream(seed, 'org-cells'), orgDrafts);
  const targetsSheet = buildTargetsSheet();
  const { sheet: tasksSheet, truth: tasks } = buildTasks(stream(seed, 'tasks'));
  const sheets = [staffSheet, unitsSheet, planSheet, membersSheet, orgsSheet, targetsSheet, tasksSheet];
  nfc(sheets);
  const figures = computeFigures(seed, staff, staffSheet, members, orgs, tasks);
  checkAnchors(figures);
  return {
    seed, sheets, figures, truth: { staff, members, orgs, tasks, plan: MERGER_PLAN },
    traps: listTraps(staffSheet, staff, members, orgs, tasks, tasksSheet, unitsSheet),
  };
}

// ───────────────────────────── xlsx ─────────────────────────────

/** JSZip stamps every zip entry with the current time; set them all to one fixed time so the file is byte-for-byte reproducible. */
function fixZipTimes(buf: Buffer): Buffer {
  const dosTime = 0;
  const dosDate = ((2021 - 1980) << 9) | (7 << 5) | 1;
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip');
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    buf.writeUInt16LE(dosTime, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error('bad local header');
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

export async function sampleWorkbookBuffer(sample: Sample): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Phòng Nội vụ thành phố Móng Cái (dữ liệu mẫu, tochuc)';
  wb.lastModifiedBy = 'tochuc generateSample';
  wb.created = FIXED_TIMESTAMP;
  wb.modified = FIXED_TIMESTAMP;
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  for (const sheet of sample.sheets) {
    const ws = wb.addWorksheet(sheet.name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.columns = sheet.widths.map((width) => ({ width }));
    sheet.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v;
        if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      });
    });
    for (const [a, fmt] of Object.entries(sheet.numFmts)) ws.getCell(a).numFmt = fmt;
    for (const m of sheet.merges) ws.mergeCells(m);
    const cols = sheet.widths.length;
    ws.getRow(1).font = { name: 'Times New Roman', bold: true, size: 12 };
    ws.getRow(2).font = { name: 'Times New Roman', bold: true, size: 14 };
    ws.getRow(2).alignment = { horizontal: 'center' };
    ws.getRow(3).font = { name: 'Times New Roman', italic: true, size: 12 };
    ws.getRow(3).alignment = { horizontal: 'center' };
    for (const r of sheet.headerRows) {
      for (let c = 1; c <= cols; c++) {
        const cell = ws.getCell(r, c);
        cell.font = { name: 'Times New Roman', bold: true, size: 11 };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        cell.border = border;
      }
    }
    ws.views = [{ state: 'frozen', ySplit: sheet.firstDataRow - 1 }];
    ws.pageSetup.printTitlesRow = `${sheet.headerRows[0]}:${sheet.firstDataRow - 1}`;
  }
  writeSettings(wb, { org: SAMPLE_ORG });
  const data = await wb.xlsx.writeBuffer();
  return fixZipTimes(Buffer.from(data as ArrayBuffer));
}

export async function writeSample(file: string = SAMPLE_PATH, seed: number = DEFAULT_SEED): Promise<{ path: string; bytes: number; sample: Sample }> {
  const sample = buildSample(seed);
  const buf = await sampleWorkbookBuffer(sample);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buf);
  return { path: file, bytes: buf.length, sample };
}

// ───────────────────────────── README ─────────────────────────────

const pct = (x: number) => `${(x * 100).toFixed(2).replace('.', ',')}%`;
const CAT_VI: Record<CategoryKey, string> = {
  canBo: 'Cán bộ (canBo)', congChuc: 'Công chức (congChuc)', vienChuc: 'Viên chức (vienChuc)', nguoiLaoDong: 'Người lao động (nguoiLaoDong)',
  capXa: 'CB, CC cấp xã (capXa)', khongChuyenTrach: 'Không chuyên trách (khongChuyenTrach)',
};

export function renderReadme(sample: Sample): string {
  const f = sample.figures;
  const sh = (k: SheetKind) => sample.sheets.find((s) => s.kind === k) as SampleSheet;
  const staffSheet = sh('staff');
  const rep = staffSheet.headerRows.slice(3);
  const L: string[] = [];
  const p = (...lines: string[]) => L.push(...lines);
  const table = (head: string[], rows: (string | number)[][]) => {
    p(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const r of rows) p(`| ${r.join(' | ')} |`);
    p('');
  };
  const periodsTable = () => {
    const keys = ['2021-Q1', '2021-Q2', '2021-H1', '2020-Q1', '2020-Q2', '2020-H1'] as const;
    const fields: (keyof MovementFigures)[] = ['start', 'admitted', 'transferredIn', 'restored', 'transferredOut', 'deceased', 'removed', 'removedProbationary', 'expelled', 'resigned', 'exempt', 'end'];
    table(['field', ...keys], fields.map((k) => [`\`${k}\``, ...keys.map((q) => String(f.members.periods[q][k]))]));
  };

  p(
    '# Sample workbook: `mong-cai.xlsx`',
    '',
    'Generated by `npm run sample` (`test/tools/generateSample.ts`, seed ' + String(f.seed) + '). **Do not edit by hand**: this file and the',
    'workbook are written together from the same figures; `test/sampleGenerator.test.ts` checks that both are current.',
    'The data are invented (names are random Vietnamese names) but shaped like the files of the personnel office and the party',
    'organisation board of a city like Móng Cái (Quảng Ninh), as of **30/06/2021**. Sheet names are Vietnamese without diacritics',
    'and must not be relied on: sheets are recognised by their headers.',
    '',
    '## Sheets',
    '',
  );
  table(['sheet', 'kind', 'header row(s)', 'first data row', 'data rows', 'what is in it'], [
    [staffSheet.name, 'staff', `${staffSheet.headerRows.slice(0, 3).join(', ')} (2-row header + index row), repeated at ${rep.join(', ')}`, staffSheet.firstDataRow, f.staff.dataRows, 'CBCCVC and NLĐ: active and departed since 2014'],
    [sh('units').name, 'units', '5', 6, UNITS.length, 'units, block, quota 2015 and 2021, max deputies'],
    [sh('mergerPlan').name, 'mergerPlan', '5', 6, MERGER_PLAN.length, 'restructuring plan'],
    [sh('members').name, 'members', '5, 6, 7 (2-row header + index row)', 8, f.members.dataRows, 'party members, incl. those who left 2019–2021'],
    [sh('orgs').name, 'orgs', '5', 6, sample.truth.orgs.length, 'base organisations and cells'],
    [sh('targets').name, 'targets', '5', 6, 4, 'plan, population, target rates (one column per year)'],
    [sh('tasks').name, 'tasks', '5', 6, sample.truth.tasks.length, 'registered tasks 2020 and 2021'],
  ]);
  p(
    'Every sheet starts with title rows (row 1 the issuing body, row 2 a merged title, row 3 "(Tính đến ngày 30/6/2021)", row 4 blank).',
    '',
    '### Staff (`' + staffSheet.name + '`)',
    '',
    'Columns: `STT` | `Họ và tên` | `Ngày sinh` (merged over `Nam` | `Nữ`: the birth date sits in the Nam column for men, in the Nữ',
    'column for women) | `Đơn vị công tác` | `Chức vụ` | `Đối tượng` | `Ngạch` | `Trình độ⏎chuyên môn` | `Đảng viên` | `Tình trạng` |',
    '`Ngày biến động` | `Hình thức⏎tinh giản` | `Căn cứ`, then the benefit columns ' + BENEFIT_HEADERS.map((h) => `\`${h.replace(/\n/g, '⏎')}\``).join(' | '),
    '(⏎ = a line break inside the header cell), filled only for the people leaving in 2025 (see "Benefits (NĐ 178) — worked cases"). Every header cell except "Ngày sinh"',
    'is merged vertically over the two header rows; exceljs reports the merged-away cells with the master\'s value, so an adapter must',
    `skip merge slaves. Row ${staffSheet.headerRows[2]} is the index row "(1)" … "(${STAFF_HEADER_1.length})". After data row ${STAFF_REPEAT_AFTER} the two header rows and the index row are`,
    `repeated (rows ${rep.join(', ')}). Row ${f.staff.totalRow} is "Tổng cộng" with the count ${f.staff.dataRows} (a number) in column B; row ${f.staff.noteRow} is a merged "Ghi chú: …" row.`,
    '',
    'Rows are grouped by unit in the units sheet\'s order; in each unit the head, then the deputies, then everyone else (active and departed) shuffled.',
    'Active staff of the six former secretariats are listed under the merged Front unit (since 01/01/2018); people who left those',
    'secretariats before 2018 are listed under the old names. Active staff of the units merging on 01/10/2021 are still under their current units.',
    '',
    'Values: `Đối tượng` mixes full words and abbreviations (Cán bộ/CB, Công chức/CC, Viên chức/VC, HĐLĐ, HĐ68, Người lao động, Công chức cấp xã,',
    'Cán bộ cấp xã, Người hoạt động không chuyên trách cấp xã); `Tình trạng` is empty for active staff; `Đảng viên` is "x" (sometimes "Có").',
    'Heads: Chánh Văn phòng, Trưởng ban, Chủ nhiệm, Giám đốc, Trưởng phòng, Quyền Trưởng phòng, Chánh Thanh tra, Chủ tịch, Chủ tịch UBND and',
    '**Hiệu trưởng** (schools: "trưởng" at the end); deputies all start with "Phó". **"Kế toán trưởng"** (2 active rows) is not a head.',
    'Commune/ward officials other than the Chủ tịch and Phó Chủ tịch UBND carry titles without leader words.',
    '',
    'Dates (birth, Ngày biến động) are mixed: mostly text dd/mm/yyyy, some d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy and real Excel dates (numFmt dd/mm/yyyy).',
    '',
    '### Units (`' + sh('units').name + '`)',
    '',
    'Columns `STT` | `Đơn vị` | `Khối` | `Biên chế giao năm 2015` | `Biên chế giao năm 2021` | `Số cấp phó tối đa` | `Ghi chú`, then a "Tổng cộng"',
    'row with the column sums (not a unit). The six former secretariats have a 2015 quota and an empty 2021 quota ("' + MERGED_2018 + '");',
    `"${FRONT}" has an empty 2015 quota and 21 for 2021. The two units of the 01/10/2021 merger ("${BTC_PNV}", "${UBKT_TTR}")`,
    'have only a 2021 quota (Ghi chú "' + PLANNED_2021 + '") while their sources keep their own 2021 quotas (the plan takes effect later):',
    '**the plain 2021 column sum counts those posts twice** — see `quota.current` vs `quota.currentInForce` below. Some "Số cấp phó tối đa" cells are empty (default 3).',
    '',
  );
  table(['unit', 'block', '2015', '2021', 'max dep.', 'active 30/6/2021', 'in quota', 'heads', 'deputies', 'reduced 2015–19'], f.units.map((u) => [u.unit, u.block, u.baseline ?? '', u.current ?? '', u.maxDeputies ?? '(empty)', u.activeStaff, u.activeInQuota, u.heads, u.deputies, u.reducedInWindow]));
  p('### Merger plan (`' + sh('mergerPlan').name + '`)', '', 'Columns `STT` | `Đơn vị hiện tại` | `Đơn vị sau sắp xếp` | `Hình thức` | `Ngày hiệu lực` | `Ghi chú`.', '');
  table(['from', 'to', 'form', 'effective', 'note'], MERGER_PLAN.map((r) => [r.fromUnit, r.toUnit, r.form, r.effectiveDate, r.note ?? '']));
  p('Groups as the data give them (sources\' 2021 quota, active staff, heads, deputies on 30/06/2021):', '');
  table(['to unit', 'form', 'effective', 'sources (quota / staff / heads / deputies)', 'new unit quota', 'new unit max deputies'], f.merger.groups.map((g) => [
    g.toUnit, g.form, g.effectiveDate, g.sources.map((s) => `${s.unit} (${s.quota ?? '—'} / ${s.staff} / ${s.heads} / ${s.deputies})`).join('; '), g.newUnitQuota ?? '—', g.newUnitMaxDeputies ?? '—',
  ]));
  p(
    '### Party members (`' + sh('members').name + '`)',
    '',
    'Columns `STT` | `Họ và tên` | `Ngày sinh` (over `Nam` | `Nữ`) | `Dân tộc` | `Tôn giáo` | `Chi bộ` | `Đảng bộ cơ sở` | `Ngày vào Đảng` |',
    '`Ngày chính thức` | `Tình trạng` | `Ngày biến động` | `Đã nhận Huy hiệu`. Rows are ordered by organisation (orgs sheet order), then join date.',
    '`Đảng bộ cơ sở` holds the parent đảng bộ for members of a chi bộ trực thuộc and the cell\'s own name for a chi bộ cơ sở.',
    'Tình trạng: empty (active), Chuyển đến, Chuyển đi, Từ trần, Xóa tên, Phục hồi đảng tịch, Miễn sinh hoạt (stays active), Xin ra khỏi Đảng,',
    'Khai trừ; about 5% written in lower case. Transfers in and restorations all have a join date before 2019 (so no one is both admitted and',
    'transferred in within a period). Tôn giáo is empty, "Không" (= none), "Phật giáo" or "Công giáo". Đã nhận Huy hiệu: "30 năm" or "Huy hiệu 30 năm".',
    '',
    '### Party organisations (`' + sh('orgs').name + '`)',
    '',
    'Columns `STT` (1, 2 … for base organisations, "1.1", "1.2" … for chi bộ trực thuộc) | `Tên tổ chức đảng` | `Cấp` | `Trực thuộc` | `Ngày thành lập` |',
    '`Xếp loại 2019` | `Xếp loại 2020` | `Sổ tay đảng viên điện tử`. Ratings are codes (HTXSNV, HTTNV, HTNV, KHTNV) or written out ("Hoàn thành tốt nhiệm vụ" …;',
    'note that "hoàn thành nhiệm vụ" is contained in the others). Chi bộ trực thuộc are rated too but are not base organisations. The e-handbook',
    'column is "x", "Có", "✓" or the number 1 for all 72 cells and **empty for the 10 đảng bộ cơ sở** (so counting all rows gives 72/82).',
    '',
    '### Targets (`' + sh('targets').name + '`) and tasks (`' + sh('tasks').name + '`)',
    '',
    `Targets: \`Chỉ tiêu\` | \`Năm 2020\` | \`Năm 2021\`. Kế hoạch kết nạp ${ADMISSION_PLAN[2020]} / ${ADMISSION_PLAN[2021]}; Dân số ${POPULATION[2020]} (number) / "108.553" (text, Vietnamese`,
    'thousands separator); Tỷ lệ đảng viên/dân số mục tiêu "4%" (text) / 0.04 (number, format 0%); Tỷ lệ TCCSĐ HTTNV trở lên mục tiêu "95%" / 0.95.',
    '',
    'Tasks: `STT` | `Nội dung nhiệm vụ` | `Đơn vị thực hiện` | `Thời hạn` | `Kết quả` | `Năm`; 2020 tasks first, then 2021. Kết quả: Hoàn thành (a few',
    '"hoàn thành"), Hoàn thành quá hạn (done and late), Đang thực hiện, Chưa thực hiện. Năm is a number, sometimes the text "2021", and empty on',
    `${f.tasks[2021].emptyYearCell} rows of 2021 (their deadline is in 2021). One 2020 task has a 2021 deadline: it belongs to 2020 (the Năm column wins).`,
    '',
    '## Traps (deliberate data problems)',
    '',
  );
  const trapRows = sample.traps.filter((t) => t.code !== 'date.yearOnly' || t.sheet !== 'DS dang vien');
  table(['sheet', 'cell', 'code', 'what'], trapRows.map((t) => [t.sheet, t.cell, `\`${t.code}\``, t.note]));
  const yearOnlyMembers = sample.traps.filter((t) => t.code === 'date.yearOnly' && t.sheet === 'DS dang vien');
  p(
    `Also: ${yearOnlyMembers.length} members' birth dates are a bare year (cells ${yearOnlyMembers.map((t) => t.cell).join(', ')}).`,
    'Some staff rows spell their unit differently, equal under `foldKey` (case, spaces around the hyphen, trailing space): "Phòng Tài chính-Kế hoạch",',
    '"phòng Tài chính - Kế hoạch", "UBND Phường Ka Long", "Phòng Y tế " (trailing space). Boundary dates: reduced on 01/01/2015 and on 31/12/2019',
    '(inside the 2015–2019 window), on 31/12/2014 and 01/01/2020 (outside); admitted on 31/03/2021, 01/04/2021 and 30/06/2021 (inside H1 2021)',
    'and on 31/12/2020 (outside). One member\'s 45-year badge is recorded early although the anniversary falls before the next award day.',
    '',
    '## Constructed figures',
    '',
    'Rates are fractions shown as percentages with two decimals. "Active on D" follows docs/reports.md, 2. Reports (partyQuarterly).',
    '',
    '### Reduction (staff, units)',
    '',
  );
  const r = f.reduction;
  table(['figure', 'value'], [
    ['`reduced.total`, leftDate 2015-01-01…2019-12-31', `**${r.total}**`],
    ['of which Tình trạng "Nghỉ hưu" + form "Nghỉ hưu trước tuổi"', r.byStatusText['Nghỉ hưu'] ?? 0],
    ['of which Tình trạng "Thôi việc" + form "Thôi việc ngay"', r.byStatusText['Thôi việc'] ?? 0],
    ['Tình trạng texts of the 264', Object.entries(r.byStatusText).map(([k, v]) => `${k}: ${v}`).join('; ')],
    ['by year', Object.entries(r.byYear).map(([k, v]) => `${k}: ${v}`).join('; ')],
    ['reduced outside the window (not counted)', `${r.outsideWindow.total} (${Object.entries(r.outsideWindow.byYear).map(([k, v]) => `${k}: ${v}`).join('; ')})`],
    ['reduced with an invalid leftDate (error, not counted)', r.invalidLeftDateRows],
    ['staff data rows / active on 30/06/2021', `${f.staff.dataRows} / ${f.staff.activeOnAsOf}`],
    ['staff rows by status', Object.entries(f.staff.byStatus).map(([k, v]) => `${k}: ${v}`).join('; ')],
  ]);
  p('`reduced.byCategory` × `reduced.byForm` (2015–2019):', '');
  table(['category', ...FORMS.map((x) => `\`${x}\``), 'total'], [
    ...CATEGORIES.map((c) => [CAT_VI[c], ...FORMS.map((x) => r.byCategoryForm[c][x]), `**${r.byCategory[c]}**`]),
    ['**total**', ...FORMS.map((x) => `**${r.byForm[x]}**`), `**${r.total}**`],
  ]);
  const q = f.quota;
  p('Quotas:', '');
  table(['figure', 'value'], [
    ['`quota.baseline` (2015 column sum)', q.baseline],
    ['`quota.current` (2021 column sum, incl. the 2 planned units)', `${q.current} (change ${q.change}, ${pct(q.changeRate)})`],
    ['2021 without the 2 units planned for 01/10/2021', `${q.currentInForce} (change ${q.changeInForce}, ${pct(q.changeRateInForce)})`],
    ['six secretariats 2015 → Front unit 2021', `**${q.frontSecretariat.baseline} → ${q.frontSecretariat.current} (${q.frontSecretariat.change})**`],
    ...q.byBlock.map((b): (string | number)[] => [`block ${b.block}`, `${b.baseline} → ${b.current} (${b.change})`]),
  ]);
  p('### Party quarterly (members, orgs, targets, tasks)', '');
  const a = f.admission;
  table(['figure', 'value'], [
    ['`admission.period` H1 2021 (= `admission.ytd` at 30/06/2021)', `**${a.h1_2021}** (Q1 ${a.q1_2021}, Q2 ${a.q2_2021})`],
    ['`admission.plan` 2021 / `admission.planRate`', `${a.plan} / ${pct(a.planRate)}`],
    ['`admission.samePeriodLastYear` (H1 2020)', a.samePeriodLastYear],
    ['admitted H1 2021: female / youth 18–30 / ethnic minority / religious', `${a.profile.female} / ${a.profile.youth} / ${a.profile.ethnicMinority} / ${a.profile.religious}`],
    ['admitted H1 2021: average age (whole years on joinDate)', a.profile.averageAge.toFixed(4)],
    ['admitted H1 2021 by age band', Object.entries(a.profile.ageBands).map(([k, v]) => `${k}: ${v}`).join('; ')],
    ['members data rows / active on 30/06/2021', `${f.members.dataRows} / ${f.members.activeOnAsOf}`],
    ['active 30/06/2021: probationary / official', `${f.members.probationary} / ${f.members.official}`],
    ['active 30/06/2021: female / ethnic minority / religious', `${f.members.female} / ${f.members.ethnicMinority} / ${f.members.religious}`],
    ['`probation.overdue` (12 months passed by 30/06/2021, no Ngày chính thức)', f.probation.overdue],
    ['`probation.dueNextQuarter` (12 months end in Q3 2021)', f.probation.dueNextQuarter],
    ['`badges.previousDate` / `badges.nextDate`', `${f.badges.previousDate} / ${f.badges.nextDate}`],
    ['`badges.due`', `${f.badges.due} (${Object.entries(f.badges.dueByYears).map(([k, v]) => `${k} năm: ${v}`).join('; ')}); 1 more already recorded (left out)`],
    ['`population.total` 2021 / `memberShare` / target / gap', `${f.population.total} / ${pct(f.population.memberShare)} / ${pct(f.population.target)} / ${f.population.gap}`],
    ['`orgs.baseOrgs` (Đảng bộ cơ sở + Chi bộ cơ sở)', `${f.orgs.baseOrgs} (${f.orgs.baseCommittees} + ${f.orgs.baseCells})`],
    ['`orgs.cells` (Chi bộ cơ sở + Chi bộ trực thuộc)', `**${f.orgs.cells}** (${f.orgs.baseCells} + ${f.orgs.subCells})`],
    ['`eHandbook.using` / `cells` / `rate`', `**${f.orgs.eHandbook.using} / ${f.orgs.eHandbook.cells}** / ${pct(f.orgs.eHandbook.rate)}`],
    ['`orgs.newInPeriod` H1 2021', `**${f.orgs.newInH1_2021.length}**: ${f.orgs.newInH1_2021.join('; ')}`],
    ['`orgs.cellsUnder3Official`', `${f.orgs.cellsUnder3Official.length}: ${f.orgs.cellsUnder3Official.join('; ')}`],
    ['`orgs.largeCells` (≥ 30 active members)', f.orgs.largeCells],
    ...(['2020', '2019'] as const).map((y): (string | number)[] => {
      const x = f.orgs.ratings[y];
      return [`ratings ${y} over base orgs: excellent / good / completed / failed / unrated`, `${x.excellent} / ${x.good} / ${x.completed} / ${x.failed} / ${x.unrated}; goodOrBetterRate ${pct(x.goodOrBetterRate)}; excellentCapOk ${x.excellentCapOk}`];
    }),
    ['`ratings.target`', pct(f.orgs.ratingTarget)],
    ...(['2021', '2020'] as const).map((y): (string | number)[] => {
      const x = f.tasks[y];
      return [`tasks ${y}: registered / done / late / in progress / not started / rate`, `${y === '2021' ? '**' : ''}${x.registered} / ${x.done}${y === '2021' ? '**' : ''} / ${x.late} / ${x.inProgress} / ${x.notStarted} / ${pct(x.rate)}`];
    }),
  ]);
  p('Membership movement (Biểu 1-BTCTW; `start` = active the day before the period, `end` = active on its last day; `exempt` = Miễn sinh hoạt, not part of the balance):', '');
  periodsTable();
  renderBenefits(p, table, f.benefits, staffSheet.name);
  p(
    '## Known tension in the brief',
    '',
    `With 72 cells and ${f.members.activeOnAsOf} active members the average cell has ${(f.members.activeOnAsOf / f.orgs.cells).toFixed(0)} members, so most residential cells`,
    `(khu phố, thôn) have 30 or more: \`orgs.largeCells\` is ${f.orgs.largeCells}, not "a couple". Agency and school cells are small.`,
    '',
  );
  return L.join('\n');
}

const FORM_WORDS: Record<LeavingFormKey, string> = { earlyRetirement: 'early retirement', resignation: 'resignation', resignationAfterTraining: 'resignation after training' };
const RULE_WORDS = { twentyYears: '20-year rule', fifteenYears: '15-year rule' } as const;

/** The README's section on the benefits report: the cases, their sums and each case's arithmetic. */
function renderBenefits(p: (...lines: string[]) => void, table: (head: string[], rows: (string | number)[][]) => void, b: BenefitsFigures, sheet: string): void {
  const first = BENEFIT_HEADERS.length;
  const col = (k: number) => colLetter(STAFF_HEADER_1.length - first + k + 1);
  p(
    '## Benefits (NĐ 178) — worked cases',
    '',
    `${b.count} people of \`${sheet}\` leave in 2025 under Nghị định 178/2024/NĐ-CP as amended by Nghị định 67/2025/NĐ-CP: \`tochuc report benefits --input`,
    'assets/samples/mong-cai.xlsx --period 2025` (the demo\'s period) computes them. They were active on 30/06/2021 (none a head or a deputy, none in a unit',
    'of the merger plan), so every figure above is as before: a person who leaves after a period\'s end counts as there at its end. Their rows have',
    `Tình trạng "Tinh giản" (one "Nghỉ hưu", one "Thôi việc": the form makes them reduced), a form, Ngày biến động in 2025, Căn cứ "${LEAVING_BASIS}"`,
    `and the benefit columns ${col(0)}–${col(first - 1)}, typed the ways offices type them: coefficients "4,65" (text) or 4.98 (a number); percentages "25%",`,
    '0.25 in a cell formatted 0%, or "0,25"; insured time "33 năm 07 tháng", or years as a number (25.5, 18) or as text ("10,5"); the contract worker\'s',
    'monthly amount "12.345.000" (used as is); every row has its decision date (Ngày hiệu lực quyết định sắp xếp); four have the unit\'s own total.',
    '',
    `The rules are docs/domain.md, "Allowances (NĐ 178/2024, NĐ 67/2025)"; the base salary is ${viNum(b.baseSalary)} đ (NĐ 73/2024, in force in the month before`,
    'every leaving day). The amounts below are worked out in the generator with plain arithmetic, apart from src/: months early by calendar month to the',
    'statutory pension start; years rounded to halves (1–6 spare months = 0,5 year, 7–11 = 1 year); each allowance = monthly salary × months of salary,',
    'rounded half up to the đồng; the total = the sum of the rounded allowances. `test/sampleBenefits.test.ts` checks the engine against them.',
    '',
  );
  table(['case', 'name (row)', 'unit', 'form', 'months early (to the pension)', 'band, window', 'monthly salary', 'insured', 'total (đ)', 'declared (đ)'], b.people.map((x) => [
    x.key, `${x.fullName} (${x.row})`, x.unit, FORM_WORDS[x.form], x.monthsEarly, `${x.band === 'resignation' ? '—' : x.band}, ${x.window}${x.insuranceRule ? `, ${RULE_WORDS[x.insuranceRule]}` : ''}`,
    viNum(x.monthlySalary), timeText(x.insuredMonths), `**${viNum(x.total)}**`, x.declaredTotal === null ? '' : `${viNum(x.declaredTotal)} (${x.declaredCell})`,
  ]));
  const a = b.audit;
  table(['figure', 'value'], [
    ['`benefits.count` / `benefits.total`', `**${b.count}** / **${viNum(b.total)} đ**`],
    ['`byForm.earlyRetirement`', `${b.byForm.earlyRetirement.count} people, ${viNum(b.byForm.earlyRetirement.total)} đ`],
    ['`byForm.resignation` (with resignation after training)', `${b.byForm.resignation.count} people, ${viNum(b.byForm.resignation.total)} đ`],
    ['`benefits.audit`', a.map((l) => `${l.fullName}, ${l.cell}: declared ${viNum(l.declared)}, computed ${viNum(l.computed)} (${viNum(l.declared - l.computed)} đ)`).join('; ')],
    ['errors on these rows', 'none (`notComputed` 0)'],
  ]);
  for (const x of b.people) {
    p(`### ${x.key}. ${x.fullName} (row ${x.row}) — ${x.shows}`, '');
    p(`${x.unit}; ${CAT_VI[x.category].replace(/ \(.*\)$/, '')}; ${x.sex === 'Nam' ? 'man' : 'woman'} born ${viDay(x.birthDate)}; ${FORM_WORDS[x.form]} on ${viDay(x.leftDate)}.`, '');
    p(...x.work.map((w) => `- ${w}`), '');
  }
}

// ───────────────────────────── CLI ─────────────────────────────

async function main(): Promise<void> {
  const { path: file, bytes, sample } = await writeSample(SAMPLE_PATH);
  fs.writeFileSync(README_PATH, renderReadme(sample));
  const f = sample.figures;
  const rel = (x: string) => path.relative(process.cwd(), x);
  console.log(`wrote ${rel(file)} (${(bytes / 1024).toFixed(0)} KB) and ${rel(README_PATH)}`);
  console.log(`sheets: ${sample.sheets.map((s) => `${s.name} [${s.kind}]`).join(', ')}`);
  console.log(`staff rows ${f.staff.dataRows}, active ${f.staff.activeOnAsOf}; reduced 2015–2019: ${f.reduction.total} ${JSON.stringify(f.reduction.byForm)}`);
  console.log(`quota 2015 ${f.quota.baseline} → 2021 ${f.quota.current} (in force ${f.quota.currentInForce}); Front ${f.quota.frontSecretariat.baseline} → ${f.quota.frontSecretariat.current}`);
  console.log(`members rows ${f.members.dataRows}, active ${f.members.activeOnAsOf}; admitted H1 2021 ${f.admission.h1_2021} (Q1 ${f.admission.q1_2021}, Q2 ${f.admission.q2_2021}) of plan ${f.admission.plan}`);
  console.log(`cells ${f.orgs.cells}, e-handbook ${f.orgs.eHandbook.using}/${f.orgs.eHandbook.cells}, new ${f.orgs.newInH1_2021.length}; ratings 2020 ${JSON.stringify(f.orgs.ratings[2020])}`);
  console.log(`tasks 2021: ${f.tasks[2021].done}/${f.tasks[2021].registered} done, ${f.tasks[2021].late} late; traps: ${sample.traps.length}`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
