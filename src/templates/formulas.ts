/**
 * Re-points the references of a template formula to the rows the template's rows became.
 * `rowsOf(t)` gives the output rows of template row t as seen from the formula's cell: the same
 * instance for rows of the repeated region the cell itself is in, every instance otherwise, none
 * for a row that was removed (a {{#each}} marker row).
 */

export type FormulaProblem = { kind: 'removedRow' | 'ambiguous'; ref: string };

// Functions over a list of cells: a single reference to a repeated row inside one of them means
// "all its rows" (=SUM(D8) over a repeated row 8 becomes =SUM(D8:D27)).
const AGGREGATES = new Set(['SUM', 'COUNT', 'COUNTA', 'COUNTBLANK', 'COUNTIF', 'COUNTIFS', 'SUMIF', 'SUMIFS', 'AVERAGE', 'AVERAGEIF', 'AVERAGEIFS', 'MIN', 'MAX', 'SUMPRODUCT', 'PRODUCT']);

// A1 reference or range; the look-behind keeps function names (LOG10), names and other sheets' cells (Sheet1!A1) out.
const REF = /(?<![A-Za-z0-9_.$!:])(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![A-Za-z0-9_(!])/g;

function enclosingFunction(formula: string, index: number): string | undefined {
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const ch = formula[i];
    if (ch === ')') depth++;
    else if (ch === '(') {
      if (depth === 0) {
        const m = /([A-Z][A-Z0-9.]*)\s*$/i.exec(formula.slice(0, i));
        return m ? m[1].toUpperCase() : undefined;
      }
      depth--;
    }
  }
  return undefined;
}

/** Splits a formula into code and "string literal" pieces, so that text such as "A1" in quotes is left alone. */
function codePieces(formula: string): Array<{ code: boolean; text: string; offset: number }> {
  const pieces: Array<{ code: boolean; text: string; offset: number }> = [];
  let i = 0;
  while (i < formula.length) {
    const q = formula.indexOf('"', i);
    if (q < 0) {
      pieces.push({ code: true, text: formula.slice(i), offset: i });
      break;
    }
    if (q > i) pieces.push({ code: true, text: formula.slice(i, q), offset: i });
    let end = q + 1;
    // "" inside a string is an escaped quote.
    while (end < formula.length && !(formula[end] === '"' && formula[end + 1] !== '"')) end += formula[end] === '"' ? 2 : 1;
    pieces.push({ code: false, text: formula.slice(q, end + 1), offset: q });
    i = end + 1;
  }
  return pieces;
}

export function repointFormula(formula: string, rowsOf: (templateRow: number) => readonly number[]): { formula: string; problems: FormulaProblem[] } {
  const problems: FormulaProblem[] = [];
  const out = codePieces(formula).map((piece) => {
    if (!piece.code) return piece.text;
    return piece.text.replace(REF, (whole, c1a: string, col1: string, r1a: string, row1: string, c2a: string | undefined, col2: string | undefined, r2a: string | undefined, row2: string | undefined, at: number) => {
      const first = rowsOf(Number(row1) - 1);
      const isRange = col2 !== undefined;
      const last = isRange ? rowsOf(Number(row2) - 1) : first;
      if (first.length === 0 || last.length === 0) {
        problems.push({ kind: 'removedRow', ref: whole });
        return '#REF!';
      }
      const top = first[0] + 1;
      const bottom = last[last.length - 1] + 1;
      if (isRange) return `${c1a}${col1}${r1a}${top}:${c2a}${col2}${r2a}${bottom}`;
      if (first.length === 1) return `${c1a}${col1}${r1a}${top}`;
      if (AGGREGATES.has(enclosingFunction(formula, piece.offset + at) ?? '')) return `${c1a}${col1}${r1a}${top}:${c1a}${col1}${r1a}${bottom}`;
      problems.push({ kind: 'ambiguous', ref: whole });
      return `${c1a}${col1}${r1a}${top}`;
    });
  });
  return { formula: out.join(''), problems };
}
