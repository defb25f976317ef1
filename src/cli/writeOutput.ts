import type { FillPlan } from '../templates/plan';
import { writePlanFile } from '../workbook/xlsx/writePlanFile';
import { refuseInputAsOutput, refuseOverwrite, writeAtomically, type Overwrite } from './outputFile';
import { UsageError } from './usageError';

/** Before any work: the output is none of the inputs, and replaces no file it must not (outputFile.ts). */
export async function checkOutput(file: string, inputs: readonly string[], overwrite: Overwrite, force = false): Promise<void> {
  await refuseInputAsOutput(file, inputs);
  await refuseOverwrite(file, overwrite, force);
}

/** Writes a workbook whole or not at all (through a temporary file); a file Excel holds open is a clear one-line error. */
export async function writeFileSafely<T>(file: string, write: (temporary: string) => Promise<T>): Promise<T> {
  try {
    return await writeAtomically(file, write);
  } catch (e) {
    throw new UsageError(`Không ghi được "${file}" (${(e as Error).message.split('\n')[0]}): tệp có đang mở trong Excel, hay thư mục không ghi được?`);
  }
}

/** Writes the report's sheets into a new workbook; the names of the sheets written. */
export function writeReport(file: string, plan: FillPlan): Promise<string[]> {
  return writeFileSafely(file, (temporary) => writePlanFile(temporary, plan));
}
