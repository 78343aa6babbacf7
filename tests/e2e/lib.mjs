// Shared helpers for the browser end-to-end tests: start the real server on a free loopback
// port, launch Debian's Chromium through playwright-core, and find ImGui widgets through the
// app's test hook (Module.ccall('kinerja_test_rect', ...)) instead of fixed coordinates.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const kinerjaBin = process.env.KINERJA_BIN || path.join(repoRoot, 'build/dev/kinerja');
export const artifacts = process.env.KINERJA_ARTIFACTS || path.join(repoRoot, 'build/e2e-artifacts');
fs.mkdirSync(artifacts, { recursive: true });

const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// Starts `kinerja serve --demo` on a fresh database (plus `args`, e.g. ['--demo-staff', '5000']);
// resolves once it answers /health. The small demo city alone (`--no-history`) unless `history`:
// the tests count the city's records and time the first sync of its handful.
// `db` and `port` restart a server that was stopped on its own database and address.
export async function startServer({ args = [], publicDir = path.join(repoRoot, 'public'),
  history = false, db: existingDb = null, port: existingPort = null } = {}) {
  const dir = existingDb ? path.dirname(existingDb) : tempDir('kinerja-e2e-db-');
  const port = existingPort || await freePort();
  const db = existingDb || path.join(dir, 'kinerja.db');
  const proc = spawn(kinerjaBin, ['serve', '--port', String(port), '--db', db, '--public',
    publicDir, '--demo', ...(history ? [] : ['--no-history']), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      const r = await fetch(`${base}/api/v1/health`);
      if (r.ok) return { proc, base, db, dir, port, log: () => log };
    } catch { /* not up yet */ }
    if (proc.exitCode !== null) break;
    await sleep(100);
  }
  proc.kill('SIGKILL');
  throw new Error(`server did not start: ${log}`);
}

export function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

// `options` adds to or overrides the context options (e.g. hasTouch, deviceScaleFactor).
export async function launch(profileDir, options = {}) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1024, height: 768 },
    ...options,
  });
}

// A finger dragged from (x, y) by dy CSS px in `steps` moves over `ms`, through CDP touch
// events (Input.dispatchTouchEvent), as a tablet would send them. Touch emulation is switched
// on for the page first.
export async function touchDrag(page, { x, y, dy, steps = 20, ms = 400 }) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  const point = (py) => [{ x, y: py, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(y) });
  await sleep(50);
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y + (dy * i) / steps) });
    await sleep(ms / steps);
  }
  await sleep(50);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await sleep(80);
  await cdp.detach().catch(() => {});
}

// SIGKILLs every Chromium process of `profileDir`, as a crash or a killed tab would.
export function killBrowser(profileDir) {
  let out = '';
  try { out = execFileSync('pgrep', ['-f', '--', `--user-data-dir=${profileDir}`]).toString(); } catch { return 0; }
  const pids = out.split(/\s+/).filter(Boolean).map(Number);
  for (const pid of pids) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
  return pids.length;
}

export async function appState(page) {
  const s = await page.evaluate(() =>
    (typeof Module !== 'undefined' && Module.calledRun)
      ? Module.ccall('kinerja_test_state', 'string', [], []) : '');
  return s ? JSON.parse(s) : null;
}

export async function waitState(page, pred, what, timeoutMs = 20000) {
  const end = Date.now() + timeoutMs;
  let last = null;
  while (Date.now() < end) {
    last = await appState(page).catch(() => null);
    if (last && pred(last)) return last;
    await sleep(30);
  }
  throw new Error(`timed out waiting for ${what}; last state ${JSON.stringify(last)}`);
}

export async function widgetRect(page, id, timeoutMs = 10000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const r = await page.evaluate((wid) => Module.ccall('kinerja_test_rect', 'string', ['string'], [wid]), id);
    if (r) {
      const [x, y, w, h] = r.split(',').map(Number);
      return { x, y, w, h };
    }
    await sleep(50);
  }
  throw new Error(`widget ${id} never appeared`);
}

// Taps the centre of a widget: press and release a frame apart, as a finger would.
export async function tap(page, id) {
  await pressAt(page, await widgetRect(page, id));
}

async function pressAt(page, r) {
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await sleep(50);
  await page.mouse.down();
  await sleep(60);
  await page.mouse.up();
  await sleep(60);
}

// Taps the centre of a widget with a finger: touch events through the DevTools protocol (the
// page's context needs hasTouch), a frame apart, as on a tablet.
export async function touchTap(page, id) {
  const r = await widgetRect(page, id);
  const cdp = await page.context().newCDPSession(page);
  const point = [{ x: r.x + r.w / 2, y: r.y + r.h / 2 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point });
  await sleep(80);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await sleep(80);
  await cdp.detach();
}

export async function typeInto(page, id, text) {
  await tap(page, id);
  await page.keyboard.type(text, { delay: 30 });
  await sleep(60);
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

export function sqlite(db, sql) {
  return execFileSync('sqlite3', [db, sql]).toString().trim();
}

// Logs `username` in with the demo password and waits until the login screen is gone.
export async function loginAs(page, username, password = 'kinerja-demo', timeoutMs = 20000) {
  await waitState(page, (s) => s.screen === 'login', 'the login screen');
  await typeInto(page, 'login.username', username);
  await typeInto(page, 'login.password', password);
  await tap(page, 'login.submit');
  await waitState(page, (s) => s.screen !== 'login' && s.user === username && !s.busy, `${username} logged in`, timeoutMs);
}

// Opens the app in the context's page, logs `username` in and waits until the first sync has
// brought the roster (`rosterSize` people) to the home screen; returns the page.
export async function openAs(context, server, username, rosterSize = 5) {
  const page = context.pages()[0] || await context.newPage();
  await page.goto(server.base + '/');
  await loginAs(page, username);
  await waitState(page, (s) => s.screen === 'roster' && s.roster === rosterSize && !s.busy,
    `${username}'s roster`);
  return page;
}

// From the roster, opens one employee's page (notes, and the buttons to appraise them).
export async function openEmployee(page, employeeId) {
  await tap(page, `roster.${employeeId}`);
  await waitState(page, (s) => s.screen === 'note', 'the note screen');
}

// The widget's rectangle once it lies wholly between `top` and `bottom` (CSS px) and has
// stopped moving, scrolling the area under (x, y) with the mouse wheel as needed: down first,
// then up. Widgets outside the visible part of a scrolling child are not reported by the app.
export async function reveal(page, id, { top = 0, bottom = 768, x = 512, y = 600, steps = 25 } = {}) {
  const quick = async () => {
    const r = await page.evaluate((wid) => Module.ccall('kinerja_test_rect', 'string', ['string'], [wid]), id);
    if (!r) return null;
    const [rx, ry, rw, rh] = r.split(',').map(Number);
    return { x: rx, y: ry, w: rw, h: rh };
  };
  let dir = 1;
  for (let i = 0; i < steps * 3; i++) {
    const a = await quick();
    if (a && a.y >= top && a.y + a.h <= bottom) {
      await sleep(40);
      const b = await quick();
      if (b && b.x === a.x && b.y === a.y) return b;
      continue;
    }
    if (a) dir = a.y < top ? -1 : 1;
    else if (i === steps) dir = -1;  // not found scrolling down: look above
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, dir * 100);
    await sleep(120);
  }
  throw new Error(`widget ${id} never became visible between y=${top} and y=${bottom}`);
}

// Taps a widget after revealing it (see reveal).
export async function tapVisible(page, id, opts) {
  await pressAt(page, await reveal(page, id, opts));
}
