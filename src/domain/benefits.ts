import { addMonths, type IsoDate } from './calendar';
import { dayText } from './period';
import { statutoryRetirement } from './retirement';
import type { Category, ReductionForm, Sex } from './vocabulary';

/**
 * The allowances of people leaving in a restructuring: Nghị định 178/2024/NĐ-CP, Điều 5, 7, 9 and 10,
 * as amended by Nghị định 67/2025/NĐ-CP (Điều 1.6 amends Điều 7), guided by Thông tư 01/2025/TT-BNV,
 * Điều 3–6. Each rule is one function below; the readings chosen and their sources are in
 * docs/domain.md, "Allowances (NĐ 178/2024, NĐ 67/2025)". Amounts are whole đồng; the monthly salary
 * is an input (computing it from coefficients is another module's business).
 *
 * Money is computed exactly: every allowance is the salary times a number of months' salary that is a
 * coefficient in hundredths (1,0; 0,9; 0,45; 0,8; 0,4; 5; 4; 1,5; 0,5) times a count in halves (years
 * rounded to 0,5; whole months), so a multiple of 1/200 month. Salary × that integer stays far below
 * 2^53, and the rounding is done on integers.
 */

/** "first12": leaving within the first 12 months of the restructuring decision's effect; "after12": from the 13th month on. */
export type BenefitWindow = 'first12' | 'after12';

/** The bands of Điều 7 (early retirement), or resignation (Điều 9–10). */
export type BenefitBand = '<2' | '2-5' | '5-10' | 'resignation';

/** Which (c) allowance of Điều 7 applied: 20 years (NĐ 178) or 15 years (added by NĐ 67). */
export type InsuranceRule = 'twentyYears' | 'fifteenYears';

/** The forms this policy pays: early retirement and resignation (with or without training first). */
export type LeavingForm = Extract<ReductionForm, 'earlyRetirement' | 'resignation' | 'resignationAfterTraining'>;

/** A number of months' salary as an exact fraction: `twoHundredths / 200` months. */
export interface MonthsOfPay {
  twoHundredths: number;
}

/** Months of pay = coefficient (in hundredths: 0,45 → 45) × a count in halves (2,5 years → 5). */
export function monthsOfPay(coefficientHundredths: number, countHalves: number): MonthsOfPay {
  return { twoHundredths: coefficientHundredths * countHalves };
}

function plus(a: MonthsOfPay, b: MonthsOfPay): MonthsOfPay {
  return { twoHundredths: a.twoHundredths + b.twoHundredths };
}

const NONE: MonthsOfPay = { twoHundredths: 0 };

/**
 * Round half up to the đồng (the Vietnamese convention for money, and Excel's ROUND for positive
 * amounts): 0,5 đồng goes up.
 */
export function roundDong(amount: number): number {
  return Math.floor(amount + 0.5);
}

/**
 * An allowance: the (rounded) monthly salary × a number of months' salary, rounded half up to the
 * đồng (TT 01/2025, Điều 4–6: each allowance is "tiền lương tháng hiện hưởng × …"). Exact: salary ×
 * (n / 200) is rounded as the integer salary × n over 200.
 */
export function allowance(monthlySalary: number, months: MonthsOfPay): number {
  const scaled = monthlySalary * months.twoHundredths;
  return Math.floor((scaled + 100) / 200);
}

/**
 * Months from the month the person leaves (for early retirement: the month the pension starts) to the
 * month of the statutory pension start (TT 01/2025, Điều 3.3: the time early is counted from the
 * pension's start to the retirement age of NĐ 135/2020, Phụ lục I/II). Whole months, by calendar month:
 * a pension from 01/05/2025 against a statutory start of 01/11/2027 is 30 months early. Zero or less
 * when the person does not leave before the statutory start.
 */
export function monthsEarly(leftDate: IsoDate, statutoryPensionStart: IsoDate): number {
  const month = (iso: IsoDate) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  return month(statutoryPensionStart) - month(leftDate);
}

/**
 * A time in months as the years the allowances count (NĐ 178/2024, Điều 5; TT 01/2025, Điều 3):
 * whole years, and spare months from 1 to 6 count as half a year, from 7 to 11 as a whole year.
 * 35 years 4 months → 35,5; 35 years 11 months → 36 (TT 19/2025/TT-BQP, examples).
 */
export function roundedYears(months: number): number {
  return roundedYearsHalves(months) / 2;
}

/** The same, counted in half years (35,5 → 71), for exact money. */
function roundedYearsHalves(months: number): number {
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`roundedYears: ${months} is no count of months`);
  const whole = Math.floor(months / 12);
  const spare = months % 12;
  return whole * 2 + (spare === 0 ? 0 : spare <= 6 ? 1 : 2);
}

/**
 * The window of the rates (NĐ 178/2024, Điều 7.1 and 9.1; TT 01/2025, Điều 3.1): leaving within the
 * first 12 months from the day the restructuring decision takes effect → the first rates; from the
 * 13th month on → the lower ones. The 12 months run from the effective day to the day before the same
 * day 12 months later (01/03/2025 → up to 28/02/2026); leaving before the effective day counts as
 * within them.
 */
export function benefitWindow(leftDate: IsoDate, decisionDate: IsoDate): BenefitWindow {
  return leftDate < addMonths(decisionDate, 12) ? 'first12' : 'after12';
}

/** The band of Điều 7.2 by the months early (the report's `band`); undefined beyond 120 months, outside Điều 7. */
export function earlyRetirementBand(months: number): Exclude<BenefitBand, 'resignation'> | undefined {
  if (months < 24) return '<2';
  if (months <= 60) return '2-5';
  if (months <= 120) return '5-10';
  return undefined;
}

/** The day the Social Insurance Law 2024 (41/2024/QH15), with its 15-year pension threshold, took effect. */
export const FIFTEEN_YEAR_RULE_FROM: IsoDate = '2025-07-01';

/**
 * The (c) allowance of early retirement, for the insured time (NĐ 178/2024, Điều 7.2.a(iii) and
 * 7.2.b(iii) as amended by NĐ 67/2025, Điều 1.6; TT 01/2025, Điều 4):
 * - 20-year rule: 5 months' salary for the first 20 years with compulsory social insurance, and 0,5
 *   month for each year from the 21st;
 * - 15-year rule (added by NĐ 67): with 15 or more insured years and a right to a pension, 4 months
 *   for the first 15 years, and 0,5 month for each year from the 16th.
 * The reading used (docs/domain.md): the 15-year rule when the pension starts on or after 01/07/2025,
 * the day the 2024 Social Insurance Law's 15-year pension threshold took effect, and the person has 15
 * or more insured years; otherwise the 20-year rule (TT 19/2025/TT-BQP, example 02: a pension from
 * 01/06/2025 uses it). The one place this choice is made.
 */
export function insuranceAllowanceMonths(pensionStart: IsoDate, insuredYears: number): { rule: InsuranceRule; months: MonthsOfPay } {
  const halves = Math.round(insuredYears * 2);
  if (pensionStart >= FIFTEEN_YEAR_RULE_FROM && halves >= 30) {
    return { rule: 'fifteenYears', months: plus(monthsOfPay(400, 2), monthsOfPay(50, halves - 30)) };
  }
  return { rule: 'twentyYears', months: plus(monthsOfPay(500, 2), monthsOfPay(50, Math.max(0, halves - 40))) };
}

/** The insured years a pension needs on a day: 20 before 01/07/2025, 15 from then (Social Insurance Laws 2014 and 2024). */
export function pensionInsuredYears(pensionStart: IsoDate): number {
  return pensionStart >= FIFTEEN_YEAR_RULE_FROM ? 15 : 20;
}

/** The amounts of early retirement (Điều 7 as amended; TT 01/2025, Điều 4), in months' salary. */
export interface EarlyRetirementMonths {
  /** (a) one-time pension allowance for the months early. */
  pension: MonthsOfPay;
  /** (b) allowance for the years early. */
  earlyYears: MonthsOfPay;
  /** (c) allowance for the insured time. */
  insurance: MonthsOfPay;
  rule?: InsuranceRule;
}

/**
 * Early retirement by band (NĐ 178/2024, Điều 7 as amended by NĐ 67/2025, Điều 1.6; TT 01/2025, Điều 4):
 * - under 24 months early: (a) months early × 1,0 (0,5 from the 13th month) only (TT 01, Điều 4.3);
 * - 24 to 60: (a) months early × 1,0 (0,5); (b) 5 months per year early; (c);
 * - 61 to 120: (a) 60 months × 0,9 (0,45); (b) 4 months per year early; (c).
 * Beyond 120 months the article does not apply: undefined.
 */
export function earlyRetirementMonths(early: number, window: BenefitWindow, pensionStart: IsoDate, insuredYears: number): EarlyRetirementMonths | undefined {
  const band = earlyRetirementBand(early);
  if (band === undefined) return undefined;
  const yearsHalves = roundedYearsHalves(early);
  const first = window === 'first12';
  if (band === '<2') return { pension: monthsOfPay(first ? 100 : 50, 2 * early), earlyYears: NONE, insurance: NONE };
  const c = insuranceAllowanceMonths(pensionStart, insuredYears);
  if (band === '2-5') {
    return { pension: monthsOfPay(first ? 100 : 50, 2 * early), earlyYears: monthsOfPay(500, yearsHalves), insurance: c.months, rule: c.rule };
  }
  return { pension: monthsOfPay(first ? 90 : 45, 2 * 60), earlyYears: monthsOfPay(400, yearsHalves), insurance: c.months, rule: c.rule };
}

/** The categories that get 3 months' salary to find work (NĐ 178/2024, Điều 9: cadres and civil servants, commune level included). */
const JOB_SEARCH_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['canBo', 'congChuc', 'capXa']);

/**
 * The months the severance counts (NĐ 178/2024, Điều 5 and 9–10; TT 01/2025, Điều 5–6): the months
 * from leaving to the statutory pension start, at most 60, and at most the insured months when those
 * are fewer than 60.
 */
export function severanceMonths(monthsToPension: number, insuredMonths: number): number {
  return Math.max(0, Math.min(monthsToPension, 60, insuredMonths));
}

/** The amounts of resignation, in months' salary. */
export interface ResignationMonths {
  severance: MonthsOfPay;
  insuranceYears: MonthsOfPay;
  jobSearch: MonthsOfPay;
}

/**
 * Resignation (NĐ 178/2024, Điều 9 for cadres and civil servants, Điều 10 for public employees and
 * workers; TT 01/2025, Điều 5–6): severance of 0,8 month's salary per month counted (0,4 from the 13th
 * month); 1,5 months' salary per insured year; and for cadres and civil servants 3 months' salary to
 * find work (public employees and workers get unemployment insurance instead: 0 here).
 */
export function resignationMonths(months: number, insuredYears: number, window: BenefitWindow, category: Category | undefined): ResignationMonths {
  return {
    severance: monthsOfPay(window === 'first12' ? 80 : 40, 2 * months),
    insuranceYears: monthsOfPay(150, Math.round(insuredYears * 2)),
    jobSearch: category !== undefined && JOB_SEARCH_CATEGORIES.has(category) ? monthsOfPay(300, 2) : NONE,
  };
}

/** What is known of a person leaving. */
export interface LeaverInput {
  form: LeavingForm;
  category?: Category;
  sex?: Sex;
  /** The month of birth (January when only the year is known: see `birthMonthOf`). */
  birth?: { year: number; month?: number };
  /** The monthly salary in đồng (rounded half up to the đồng here if it is not whole). */
  monthlySalary?: number;
  /** The time with compulsory social insurance, in months. */
  insuredMonths?: number;
  /** The day of leaving; for early retirement, the day the pension starts. */
  leftDate?: IsoDate;
  /** The day the restructuring decision takes effect. */
  decisionDate?: IsoDate;
}

export type BenefitProblemCode =
  | 'benefits.noSalary'
  | 'benefits.noInsuredTime'
  | 'benefits.noBirth'
  | 'benefits.noLeftDate'
  | 'benefits.noDecisionDate'
  | 'benefits.notEarly'
  | 'benefits.tooEarly'
  | 'benefits.fewInsuredYears';

/** A problem with a person's data, for the report to place at the person's cell. */
export interface BenefitProblem {
  code: BenefitProblemCode;
  severity: 'error' | 'warning';
  /** The input at fault. */
  field: 'monthlySalary' | 'insuredTime' | 'birthDate' | 'leftDate' | 'decisionDate';
  message: string;
}

/** The figures of one person (the fields of the coming benefits report; the amounts in whole đồng, 0 when not applicable). */
export interface PersonBenefits {
  statutoryPensionStart: IsoDate;
  monthsEarly: number;
  yearsEarly: number;
  band: BenefitBand;
  window: BenefitWindow;
  monthlySalary: number;
  insuredMonths: number;
  insuredYears: number;
  /** The months the severance counts (resignation); 0 for early retirement. */
  severanceMonths: number;
  /** The (c) rule applied (early retirement of 24 months or more). */
  insuranceRule?: InsuranceRule;
  pensionAllowance: number;
  earlyYearsAllowance: number;
  insuranceAllowance: number;
  severanceAllowance: number;
  insuranceYearsAllowance: number;
  jobSearchAllowance: number;
  /** The sum of the rounded allowances. */
  total: number;
}

export interface BenefitsOutcome {
  /** Undefined when an error stops the computation: the person is not counted. */
  benefits?: PersonBenefits;
  problems: BenefitProblem[];
}

function problem(code: BenefitProblemCode, field: BenefitProblem['field'], message: string, severity: BenefitProblem['severity'] = 'error'): BenefitProblem {
  return { code, severity, field, message };
}

/**
 * The allowances of one person leaving, or the problems that stop them (never thrown): no salary, no
 * insured time, no birth or sex, no day of leaving, no decision date, leaving on or after the statutory
 * pension start, more than 120 months early for early retirement (docs/domain.md, "Allowances"). A
 * warning when early retirement comes with fewer insured years than a pension needs.
 */
export function personBenefits(input: LeaverInput): BenefitsOutcome {
  const problems: BenefitProblem[] = [];
  const salary = input.monthlySalary;
  if (salary === undefined || !Number.isFinite(salary) || salary <= 0) {
    problems.push(problem('benefits.noSalary', 'monthlySalary', 'Không có tiền lương tháng hiện hưởng (cả tiền lương tháng lẫn hệ số lương đều trống).'));
  }
  const insured = input.insuredMonths;
  if (insured === undefined || !Number.isInteger(insured) || insured <= 0) {
    problems.push(problem('benefits.noInsuredTime', 'insuredTime', 'Thiếu hoặc không đọc được thời gian đóng bảo hiểm xã hội bắt buộc.'));
  }
  if (input.birth === undefined || input.sex === undefined) {
    problems.push(problem('benefits.noBirth', 'birthDate', 'Thiếu ngày sinh hoặc giới tính: không xác định được thời điểm hưởng lương hưu theo tuổi nghỉ hưu.'));
  }
  if (input.leftDate === undefined) problems.push(problem('benefits.noLeftDate', 'leftDate', 'Thiếu ngày nghỉ việc.'));
  if (input.decisionDate === undefined) problems.push(problem('benefits.noDecisionDate', 'decisionDate', 'Thiếu ngày hiệu lực của quyết định sắp xếp tổ chức bộ máy.'));
  if (problems.length > 0 || input.birth === undefined || input.sex === undefined || input.leftDate === undefined || input.decisionDate === undefined) {
    return { problems };
  }
  const monthlySalary = roundDong(salary as number);
  const insuredMonths = insured as number;
  const statutoryPensionStart = statutoryRetirement(input.birth, input.sex).pensionStart;
  const early = monthsEarly(input.leftDate, statutoryPensionStart);
  if (input.leftDate >= statutoryPensionStart || early <= 0) {
    problems.push(problem('benefits.notEarly', 'leftDate',
      `Ngày nghỉ ${dayText(input.leftDate)} không trước thời điểm hưởng lương hưu theo tuổi nghỉ hưu (${dayText(statutoryPensionStart)}): không thuộc chính sách này.`));
    return { problems };
  }
  const window = benefitWindow(input.leftDate, input.decisionDate);
  const insuredYears = roundedYears(insuredMonths);
  const common = { statutoryPensionStart, monthsEarly: early, yearsEarly: roundedYears(early), window, monthlySalary, insuredMonths, insuredYears };
  if (input.form === 'earlyRetirement') {
    const m = earlyRetirementMonths(early, window, input.leftDate, insuredYears);
    if (m === undefined) {
      problems.push(problem('benefits.tooEarly', 'leftDate',
        `Nghỉ hưu trước tuổi ${early} tháng, hơn 120 tháng: không thuộc chính sách nghỉ hưu trước tuổi (Điều 7 Nghị định 178/2024/NĐ-CP).`));
      return { problems };
    }
    const needed = pensionInsuredYears(input.leftDate);
    if (insuredMonths < needed * 12) {
      problems.push(problem('benefits.fewInsuredYears', 'insuredTime',
        `Thời gian đóng bảo hiểm xã hội bắt buộc (${String(insuredYears).replace('.', ',')} năm) chưa đủ ${needed} năm để hưởng lương hưu.`, 'warning'));
    }
    const pensionAllowance = allowance(monthlySalary, m.pension);
    const earlyYearsAllowance = allowance(monthlySalary, m.earlyYears);
    const insuranceAllowance = allowance(monthlySalary, m.insurance);
    return {
      problems,
      benefits: {
        ...common, band: earlyRetirementBand(early) as BenefitBand, severanceMonths: 0, insuranceRule: m.rule,
        pensionAllowance, earlyYearsAllowance, insuranceAllowance, severanceAllowance: 0, insuranceYearsAllowance: 0, jobSearchAllowance: 0,
        total: pensionAllowance + earlyYearsAllowance + insuranceAllowance,
      },
    };
  }
  const counted = severanceMonths(early, insuredMonths);
  const m = resignationMonths(counted, insuredYears, window, input.category);
  const severanceAllowance = allowance(monthlySalary, m.severance);
  const insuranceYearsAllowance = allowance(monthlySalary, m.insuranceYears);
  const jobSearchAllowance = allowance(monthlySalary, m.jobSearch);
  return {
    problems,
    benefits: {
      ...common, band: 'resignation', severanceMonths: counted,
      pensionAllowance: 0, earlyYearsAllowance: 0, insuranceAllowance: 0, severanceAllowance, insuranceYearsAllowance, jobSearchAllowance,
      total: severanceAllowance + insuranceYearsAllowance + jobSearchAllowance,
    },
  };
}
