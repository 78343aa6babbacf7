// The Sync screen: pending changes counted per kind, a clear error when offline, the export of
// unsynced data to a file (a valid push body), and the progress of a sync that sends them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import {
  killBrowser, launch, openAs, openEmployee, shot, sleep, sqlite, startServer, tap, tapVisible,
  tempDir, typeInto, waitState,
} from './lib.mjs';

test('pending changes are counted per kind, exported to a file when offline, then synced with progress', async () => {
  const server = await startServer();
  const profile = tempDir('kinerja-e2e-sync-screen-');
  const context = await launch(profile);
  try {
    const page = await openAs(context, server, 'budi');
    await context.setOffline(true);

    // Offline: two notes and an appraisal draft about Ani.
    await openEmployee(page, 'e-ani');
    for (const text of ['Datang tepat waktu', 'Membantu rekan di loket 2']) {
      await typeInto(page, 'note.text', text);
      await tap(page, 'note.save');
      await sleep(150);
    }
    await tap(page, 'note.appraise');
    await waitState(page, (s) => s.screen === 'appraise', 'the appraisal screen');
    await tapVisible(page, 'appraise.hasil.sesuai', { top: 230, bottom: 760 });
    await tap(page, 'appraise.back');
    let s = await waitState(page, (st) => st.screen === 'note' && st.pending === 3, 'three changes queued');
    assert.deepEqual(s.pending_by_kind, { appraisal: 1, appraisal_note: 2 });

    // The Sync screen; a sync attempt offline fails with a message that says what to do.
    await tap(page, 'sync_center');
    await waitState(page, (st) => st.screen === 'sync', 'the Sync screen');
    await tap(page, 'sync.now');
    s = await waitState(page, (st) => !st.busy && st.message !== '' && st.message !== 'Menyinkronkan...', 'the offline answer');
    assert.equal(s.message_is_error, true);
    assert.match(s.message, /Tidak ada koneksi/);
    assert.equal(s.pending, 3, 'nothing lost');
    await shot(page, 'sync-screen-01-offline');

    // Export: a JSON file with every queued change, as a push body.
    const download = page.waitForEvent('download');
    await tap(page, 'sync.export');
    const file = await download;
    assert.match(file.suggestedFilename(), /^kinerja-unsynced-budi-.*\.json$/);
    const doc = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
    assert.equal(doc.format, 'kinerja-unsynced');
    assert.equal(doc.version, 1);
    assert.equal(doc.user, 'budi');
    assert.equal(doc.push.changes.length, 3);
    assert.deepEqual(doc.push.changes.map((c) => c.kind).sort(), ['appraisal', 'appraisal_note', 'appraisal_note']);
    assert.deepEqual(doc.set_aside, []);
    s = await waitState(page, (st) => /diekspor/.test(st.message), 'the export message');
    assert.equal(s.pending, 3, 'exporting keeps the data on the device');

    // Online again: the sync sends all three, and the progress counted them.
    await context.setOffline(false);
    await tap(page, 'sync.now');
    s = await waitState(page, (st) => !st.busy && st.pending === 0 && st.last_sync !== '', 'the sync done');
    assert.equal(s.message_is_error, false, s.message);
    assert.equal(s.progress.to_send, 3);
    assert.equal(s.progress.sent, 3);
    assert.ok(s.progress.received >= 3, 'the sent records come back with the pull');
    assert.deepEqual(s.pending_by_kind, {});
    await shot(page, 'sync-screen-02-synced');
    assert.equal(sqlite(server.db, "SELECT count(*) FROM records WHERE kind IN ('appraisal', 'appraisal_note')"), '3');
  } finally {
    await context.close().catch(() => {});
    killBrowser(profile);
    server.proc.kill('SIGTERM');
  }
});
