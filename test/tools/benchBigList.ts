/**
 * The CLI on the largest staff lists: `tochuc report reduction --period 2019
 * --out` as a whole process on a generated list of 1,048,571 people (Excel's every row) and of
 * 200,000, each list made once by bigStaffList.ts and kept in node_modules/.cache/tochuc-bench/.
 * Wall time and peak resident memory (the CLI writes its maxRSS where TOCHUC_PEAK_RSS_FILE says).
 * Goals: 1M rows in at most 90 s and 1.5 GB, 200k rows in at most 300 MB.
 *
 * `npx tsx test/tools/benchBigList.ts [rows …]`
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { ensureBigStaffList } from './bigStaffList';

const ROOT = path.join(__dirname, '..', '..');

export interface BigListRun {
  rows: number;
  /** Median wall time of the runs, seconds. */
  seconds: number;
  /** Highest peak resident memory of the runs, MB. */
  peakMb: number;
  listBytes: number;
  generated: boolean;
  reportBytes: number;
}

/** `runs` timed runs after one that warms the launcher's bundle cache (and the file cache). */
export async function benchCliBigList(rows: number, runs = 3): Promise<BigListRun> {
  const list = await ensureBigStaffList(rows);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-bench-big-'));
  try {
    const peakFile = path.join(dir, 'peak-rss');
    const out = path.join(dir, 'bao-cao.xlsx');
    const once = () => {
      fs.rmSync(peakFile, { force: true });
      fs.rmSync(out, { force: true });
      const t0 = performance.now();
      const child = spawnSync(process.execPath, [path.join(ROOT, 'src', 'cli', 'tochuc.js'), 'report', 'reduction', '--input', list.file, '--period', '2019', '--out', out], {
        cwd: ROOT, env: { ...process.env, TOCHUC_PEAK_RSS_FILE: peakFile }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
      });
      const seconds = (performance.now() - t0) / 1000;
      const peakKb = fs.existsSync(peakFile) ? Number(fs.readFileSync(peakFile, 'utf8')) : NaN;
      if ((child.status !== 0 && child.status !== 1) || !(peakKb > 0) || !fs.existsSync(out)) {
        throw new Error(`bench: tochuc report reduction on ${rows} rows exited ${child.status}: ${(child.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
      }
      return { seconds, peakKb, reportBytes: fs.statSync(out).size };
    };
    once();
    const timed = Array.from({ length: runs }, once);
    const sorted = timed.map((r) => r.seconds).sort((a, b) => a - b);
    return {
      rows, seconds: Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10, peakMb: Math.round(Math.max(...timed.map((r) => r.peakKb)) / 1024),
      listBytes: list.bytes, generated: list.generated, reportBytes: timed[0].reportBytes,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void (async () => {
    const sizes = process.argv.slice(2).map(Number);
    for (const rows of sizes.length ? sizes : [200_000, 1_048_571]) {
      const r = await benchCliBigList(rows);
      console.log(JSON.stringify(r));
    }
  })();
}
