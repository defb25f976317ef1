/** A1 notation, 0-based coordinates: the one place the project turns rows and columns into addresses. */

export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "A" → 0, "AA" → 26 (case-insensitive). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B3" for row 2, column 1. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function rangeA1(rect: CellRect): string {
  return `${a1(rect.top, rect.left)}:${a1(rect.bottom, rect.right)}`;
}

/** "B3", "A1:E1", "$A$1:$E$1" → a rectangle; undefined for anything else. */
export function parseA1Range(range: string): CellRect | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(range);
  if (!m) return undefined;
  return { top: Number(m[2]) - 1, left: columnIndex(m[1]), bottom: Number(m[4] ?? m[2]) - 1, right: columnIndex(m[3] ?? m[1]) };
}
