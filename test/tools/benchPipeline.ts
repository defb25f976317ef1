/**
 * The bench's in-memory figures, measured in a process of their own on an esbuild bundle of the
 * sources: that is the code users run (the CLI runs such a bundle, the add-in webpack's), not tsx's
 * per-module CommonJS, and no figure carries the heap of the rest of the bench.
 *
 * - `rowsPerSecond`: ingest plus report of a 100,000-row staff grid held in memory, the
 *   reduction report: ingest with the duplicate check, the figures and the filled plan of its sheets.
 * - `ingestRowsPerSecond`: ingest of that grid alone.
 * - `msPerReport` of the two other kinds, from grids already read.
 *
 * Each timed run starts from a collected heap (a full GC before it, outside the time): a run is
 * timed on its own work, not on collecting what the runs before it left behind. On this machine a
 * page the process touches for the first time costs about 15 µs (a virtual machine's page fault),
 * so minor page faults per run are reported beside the times.
 *
 * `bench.ts` builds and starts this file (`runPipelineBench`); alone: the JSON on stdout.
 */
import { performance } from 'perf_hooks';
import { ingestWorkbook } from '../../src/ingest/ingestWorkbook';
import { ingestSheet } from '../../src/ingest/ingestSheet';
import { generateOne } from '../helpers/generate';
import { readXlsxBook } from '../../src/workbook/xlsx/readXlsx';
import { staffGrid } from './staffGrid';

/**
 * Warm-up calls before the timed ones. V8 compiles a 100,000-row pipeline's hot paths over its
 * first few runs: instructions per run under cachegrind (node --single-threaded) were 2.1, 1.4,
 * 1.9, 1.2, then 0.8–0.95 billion from the fifth run on. The timed runs are that steady state; the
 * very first run, compile included, is reported beside them (`…FirstRunMs`).
 */
export const WARM_UP_RUNS = 4;
export const STAFF_ROWS = 100_000;
/** The reduction report the figures time, and the bench writes out. */
export const REDUCTION_PARAMS = { period: { from: '2015-01-01', to: '2019-12-31' }, generatedAt: '2026-11-22T00:00:00Z' };

export interface PipelineFigures {
  rows: number;
  runs: number;
  /** Median of the timed runs, then the best one and the first (cold) one, in ms. */
  ms: number;
  bestMs: number;
  firstRunMs: number;
  rowsPerSecond: number;
  rowsPerSecondBest: number;
  /** The median of the timed runs' minor page faults. */
  pageFaultsPerRun: number;
  reduced: number;
  planRows: number;
  ingestMs: number;
  ingestRowsPerSecond: number;
  partyQuarterlyMs: number;
  mergerMs: number;
  /** Whether each run started from a collected heap (node --expose-gc). */
  collectedBetweenRuns: boolean;
  /** memoryNsPerRead just before the reduction runs and just after them. */
  memoryNsBefore: number;
  memoryNsAfter: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** The middle value (the upper one of an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The machine's memory latency at the moment, in ns a read: a chase through a random cycle over
 * 64 MB, past any cache. The pipeline reads as much memory as it computes, and on this shared
 * virtual machine the latency moves from one minute to the next: printed beside the times, it
 * tells a slow machine from slow code.
 */
export function memoryNsPerRead(steps = 1_000_000): number {
  const slots = 16 * 1024 * 1024;
  const next = new Int32Array(slots);
  // Sattolo's shuffle: one cycle through every slot, so the chase never settles in a small loop.
  for (let i = 0; i < slots; i++) next[i] = i;
  let seed = 12345;
  for (let i = slots - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = seed % i;
    const t = next[i];
    next[i] = next[j];
    next[j] = t;
  }
  let at = 0;
  const t0 = performance.now();
  for (let s = 0; s < steps; s++) at = next[at];
  const ns = ((performance.now() - t0) * 1e6) / steps;
  if (at < 0) throw new Error('unreachable');
  return Math.round(ns);
}

/** Milliseconds and minor page faults of the first call (cold), then of each of `runs` calls after the warm-ups. */
function timesOf(runs: number, work: () => void, warmUps = WARM_UP_RUNS): { first: number; times: number[]; faults: number[] } {
  const times: number[] = [];
  const faults: number[] = [];
  let first = 0;
  for (let i = 0; i < runs + warmUps; i++) {
    gc?.();
    const f0 = process.resourceUsage().minorPageFault;
    const t0 = performance.now();
    work();
    const ms = performance.now() - t0;
    const f = process.resourceUsage().minorPageFault - f0;
    if (i === 0) first = ms;
    if (i >= warmUps) {
      times.push(ms);
      faults.push(f);
    }
  }
  return { first, times, faults };
}

export async function measurePipeline(runs: number, registerPath: string, samplePath: string): Promise<PipelineFigures> {
  const grid = staffGrid(STAFF_ROWS, 3);
  let generated: ReturnType<typeof generateOne<'reduction'>> | undefined;
  let records = 0;
  const memoryNsBefore = memoryNsPerRead();
  const reduction = timesOf(runs, () => {
    const book = ingestWorkbook([grid]);
    records = book.records.staff.length;
    generated = generateOne('reduction', book, REDUCTION_PARAMS);
  });
  const memoryNsAfter = memoryNsPerRead();
  if (records !== STAFF_ROWS) throw new Error(`bench: expected ${STAFF_ROWS} staff records, got ${records}`);
  const { report, plan } = generated as ReturnType<typeof generateOne<'reduction'>>;
  const ingest = timesOf(runs, () => {
    records = ingestSheet(grid).records.length;
  });
  if (records !== STAFF_ROWS) throw new Error(`bench: expected ${STAFF_ROWS} records, got ${records}`);

  const register = (await readXlsxBook(registerPath)).grids;
  const sample = (await readXlsxBook(samplePath)).grids;
  const generatedAt = '2026-11-22T00:00:00Z';
  const other = 5;
  const party = timesOf(other, () => generateOne('partyQuarterly', ingestWorkbook(register), { period: { from: '2021-04-01', to: '2021-06-30' }, generatedAt }), 1);
  const merger = timesOf(other, () => generateOne('merger', ingestWorkbook(sample), { generatedAt }), 1);

  const ms = median(reduction.times);
  const bestMs = Math.min(...reduction.times);
  const ingestMs = median(ingest.times);
  return {
    rows: STAFF_ROWS, runs, ms: Math.round(ms), bestMs: Math.round(bestMs), firstRunMs: Math.round(reduction.first),
    rowsPerSecond: Math.round(STAFF_ROWS / (ms / 1000)), rowsPerSecondBest: Math.round(STAFF_ROWS / (bestMs / 1000)),
    pageFaultsPerRun: median(reduction.faults),
    reduced: report.reduced.total, planRows: plan.sheets.reduce((n, s) => n + s.rows.length, 0),
    ingestMs: Math.round(ingestMs), ingestRowsPerSecond: Math.round(STAFF_ROWS / (ingestMs / 1000)),
    partyQuarterlyMs: Math.round(median(party.times)), mergerMs: Math.round(median(merger.times)),
    collectedBetweenRuns: gc !== undefined, memoryNsBefore, memoryNsAfter,
  };
}

if (require.main === module) {
  const [runs, registerPath, samplePath] = process.argv.slice(2);
  measurePipeline(Number(runs), registerPath, samplePath).then(
    (figures) => console.log(JSON.stringify(figures)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
