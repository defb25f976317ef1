import { codec as builtIn } from './node';
import type { Codec } from './types';

export type { Codec, Deflater, InflatingStream } from './types';
export { InflateLimitError } from './types';

/**
 * The codec of this build. Node (the CLI, jest, tsx) imports `./node.ts`: zlib. A browser build
 * gets `./fflate.ts` in its place through package.json's "browser" field, which webpack (target
 * web) and esbuild (platform browser) honour with no configuration, while Node, jest and the CLI's
 * esbuild bundle (platform node) ignore it: no bundler setting for a page's build to forget, and the
 * CLI keeps zlib. Both modules export `codec`; test/browserBuild.test.ts checks which one a web build holds.
 */
let current: Codec = builtIn;

export function codec(): Codec {
  return current;
}

/** For tests: another codec (fflate's under Node, to hold the two to the same results), or back to the build's with undefined. */
export function useCodec(next: Codec | undefined): void {
  current = next ?? builtIn;
}
