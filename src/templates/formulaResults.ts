import { columnIndex } from '../domain/a1';
import { addMonths, civilFromSerial, daysFromCivil, isoOf, isoToSerial, serialOfDays } from '../domain/calendar';
import type { FormulaResult, SheetPlan } from './plan';

/**
 * The result of every formula of a filled sheet, worked out as Excel does, so that each formula
 * cell also stores its value: a preview, a mail client or a script reading the file sees the total,
 * not a blank (docs/decisions.md, "Stored formula results"). Excel and LibreOffice still recalculate
 * on opening.
 *
 * It understands what report templates use: numbers, text, TRUE/FALSE, cells and ranges of the same
 * sheet, the operators (comparison, &, + - * / ^, %, unary minus) and the functions of FUNCTIONS,
 * dates being Excel's serials of the 1900 date system (calendar.ts). A formula with anything else
 * (another sheet, a name, an unknown function, a cycle) gets no stored result, as before, rather
 * than a wrong one. Where Excel and LibreOffice are known to differ (days before 01/03/1900, DATE's
 * years below 1900), Excel's answer is stored, the file being Excel's; where Excel's own answer is
 * not documented and LibreOffice's may differ (a number a hair from a whole one), none is.
 */

type Cell = FormulaResult | null;
/** A range's cells, row by row; a single value otherwise. */
type Operand = Cell | Cell[];

class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

const err = (code: string): { error: string } => ({ error: code });
const isError = (v: unknown): v is { error: string } => typeof v === 'object' && v !== null && 'error' in v;

/** Half away from zero, as Excel rounds, on the decimal digits rather than the binary value (1.005 → 1.01). */
function round(n: number, digits: number): number {
  const sign = n < 0 ? -1 : 1;
  const scaled = Number(`${Math.abs(n)}e${digits}`);
  return sign * Number(`${Math.round(Number(scaled.toPrecision(15)))}e${-digits}`);
}

function toNumber(v: Cell): number | { error: string } {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isError(v)) return v;
  const n = v.trim() === '' ? NaN : Number(v);
  return Number.isFinite(n) ? n : err('#VALUE!');
}

function toText(v: Cell): string | { error: string } {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(round(v, 15 - Math.max(1, Math.ceil(Math.log10(Math.abs(v) || 1)))));
  return v;
}

function toBoolean(v: Cell): boolean | { error: string } {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (isError(v)) return v;
  const upper = v.toUpperCase();
  return upper === 'TRUE' ? true : upper === 'FALSE' ? false : err('#VALUE!');
}

const scalar = (o: Operand): Cell => (Array.isArray(o) ? unsupported() : o);
const cells = (args: Operand[]): Cell[] => args.flatMap((a) => (Array.isArray(a) ? a : [a]));

/** Excel's order across types: numbers < text < logicals; text without regard to case; an empty cell is 0 or "" as the other side is. */
function compare(a: Cell, b: Cell): number {
  const rank = (v: Cell) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

/** Numbers of a SUM-like list: in a range only the numbers count; a value given directly is converted. */
function numbersOf(args: Operand[]): number[] | { error: string } {
  const out: number[] = [];
  for (const a of args) {
    if (Array.isArray(a)) {
      for (const v of a) {
        if (isError(v)) return v;
        if (typeof v === 'number') out.push(v);
      }
    } else {
      const n = toNumber(a);
      if (isError(n)) return n;
      out.push(n);
    }
  }
  return out;
}

/** FIXED(number, decimals, no_commas): the number as text with a point for decimals, as Excel set to English gives it. */
function fixed(n: number, decimals: number, noCommas: boolean): string {
  const text = round(n, decimals).toFixed(Math.max(0, decimals));
  if (noCommas) return text;
  const [whole, frac] = text.split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}

type Fn = (args: Operand[]) => Cell;

/**
 * The whole number at or below n. LibreOffice rounds to 15 significant digits first (its INT of
 * 2.9999999999999996 is 3), Excel is not documented to, so a value that this rounding would make a
 * whole number is not worked out rather than guessed.
 */
function floorOf(n: number): number {
  const whole = Math.floor(n);
  if (whole !== n && Number.isInteger(Number(n.toPrecision(15)))) unsupported();
  return whole + 0; // never −0
}

/** 31/12/9999, the last day Excel's dates reach. */
const LAST_SERIAL = 2958465;

/**
 * A date function's argument as a number. A text would be read as a date by the PC's regional
 * setting (is "01/02/2021" January or February?), so a formula giving one is not worked out.
 */
function dateNumber(o: Operand): number | { error: string } {
  const v = scalar(o);
  return typeof v === 'string' ? unsupported() : toNumber(v);
}

/**
 * DATE's year, month or day: a fraction is dropped, as both Excel and LibreOffice do for one above
 * 0; how Excel drops a negative one is not documented, so such an argument is not worked out.
 */
function dateArgument(n: number): number {
  return n >= 0 ? floorOf(n) : Number.isInteger(n) ? n : unsupported();
}

/**
 * The day of a serial, without its time of day: #NUM! outside 0 to 31/12/9999, as Excel gives.
 * A time within a millisecond of midnight is left out: Excel rounds times to the millisecond, so
 * its day may be the next one, where LibreOffice's is not.
 */
function serialDay(n: number): number | { error: string } {
  if (n < 0 || n >= LAST_SERIAL + 1) return err('#NUM!');
  const whole = Math.floor(n);
  return n - whole > 1 - 1e-8 ? unsupported() : whole;
}

/** YEAR, MONTH or DAY: one part of the day a serial stands for, in Excel's count (60 is 29/02/1900). */
const datePart = (part: 'year' | 'month' | 'day'): Fn => (args) => {
  if (args.length !== 1) return unsupported();
  const n = dateNumber(args[0]);
  if (isError(n)) return n;
  const day = serialDay(n);
  return isError(day) ? day : civilFromSerial(day)[part];
};

const numeric = (f: (ns: number[]) => Cell): Fn => (args) => {
  const ns = numbersOf(args);
  return isError(ns) ? ns : f(ns);
};
const withNumbers = (f: (...ns: number[]) => Cell): Fn => (args) => {
  const ns: number[] = [];
  for (const a of args) {
    const n = toNumber(scalar(a));
    if (isError(n)) return n;
    ns.push(n);
  }
  return f(...ns);
};
const logical = (f: (bs: boolean[]) => boolean): Fn => (args) => {
  const bs: boolean[] = [];
  for (const v of cells(args)) {
    const b = toBoolean(v);
    if (isError(b)) return b;
    bs.push(b);
  }
  return f(bs);
};

const FUNCTIONS: Record<string, Fn> = {
  SUM: numeric((ns) => ns.reduce((a, b) => a + b, 0)),
  MIN: numeric((ns) => (ns.length ? Math.min(...ns) : 0)),
  MAX: numeric((ns) => (ns.length ? Math.max(...ns) : 0)),
  AVERAGE: numeric((ns) => (ns.length ? ns.reduce((a, b) => a + b, 0) / ns.length : err('#DIV/0!'))),
  COUNT: (args) => cells(args).filter((v) => typeof v === 'number').length,
  COUNTA: (args) => cells(args).filter((v) => v !== null).length,
  ABS: withNumbers((n) => Math.abs(n)),
  INT: (args) => (args.length === 1 ? withNumbers(floorOf)(args) : unsupported()),
  MOD: (args) => {
    if (args.length !== 2) return unsupported();
    return withNumbers((n, d) => {
      if (d === 0) return err('#DIV/0!');
      const q = n / d;
      // Excel gave #NUM! from a quotient of 2^27 on (Microsoft KB 119083) and LibreOffice rounds
      // the remainder of large numbers away (its MOD(2^53,7) is 0): neither is worked out.
      if (!(Math.abs(q) < 2 ** 27)) return unsupported();
      const r = n - d * floorOf(q);
      // The remainder takes the divisor's sign, as in Excel and LibreOffice. One that rounding left
      // as large as the divisor, or off 0 for an exact quotient, LibreOffice rounds its own way.
      if (Math.abs(r) >= Math.abs(d) || (r !== 0 && Number.isInteger(q))) return unsupported();
      return r + 0;
    })(args);
  },
  DATE: (args) => {
    if (args.length !== 3) return unsupported();
    const ns: number[] = [];
    for (const a of args) {
      const n = dateNumber(a);
      if (isError(n)) return n;
      ns.push(dateArgument(n));
    }
    const [year, month, day] = ns;
    // Excel's rules: a year from 0 to 1899 is counted from 1900 (DATE(108,1,2) is 02/01/2008),
    // one below 0 or from 10000 on is #NUM!. LibreOffice reads such years otherwise (21 as 2021,
    // 1800 as 1800), but the file is Excel's and Excel recalculates it.
    if (year < 0 || year >= 10000) return err('#NUM!');
    // LibreOffice refuses a month or day beyond a 16-bit integer (Err:502); Excel's limit is not documented.
    if (Math.abs(month) > 32767 || Math.abs(day) > 32767) return unsupported();
    // Months past 12 or below 1 move the year; the day counts on from the first of the month, so
    // 31/02 is 03/03 and day 0 the last of the month before. Counted in serials, which know 29/02/1900.
    const months = (year < 1900 ? year + 1900 : year) * 12 + month - 1;
    const first = Math.floor(months / 12);
    const serial = serialOfDays(daysFromCivil(first, months - first * 12 + 1, 1)) + day - 1;
    return serial < 0 || serial > LAST_SERIAL ? err('#NUM!') : serial;
  },
  YEAR: datePart('year'),
  MONTH: datePart('month'),
  DAY: datePart('day'),
  EDATE: (args) => {
    if (args.length !== 2) return unsupported();
    const start = dateNumber(args[0]);
    if (isError(start)) return start;
    const months = dateNumber(args[1]);
    if (isError(months)) return months;
    // Before 01/03/1900 Excel and LibreOffice count days differently (LibreOffice has no 29/02/1900),
    // and Excel does not document EDATE's error for a day outside its dates: none is worked out.
    if (start < 61 || start >= LAST_SERIAL + 1) return unsupported();
    const day = serialDay(start);
    if (isError(day)) return day;
    const { year, month, day: dayOfMonth } = civilFromSerial(day);
    // Whole months, the fraction dropped toward 0 (Excel's documentation; LibreOffice does the
    // same); a day the target month lacks becomes its last, as addMonths counts.
    const whole = Math.sign(months) * floorOf(Math.abs(months));
    const serial = isoToSerial(addMonths(isoOf(year, month, dayOfMonth), whole));
    return serial >= 61 && serial <= LAST_SERIAL ? serial : unsupported();
  },
  ROUND: withNumbers((n, d = 0) => round(n, Math.trunc(d))),
  ROUNDUP: withNumbers((n, d = 0) => Math.sign(n) * Math.ceil(Number((Math.abs(n) * 10 ** Math.trunc(d)).toPrecision(15))) / 10 ** Math.trunc(d)),
  ROUNDDOWN: withNumbers((n, d = 0) => Math.sign(n) * Math.floor(Number((Math.abs(n) * 10 ** Math.trunc(d)).toPrecision(15))) / 10 ** Math.trunc(d)),
  AND: logical((bs) => bs.every(Boolean)),
  OR: logical((bs) => bs.some(Boolean)),
  NOT: (args) => {
    const b = toBoolean(scalar(args[0] ?? null));
    return isError(b) ? b : !b;
  },
  IF: (args) => {
    if (args.length < 2 || args.length > 3) return unsupported();
    const test = toBoolean(scalar(args[0]));
    if (isError(test)) return test;
    const chosen = test ? scalar(args[1]) : args.length > 2 ? scalar(args[2]) : false;
    return chosen === null ? 0 : chosen;
  },
  IFERROR: (args) => {
    const v = scalar(args[0] ?? null);
    return isError(v) ? scalar(args[1] ?? null) ?? 0 : v ?? 0;
  },
  FIXED: (args) => {
    const n = toNumber(scalar(args[0] ?? null));
    if (isError(n)) return n;
    const d = args.length > 1 ? toNumber(scalar(args[1])) : 2;
    if (isError(d)) return d;
    const noCommas = args.length > 2 ? toBoolean(scalar(args[2])) : false;
    if (isError(noCommas)) return noCommas;
    return fixed(n, Math.trunc(d), noCommas);
  },
  SUBSTITUTE: (args) => {
    if (args.length !== 3) return unsupported();
    const [text, from, to] = args.map((a) => toText(scalar(a)));
    for (const t of [text, from, to]) if (isError(t)) return t;
    return from === '' ? (text as string) : (text as string).split(from as string).join(to as string);
  },
};

const TOKEN = /\s*(?:("(?:[^"]|"")*")|(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![A-Z0-9_(!])|(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|([A-Z][A-Z0-9.]*)\s*(?=\()|(TRUE|FALSE)(?![A-Z0-9_(])|(<=|>=|<>|[-+*/^&=<>%(),]))/iy;

interface Token {
  kind: 'string' | 'ref' | 'number' | 'function' | 'logical' | 'op';
  text: string;
}

function tokens(formula: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  const source = formula.replace(/^=/, '');
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(source);
    if (!m) return unsupported();
    const kinds: Token['kind'][] = ['string', 'ref', 'number', 'function', 'logical', 'op'];
    const i = [1, 2, 3, 4, 5, 6].find((g) => m[g] !== undefined) as number;
    out.push({ kind: kinds[i - 1], text: m[i] });
  }
  return out;
}

/** A formula's value over the sheet: `cellAt` gives a cell's value (evaluating its own formula if need be). */
function evaluate(formula: string, cellAt: (row: number, col: number) => Cell): Operand {
  const list = tokens(formula);
  let at = 0;
  const peek = () => list[at];
  const isOp = (...ops: string[]) => peek()?.kind === 'op' && ops.includes(peek().text);
  const expect = (op: string) => {
    if (!isOp(op)) unsupported();
    at++;
  };

  const binary = (a: Operand, b: Operand, f: (x: number, y: number) => Cell): Cell => {
    const x = toNumber(scalar(a));
    if (isError(x)) return x;
    const y = toNumber(scalar(b));
    if (isError(y)) return y;
    return f(x, y);
  };

  const comparison = (): Operand => {
    let left = concat();
    while (isOp('=', '<>', '<', '>', '<=', '>=')) {
      const op = list[at++].text;
      const right = concat();
      const a = scalar(left);
      const b = scalar(right);
      if (isError(a)) left = a;
      else if (isError(b)) left = b;
      else {
        const c = compare(a, b);
        left = op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
      }
    }
    return left;
  };
  const concat = (): Operand => {
    let left = additive();
    while (isOp('&')) {
      at++;
      const a = toText(scalar(left));
      const b = toText(scalar(additive()));
      left = isError(a) ? a : isError(b) ? b : a + b;
    }
    return left;
  };
  const additive = (): Operand => {
    let left = multiplicative();
    while (isOp('+', '-')) {
      const op = list[at++].text;
      const right = multiplicative();
      left = binary(left, right, (x, y) => (op === '+' ? x + y : x - y));
    }
    return left;
  };
  const multiplicative = (): Operand => {
    let left = power();
    while (isOp('*', '/')) {
      const op = list[at++].text;
      const right = power();
      left = binary(left, right, (x, y) => (op === '*' ? x * y : y === 0 ? err('#DIV/0!') : x / y));
    }
    return left;
  };
  const power = (): Operand => {
    let left = unary();
    while (isOp('^')) {
      at++;
      left = binary(left, unary(), (x, y) => x ** y);
    }
    return left;
  };
  const unary = (): Operand => {
    if (isOp('-')) {
      at++;
      return binary(unary(), 0, (x) => -x);
    }
    if (isOp('+')) {
      at++;
      return unary();
    }
    let value = primary();
    while (isOp('%')) {
      at++;
      value = binary(value, 0, (x) => x / 100);
    }
    return value;
  };
  const primary = (): Operand => {
    const t = list[at++];
    if (!t) return unsupported();
    if (t.kind === 'number') return Number(t.text);
    if (t.kind === 'string') return t.text.slice(1, -1).replace(/""/g, '"');
    if (t.kind === 'logical') return t.text.toUpperCase() === 'TRUE';
    if (t.kind === 'ref') return reference(t.text);
    if (t.kind === 'function') {
      const fn = FUNCTIONS[t.text.toUpperCase()] ?? unsupported();
      expect('(');
      const args: Operand[] = [];
      if (!isOp(')')) {
        args.push(comparison());
        while (isOp(',')) {
          at++;
          args.push(comparison());
        }
      }
      expect(')');
      return fn(args);
    }
    if (t.text === '(') {
      const inner = comparison();
      expect(')');
      return inner;
    }
    return unsupported();
  };
  const reference = (ref: string): Operand => {
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref) ?? unsupported();
    const top = Number(m[2]) - 1;
    const left = columnIndex(m[1]);
    if (m[3] === undefined) return cellAt(top, left);
    const bottom = Number(m[4]) - 1;
    const right = columnIndex(m[3]);
    // A whole-column reference of an edited template would be a million cells: not worked out.
    if ((bottom - top + 1) * (right - left + 1) > 1_000_000) return unsupported();
    const out: Cell[] = [];
    for (let r = Math.min(top, bottom); r <= Math.max(top, bottom); r++) for (let c = Math.min(left, right); c <= Math.max(left, right); c++) out.push(cellAt(r, c));
    return out;
  };

  const value = comparison();
  if (at !== list.length) unsupported();
  return value;
}

/**
 * Sets `result` on every formula cell of the sheet whose value can be worked out here; a formula
 * depending on one that cannot gets none either.
 */
export function storeFormulaResults(sheet: Pick<SheetPlan, 'rows'>): void {
  // A formula's result, once worked out, is its cell's `result`: the cells are the memo. These are
  // the formulas that cannot be worked out, and those being worked out (a cycle reaches one again).
  const unknown = new Set<number>();
  const pending = new Set<number>();
  const cellAt = (row: number, col: number): Cell => {
    const cell = sheet.rows[row]?.[col];
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value === undefined ? null : cell.value;
    if (cell.result !== undefined) return cell.result;
    const key = row * 16384 + col;
    if (unknown.has(key) || pending.has(key)) return unsupported();
    pending.add(key);
    try {
      const value = evaluate(cell.formula, cellAt);
      const found = Array.isArray(value) ? unsupported() : value === null ? 0 : value;
      return (cell.result = typeof found === 'number' && !Number.isFinite(found) ? err('#NUM!') : found);
    } catch (e) {
      unknown.add(key);
      throw e;
    } finally {
      pending.delete(key);
    }
  };
  sheet.rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (cell?.formula === undefined) return;
      try {
        cellAt(r, c);
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
      }
    });
  });
}
