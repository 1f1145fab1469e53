#!/usr/bin/env node
// The CLI is compiled TypeScript; `npm ci` builds it (the "prepare" script).
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'main', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('mizan: not built yet; run "npm run build" in ' + path.join(__dirname, '..') + '\n');
  process.exit(2);
}
require(entry);
