import { generate, type Generated } from '../app/generate';
import type { Issue } from '../domain/issues';
import type { MappingOverride } from '../ingest/header';
import { ingestWorkbook } from '../ingest/ingestWorkbook';
import { reports } from '../reports';
import type { InputBook } from '../reports/consolidate';
import type { ReportParams } from '../reports/registry';
import type { OrgDetails } from '../templates/layout';
import type { Scan } from '../workbook/office/scanInExcel';
import { readWorkbookBytes, type XlsxBook } from '../workbook/xlsx/readBytes';
import { writePlanBytes } from '../workbook/xlsx/writePlanBytes';
import { FILE_CAPABILITIES } from '../workbook/xlsx/xlsxWriter';

/**
 * The page's use of the engine, without React: the files read from their bytes, ingested with the
 * columns the officer chose, and the report made and written by the same code as the CLI (`tochuc
 * report … --out`), so that the page's workbook is the CLI's.
 */

/** A file the officer chose, read (or not). */
export interface PageFile {
  name: string;
  read?: XlsxBook;
  /** Why it could not be read, in Vietnamese. */
  problem?: string;
}

export async function readPageFile(name: string, bytes: Uint8Array): Promise<PageFile> {
  try {
    return { name, read: await readWorkbookBytes(bytes, name) };
  } catch (e) {
    return { name, problem: e instanceof Error ? e.message : String(e) };
  }
}

/** The columns the officer chose, by file: a workbook's own saved choices first, the page's after them (they win). */
export type PageMappings = Record<string, MappingOverride[]>;

/** Each readable file ingested as the CLI ingests its inputs. */
export function booksOf(files: readonly PageFile[], mappings: PageMappings): InputBook[] {
  return files.flatMap((f) => (f.read ? [{ file: f.name, book: ingestWorkbook(f.read.grids, { overrides: [...(f.read.settings.mappings ?? []), ...(mappings[f.name] ?? [])], file: f.name }) }] : []));
}

/** How the Data tab names a sheet: with its file when there are several ("huyen-a.xlsx › DS CBCCVC"). */
export const SHEET_OF_FILE = ' › ';
const sheetLabel = (file: string, sheet: string, several: boolean) => (several ? `${file}${SHEET_OF_FILE}${sheet}` : sheet);

/** The file and sheet a Data-tab sheet name stands for. */
export function fileAndSheet(books: readonly InputBook[], label: string): { file: string; sheet: string } | undefined {
  if (books.length === 1) return { file: books[0].file, sheet: label };
  const at = label.indexOf(SHEET_OF_FILE);
  return at < 0 ? undefined : { file: label.slice(0, at), sheet: label.slice(at + SHEET_OF_FILE.length) };
}

/** What the Data tab shows: every sheet of every file, its kind and columns, and the issues at their cells. */
export function scanOf(books: readonly InputBook[], files: readonly PageFile[]): Scan {
  const several = books.length > 1;
  const sheets = books.flatMap((b) => b.book.sheets.map(({ records, ...rest }) => ({ ...rest, sheet: sheetLabel(b.file, rest.sheet, several), recordCount: records.length })));
  const issues: Issue[] = books.flatMap((b) => b.book.issues.map((i) => ({ ...i, sheet: sheetLabel(b.file, i.sheet, several) })));
  const org = files.find((f) => f.read?.settings.org)?.read?.settings.org;
  return { sheets, issues, settings: org ? { org } : {}, skipped: [] };
}

/** The report made from the books, and its workbook's bytes, under the CLI demo's file name. */
export async function makeReport(kind: string, books: readonly InputBook[], params: ReportParams, org: OrgDetails | undefined): Promise<{ generated: Generated; bytes: Uint8Array; fileName: string }> {
  const definition = reports.get(kind);
  if (!definition) throw new Error(`Loại báo cáo không rõ "${kind}".`);
  const generated = generate(kind, books, params, { ...(org ? { org } : {}), files: books.map((b) => b.file), capabilities: FILE_CAPABILITIES });
  const bytes = await writePlanBytes(generated.plan!);
  return { generated, bytes, fileName: `${definition.fileName(generated.report)}.xlsx` };
}
