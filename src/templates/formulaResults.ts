import { columnIndex } from '../domain/a1';
import type { FormulaResult, SheetPlan } from './plan';

/**
 * The result of every formula of a filled sheet, worked out as Excel does, so that each formula
 * cell also stores its value: a preview, a mail client or a script reading the file sees the total,
 * not a blank (docs/decisions.md, "Stored formula results"). Excel and LibreOffice still recalculate
 * on opening.
 *
 * It understands what report templates use: numbers, text, TRUE/FALSE, cells and ranges of the same
 * sheet, the operators (comparison, &, + - * / ^, %, unary minus) and the functions of FUNCTIONS.
 * A formula with anything else (another sheet, a name, an unknown function, a cycle) gets no stored
 * result, as before, rather than a wrong one.
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
