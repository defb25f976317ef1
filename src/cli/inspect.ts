import { parseArgs } from 'util';
import { countBySeverity, type Issue } from '../domain/issues';
import { viNumber } from '../domain/viNumbers';
import { columnLetter } from '../ingest/grid';
import type { MappingOverride } from '../ingest/header';
import { ingestWorkbook } from '../ingest/ingestWorkbook';
import { kindLabel, type SheetResult } from '../ingest/ingestSheet';
import { readXlsx } from '../workbook/xlsx/readXlsx';
import { INPUT_FORMATS, UsageError } from './usageError';

export const SEVERITY_VI: Record<Issue['severity'], string> = { error: 'lỗi', warning: 'cảnh báo', info: 'ghi nhận' };

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

const order = (i: Issue) => (i.severity === 'error' ? 0 : i.severity === 'warning' ? 1 : 2);

/** What ingest found in a workbook: each sheet's kind, header rows, columns, records and first issues. */
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

/** `tochuc inspect`: what ingest finds in each input, as text or JSON. */
export async function inspect(args: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseArgs({ args, options: { input: { type: 'string', multiple: true }, json: { type: 'boolean' }, map: { type: 'string', multiple: true } }, strict: true });
  const inputs = values.input ?? [];
  if (inputs.length === 0) throw new UsageError(`Thiếu --input: cần ít nhất một tệp sổ (${INPUT_FORMATS}).`);
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
