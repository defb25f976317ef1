import type { PartyQuarterlyReport, Movements } from './figures';
import { dayText } from '../../domain/period';
import { viPercentFormula } from '../../templates/numberFormats';
import { appendixName, documentTemplate, type OrgDetails, type TableColumn } from '../../templates/layout';
import type { TemplateSheet } from '../../templates/parse';
import { formatInline } from '../../templates/planner';
import { documentFigures, type DocumentContext } from '../../templates/document';

/**
 * The built-in "Báo cáo kết quả thực hiện chỉ tiêu công tác xây dựng Đảng": the report sheet
 * (membership movement in the layout of Biểu 1-BTCTW with "Kỳ này | Cùng kỳ năm trước | %",
 * admissions against the plan and the profile of Biểu 2, population share, organisations and their
 * ratings, tasks by owner), and three appendices: probation overdue and due, the Party badge batch,
 * the tasks drawn for the spot check. Keys are the contract of docs/reports.md (2. Reports) plus
 * the presentation lists made by `partyQuarterlyFigures`.
 */

export const PARTY_SHEET = 'Chỉ tiêu XDĐ';
export const PROBATION_SHEET = 'PL Dự bị';
export const BADGES_SHEET = 'PL Huy hiệu';
export const AUDIT_SHEET = 'PL Kiểm tra NV';

// STT, indicator, three figures: one grid for every table of the report sheet (A4 portrait).
const REPORT_WIDTHS = [6, 36, 15, 15, 15];
const LIST_WIDTHS = [5, 24, 11, 34, 12, 12, 12];

/** STT, a label and three figures; a `note` key makes a left-aligned, wrapping column of remarks. */
const figureColumns = (label: string, headers: [string, string, string], keys: [string, string, string]): TableColumn[] => [
  { header: 'STT', cell: '{{no}}', align: 'center' },
  { header: label, cell: '{{label}}' },
  ...headers.map((header, i): TableColumn => ({ header, cell: `{{${keys[i]}}}`, align: keys[i] === 'note' ? 'left' : 'right' })),
];

function memberColumns(last: TableColumn[]): TableColumn[] {
  return [
    { header: 'STT', cell: '{{@index}}' },
    { header: 'Họ và tên', cell: '{{fullName}}' },
    { header: 'Ngày sinh', cell: '{{birthDate}}', align: 'center' },
    { header: 'Chi bộ', cell: '{{partyCell}}' },
    { header: 'Ngày vào Đảng', cell: '{{joinDate}}', align: 'center' },
    ...last,
  ];
}

export function partyQuarterlyTemplates(variant: OrgDetails['variant'] = 'party', recipients: readonly string[] = []): TemplateSheet[] {
  const report = documentTemplate({
    name: PARTY_SHEET, org: { variant }, widths: REPORT_WIDTHS, orientation: 'portrait', top: 'report',
    title: 'BÁO CÁO', subtitle: 'Kết quả thực hiện các chỉ tiêu công tác xây dựng Đảng', periodLine: '(Từ ngày {{period.fromText}} đến ngày {{period.toText}})',
    sections: [
      { kind: 'paragraph', text: 'Thực hiện chế độ báo cáo định kỳ về công tác tổ chức xây dựng Đảng, {{org.issuingBodyText}} báo cáo kết quả thực hiện các chỉ tiêu như sau:' },
      { kind: 'heading', text: 'I. ĐẢNG VIÊN' },
      { kind: 'paragraph', text: '1. Biến động số lượng đảng viên (theo Biểu 1-BTCTW):' },
      { kind: 'table', table: { list: 'movement.lines', columns: figureColumns('Chỉ tiêu', ['Kỳ này', 'Cùng kỳ năm trước', 'So với cùng kỳ (%)'], ['current', 'previous', 'compareRate']) } },
      { kind: 'paragraph', text: '{{movement.summary}}' },
      { kind: 'paragraph', text: '2. Kết nạp đảng viên: {{admission.summary}}' },
      { kind: 'table', table: { list: 'admission.quarters', columns: figureColumns('Quý', ['Kết nạp trong quý', 'Lũy kế từ đầu năm', 'Kế hoạch năm'], ['admitted', 'cumulative', 'plan']), chart: { title: 'Kết nạp đảng viên theo quý so với kế hoạch năm', type: 'columnClustered', fromCol: 1, toCol: 4 } } },
      { kind: 'paragraph', text: 'Cơ cấu đảng viên mới kết nạp trong kỳ (theo Biểu 2-BTCTW):' },
      { kind: 'table', table: { list: 'admission.profileLines', columns: figureColumns('Cơ cấu', ['Số người', 'Tỷ lệ (%)', 'Ghi chú'], ['count', 'shareRate', 'note']) } },
      { kind: 'paragraph', text: '3. Tỷ lệ đảng viên so với dân số: {{population.summary}}' },
      { kind: 'heading', text: 'II. TỔ CHỨC ĐẢNG' },
      { kind: 'table', table: { list: 'orgs.lines', columns: figureColumns('Chỉ tiêu', ['Số lượng', 'Tỷ lệ (%)', 'Ghi chú'], ['count', 'shareRate', 'note']) } },
      { kind: 'paragraph', text: '{{orgs.summary}}' },
      { kind: 'paragraph', text: 'Xếp loại chất lượng tổ chức cơ sở đảng năm {{ratings.yearText}}:' },
      { kind: 'table', table: { list: 'ratings.lines', totalLabel: 'Tổng số', columns: [...figureColumns('Mức xếp loại', ['Số tổ chức', 'Tỷ lệ (%)', 'Ghi chú'], ['count', 'shareRate', 'note']).map((c, i) => (i === 2 ? { ...c, total: true } : c))], chart: { title: 'Cơ cấu xếp loại tổ chức cơ sở đảng', type: 'pie', fromCol: 1, toCol: 2 } } },
      { kind: 'paragraph', text: '{{ratings.summary}}' },
      { kind: 'heading', text: 'III. THỰC HIỆN NHIỆM VỤ ĐĂNG KÝ NĂM {{tasks.year}}' },
      { kind: 'paragraph', text: '{{tasks.summary}}' },
      {
        kind: 'table',
        table: {
          list: 'tasks.byOwner', totalLabel: 'Tổng cộng',
          columns: [
            { header: 'STT', cell: '{{@index}}' },
            { header: 'Đơn vị thực hiện', cell: '{{owner}}' },
            { header: 'Đăng ký', cell: '{{registered}}', total: true, align: 'right' },
            { header: 'Hoàn thành', cell: '{{done}}', total: true, align: 'right' },
            { header: 'Tỷ lệ (%)', cell: '{{rate}}', total: viPercentFormula('D{row}', 'C{row}'), align: 'right' },
          ],
        },
      },
      { kind: 'paragraph', text: `Danh sách đảng viên dự bị quá hạn và đến hạn xét chuyển chính thức (${appendixName(variant, 1)}), danh sách đề nghị tặng Huy hiệu Đảng (${appendixName(variant, 2)}) và danh sách nhiệm vụ kiểm tra ngẫu nhiên (${appendixName(variant, 3)}) kèm theo.` },
    ],
    signature: { recipients: [...recipients] },
  });

  const probation = documentTemplate({
    name: PROBATION_SHEET, org: { variant }, widths: LIST_WIDTHS, orientation: 'landscape', top: 'appendix', appendixNumber: 1, compiler: true,
    appendixNote: '(Kèm theo Báo cáo {{org.documentNumberText}} ngày {{reportDate.text}})',
    title: 'DANH SÁCH ĐẢNG VIÊN DỰ BỊ QUÁ HẠN VÀ ĐẾN HẠN XÉT CHUYỂN ĐẢNG CHÍNH THỨC', periodLine: '(Tính đến ngày {{period.toText}})',
    sections: [
      { kind: 'heading', text: 'A. Đã hết 12 tháng dự bị nhưng chưa được công nhận chính thức: {{probation.overdueCount}} đảng viên' },
      { kind: 'table', table: { list: 'probation.overdue', columns: memberColumns([{ header: 'Hết hạn dự bị', cell: '{{dueDate}}', align: 'center' }, { header: 'Số ngày quá hạn', cell: '{{daysOverdue}}', align: 'right' }]) } },
      { kind: 'heading', text: 'B. Hết thời hạn dự bị trong quý tới ({{probation.nextQuarterText}}): {{probation.dueCount}} đảng viên' },
      { kind: 'table', table: { list: 'probation.dueNextQuarter', columns: memberColumns([{ header: 'Hết hạn dự bị', cell: '{{dueDate}}', align: 'center' }, { header: 'Ghi chú', cell: '' }]) } },
    ],
  });

  const badges = documentTemplate({
    name: BADGES_SHEET, org: { variant }, widths: LIST_WIDTHS, orientation: 'landscape', top: 'appendix', appendixNumber: 2, compiler: true,
    appendixNote: '(Kèm theo Báo cáo {{org.documentNumberText}} ngày {{reportDate.text}})',
    title: 'DANH SÁCH ĐẢNG VIÊN ĐỦ TUỔI ĐẢNG ĐỀ NGHỊ TẶNG HUY HIỆU ĐẢNG', periodLine: '(Đợt {{badges.nextDateText}}: đủ tuổi đảng từ sau ngày {{badges.previousDateText}} đến ngày {{badges.nextDateText}})',
    sections: [
      { kind: 'table', table: { list: 'badges.due', totalLabel: 'Tổng số: {{badges.count}} đảng viên', columns: memberColumns([{ header: 'Huy hiệu (năm)', cell: '{{years}}', align: 'center' }, { header: 'Ngày đủ tuổi đảng', cell: '{{anniversary}}', align: 'center' }]) } },
      { kind: 'paragraph', text: '{{badges.summary}}' },
    ],
  });

  const audit = documentTemplate({
    name: AUDIT_SHEET, org: { variant }, widths: [5, 48, 26, 12, 16, 20], orientation: 'landscape', top: 'appendix', appendixNumber: 3, compiler: true,
    appendixNote: '(Kèm theo Báo cáo {{org.documentNumberText}} ngày {{reportDate.text}})',
    title: 'DANH SÁCH NHIỆM VỤ KIỂM TRA NGẪU NHIÊN', periodLine: '{{tasks.sampleText}}',
    sections: [
      {
        kind: 'table',
        table: {
          list: 'tasks.auditSample',
          columns: [
            { header: 'STT', cell: '{{@index}}' },
            { header: 'Nội dung nhiệm vụ', cell: '{{task}}' },
            { header: 'Đơn vị thực hiện', cell: '{{owner}}' },
            { header: 'Thời hạn', cell: '{{deadline}}', align: 'center' },
            { header: 'Kết quả đã báo cáo', cell: '{{statusLabel}}' },
            { header: 'Kết quả kiểm tra', cell: '' },
          ],
        },
      },
      { kind: 'paragraph', text: 'Cách chọn: rút ngẫu nhiên từ {{tasks.registered}} nhiệm vụ đăng ký năm {{tasks.year}} với hạt giống {{tasks.seedText}}; rút lại với cùng hạt giống cho đúng danh sách này.' },
    ],
  });
  return [report, probation, badges, audit];
}

// Figures in running text, written as the template engine writes them: 1.234 and 89,96%.
const count = (n: number) => formatInline(n, 'count');
const percent = (rate: number) => formatInline(rate, 'rate');
const ratio = (part: number, whole: number | null) => (whole ? part / whole : null);

const TASK_STATUS: Record<string, string> = { done: 'Hoàn thành', doneLate: 'Hoàn thành quá hạn', inProgress: 'Đang thực hiện', notStarted: 'Chưa thực hiện' };
const RATING_LABELS = { excellent: 'Hoàn thành xuất sắc nhiệm vụ', good: 'Hoàn thành tốt nhiệm vụ', completed: 'Hoàn thành nhiệm vụ', failed: 'Không hoàn thành nhiệm vụ' } as const;

/** Biểu 1-BTCTW: đầu kỳ; tăng (kết nạp, chuyển đến, phục hồi); giảm (từ trần, khai trừ, xóa tên — trong đó dự bị —, xin ra, chuyển đi); cuối kỳ. */
function movementLines(m: Movements, last: Movements) {
  // Not "lastYear": keys ending in Year are written as plain years (2.318 would read 2318).
  const row = (no: string, label: string, key: keyof Movements) => ({ no, label, current: m[key], previous: last[key], compareRate: ratio(m[key], last[key]) });
  return [
    row('1', 'Đảng viên đầu kỳ', 'start'),
    row('2', 'Tăng trong kỳ', 'increase'),
    row('2.1', 'Kết nạp', 'admitted'),
    row('2.2', 'Chuyển đến', 'transferredIn'),
    row('2.3', 'Phục hồi đảng tịch', 'restored'),
    row('3', 'Giảm trong kỳ', 'decrease'),
    row('3.1', 'Từ trần', 'deceased'),
    row('3.2', 'Khai trừ', 'expelled'),
    row('3.3', 'Xóa tên', 'removed'),
    row('', 'Trong đó: đảng viên dự bị', 'removedProbationary'),
    row('3.4', 'Xin ra khỏi Đảng', 'resigned'),
    row('3.5', 'Chuyển đi', 'transferredOut'),
    row('4', 'Đảng viên cuối kỳ', 'end'),
  ];
}

function movementSummary(r: PartyQuarterlyReport): string {
  const m = r.members;
  // A balance that does not hold is the data's problem, said in the issues (partyQuarterly/figures.ts, balanceIssue), not in the document.
  return `Đến ngày ${dayText(r.period.to)}: ${count(m.end)} đảng viên, trong đó ${count(m.official)} chính thức, ${count(m.probationary)} dự bị; nữ ${count(m.female)} (${percent(ratio(m.female, m.end) ?? 0)}); dân tộc thiểu số ${count(m.ethnicMinority)}; có tôn giáo ${count(m.religious)}.`;
}

function admissionSummary(r: PartyQuarterlyReport): string {
  const a = r.admission;
  const compare = a.samePeriodLastYear ? ` (cùng kỳ năm trước ${count(a.samePeriodLastYear)}, bằng ${percent(a.period / a.samePeriodLastYear)})` : '';
  const plan = a.plan !== null && a.planRate !== null ? `, đạt ${percent(a.planRate)} kế hoạch năm (${count(a.plan)})` : ' (sổ chưa có kế hoạch kết nạp của năm)';
  return `trong kỳ kết nạp ${count(a.period)} đảng viên${compare}; lũy kế từ đầu năm ${count(a.ytd)}${plan}.`;
}

function profileLines(r: PartyQuarterlyReport) {
  const p = r.admission.profile;
  const n = r.admission.period;
  const line = (no: string, label: string, value: number, note = '') => ({ no, label, count: value, shareRate: ratio(value, n), note });
  return [
    line('1', 'Nữ', p.female),
    line('2', 'Đoàn viên thanh niên (18–30 tuổi khi kết nạp)', p.youth),
    line('3', 'Dân tộc thiểu số', p.ethnicMinority),
    line('4', 'Người có đạo', p.religious),
    { no: '5', label: 'Tuổi bình quân khi kết nạp', count: p.averageAge === null ? null : Math.round(p.averageAge * 10) / 10, shareRate: null, note: p.ageUnknown ? `${p.ageUnknown} người thiếu ngày sinh` : '' },
    ...p.ageBands.map((b, i) => line(`6.${i + 1}`, `Từ ${b.band.replace('–', ' đến ')} tuổi`.replace('Từ Trên 60 tuổi', 'Trên 60 tuổi'), b.count)),
  ];
}

function populationSummary(r: PartyQuarterlyReport): string {
  const p = r.population;
  if (p.total === null || p.memberShare === null) return 'sổ chưa có số dân để tính tỷ lệ.';
  let text = `${count(r.members.end)} đảng viên trên ${count(p.total)} dân${p.year ? ` (dân số năm ${p.year})` : ''}, bằng ${percent(p.memberShare)}`;
  if (p.target !== null && p.gap !== null) text += p.gap > 0 ? `; mục tiêu ${percent(p.target)}, còn thiếu ${count(p.gap)} đảng viên.` : `; đạt mục tiêu ${percent(p.target)}.`;
  else text += '.';
  return text;
}

function orgLines(r: PartyQuarterlyReport) {
  const o = r.orgs;
  const e = r.eHandbook;
  return [
    { no: '1', label: 'Tổ chức cơ sở đảng', count: o.baseOrgs, shareRate: null, note: '' },
    { no: '1.1', label: 'Đảng bộ cơ sở', count: o.baseCommittees, shareRate: null, note: '' },
    { no: '1.2', label: 'Chi bộ cơ sở', count: o.baseCells, shareRate: null, note: '' },
    { no: '2', label: 'Chi bộ (chi bộ cơ sở và chi bộ trực thuộc)', count: o.cells, shareRate: null, note: '' },
    { no: '2.1', label: 'Chi bộ trực thuộc đảng ủy cơ sở', count: o.subCells, shareRate: null, note: '' },
    { no: '3', label: 'Tổ chức đảng thành lập mới trong kỳ', count: o.newInPeriod, shareRate: null, note: '' },
    { no: '4', label: 'Chi bộ có dưới 3 đảng viên chính thức', count: o.cellsUnder3Official, shareRate: ratio(o.cellsUnder3Official, o.cells), note: 'Điều lệ Đảng, Điều 21' },
    { no: '5', label: 'Chi bộ có từ 30 đảng viên trở lên', count: o.largeCells, shareRate: ratio(o.largeCells, o.cells), note: '' },
    { no: '6', label: 'Chi bộ sử dụng Sổ tay đảng viên điện tử', count: e.using, shareRate: e.rate, note: '' },
  ];
}

/** The names behind the counts: too long for a table cell, they follow it as a sentence. */
function orgSummary(r: PartyQuarterlyReport): string {
  const o = r.orgs;
  const parts: string[] = [];
  if (o.newList.length) parts.push(`Tổ chức đảng thành lập mới: ${o.newList.map((n) => `${n.name} (${dayText(n.foundedDate)})`).join('; ')}.`);
  if (o.smallCellList.length) parts.push(`Chi bộ có dưới 3 đảng viên chính thức, cần bổ sung hoặc sáp nhập: ${o.smallCellList.map((c) => `${c.name} (${count(c.official)} chính thức/${count(c.members)} đảng viên)`).join('; ')}.`);
  if (o.largeCells) parts.push(`${count(o.largeCells)} chi bộ có từ 30 đảng viên trở lên có thể xem xét chia tổ đảng hoặc nâng lên đảng bộ cơ sở.`);
  return parts.join(' ') || 'Không có tổ chức đảng mới thành lập; không có chi bộ dưới 3 đảng viên chính thức.';
}

function ratingLines(r: PartyQuarterlyReport) {
  const g = r.ratings;
  return [
    ...(['excellent', 'good', 'completed', 'failed'] as const).map((k, i) => ({ no: String(i + 1), label: RATING_LABELS[k], count: g[k], shareRate: ratio(g[k], g.rated), note: '' })),
    { no: '5', label: 'Chưa xếp loại (mới thành lập, chưa đủ thời gian…)', count: g.unrated, shareRate: null, note: 'không tính tỷ lệ' },
  ];
}

function ratingSummary(r: PartyQuarterlyReport): string {
  const g = r.ratings;
  if (g.year === null || g.goodOrBetterRate === null) return 'Chưa có kết quả xếp loại chất lượng tổ chức cơ sở đảng.';
  const target = g.target !== null ? ` so với mục tiêu ${percent(g.target)}: ${g.goodOrBetterRate >= g.target ? 'đạt' : 'chưa đạt'}` : '';
  const cap = g.excellentCapOk
    ? `Số hoàn thành xuất sắc (${count(g.excellent)}) không vượt 20% số hoàn thành tốt (${count(g.good)}), đúng quy định.`
    : `Số hoàn thành xuất sắc (${count(g.excellent)}) vượt 20% số hoàn thành tốt (${count(g.good)}): cần rà soát theo Quy định 366-QĐ/TW.`;
  return `Tỷ lệ hoàn thành tốt nhiệm vụ trở lên ${percent(g.goodOrBetterRate)} số đã xếp loại${target}. ${cap}`;
}

function taskSummary(r: PartyQuarterlyReport, variant: OrgDetails['variant']): string {
  const t = r.tasks;
  if (t.registered === 0) return `Không có nhiệm vụ đăng ký trong năm ${t.year}.`;
  return `Đăng ký ${count(t.registered)} nhiệm vụ; đã hoàn thành ${count(t.done)}, đạt ${percent(t.rate ?? 0)} (trong đó ${count(t.late)} hoàn thành quá hạn); đang thực hiện ${count(t.inProgress)}; chưa thực hiện ${count(t.notStarted)}. Đã chọn ngẫu nhiên ${count(t.sampleSize)} nhiệm vụ để kiểm tra (${appendixName(variant, 3)}).`;
}

/** The report's figures plus what the built-in templates show: Biểu 1 lines, profile and organisation lines, sentences. */
export function partyQuarterlyFigures(r: PartyQuarterlyReport, context: DocumentContext): Record<string, unknown> {
  const plan = r.admission.plan;
  const quarters = r.admission.byQuarter.map((q, i) => ({ no: String(i + 1), label: q.quarter, admitted: q.admitted, cumulative: q.cumulative, plan }));
  const sampleSheet = r.tasks.auditSample[0]?.sheet ?? '';
  return {
    ...documentFigures(r, context),
    movement: { lines: movementLines(r.members, r.members.samePeriodLastYear), summary: movementSummary(r) },
    admission: { ...r.admission, summary: admissionSummary(r), quarters, profileLines: profileLines(r) },
    population: { ...r.population, summary: populationSummary(r) },
    orgs: { ...r.orgs, lines: orgLines(r), summary: orgSummary(r) },
    ratings: { ...r.ratings, yearText: r.ratings.year === null ? '(chưa có)' : String(r.ratings.year), lines: ratingLines(r), summary: ratingSummary(r) },
    probation: {
      ...r.probation, overdueCount: r.probation.overdue.length, dueCount: r.probation.dueNextQuarter.length,
      nextQuarterText: `từ ${dayText(r.probation.nextQuarter.from)} đến ${dayText(r.probation.nextQuarter.to)}`,
    },
    badges: {
      ...r.badges, count: r.badges.due.length, previousDateText: dayText(r.badges.previousDate), nextDateText: dayText(r.badges.nextDate),
      summary: r.badges.byYears.length ? `Gồm: ${r.badges.byYears.map((b) => `Huy hiệu ${b.years} năm: ${count(b.count)}`).join('; ')}. Đảng viên đã ghi nhận huy hiệu này không có trong danh sách.` : 'Không có đảng viên đủ tuổi đảng trong đợt này.',
    },
    tasks: {
      // The seed without grouping: it is typed back to draw the same tasks.
      ...r.tasks, summary: taskSummary(r, context.org.variant), sampleSheet, seedText: String(r.tasks.seed),
      sampleText: `(${count(r.tasks.sampleSize)} trong ${count(r.tasks.registered)} nhiệm vụ đăng ký năm ${r.tasks.year})`,
      auditSample: r.tasks.auditSample.map((t) => ({ ...t, statusLabel: TASK_STATUS[t.status] })),
    },
    // Empty: a document says nothing of how it was made. The key stays for templates edited from earlier built-in ones.
    charts: { note: '' },
  };
}
