import { addMonths, isoDayNumber, type IsoDate } from './calendar';
import { viNumber } from './viNumbers';
import { parseNumber, type NumberInput as CellValue } from './viNumbers';

/**
 * The monthly salary of a person leaving in a restructuring (tiền lương tháng hiện hưởng), the base
 * of every allowance of the benefits report: Nghị định 178/2024/NĐ-CP, Điều 5.6 (as amended by Nghị
 * định 67/2025/NĐ-CP, Điều 1.3) and Thông tư 01/2025/TT-BNV, Điều 3.2.a (as amended by Thông tư
 * 02/2025/TT-BNV, Điều 1.3); the base salary (mức lương cơ sở) of Nghị định 73/2024/NĐ-CP and the
 * decrees before it. The readings of the cells officers type, the rule, the choices and the sources:
 * docs/domain.md, "Monthly salary (TT 01/2025)". Nothing here throws on a cell: a reading is a value
 * or a problem in Vietnamese, which the report puts at the person's cell.
 */

/** A cell read: its value (null for an empty cell), or what is wrong with it, in Vietnamese. */
export type Reading<T> = { value: T } | { problem: string };

const EMPTY: Reading<null> = Object.freeze({ value: null });

function isBlank(value: CellValue): boolean {
  return value == null || (typeof value === 'string' && value.trim() === '');
}

/** "4,98" for a message: numbers the Vietnamese way. */
const vi = (n: number) => viNumber(n);

/** No salary or allowance coefficient of the state's tables reaches 20 (the highest are about 13). */
export const MAX_COEFFICIENT = 20;

/**
 * A coefficient (hệ số lương, hệ số phụ cấp chức vụ, hệ số chênh lệch bảo lưu): "4,98", 4.98, and
 * "4.98" too: a coefficient is below 20, so a single dot with no comma is always its decimal mark
 * ("4.980" is 4,98, never four thousand). Empty is null; negative, text, a percentage and 20 or more
 * are problems.
 */
export function parseCoefficient(value: CellValue): Reading<number | null> {
  if (isBlank(value)) return EMPTY;
  let n: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { problem: 'Hệ số không đọc được.' };
    n = value;
  } else if (typeof value === 'string') {
    const text = value.trim().replace(/[\s\u00a0]/g, '');
    if (text.endsWith('%')) return { problem: `Hệ số "${value.trim()}" ghi dạng phần trăm: hệ số ghi dạng 4,98.` };
    const read = /^[+-]?\d+\.\d+$/.test(text) ? { value: Number(text) } : parseNumber(text);
    if ('error' in read) return { problem: `Hệ số "${value.trim()}" không phải là số (ghi dạng 4,98).` };
    n = read.value;
  } else {
    return { problem: 'Hệ số phải là một số (ghi dạng 4,98).' };
  }
  if (n < 0) return { problem: `Hệ số ${vi(n)} không được âm.` };
  if (n >= MAX_COEFFICIENT) return { problem: `Hệ số ${vi(n)} quá lớn (hệ số dưới ${MAX_COEFFICIENT}); kiểm tra dấu phẩy thập phân (4,98).` };
  return { value: n };
}

/** Does an Excel number format show a percentage (a % outside quotes and brackets)? */
function isPercentFormat(format: string | undefined): boolean {
  return format !== undefined && format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').includes('%');
}

/** The percentage points a reading stands for, without the float dust of × 100 (7,000000000000001). */
const points = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * A percentage allowance, in percentage points (25 for 25 %): "25%", a % cell (Excel stores 0,25),
 * "25", 25, and "0,25" or 0.25: a number below 1 without a % sign is a share (0,25 = 25 %), since no
 * allowance of these is below 1 %; 1 and more are points ("1" = 1 %). Empty is null; negative, text
 * and more than 100 % are problems.
 */
export function parsePercent(value: CellValue, numberFormat?: string): Reading<number | null> {
  if (isBlank(value)) return EMPTY;
  let n: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { problem: 'Tỷ lệ phụ cấp không đọc được.' };
    n = isPercentFormat(numberFormat) || (value > 0 && value < 1) ? points(value * 100) : value;
  } else if (typeof value === 'string') {
    const read = parseNumber(value);
    if ('error' in read) return { problem: `Tỷ lệ phụ cấp "${value.trim()}" không phải là số (ghi dạng 25% hoặc 25).` };
    n = read.percent || (read.value > 0 && read.value < 1) ? points(read.value * 100) : read.value;
  } else {
    return { problem: 'Tỷ lệ phụ cấp phải là một số (ghi dạng 25% hoặc 25).' };
  }
  if (n < 0) return { problem: `Tỷ lệ phụ cấp ${vi(n)}% không được âm.` };
  if (n > 100) return { problem: `Tỷ lệ phụ cấp ${vi(n)}% vượt quá 100%.` };
  return { value: n };
}

/**
 * A monthly amount in đồng (tiền lương tháng hiện hưởng typed by the office): "12.345.000", 12345000,
 * "12 345 000". Empty is null; negative, zero, text and a percentage are problems.
 */
export function parseAmount(value: CellValue): Reading<number | null> {
  if (isBlank(value)) return EMPTY;
  const read = parseNumber(value);
  if ('error' in read || read.percent) return { problem: `Số tiền "${String(value).trim()}" không phải là số đồng (ghi dạng 12.345.000).` };
  if (read.value <= 0) return { problem: `Số tiền ${vi(read.value)} đồng phải lớn hơn 0.` };
  return { value: read.value };
}

/** Insured time in months, and what tochuc assumed to read it, when it assumed anything. */
export interface InsuredTime {
  months: number;
  /** Said in Vietnamese when the reading is a guess worth a warning ("402" read as months). */
  assumed?: string;
}

/** No one has paid social insurance for more than 60 years. */
export const MAX_INSURED_YEARS = 60;

const YEARS_MONTHS = /^(?:(\d+)\s*n[ăa]m)?\s*[,;]?\s*(?:v[àa]\s*)?(?:(\d+)\s*th[áa]ng)?$/;

/**
 * Insured time (thời gian đóng BHXH bắt buộc) in months: "33 năm 07 tháng", "33 năm", "7 tháng",
 * years as a number ("33,5" = 33 years 6 months; a fraction must be whole months), or months when
 * the column says so (`unit: 'months'`, a header "(tháng)"). Without a unit, a whole number above 60
 * cannot be years and is read as months, with a note ("402" = 33 years 6 months).
 */
export function parseInsuredTime(value: CellValue, unit: 'years' | 'months' = 'years'): Reading<InsuredTime | null> {
  if (isBlank(value)) return EMPTY;
  if (typeof value === 'string') {
    const text = value.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
    const m = /[a-zà-ỹ]/.test(text) ? YEARS_MONTHS.exec(text) : null;
    if (m && (m[1] !== undefined || m[2] !== undefined)) {
      const years = m[1] === undefined ? 0 : Number(m[1]);
      const months = m[2] === undefined ? 0 : Number(m[2]);
      if (m[1] !== undefined && months >= 12) return { problem: `Thời gian đóng BHXH "${value.trim()}": số tháng lẻ phải dưới 12.` };
      return checkedMonths(years * 12 + months, value.trim());
    }
    if (/[a-zà-ỹ]/.test(text)) return { problem: `Thời gian đóng BHXH "${value.trim()}" không đọc được (ghi dạng "33 năm 07 tháng" hoặc 33,5 năm).` };
  }
  if (typeof value !== 'number' && typeof value !== 'string') return { problem: 'Thời gian đóng BHXH phải ghi dạng "33 năm 07 tháng" hoặc số năm (33,5).' };
  const read = parseNumber(value);
  if ('error' in read || read.percent) return { problem: `Thời gian đóng BHXH "${String(value).trim()}" không đọc được (ghi dạng "33 năm 07 tháng" hoặc 33,5 năm).` };
  const n = read.value;
  if (n < 0) return { problem: `Thời gian đóng BHXH ${vi(n)} không được âm.` };
  if (unit === 'months' || (n > MAX_INSURED_YEARS && Number.isInteger(n))) {
    if (!Number.isInteger(n)) return { problem: `Thời gian đóng BHXH ${vi(n)} tháng phải là số tháng tròn.` };
    const result = checkedMonths(n, String(value).trim());
    if (unit === 'years' && 'value' in result && result.value) {
      return { value: { months: n, assumed: `${vi(n)} lớn hơn ${MAX_INSURED_YEARS} năm nên được hiểu là ${vi(n)} tháng (${describeMonths(n)}).` } };
    }
    return result;
  }
  const months = n * 12;
  const whole = Math.round(months);
  if (Math.abs(months - whole) > 1e-6) return { problem: `Thời gian đóng BHXH ${vi(n)} năm không thành số tháng tròn; ghi dạng "33 năm 07 tháng".` };
  return checkedMonths(whole, String(value).trim());
}

function checkedMonths(months: number, text: string): Reading<InsuredTime> {
  if (months > MAX_INSURED_YEARS * 12) return { problem: `Thời gian đóng BHXH "${text}" quá ${MAX_INSURED_YEARS} năm.` };
  return { value: { months } };
}

/** "33 năm 6 tháng". */
export function describeMonths(months: number): string {
  const y = Math.floor(months / 12), m = months % 12;
  return y === 0 ? `${m} tháng` : m === 0 ? `${y} năm` : `${y} năm ${m} tháng`;
}

/** A row of the base-salary table: the amount in force from a day, and the text that set it. */
export interface BaseSalaryRow {
  from: IsoDate;
  amount: number;
  source: string;
}

/**
 * Mức lương cơ sở, newest first. Each amount holds from its day until the next row's (the decrees
 * take effect on the 1st of July).
 */
export const BASE_SALARY_TABLE: readonly BaseSalaryRow[] = Object.freeze([
  { from: '2024-07-01', amount: 2_340_000, source: 'Nghị định 73/2024/NĐ-CP, Điều 3' },
  { from: '2023-07-01', amount: 1_800_000, source: 'Nghị định 24/2023/NĐ-CP, Điều 3' },
  { from: '2019-07-01', amount: 1_490_000, source: 'Nghị định 38/2019/NĐ-CP, Điều 3' },
]);

/** The base salary in force on a day: its row, or a problem before the table's first day. */
export function baseSalaryInForce(day: IsoDate): Reading<BaseSalaryRow> {
  if (isoDayNumber(day) < 0) return { problem: `"${day}" không phải là một ngày.` };
  const row = BASE_SALARY_TABLE.find((r) => r.from <= day);
  if (!row) return { problem: `Không có mức lương cơ sở cho ngày trước ${BASE_SALARY_TABLE[BASE_SALARY_TABLE.length - 1].from.split('-').reverse().join('/')}; hãy nhập mức lương cơ sở.` };
  return { value: row };
}

/**
 * The base salary of a person leaving on `leftDate` (the first day off work): the one in force in
 * the month immediately before the month of leaving (NĐ 178, Điều 5.6: "tiền lương tháng liền kề
 * trước khi nghỉ việc"). Leaving on 01/07/2024 or 31/07/2024 takes June 2024's 1.800.000 đ; from
 * 01/08/2024, 2.340.000 đ. An override (the report's --base-salary) wins over the table.
 */
export function baseSalaryOn(leftDate: IsoDate, override?: number): Reading<BaseSalaryRow> {
  if (override !== undefined) {
    if (!Number.isInteger(override) || override <= 0) return { problem: `Mức lương cơ sở ${vi(override)} phải là số đồng nguyên dương.` };
    return { value: { from: leftDate, amount: override, source: 'mức lương cơ sở nhập vào' } };
  }
  if (isoDayNumber(leftDate) < 0) return { problem: `"${leftDate}" không phải là một ngày.` };
  return baseSalaryInForce(addMonths(leftDate.slice(0, 8) + '01', -1));
}

/** What the office's sheet gives of a person's pay; absent parts are 0. Percentages in points (25 = 25 %). */
export interface SalaryParts {
  /** Hệ số lương (ngạch, bậc, chức vụ, chức danh, chức danh nghề nghiệp). */
  salaryCoefficient?: number | null;
  /** Hệ số phụ cấp chức vụ lãnh đạo (a reserved one included). */
  leadershipCoefficient?: number | null;
  /** Hệ số chênh lệch bảo lưu lương: in the amended texts (NĐ 67/2025, TT 02/2025; docs/domain.md, "Monthly salary"). */
  reserveCoefficient?: number | null;
  /** Phụ cấp thâm niên vượt khung, % of the salary coefficient. */
  overGradePercent?: number | null;
  /** Phụ cấp thâm niên nghề. */
  seniorityPercent?: number | null;
  /** Phụ cấp ưu đãi theo nghề. */
  preferentialPercent?: number | null;
  /** Phụ cấp trách nhiệm theo nghề. */
  responsibilityPercent?: number | null;
  /** Phụ cấp công vụ (25 %). */
  publicServicePercent?: number | null;
  /** Phụ cấp công tác đảng, đoàn thể chính trị - xã hội (30 %). */
  partyWorkPercent?: number | null;
  /** Tiền lương tháng hiện hưởng typed by the office (contract pay, or its own figure): used as is. */
  monthlyAmount?: number | null;
}

export type SalaryLineKey = 'amount' | 'salary' | 'reserve' | 'overGrade' | 'seniority' | 'preferential' | 'responsibility' | 'publicService' | 'partyWork';

/** One part of the monthly salary, for the report's audit: what, how, how much (unrounded đồng). */
export interface SalaryLine {
  key: SalaryLineKey;
  label: string;
  /** The computation in Vietnamese numbers: "(4,98 + 0,5) × 2.340.000". */
  formula: string;
  amount: number;
}

export interface MonthlySalary {
  /** Whole đồng, rounded half up once, from the exact sum of the lines. */
  amount: number;
  /** 'amount' when the office's own figure was used, 'coefficients' when computed. */
  basis: 'amount' | 'coefficients';
  lines: SalaryLine[];
}

const PERCENT_PARTS: ReadonlyArray<[keyof SalaryParts, SalaryLineKey, string]> = [
  ['seniorityPercent', 'seniority', 'Phụ cấp thâm niên nghề'],
  ['preferentialPercent', 'preferential', 'Phụ cấp ưu đãi theo nghề'],
  ['responsibilityPercent', 'responsibility', 'Phụ cấp trách nhiệm theo nghề'],
  ['publicServicePercent', 'publicService', 'Phụ cấp công vụ'],
  ['partyWorkPercent', 'partyWork', 'Phụ cấp công tác đảng, đoàn thể chính trị - xã hội'],
];

/** Coefficients and percentage points are exact in millionths: any typed decimal is, and the sums stay exact in BigInt. */
const SCALE = 1_000_000n;
const micro = (n: number) => BigInt(Math.round(n * 1e6));
/** Every line is an integer count of 10⁻²² đồng: coefficient (10⁻⁶) × over-grade points (10⁻⁶ / 100) × coefficient (10⁻⁶) × percent points (10⁻⁶ / 100). */
const DENOMINATOR = 10n ** 22n;
const toNumber = (exact: bigint) => Number(exact / 10n ** 12n) / 1e10;

/** Half up to the đồng of a non-negative exact amount. */
function roundHalfUp(exact: bigint): number {
  return Number((exact * 2n + DENOMINATOR) / (2n * DENOMINATOR));
}

/**
 * The monthly salary (TT 01/2025, Điều 3.2.a; NĐ 178, Điều 5.6): (salary + leadership coefficient) ×
 * base, + reserve coefficient × base, + over-grade % × salary coefficient × base, + each other
 * percentage × (salary + leadership + over-grade coefficients) × base; rounded half up to the đồng
 * once. A filled monthly amount is used as is (rounded to the đồng). Without either, a problem.
 */
export function monthlySalary(parts: SalaryParts, base: number): Reading<MonthlySalary> {
  for (const [key, value] of Object.entries(parts)) {
    if (value != null && (!Number.isFinite(value) || value < 0)) return { problem: `Giá trị ${String(value)} của ${key} không hợp lệ.` };
  }
  const typed = parts.monthlyAmount;
  if (typed != null && typed > 0) {
    const amount = Math.floor(typed + 0.5);
    return { value: { amount, basis: 'amount', lines: [{ key: 'amount', label: 'Tiền lương tháng hiện hưởng (đơn vị kê khai)', formula: vi(typed), amount: typed }] } };
  }
  if (parts.salaryCoefficient == null) return { problem: 'Thiếu hệ số lương và tiền lương tháng hiện hưởng.' };
  if (!Number.isInteger(base) || base <= 0) return { problem: `Mức lương cơ sở ${vi(base)} phải là số đồng nguyên dương.` };
  const c = parts.salaryCoefficient, l = parts.leadershipCoefficient ?? 0, r = parts.reserveCoefficient ?? 0, og = parts.overGradePercent ?? 0;
  const C = micro(c), L = micro(l), R = micro(r), OG = micro(og), B = BigInt(base);
  const lines: Array<{ key: SalaryLineKey; label: string; formula: string; exact: bigint }> = [];
  const b = vi(base);
  lines.push({ key: 'salary', label: l > 0 ? 'Lương theo hệ số và phụ cấp chức vụ lãnh đạo' : 'Lương theo hệ số', formula: l > 0 ? `(${vi(c)} + ${vi(l)}) × ${b}` : `${vi(c)} × ${b}`, exact: (C + L) * B * 10n ** 16n });
  if (r > 0) lines.push({ key: 'reserve', label: 'Hệ số chênh lệch bảo lưu lương', formula: `${vi(r)} × ${b}`, exact: R * B * 10n ** 16n });
  if (og > 0) lines.push({ key: 'overGrade', label: 'Phụ cấp thâm niên vượt khung', formula: `${vi(og)}% × ${vi(c)} × ${b}`, exact: OG * C * B * 10n ** 8n });
  // The basis of the other percentages, (salary + leadership + over-grade) coefficients, in 10⁻¹⁴.
  const basis = (C + L) * SCALE * 100n + OG * C;
  const basisText = og > 0 ? `(${vi(c)} + ${vi(l)} + ${vi(og)}% × ${vi(c)})` : l > 0 ? `(${vi(c)} + ${vi(l)})` : vi(c);
  for (const [field, key, label] of PERCENT_PARTS) {
    const p = parts[field] ?? 0;
    if (p > 0) lines.push({ key, label, formula: `${vi(p)}% × ${basisText} × ${b}`, exact: micro(p) * basis * B });
  }
  const total = lines.reduce((sum, line) => sum + line.exact, 0n);
  return { value: { amount: roundHalfUp(total), basis: 'coefficients', lines: lines.map(({ exact, ...line }) => ({ ...line, amount: toNumber(exact) })) } };
}
