import path from 'path';
import { parseArgs } from 'util';
import { generate } from '../app/generate';
import { viNumber } from '../domain/viNumbers';
import { ingestWorkbook } from '../ingest/ingestWorkbook';
import { reports } from '../reports';
import type { FillPlan } from '../templates/plan';
import { readXlsxBook } from '../workbook/xlsx/readXlsx';
import { FILE_CAPABILITIES } from '../workbook/xlsx/writePlanFile';
import { formatInspect } from './inspect';
import { checkOutput, writeReport } from './writeOutput';

export const SAMPLE_WORKBOOK = path.join(__dirname, '..', '..', 'assets', 'samples', 'mong-cai.xlsx');

/** `tochuc demo`: what ingest finds in the bundled sample, then every report kind made from it (its `demo` parameters) into `out/`. */
export async function demo(args: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
  const outDir = values.out ?? 'out';
  const read = await readXlsxBook(SAMPLE_WORKBOOK);
  const book = ingestWorkbook(read.grids, { file: SAMPLE_WORKBOOK });
  const org = read.settings.org ? { org: read.settings.org } : {};
  const files = [path.basename(SAMPLE_WORKBOOK)];
  const generatedAt = new Date().toISOString();
  const made = reports.all().map((definition) => {
    const { report, plan } = generate(definition.id, [{ file: files[0], book }], { ...definition.demo, generatedAt }, { ...org, files, capabilities: FILE_CAPABILITIES });
    return { definition, report, plan: plan as FillPlan, file: path.join(outDir, `${definition.fileName(report)}.xlsx`) };
  });
  // Every file is checked before any is written.
  for (const { file } of made) await checkOutput(file, [SAMPLE_WORKBOOK], 'reports');
  out('tochuc demo — sổ mẫu Móng Cái / sample workbook\n');
  out(formatInspect(path.relative(process.cwd(), SAMPLE_WORKBOOK) || SAMPLE_WORKBOOK, book.sheets));
  const r = book.records;
  out(`\nTóm tắt: ${viNumber(r.staff.length)} CBCCVC, NLĐ; ${viNumber(r.units.length)} đơn vị; ${viNumber(r.members.length)} đảng viên; ${viNumber(r.orgs.length)} tổ chức đảng; ${viNumber(r.tasks.length)} nhiệm vụ.`);
  for (const { definition, report, plan, file } of made) {
    out('\n' + definition.summary(report));
    const sheets = await writeReport(file, plan);
    out(`\nĐã ghi báo cáo / report written: ${file} (${sheets.map((s) => `"${s}"`).join(', ')})`);
  }
  return 0;
}
