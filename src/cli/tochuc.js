#!/usr/bin/env node
// The `tochuc` command runs the TypeScript sources directly (tsx), so that it works right after `npm ci`.
require('tsx/cjs');
require('./main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
