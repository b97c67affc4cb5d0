#!/usr/bin/env node
'use strict';
// Runs the TypeScript sources directly (no build step): tsx hooks both
// require() and import(), the latter being how Kysely's Migrator loads files.
import('tsx/esm/api').then(({ register }) => {
  register();
  require('tsx/cjs/api').register();
  require('../src/main.ts');
});
