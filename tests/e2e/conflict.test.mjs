// A conflict made by two tablets: supervisor budi edits Ani's appraisal on two devices (two
// browser profiles) while both are offline. The first to sync wins the record; the second is
// kept as a conflict, and both tablets show it. On the Sync screen the versions stand side by
// side; choosing one sends the resolution, which clears the conflict on the server and on the
// other tablet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  killBrowser, launch, loginAs, shot, sqlite, startServer, tap, tapVisible, tempDir, typeInto,
  waitState,
} from './lib.mjs';

async function editComments(page, text) {
  await tap(page, 'roster.e-ani');
  await waitState(page, (s) => s.screen === 'note', 'the note screen');
  await tap(page, 'note.appraise');
  await waitState(page, (s) => s.screen === 'appraise', 'the appraisal screen');
  await tapVisible(page, 'appraise.comments', { top: 230, bottom: 760 });
  await page.keyboard.type(text, { delay: 20 });
  await tap(page, 'appraise.back');  // leaving saves the draft
  await waitState(page, (s) => s.screen === 'note' && s.pending >= 1, 'the draft saved');
  await tap(page, 'note.back');
  await waitState(page, (s) => s.screen === 'roster', 'the roster');
}

async function sync(page, what) {
  await tap(page, 'sync');
  return waitState(page, (s) => !s.busy && s.last_sync !== '' && s.pending === 0, what);
}

test('two tablets editing one appraisal offline both show the conflict, and choosing a version settles it', async () => {
  const server = await startServer();
  const profA = tempDir('kinerja-e2e-conflict-a-');
  const profB = tempDir('kinerja-e2e-conflict-b-');
  const ctxA = await launch(profA);
  const ctxB = await launch(profB);
  try {
    const a = ctxA.pages()[0] || await ctxA.newPage();
    const b = ctxB.pages()[0] || await ctxB.newPage();
    await a.goto(server.base + '/');
    await loginAs(a, 'budi');
    await waitState(a, (s) => s.screen === 'roster' && s.roster === 5 && !s.busy, 'the roster on A');
    await editComments(a, 'Versi awal.');
    await sync(a, 'the first draft synced from A');
    assert.equal(sqlite(server.db, "SELECT count(*) FROM records WHERE kind='appraisal'"), '1');

    await b.goto(server.base + '/');
    await loginAs(b, 'budi');
    await waitState(b, (s) => s.screen === 'roster' && s.roster === 5 && !s.busy, 'the roster on B');

    // Both offline, both edit the same appraisal from the same version.
    await ctxA.setOffline(true);
    await ctxB.setOffline(true);
    await editComments(a, ' Diubah di tablet A.');
    await editComments(b, ' Diubah di tablet B.');
    await shot(a, 'conflict-01-a-offline-edit');

    await ctxA.setOffline(false);
    let s = await sync(a, 'A synced first');
    assert.equal(s.conflicts, 0);
    await ctxB.setOffline(false);
    s = await sync(b, 'B synced second');
    assert.equal(s.conflicts, 1, 'B sees the conflict');
    assert.equal(s.message_is_error, true);
    assert.match(s.message, /konflik/i);
    await shot(b, 'conflict-02-b-sees-conflict');
    s = await sync(a, 'A pulls the flag');
    assert.equal(s.conflicts, 1, 'A sees the conflict too');
    await shot(a, 'conflict-03-a-sees-conflict');
    assert.equal(sqlite(server.db, "SELECT conflict FROM records WHERE kind='appraisal'"), '1');
    assert.equal(sqlite(server.db, 'SELECT count(*) FROM conflicts WHERE resolved=0'), '1');

    // B compares the versions side by side and keeps its own (the kept edit, column 1).
    await tap(b, 'sync_center');
    s = await waitState(b, (st) => st.screen === 'sync' && st.conflict_views === 1, 'the versions side by side');
    await shot(b, 'conflict-04-side-by-side');
    await tapVisible(b, 'conflict.0.use.1', { top: 150, bottom: 760 });
    s = await waitState(b, (st) => st.conflicts === 0 && st.pending === 0 && !st.busy, 'the resolution synced');
    assert.equal(s.message_is_error, false, s.message);
    await shot(b, 'conflict-05-settled');
    assert.equal(sqlite(server.db, "SELECT conflict FROM records WHERE kind='appraisal'"), '0');
    assert.equal(sqlite(server.db, 'SELECT count(*) FROM conflicts WHERE resolved=0'), '0');
    const comments = sqlite(server.db, "SELECT json_extract(body,'$.comments') FROM records WHERE kind='appraisal'");
    assert.match(comments, /tablet B/);
    assert.doesNotMatch(comments, /tablet A/);

    s = await sync(a, 'A pulls the resolution');
    assert.equal(s.conflicts, 0, 'the conflict is gone on A as well');
  } finally {
    await ctxA.close().catch(() => {});
    await ctxB.close().catch(() => {});
    killBrowser(profA);
    killBrowser(profB);
    server.proc.kill('SIGTERM');
  }
});
