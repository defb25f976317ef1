import { promises as fs } from 'fs';
import path from 'path';
import type { FillPlan } from '../../templates/plan';
import { writeWorkbook } from './xlsxWriter';

export { FILE_CAPABILITIES } from './xlsxWriter';
import { createZipFile } from './zipFile';

/**
 * A new workbook holding the plan's sheets, written to `file` (its folder made if need be): by
 * tochuc's own streaming writer (`xlsxWriter.ts` says why not exceljs), the same document as the
 * exceljs executor `writePlan.ts` makes, which stays for workbooks read and written back.
 */
export async function writePlanFile(file: string, plan: FillPlan): Promise<string[]> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  return writeXlsxPlan(file, plan);
}

/**
 * Writes the plan's sheets into a new .xlsx file at `file` as they are made (xlsxWriter.ts: the
 * parts writePlanBytes.ts makes in memory); the names the sheets got. On failure the half-written file
 * is removed and the error thrown.
 */
export async function writeXlsxPlan(file: string, plan: FillPlan): Promise<string[]> {
  const zip = await createZipFile(file);
  try {
    return await writeWorkbook(zip, plan);
  } catch (e) {
    await fs.rm(file, { force: true });
    throw e;
  }
}
