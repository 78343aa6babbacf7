// The foundation's vertical path: log in online, write a note offline, survive a reload and
// a killed browser, sync, and find the note in the server's database exactly once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  appState, killBrowser, launch, shot, sqlite, startServer, tap, tempDir, typeInto, waitState,
} from './lib.mjs';

test('a note written offline survives reload and a killed browser, then syncs exactly once', async () => {
  const server = await startServer();
  const profile = tempDir('kinerja-e2e-profile-');
  let context = await launch(profile);
  try {
    let page = context.pages()[0] || await context.newPage();
    await page.goto(server.base + '/');
    await waitState(page, (s) => s.screen === 'login', 'the login screen');
    await shot(page, '01-login');

    await typeInto(page, 'login.username', 'budi');
    await typeInto(page, 'login.password', 'kinerja-demo');
    await tap(page, 'login.submit');
    await waitState(page, (s) => s.screen === 'roster' && s.roster === 5 && !s.busy, 'the roster');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await shot(page, '02-roster');

    // Offline from here: the note goes into the local store only.
    await context.setOffline(true);
    await tap(page, 'roster.e-ani');
    await waitState(page, (s) => s.screen === 'note', 'the note screen');
    const text = 'Melayani pemohon dengan ramah dan tepat waktu';
    await typeInto(page, 'note.text', text);
    await tap(page, 'note.save');
    await waitState(page, (s) => s.pending === 1 && s.flushes_pending === 0, 'the note saved and flushed');
    await shot(page, '03-note-offline');

    // A sync attempt while offline reports it and keeps the change.
    await tap(page, 'sync');
    let s = await waitState(page, (st) => !st.busy && st.message_is_error, 'an offline sync error');
    assert.equal(s.pending, 1);

    // Reload with no network: the service worker serves the app, IndexedDB the data.
    await page.reload();
    s = await waitState(page, (st) => st.screen === 'roster', 'the roster after an offline reload');
    assert.equal(s.pending, 1, 'the note is still queued after reload');
    assert.equal(s.user, 'budi', 'the session survives offline');
    await shot(page, '04-after-reload');

    // Kill the browser process outright and start it again on the same profile, offline.
    assert.ok(killBrowser(profile) > 0, 'found the browser to kill');
    await context.close().catch(() => {});
    context = await launch(profile);
    await context.setOffline(true);
    page = context.pages()[0] || await context.newPage();
    await page.goto(server.base + '/');
    s = await waitState(page, (st) => st.screen === 'roster', 'the roster after a killed browser');
    assert.equal(s.pending, 1, 'the note survived the killed browser');
    await tap(page, 'roster.e-ani');
    s = await waitState(page, (st) => st.screen === 'note' && st.notes === 1, 'the note listed');
    await shot(page, '05-after-kill');

    // Back online: sync, then sync again; the server holds the note once.
    await context.setOffline(false);
    await tap(page, 'sync');
    s = await waitState(page, (st) => !st.busy && st.pending === 0 && st.last_sync !== '', 'a finished sync');
    assert.equal(s.message_is_error, false, s.message);
    await tap(page, 'sync');
    await waitState(page, (st) => !st.busy && st.pending === 0, 'a second sync');
    await shot(page, '06-synced');

    const rows = sqlite(server.db,
      "SELECT count(*) || '|' || json_extract(body, '$.text') FROM records WHERE kind='appraisal_note'");
    assert.equal(rows, `1|${text}`);
    const changes = sqlite(server.db, "SELECT count(*) FROM changes WHERE kind='appraisal_note'");
    assert.equal(changes, '1');
  } finally {
    await context.close().catch(() => {});
    killBrowser(profile);
    server.proc.kill('SIGTERM');
  }
});
