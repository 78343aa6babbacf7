// My staff with 5,000 people: the supervisor `upt` of the demo's load-test unit syncs 5,000
// generated employees (kinerja serve --demo-staff 5000) through the normal pull; the search
// finds one by name and one by NIP (typed in its printed groups); after a draft is saved the
// row's badge reads draft; a finger dragged over the list (CDP touch events) scrolls it
// without opening anyone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  appState, killBrowser, launch, loginAs, shot, sleep, sqlite, startServer, tap, tempDir,
  touchDrag, typeInto, waitState, widgetRect,
} from './lib.mjs';

const STAFF = 5000;

// Empties an ImGui text field: select all, delete (keys held a frame, see toolchain notes).
async function clearField(page, id) {
  await tap(page, id);
  await page.keyboard.down('Control');
  await page.keyboard.press('a', { delay: 50 });
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace', { delay: 50 });
  await sleep(80);
}

test('5,000 staff sync; search by name and NIP; the draft badge; a touch drag scrolls the list', async () => {
  const server = await startServer({ args: ['--demo-staff', String(STAFF)] });
  const profile = tempDir('kinerja-e2e-roster-');
  const context = await launch(profile);
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(server.base + '/');
    const started = Date.now();
    await loginAs(page, 'upt', 'kinerja-demo', 300000);
    let s = await waitState(page, (st) => st.screen === 'roster' && !st.busy && st.roster === STAFF + 1,
      'the 5,001-row roster synced', 180000);
    console.log(`# synced ${s.roster} employees in ${Date.now() - started} ms`);
    assert.equal(s.message_is_error, false, s.message);
    assert.equal(s.roster_view.shown, STAFF + 1);
    assert.equal(s.roster_view.not_started, STAFF + 1, 'nobody is appraised yet');
    await shot(page, 'roster5000-01-synced');

    // By name: a generated employee from the server's own copy; the app shows exactly the
    // employees whose name contains the text (names can repeat in a city of this size).
    const [id, name] = sqlite(server.db,
      "SELECT id || '|' || json_extract(body, '$.name') FROM records WHERE kind = 'employee' " +
      "AND unit_path LIKE '%/upt-uji/' ORDER BY id LIMIT 1 OFFSET 4321").split('|');
    const sameName = Number(sqlite(server.db,
      "SELECT count(*) FROM records WHERE kind = 'employee' AND unit_path LIKE '%/upt-uji/' " +
      `AND json_extract(body, '$.name') LIKE '%${name}%'`));
    const runsBefore = s.roster_view.filter_runs;
    await typeInto(page, 'roster.search', name.toLowerCase());
    s = await waitState(page, (st) => st.roster_view.query === name.toLowerCase(), 'the name query');
    assert.equal(s.roster_view.shown, sameName);
    assert.ok(sameName >= 1 && sameName < 20, `${sameName} share the name ${name}`);
    await widgetRect(page, `roster.${id}`);
    await sleep(300);
    s = await appState(page);
    assert.ok(s.roster_view.filter_runs - runsBefore <= name.length + 2,
      `filtered once per keystroke, not per frame (${s.roster_view.filter_runs - runsBefore} runs)`);
    await shot(page, 'roster5000-02-by-name');

    // By NIP, typed in the printed groups "YYYYMMDD YYYYMM G NNN".
    const nip = sqlite(server.db,
      "SELECT json_extract(body, '$.nip') FROM records WHERE kind = 'employee' " +
      "AND unit_path LIKE '%/upt-uji/' ORDER BY id LIMIT 1 OFFSET 777");
    const printed = `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
    await clearField(page, 'roster.search');
    await typeInto(page, 'roster.search', printed);
    s = await waitState(page, (st) => st.roster_view.query === printed, 'the NIP query');
    assert.equal(s.roster_view.shown, 1);
    await widgetRect(page, `roster.${nip}.badge.not_started`);
    await shot(page, 'roster5000-03-by-nip');

    // A draft for that employee: the badge on the roster reads draft.
    await tap(page, `roster.${nip}`);
    await waitState(page, (st) => st.screen === 'note', 'the employee');
    await tap(page, 'note.appraise');
    await waitState(page, (st) => st.screen === 'appraise', 'the appraisal form');
    await typeInto(page, 'appraise.row0.iki', 'Berkas diverifikasi tepat waktu');
    await tap(page, 'appraise.back');  // leaving saves the draft
    s = await waitState(page, (st) => st.screen === 'note' && st.pending >= 1, 'the draft saved');
    await tap(page, 'note.back');
    s = await waitState(page, (st) => st.screen === 'roster', 'back on the roster');
    assert.equal(s.roster_view.draft, 1);
    assert.equal(s.roster_view.shown, 1, 'the search is kept');
    await widgetRect(page, `roster.${nip}.badge.draft`);
    await shot(page, 'roster5000-04-draft-badge');

    // A finger drags the full list up: it scrolls, and nobody is opened by the drag.
    await clearField(page, 'roster.search');
    s = await waitState(page, (st) => st.roster_view.shown === STAFF + 1, 'the whole roster again');
    assert.equal(s.roster_view.scroll, 0);
    const list = await widgetRect(page, 'roster.list');
    const x = list.x + list.w / 2;
    await touchDrag(page, { x, y: list.y + list.h - 40, dy: -(list.h - 120) });
    s = await waitState(page, (st) => st.roster_view.scroll > 200, 'the list scrolled by the finger', 5000);
    assert.equal(s.screen, 'roster', 'a drag is not a tap');
    const first = s.roster_view.scroll;
    await touchDrag(page, { x, y: list.y + list.h - 40, dy: -(list.h - 120) });
    s = await waitState(page, (st) => st.roster_view.scroll > first + 200, 'a second drag scrolls further', 5000);
    assert.equal(s.screen, 'roster');
    await shot(page, 'roster5000-05-dragged');

    // A tap by finger still opens the row under it.
    const rows = await page.evaluate(() => JSON.parse(Module.ccall('kinerja_test_state', 'string', [], [])));
    assert.equal(rows.screen, 'roster');
    const cdp = await context.newCDPSession(page);
    const tx = x, ty = list.y + list.h / 2;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: tx, y: ty, id: 2 }] });
    await sleep(80);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await waitState(page, (st) => st.screen === 'note', 'a finger tap opens the employee', 5000);
    await shot(page, 'roster5000-06-tapped');
  } finally {
    await context.close().catch(() => {});
    killBrowser(profile);
    server.proc.kill('SIGTERM');
  }
});
