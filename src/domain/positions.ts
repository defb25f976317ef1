import { foldKey } from './text';

/**
 * Heads (cấp trưởng) and deputies (cấp phó) of a unit, from the position column as officers write
 * it (docs/domain.md, "Heads and deputies"). The merger report counts them against the maximum
 * number of deputies a unit may have (NĐ 150/2025; Kết luận 137-KL/TW).
 */
export type LeaderRole = 'head' | 'deputy';

// Titles of membership, written before the office they go with ("Ủy viên BTV Thành ủy, Trưởng Ban Tổ chức"): not an office of the unit.
const MEMBERSHIP = /^(?:uy vien\b|thanh uy vien\b|tinh uy vien\b|huyen uy vien\b|quan uy vien\b|dang uy vien\b|dai bieu\b)/;
// Acting (quyền, Q.) and "in charge" (phụ trách) take the role of the title they go with.
const ACTING = /^(?:quyen|q)\s+/;
const DEPUTY = /^(?:pho\b|hieu pho\b)/;
// Head titles: "Trưởng phòng", "Giám đốc", "Chánh Văn phòng", "Chủ nhiệm", "Chủ tịch", "Bí thư", and
// the "…trưởng" heads of an office ("Hiệu trưởng", "Viện trưởng", "Cục trưởng", "Thủ trưởng").
// "Kế toán trưởng" and "Tổ trưởng" lead no unit: they are not here.
const HEAD = /^(?:truong\b|tong giam doc\b|giam doc\b|chanh\b|chu nhiem\b|chu tich\b|bi thu\b|(?:hieu|vien|cuc|chi cuc|tong cuc|vu|thu|bo|so) truong\b|tong bien tap\b)/;

/** The offices a position holds, in the order written: "A kiêm B", "A, B", "A - B", "A/B", "A; B". */
function titles(position: string): string[] {
  return position
    .normalize('NFC')
    .replace(/\bkiêm\b/giu, ',')
    .split(/\s[-–]\s|[,;/()]/)
    .map(foldKey)
    .filter(Boolean);
}

/**
 * The role of the first office in the position: "Quyền Trưởng phòng" is a head, "Phó Trưởng phòng
 * kiêm Chánh Văn phòng" a deputy (the first title counts), "Chuyên viên" neither. Undefined when
 * the position leads nothing, or is empty.
 */
export function leaderRole(position: string | undefined): LeaderRole | undefined {
  if (!position) return undefined;
  for (const raw of titles(position)) {
    if (MEMBERSHIP.test(raw)) continue;
    const title = raw.replace(ACTING, '');
    if (DEPUTY.test(title)) return 'deputy';
    if (HEAD.test(title)) return 'head';
    return undefined;
  }
  return undefined;
}
