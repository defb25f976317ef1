/**
 * A large party-member register for the CLI benchmark: the "danh sách đảng viên" of a province
 * (60,000 members under ~40 đảng bộ cơ sở and ~300 chi bộ) as an officer keeps it, as of 30/06/2021,
 * plus a small targets sheet. Seeded (mulberry32, through generateSample's Rng) and deterministic: one seed and size,
 * one workbook. Written with exceljs' streaming writer, so that memory stays flat.
 *
 * `npx tsx test/tools/generateRegister.ts out.xlsx [members] [seed]`
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { Rng as Random } from './generateSample';

export const REGISTER_SEED = 20210630;
export const REGISTER_MEMBERS = 60_000;

const MS_DAY = 86_400_000;
type Day = number;
const ymd = (y: number, m: number, d: number): Day => Date.UTC(y, m - 1, d) / MS_DAY;
const yearOf = (day: Day) => new Date(day * MS_DAY).getUTCFullYear();
const pad2 = (n: number) => String(n).padStart(2, '0');

const AS_OF = ymd(2021, 6, 30);
const MOVEMENTS_FROM = ymd(2020, 1, 1);

// ───────────────────────────── names ─────────────────────────────

const HO: [string, number][] = [
  ['Nguyễn', 30], ['Trần', 11], ['Lê', 9], ['Phạm', 7], ['Hoàng', 6], ['Vũ', 5], ['Phan', 3], ['Đặng', 3], ['Bùi', 3], ['Đỗ', 3],
  ['Ngô', 2], ['Dương', 2], ['Đào', 1.5], ['Đinh', 1.5], ['Lý', 1], ['Lương', 1], ['Hà', 1], ['Trịnh', 1], ['Mai', 1], ['Tạ', 0.5],
];
const HO_DAN_TOC: Record<string, string[]> = {
  Tày: ['Nông', 'Hoàng', 'Lục', 'Vi', 'Hà'], Dao: ['Bàn', 'Triệu', 'Đặng', 'Lý', 'Chảo'], 'Sán Dìu': ['Trần', 'Diệp', 'Ninh', 'Đồng'],
  Hoa: ['Lưu', 'Trương', 'Lương', 'Châu'], Nùng: ['Nông', 'Lộc', 'Hoàng', 'Mã'],
};
const ETHNICITY: [string, number][] = [['Kinh', 88], ['Tày', 4], ['Dao', 3], ['Sán Dìu', 2], ['Hoa', 1.5], ['Nùng', 1.5]];
const RELIGION: [string | null, number][] = [[null, 70], ['Không', 20], ['Phật giáo', 7], ['Công giáo', 3]];
const DEM_NAM: [string, number][] = [['Văn', 40], ['Đức', 8], ['Minh', 8], ['Hữu', 6], ['Quang', 6], ['Thanh', 5], ['Đình', 5], ['Ngọc', 4], ['Xuân', 4], ['Công', 4], ['Mạnh', 3], ['Trọng', 3], ['Tiến', 3], ['Duy', 3]];
const DEM_NU: [string, number][] = [['Thị', 55], ['Thu', 8], ['Thanh', 6], ['Ngọc', 5], ['Minh', 4], ['Hồng', 4], ['Phương', 3], ['Thúy', 3], ['Kim', 3], ['Mai', 2], ['Bích', 2]];
const TEN_NAM = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Đông', 'Giang', 'Hải', 'Hiếu', 'Hòa', 'Hoàng', 'Hùng', 'Huy', 'Khánh', 'Kiên', 'Long', 'Mạnh', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tâm', 'Thắng', 'Thành', 'Toàn', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Hưng', 'Thịnh', 'Lâm', 'Khoa', 'Tú', 'Lợi'];
const TEN_NU = ['Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Huyền', 'Hương', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Thảo', 'Thủy', 'Trang', 'Tuyết', 'Vân', 'Yến', 'Hồng', 'Duyên', 'Thoa'];

function personName(rnd: Random, female: boolean, ethnicity: string): string {
  const ho = ethnicity in HO_DAN_TOC ? rnd.pick(HO_DAN_TOC[ethnicity]) : rnd.weighted(HO);
  for (;;) {
    const dem = rnd.weighted(female ? DEM_NU : DEM_NAM);
    const ten = rnd.pick(female ? TEN_NU : TEN_NAM);
    if (dem !== ten) return `${ho} ${dem} ${ten}`;
  }
}

// ───────────────────────────── organisations ─────────────────────────────

const PLACES = [
  'Hồng Hải', 'Hồng Gai', 'Bạch Đằng', 'Trần Hưng Đạo', 'Yết Kiêu', 'Cao Xanh', 'Hà Khánh', 'Hà Lầm', 'Hà Tu', 'Hà Phong',
  'Cẩm Trung', 'Cẩm Thành', 'Cẩm Bình', 'Cẩm Phú', 'Quang Hanh', 'Mông Dương', 'Ka Long', 'Trần Phú', 'Hải Hòa', 'Bình Ngọc',
  'Hải Xuân', 'Vạn Ninh', 'Quảng Nghĩa', 'Hải Sơn', 'Đông Triều', 'Mạo Khê', 'Hoàng Quế', 'Yên Thọ', 'Quảng Yên', 'Phong Cốc',
  'Tiên Yên', 'Đầm Hà', 'Hải Hà', 'Ba Chẽ', 'Bình Liêu', 'Cô Tô', 'Vân Đồn', 'Hạ Long', 'Uông Bí', 'Vàng Danh',
];
const AGENCIES = ['Phòng Nội vụ', 'Phòng Tài chính - Kế hoạch', 'Phòng Giáo dục và Đào tạo', 'Văn phòng HĐND và UBND', 'Trường THPT', 'Trường THCS', 'Trung tâm Y tế', 'Công an', 'Ban Chỉ huy Quân sự', 'Công ty Than'];

interface Cell {
  name: string;
  baseOrg: string;
  /** Relative size: a few cells are large, many small. */
  weight: number;
}

/** ~40 đảng bộ cơ sở (wards, communes, agencies), each with 4–11 chi bộ trực thuộc: ~300 cells. */
function buildCells(rnd: Random): Cell[] {
  const cells: Cell[] = [];
  PLACES.forEach((place, i) => {
    const ward = i % 3 !== 2;
    const baseOrg = ward ? `Đảng bộ ${i % 2 ? 'xã' : 'phường'} ${place}` : `Đảng bộ Khối cơ quan ${place}`;
    const count = rnd.int(4, 11);
    for (let k = 1; k <= count; k++) {
      const name = ward ? `Chi bộ ${rnd.chance(0.5) ? 'khu' : 'thôn'} ${k} ${i % 2 ? 'xã' : 'phường'} ${place}` : `Chi bộ ${AGENCIES[(k + i) % AGENCIES.length]} ${place}`;
      // Residential cells are the large ones; agency cells are small.
      const weight = ward ? 0.5 + 3 * rnd.float() ** 2 : 0.1 + 0.6 * rnd.float();
      cells.push({ name, baseOrg, weight });
    }
  });
  return cells;
}

// ───────────────────────────── members ─────────────────────────────

type Status = 'active' | 'transferredIn' | 'transferredOut' | 'deceased' | 'removed' | 'restored' | 'expelled' | 'resigned';
const STATUS_TEXT: Record<Exclude<Status, 'active'>, string> = {
  transferredIn: 'Chuyển đến', transferredOut: 'Chuyển đi', deceased: 'Từ trần', removed: 'Xóa tên',
  restored: 'Phục hồi đảng tịch', expelled: 'Khai trừ', resigned: 'Xin ra khỏi Đảng',
};
const STATUSES: [Status, number][] = [
  ['active', 93.2], ['transferredIn', 2.5], ['transferredOut', 2.5], ['deceased', 1.4], ['removed', 0.25], ['restored', 0.05], ['expelled', 0.05], ['resigned', 0.05],
];
/** Admissions by era (weights per year): few before 1975, more each decade since. */
const JOIN_ERAS: [[number, number], number][] = [[[1950, 1974], 0.35], [[1975, 1989], 0.8], [[1990, 2004], 1.2], [[2005, 2019], 1.8]];

interface Member {
  fullName: string;
  female: boolean;
  birth: Day;
  ethnicity: string;
  religion: string | null;
  cell: number;
  join: Day;
  official: Day | null;
  status: Status;
  statusDate: Day | null;
}

function addMonths(day: Day, months: number): Day {
  const d = new Date(day * MS_DAY);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  return ymd(Math.floor(total / 12), (total % 12) + 1, Math.min(d.getUTCDate(), 28));
}

function member(rnd: Random, cells: readonly Cell[], cumulative: readonly number[]): Member {
  // Cell by weight (binary search over the cumulative weights).
  const x = rnd.float() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  const status = rnd.weighted(STATUSES);
  const statusDate = status === 'active' ? null : rnd.int(MOVEMENTS_FROM, AS_OF);
  // ~15 % still probationary: admitted in the last 12 months, a few 12–15 months ago (overdue).
  const probationary = status !== 'transferredIn' && status !== 'restored' && rnd.chance(0.155);
  let join: Day;
  if (probationary) {
    join = rnd.chance(0.02) ? rnd.int(addMonths(AS_OF, -15), addMonths(AS_OF, -12) - 1) : rnd.int(addMonths(AS_OF, -12), AS_OF);
  } else {
    const [from, to] = rnd.weighted(JOIN_ERAS.map(([range, w]) => [range, w * (range[1] - range[0] + 1)] as const));
    // Arrivals (transfers in, restorations) joined before 2019, so no one is admitted and transferred in within one period.
    join = rnd.int(ymd(from, 1, 1), ymd(Math.min(to, status === 'transferredIn' || status === 'restored' ? 2018 : to), 12, 31));
  }
  if (statusDate !== null && join >= statusDate) join = rnd.int(ymd(1975, 1, 1), addMonths(statusDate, -14));
  const stillOnProbation = join > addMonths(AS_OF, -12) || (probationary && join >= addMonths(AS_OF, -15));
  const official = stillOnProbation ? null : addMonths(join, 12) + rnd.int(0, 20);
  const female = rnd.chance(yearOf(join) < 1990 ? 0.2 : 0.42);
  // Admitted at 18–40, mostly in their twenties; the dead were old.
  const age = status === 'deceased' ? rnd.int(20, 30) : rnd.weighted([[rnd.int(18, 22), 3], [rnd.int(23, 30), 5], [rnd.int(31, 40), 2]]);
  const birth = join - age * 365 - rnd.int(0, 364);
  const ethnicity = rnd.weighted(ETHNICITY);
  return {
    fullName: personName(rnd, female, ethnicity), female, birth, ethnicity, religion: rnd.weighted(RELIGION),
    cell: lo, join, official, status, statusDate,
  };
}

type Value = string | number | Date | null;

/** Mostly text dd/mm/yyyy, some d/m/yyyy, ~20 % real Excel dates. */
function dateValue(rnd: Random, day: Day): Value {
  const x = rnd.float();
  if (x < 0.2) return new Date(day * MS_DAY);
  const d = new Date(day * MS_DAY);
  const [dd, mm, yyyy] = [d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear()];
  return x < 0.97 ? `${pad2(dd)}/${pad2(mm)}/${yyyy}` : `${dd}/${mm}/${yyyy}`;
}

// ───────────────────────────── the workbook ─────────────────────────────

const HEADER: Value[] = ['STT', 'Họ và tên', 'Ngày sinh', null, 'Dân tộc', 'Tôn giáo', 'Chi bộ', 'Đảng bộ cơ sở', 'Ngày vào Đảng', 'Ngày chính thức', 'Tình trạng', 'Ngày biến động'];
const WIDTHS = [7, 24, 11, 11, 9, 11, 40, 34, 12, 12, 16, 12];
const BODY = 'ĐẢNG BỘ TỈNH QUẢNG NINH';
const FIXED_TIMESTAMP = new Date(Date.UTC(2021, 6, 1));

/** The order in which Excel stores the parts of a workbook it saves; anything else follows. */
const EXCEL_ORDER = [/^\[Content_Types\]\.xml$/, /^_rels\//, /^xl\/workbook\.xml$/, /^xl\/_rels\//, /^xl\/worksheets\//, /^xl\/theme\//, /^xl\/styles\.xml$/, /^xl\/sharedStrings\.xml$/, /^docProps\//];

/**
 * The zip re-packed as Excel would save it: workbook first, sheets before the shared strings
 * (exceljs writes the workbook part last), and fixed entry times, so that one seed gives one file byte for byte.
 * A fast deflate, as office suites use: 60,000 members make ~4.7 MB, as exceljs' own zip did.
 */
function inExcelOrder(zip: Buffer): Buffer {
  const parts = unzipSync(zip);
  const rank = (name: string) => {
    const i = EXCEL_ORDER.findIndex((re) => re.test(name));
    return i < 0 ? EXCEL_ORDER.length : i;
  };
  const names = Object.keys(parts).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const ordered: Zippable = {};
  for (const name of names) ordered[name] = [parts[name], { level: 1, mtime: FIXED_TIMESTAMP }];
  return Buffer.from(zipSync(ordered));
}

export interface RegisterOptions {
  members?: number;
  seed?: number;
}

export interface RegisterResult {
  file: string;
  bytes: number;
  members: number;
  cells: number;
  baseOrgs: number;
}

/** Writes the register (sheets "DS dang vien" and "Chi tieu") to `file`, its folder made if need be. */
export async function writeRegister(file: string, { members = REGISTER_MEMBERS, seed = REGISTER_SEED }: RegisterOptions = {}): Promise<RegisterResult> {
  const rnd = new Random(seed);
  const cells = buildCells(rnd);
  const cumulative: number[] = [];
  cells.reduce((sum, c) => (cumulative.push(sum + c.weight), sum + c.weight), 0);
  const people = Array.from({ length: members }, () => member(rnd, cells, cumulative));
  // Ordered by cell, then join date, as registers are kept.
  const ordered = people.map((m, i) => ({ m, i })).sort((a, b) => a.m.cell - b.m.cell || a.m.join - b.m.join || a.i - b.i).map((x) => x.m);

  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  wb.creator = 'tochuc generateRegister';
  wb.created = FIXED_TIMESTAMP;
  wb.modified = FIXED_TIMESTAMP;
  const title = { name: 'Times New Roman', bold: true, size: 12 };
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };

  const ws = wb.addWorksheet('DS dang vien', { views: [{ state: 'frozen', ySplit: 7 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const last = String.fromCharCode(64 + HEADER.length);
  // Title and header rows stay open until their merges are made (a committed row takes none).
  const titleRow = (text: string, font: Partial<ExcelJS.Font>) => {
    ws.addRow([text]).font = font;
  };
  titleRow(BODY, title);
  titleRow('DANH SÁCH ĐẢNG VIÊN', { ...title, size: 14 });
  titleRow('(Tính đến ngày 30/6/2021)', { name: 'Times New Roman', italic: true, size: 12 });
  ws.addRow([]);
  // Two header rows ("Ngày sinh" over Nam | Nữ; every other header merged down) and the index row (1) … (12).
  const headerRows = [HEADER, HEADER.map((_, i) => (i === 2 ? 'Nam' : i === 3 ? 'Nữ' : null)), HEADER.map((_, i) => `(${i + 1})`)];
  for (const values of headerRows) {
    const row = ws.addRow(values);
    for (let c = 1; c <= HEADER.length; c++) {
      const cell = row.getCell(c);
      cell.font = { name: 'Times New Roman', bold: true, size: 11 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = border;
    }
  }
  ws.mergeCells('A1:E1');
  ws.mergeCells(`A2:${last}2`);
  ws.mergeCells(`A3:${last}3`);
  HEADER.forEach((_, i) => {
    const col = String.fromCharCode(65 + i);
    if (i === 2) ws.mergeCells('C5:D5');
    else if (i !== 3) ws.mergeCells(`${col}5:${col}6`);
  });
  ws.getRow(7).commit();

  const dataStyle: Partial<ExcelJS.Style> = { font: { name: 'Times New Roman', size: 12 }, border };
  const dateStyle: Partial<ExcelJS.Style> = { ...dataStyle, numFmt: 'dd/mm/yyyy', alignment: { horizontal: 'center' } };
  ordered.forEach((m, i) => {
    const birth = dateValue(rnd, m.birth);
    const cell = cells[m.cell];
    const values: Value[] = [
      i + 1, m.fullName, m.female ? null : birth, m.female ? birth : null, m.ethnicity, m.religion, cell.name, cell.baseOrg,
      dateValue(rnd, m.join), m.official === null ? null : dateValue(rnd, m.official),
      m.status === 'active' ? null : STATUS_TEXT[m.status], m.statusDate === null ? null : dateValue(rnd, m.statusDate),
    ];
    const row = ws.addRow(values);
    // Every cell of the table bordered, empty ones too, as printed registers are.
    for (let c = 0; c < HEADER.length; c++) row.getCell(c + 1).style = values[c] instanceof Date ? dateStyle : dataStyle;
    row.commit();
  });
  ws.commit();

  const targets = wb.addWorksheet('Chi tieu');
  targets.columns = [{ width: 40 }, { width: 14 }, { width: 14 }];
  for (const values of [[BODY], ['CHỈ TIÊU CÔNG TÁC XÂY DỰNG ĐẢNG'], ['(Tính đến ngày 30/6/2021)'], []] as Value[][]) targets.addRow(values).commit();
  const plan = Math.round((members * 0.125) / 50) * 50;
  const rows: Value[][] = [
    ['Chỉ tiêu', 'Năm 2020', 'Năm 2021'],
    ['Kế hoạch kết nạp', plan - 300, plan],
    ['Dân số', Math.round(members * 26.4), (Math.round(members * 26.65)).toLocaleString('vi-VN')],
    ['Tỷ lệ đảng viên/dân số mục tiêu', '4%', 0.04],
    ['Tỷ lệ TCCSĐ HTTNV trở lên mục tiêu', '95%', 0.95],
  ];
  rows.forEach((values, r) => {
    const row = targets.addRow(values);
    if (r === 0) row.font = { bold: true };
    if (r >= 3) row.getCell(3).numFmt = '0%';
    if (r === 2) row.getCell(2).numFmt = '#,##0';
    row.commit();
  });
  targets.commit();
  await wb.commit();
  fs.writeFileSync(file, inExcelOrder(fs.readFileSync(file)));
  return { file, bytes: fs.statSync(file).size, members, cells: cells.length, baseOrgs: new Set(cells.map((c) => c.baseOrg)).size };
}

async function main(): Promise<void> {
  const [file, members, seed] = process.argv.slice(2);
  if (!file) {
    console.error('usage: npx tsx test/tools/generateRegister.ts out.xlsx [members] [seed]');
    process.exit(2);
  }
  const r = await writeRegister(file, { ...(members ? { members: Number(members) } : {}), ...(seed ? { seed: Number(seed) } : {}) });
  console.log(`wrote ${r.file}: ${r.members.toLocaleString('vi-VN')} đảng viên, ${r.cells} chi bộ, ${r.baseOrgs} đảng bộ cơ sở, ${(r.bytes / 1e6).toFixed(1)} MB`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
