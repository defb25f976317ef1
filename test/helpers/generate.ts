import { generate, type GenerateOptions } from '../../src/app/generate';
import type { WorkbookIngest } from '../../src/ingest/ingestWorkbook';
import type { BenefitsReport } from '../../src/reports/benefits/figures';
import type { MergerReport } from '../../src/reports/merger/figures';
import type { PartyQuarterlyReport } from '../../src/reports/partyQuarterly/figures';
import type { ReductionReport } from '../../src/reports/reduction/figures';
import type { ReportParams } from '../../src/reports/registry';
import type { FillPlan } from '../../src/templates/plan';

interface Reports {
  reduction: ReductionReport;
  partyQuarterly: PartyQuarterlyReport;
  merger: MergerReport;
  benefits: BenefitsReport;
}

/** The use case on one ingested workbook, its report typed by kind, its plan laid out. */
export function generateOne<K extends keyof Reports>(kind: K, book: WorkbookIngest, params: ReportParams, options: GenerateOptions = {}): { report: Reports[K]; plan: FillPlan } {
  const { report, plan } = generate(kind, [{ file: 'input.xlsx', book }], params, options);
  return { report: report as Reports[K], plan: plan as FillPlan };
}
