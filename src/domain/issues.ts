/** A problem found in the data, always with its address (docs/design.md, principle 4). */
export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  sheet: string;
  /** A1 address of the cell, or of the first cell of the row/sheet when no single cell is at fault. */
  cell: string;
  severity: Severity;
  /** Stable machine code, e.g. `date.invalid`, so that tests and the UI can group issues. */
  code: string;
  /** Vietnamese message for the officer. */
  message: string;
  /** Vietnamese hint: what to do about it. */
  hint?: string;
  /** The workbook, when several are consolidated (one per district). */
  file?: string;
}

export function countBySeverity(issues: readonly Issue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity]++;
  return counts;
}
