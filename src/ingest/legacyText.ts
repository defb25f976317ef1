/**
 * Legacy Vietnamese 8-bit text. Before Unicode, Vietnamese offices typed with fonts that drew
 * Vietnamese letters at Latin byte positions:
 *  - TCVN3, the "ABC" code of TCVN 5712:1993 (VN3 form), fonts .VnTime / .VnTimeH: one byte per
 *    letter, toned vowels in lower case only (the "H" fonts draw those same codes as capitals);
 *  - VNI-Windows, by VNI Software, fonts VNI-Times: a base letter followed by a modifier byte
 *    (tone, circumflex or breve), a few letters as single bytes.
 * A .xlsx keeps such a cell as the Windows-1252/Latin-1 characters of those bytes, so "Họ và tên"
 * arrives as "Hä vµ tªn" (TCVN3) or "Hoï vaø teân" (VNI).
 *
 * Detection wants evidence that Vietnamese Unicode text never shows:
 *  1. a marker, a Latin-1 character that a legacy table uses but Vietnamese never does (µ ¸ ª « ñ ø ö …);
 *  2. a pattern made only of letters Unicode Vietnamese also uses, where its spelling never puts them:
 *     an accented capital inside a lower-case word (TCVN3 "NguyÔn"), a vowel pair no syllable has
 *     (VNI "Nguyeãn", "Vaên"), huyền or ngã before a final stop (TCVN3 "Quèc"), and a few more.
 * Evidence only nominates. Each encoding then reads the words, and a reading counts only when it
 * yields valid Vietnamese syllables (onset + rhyme + tone where the spelling puts it).
 */

import { untidyAt } from '../domain/text';

export type LegacyEncoding = 'tcvn3' | 'vni';

// ── Vietnamese letters ───────────────────────────────────────────────────────────────────────────

/** Tones in the order of every table below (TCVN3's own code order): none, huyền, hỏi, ngã, sắc, nặng. */
const ACUTE = 4;
const DOT = 5;

/** Each vowel in its six tones, precomposed (NFC). */
const VOWEL_FORMS: Readonly<Record<string, string>> = {
  a: 'aàảãáạ', ă: 'ăằẳẵắặ', â: 'âầẩẫấậ', e: 'eèẻẽéẹ', ê: 'êềểễếệ', i: 'iìỉĩíị',
  o: 'oòỏõóọ', ô: 'ôồổỗốộ', ơ: 'ơờởỡớợ', u: 'uùủũúụ', ư: 'ưừửữứự', y: 'yỳỷỹýỵ',
};

const VOWEL_OF = new Map<string, { base: string; tone: number }>();
for (const [base, forms] of Object.entries(VOWEL_FORMS)) {
  for (let tone = 0; tone < 6; tone++) VOWEL_OF.set(forms[tone], { base, tone });
}
const CONSONANTS = 'bcdđghklmnpqrstvx';

const chr = (code: number) => String.fromCharCode(code);

// ── TCVN3 (TCVN 5712:1993, ABC) ──────────────────────────────────────────────────────────────────

/** Codes per vowel, in tone order; an ASCII code means the plain letter itself. */
const TCVN3_VOWELS: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['a', [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9]],
  ['ă', [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6]],
  ['â', [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb]],
  ['e', [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1]],
  ['ê', [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6]],
  ['i', [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde]],
  ['o', [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4]],
  ['ô', [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9]],
  ['ơ', [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee]],
  ['u', [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4]],
  ['ư', [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9]],
  ['y', [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe]],
];
/** đ, and the only capitals ABC encodes; every other capital is written with a lower-case code. */
const TCVN3_OTHERS: ReadonlyArray<readonly [string, number]> = [
  ['đ', 0xae], ['Ă', 0xa1], ['Â', 0xa2], ['Ê', 0xa3], ['Ô', 0xa4], ['Ơ', 0xa5], ['Ư', 0xa6], ['Đ', 0xa7],
];

const TCVN3_DECODE: string[] = new Array<string>(256).fill('');
const TCVN3_ENCODE = new Map<string, string>();
for (const [letter, code] of TCVN3_OTHERS) {
  TCVN3_DECODE[code] = letter;
  TCVN3_ENCODE.set(letter, chr(code));
}
for (const [base, codes] of TCVN3_VOWELS) {
  codes.forEach((code, tone) => {
    if (code < 0x80) return;
    const letter = VOWEL_FORMS[base][tone];
    TCVN3_DECODE[code] = letter;
    TCVN3_ENCODE.set(letter, chr(code));
    // The .VnTimeH convention: a capital with no code of its own is typed with the lower-case code.
    if (!TCVN3_ENCODE.has(letter.toUpperCase())) TCVN3_ENCODE.set(letter.toUpperCase(), chr(code));
  });
}

// ── VNI-Windows (VNI Software) ───────────────────────────────────────────────────────────────────
// Codes are the lower-case forms; the capital form of each is 0x20 lower (ø 0xF8 → Ø 0xD8).

/** Tone modifiers after a e o u y ơ ư: ø û õ ù ï. */
const VNI_TONE_MARKS = [0, 0xf8, 0xfb, 0xf5, 0xf9, 0xef];
/** Circumflex with each tone after a e o (â à å ã á ä). */
const VNI_CIRCUMFLEX = [0xe2, 0xe0, 0xe5, 0xe3, 0xe1, 0xe4];
/** Breve with each tone after a (ê è ú ü é ë). */
const VNI_BREVE = [0xea, 0xe8, 0xfa, 0xfc, 0xe9, 0xeb];
/** i takes no modifier: its toned forms are single bytes (ì æ ó í ò). */
const VNI_I = [0x69, 0xec, 0xe6, 0xf3, 0xed, 0xf2];
/** Other letters written as one byte: ơ ô, ư ö, đ ñ, ỵ î (y with the nặng modifier, yï, is read too). */
const VNI_SINGLES: ReadonlyArray<readonly [string, number]> = [['ơ', 0xf4], ['ư', 0xf6], ['đ', 0xf1], ['ỵ', 0xee]];

const capitalCode = (code: number) => code - 0x20;

/** Single-byte letters by code. */
const VNI_SINGLE: string[] = new Array<string>(256).fill('');
/** Base letter + modifier byte → letter, keyed by base code × 256 + modifier code. */
const VNI_COMBINE = new Map<number, string>();
const VNI_MODIFIERS = new Set<number>();
const VNI_ENCODE = new Map<string, string>();

function addVniSingle(letter: string, code: number): void {
  VNI_SINGLE[code] = letter;
  VNI_SINGLE[capitalCode(code)] = letter.toUpperCase();
}

/** A lower-case base takes only the lower-case modifier; a capital takes either (only the first key may have been shifted). */
function addVniPair(base: string, modifier: number, letter: string): void {
  const lower = base.charCodeAt(0);
  const upper = base.toUpperCase().charCodeAt(0);
  VNI_COMBINE.set(lower * 256 + modifier, letter);
  VNI_COMBINE.set(upper * 256 + modifier, letter.toUpperCase());
  VNI_COMBINE.set(upper * 256 + capitalCode(modifier), letter.toUpperCase());
  VNI_MODIFIERS.add(modifier).add(capitalCode(modifier));
}

for (let tone = 1; tone < 6; tone++) {
  for (const base of ['a', 'e', 'o', 'u', 'y', 'ơ', 'ư']) addVniPair(base, VNI_TONE_MARKS[tone], VOWEL_FORMS[base][tone]);
  addVniSingle(VOWEL_FORMS.i[tone], VNI_I[tone]);
}
for (let tone = 0; tone < 6; tone++) {
  for (const [base, hatted] of [['a', 'â'], ['e', 'ê'], ['o', 'ô']]) addVniPair(base, VNI_CIRCUMFLEX[tone], VOWEL_FORMS[hatted][tone]);
  addVniPair('a', VNI_BREVE[tone], VOWEL_FORMS['ă'][tone]);
}
for (const [letter, code] of VNI_SINGLES) addVniSingle(letter, code);

/** The byte sequence VNI typing tools write for a lower-case letter. */
function vniSpelling(base: string, tone: number): string {
  const mark = tone ? chr(VNI_TONE_MARKS[tone]) : '';
  switch (base) {
    case 'i': return chr(VNI_I[tone]);
    case 'y': return tone === DOT ? 'î' : 'y' + mark;
    case 'ă': return 'a' + chr(VNI_BREVE[tone]);
    case 'â': return 'a' + chr(VNI_CIRCUMFLEX[tone]);
    case 'ê': return 'e' + chr(VNI_CIRCUMFLEX[tone]);
    case 'ô': return 'o' + chr(VNI_CIRCUMFLEX[tone]);
    case 'ơ': return 'ô' + mark;
    case 'ư': return 'ö' + mark;
    default: return base + mark;
  }
}
for (const [base, forms] of Object.entries(VOWEL_FORMS)) {
  for (let tone = 0; tone < 6; tone++) {
    const spelling = vniSpelling(base, tone);
    if (spelling === forms[tone]) continue;
    VNI_ENCODE.set(forms[tone], spelling);
    VNI_ENCODE.set(forms[tone].toUpperCase(), spelling.toUpperCase());
  }
}
VNI_ENCODE.set('đ', 'ñ').set('Đ', 'Ñ');

// ── Character classes for detection (Latin-1 only, built once) ───────────────────────────────────

const F_VIET = 1; // a letter Vietnamese Unicode uses (à á â ã è é ê ì í ò ó ô õ ù ú ý and capitals)
const F_TCVN3 = 2;
const F_VNI = 4;
const F_MARKER = 8; // used by a legacy table, never by Vietnamese Unicode
const F_CAPITAL = 16;

const FLAGS = new Uint8Array(256);
for (const letter of VOWEL_OF.keys()) {
  for (const c of [letter.charCodeAt(0), letter.toUpperCase().charCodeAt(0)]) {
    if (c >= 0x80 && c <= 0xff) FLAGS[c] |= F_VIET | (c < 0xdf ? F_CAPITAL : 0);
  }
}
for (let c = 0x80; c <= 0xff; c++) if (TCVN3_DECODE[c]) FLAGS[c] |= F_TCVN3;
for (let c = 0x80; c <= 0xff; c++) if (VNI_SINGLE[c] || VNI_MODIFIERS.has(c)) FLAGS[c] |= F_VNI;
for (let c = 0x80; c <= 0xff; c++) if (FLAGS[c] & (F_TCVN3 | F_VNI) && !(FLAGS[c] & F_VIET)) FLAGS[c] |= F_MARKER;

/**
 * Accented Latin-1 vowels that Vietnamese spelling allows right after each plain vowel: gi-/qu- onsets
 * (già, giúp, quá, quý), the rising diphthongs (hoà, khoé, xuân, thuê, muôn, tiên, yên) and the
 * loanword oo (soóc, goòng). After a or e nothing accented ever follows.
 */
const ALLOWED_AFTER: Readonly<Record<string, string>> = {
  a: '', e: '', i: 'àáãâèéêòóõôùú', o: 'àáãèéòó', u: 'àáãâèéêìíýô', y: 'ê',
};
const VOWEL_BIT = new Uint8Array(128);
const FORBIDDEN_AFTER = new Uint8Array(256);
Object.entries(ALLOWED_AFTER).forEach(([vowel, allowed], k) => {
  VOWEL_BIT[vowel.charCodeAt(0)] = VOWEL_BIT[vowel.toUpperCase().charCodeAt(0)] = 1 << k;
  for (let c = 0x80; c <= 0xff; c++) {
    if (FLAGS[c] & F_VIET && !allowed.includes(chr(c).toLowerCase())) FORBIDDEN_AFTER[c] |= 1 << k;
  }
});

const UNICODE = -1;
const NONE = 0;
const PATTERN = 1;
const MARKER = 2;

function isPrecomposedOrCombiningVietnamese(c: number): boolean {
  return (c >= 0x1ea0 && c <= 0x1ef9) || (c >= 0x300 && c <= 0x323) || c === 0x102 || c === 0x103 || c === 0x110 || c === 0x111
    || c === 0x128 || c === 0x129 || c === 0x168 || c === 0x169 || c === 0x1a0 || c === 0x1a1 || c === 0x1af || c === 0x1b0;
}

const isAsciiLower = (c: number) => c >= 0x61 && c <= 0x7a;
const isAsciiUpper = (c: number) => c >= 0x41 && c <= 0x5a;
/** The lower-case code of an ASCII letter, else 0 (also past the end of the text, where the code is NaN). */
const asciiLetter = (c: number) => (isAsciiLower(c) ? c : isAsciiUpper(c) ? c | 0x20 : 0);

/** Word characters: ASCII letters and the Latin-1 characters either table (or Vietnamese) uses as letters. */
function isWordChar(c: number): boolean {
  return isAsciiUpper(c) || isAsciiLower(c) || (c >= 0xa0 && c <= 0xff && FLAGS[c] !== 0);
}

/** à è ì ò ù ã õ: huyền and ngã, which a syllable ending in c, ch, p or t never has. */
const FALLING_TONE = new Set([0xe0, 0xe8, 0xec, 0xf2, 0xf9, 0xe3, 0xf5]);

/** A final c, ch, p or t starts at `j`. */
function stopAt(text: string, j: number): boolean {
  const a = asciiLetter(text.charCodeAt(j));
  if (a !== 0x63 && a !== 0x70 && a !== 0x74) return false;
  const k = a === 0x63 && asciiLetter(text.charCodeAt(j + 1)) === 0x68 ? j + 2 : j + 1;
  return !isWordChar(text.charCodeAt(k));
}

/** A Vietnamese Latin-1 letter (code `c`) where Vietnamese spelling never puts it, as legacy text does. */
function outOfPlace(text: string, i: number, c: number, capital: boolean): boolean {
  const lower = capital ? c + 0x20 : c;
  const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
  const next = text.charCodeAt(i + 1);
  // An accented capital inside a lower-case word: TCVN3 writes ễ ấ è … with these codes ("NguyÔn", "BÊc").
  if (capital && (isAsciiLower(prev) || (isAsciiUpper(prev) && isAsciiLower(next)))) return true;
  // A vowel pair no syllable has: VNI modifiers after a e o u y ("Nguyeãn", "Vaên", "Voõ").
  if (prev < 0x80 && FORBIDDEN_AFTER[c] & VOWEL_BIT[prev]) return true;
  // Huyền or ngã before a final stop: TCVN3 è ò for ố ũ ("Quèc"), VNI ò for ị ("Lòch").
  if (FALLING_TONE.has(lower) && stopAt(text, i + 1)) return true;
  // A toned o before nh or ch, a rhyme Vietnamese lacks: VNI ò ó for ị ĩ ("Trònh", "Vónh").
  if ((lower === 0xf2 || lower === 0xf3 || lower === 0xf5) && (asciiLetter(next) === 0x6e || asciiLetter(next) === 0x63)
    && asciiLetter(text.charCodeAt(i + 2)) === 0x68 && !isWordChar(text.charCodeAt(i + 3))) return true;
  // "uo" before a circumflex: no rhyme "uoa"; VNI uô uố uồ uỗ ("Muoán", "Quoác").
  if ((lower === 0xe2 || lower === 0xe1 || lower === 0xe0 || lower === 0xe3) && asciiLetter(prev) === 0x6f
    && asciiLetter(text.charCodeAt(i - 2)) === 0x75) return true;
  // â ending a word (â always has a final): TCVN3 õ ("Vâ").
  return c === 0xe2 && asciiLetter(prev) !== 0 && !isWordChar(next);
}

/** What the character at `i` (code `c`) says about the text. */
function evidenceAt(text: string, i: number, c: number): number {
  if (c < 0x80) return NONE;
  if (c > 0xff) return isPrecomposedOrCombiningVietnamese(c) ? UNICODE : NONE;
  const flags = FLAGS[c];
  if (flags & F_MARKER) return MARKER;
  return flags & F_VIET && outOfPlace(text, i, c, (flags & F_CAPITAL) !== 0) ? PATTERN : NONE;
}

// ── Syllables ────────────────────────────────────────────────────────────────────────────────────

const ONSETS = new Set(['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x']);

/**
 * Rhymes without tone. ak/ăk are for Tây Nguyên names (Đắk Lắk); ynh, ych, yt follow qu only. The
 * loanword rhymes oong/ooc (xoong, soóc) are left out on purpose: with them VNI "Coâng" (Công) would
 * also read as TCVN3 "Coõng".
 */
const RHYME_LIST = (
  'a ac ach ai ak am an ang anh ao ap at au ay ăc ăk ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây ' +
  'e ec em en eng eo ep et ê êch êm ên ênh êp êt êu i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu ' +
  'o oc oi om on ong op ot oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt ' +
  'oe oen oeo oet ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt u uc ui um un ung up ut ' +
  'ua uân uât uâng uây uê uêch uênh uơ uôc uôi uôm uôn uông uôt uy uya uych uyn uynh uyp uyt uyu uyên uyêt ' +
  'ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu y yêm yên yêng yêt yêu ynh ych yt'
).split(' ');

interface Rhyme {
  /** Ends in a stop (c ch p t k): only sắc or nặng are possible. */
  stop: boolean;
  /** Bit k set: the tone mark may sit on the rhyme's k-th letter. */
  toneSlots: number;
}

/**
 * Where the tone goes: on the last hatted vowel (ươ, uô, iê, âu …); else on the last vowel before a
 * final consonant; else, for open oa/oe/uy, on either (hoà and hòa are both in use); else on the first
 * of two vowels and the middle of three.
 */
function toneSlots(vowels: string, hasCoda: boolean): number {
  const hatted = Math.max(...[...'ăâêôơư'].map((h) => vowels.lastIndexOf(h)));
  if (vowels.length === 1) return 1;
  if (hatted >= 0) return 1 << hatted;
  if (hasCoda) return 1 << (vowels.length - 1);
  if (vowels === 'oa' || vowels === 'oe' || vowels === 'uy') return 3;
  return vowels.length === 2 ? 1 : 2;
}

const RHYMES = new Map<string, Rhyme>();
for (const rhyme of RHYME_LIST) {
  let n = 0;
  while (n < rhyme.length && VOWEL_FORMS[rhyme[n]]) n++;
  const coda = rhyme.slice(n);
  RHYMES.set(rhyme, { stop: ['c', 'ch', 'p', 't', 'k'].includes(coda), toneSlots: toneSlots(rhyme.slice(0, n), coda !== '') });
}

/** The rhyme after an onset of `n` letters fits, tone and all. */
function rhymeFits(plain: string, n: number, tone: number, tonePos: number): boolean {
  const rhyme = RHYMES.get(plain.slice(n));
  if (!rhyme || (rhyme.stop && tone !== ACUTE && tone !== DOT)) return false;
  return tone === 0 || (tonePos >= n && (rhyme.toneSlots & (1 << (tonePos - n))) !== 0);
}

/** A well-formed Vietnamese syllable: onset, rhyme, at most one tone, placed where spelling puts it. */
function isSyllable(word: string): boolean {
  const lower = word.toLowerCase();
  let plain = '';
  let tone = 0;
  let tonePos = -1;
  let onset = 0;
  for (let k = 0; k < lower.length; k++) {
    const vowel = VOWEL_OF.get(lower[k]);
    if (vowel) {
      plain += vowel.base;
      if (vowel.tone) {
        if (tone) return false;
        tone = vowel.tone;
        tonePos = k;
      }
    } else if (CONSONANTS.includes(lower[k])) {
      if (onset === k) onset++;
      plain += lower[k];
    } else return false;
  }
  if (ONSETS.has(plain.slice(0, onset)) && rhymeFits(plain, onset, tone, tonePos)) return true;
  // gi and qu are onsets that take their vowel along (già, quá); q never goes without u.
  const pair = plain.slice(onset - 1, onset + 1);
  return onset > 0 && (pair === 'gi' || pair === 'qu') && ONSETS.has(plain.slice(0, onset + 1)) && rhymeFits(plain, onset + 1, tone, tonePos);
}

// ── Decoding ─────────────────────────────────────────────────────────────────────────────────────

function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inWord = i < text.length && isWordChar(text.charCodeAt(i));
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      visit(start, i);
      start = -1;
    }
  }
}

/** TCVN3 → Unicode, character by character; `strict` gives up (null) on a byte ABC has no letter for. */
function tcvn3Letters(text: string, strict: boolean): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const letter = c >= 0x80 && c <= 0xff ? TCVN3_DECODE[c] : '';
    if (letter) out += letter;
    else if (strict && c >= 0x80) return null;
    else out += text[i];
  }
  return out;
}

const isTcvn3Capital = (c: number) => isAsciiUpper(c) || (c >= 0xa1 && c <= 0xa7);
const isTcvn3Lower = (c: number) => isAsciiLower(c) || (c >= 0xa8 && c <= 0xae);

/**
 * ABC has no toned capitals, so case is restored from the word and the line around it:
 *  - a word with no lower-case ASCII letter and two capitals (or one, in a line of such words) was
 *    typed in capitals, its toned vowels shown as capitals by an H font ("CéNG HOµ" → CỘNG HOÀ);
 *  - in a line of capitalised words (two or more, none in lower case), a word starting with a toned
 *    vowel is capitalised too ("NguyÔn V¨n ¸nh" → Nguyễn Văn Ánh).
 */
function decodeTcvn3(text: string): string {
  // One letter per byte, so word positions in `text` are positions in `letters`.
  const letters = tcvn3Letters(text, false) as string;
  const words: Array<{ start: number; end: number; capitals: number; lower: number }> = [];
  let lowerWords = 0;
  let capsWords = 0;
  let capitalised = 0;
  let lowerFirst = false;
  forEachWord(text, (start, end) => {
    let capitals = 0;
    let lower = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (isTcvn3Capital(c)) capitals++;
      else if (isAsciiLower(c)) lower++;
    }
    words.push({ start, end, capitals, lower });
    if (lower > 0) lowerWords++;
    else if (capitals >= 2) capsWords++;
    if (isTcvn3Capital(text.charCodeAt(start))) capitalised++;
    else if (isTcvn3Lower(text.charCodeAt(start))) lowerFirst = true;
  });
  const capsLine = lowerWords === 0 && capsWords > 0;
  const titleLine = !lowerFirst && capitalised >= 2;
  let out = '';
  let at = 0;
  for (const w of words) {
    const inCapitals = w.lower === 0 && (w.capitals >= 2 || (w.capitals === 1 && capsLine));
    if (!inCapitals && !(titleLine && !isTcvn3Capital(text.charCodeAt(w.start)))) continue;
    const word = letters.slice(w.start, w.end);
    out += letters.slice(at, w.start) + (inCapitals ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1));
    at = w.end;
  }
  return at === 0 ? letters : out + letters.slice(at);
}

/** VNI → Unicode: a modifier joins the letter before it; `strict` gives up (null) on a byte that does not fit. */
function decodeVni(text: string, strict: boolean): string | null {
  let out = '';
  // The last letter is held back until we know no modifier follows it.
  let held = '';
  let heldCode = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const combined = c >= 0x80 && c <= 0xff ? VNI_COMBINE.get(heldCode * 256 + c) : undefined;
    if (combined !== undefined) {
      held = combined;
      heldCode = combined.charCodeAt(0);
      continue;
    }
    const single = c <= 0xff ? VNI_SINGLE[c] : '';
    if (!single && strict && c >= 0x80) return null;
    out += held;
    held = single || text[i];
    heldCode = held.charCodeAt(0);
  }
  return out + held;
}

// ── Choosing the encoding ────────────────────────────────────────────────────────────────────────

/** Words of other languages that happen to read as a VNI syllable (French "où" → "ó", Spanish "aún" → "ẳn"). */
const FOREIGN_LOOKALIKES = new Set(['où', 'aún']);

interface Tally {
  valid: number;
  invalid: number;
  /** Valid words that carry evidence: a reading must explain at least one. */
  explained: number;
  /** Valid words that start with a vowel, which few Vietnamese syllables do. */
  vowelFirst: number;
}

/** The word's reading when it is a Vietnamese syllable, else null. */
function readAsSyllable(word: string, encoding: LegacyEncoding): string | null {
  if (FOREIGN_LOOKALIKES.has(word.toLowerCase())) return null;
  const letters = encoding === 'tcvn3' ? tcvn3Letters(word, true) : decodeVni(word, true);
  return letters !== null && isSyllable(letters) ? letters : null;
}

/**
 * Readings of recent words. A legacy sheet repeats the same few hundred syllables (surnames, Văn,
 * Thị, unit names) across thousands of cells; bounded so that a long run cannot grow it.
 */
const READINGS = { tcvn3: new Map<string, string | null>(), vni: new Map<string, string | null>() };
const READINGS_LIMIT = 8192;

function cachedReading(word: string, encoding: LegacyEncoding): string | null {
  const cache = READINGS[encoding];
  let reading = cache.get(word);
  if (reading === undefined) {
    reading = readAsSyllable(word, encoding);
    if (cache.size >= READINGS_LIMIT) cache.clear();
    cache.set(word, reading);
  }
  return reading;
}

function tally(text: string, encoding: LegacyEncoding): Tally {
  const t: Tally = { valid: 0, invalid: 0, explained: 0, vowelFirst: 0 };
  forEachWord(text, (start, end) => {
    // A lone byte (§ ® « ½ Ø …) is as likely a symbol as a letter: it proves nothing either way.
    if (end - start < 2) return;
    let legacy = false;
    let evident = false;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        legacy = true;
        if (evidenceAt(text, i, c) > NONE) evident = true;
      }
    }
    if (!legacy) return;
    const syllable = cachedReading(text.slice(start, end), encoding);
    if (syllable === null) {
      t.invalid++;
      return;
    }
    t.valid++;
    if (evident) t.explained++;
    if (VOWEL_OF.has(syllable[0].toLowerCase())) t.vowelFirst++;
  });
  return t;
}

/** A marker is strong evidence, so a majority of valid words will do; a pattern alone needs every word valid. */
function convincing(t: Tally, marked: boolean): boolean {
  return t.explained > 0 && (marked ? t.valid > t.invalid : t.invalid === 0);
}

/** VNI has real capitals and ABC almost none, so a tie in text written in capitals goes to VNI. */
function writtenInCapitals(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isAsciiLower(c) || (c >= 0xa8 && c <= 0xbe) || (c >= 0xdf && c <= 0xff && c !== 0xf7)) return false;
  }
  let capitalWord = false;
  forEachWord(text, (start, end) => {
    let capitals = 0;
    for (let i = start; i < end; i++) if (isAsciiUpper(text.charCodeAt(i))) capitals++;
    if (capitals >= 2) capitalWord = true;
  });
  return capitalWord;
}

function choose(text: string, marked: boolean): LegacyEncoding | null {
  const tcvn3 = tally(text, 'tcvn3');
  const vni = tally(text, 'vni');
  const tcvn3Ok = convincing(tcvn3, marked);
  const vniOk = convincing(vni, marked);
  if (tcvn3Ok && vniOk) {
    const lead = vni.valid - vni.invalid - (tcvn3.valid - tcvn3.invalid);
    if (lead !== 0) return lead > 0 ? 'vni' : 'tcvn3';
    // Both read well. Prefer words with an onset ("Ño": VNI Đo, not TCVN3 ẹo) ...
    if (vni.vowelFirst !== tcvn3.vowelFirst) return vni.vowelFirst < tcvn3.vowelFirst ? 'vni' : 'tcvn3';
    // ... then, in a true tie ("Thö": VNI Thư, TCVN3 Thử), TCVN3: the national standard and the usual office font.
    return writtenInCapitals(text) ? 'vni' : 'tcvn3';
  }
  return tcvn3Ok ? 'tcvn3' : vniOk ? 'vni' : null;
}

/** Text below U+0300 (Latin, Vietnamese ă đ ơ ư) and the precomposed Vietnamese block is NFC already. */
function mayNeedNormalizing(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x300 && (c < 0x1ea0 || c > 0x1ef9)) return true;
  }
  return false;
}

// ── API ──────────────────────────────────────────────────────────────────────────────────────────

/** Returns the legacy encoding a string is written in, or null for ordinary text (the common case: must be cheap). */
export function detectLegacy(text: string): LegacyEncoding | null {
  const n = text.length;
  let i = 0;
  while (i < n && text.charCodeAt(i) < 0x80) i++;
  if (i === n) return null;
  let strongest = NONE;
  for (; i < n; i++) {
    const evidence = evidenceAt(text, i, text.charCodeAt(i));
    if (evidence === UNICODE) return null;
    if (evidence > strongest) strongest = evidence;
  }
  return strongest === NONE ? null : choose(text, strongest === MARKER);
}

/**
 * Text that ingest takes as it is: nothing for cleanText to tidy, no legacy encoding, not blank.
 * One pass where the long way (needsCleaning, detectLegacy) makes three: names, which no cache
 * serves, are read this way on every row. False sends the text the long way, so it may be cautious.
 */
export function isReadyText(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  let unicode = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) continue;
    // U+1680 and U+3000 are the spaces untidyAt lets through: a cell of them alone is blank.
    if (untidyAt(text, i, c) || (c >= 0x80 && c <= 0xa0) || c === 0x1680 || c === 0x3000) return false;
    if (c === 0x20 || unicode) continue;
    // As detectLegacy reads it: a letter only Unicode has settles it; a sign of TCVN3 or VNI before that goes the long way.
    const evidence = evidenceAt(text, i, c);
    if (evidence === UNICODE) unicode = true;
    else if (evidence !== NONE) return false;
  }
  return true;
}

/** Converts legacy text to Unicode NFC. */
export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  const decoded = encoding === 'tcvn3' ? decodeTcvn3(text) : (decodeVni(text, false) as string);
  return mayNeedNormalizing(decoded) ? decoded.normalize('NFC') : decoded;
}

/** detect + decode: returns the NFC text and the encoding it was converted from (null when untouched; then `text` is the input, identical). */
export function repairText(text: string): { text: string; encoding: LegacyEncoding | null } {
  const encoding = detectLegacy(text);
  return encoding === null ? { text, encoding } : { text: decodeLegacy(text, encoding), encoding };
}

/** Test helper: Unicode → legacy. Capitals TCVN3 cannot encode get the lower-case code (the .VnTimeH way). */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  const table = encoding === 'tcvn3' ? TCVN3_ENCODE : VNI_ENCODE;
  let out = '';
  for (const ch of text.normalize('NFC')) out += table.get(ch) ?? ch;
  return out;
}
