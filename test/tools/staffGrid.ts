/**
 * The benchmark's staff list: a generated grid as a workbook reader gives it, with no import
 * beyond the sources (the benchmark bundles the in-memory part with it).
 */
import type { SheetGrid } from '../../src/ingest/grid';
import type { CellValue } from '../../src/ingest/values';
import { mulberry32 } from '../../src/domain/sampling';

const HO = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const DEM = ['Văn', 'Thị', 'Hữu', 'Đức', 'Thu', 'Minh', 'Thanh', 'Quốc'];
const TEN = ['An', 'Bình', 'Hà', 'Hương', 'Lan', 'Nam', 'Tuấn', 'Hùng', 'Dũng', 'Nga', 'Thảo', 'Long', 'Hải', 'Yến'];
const UNITS = Array.from({ length: 60 }, (_, i) => `Đơn vị số ${i + 1}`);
const CATEGORIES = ['Công chức', 'CC', 'Viên chức', 'VC', 'HĐLĐ', 'Cán bộ', 'Công chức cấp xã'];
const POSITIONS = ['Chuyên viên', 'Trưởng phòng', 'Phó Trưởng phòng', 'Giáo viên', 'Nhân viên', null];

/** A messy staff grid as officers keep it: title rows, a two-row header, text and real dates. */
export function staffGrid(rows: number, seed = 1): SheetGrid {
  const rnd = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const date = (from: number, to: number): CellValue => {
    const y = from + Math.floor(rnd() * (to - from));
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    return rnd() < 0.8 ? `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}` : new Date(Date.UTC(y, m - 1, d));
  };
  const grid: CellValue[][] = [
    ['ỦY BAN NHÂN DÂN THÀNH PHỐ'], ['DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC'], [],
    ['STT', 'Họ và tên', 'Ngày sinh', null, 'Đơn vị công tác', 'Chức vụ', 'Đối tượng', 'Tình trạng', 'Ngày biến động', 'Hình thức tinh giản', 'Căn cứ', 'Ngạch', 'Đảng viên'],
    [null, null, 'Nam', 'Nữ'],
  ];
  for (let i = 0; i < rows; i++) {
    const female = rnd() < 0.5;
    const reduced = rnd() < 0.05;
    grid.push([
      i + 1, `${pick(HO)} ${female ? 'Thị' : pick(DEM)} ${pick(TEN)}`, female ? null : date(1960, 2000), female ? date(1960, 2000) : null,
      pick(UNITS), pick(POSITIONS), pick(CATEGORIES), reduced ? 'Tinh giản' : null, reduced ? date(2015, 2020) : null,
      reduced ? 'Nghỉ hưu trước tuổi' : null, reduced ? 'NĐ 108/2014/NĐ-CP' : null, 'Chuyên viên', rnd() < 0.4 ? 'x' : null,
    ]);
  }
  // Strings as a workbook reader gives them: flat (the template literals above build ropes, whose
  // first character access pays for flattening), and one instance per distinct text, as the
  // .xlsx shared-strings table makes them.
  const shared = new Map<string, string>();
  for (const row of grid) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string') continue;
      let flat = shared.get(v);
      if (flat === undefined) {
        flat = Buffer.from(v).toString();
        shared.set(flat, flat);
      }
      row[c] = flat;
    }
  }
  return { name: 'DS CBCCVC', rows: grid };
}
