import type { FillPlan, OrgChartPlan, SheetPlan } from '../../src/templates/plan';

/**
 * A hand-built organisation chart of Móng Cái after the merger of its party and government
 * agencies (the three merged units marked new), for the layout, executor and browser tests until
 * the merger report produces its own.
 */
export const MONG_CAI_ORG_CHART: OrgChartPlan = {
  title: 'Sơ đồ tổ chức bộ máy sau sắp xếp',
  anchor: 'F2',
  boxes: [
    { id: 'root', text: 'Thành phố Móng Cái' },
    { id: 'dang', text: 'Khối Đảng', parent: 'root' },
    { id: 'dang-1', text: 'Văn phòng Thành ủy', parent: 'dang' },
    { id: 'dang-2', text: 'Ban Tổ chức Thành ủy - Phòng Nội vụ', parent: 'dang', isNew: true },
    { id: 'dang-3', text: 'Ủy ban Kiểm tra Thành ủy - Thanh tra Thành phố', parent: 'dang', isNew: true },
    { id: 'dang-4', text: 'Ban Tuyên giáo và Dân vận Thành ủy', parent: 'dang' },
    { id: 'dang-5', text: 'Trung tâm Chính trị thành phố', parent: 'dang' },
    { id: 'cq', text: 'Khối chính quyền', parent: 'root' },
    { id: 'cq-1', text: 'Văn phòng HĐND và UBND thành phố', parent: 'cq' },
    { id: 'cq-2', text: 'Phòng Tài chính - Kế hoạch', parent: 'cq' },
    { id: 'cq-3', text: 'Phòng Kinh tế', parent: 'cq' },
    { id: 'cq-4', text: 'Phòng Quản lý đô thị', parent: 'cq' },
    { id: 'cq-5', text: 'Phòng Tài nguyên và Môi trường', parent: 'cq' },
    { id: 'cq-6', text: 'Phòng Văn hóa, Khoa học và Thông tin', parent: 'cq' },
    { id: 'cq-7', text: 'Phòng Giáo dục và Đào tạo', parent: 'cq' },
    { id: 'cq-8', text: 'Phòng Y tế', parent: 'cq' },
    { id: 'cq-9', text: 'Phòng Tư pháp', parent: 'cq' },
    { id: 'mt', text: 'Khối MTTQ và các đoàn thể', parent: 'root' },
    { id: 'mt-1', text: 'Cơ quan chuyên trách MTTQ và các đoàn thể thành phố', parent: 'mt', isNew: true },
    { id: 'sn', text: 'Đơn vị sự nghiệp', parent: 'root' },
    { id: 'sn-1', text: 'Trung tâm Truyền thông và Văn hóa', parent: 'sn' },
    { id: 'sn-2', text: 'Ban Quản lý dự án đầu tư xây dựng', parent: 'sn' },
    { id: 'sn-3', text: 'Trung tâm Phát triển quỹ đất', parent: 'sn' },
    { id: 'sn-4', text: 'Trung tâm Dịch vụ nông nghiệp', parent: 'sn' },
  ],
};

/** The sheet of the chart in the tests: its name, column widths (characters) and row heights (points). */
export const ORG_CHART_SHEET = 'Sơ đồ tổ chức';
export const ORG_CHART_WIDTHS = [6, 44, 24, 22, 4];
export const ORG_CHART_HEIGHTS = [30];

/**
 * A fill plan of one sheet that carries the chart, as the merger report's chart sheet does: a title,
 * the structure as an indented table in columns A to C, and the chart (when given) anchored beside it.
 */
export function orgChartFillPlan(chart: OrgChartPlan | undefined, structure: OrgChartPlan = chart ?? MONG_CAI_ORG_CHART): FillPlan {
  const rows = structure.boxes.map((b, i) => [{ value: String(i + 1) }, { value: `${b.parent ? '    ' : ''}${b.text}` }, { value: b.isNew ? 'Thành lập mới' : '' }]);
  const sheet: SheetPlan = {
    name: ORG_CHART_SHEET,
    rows: [[{ value: 'SƠ ĐỒ TỔ CHỨC BỘ MÁY SAU SẮP XẾP' }], ...rows],
    styles: [], merges: ['A1:D1'], columnWidths: ORG_CHART_WIDTHS, rowHeights: ORG_CHART_HEIGHTS,
    ...(chart ? { orgChart: chart } : {}),
    marker: { report: 'merger', period: '2025-07-01', generatedAt: '2026-11-22T08:00:00Z' },
  };
  return { sheets: [sheet], issues: [] };
}
