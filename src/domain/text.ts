const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Folds text for matching headers and vocabulary: case, diacritics, NFC/NFD form, đ/Đ,
 * line breaks, punctuation and repeated spaces do not matter ("Ngày\n tháng  năm SINH" → "ngay thang nam sinh").
 */
export function foldKey(text: string): string {
  let out = '';
  let pendingSpace = false;
  const decomposed = text.normalize('NFD');
  for (let i = 0; i < decomposed.length; i++) {
    const code = decomposed.charCodeAt(i);
    // Combining diacritical marks U+0300–U+036F disappear.
    if (code >= 0x300 && code <= 0x36f) continue;
    let ch = decomposed[i];
    if (ch === 'đ' || ch === 'Đ') ch = 'd';
    const lower = ch.toLowerCase();
    // After NFD, Vietnamese letters are ASCII; what is left above 0x7f is punctuation (– “ ”) or another script.
    const isWord = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') || (code > 0x7f && LETTER_OR_DIGIT.test(ch));
    if (!isWord) {
      // Punctuation separates words: "Biên chế (2015)" → "bien che 2015", "Tài chính – Kế hoạch" → "tai chinh ke hoach".
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += lower;
  }
  return out;
}

/**
 * foldKey with a memory: each distinct text folded once. Reports fold the same few unit, cell,
 * ethnicity and religion names over thousands of records; the memory lives as long as the caller
 * keeps the function (one report).
 */
export function foldingOnce(): (text: string) => string {
  const folded = new Map<string, string>();
  return (text) => {
    let key = folded.get(text);
    if (key === undefined) folded.set(text, (key = foldKey(text)));
    return key;
  };
}

/** Collapses whitespace (incl. line breaks and non-breaking spaces) and NFC-normalises: text kept for display. */
export function cleanText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim().normalize('NFC');
}

/**
 * Does the text need `cleanText`? Precomposed Vietnamese with single inner spaces (nearly every
 * cell) does not: only whitespace runs, edges, control characters, combining marks (NFD text) and
 * the few compatibility characters NFC rewrites call for it. Checked with a char loop, as it runs on every cell.
 */
export function needsCleaning(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) continue;
    if (untidyAt(text, i, c)) return true;
  }
  return false;
}

/** Does the character at `i` (code `c`, not printable ASCII) call for `cleanText`? The test of `needsCleaning`, one character at a time. */
export function untidyAt(text: string, i: number, c: number): boolean {
  if (c === 0x20) return i === 0 || i === text.length - 1 || text.charCodeAt(i + 1) === 0x20;
  return c < 0x20 || c === 0x7f || c === 0xa0 || (c >= 0x300 && c <= 0x36f) || (c >= 0x2000 && c <= 0x2fff) || c >= 0xf900;
}

// Folded form of each character below U+2000, filled on first use (0 = not yet known).
const FOLDED = new Uint16Array(0x2000);

function foldedCode(code: number): number {
  if (code >= 0x2000) return code;
  let f = FOLDED[code];
  if (f === 0) {
    const ch = String.fromCharCode(code);
    f = ch === 'đ' || ch === 'Đ' ? 100 : ch.normalize('NFD').toLowerCase().charCodeAt(0);
    FOLDED[code] = f;
  }
  return f;
}

/** Index of the first character that is not a space, tab or line break. */
export function firstVisible(text: string): number {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 10)) i++;
  return i;
}

/** The folded char code at `i` (lower case, diacritics off, đ → d); NaN past the end. */
export function foldedCodeAt(text: string, i: number): number {
  return i < text.length ? foldedCode(text.charCodeAt(i)) : NaN;
}

/** Does `text` start, once folded, with `prefix` (lower-case ASCII)? Compares char codes, allocating nothing. */
export function startsFolded(text: string, prefix: string): boolean {
  let i = firstVisible(text);
  let k = 0;
  for (; i < text.length && k < prefix.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x300 && code <= 0x36f) continue;
    if (foldedCode(code) !== prefix.charCodeAt(k)) return false;
    k++;
  }
  return k === prefix.length;
}
