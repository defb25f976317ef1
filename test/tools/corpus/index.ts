/**
 * The hostile corpus's fixtures beyond the first seventeen (test/tools/generateCorpus.ts): one module
 * a class of input in this folder, each exporting `FIXTURES`, a record of file name → maker. A
 * class's tests live in a test file of its own. Modules are found by listing the folder, so that a
 * new class is one new file.
 */
import { readdirSync } from 'fs';
import path from 'path';
import type { Fixtures } from './make';

export function moreFixtures(): Fixtures[] {
  return readdirSync(__dirname)
    .filter((f) => /\.ts$/.test(f) && !['index.ts', 'make.ts'].includes(f))
    .sort()
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    .map((f) => (require(path.join(__dirname, f)) as { FIXTURES: Fixtures }).FIXTURES);
}
