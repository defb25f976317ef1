import { parseArgs } from 'util';
import path from 'path';
import { countBySeverity, type Issue } from '../domain/issues';
import { columnLetter } from '../ingest/grid';
import type { MappingOverride } from '../ingest/header';
import { ingestWorkbook, type WorkbookIngest } from '../ingest/ingestWorkbook';
import { kindLabel, type SheetResult } from '../ingest/ingestSheet';
import { consolidateBooks, consolidation, type ConsolidatedBook, type Consolidation, type InputBook } from '../reports/consolidate';
import { generateMerger, generatePartyQuarterly, generateReduction, planMerger, planPartyQuarterly, planReduction } from '../app/generate';
import { mergerReport, type MergerReport } from '../reports/merger/figures';
import { partyQuarterlyReport, type PartyQuarterlyReport } from '../reports/partyQuarterly/figures';
import { dayText, parseDay, parsePeriod, periodLabel, type Period } from '../domain/period';
import { reductionReport, type ReductionReport } from '../reports/reduction/figures';
import { mergerTemplates } from '../reports/merger/template';
import { partyQuarterlyTemplates } from '../reports/partyQuarterly/template';
import { reductionTemplates } from '../reports/reduction/template';
import type { OrgDetails } from '../templates/layout';
import type { FillPlan } from '../templates/plan';
import { readXlsx, readXlsxBook, UnreadableWorkbookError } from '../workbook/xlsx/readXlsx';
import { readTemplateWorkbook, writeTemplateWorkbook } from '../workbook/xlsx/templateXlsx';
import { writePlanFile } from '../workbook/xlsx/writePlanFile';
import { OutputRefusedError, refuseInputAsOutput, refuseOverwrite, writeAtomically, type Overwrite } from './outputFile';
import { viNumber, viPercent } from '../domain/viNumbers';

export const SAMPLE_WORKBOOK = path.join(__dirname, '..', '..', 'assets', 'samples', 'mong-cai.xlsx');

const USAGE = `Cách dùng / Usage:
  tochuc inspect --input book.xlsx [--input more.xlsx …] [--json] [--map field=Header …]
  tochuc demo [--out dir]
  tochuc report reduction --input book.xlsx [--input more.xlsx …] (--period 2019 | 2021-Q2 | 2021-H1 | --from D --to D)
         [--out report.xlsx [--force]] [--template t.xlsx] [--target 0.10] [--json] [--map field=Header …]
  tochuc report partyQuarterly --input book.xlsx … (--period 2021-Q2 | 2021-H1 | 2021 | --from D --to D)
         [--sample 10 --seed 20210630] [--out report.xlsx [--force]] [--template t.xlsx] [--json] [--map field=Header …]
  tochuc report merger --input book.xlsx … [--date D] [--out report.xlsx [--force]] [--template t.xlsx] [--json] [--map field=Header …]
  tochuc template <reduction|partyQuarterly|merger> --out t.xlsx [--force]   (mẫu có sẵn để sửa / the built-in template, to edit)
  --input: .xlsx, .xls (Excel 97–2003), .ods, .csv/.txt (UTF-8, UTF-16 "Unicode Text", Windows-1258); --out, --template: .xlsx.
  --out không ghi đè tệp đầu vào, cũng không ghi đè tệp không phải báo cáo tochuc (với template: tệp đã có) trừ khi có --force.
  (--out never replaces an input, nor a file that is not a tochuc report, for a template any file, unless --force is given.)`;

class UsageError extends Error {}

const SEVERITY_VI: Record<Issue['severity'], string> = { error: 'lỗi', warning: 'cảnh báo', info: 'ghi nhận' };

/** `--map field=Header` or `--map "Sheet!field=Header"`. */
export function parseMap(values: readonly string[]): MappingOverride[] {
  return values.map((v) => {
    const m = /^(?:(.+)!)?([A-Za-z]+)=(.+)$/.exec(v);
    if (!m) throw new UsageError(`--map "${v}": cần dạng trường=Tiêu đề cột, ví dụ --map fullName="Họ và tên" (or a column letter: unit=E).`);
    return { field: m[2], header: m[3], ...(m[1] ? { sheet: m[1] } : {}) };
  });
}

function mappingText(s: SheetResult): string {
  return s.mapping
    .map((m) => {
      const q = m.qualifier === 'male' ? ' (Nam)' : m.qualifier === 'female' ? ' (Nữ)' : typeof m.qualifier === 'number' ? ` (${m.qualifier})` : '';
      return `    ${m.field}${q} ← ${columnLetter(m.col)} "${m.header.replace(/\s+/g, ' ')}"`;
    })
    .join('\n');
}

const MAX_ISSUES_SHOWN = 15;

export function formatInspect(file: string, sheets: readonly SheetResult[]): string {
  const lines = [`Tệp ${file}`];
  for (const s of sheets) {
    const counts = countBySeverity(s.issues);
    lines.push(`\n  Trang "${s.sheet}": ${kindLabel(s.kind)}${s.kind ? ` (${s.kind}), độ tin cậy ${Math.round(s.confidence * 100)}%` : ''}`);
    if (s.headerRows) lines.push(`    Dòng tiêu đề: ${s.headerRows[0] === s.headerRows[1] ? s.headerRows[0] : `${s.headerRows[0]}–${s.headerRows[1]}`}`);
    if (s.mapping.length) lines.push(mappingText(s));
    if (s.kind) lines.push(`    Bản ghi: ${viNumber(s.records.length)}`);
    lines.push(`    Vấn đề: ${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.info} ghi nhận`);
    const shown = [...s.issues].sort((a, b) => order(a) - order(b)).slice(0, MAX_ISSUES_SHOWN);
    for (const i of shown) lines.push(`      [${SEVERITY_VI[i.severity]}] ${i.cell}: ${i.message}${i.hint ? ` — ${i.hint}` : ''}`);
    if (s.issues.length > shown.length) lines.push(`      … và ${viNumber(s.issues.length - shown.length)} vấn đề khác (--json để xem đủ).`);
  }
  return lines.join('\n');
}

function order(i: Issue): number {
  return i.severity === 'error' ? 0 : i.severity === 'warning' ? 1 : 2;
}

export function inspectJson(file: string, sheets: readonly SheetResult[]) {
  return {
    file,
    sheets: sheets.map((s) => ({
      sheet: s.sheet,
      kind: s.kind ?? null,
      confidence: s.confidence,
      headerRows: s.headerRows ?? null,
      mapping: s.mapping.map((m) => ({ field: m.field, column: columnLetter(m.col), header: m.header, ...(m.qualifier !== undefined ? { qualifier: m.qualifier } : {}) })),
      records: s.records.length,
      issues: s.issues,
    })),
  };
}

async function inspect(args: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseArgs({ args, options: { input: { type: 'string', multiple: true }, json: { type: 'boolean' }, map: { type: 'string', multiple: true } }, strict: true });
  const inputs = values.input ?? [];
  if (inputs.length === 0) throw new UsageError('Thiếu --input: cần ít nhất một tệp sổ (.xlsx, .xls, .ods, .csv hoặc .txt).');
  const overrides = parseMap(values.map ?? []);
  const reports = [];
  for (const file of inputs) {
    const grids = await readXlsx(file);
    const result = ingestWorkbook(grids, { overrides, file });
    reports.push({ file, sheets: result.sheets });
  }
  if (values.json) out(JSON.stringify(reports.length === 1 ? inspectJson(reports[0].file, reports[0].sheets) : reports.map((r) => inspectJson(r.file, r.sheets)), null, 2));
  else out(reports.map((r) => formatInspect(r.file, r.sheets)).join('\n\n'));
  return 0;
}

interface Inputs {
  /** Each input workbook read on its own, under its file name. */
  books: InputBook[];
  /** The first organisation details found in the inputs' settings. */
  org?: OrgDetails;
  settingsProblems: string[];
}

/** Reads and ingests every input, each on its own: several workbooks (one per district) are consolidated by the caller. */
async function ingestInputs(inputs: readonly string[], overrides: ReturnType<typeof parseMap>): Promise<Inputs> {
  const books: InputBook[] = [];
  let org: OrgDetails | undefined;
  const settingsProblems: string[] = [];
  for (const file of inputs) {
    const read = await readXlsxBook(file);
    books.push({ file: path.basename(file), book: ingestWorkbook(read.grids, { overrides: [...(read.settings.mappings ?? []), ...overrides], file }) });
    org = org ?? read.settings.org;
    settingsProblems.push(...read.settingsProblems.map((p) => `${path.basename(file)}: ${p}`));
  }
  return { books, ...(org ? { org } : {}), settingsProblems };
}

function periodFrom(values: { period?: string; from?: string; to?: string }): Period {
  if (values.period) {
    const p = parsePeriod(values.period);
    if (!p) throw new UsageError(`--period "${values.period}": cần dạng 2021, 2021-Q2 hoặc 2021-H1.`);
    return p;
  }
  const from = values.from ? parseDay(values.from) : undefined;
  const to = values.to ? parseDay(values.to) : undefined;
  if (!from || !to || from > to) throw new UsageError('Cần --period, hoặc cả --from và --to (ngày/tháng/năm hoặc yyyy-mm-dd, từ trước đến).');
  return { from, to };
}


export function reductionSummary(r: ReductionReport): string {
  const counts = countBySeverity(r.issues);
  return [
    `Báo cáo tinh giản biên chế, từ ${dayText(r.period.from)} đến ${dayText(r.period.to)}`,
    `  Tinh giản: ${viNumber(r.reduced.total)} người (cán bộ ${r.reduced.byCategory.canBo}, công chức ${r.reduced.byCategory.congChuc}, viên chức ${r.reduced.byCategory.vienChuc}, người lao động ${r.reduced.byCategory.nguoiLaoDong}, cấp xã ${r.reduced.byCategory.capXa}, không chuyên trách ${r.reduced.byCategory.khongChuyenTrach})`,
    `  Hình thức: nghỉ hưu trước tuổi ${r.reduced.byForm.earlyRetirement}, thôi việc ngay ${r.reduced.byForm.resignation}, thôi việc sau học nghề ${r.reduced.byForm.resignationAfterTraining}, chuyển ra ngoài NSNN ${r.reduced.byForm.transferOutsideBudget}, chưa ghi ${r.reduced.byForm.unspecified}`,
    `  Biên chế: ${r.quota.baselineYear ?? '?'} ${viNumber(r.quota.baseline)} → ${r.quota.currentYear ?? '?'} ${viNumber(r.quota.current)} (${r.quota.change >= 0 ? '+' : ''}${viNumber(r.quota.change)}${r.quota.changeRate !== null ? `, ${viPercent(r.quota.changeRate)}` : ''})`,
    ...(r.target ? [`  Mục tiêu giảm ${viPercent(r.target.rate)}: ${r.target.met ? 'đạt' : 'chưa đạt'}`] : []),
    `  Vấn đề trong dữ liệu: ${counts.error} lỗi, ${counts.warning} cảnh báo (--json để xem từng ô).`,
  ].join('\n');
}

const rateText = (r: number | null) => (r === null ? '—' : viPercent(r));

export function partyQuarterlySummary(r: PartyQuarterlyReport): string {
  const counts = countBySeverity(r.issues);
  const m = r.members;
  const a = r.admission;
  return [
    `Báo cáo chỉ tiêu công tác xây dựng Đảng, từ ${dayText(r.period.from)} đến ${dayText(r.period.to)}`,
    `  Đảng viên: đầu kỳ ${viNumber(m.start)}, tăng ${viNumber(m.increase)} (kết nạp ${m.admitted}, chuyển đến ${m.transferredIn}, phục hồi ${m.restored}), giảm ${viNumber(m.decrease)}, cuối kỳ ${viNumber(m.end)}${m.balance === m.end ? '' : ` — KHÔNG KHỚP (${viNumber(m.balance)})`}`,
    `  Kết nạp: trong kỳ ${viNumber(a.period)}, từ đầu năm ${viNumber(a.ytd)}${a.plan !== null ? ` / kế hoạch ${viNumber(a.plan)} = ${rateText(a.planRate)}` : ''}`,
    `  Dân số: ${r.population.total !== null ? `${viNumber(r.population.total)}, tỷ lệ đảng viên ${rateText(r.population.memberShare)}${r.population.target !== null ? ` (mục tiêu ${rateText(r.population.target)}, còn thiếu ${viNumber(r.population.gap ?? 0)})` : ''}` : 'chưa có'}`,
    `  Tổ chức: ${r.orgs.baseOrgs} TCCSĐ, ${r.orgs.cells} chi bộ, ${r.orgs.newInPeriod} thành lập mới; xếp loại ${r.ratings.year ?? '—'}: HTTNV trở lên ${rateText(r.ratings.goodOrBetterRate)}; sổ tay điện tử ${r.eHandbook.using}/${r.eHandbook.cells} = ${rateText(r.eHandbook.rate)}`,
    `  Dự bị quá hạn ${r.probation.overdue.length}, đến hạn quý tới ${r.probation.dueNextQuarter.length}; Huy hiệu Đảng đợt ${dayText(r.badges.nextDate)}: ${r.badges.due.length}`,
    `  Nhiệm vụ ${r.tasks.year}: ${r.tasks.done}/${r.tasks.registered} hoàn thành = ${rateText(r.tasks.rate)}, quá hạn ${r.tasks.late}; kiểm tra ngẫu nhiên ${r.tasks.sampleSize} (hạt giống ${r.tasks.seed})`,
    `  Vấn đề trong dữ liệu: ${counts.error} lỗi, ${counts.warning} cảnh báo (--json để xem từng ô).`,
  ].join('\n');
}

export function mergerSummary(r: MergerReport): string {
  const counts = countBySeverity(r.issues);
  return [
    `Phương án sắp xếp tổ chức bộ máy, cơ cấu đến ngày ${dayText(r.date)}`,
    `  Đầu mối: trước ${r.unitsBefore}, sau ${r.unitsAfter}, giảm ${r.unitsReduced}`,
    ...r.groups.map((g) => `  ${g.toUnit}${g.isNew ? ' (mới)' : ''} ← ${g.sources.map((s) => s.unit).join(' + ')}: biên chế ${g.after.quota}, có mặt ${g.after.staff}, ${g.after.heads} trưởng, ${g.after.deputies}/${g.after.maxDeputies} phó${g.after.surplusDeputies || g.after.surplusStaff ? `; dôi dư ${g.after.surplusDeputies} phó, ${g.after.surplusStaff} biên chế đến ${g.after.deadline ? dayText(g.after.deadline) : '—'}` : ''}`),
    `  Vấn đề trong dữ liệu: ${counts.error} lỗi, ${counts.warning} cảnh báo (--json để xem từng ô).`,
  ].join('\n');
}

export function consolidationSummary(c: Consolidation): string {
  return [
    `  Theo từng tệp (${c.columns.join('; ')}):`,
    ...c.inputs.map((i) => `    ${i.file}: ${i.values.map((v) => (v === null ? '—' : viNumber(v))).join('; ')} (${i.errors} lỗi, ${i.warnings} cảnh báo)`),
    c.duplicates.length
      ? `  Người có tên ở hai tệp trở lên: ${c.duplicates.length} — ${c.duplicates.slice(0, 5).map((d) => `${d.fullName} (${d.rows.map((r) => r.file).join(', ')})`).join('; ')}${c.duplicates.length > 5 ? '; …' : ''}`
      : '  Không có người nào có tên ở hai tệp.',
  ].join('\n');
}

function wholeFrom(text: string | undefined, option: string, min: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${option} "${text}": cần một số nguyên từ ${min} trở lên.`);
  return n;
}

function targetFrom(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const target = Number(text.replace(',', '.').replace(/%$/, '')) / (text.endsWith('%') ? 100 : 1);
  if (!(target >= 0 && target < 1)) throw new UsageError(`--target "${text}": cần một tỷ lệ như 0.10 hoặc 10%.`);
  return target;
}

/** Before any work: the output is none of the inputs, and replaces no file it must not (outputFile.ts). */
async function checkOutput(file: string, inputs: readonly string[], overwrite: Overwrite, force = false): Promise<void> {
  await refuseInputAsOutput(file, inputs);
  await refuseOverwrite(file, overwrite, force);
}

/** Writes a workbook whole or not at all (through a temporary file); a file Excel holds open is a clear one-line error. */
async function writeFileSafely<T>(file: string, write: (temporary: string) => Promise<T>): Promise<T> {
  try {
    return await writeAtomically(file, write);
  } catch (e) {
    throw new UsageError(`Không ghi được "${file}" (${(e as Error).message.split('\n')[0]}): tệp có đang mở trong Excel, hay thư mục không ghi được?`);
  }
}

/** Writes the report's sheets into a new workbook. */
function writeReport(file: string, plan: FillPlan): Promise<string[]> {
  return writeFileSafely(file, (temporary) => writePlanFile(temporary, plan));
}

const REPORT_OPTIONS = {
  input: { type: 'string', multiple: true }, period: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' },
  map: { type: 'string', multiple: true }, out: { type: 'string' }, template: { type: 'string' }, force: { type: 'boolean' },
} as const;

const KIND_OPTIONS = {
  reduction: { target: { type: 'string' } },
  partyQuarterly: { sample: { type: 'string' }, seed: { type: 'string' } },
  merger: { date: { type: 'string' } },
} as const;

async function report(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [kind, ...rest] = args;
  if (kind !== 'reduction' && kind !== 'partyQuarterly' && kind !== 'merger') throw new UsageError(`Loại báo cáo không rõ "${kind ?? ''}".\n${USAGE}`);
  const { values } = parseArgs({ args: rest, strict: true, options: { ...REPORT_OPTIONS, ...KIND_OPTIONS[kind] } });
  const inputs = values.input ?? [];
  if (inputs.length === 0) throw new UsageError('Thiếu --input: cần ít nhất một tệp sổ (.xlsx, .xls, .ods, .csv hoặc .txt).');
  const extra = values as { target?: string; sample?: string; seed?: string; date?: string };
  const date = extra.date === undefined ? undefined : parseDay(extra.date);
  if (extra.date !== undefined && !date) throw new UsageError(`--date "${extra.date}": cần ngày/tháng/năm hoặc yyyy-mm-dd.`);
  const period = kind === 'merger' ? undefined : periodFrom(values);
  const target = targetFrom(extra.target);
  const sampleSize = wholeFrom(extra.sample, '--sample', 0);
  const seed = wholeFrom(extra.seed, '--seed', 0);
  if (values.out) await checkOutput(values.out, [...inputs, ...(values.template ? [values.template] : [])], 'reports', values.force);
  const templates = values.template ? await readTemplateWorkbook(values.template) : undefined;
  const { books, org, settingsProblems } = await ingestInputs(inputs, parseMap(values.map ?? []));
  for (const p of settingsProblems) err(p);
  let consolidated: ConsolidatedBook;
  try {
    consolidated = consolidateBooks(books);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  // The report date is a parameter of the figures, read from the clock only here, at the edge.
  const generatedAt = new Date().toISOString();
  const compute = (book: WorkbookIngest) => (kind === 'merger' || !period
    ? mergerReport(book, { generatedAt, ...(date ? { date } : {}) })
    : kind === 'reduction'
      ? reductionReport(book, { period, generatedAt, ...(target !== undefined ? { target } : {}) })
      : partyQuarterlyReport(book, { period, generatedAt, ...(sampleSize !== undefined ? { sampleSize } : {}), ...(seed !== undefined ? { seed } : {}) }));
  const r = compute(consolidated.book);
  // Each district's own report gives its subtotals.
  const perInput = books.length > 1 ? consolidation(books.map((b) => ({ file: b.file, report: compute(b.book) })), consolidated.duplicates) : undefined;
  const options = { ...(org ? { org } : {}), files: books.map((b) => b.file), ...(templates ? { templates } : {}), ...(perInput ? { consolidation: perInput } : {}) };
  const summary = r.kind === 'reduction' ? reductionSummary(r) : r.kind === 'partyQuarterly' ? partyQuarterlySummary(r) : mergerSummary(r);
  out(values.json ? JSON.stringify(perInput ? { ...r, consolidation: perInput } : r, null, 2) : perInput ? `${summary}\n${consolidationSummary(perInput)}` : summary);
  // The sheets are laid out only when they are written, or when a template is to be checked.
  let templateErrors = 0;
  if (values.out || templates) {
    const plan = r.kind === 'reduction' ? planReduction(r, options) : r.kind === 'partyQuarterly' ? planPartyQuarterly(r, options) : planMerger(r, options);
    templateErrors = plan.issues.filter((i) => i.severity === 'error').length;
    for (const i of plan.issues) err(`[${SEVERITY_VI[i.severity]}] ${i.sheet}!${i.cell}: ${i.message}${i.hint ? ` — ${i.hint}` : ''}`);
    if (values.out) {
      const sheets = await writeReport(values.out, plan);
      err(`Đã ghi ${values.out}: ${sheets.map((s) => `"${s}"`).join(', ')}.`);
    }
  }
  return r.issues.some((i) => i.severity === 'error') || templateErrors ? 1 : 0;
}

async function template(args: string[], err: (s: string) => void): Promise<number> {
  const [kind, ...rest] = args;
  if (kind !== 'reduction' && kind !== 'partyQuarterly' && kind !== 'merger') throw new UsageError(`tochuc template: có mẫu "reduction", "partyQuarterly" và "merger". / Templates: reduction, partyQuarterly, merger.\n${USAGE}`);
  const { values } = parseArgs({ args: rest, options: { out: { type: 'string' }, force: { type: 'boolean' } }, strict: true });
  if (!values.out) throw new UsageError('Thiếu --out: tên tệp .xlsx để ghi mẫu.');
  await checkOutput(values.out, [], 'nothing', values.force);
  const templates = kind === 'reduction' ? reductionTemplates() : kind === 'partyQuarterly' ? partyQuarterlyTemplates() : mergerTemplates();
  await writeFileSafely(values.out, (temporary) => writeTemplateWorkbook(temporary, templates));
  err(`Đã ghi mẫu ${values.out}: sửa lời văn, bố cục, chữ ký rồi dùng lại với --template ${values.out}.`);
  return 0;
}

export const DEMO_PERIOD: Period = { from: '2015-01-01', to: '2019-12-31' };
/** The sample's party data run to 30/06/2021: the first half of 2021 holds the anchors (237 admitted, 206 of 229 tasks). */
export const DEMO_PARTY_PERIOD: Period = { from: '2021-01-01', to: '2021-06-30' };

async function demo(args: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
  const outDir = values.out ?? 'out';
  const reductionFile = path.join(outDir, `tinh-gian-bien-che-${periodLabel(DEMO_PERIOD)}.xlsx`);
  const partyFile = path.join(outDir, `chi-tieu-xay-dung-dang-${periodLabel(DEMO_PARTY_PERIOD)}.xlsx`);
  for (const file of [reductionFile, partyFile]) await checkOutput(file, [SAMPLE_WORKBOOK], 'reports');
  const read = await readXlsxBook(SAMPLE_WORKBOOK);
  const result = ingestWorkbook(read.grids, { file: SAMPLE_WORKBOOK });
  out('tochuc demo — sổ mẫu Móng Cái / sample workbook\n');
  out(formatInspect(path.relative(process.cwd(), SAMPLE_WORKBOOK) || SAMPLE_WORKBOOK, result.sheets));
  const r = result.records;
  out(`\nTóm tắt: ${viNumber(r.staff.length)} CBCCVC, NLĐ; ${viNumber(r.units.length)} đơn vị; ${viNumber(r.members.length)} đảng viên; ${viNumber(r.orgs.length)} tổ chức đảng; ${viNumber(r.tasks.length)} nhiệm vụ.`);
  const org = read.settings.org ? { org: read.settings.org } : {};
  const files = [path.basename(SAMPLE_WORKBOOK)];
  const generatedAt = new Date().toISOString();
  const reduction = generateReduction(result, { period: DEMO_PERIOD, generatedAt, target: 0.1 }, { ...org, files });
  out('\n' + reductionSummary(reduction.report));
  const sheets = await writeReport(reductionFile, reduction.plan);
  out(`\nĐã ghi báo cáo / report written: ${reductionFile} (${sheets.map((s) => `"${s}"`).join(', ')})`);
  const party = generatePartyQuarterly(result, { period: DEMO_PARTY_PERIOD, generatedAt }, { ...org, files });
  out('\n' + partyQuarterlySummary(party.report));
  const partySheets = await writeReport(partyFile, party.plan);
  out(`\nĐã ghi báo cáo / report written: ${partyFile} (${partySheets.map((s) => `"${s}"`).join(', ')})`);
  const merger = generateMerger(result, { generatedAt }, { ...org, files });
  out('\n' + mergerSummary(merger.report));
  const mergerFile = path.join(outDir, `sap-xep-to-chuc-bo-may-${merger.report.date}.xlsx`);
  await checkOutput(mergerFile, [SAMPLE_WORKBOOK], 'reports');
  const mergerSheets = await writeReport(mergerFile, merger.plan);
  out(`\nĐã ghi báo cáo / report written: ${mergerFile} (${mergerSheets.map((s) => `"${s}"`).join(', ')})`);
  return 0;
}

/** How an unexpected failure begins: the fuzzer (test/tools/fuzz.ts) counts a line starting so as a failure of tochuc's own. */
export const INTERNAL_ERROR = 'Lỗi trong tochuc, không do tệp của bạn';

function firstLine(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.split('\n')[0].slice(0, 300);
}

/** Runs the command line; returns the exit code (0 ok, 1 the report has errors, 2 bad usage or unreadable input). */
export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n'), err: (s: string) => void = (s) => process.stderr.write(s + '\n')): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'inspect':
        return await inspect(rest, out);
      case 'demo':
        return await demo(rest, out);
      case 'report':
        return await report(rest, out, err);
      case 'template':
        return await template(rest, err);
      case undefined:
      case '--help':
      case '-h':
        out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Lệnh không rõ "${command}".\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof UnreadableWorkbookError || e instanceof OutputRefusedError) {
      err(e.message);
      return 2;
    }
    // parseArgs throws TypeErrors with a code for unknown options: still a usage problem.
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`${(e as Error).message}\n${USAGE}`);
      return 2;
    }
    // Whatever else went wrong is tochuc's fault, not the officer's: one line, no stack trace, and
    // the exit code of an input that could not be handled. TOCHUC_DEBUG=1 gives the stack.
    if (process.env.TOCHUC_DEBUG) throw e;
    err(`${INTERNAL_ERROR}: ${firstLine(e)}. Dữ liệu nguồn không bị thay đổi; hãy gửi tệp đầu vào và dòng này cho người quản trị tochuc.`);
    return 2;
  }
}
