/**
 * A staff list of any size up to Excel's 1,048,576 rows, as an .xlsx an officer could hand the CLI:
 * the title rows, the header of the hostile corpus's lists (test/tools/corpus/make.ts),
 * 60 units, names as staffGrid.ts makes them, dates as text (80 %) or date serials, and 5 % of the
 * people reduced in 2019, so that the 2019 report's appendix lists about 50,000 of a million.
 * Written row by row through tochuc's zip writer (src/workbook/xlsx/zipWriter.ts, zlib), with a shared-
 * strings table as Excel writes one: memory stays flat whatever the size. Generated once into
 * node_modules/.cache/tochuc-bench/ and reused while its size, seed and this file are the same.
 *
 * `npx tsx test/tools/bigStaffList.ts [rows] [out.xlsx]`
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { mulberry32 } from '../../src/domain/sampling';
import { createZipFile } from '../../src/workbook/xlsx/zipFile';
import { HEADER, ND108, SUBTITLE, TITLE } from './corpus/make';

export const BIG_LIST_SEED = 20191231;
export const CACHE_DIR = path.join(__dirname, '..', '..', 'node_modules', '.cache', 'tochuc-bench');

const HO = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const DEM = ['Văn', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc'];
const DEM_NU = ['Thị', 'Thu', 'Ngọc', 'Thanh'];
const TEN = ['An', 'Bình', 'Hà', 'Hương', 'Lan', 'Nam', 'Tuấn', 'Hùng', 'Dũng', 'Nga', 'Thảo', 'Long', 'Hải', 'Yến'];
const UNITS = Array.from({ length: 60 }, (_, i) => (i < 12 ? ['Phòng Nội vụ', 'Phòng Tài chính - Kế hoạch', 'Phòng Tư pháp', 'Phòng Y tế', 'Phòng Giáo dục và Đào tạo', 'Văn phòng HĐND và UBND', 'Phòng Kinh tế', 'Phòng Quản lý đô thị', 'Phòng Tài nguyên và Môi trường', 'Phòng Lao động - Thương binh và Xã hội', 'Phòng Văn hóa và Thông tin', 'Thanh tra thành phố'][i] : `Trường Tiểu học số ${i - 11}`));
const POSITIONS = ['Chuyên viên', 'Chuyên viên', 'Trưởng phòng', 'Phó Trưởng phòng', 'Giáo viên', 'Giáo viên', 'Nhân viên', ''];
const CATEGORIES = ['Công chức', 'Viên chức', 'Viên chức', 'Hợp đồng lao động', 'Cán bộ'];
const FORMS: Array<[string, string]> = [['Nghỉ hưu', 'Nghỉ hưu trước tuổi'], ['Tinh giản', 'Thôi việc ngay'], ['Tinh giản', 'Thôi việc sau khi đi học nghề'], ['Nghỉ hưu', 'Nghỉ hưu trước tuổi']];

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
/** Excel's serial of a day (1900 system, after 28/02/1900). */
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

function columnLetters(col: number): string {
  return col < 26 ? String.fromCharCode(65 + col) : String.fromCharCode(64 + Math.floor(col / 26)) + String.fromCharCode(65 + (col % 26));
}

/** Writes the list of `rows` people (Excel's grid holds 1,048,571 under the five rows above them). */
export async function writeBigStaffList(file: string, rows: number, seed = BIG_LIST_SEED): Promise<{ reduced: number }> {
  const people = Math.min(rows, 1_048_576 - 5);
  const rnd = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const strings = new Map<string, number>();
  const sst: string[] = [];
  let refs = 0;
  const s = (text: string): string => {
    refs++;
    let i = strings.get(text);
    if (i === undefined) {
      i = sst.push(text) - 1;
      strings.set(text, i);
    }
    return String(i);
  };
  const str = (ref: string, text: string) => (text ? `<c r="${ref}" t="s"><v>${s(text)}</v></c>` : '');
  const num = (ref: string, n: number, style = 0) => `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${n}</v></c>`;
  // A date written as text (dd/mm/yyyy, as most lists keep them) or as a date-formatted serial.
  const date = (ref: string, y: number, m: number, d: number) => (rnd() < 0.8 ? str(ref, `${pad2(d)}/${pad2(m)}/${y}`) : num(ref, serial(y, m, d), 1));

  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const zip = await createZipFile(tmp);
  const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  await zip.add('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`);
  await zip.add('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  await zip.add('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="DS CBCCVC" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  await zip.add('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  await zip.add('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="12"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`);

  const sheet = await zip.part('xl/worksheets/sheet1.xml');
  sheet.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}"><dimension ref="A1:K${people + 4}"/><cols><col min="2" max="2" width="28" customWidth="1"/><col min="5" max="5" width="30" customWidth="1"/></cols><sheetData>`);
  sheet.write(`<row r="1">${str('A1', TITLE)}</row><row r="2">${str('A2', SUBTITLE)}</row><row r="4">${HEADER.map((h, c) => str(`${columnLetters(c)}4`, h)).join('')}</row>`);
  let reduced = 0;
  for (let i = 0; i < people; i++) {
    const r = i + 5;
    const female = rnd() < 0.5;
    const name = `${pick(HO)} ${female ? pick(DEM_NU) : pick(DEM)} ${pick(TEN)}`;
    let row = `<row r="${r}">${num(`A${r}`, i + 1)}${str(`B${r}`, name)}${date(`C${r}`, 1960 + Math.floor(rnd() * 40), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28))}${str(`D${r}`, female ? 'Nữ' : 'Nam')}${str(`E${r}`, pick(UNITS))}${str(`F${r}`, pick(POSITIONS))}${str(`G${r}`, pick(CATEGORIES))}`;
    if (rnd() < 0.05) {
      reduced++;
      const [status, form] = pick(FORMS);
      row += `${str(`H${r}`, status)}${date(`I${r}`, 2019, 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28))}${str(`J${r}`, form)}${str(`K${r}`, ND108)}`;
    }
    if (sheet.write(row + '</row>')) await sheet.flush();
  }
  sheet.write('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  await sheet.end();
  const shared = await zip.part('xl/sharedStrings.xml');
  shared.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${refs}" uniqueCount="${sst.length}">`);
  for (const text of sst) if (shared.write(`<si><t>${xml(text)}</t></si>`)) await shared.flush();
  shared.write('</sst>');
  await shared.end();
  await zip.close();
  fs.renameSync(tmp, file);
  return { reduced };
}

/** The list of `rows` people in the cache, generated when missing or made by another version of this file. */
export async function ensureBigStaffList(rows: number, seed = BIG_LIST_SEED): Promise<{ file: string; bytes: number; generated: boolean }> {
  const src = path.join(__dirname, '..', '..', 'src', 'workbook');
  const generator = [path.join(src, 'xlsx', 'zipWriter.ts'), path.join(src, 'codec', 'node.ts')].reduce((hash, file) => hash.update(fs.readFileSync(file)), crypto.createHash('sha1').update(fs.readFileSync(__filename))).digest('hex').slice(0, 12);
  const file = path.join(CACHE_DIR, `staff-${rows}-${seed}-${generator}.xlsx`);
  const generated = !fs.existsSync(file);
  if (generated) {
    // Lists made by earlier versions of the generator go.
    if (fs.existsSync(CACHE_DIR)) for (const old of fs.readdirSync(CACHE_DIR)) if (old.startsWith(`staff-${rows}-`)) fs.rmSync(path.join(CACHE_DIR, old), { force: true });
    await writeBigStaffList(file, rows, seed);
  }
  return { file, bytes: fs.statSync(file).size, generated };
}

if (require.main === module) {
  const rows = Number(process.argv[2] ?? 1_048_571);
  const out = process.argv[3];
  void (out ? writeBigStaffList(out, rows).then((r) => console.log(`${out}: ${rows} rows, ${r.reduced} reduced`)) : ensureBigStaffList(rows).then((r) => console.log(`${r.file}: ${r.bytes} bytes${r.generated ? ' (generated)' : ''}`)));
}
