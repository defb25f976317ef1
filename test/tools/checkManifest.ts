/**
 * Checks manifest.xml against the built dist/ folder (run `npm run build` first).
 *   npx tsx test/tools/checkManifest.ts [manifest.xml] [dist]
 * Exit code 1 when there are problems.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkManifest } from './manifestCheck';

const root = resolve(__dirname, '..', '..');
const manifestPath = resolve(process.argv[2] ?? join(root, 'manifest.xml'));
const distDir = resolve(process.argv[3] ?? join(root, 'dist'));

if (!existsSync(distDir)) {
  console.error(`${distDir} does not exist: run \`npm run build\` first.`);
  process.exit(1);
}

const fileExists = (urlPath: string): boolean => {
  const file = join(distDir, ...urlPath.split('/').filter(Boolean));
  return file.startsWith(distDir) && existsSync(file) && statSync(file).isFile();
};

const problems = checkManifest(readFileSync(manifestPath, 'utf8'), fileExists);
if (problems.length > 0) {
  console.error(`${manifestPath}: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`${manifestPath}: OK (checked against ${distDir})`);
