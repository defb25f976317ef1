#!/usr/bin/env node
'use strict';
// The `tochuc` command. It runs src/cli/main.ts bundled by esbuild into one CommonJS file under
// node_modules/.cache/tochuc-cli/ (npm packages stay require()d from node_modules), rebuilt when
// a file under src/ changes: start-up is then node's own, not TypeScript compilation on every run.
// Without esbuild (a devDependency), or should the build fail, the sources run through tsx.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..');
const srcDir = path.join(root, 'src');
const cacheDir = path.join(root, 'node_modules', '.cache', 'tochuc-cli');

// The benchmark reads the peak memory of this process from the file it names (kilobytes).
if (process.env.TOCHUC_PEAK_RSS_FILE) {
  const file = process.env.TOCHUC_PEAK_RSS_FILE;
  process.on('exit', () => fs.writeFileSync(file, `${process.resourceUsage().maxRSS}\n`));
}

// Output piped into a command that stops reading early (`tochuc … | head`) ends the run quietly, as
// other command-line tools do, not with node's stack trace of the failed write.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

/** The newest modification time and the count of the entries under src/ (folders too: a rename changes only its folder). */
function sourceStamp() {
  let newest = fs.statSync(path.join(root, 'tsconfig.json')).mtimeMs;
  let files = 0;
  const walk = (dir) => {
    newest = Math.max(newest, fs.statSync(dir).mtimeMs);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        files++;
        newest = Math.max(newest, fs.statSync(full).mtimeMs);
      }
    }
  };
  walk(srcDir);
  return `${Math.round(newest * 1000).toString(36)}-${files}`;
}

/** The bundle for the sources as they are now, built if need be; undefined when it cannot be. */
function bundle() {
  let stamp;
  try {
    stamp = sourceStamp();
  } catch {
    return undefined;
  }
  // The stamp is in the name: a bundle that exists is current, and runs that build at once cannot mix files.
  const file = path.join(cacheDir, `main-${stamp}.js`);
  if (fs.existsSync(file)) return file;
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch {
    return undefined;
  }
  try {
    const { outputFiles } = esbuild.buildSync({
      entryPoints: [path.join(__dirname, 'main.ts')],
      outfile: file,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      // Stack traces point at the TypeScript (source maps are switched on in loadBundle, for TOCHUC_DEBUG runs); the sources stay on disk.
      sourcemap: 'linked',
      sourcesContent: false,
      // `__dirname` in the sources means their own folder (src/cli: main.ts is the only user), not the cache's.
      banner: { js: `'use strict'; var __tochucSrcCli = require('path').join(__dirname, ${JSON.stringify(path.relative(cacheDir, __dirname))});` },
      define: { __dirname: '__tochucSrcCli' },
      // import() becomes require(): the bundle runs as a vm.Script (loadBundle), which has no loader for import().
      supported: { 'dynamic-import': false },
      logLevel: 'silent',
      write: false,
    });
    fs.mkdirSync(cacheDir, { recursive: true });
    // Bundles of earlier sources go, once no run that found one can still be about to load it.
    for (const old of fs.readdirSync(cacheDir)) {
      const full = path.join(cacheDir, old);
      if (/^main-/.test(old) && Date.now() - fs.statSync(full).mtimeMs > 60_000) fs.rmSync(full, { force: true });
    }
    // Each file written whole under a temporary name, then renamed: a concurrent run sees all or nothing; the map goes first.
    for (const out of [...outputFiles].sort((a, b) => Number(b.path.endsWith('.map')) - Number(a.path.endsWith('.map')))) {
      const tmp = `${out.path}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, out.contents);
      fs.renameSync(tmp, out.path);
    }
    return file;
  } catch {
    return undefined;
  }
}

/**
 * The bundle, compiled with V8's code cache: the bytecode of the functions an earlier run compiled,
 * kept beside the bundle (main-….js.v8cache). Compiling them again is about 5 % of a report on the
 * bench's 60,000-member register (test/tools/benchLibreOffice.ts). The cache is written when a run
 * ends, so it holds what that run compiled, by the first run of each bundle and again by any run
 * whose cache V8 refused (another node version). A run asked for its stack (TOCHUC_DEBUG=1, see
 * src/cli/main.ts) loads the bundle with its source map instead: loading the map costs every run
 * about 5 ms, and no other run prints a stack.
 */
function loadBundle(file) {
  if (process.env.TOCHUC_DEBUG) {
    process.setSourceMapsEnabled(true);
    return require(file);
  }
  const vm = require('vm');
  const Module = require('module');
  const cacheFile = `${file}.v8cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => {
      // Written whole under a temporary name, then renamed, as the bundle is; a cache that cannot be written is only a slower next run.
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
      } catch {
        fs.rmSync(tmp, { force: true });
      }
    });
  }
  return mod.exports;
}

const built = bundle();
let cli;
if (built) {
  cli = loadBundle(built);
} else {
  require('tsx/cjs');
  cli = require('./main.ts');
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
