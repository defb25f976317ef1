import { parseArgs } from 'util';
import { parseDay, parsePeriod, type Period } from '../domain/period';
import type { ParamSpec, ReportDefinition } from '../reports/registry';
import { INPUT_FORMATS, UsageError } from './usageError';

/** The options of every `tochuc report <kind>`; each kind adds its parameters' (--target, --sample…). */
const REPORT_OPTIONS = {
  input: { type: 'string', multiple: true }, period: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' },
  map: { type: 'string', multiple: true }, out: { type: 'string' }, template: { type: 'string' }, force: { type: 'boolean' },
} as const;

export interface ReportArgs {
  inputs: string[];
  map: string[];
  json: boolean;
  out?: string;
  template?: string;
  force: boolean;
  /** The kind's parameters, checked, by name. */
  params: Record<string, Period | string | number>;
}

/** The arguments after `tochuc report <kind>`, the kind's parameters checked by their specs. */
export function parseReportArgs(definition: ReportDefinition, args: string[]): ReportArgs {
  const kindOptions = Object.fromEntries(definition.params.flatMap((p) => (p.type === 'period' ? [] : [[p.cli, { type: 'string' as const }]])));
  const { values } = parseArgs({ args, strict: true, options: { ...REPORT_OPTIONS, ...kindOptions } });
  const inputs = values.input ?? [];
  if (inputs.length === 0) throw new UsageError(`Thiếu --input: cần ít nhất một tệp sổ (${INPUT_FORMATS}).`);
  const given = values as Record<string, string | undefined>;
  const params: ReportArgs['params'] = {};
  for (const spec of definition.params) {
    const value = spec.type === 'period' ? periodFrom(values) : paramFrom(spec, given[spec.cli]);
    if (value !== undefined) params[spec.name] = value;
  }
  return { inputs, map: values.map ?? [], json: values.json ?? false, ...(values.out ? { out: values.out } : {}), ...(values.template ? { template: values.template } : {}), force: values.force ?? false, params };
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

/**
 * An optional parameter as typed on the command line. A rate is written as a fraction or a
 * percentage (0.10, 10%); a whole number is checked against its lower bound only (the upper one
 * bounds the pane's field).
 */
function paramFrom(spec: Exclude<ParamSpec, { type: 'period' }>, text: string | undefined): string | number | undefined {
  if (text === undefined) return undefined;
  const option = `--${spec.cli}`;
  switch (spec.type) {
    case 'day': {
      const day = parseDay(text);
      if (!day) throw new UsageError(`${option} "${text}": cần ngày/tháng/năm hoặc yyyy-mm-dd.`);
      return day;
    }
    case 'rate': {
      const rate = Number(text.replace(',', '.').replace(/%$/, '')) / (text.endsWith('%') ? 100 : 1);
      if (!(rate >= 0 && rate < 1)) throw new UsageError(`${option} "${text}": cần một tỷ lệ như 0.10 hoặc 10%.`);
      return rate;
    }
    case 'whole': {
      const n = Number(text);
      if (!Number.isInteger(n) || n < spec.min) throw new UsageError(`${option} "${text}": cần một số nguyên từ ${spec.min} trở lên.`);
      return n;
    }
  }
}
