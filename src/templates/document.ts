import { countBySeverity, type Issue } from '../domain/issues';
import { dayText, type Period } from '../domain/period';
import type { OrgDetails } from './layout';

/** What a document needs beyond its report: who issues it, and where the figures came from. */
export interface DocumentContext {
  org: OrgDetails;
  /** The input files' names, for the data-source note. */
  files: string[];
  /** Name of the sheet listing the data's issues, when one is written. */
  issuesSheet?: string;
}

/** Dotted blanks, the way a paper form is left for the officer to fill in, when the workbook has no organisation settings. */
export const BLANK_ORG: OrgDetails = {
  variant: 'state', superiorBody: '…………………………', issuingBody: '…………………………', place: '……………', documentNumber: 'Số: ……/BC-……',
  signerCapacity: '', signerTitle: '……………………', signerName: '……………………', recipients: [],
};

const SEVERITY_LABELS: Record<Issue['severity'], string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Ghi nhận' };

/** The report's day in Việt Nam (UTC+7), from `generatedAt`: a date alone is taken as it is. */
export function reportDay(generatedAt: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(generatedAt)) return generatedAt;
  const t = Date.parse(generatedAt);
  return Number.isNaN(t) ? generatedAt.slice(0, 10) : new Date(t + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The parts of a document's date line ("ngày 07 tháng 3 năm 2026"): a day below 10 and the months 1
 * and 2 take a leading zero, so that no digit can be written in front of them afterwards; the other
 * months are written as they are (NĐ 30/2020/NĐ-CP, Phụ lục I: thời gian ban hành văn bản).
 */
export function issueDate(iso: string): { day: string; month: string; year: string } {
  const month = Number(iso.slice(5, 7));
  return { day: iso.slice(8, 10), month: month <= 2 ? iso.slice(5, 7) : String(month), year: iso.slice(0, 4) };
}

/**
 * Who reports, in running text: the name the settings give, else the issuing body as its heading
 * writes it, else (no settings) a dotted blank to fill in by hand, as the heading's own blanks are.
 */
function subjectOf(org: OrgDetails): string {
  if (org.name) return org.name;
  return org.issuingBody === BLANK_ORG.issuingBody ? '……………………' : org.issuingBody;
}

/** Keys every built-in document uses: organisation, report date, period in words, data source and issue counts. */
export function documentFigures(report: { period: Period; generatedAt: string; source: string[]; issues: Issue[] }, context: DocumentContext): Record<string, unknown> {
  const day = reportDay(report.generatedAt);
  const counts = countBySeverity(report.issues);
  const sheets = report.source.map((s) => `"${s}"`).join(', ');
  const files = context.files.length ? ` của ${context.files.length > 1 ? 'các tệp' : 'tệp'} ${context.files.join(', ')}` : '';
  return {
    ...report,
    org: { ...context.org, issuingBodyText: subjectOf(context.org), documentNumberText: context.org.documentNumber.replace(/^Số/, 'số') },
    reportDate: { ...issueDate(day), text: dayText(day) },
    period: { ...report.period, fromText: dayText(report.period.from), toText: dayText(report.period.to) },
    sourceText: report.source.length ? `${report.source.length > 1 ? 'các trang' : 'trang'} ${sheets}${files}` : 'sổ dữ liệu (không nhận ra trang dữ liệu nào)',
    issueCounts: { ...counts, where: context.issuesSheet && report.issues.length ? ` (chi tiết tại trang "${context.issuesSheet}")` : '' },
    // Object.assign rather than a spread: the same copy, much faster in V8 over hundreds of issues.
    issues: report.issues.map((i) => Object.assign({}, i, { severityLabel: SEVERITY_LABELS[i.severity], hint: i.hint ?? '' })),
  };
}
