import { foldKey } from './text';

/**
 * Controlled vocabularies of the input sheets (docs/reports.md, 1. Input sheets, "Vocabularies"):
 * each canonical code with the words officers write for it. Matching is on folded text (no case,
 * diacritics or spacing), exact first, then by the longest alias the cell starts with ("Nghỉ hưu
 * trước tuổi (NĐ 108)").
 */
export interface Vocabulary<T extends string> {
  readonly name: string;
  /** Vietnamese name of the list, for messages. */
  readonly label: string;
  lookup(text: string): T | undefined;
  readonly codes: readonly T[];
}

export function vocabulary<T extends string>(name: string, label: string, aliases: Record<T, readonly string[]>): Vocabulary<T> {
  const exact = new Map<string, T>();
  const prefixes: Array<[string, T]> = [];
  for (const code of Object.keys(aliases) as T[]) {
    for (const alias of aliases[code]) {
      const key = foldKey(alias);
      exact.set(key, code);
      prefixes.push([key, code]);
    }
  }
  prefixes.sort((a, b) => b[0].length - a[0].length);
  // Vocabulary cells repeat endlessly (thousands of "Công chức"): remember every answer.
  const memo = new Map<string, T | undefined>();
  return {
    name,
    label,
    codes: Object.keys(aliases) as T[],
    lookup(text: string): T | undefined {
      const cached = memo.get(text);
      if (cached !== undefined || memo.has(text)) return cached;
      const key = foldKey(text);
      let found = exact.get(key);
      if (found === undefined) {
        for (const [prefix, code] of prefixes) {
          if (key.startsWith(prefix + ' ')) {
            found = code;
            break;
          }
        }
      }
      if (memo.size < 10000) memo.set(text, found);
      return found;
    },
  };
}

export type Category = 'canBo' | 'congChuc' | 'vienChuc' | 'nguoiLaoDong' | 'capXa' | 'khongChuyenTrach';
// "Công chức cấp xã" must win over "Công chức": exact folded matches and the longest prefix ensure it.
export const categories = vocabulary<Category>('category', 'đối tượng', {
  canBo: ['Cán bộ', 'CB'],
  congChuc: ['Công chức', 'CC'],
  vienChuc: ['Viên chức', 'VC'],
  nguoiLaoDong: ['Người lao động', 'NLĐ', 'Lao động hợp đồng', 'Hợp đồng lao động', 'HĐLĐ', 'HĐ68', 'HĐ 68', 'HĐ111', 'HĐ 111', 'Hợp đồng 68', 'Hợp đồng 111', 'Hợp đồng'],
  capXa: ['Cán bộ, công chức cấp xã', 'Cán bộ công chức cấp xã', 'Cán bộ cấp xã', 'Công chức cấp xã', 'CBCC cấp xã', 'CB cấp xã', 'CC cấp xã'],
  khongChuyenTrach: ['Người hoạt động không chuyên trách cấp xã', 'Người hoạt động không chuyên trách', 'Không chuyên trách', 'Không chuyên trách cấp xã', 'KCT'],
});

export type StaffStatus = 'active' | 'reduced' | 'retired' | 'transferred' | 'resigned' | 'dismissed' | 'deceased';
export const staffStatuses = vocabulary<StaffStatus>('staffStatus', 'tình trạng', {
  active: ['Đang công tác', 'Đang làm việc', 'Hiện có', 'Còn công tác', 'Active'],
  reduced: ['Tinh giản', 'Tinh giản biên chế', 'TGBC', 'Nghỉ tinh giản', 'Tinh giản theo NĐ 108', 'Tinh giản theo NĐ 29'],
  retired: ['Nghỉ hưu', 'Nghỉ chế độ', 'Hưu', 'Nghỉ hưu đúng tuổi'],
  transferred: ['Chuyển công tác', 'Điều động', 'Chuyển đi'],
  resigned: ['Thôi việc', 'Nghỉ việc', 'Xin thôi việc'],
  dismissed: ['Buộc thôi việc'],
  deceased: ['Từ trần', 'Chết', 'Mất', 'Đã mất'],
});

export type ReductionForm = 'earlyRetirement' | 'resignation' | 'resignationAfterTraining' | 'transferOutsideBudget';
export const reductionForms = vocabulary<ReductionForm>('reductionForm', 'hình thức tinh giản', {
  earlyRetirement: ['Nghỉ hưu trước tuổi', 'Về hưu trước tuổi', 'Nghỉ hưu sớm', 'Hưu trước tuổi'],
  resignation: ['Thôi việc ngay', 'Nghỉ thôi việc ngay'],
  resignationAfterTraining: ['Thôi việc sau khi đi học nghề', 'Thôi việc sau học nghề', 'Đi học nghề'],
  transferOutsideBudget: [
    'Chuyển sang tổ chức không hưởng lương từ NSNN',
    'Chuyển sang tổ chức không hưởng lương từ ngân sách nhà nước',
    'Chuyển sang tổ chức không hưởng lương thường xuyên từ NSNN',
    'Chuyển sang đơn vị không hưởng lương từ NSNN',
  ],
});

export type Block = 'dang' | 'chinhQuyen' | 'doanThe' | 'suNghiep' | 'capXa';
export const blocks = vocabulary<Block>('block', 'khối', {
  dang: ['Đảng', 'Khối Đảng', 'Khối các cơ quan Đảng', 'Cơ quan Đảng'],
  chinhQuyen: ['Chính quyền', 'Khối Chính quyền', 'QLNN', 'Quản lý nhà nước', 'Khối QLNN', 'Hành chính', 'Cơ quan hành chính'],
  doanThe: ['MTTQ và các đoàn thể', 'Khối MTTQ và các đoàn thể', 'Mặt trận và đoàn thể', 'Đoàn thể', 'MTTQ', 'Khối đoàn thể'],
  suNghiep: ['Sự nghiệp', 'Khối sự nghiệp', 'Đơn vị sự nghiệp', 'ĐVSN'],
  capXa: ['Xã, phường', 'Cấp xã', 'Xã phường', 'Khối xã, phường', 'Phường, xã', 'Xã, phường, thị trấn'],
});

/** The blocks as the documents name them (a unit's block left empty: "Chưa ghi khối"). */
export const BLOCK_LABELS: Record<Block | 'unspecified', string> = {
  dang: 'Khối Đảng',
  chinhQuyen: 'Khối chính quyền',
  doanThe: 'Khối MTTQ và các đoàn thể',
  suNghiep: 'Khối sự nghiệp',
  capXa: 'Xã, phường, thị trấn',
  unspecified: 'Chưa ghi khối',
};

export type MergerForm = 'merge' | 'absorb' | 'transferFunction' | 'dissolve' | 'keep';
export const mergerForms = vocabulary<MergerForm>('mergerForm', 'hình thức sắp xếp', {
  merge: ['Hợp nhất'],
  absorb: ['Sáp nhập', 'Sáp nhập vào'],
  transferFunction: ['Chuyển chức năng', 'Chuyển giao chức năng', 'Chuyển nhiệm vụ'],
  dissolve: ['Giải thể'],
  keep: ['Giữ nguyên', 'Không thay đổi', 'Giữ ổn định'],
});

export type MemberStatus = 'active' | 'transferredIn' | 'restored' | 'transferredOut' | 'deceased' | 'removed' | 'expelled' | 'resigned';
// "Miễn sinh hoạt" keeps membership: it maps to active (docs/domain.md, "Party rules").
export const memberStatuses = vocabulary<MemberStatus>('memberStatus', 'tình trạng đảng viên', {
  active: ['Đang sinh hoạt', 'Miễn sinh hoạt', 'Miễn công tác và sinh hoạt đảng', 'Miễn công tác', 'Sinh hoạt tạm thời'],
  transferredIn: ['Chuyển đến', 'Chuyển sinh hoạt đến', 'Nhận chuyển đến'],
  restored: ['Phục hồi đảng tịch', 'Phục hồi'],
  transferredOut: ['Chuyển đi', 'Chuyển sinh hoạt đi', 'Chuyển sinh hoạt đảng đi'],
  deceased: ['Từ trần', 'Chết', 'Đã mất', 'Mất'],
  removed: ['Xóa tên', 'Xoá tên', 'Xóa tên khỏi danh sách'],
  expelled: ['Khai trừ', 'Khai trừ khỏi Đảng'],
  resigned: ['Xin ra khỏi Đảng', 'Xin ra Đảng', 'Ra khỏi Đảng'],
});

export type Rating = 'excellent' | 'good' | 'completed' | 'failed';
export const ratings = vocabulary<Rating>('rating', 'xếp loại', {
  excellent: ['HTXSNV', 'Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành xuất sắc', 'Trong sạch vững mạnh tiêu biểu', 'TSVM tiêu biểu'],
  good: ['HTTNV', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành tốt', 'Trong sạch vững mạnh', 'TSVM'],
  completed: ['HTNV', 'Hoàn thành nhiệm vụ', 'Hoàn thành'],
  failed: ['KHTNV', 'Không hoàn thành nhiệm vụ', 'Không hoàn thành', 'Yếu kém'],
});

export type OrgLevel = 'baseCommittee' | 'baseCell' | 'subCell';
export const orgLevels = vocabulary<OrgLevel>('orgLevel', 'cấp tổ chức đảng', {
  baseCommittee: ['Đảng bộ cơ sở', 'ĐBCS', 'Đảng bộ'],
  baseCell: ['Chi bộ cơ sở', 'CBCS'],
  subCell: ['Chi bộ trực thuộc', 'Chi bộ trực thuộc đảng ủy cơ sở', 'Chi bộ trực thuộc ĐUCS', 'Chi bộ'],
});

export type TaskStatus = 'done' | 'doneLate' | 'inProgress' | 'notStarted';
export const taskStatuses = vocabulary<TaskStatus>('taskStatus', 'kết quả thực hiện', {
  done: ['Hoàn thành', 'Đã hoàn thành', 'Hoàn thành đúng hạn', 'Xong'],
  doneLate: ['Hoàn thành quá hạn', 'Hoàn thành chậm', 'Hoàn thành nhưng quá hạn', 'Hoàn thành muộn'],
  inProgress: ['Đang thực hiện', 'Đang triển khai', 'Chưa hoàn thành', 'Đang làm'],
  notStarted: ['Chưa thực hiện', 'Chưa triển khai', 'Chưa làm'],
});

export type Sex = 'male' | 'female';
export const sexes = vocabulary<Sex>('sex', 'giới tính', {
  male: ['Nam', 'M', 'Male'],
  female: ['Nữ', 'F', 'Female', 'Nu'],
});
