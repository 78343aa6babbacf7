// Antrean (queue log) at the one-stop office: Ani, an officer of a DPMPTSP bidang, opens the
// queue of the dinas (its unit record enables the log), takes three ticket numbers and taps
// Panggil / Selesai with large buttons. The screen shows today's waiting and service time
// (median, p90) and the share within the service standard from the engine; after a sync the
// server holds each ticket once, with times in order, and the app's figures match the ones
// recomputed here from the server's rows. Her supervisor then sees her tickets, read-only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  killBrowser, launch, loginAs, shot, sleep, sqlite, startServer, tap, tempDir, waitState,
} from './lib.mjs';

// Linear interpolation between order statistics (as the engine and PERCENTILE.INC).
function percentile(values, p) {
  const v = [...values].sort((a, b) => a - b);
  const h = (v.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 >= v.length ? v[v.length - 1] : v[lo] + (h - lo) * (v[lo + 1] - v[lo]);
}

test('an officer logs queue tickets with large buttons, sees the day\'s times, and they sync', async () => {
  const server = await startServer();
  const profile = tempDir('kinerja-e2e-queue-');
  const profileBudi = tempDir('kinerja-e2e-queue-budi-');
  const context = await launch(profile);
  let contextBudi = null;
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(server.base + '/');
    await loginAs(page, 'ani');
    await waitState(page, (s) => s.screen === 'my_appraisal' && s.roster === 1 && !s.busy, 'her own record');
    await shot(page, 'queue-01-roster');
    await tap(page, 'my.queue');
    let s = await waitState(page, (st) => st.screen === 'queue', 'the queue screen');
    assert.equal(s.queue.unit, 'dpmptsp');
    assert.equal(s.queue.tickets.length, 0);

    for (let i = 0; i < 3; i++) {
      await tap(page, 'queue.take');
      await waitState(page, (st) => st.queue.tickets.length === i + 1, `ticket ${i + 1}`);
    }
    s = await waitState(page, (st) => st.queue.waiting === 3, 'three waiting');
    assert.deepEqual(s.queue.tickets.map((t) => t.ticket), [1, 2, 3]);
    assert.equal(s.pending, 3);
    await shot(page, 'queue-02-three-waiting');

    await sleep(1100);
    await tap(page, 'queue.ticket1.call');
    s = await waitState(page, (st) => st.queue.serving === 1, 'ticket 1 called');
    await shot(page, 'queue-03-called');
    await sleep(2100);
    await tap(page, 'queue.ticket1.finish');
    await waitState(page, (st) => st.queue.finished === 1, 'ticket 1 finished');
    await tap(page, 'queue.ticket2.call');
    await waitState(page, (st) => st.queue.serving === 1 && st.queue.waiting === 1, 'ticket 2 called');
    await sleep(1100);
    await tap(page, 'queue.ticket2.finish');
    s = await waitState(page, (st) => st.queue.finished === 2, 'ticket 2 finished');
    assert.equal(s.queue.waiting, 1);
    assert.equal(s.queue.serving, 0);
    assert.equal(s.queue.wait_within_share, 1, 'every wait within the 15-minute standard');
    assert.equal(s.queue.total_within_share, 1);
    assert.ok(s.queue.service_median_s >= 1, `service time measured: ${s.queue.service_median_s}`);
    await shot(page, 'queue-04-two-finished');

    await tap(page, 'sync');
    const synced = await waitState(page, (st) => !st.busy && st.pending === 0 && st.last_sync !== '', 'a finished sync');
    assert.equal(synced.message_is_error, false, synced.message);
    const rows = sqlite(server.db,
      "SELECT json_extract(body,'$.ticket') || '|' || version || '|' || unit_path || '|' || " +
      "json_extract(body,'$.officer') || '|' || json_extract(body,'$.unit_id') || '|' || " +
      "json_extract(body,'$.issued_at') || '|' || ifnull(json_extract(body,'$.called_at'),'') || '|' || " +
      "ifnull(json_extract(body,'$.finished_at'),'') FROM records WHERE kind='queue_ticket' " +
      "ORDER BY json_extract(body,'$.ticket')").split('\n').map((l) => l.split('|'));
    assert.equal(rows.length, 3, 'each ticket stored once');
    assert.deepEqual(rows.map((r) => [r[0], r[1]]), [['1', '3'], ['2', '3'], ['3', '1']]);
    for (const r of rows) {
      assert.equal(r[2], '/pemkot/dpmptsp/pelayanan/');
      assert.equal(r[3], 'e-ani');
      assert.equal(r[4], 'dpmptsp');
    }
    const t = (iso) => Date.parse(iso) / 1000;
    const waits = rows.slice(0, 2).map((r) => t(r[6]) - t(r[5]));
    const services = rows.slice(0, 2).map((r) => t(r[7]) - t(r[6]));
    for (const r of rows.slice(0, 2)) assert.ok(t(r[5]) <= t(r[6]) && t(r[6]) <= t(r[7]), `in order: ${r}`);
    assert.equal(rows[2][6], '', 'ticket 3 still waiting');
    assert.ok(services[0] >= 2, `ticket 1 was served for ${services[0]} s`);
    assert.equal(s.queue.wait_median_s, percentile(waits, 0.5));
    assert.equal(s.queue.wait_p90_s, percentile(waits, 0.9));
    assert.equal(s.queue.service_median_s, percentile(services, 0.5));
    assert.equal(s.queue.service_p90_s, percentile(services, 0.9));

    // Her supervisor receives the unit's tickets; only their officer may call or finish them.
    contextBudi = await launch(profileBudi);
    const pageBudi = contextBudi.pages()[0] || await contextBudi.newPage();
    await pageBudi.goto(server.base + '/');
    await loginAs(pageBudi, 'budi');
    await waitState(pageBudi, (st) => st.screen === 'roster' && st.roster === 5 && !st.busy, 'budi\'s roster');
    await tap(pageBudi, 'roster.queue');
    const b = await waitState(pageBudi, (st) => st.screen === 'queue' && st.queue.tickets.length === 3, 'ani\'s tickets on budi\'s tablet');
    assert.equal(b.queue.finished, 2);
    assert.equal(b.queue.wait_median_s, s.queue.wait_median_s);
    const rect = await pageBudi.evaluate(() => Module.ccall('kinerja_test_rect', 'string', ['string'], ['queue.ticket3.call']));
    assert.equal(rect, '', 'no call button on another officer\'s ticket');
    await shot(pageBudi, 'queue-05-supervisor');
  } finally {
    await context.close().catch(() => {});
    if (contextBudi) await contextBudi.close().catch(() => {});
    killBrowser(profile);
    killBrowser(profileBudi);
    server.proc.kill('SIGTERM');
  }
});
