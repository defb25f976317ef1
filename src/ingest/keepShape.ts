/**
 * Objects made once and never released, one for each class whose instances a report's hot loops
 * are compiled against.
 *
 * Why: V8 compiles a loop for the hidden class of the objects it reads, and drops the compiled
 * code when a full garbage collection finds no object of that class left. Between two reports
 * there is none (each report makes its own reader), so after the collection that an idle task
 * pane or the bench runs between them, the next report ran its row loop unoptimized until V8 had
 * compiled it again: on the bench's 100,000 rows, about a tenth of the report (docs/performance.md,
 * "Why the code is shaped as it is"). An instance kept here holds its class, so the code survives.
 * The instances hold no sheet.
 */
const kept: object[] = [];

export function keepShape<T extends object>(instance: T): T {
  kept.push(instance);
  return instance;
}
