/**
 * A city's workbook like the one a department head sent back: no `tochuc` settings sheet, a units
 * sheet, a staff list and a merger plan in which six Front and mass-organisation secretariats were
 * merged into one new unit on 01/03/2018, years before the structure's day (01/03/2025). The staff
 * list already places their people in the new unit; the units sheet gives the dissolved
 * secretariats a 2017 quota only, and one of them (Hội Nông dân) none at all. On the structure's
 * day two offices merge into a new one and one office absorbs another (its people still listed
 * under the old names).
 *
 * `npx tsx test/helpers/earlyMergerBook.ts out.xlsx` writes it for a look with the CLI.
 */
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';

export const FRONT = 'Cơ quan chuyên trách MTTQ và các đoàn thể thành phố';
export const FRONT_SOURCES = ['Cơ quan Ủy ban MTTQ Việt Nam thành phố', 'Thành đoàn', 'Hội Liên hiệp Phụ nữ thành phố', 'Hội Nông dân thành phố', 'Hội Cựu chiến binh thành phố', 'Liên đoàn Lao động thành phố'];
/** Their "Biên chế giao năm 2017"; Hội Nông dân has none. */
export const FRONT_QUOTAS_2017 = [8, 5, 4, null, 3, 5];
export const CULTURE = 'Phòng Văn hóa - Xã hội';
export const ECONOMY = 'Phòng Kinh tế';
export const AGRICULTURE = 'Phòng Nông nghiệp và Phát triển nông thôn';
export const MERGED_ON = '01/03/2018';
export const STRUCTURE_DAY = '01/03/2025';

type Row = Array<string | number | null>;

// Unit, block, quota 2017, quota 2024, deputies allowed, note.
const UNITS: Row[] = [
  ['Văn phòng HĐND và UBND', 'Chính quyền', 16, 15, 3, null],
  ['Phòng Nội vụ', 'Chính quyền', 8, 8, 2, null],
  ['Phòng Văn hóa và Thông tin', 'Chính quyền', 6, 5, 2, null],
  ['Phòng Y tế', 'Chính quyền', 5, 4, 1, null],
  [CULTURE, 'Chính quyền', null, 8, 2, `Hợp nhất từ ${STRUCTURE_DAY}`],
  [ECONOMY, 'Chính quyền', 9, 8, 2, null],
  [AGRICULTURE, 'Chính quyền', 7, 6, 2, null],
  ...FRONT_SOURCES.map((u, i): Row => [u, 'MTTQ và các đoàn thể', FRONT_QUOTAS_2017[i], null, null, `Đã hợp nhất từ ${MERGED_ON}`]),
  [FRONT, 'MTTQ và các đoàn thể', null, 20, 3, `Thành lập ${MERGED_ON}`],
];

const PLAN: Row[] = [
  ...FRONT_SOURCES.map((u): Row => [u, FRONT, 'Hợp nhất', MERGED_ON, 'Hợp nhất cơ quan chuyên trách tham mưu, giúp việc']),
  ['Phòng Văn hóa và Thông tin', CULTURE, 'Hợp nhất', STRUCTURE_DAY, null],
  ['Phòng Y tế', CULTURE, 'Hợp nhất', STRUCTURE_DAY, null],
  [AGRICULTURE, ECONOMY, 'Sáp nhập', STRUCTURE_DAY, null],
];

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang', 'Đặng Văn Hải', 'Bùi Thị Hoa', 'Đỗ Văn Khánh', 'Ngô Thị Lan', 'Dương Văn Long', 'Lý Thị Mai', 'Phan Văn Nam', 'Trịnh Thị Oanh', 'Mai Văn Phúc', 'Đinh Thị Quyên', 'Lương Văn Sơn', 'Tạ Thị Thu'];

/** `count` people of a unit: the head, `deputies` deputies, the others specialists. */
function people(unit: string, head: string, deputy: string, deputies: number, count: number, from: number): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const name = `${NAMES[n % NAMES.length]} ${String.fromCharCode(65 + Math.floor(n / NAMES.length))}`;
    const position = i === 0 ? head : i <= deputies ? deputy : 'Chuyên viên';
    return [name, `${String((n % 27) + 1).padStart(2, '0')}/${String((n % 12) + 1).padStart(2, '0')}/${1970 + (n % 25)}`, n % 2 ? 'Nữ' : 'Nam', position, unit, 'Công chức', null, null];
  });
}

function staffRows(): Row[] {
  let n = 0;
  const take = (rows: Row[]) => ((n += rows.length), rows);
  return [
    // The Front unit since 2018: its people listed under the new name (1 head, 4 deputies for 3 places).
    ...take(people(FRONT, 'Chánh Văn phòng', 'Phó Chánh Văn phòng', 4, 18, n)),
    // People who left the secretariats before the merger are still listed under the old names.
    ['Hà Văn Tâm', '12/05/1958', 'Nam', 'Phó Bí thư Thành đoàn', 'Thành đoàn', 'Cán bộ', 'Nghỉ hưu', '01/06/2017'],
    ['Kiều Thị Vân', '03/09/1961', 'Nữ', 'Chuyên viên', 'Hội Nông dân thành phố', 'Công chức', 'Nghỉ hưu', '15/10/2016'],
    ...take(people('Phòng Văn hóa và Thông tin', 'Trưởng phòng', 'Phó Trưởng phòng', 1, 5, n)),
    ...take(people('Phòng Y tế', 'Trưởng phòng', 'Phó Trưởng phòng', 1, 4, n)),
    ...take(people(ECONOMY, 'Trưởng phòng', 'Phó Trưởng phòng', 2, 8, n)),
    ...take(people(AGRICULTURE, 'Trưởng phòng', 'Phó Trưởng phòng', 2, 6, n)),
    ...take(people('Văn phòng HĐND và UBND', 'Chánh Văn phòng', 'Phó Chánh Văn phòng', 2, 14, n)),
    ...take(people('Phòng Nội vụ', 'Trưởng phòng', 'Phó Trưởng phòng', 2, 7, n)),
  ];
}

function sheet(wb: ExcelJS.Workbook, name: string, title: string, header: string[], rows: Row[], widths: number[]): void {
  const ws = wb.addWorksheet(name);
  ws.getCell('A1').value = title;
  ws.mergeCells(1, 1, 1, header.length);
  ws.getRow(3).values = header;
  rows.forEach((row, i) => {
    ws.getRow(4 + i).values = [i + 1, ...row.map((v) => v ?? undefined)] as ExcelJS.CellValue[];
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** Writes the workbook into `dir` and returns its path. */
export async function writeEarlyMergerBook(dir: string, fileName = 'thanh-pho-sap-xep.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2025, 2, 1));
  sheet(wb, 'Bien che', 'DANH SÁCH CƠ QUAN, ĐƠN VỊ VÀ BIÊN CHẾ ĐƯỢC GIAO', ['STT', 'Tên cơ quan, đơn vị', 'Khối', 'Biên chế giao năm 2017', 'Biên chế giao năm 2024', 'Số cấp phó tối đa', 'Ghi chú'], UNITS, [6, 48, 22, 12, 12, 10, 28]);
  sheet(wb, 'DS CBCCVC', 'DANH SÁCH CÁN BỘ, CÔNG CHỨC', ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chức vụ', 'Đơn vị công tác', 'Đối tượng', 'Tình trạng', 'Ngày nghỉ'], staffRows(), [6, 24, 12, 8, 24, 48, 12, 12, 12]);
  sheet(wb, 'Phuong an', 'PHƯƠNG ÁN SẮP XẾP TỔ CHỨC BỘ MÁY', ['STT', 'Đơn vị hiện tại', 'Đơn vị sau sắp xếp', 'Hình thức', 'Ngày hiệu lực', 'Ghi chú'], PLAN, [6, 44, 48, 12, 12, 44]);
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, fileName);
  await wb.xlsx.writeFile(file);
  return file;
}

if (require.main === module) {
  const out = path.resolve(process.argv[2] ?? 'thanh-pho-sap-xep.xlsx');
  writeEarlyMergerBook(path.dirname(out), path.basename(out)).then((file) => console.log(file));
}
