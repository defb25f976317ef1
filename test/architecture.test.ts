/**
 * The house rules that keep a report kind one module (docs/design.md): the template engine knows no
 * report, and no kind's id is compared outside the kind's own folder, src/reports/<kind>/.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { reports } from '../src/reports';

const SRC = path.join(__dirname, '..', 'src');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : Promise.resolve(/\.(ts|tsx|js)$/.test(e.name) ? [path.join(dir, e.name)] : []))));
  return nested.flat();
}

/** The files a source imports (relative specifiers only), resolved to paths without extension. */
function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:from|import|require)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specifiers.map((s) => path.resolve(path.dirname(file), s));
}

/** Comparisons with one of the ids: `=== 'merger'`, `'merger' !==`, `case 'merger':`. */
export function kindComparisons(text: string, ids: readonly string[]): string[] {
  const id = ids.map((i) => i.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const pattern = new RegExp(`(?:[!=]==?\\s*['"\`](?:${id})['"\`])|(?:['"\`](?:${id})['"\`]\\s*[!=]==?)|(?:case\\s+['"\`](?:${id})['"\`]\\s*:)`, 'g');
  return [...text.matchAll(pattern)].map((m) => m[0]);
}

describe('the architecture', () => {
  it('finds a comparison with a kind id however it is written, and nothing else', () => {
    const ids = ['reduction', 'merger'];
    expect(kindComparisons("if (kind === 'reduction') x(); if ('merger' !== k) y(); switch (k) { case 'merger': }", ids)).toEqual(["=== 'reduction'", "'merger' !==", "case 'merger':"]);
    expect(kindComparisons("const id = 'reduction'; call('merger'); k === 'other'", ids)).toEqual([]);
  });

  it('src/templates imports nothing from src/reports: the engine knows no report kind', async () => {
    const found: string[] = [];
    for (const file of await sourceFiles(path.join(SRC, 'templates'))) {
      for (const target of importsOf(file, await fs.readFile(file, 'utf8'))) {
        if (target.startsWith(path.join(SRC, 'reports'))) found.push(`${path.relative(SRC, file)} → ${path.relative(SRC, target)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('no kind id is compared outside its own folder src/reports/<kind>/', async () => {
    const ids = reports.ids();
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const found: string[] = [];
    for (const file of await sourceFiles(SRC)) {
      const own = path.relative(path.join(SRC, 'reports'), file).split(path.sep)[0];
      const others = ids.filter((id) => id !== own);
      for (const comparison of kindComparisons(await fs.readFile(file, 'utf8'), others)) found.push(`${path.relative(SRC, file)}: ${comparison}`);
    }
    expect(found).toEqual([]);
  });
});
