// The HR workspace's first screen after login (issue 13's "first screen under 1 s after
// login"; docs/performance.md, "HR workspace: first screen"), in Debian's headless Chromium
// against the real server on loopback. For each store: from the tap on "Masuk" to
//   shown   the HR workspace is the screen (hr_home),
//   units   it shows the unit tree (the server's workspace summary until the first pull has
//           ended, then the device store's units),
//   synced  the first sync has ended (the tree's counts are the city's).
// On a fresh device (cold: the first sync pulls HR's whole scope) and on the same device after
// logging out and in again (warm: only what changed). Prints each figure and one TARGET line.
//
//   node bench/web/hr_first_screen.mjs                   # the demo city with its year of history
//   node bench/web/hr_first_screen.mjs --city /tmp/city.db [--wait 300]
//        # also a store built by bench/run_report_bench.sh --db /tmp/city.db (10,000 staff);
//        # opened in place (copied first: the server writes to it), no demo seeded
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  appState, killBrowser, launch, repoRoot, sleep, startServer, tap, tempDir, waitState,
} from '../../tests/e2e/lib.mjs';

const argText = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : '';
};
const CITY = argText('city');
const WAIT_S = Number(argText('wait') || 300);
const kinerjaBin = process.env.KINERJA_BIN || path.join(repoRoot, 'build/dev/kinerja');
const targets = [];

// Polls the app's state every 20 ms from now until `pred` or `timeoutMs`; ms since `t0`, or
// null when it did not happen in time.
async function until(page, t0, pred, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const s = await appState(page).catch(() => null);
    if (s && pred(s)) return Date.now() - t0;
    await sleep(20);
  }
  return null;
}

const show = (ms) => (ms === null ? 'not within the wait' : `${ms} ms`);

async function login(page, waitMs) {
  await waitState(page, (s) => s.screen === 'login', 'the login screen', 30000);
  for (const [id, text] of [['login.username', 'hr'], ['login.password', 'kinerja-demo']]) {
    await tap(page, id);
    await page.keyboard.press('Control+A');  // the screen keeps the last user's name
    await page.keyboard.press('Backspace');
    await page.keyboard.type(text, { delay: 30 });
  }
  const t0 = Date.now();
  await tap(page, 'login.submit');
  const shown = await until(page, t0, (s) => s.screen === 'hr_home', waitMs);
  const units = await until(page, t0, (s) => s.screen === 'hr_home' && s.hr && s.hr.units.length > 0, waitMs);
  const synced = await until(page, t0, (s) => s.screen === 'hr_home' && !s.busy && s.last_sync !== '', waitMs);
  const s = await appState(page).catch(() => ({}));
  return { shown, units, synced, staff: s.hr ? s.hr.staff : 0, unitCount: s.hr ? s.hr.units.length : 0,
    source: s.hr ? s.hr.source : '' };
}

async function measure(label, base) {
  const profile = tempDir('kinerja-bench-hr-');
  const context = await launch(profile);
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(base + '/');
    const cold = await login(page, WAIT_S * 1000);
    console.log(`${label} cold:  shown ${show(cold.shown)}, units ${show(cold.units)}, synced ${show(cold.synced)}` +
      ` (${cold.unitCount} units, ${cold.staff} staff on the screen, drawn from the ${cold.source || '?'})`);
    target(`${label} cold: workspace shown`, cold.shown);
    target(`${label} cold: workspace with its units`, cold.units);
    if (cold.synced !== null) {
      await tap(page, 'logout');
      await waitState(page, (s) => s.screen === 'login', 'logged out', 30000).catch(() => {});
      const warm = await login(page, WAIT_S * 1000);
      console.log(`${label} warm:  shown ${show(warm.shown)}, units ${show(warm.units)}, synced ${show(warm.synced)}`);
      target(`${label} warm: workspace with its units`, warm.units);
    }
  } finally {
    await context.close().catch(() => {});
    killBrowser(profile);
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

function target(name, ms) {
  const ok = ms !== null && ms < 1000;
  targets.push(`TARGET ${name}: ${show(ms)} (target < 1000 ms) ${ok ? 'PASS' : 'MISS'}`);
}

async function startCity(file) {
  const dir = tempDir('kinerja-bench-city-');
  const db = path.join(dir, 'city.db');
  fs.copyFileSync(file, db);
  const port = 18000 + Math.floor(Math.random() * 2000);
  const proc = spawn(kinerjaBin, ['serve', '--port', String(port), '--db', db, '--public',
    path.join(repoRoot, 'public')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return { proc, base, dir };
    } catch { /* not up yet */ }
    await sleep(100);
  }
  proc.kill('SIGKILL');
  throw new Error('the city server did not start');
}

const demo = await startServer({ history: true });
try {
  await measure('demo history', demo.base);
} finally {
  demo.proc.kill('SIGTERM');
}
if (CITY) {
  const city = await startCity(CITY);
  try {
    await measure('city of 10,000 staff', city.base);
  } finally {
    city.proc.kill('SIGTERM');
    fs.rmSync(city.dir, { recursive: true, force: true });
  }
}
console.log('\n== targets');
for (const t of targets) console.log(t);
