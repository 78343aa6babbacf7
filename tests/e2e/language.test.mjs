// The language toggle: every string the screens use has both translations; tapping the toggle
// switches what is drawn (the pixels of the login button change) and the choice survives a
// reload, because it is kept in the device's local store.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  killBrowser, launch, repoRoot, shot, startServer, tap, tempDir, waitState, widgetRect,
} from './lib.mjs';

test('every T("key") used by web/ has both Bahasa Indonesia and English text', () => {
  const catalogue = fs.readFileSync(path.join(repoRoot, 'web/app/i18n.cpp'), 'utf8');
  const files = ['web', 'web/app', 'web/platform', 'web/screens', 'web/widgets'].flatMap((d) => fs.readdirSync(path.join(repoRoot, d))
    .filter((f) => f.endsWith('.cpp')).map((f) => path.join(repoRoot, d, f)));
  const used = new Set();
  for (const f of files) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/\bT\("([a-z0-9_]+)"\)/g)) used.add(m[1]);
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/refuse\("([a-z0-9_]+)"\)/g)) used.add(m[1]);
  }
  assert.ok(used.size > 50, `found ${used.size} keys`);
  const missing = [...used].filter((k) => !new RegExp(`\\{"${k}",\\s*"[^"]+"[^}]*?,\\s*"[^"]+"`, 's').test(catalogue));
  assert.deepEqual(missing, []);
});

test('the language toggle switches the visible strings and persists across a reload', async () => {
  const server = await startServer();
  const profile = tempDir('kinerja-e2e-lang-');
  const context = await launch(profile);
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(server.base + '/');
    let s = await waitState(page, (st) => st.screen === 'login', 'the login screen');
    assert.equal(s.lang, 'id', 'Bahasa Indonesia by default');
    const r = await widgetRect(page, 'login.submit');
    const clip = { x: r.x, y: r.y, width: r.w, height: r.h };
    const before = await page.screenshot({ clip });
    await shot(page, 'lang-01-id');

    await tap(page, 'language');
    s = await waitState(page, (st) => st.lang === 'en' && st.flushes_pending === 0, 'English, flushed');
    await page.mouse.move(5, 700);  // no hover highlight on the button we compare
    await new Promise((res) => setTimeout(res, 200));
    const after = await page.screenshot({ clip });
    assert.notDeepEqual(after, before, 'the login button reads differently');
    await shot(page, 'lang-02-en');

    await page.reload();
    s = await waitState(page, (st) => st.screen === 'login', 'the login screen after a reload');
    assert.equal(s.lang, 'en', 'the choice survives a reload');

    await tap(page, 'language');
    await waitState(page, (st) => st.lang === 'id' && st.flushes_pending === 0, 'back to Bahasa Indonesia');
    await page.reload();
    s = await waitState(page, (st) => st.screen === 'login', 'the login screen after a second reload');
    assert.equal(s.lang, 'id');
  } finally {
    await context.close().catch(() => {});
    killBrowser(profile);
    server.proc.kill('SIGTERM');
  }
});
