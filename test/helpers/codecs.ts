/**
 * The two codecs of src/workbook/codec, to run a test under each in one process: zlib (Node's, the
 * CLI's) and fflate (a browser build's). `underCodec` sets one for the tests of a describe block and
 * gives the build's back after them.
 */
import { useCodec, type Codec } from '../../src/workbook/codec';
import { codec as fflateCodec } from '../../src/workbook/codec/fflate';
import { codec as zlibCodec } from '../../src/workbook/codec/node';

export { fflateCodec, zlibCodec };

export const CODECS: Array<[Codec['name'], Codec]> = [
  ['zlib', zlibCodec],
  ['fflate', fflateCodec],
];

export function underCodec(codec: Codec): void {
  beforeAll(() => useCodec(codec));
  afterAll(() => useCodec(undefined));
}
