import { promises as fs } from 'fs';
import path from 'path';
import type { FillPlan } from '../../templates/plan';
import { loadExcelJs } from './exceljs';
import { writePlan } from './writePlan';

/** A new workbook holding the plan's sheets, written to `file` (its folder made if need be). */
export async function writePlanFile(file: string, plan: FillPlan): Promise<string[]> {
  const { Workbook } = await loadExcelJs();
  const wb = new Workbook();
  const { sheets } = writePlan(wb, plan);
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await wb.xlsx.writeFile(file);
  return sheets;
}
