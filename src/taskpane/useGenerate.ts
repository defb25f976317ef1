import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExcelHost } from '../workbook/office/host';
import { generateInExcel, type GenerateInExcelResult, type ReportKind, type ReportValues, type RunOptions } from '../workbook/office/generateInExcel';

export type Step = 'read' | 'compute' | 'write';

export type RunState =
  | { status: 'idle' }
  /** `cancelling`: "Hủy" was clicked; the run stops at its next batch and takes back what it wrote. */
  | { status: 'running'; step: Step; done: number; total: number; cancelling: boolean }
  | { status: 'done'; result: GenerateInExcelResult }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

type Params = Omit<RunOptions, 'onProgress' | 'signal'> & ReportValues;

const isAbort = (e: unknown) => e instanceof Error && e.name === 'AbortError';

/** Runs the use case once at a time, with its progress, and a cancel that aborts it. */
export function useGenerate(host: ExcelHost | undefined): { state: RunState; start: (kind: ReportKind, params: Params) => void; cancel: () => void } {
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(
    (kind: ReportKind, params: Params) => {
      if (!host || running.current) return;
      const controller = new AbortController();
      running.current = controller;
      setState({ status: 'running', step: 'read', done: 0, total: 0, cancelling: false });
      const onProgress = (step: Step, done: number, total: number) => {
        if (running.current === controller && !controller.signal.aborted) setState({ status: 'running', step, done, total, cancelling: false });
      };
      generateInExcel(host, kind, { ...params, onProgress, signal: controller.signal })
        .then(
          (result) => ({ status: 'done', result }) as const,
          (e: unknown) => (isAbort(e) || controller.signal.aborted ? { status: 'cancelled' as const } : { status: 'failed' as const, message: e instanceof Error ? e.message : String(e) }),
        )
        .then((next: RunState) => {
          if (running.current !== controller) return;
          running.current = null;
          setState(next);
        });
    },
    [host],
  );

  const cancel = useCallback(() => {
    const controller = running.current;
    if (!controller || controller.signal.aborted) return;
    controller.abort();
    setState((current) => (current.status === 'running' ? { ...current, cancelling: true } : current));
  }, []);

  return { state, start, cancel };
}
