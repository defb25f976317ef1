/**
 * Inputs whose text the report cannot write as it is: names and units holding
 * characters XML 1.0 forbids, which reach the report's appendix and issues sheet. Each is a staff
 * list as offices keep it (the title rows, the header in row 4, two people reduced in 2019 and two
 * not), written by hand, as only hand-made XML carries these characters: through OOXML's `_xHHHH_`
 * escape (what Excel writes for them), through a character reference (`&#xFFFE;`, which lenient
 * readers take), and literal text that merely looks like such an escape. test/hostileOutput.test.ts
 * writes the reduction report of each and holds the file to well-formed XML and the names to what
 * was read.
 */
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { ND108, NS, SUBTITLE, TITLE, HEADER, columnName, escapeXml, handMadeXlsx, longText, repack, type Fixtures } from './make';

/**
 * The staff list with the four people's name and unit XML given: rows 5–8, people 2 and 3 reduced
 * in 2019 (as make.ts's PEOPLE). `names` and `units` are XML, not text. Text cells are shared
 * strings, as Excel writes them (Excel never writes inline strings).
 */
function staffXlsx(names: string[], units: string[]): Uint8Array {
  const sst: string[] = [];
  const shared = (ref: string, xml: string) => `<c r="${ref}" t="s"><v>${sst.push(xml) - 1}</v></c>`;
  const text = (ref: string, s: string) => shared(ref, escapeXml(s));
  const head = `<row r="1">${text('A1', TITLE)}</row><row r="2">${text('A2', SUBTITLE)}</row><row r="4">${HEADER.map((h, c) => text(`${columnName(c)}4`, h)).join('')}</row>`;
  const rest = [
    ['12/03/1975', 'Nam', 'Trưởng phòng', 'Công chức'],
    ['05/07/1980', 'Nữ', 'Chuyên viên', 'Công chức', 'Tinh giản', '15/06/2019', 'Thôi việc ngay', ND108],
    ['20/11/1962', 'Nam', 'Phó Chánh Văn phòng', 'Công chức', 'Nghỉ hưu', '01/09/2019', 'Nghỉ hưu trước tuổi', ND108],
    ['02/02/1990', 'Nữ', 'Điều dưỡng', 'Viên chức'],
  ];
  const rows = rest.map((r, i) => {
    const n = i + 5;
    const [birth, sex, position, category, ...left] = r;
    const leaving = left.map((v, j) => text(`${columnName(7 + j)}${n}`, v)).join('');
    return `<row r="${n}"><c r="A${n}"><v>${i + 1}</v></c>${shared(`B${n}`, names[i])}${text(`C${n}`, birth)}${text(`D${n}`, sex)}${shared(`E${n}`, units[i])}${text(`F${n}`, position)}${text(`G${n}`, category)}${leaving}</row>`;
  });
  const parts = unzipSync(handMadeXlsx('DS CBCCVC', `<sheetData>${head}${rows.join('')}</sheetData>`));
  parts['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${sst.length}" uniqueCount="${sst.length}">${sst.map((x) => `<si><t xml:space="preserve">${x}</t></si>`).join('')}</sst>`);
  const types = strFromU8(parts['[Content_Types].xml']);
  parts['[Content_Types].xml'] = strToU8(types.replace('</Types>', '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'));
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']);
  parts['xl/_rels/workbook.xml.rels'] = strToU8(rels.replace('</Relationships>', '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'));
  return repack(parts);
}

export const FIXTURES: Fixtures = {
  /** 53. U+FFFF and U+FFFE written the OOXML way (`_xFFFF_`), in the names and units of people reduced and not. */
  '53-names-xffff-escape.xlsx': () =>
    staffXlsx(['Nguyễn Văn An_xFFFF_', 'Trần Thị_xFFFF_ Bình', '_xFFFE_Lê Văn Cường', 'Phạm Thị Dung'], ['Phòng Nội vụ', 'Phòng Nội vụ_xFFFF_', 'Văn phòng HĐND và UBND', 'Trung tâm Y tế']),

  /** 54. The same characters as character references (`&#xFFFE;`, `&#xFFFF;`), which XML forbids but lenient readers take. */
  '54-names-char-reference.xlsx': () =>
    staffXlsx(['Nguyễn Văn An', 'Trần Thị Bình&#xFFFE;', 'Lê Văn &#xFFFF;Cường', 'Phạm Thị Dung'], ['Phòng Nội vụ', 'Phòng &#xFFFE;Nội vụ', 'Văn phòng HĐND và UBND', 'Trung tâm Y tế']),

  /** 55. Control characters: NUL, BEL, backspace, vertical tab, form feed, unit separator, a carriage return and a tab (allowed) as `_xHHHH_`. */
  '55-names-control-characters.xlsx': () =>
    staffXlsx(['Nguyễn Văn An', 'Trần_x0000_ Thị_x0007_ Bình_x0008_', 'Lê Văn_x000B_ Cường_x000C__x001F_', 'Phạm Thị Dung'], ['Phòng Nội vụ', 'Phòng Nội vụ_x000D_', 'Văn phòng_x0009_HĐND và UBND', 'Trung tâm Y tế']),

  /** 56. Lone UTF-16 surrogates (a high half, a low half; a pair written as two escapes stays one character, 😀). */
  '56-names-lone-surrogates.xlsx': () =>
    staffXlsx(['Nguyễn Văn An', 'Trần Thị Bình_xD800_', 'Lê Văn _xDC00_Cường _xD83D__xDE00_', 'Phạm Thị Dung'], ['Phòng Nội vụ', 'Phòng Nội vụ_xDBFF_', 'Văn phòng HĐND và UBND', 'Trung tâm Y tế']),

  /** 57. Text that only looks like an escape: `_x0041_` written as Excel does (`_x005F_x0041_`), and lower-case `_x00e9_`, which no reader decodes. */
  '57-names-literal-x-escape.xlsx': () =>
    staffXlsx(['Nguyễn Văn An', 'Trần Thị Bình _x005F_x0041_', 'Lê Văn Cường _x00e9_', 'Phạm Thị Dung'], ['Phòng Nội vụ', 'Phòng Nội vụ _x005F_xFFFF_', 'Văn phòng HĐND và UBND', 'Trung tâm Y tế']),

  /** 58. A 32,767-character name (Excel's most) with U+FFFF near its start and a BEL at its end, and a unit of the same length holding U+0001. */
  '58-long-cell-forbidden.xlsx': () =>
    staffXlsx(
      ['Nguyễn Văn An', `Trần Thị Bình_xFFFF_ ${escapeXml(longText('Nguyễn Thị Bích Ngọc ', 32_767 - 15 - 1))}_x0007_`, 'Lê Văn Cường', 'Phạm Thị Dung'],
      ['Phòng Nội vụ', `Phòng Nội vụ_x0001_ ${escapeXml(longText('Phòng Tổ chức cán bộ ', 32_767 - 14))}`, 'Văn phòng HĐND và UBND', 'Trung tâm Y tế'],
    ),
};
