/**
 * The hostile corpus's fixtures beyond the first seventeen (test/tools/generateCorpus.ts), one module
 * a class of input, each a record of file name → maker. A class's tests live in its own test file.
 */
import type { Fixtures } from './make';

export const MORE_FIXTURES: Fixtures[] = [];
