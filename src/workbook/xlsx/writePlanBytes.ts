import type { FillPlan } from '../../templates/plan';
import { writeWorkbook } from './xlsxWriter';
import { MemorySink, ZipWriter } from './zipWriter';

export { FILE_CAPABILITIES } from './xlsxWriter';

/**
 * The plan's sheets as a new .xlsx workbook in memory, for a page to offer as a download: the parts
 * writePlanFile.ts writes to a file (xlsxWriter.ts makes both), byte for byte under the same codec.
 * No Node built-in is reached from here (test/browserBuild.test.ts).
 */
export async function writePlanBytes(plan: FillPlan): Promise<Uint8Array> {
  const sink = new MemorySink();
  await writeWorkbook(new ZipWriter(sink), plan);
  return sink.bytes();
}
