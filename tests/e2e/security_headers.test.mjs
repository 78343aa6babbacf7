// The page under its Content-Security-Policy (server/http/security_headers.h): the headers are
// on the page, the wasm app compiles and starts with no policy violation (no inline script is
// left), and it still starts offline from the service worker, which keeps the headers too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { killBrowser, launch, shot, startServer, tempDir, waitState } from './lib.mjs';

test('the app starts under its security headers with no violation, online and then offline', async () => {
  const server = await startServer();
  const profile = tempDir('kinerja-e2e-csp-');
  const context = await launch(profile);
  try {
    const page = context.pages()[0] || await context.newPage();
    const violations = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.warn(`Refused to load: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const res = await page.goto(server.base + '/');
    const h = res.headers();
    assert.match(h['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(h['content-security-policy'], /frame-ancestors 'none'/);
    assert.doesNotMatch(h['content-security-policy'], /unsafe-inline/);
    assert.equal(h['x-content-type-options'], 'nosniff');
    assert.equal(h['x-frame-options'], 'DENY');
    assert.equal(h['referrer-policy'], 'no-referrer');
    assert.equal(h['strict-transport-security'], undefined, 'no HSTS over plain HTTP');
    const api = await fetch(server.base + '/api/v1/health');
    assert.equal(api.headers.get('x-content-type-options'), 'nosniff', 'the API too');

    await waitState(page, (s) => s.screen === 'login', 'the login screen (the wasm app runs)', 30000);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await waitState(page, () => true, 'a frame');
    assert.deepEqual(violations, [], 'no policy violation while starting');

    await context.setOffline(true);
    await page.reload();
    await waitState(page, (s) => s.screen === 'login', 'the app started offline', 30000);
    assert.deepEqual(violations, [], 'none offline either');
    await shot(page, 'csp-offline-start');
  } finally {
    await context.close().catch(() => {});
    killBrowser(profile);
    server.proc.kill('SIGTERM');
  }
});
