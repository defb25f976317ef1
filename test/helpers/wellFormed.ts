import { promises as fs } from 'fs';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/**
 * The parts of a written .xlsx that do not parse as XML 1.0, with the parser's word (none:
 * well-formed). saxes refuses a forbidden character where a structure check would not. Throws when
 * the package lacks the parts every workbook has.
 */
export async function illFormedParts(file: string): Promise<string[]> {
  const parts = unzipSync(new Uint8Array(await fs.readFile(file)));
  const names = Object.keys(parts);
  const missing = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/styles.xml'].filter((n) => !names.includes(n));
  if (missing.length) return missing.map((n) => `${n}: missing`);
  const bad: string[] = [];
  for (const name of names) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const parser = new SaxesParser({ xmlns: true });
    let error: Error | undefined;
    parser.on('error', (e) => {
      error ??= e;
    });
    parser.write(strFromU8(parts[name])).close();
    if (error) bad.push(`${name}: ${error.message}`);
  }
  return bad;
}
