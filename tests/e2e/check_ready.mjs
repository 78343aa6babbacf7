// Fails with a clear message when the browser tests cannot run (no wasm build in public/,
// playwright-core not installed), then runs the command after --then.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const problems = [];
for (const f of ['public/kinerja_web.js', 'public/kinerja_web.wasm']) {
  if (!fs.existsSync(path.join(root, f))) problems.push(`${f} is missing: build the wasm preset first (scripts/test does)`);
}
if (!fs.existsSync(path.join(root, 'tests/e2e/node_modules/playwright-core'))) {
  problems.push('playwright-core is not installed: run scripts/bootstrap');
}
if (!fs.existsSync(process.env.CHROMIUM || '/usr/bin/chromium')) problems.push('chromium is not installed: run scripts/bootstrap');
if (problems.length) {
  console.error('e2e: cannot run:\n  ' + problems.join('\n  '));
  process.exit(1);
}
const i = process.argv.indexOf('--then');
const [cmd, ...args] = process.argv.slice(i + 1);
const r = spawnSync(cmd, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
