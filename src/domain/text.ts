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
    const isWord = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') || code > 0x7f;
    if (!isWord) {
      // Keep %, / and parentheses' content apart as a space: "Biên chế (2015)" → "bien che 2015".
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

/** Collapses whitespace (incl. line breaks and non-breaking spaces) and NFC-normalises: text kept for display. */
export function cleanText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim().normalize('NFC');
}
