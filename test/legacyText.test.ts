import fc from 'fast-check';
import { needsCleaning } from '../src/domain/text';
import { decodeLegacy, detectLegacy, encodeLegacy, isReadyText, repairText, type LegacyEncoding } from '../src/ingest/legacyText';

// ── Vietnamese, written out here independently of the module ─────────────────────────────────────

/** Each vowel with no tone, huyền, hỏi, ngã, sắc, nặng. */
const FORMS: Record<string, string> = {
  a: 'aàảãáạ', ă: 'ăằẳẵắặ', â: 'âầẩẫấậ', e: 'eèẻẽéẹ', ê: 'êềểễếệ', i: 'iìỉĩíị',
  o: 'oòỏõóọ', ô: 'ôồổỗốộ', ơ: 'ơờởỡớợ', u: 'uùủũúụ', ư: 'ưừửữứự', y: 'yỳỷỹýỵ',
};
/** The 67 lower-case letters that are not plain ASCII (66 vowel forms and đ), and their 67 capitals. */
const LOWER = [...Object.values(FORMS).join(''), 'đ'].filter((ch) => ch.charCodeAt(0) > 0x7f);
const UPPER = LOWER.map((ch) => ch.toUpperCase());
const LETTERS = [...LOWER, ...UPPER];
/** TCVN3 has codes for these capitals only; the others are written with the lower-case code. */
const TCVN3_CAPITALS = ['Ă', 'Â', 'Đ', 'Ê', 'Ô', 'Ơ', 'Ư'];

const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
const RHYMES = (
  'a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây e ec em en eng eo ep et ' +
  'ê êch êm ên ênh êp êt êu i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu o oc oi om on ong op ot ooc oong ' +
  'oa oac oach oai oan oang oanh oat oay oăc oăn oăng oăt oe oen oeo oet ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt ' +
  'u uc ui um un ung up ut ua uân uât uây uê uêch uơ uôc uôi uôm uôn uông uôt uy uya uych uynh uyt uyu uyên uyêt ' +
  'ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu y yêm yên yêt yêu'
).split(' ');

/** Spelling rules: k/gh/ngh before e ê i, c/g/ng elsewhere; gi- not before i; qu- not before u/o; iê after an onset, yê after none (or qu). */
function fits(onset: string, rhyme: string): boolean {
  const front = /^[eêiy]/.test(rhyme);
  if (onset === 'k') return front;
  if (onset === 'gh' || onset === 'ngh') return /^[eêi]/.test(rhyme);
  if (onset === 'c' || onset === 'g' || onset === 'ng') return !front;
  if (onset === 'gi' && /^[iy]/.test(rhyme)) return false;
  if (onset === 'qu' && /^[uoư]/.test(rhyme)) return false;
  if (/^yê/.test(rhyme)) return onset === '' || onset === 'qu';
  if (/^iê/.test(rhyme)) return onset !== '';
  return true;
}

/** Where the tone mark goes (both places for open oa, oe, uy: hoà and hòa are both in use). */
function toneIndexes(rhyme: string): number[] {
  const vowels = /^[aăâeêioôơuưy]+/.exec(rhyme)?.[0] ?? '';
  const hatted = Math.max(...[...'ăâêôơư'].map((h) => vowels.lastIndexOf(h)));
  if (vowels.length === 1) return [0];
  if (hatted >= 0) return [hatted];
  if (rhyme.length > vowels.length) return [vowels.length - 1];
  if (['oa', 'oe', 'uy'].includes(vowels)) return [0, 1];
  return [vowels.length === 2 ? 0 : 1];
}

/** Every spelling-correct syllable of the lists above, with every tone the rhyme allows. */
function allSyllables(withOnsetOnly: boolean, rhymes = RHYMES): string[] {
  const out: string[] = [];
  for (const onset of ONSETS) {
    if (withOnsetOnly && onset === '') continue;
    for (const rhyme of rhymes) {
      if (!fits(onset, rhyme)) continue;
      // Checked syllables take only sắc and nặng; the loanword oo rhymes (xoong, goòng, soóc, voọc) have no hỏi or ngã.
      const tones = /(c|ch|p|t)$/.test(rhyme) ? [4, 5] : rhyme.startsWith('oo') ? [0, 1, 4, 5] : [0, 1, 2, 3, 4, 5];
      for (const tone of tones) {
        for (const at of tone ? toneIndexes(rhyme) : [0]) {
          out.push(onset + rhyme.slice(0, at) + FORMS[rhyme[at]][tone] + rhyme.slice(at + 1));
        }
      }
    }
  }
  return out;
}
const SYLLABLES = allSyllables(false);
/** Legacy words to generate: accented, with an onset (a lone vowel byte proves nothing), and not the
 * loanword rhymes oong/ooc, which the module does not accept in legacy text (see RHYME_LIST there). */
const LEGACY_RHYMES = RHYMES.filter((r) => !r.startsWith('oo'));
const ACCENTED_SYLLABLES = allSyllables(true, LEGACY_RHYMES).filter((s) => [...s].some((ch) => ch.charCodeAt(0) > 0x7f));

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Latin-1 letters Vietnamese Unicode itself uses. */
const VIET_LATIN1 = 'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ';
/**
 * Legacy text the module may leave as it is: only ASCII and Vietnamese Latin-1 letters, no accented
 * capital inside a lower-case word, nothing accented after a or e (the module knows a few more tells).
 */
function indistinguishable(s: string): boolean {
  return [...s].every((ch) => ch.charCodeAt(0) < 0x80 || VIET_LATIN1.includes(ch))
    && !/[a-z][ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]|[A-Z][ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ][a-z]/.test(s) && !/[aeAE][àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]/.test(s);
}

/**
 * Bytes that spell a valid word in both encodings, with nothing else to tell them apart: ö (VNI ư /
 * TCVN3 ử), æ (ỉ / ổ), î (ỵ / ợ), û after u (Thuû: VNI Thủ / TCVN3 Thuỷ), Î Ö after a single capital
 * (KÎ: VNI KỴ / TCVN3 Kẻ); such ties go to TCVN3. And ñ starting a word (ña: VNI đa / TCVN3 ủa),
 * which goes to VNI, the reading with an onset.
 */
const TIE_BYTES = 'öæîûÎÖñ';

// ── Tables ───────────────────────────────────────────────────────────────────────────────────────

describe('the letter tables', () => {
  it('cover the 134 Vietnamese letters beyond ASCII, all precomposed', () => {
    expect(LOWER).toHaveLength(67);
    expect(new Set(LETTERS).size).toBe(134);
    for (const ch of LETTERS) expect(ch.normalize('NFC')).toBe(ch);
  });

  it('decode the TCVN3 (ABC) code chart', () => {
    const chart: Array<[string, string]> = [
      ['\xb5\xb6\xb7\xb8\xb9', 'àảãáạ'],
      ['\xa8\xbb\xbc\xbd\xbe\xc6', 'ăằẳẵắặ'],
      ['\xa9\xc7\xc8\xc9\xca\xcb', 'âầẩẫấậ'],
      ['\xcc\xce\xcf\xd0\xd1', 'èẻẽéẹ'],
      ['\xaa\xd2\xd3\xd4\xd5\xd6', 'êềểễếệ'],
      ['\xd7\xd8\xdc\xdd\xde', 'ìỉĩíị'],
      ['\xdf\xe1\xe2\xe3\xe4', 'òỏõóọ'],
      ['\xab\xe5\xe6\xe7\xe8\xe9', 'ôồổỗốộ'],
      ['\xac\xea\xeb\xec\xed\xee', 'ơờởỡớợ'],
      ['\xef\xf1\xf2\xf3\xf4', 'ùủũúụ'],
      ['\xad\xf5\xf6\xf7\xf8\xf9', 'ưừửữứự'],
      ['\xfa\xfb\xfc\xfd\xfe', 'ỳỷỹýỵ'],
      ['\xae', 'đ'],
      ['\xa1\xa2\xa3\xa4\xa5\xa6\xa7', 'ĂÂÊÔƠƯĐ'],
    ];
    for (const [codes, letters] of chart) {
      expect([...codes].map((c) => decodeLegacy(c, 'tcvn3')).join('')).toBe(letters);
    }
    // Bytes ABC has no letter for stay as they are.
    expect(decodeLegacy('\xc0\xc1\xc2\xc3\xe0 \xb0', 'tcvn3')).toBe('\xc0\xc1\xc2\xc3\xe0 \xb0');
  });

  it('decode the VNI-Windows chart, lower case and capitals', () => {
    const chart: Array<[string, string]> = [
      ['a\xf8 a\xfb a\xf5 a\xf9 a\xef', 'à ả ã á ạ'],
      ['a\xea a\xe8 a\xfa a\xfc a\xe9 a\xeb', 'ă ằ ẳ ẵ ắ ặ'],
      ['a\xe2 a\xe0 a\xe5 a\xe3 a\xe1 a\xe4', 'â ầ ẩ ẫ ấ ậ'],
      ['e\xf8 e\xfb e\xf5 e\xf9 e\xef', 'è ẻ ẽ é ẹ'],
      ['e\xe2 e\xe0 e\xe5 e\xe3 e\xe1 e\xe4', 'ê ề ể ễ ế ệ'],
      ['\xec \xe6 \xf3 \xed \xf2', 'ì ỉ ĩ í ị'],
      ['o\xf8 o\xfb o\xf5 o\xf9 o\xef', 'ò ỏ õ ó ọ'],
      ['o\xe2 o\xe0 o\xe5 o\xe3 o\xe1 o\xe4', 'ô ồ ổ ỗ ố ộ'],
      ['\xf4 \xf4\xf8 \xf4\xfb \xf4\xf5 \xf4\xf9 \xf4\xef', 'ơ ờ ở ỡ ớ ợ'],
      ['u\xf8 u\xfb u\xf5 u\xf9 u\xef', 'ù ủ ũ ú ụ'],
      ['\xf6 \xf6\xf8 \xf6\xfb \xf6\xf5 \xf6\xf9 \xf6\xef', 'ư ừ ử ữ ứ ự'],
      ['y\xf8 y\xfb y\xf5 y\xf9 \xee', 'ỳ ỷ ỹ ý ỵ'],
      ['\xf1', 'đ'],
    ];
    for (const [bytes, letters] of chart) {
      expect(decodeLegacy(bytes, 'vni')).toBe(letters);
      expect(decodeLegacy(bytes.toUpperCase(), 'vni')).toBe(letters.toUpperCase());
      expect(encodeLegacy(letters, 'vni')).toBe(bytes);
    }
    // A capital base with a lower-case modifier (only the first key shifted) is still one letter.
    expect(decodeLegacy('A\xf9nh', 'vni')).toBe('Ánh');
  });

  it('round-trip every letter through the encoder, in both encodings', () => {
    for (const encoding of ['tcvn3', 'vni'] as const) {
      const codes = LOWER.map((ch) => encodeLegacy(ch, encoding));
      expect(new Set(codes).size).toBe(67);
      for (const ch of LOWER) {
        const code = encodeLegacy(ch, encoding);
        // Only TCVN3 ý (0xFD) and VNI ì í (0xEC 0xED) are their own Latin-1 character.
        if (code === ch) expect(encoding === 'tcvn3' ? ['ý'] : ['ì', 'í']).toContain(ch);
        expect(code.length).toBeLessThanOrEqual(encoding === 'tcvn3' ? 1 : 2);
        expect(decodeLegacy(code, encoding)).toBe(ch);
      }
    }
    for (const ch of UPPER) expect(decodeLegacy(encodeLegacy(ch, 'vni'), 'vni')).toBe(ch);
    for (const ch of TCVN3_CAPITALS) {
      expect(encodeLegacy(ch, 'tcvn3')).toHaveLength(1);
      expect(decodeLegacy(encodeLegacy(ch, 'tcvn3'), 'tcvn3')).toBe(ch);
    }
    // Other capitals use the lower-case code, which reads back as a capital inside a word typed in capitals.
    for (const ch of UPPER) {
      if (!TCVN3_CAPITALS.includes(ch)) expect(encodeLegacy(ch, 'tcvn3')).toBe(encodeLegacy(ch.toLowerCase(), 'tcvn3'));
      expect(decodeLegacy(encodeLegacy(`NG${ch}`, 'tcvn3'), 'tcvn3')).toBe(`NG${ch}`);
    }
  });
});

// ── Conversion ───────────────────────────────────────────────────────────────────────────────────

describe('repairText on legacy text', () => {
  const cases: Array<[string, string, LegacyEncoding]> = [
    ['Hä vµ tªn', 'Họ và tên', 'tcvn3'],
    ['NguyÔn V¨n An', 'Nguyễn Văn An', 'tcvn3'],
    ['§¶ng Céng s¶n ViÖt Nam', 'Đảng Cộng sản Việt Nam', 'tcvn3'],
    ['Ngµy sinh', 'Ngày sinh', 'tcvn3'],
    ['§¬n vÞ', 'Đơn vị', 'tcvn3'],
    ['D\xad¬ng ThÞ Thu H\xad¬ng', 'Dương Thị Thu Hương', 'tcvn3'],
    ['TrÇn ¸nh', 'Trần ánh', 'tcvn3'],
    ['Hoï vaø teân', 'Họ và tên', 'vni'],
    ['Nguyeãn Vaên An', 'Nguyễn Văn An', 'vni'],
    ['Ñaûng Coäng saûn Vieät Nam', 'Đảng Cộng sản Việt Nam', 'vni'],
    ['Nguyeãn Vaên Bình', 'Nguyễn Văn Bình', 'vni'],
    ['Traàn Thò Bích Ngoïc', 'Trần Thị Bích Ngọc', 'vni'],
    ['Döông Vaên Phöôùc', 'Dương Văn Phước', 'vni'],
    ['Ñaø Naüng', 'Đà Nẵng', 'vni'],
  ];
  it.each(cases)('%s → %s (%s)', (legacy, unicode, encoding) => {
    expect(repairText(legacy)).toEqual({ text: unicode, encoding });
  });

  it('converts full lines of either encoding', () => {
    const line = 'Danh sách cán bộ, công chức, viên chức';
    expect(repairText('Danh s¸ch c¸n bé, c«ng chøc, viªn chøc')).toEqual({ text: line, encoding: 'tcvn3' });
    expect(repairText('Danh saùch caùn boä, coâng chöùc, vieân chöùc')).toEqual({ text: line, encoding: 'vni' });
    const address = 'Số 12, phố Hàng Bông, phường Hàng Gai, quận Hoàn Kiếm, thành phố Hà Nội';
    for (const encoding of ['tcvn3', 'vni'] as const) {
      expect(repairText(encodeLegacy(address, encoding))).toEqual({ text: address, encoding });
    }
  });

  it('reads TCVN3 typed in capitals (the .VnTimeH way) as capitals', () => {
    expect(repairText('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM')).toEqual({ text: 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', encoding: 'tcvn3' });
    expect(repairText('§éc lËp - Tù do - H¹nh phóc')).toEqual({ text: 'Độc lập - Tự do - Hạnh phúc', encoding: 'tcvn3' });
    expect(repairText('NGUYÔN V¡N AN')).toEqual({ text: 'NGUYỄN VĂN AN', encoding: 'tcvn3' });
    expect(repairText('DANH S¸CH C¸N Bé')).toEqual({ text: 'DANH SÁCH CÁN BỘ', encoding: 'tcvn3' });
    // One capital is a capitalised word, not a word in capitals.
    expect(repairText('Lª Hµ')).toEqual({ text: 'Lê Hà', encoding: 'tcvn3' });
    expect(repairText('Hä')).toEqual({ text: 'Họ', encoding: 'tcvn3' });
    // Typed in lower case for an H font, it stays lower case: the font is not in the string.
    expect(decodeLegacy('céng hoµ', 'tcvn3')).toBe('cộng hoà');
  });

  it('capitalises a toned first letter in a line of capitalised TCVN3 words (ABC has no code for Á)', () => {
    expect(repairText('NguyÔn V¨n ¸nh')).toEqual({ text: 'Nguyễn Văn Ánh', encoding: 'tcvn3' });
    expect(repairText('TrÇn ThÞ ¸i Ph\xad¬ng')).toEqual({ text: 'Trần Thị Ái Phương', encoding: 'tcvn3' });
    // Not in sentence case, nor with a single capitalised word to go by.
    expect(repairText('Sè ¶nh cña NguyÔn V¨n An')).toEqual({ text: 'Số ảnh của Nguyễn Văn An', encoding: 'tcvn3' });
    expect(repairText('Lª ¸nh')).toEqual({ text: 'Lê ánh', encoding: 'tcvn3' });
  });

  it('returns NFC and leaves what is not a legacy letter alone', () => {
    const out = repairText('1. Hä vµ tªn: NguyÔn V¨n An (sinh 1975) – "§¶ng viªn"');
    expect(out).toEqual({ text: '1. Họ và tên: Nguyễn Văn An (sinh 1975) – "Đảng viên"', encoding: 'tcvn3' });
    expect(out.text.normalize('NFC')).toBe(out.text);
  });

  it('decides ambiguous text by which reading gives Vietnamese syllables', () => {
    // VNI "Hoï" read as TCVN3 is "Hoù" (no such rhyme); TCVN3 "Bïi" read as VNI has a stray modifier.
    expect(repairText('Hoï')).toEqual({ text: 'Họ', encoding: 'vni' });
    expect(repairText('Bïi')).toEqual({ text: 'Bùi', encoding: 'tcvn3' });
    expect(repairText('Buøi')).toEqual({ text: 'Bùi', encoding: 'vni' });
    expect(repairText('Tæng')).toEqual({ text: 'Tổng', encoding: 'tcvn3' });
    expect(repairText('Toång')).toEqual({ text: 'Tổng', encoding: 'vni' });
    // A true tie, one word readable both ways: TCVN3 unless it is written in capitals.
    expect(repairText('Höng')).toEqual({ text: 'Hửng', encoding: 'tcvn3' });
    expect(repairText('Thuû')).toEqual({ text: 'Thuỷ', encoding: 'tcvn3' });
    expect(repairText('HOÏ')).toEqual({ text: 'HỌ', encoding: 'vni' });
    // The other words of the cell settle it.
    expect(repairText('Nguyeãn Vaên Höng')).toEqual({ text: 'Nguyễn Văn Hưng', encoding: 'vni' });
    expect(repairText('NguyÔn ThÞ Thuû')).toEqual({ text: 'Nguyễn Thị Thuỷ', encoding: 'tcvn3' });
    expect(repairText('HOÏ VAØ TEÂN')).toEqual({ text: 'HỌ VÀ TÊN', encoding: 'vni' });
  });

  it('leaves legacy words that are spelled with Vietnamese letters only (no rule can tell)', () => {
    // TCVN3 "Tó" is Tú, "Dòng" Dũng; VNI "Hoà" is Hồ, "Sôn" Sơn, "Thò" Thị: each is also plausible Unicode.
    for (const s of ['Tó', 'Dòng', 'Hoà', 'Sôn', 'Thò']) expect(repairText(s)).toEqual({ text: s, encoding: null });
  });

  it('catches legacy words by letters in places Vietnamese spelling never puts them', () => {
    const cases: Array<[string, string, LegacyEncoding]> = [
      ['NguyÔn', 'Nguyễn', 'tcvn3'], // an accented capital inside a lower-case word
      ['BÊc', 'Bấc', 'tcvn3'],
      ['Huúnh', 'Huỳnh', 'tcvn3'], // u before ú: no such vowel pair
      ['Vaên', 'Văn', 'vni'],
      ['Voõ', 'Võ', 'vni'],
      ['Quèc', 'Quốc', 'tcvn3'], // huyền or ngã before a final stop
      ['Lòch', 'Lịch', 'vni'],
      ['Trònh', 'Trịnh', 'vni'], // no rhyme "onh"
      ['Quoác', 'Quốc', 'vni'], // no rhyme "uoa"
      ['Vâ', 'Võ', 'tcvn3'], // no syllable ends in â
    ];
    for (const [legacy, unicode, encoding] of cases) expect(repairText(legacy)).toEqual({ text: unicode, encoding });
  });
});

// ── Ordinary text ────────────────────────────────────────────────────────────────────────────────

describe('ordinary text is never altered', () => {
  const ordinary = [
    '', 'abc', 'Nguyễn Văn An', 'Lê Hà', 'Hồ Thị Thu Hà', 'Tô Mỹ', 'Võ Tá Đô', 'Ông', 'Ý', 'CÔNG AN', 'Trần Ánh Dương',
    'Lý Thị Tám', 'Hoà Bình', 'HOÀ BÌNH', 'Thuý', 'Quý', 'Khoé', 'Xuân', 'Thuê', 'Tiên', 'Yên', 'Giúp', 'Già', 'Quà',
    'Soóc Trăng', 'Café', 'Über', 'Müller', 'Straße', 'Noël', 'naïve', 'España', 'Señor Núñez', 'Ångström', 'Øresund',
    'François', 'Zoë', 'Jürgen', 'Où est-il ?', 'aún', 'São Paulo', 'résumé', '12/03/1975', '30 năm', '1.234,5', '© 2020',
    '§ 3', '½', '25 °C', 'Mã số: 0123456789', '«Tô»',
  ];
  it.each(ordinary)('%s', (s) => {
    expect(detectLegacy(s)).toBeNull();
    expect(repairText(s).text).toBe(s);
    expect(repairText(s).encoding).toBeNull();
  });

  it('never touches NFD Vietnamese', () => {
    for (const s of ['Nguyễn Văn An', 'Lê Hà', 'Ông', 'Hoà']) expect(detectLegacy(s.normalize('NFD'))).toBeNull();
  });

  it('never detects any spelling-correct syllable, in lower case, capitalised or in capitals', () => {
    expect(SYLLABLES.length).toBeGreaterThan(10000);
    for (const s of SYLLABLES) {
      for (const form of [s, capitalize(s), s.toUpperCase()]) {
        if (detectLegacy(form) !== null) throw new Error(`detected: ${form}`);
      }
    }
  });

  it('property: random strings of Vietnamese letters, digits and spaces are never detected', () => {
    const alphabet = [...LETTERS, ' ', ' ', '0', '1', '5', '9'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((a) => a.join('')), (s) => {
      expect(detectLegacy(s)).toBeNull();
      expect(detectLegacy(s.normalize('NFD'))).toBeNull();
      const repaired = repairText(s);
      expect(repaired.encoding).toBeNull();
      expect(repaired.text).toBe(s);
    }), { numRuns: 2000 });
  });

  it('property: random Vietnamese phrases, any casing, are never detected', () => {
    const word = fc.tuple(fc.constantFrom(...SYLLABLES), fc.constantFrom('lower', 'capital', 'upper')).map(([s, c]) => (c === 'lower' ? s : c === 'capital' ? capitalize(s) : s.toUpperCase()));
    const phrase = fc.tuple(fc.array(word, { minLength: 1, maxLength: 6 }), fc.constantFrom(' ', ', ', ' - ')).map(([ws, sep]) => ws.join(sep));
    fc.assert(fc.property(phrase, (s) => {
      expect(repairText(s)).toEqual({ text: s, encoding: null });
    }), { numRuns: 2000 });
  });
});

// ── Legacy text, generated ───────────────────────────────────────────────────────────────────────

/**
 * `got` is `want` but for word-initial capitals ABC has no code for, read back in lower case (a single
 * capitalised word gives nothing to restore the case from).
 */
function onlyAbcCapitalsLost(got: string, want: string): boolean {
  const g = got.split(' ');
  const w = want.split(' ');
  return g.length === w.length && g.every((word, k) => word === w[k]
    || (word.slice(1) === w[k].slice(1) && word[0] === w[k][0].toLowerCase() && !TCVN3_CAPITALS.includes(w[k][0])));
}

/**
 * What repairText may do with `word` encoded in `encoding`: convert it back exactly; leave it when no
 * rule could tell it from Unicode; or, for a VNI/TCVN3 tie, take the bytes as the other encoding's
 * spelling of another valid word.
 */
function checkRoundTrip(word: string, encoding: LegacyEncoding): 'converted' | 'untouched' | 'tie' {
  const legacy = encodeLegacy(word, encoding);
  const out = repairText(legacy);
  if (out.encoding === encoding && (out.text === word || (encoding === 'tcvn3' && onlyAbcCapitalsLost(out.text, word)))) return 'converted';
  if (out.encoding === null && out.text === legacy && indistinguishable(legacy)) return 'untouched';
  const tie = out.encoding !== null && out.encoding !== encoding && encodeLegacy(out.text, out.encoding) === legacy
    && [...legacy].every((ch) => ch.charCodeAt(0) < 0x80 || VIET_LATIN1.includes(ch) || TIE_BYTES.includes(ch));
  if (tie) return 'tie';
  throw new Error(`${encoding} ${JSON.stringify(word)} → ${JSON.stringify(legacy)} → ${JSON.stringify(out)}`);
}

describe('legacy text is converted back', () => {
  it('every accented syllable, in each encoding and the casings it can write', () => {
    const seen = { converted: 0, untouched: 0, tie: 0 };
    for (const s of ACCENTED_SYLLABLES) {
      for (const w of [s, capitalize(s)]) seen[checkRoundTrip(w, 'tcvn3')]++;
      for (const w of [s, capitalize(s), s.toUpperCase()]) seen[checkRoundTrip(w, 'vni')]++;
    }
    // Most are converted; the rest are the documented limits.
    expect(seen.converted / (seen.converted + seen.untouched + seen.tie)).toBeGreaterThan(0.75);
  });

  const accented = fc.constantFrom(...ACCENTED_SYLLABLES);
  const plain = fc.constantFrom(...allSyllables(false, LEGACY_RHYMES).filter((s) => s.length > 1));
  const phrase = (casings: Array<(s: string) => string>) => fc.tuple(
    fc.array(fc.oneof(accented, plain), { minLength: 0, maxLength: 4 }), accented, fc.constantFrom(...casings),
  ).map(([words, one, casing]) => [...words, one].map(casing).join(' '));

  it('property: TCVN3 phrases with a diacritic convert back (or are left, when indistinguishable from Unicode)', () => {
    fc.assert(fc.property(phrase([(s) => s, capitalize]), (p) => {
      fc.pre(!encodeLegacy(p, 'tcvn3').toLowerCase().split(' ').some((w) => w === 'aún' || w === 'où'));
      checkRoundTrip(p, 'tcvn3');
    }), { numRuns: 3000 });
  });

  it('property: VNI phrases with a diacritic convert back (or are left, or are a documented VNI/TCVN3 tie)', () => {
    fc.assert(fc.property(phrase([(s) => s, capitalize, (s) => s.toUpperCase()]), (p) => {
      // VNI "ẳn" is spelled "aún", which is Spanish too: read as foreign on purpose (the Unicode test
      // above keeps "aún" as it is), so a phrase holding it may stay unconverted. A documented limit.
      fc.pre(!encodeLegacy(p, 'vni').toLowerCase().split(' ').some((w) => w === 'aún' || w === 'où'));
      checkRoundTrip(p, 'vni');
    }), { numRuns: 3000 });
  });

  it('property: a legacy phrase with a marker or a tell-tale letter order is always detected', () => {
    for (const encoding of ['tcvn3', 'vni'] as const) {
      fc.assert(fc.property(phrase([(s) => s]), (p) => {
        const legacy = encodeLegacy(p, encoding);
        fc.pre(!indistinguishable(legacy));
        // VNI "ẳn" ("aún") and "où" are read as foreign words on purpose: the documented limit the
        // round-trip properties above leave out too (seen: "ẳn bà" in VNI, left undetected).
        fc.pre(!legacy.toLowerCase().split(' ').some((w) => w === 'aún' || w === 'où'));
        expect(detectLegacy(legacy)).not.toBeNull();
      }), { numRuns: 1000 });
    }
  });
});

// ── The one-pass shortcut of ingest ──────────────────────────────────────────────────────────────

describe('ready text (taken as it is by ingest, in one pass)', () => {
  it('is ordinary Unicode and ASCII cell text', () => {
    for (const s of ['Nguyễn Văn An', 'LÊ THỊ HÀ', 'Đơn vị số 1', 'NĐ 108/2014/NĐ-CP', 'x', 'Hoà', 'Đắk Lắk']) expect(isReadyText(s)).toBe(true);
  });

  it('is not text that must be tidied, repaired or is blank', () => {
    const notReady = [
      '', ' ', ' An', 'An ', 'An  Bình', 'An\u00a0Bình', 'An\tBình', '\u3000', '\u1680', '\u2003', 'Nguyễn Văn An'.normalize('NFD'),
      encodeLegacy('Nguyễn Văn An', 'tcvn3'), encodeLegacy('Nguyễn Văn An', 'vni'), 'Hä vµ tªn',
    ];
    for (const s of notReady) expect(isReadyText(s)).toBe(false);
  });

  it('property: ready text is what the long way leaves as it is (not blank, no legacy encoding, nothing to tidy)', () => {
    const pieces = [
      ...LETTERS, ...SYLLABLES.slice(0, 300), 'a', 'Z', '7', '/', '-', ' ', ' ', '  ', '\u00a0', '\t', '\n', '\u1680', '\u3000', '\u2003', '\u0301', '\u0085',
      'µ', '¸', 'ª', '«', 'ñ', 'ø', 'ö', 'Ô', 'è', '\ufeff', '\uff21',
      ...SYLLABLES.slice(0, 300).flatMap((w) => [encodeLegacy(w, 'tcvn3'), encodeLegacy(w, 'vni')]),
    ];
    let ready = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((a) => a.join('')), (s) => {
      if (!isReadyText(s)) return;
      ready++;
      expect(s.trim()).not.toBe('');
      expect(needsCleaning(s)).toBe(false);
      expect(detectLegacy(s)).toBeNull();
    }), { numRuns: 5000 });
    // The property is not empty: a good share of the strings drawn are ready.
    expect(ready).toBeGreaterThan(100);
  });
});
