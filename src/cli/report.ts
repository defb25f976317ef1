import path from 'path';
import { parseArgs } from 'util';
import { generate } from '../app/generate';
import type { Consolidation, InputBook } from '../reports/consolidate';
import { ingestWorkbook } from '../ingest/ingestWorkbook';
import { viNumber } from '../domain/viNumbers';
import type { MappingOverride } from '../ingest/header';
import { reports } from '../reports';
import type { OrgDetails } from '../templates/layout';
import { readXlsxBook } from '../workbook/xlsx/readXlsx';
import { readTemplateWorkbook, writeTemplateWorkbook } from '../workbook/xlsx/templateXlsx';
import { FILE_CAPABILITIES } from '../workbook/xlsx/writePlanFile';
import { parseMap, SEVERITY_VI } from './inspect';
import { parseReportArgs } from './reportArgs';
import { UsageError } from './usageError';
import { checkOutput, writeFileSafely, writeReport } from './writeOutput';

interface Inputs {
  /** Each input workbook read on its own, under its file name. */
  books: InputBook[];
  /** The first organisation details found in the inputs' settings. */
  org?: OrgDetails;
  settingsProblems: string[];
}

/** Reads and ingests every input, each on its own: several workbooks (one per district) are consolidated by the use case. */
export async function ingestInputs(inputs: readonly string[], overrides: readonly MappingOverride[]): Promise<Inputs> {
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

/** Each input's subtotals and the people found in two of them, after the summary of the consolidated report. */
export function consolidationSummary(c: Consolidation): string {
  return [
    `  Theo từng tệp (${c.columns.join('; ')}):`,
    ...c.inputs.map((i) => `    ${i.file}: ${i.values.map((v) => (v === null ? '—' : viNumber(v))).join('; ')} (${i.errors} lỗi, ${i.warnings} cảnh báo)`),
    c.duplicates.length
      ? `  Người có tên ở hai tệp trở lên: ${c.duplicates.length} — ${c.duplicates.slice(0, 5).map((d) => `${d.fullName} (${d.rows.map((r) => r.file).join(', ')})`).join('; ')}${c.duplicates.length > 5 ? '; …' : ''}`
      : '  Không có người nào có tên ở hai tệp.',
  ].join('\n');
}

/** `tochuc report <kind>`: the figures as text or JSON; the report's sheets with --out; exit 1 when the data or the template have errors. */
export async function report(args: string[], usage: string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [kind, ...rest] = args;
  const definition = reports.get(kind ?? '');
  if (!definition) throw new UsageError(`Loại báo cáo không rõ "${kind ?? ''}".\n${usage}`);
  const a = parseReportArgs(definition, rest);
  if (a.out) await checkOutput(a.out, [...a.inputs, ...(a.template ? [a.template] : [])], 'reports', a.force);
  const templates = a.template ? await readTemplateWorkbook(a.template) : undefined;
  const { books, org, settingsProblems } = await ingestInputs(a.inputs, parseMap(a.map));
  for (const p of settingsProblems) err(p);
  // The report date is a parameter of the figures, read from the clock only here, at the edge.
  const params = { ...a.params, generatedAt: new Date().toISOString() };
  // The sheets are laid out only when they are written, or when a template is to be checked.
  const layout = Boolean(a.out || templates);
  const { report: r, consolidation: perInput, plan } = generate(definition.id, books, params, { ...(org ? { org } : {}), files: books.map((b) => b.file), ...(templates ? { templates } : {}), capabilities: FILE_CAPABILITIES, plan: layout });
  const summary = definition.summary(r);
  out(a.json ? JSON.stringify(perInput ? { ...r, consolidation: perInput } : r, null, 2) : perInput ? `${summary}\n${consolidationSummary(perInput)}` : summary);
  let templateErrors = 0;
  if (plan) {
    templateErrors = plan.issues.filter((i) => i.severity === 'error').length;
    for (const i of plan.issues) err(`[${SEVERITY_VI[i.severity]}] ${i.sheet}!${i.cell}: ${i.message}${i.hint ? ` — ${i.hint}` : ''}`);
    if (a.out) {
      const sheets = await writeReport(a.out, plan);
      err(`Đã ghi ${a.out}: ${sheets.map((s) => `"${s}"`).join(', ')}.`);
    }
  }
  return r.issues.some((i) => i.severity === 'error') || templateErrors ? 1 : 0;
}

const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`);

/** `tochuc template <kind>`: the built-in templates in a workbook, to edit and give back with --template. */
export async function template(args: string[], usage: string, err: (s: string) => void): Promise<number> {
  const [kind, ...rest] = args;
  const definition = reports.get(kind ?? '');
  if (!definition) {
    const ids = reports.ids();
    throw new UsageError(`tochuc template: có mẫu ${quoted(ids.slice(0, -1)).join(', ')} và ${quoted(ids.slice(-1))[0]}. / Templates: ${ids.join(', ')}.\n${usage}`);
  }
  const { values } = parseArgs({ args: rest, options: { out: { type: 'string' }, force: { type: 'boolean' } }, strict: true });
  if (!values.out) throw new UsageError('Thiếu --out: tên tệp .xlsx để ghi mẫu.');
  await checkOutput(values.out, [], 'nothing', values.force);
  const templates = definition.templates();
  await writeFileSafely(values.out, (temporary) => writeTemplateWorkbook(temporary, templates));
  err(`Đã ghi mẫu ${values.out}: sửa lời văn, bố cục, chữ ký rồi dùng lại với --template ${values.out}.`);
  return 0;
}
