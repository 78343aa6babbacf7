// The SKM survey kiosk: an enumerator sets it up with a PIN, twenty citizens answer the nine
// unsur by tapping, the form resets after each; leaving needs the right PIN (a hash stored
// before libsodium still unlocks once); the responses sync and the server holds twenty
// anonymous survey_response records.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  appState, killBrowser, launch, loginAs, shot, sleep, sqlite, startServer, tap, tapVisible,
  tempDir, typeInto, waitState,
} from './lib.mjs';

const RESPONSES = 20;
// A fixed pattern so the server's rows can be checked: respondent n answers U(q) with this.
const answer = (n, q) => ((n + q) % 4) + 1;

// The kiosk PIN hash the app stored before libsodium: "v1:<salt>:<hex>", SHA-256 of
// "<salt>:<pin>", then 9,999 times SHA-256 of the hex digest followed by the salt.
function legacyPinHash(pin, salt) {
  const sha = (text) => createHash('sha256').update(text).digest('hex');
  let digest = sha(`${salt}:${pin}`);
  for (let i = 1; i < 10000; i++) digest = sha(digest + salt);
  return `v1:${salt}:${digest}`;
}

// The tablet's database (/data/kinerja.db on IDBFS), copied to `file` for the sqlite3 CLI.
async function copyTabletDb(page, file) {
  const b64 = await page.evaluate(() => {
    const bytes = Module.FS.readFile('/data/kinerja.db');
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(text);
  });
  fs.writeFileSync(file, Buffer.from(b64, 'base64'));
}

// Puts `file` back as the tablet's database and persists it to IndexedDB; reload after.
async function restoreTabletDb(page, file) {
  const b64 = fs.readFileSync(file).toString('base64');
  await page.evaluate((data) => new Promise((resolve, reject) => {
    const text = atob(data);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    Module.FS.writeFile('/data/kinerja.db', bytes);
    Module.FS.syncfs(false, (err) => (err ? reject(err) : resolve()));
  }), b64);
}

// The date in WIB (UTC+7), as the app writes it.
function wibDate(ms) {
  return new Date(ms + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

test('an enumerator collects 20 SKM responses in kiosk mode and syncs them', async () => {
  const server = await startServer();
  const profile = tempDir('kinerja-e2e-kiosk-');
  const context = await launch(profile);
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(server.base + '/');
    await loginAs(page, 'loket1');
    let s = await waitState(page, (st) => st.screen === 'kiosk_setup' && !st.busy && st.last_sync !== '',
      'the kiosk set-up after the first sync');
    assert.deepEqual(s.kiosk.units, ['dpmptsp', 'pelayanan', 'pengaduan'],
      'the units of the enumerator\'s subtree, synced from the server');
    assert.equal(s.kiosk.active, false);

    await typeInto(page, 'kiosk_setup.service', 'Izin Usaha');
    await typeInto(page, 'kiosk_setup.pin', '4321');
    await typeInto(page, 'kiosk_setup.pin_again', '4322');
    await tap(page, 'kiosk_setup.start');
    s = await waitState(page, (st) => st.message_is_error, 'mismatched PINs refused');
    assert.equal(s.screen, 'kiosk_setup');
    await tap(page, 'kiosk_setup.pin_again');
    await page.keyboard.press('Backspace', { delay: 50 });
    await page.keyboard.type('1', { delay: 30 });
    await shot(page, 'kiosk-01-setup');
    await tap(page, 'kiosk_setup.start');
    s = await waitState(page, (st) => st.screen === 'kiosk', 'kiosk mode');
    assert.deepEqual([s.kiosk.active, s.kiosk.unit, s.kiosk.service], [true, 'dpmptsp', 'Izin Usaha']);
    const started = Date.now();

    for (let n = 1; n <= RESPONSES; n++) {
      for (let q = 1; q <= 9; q++) {
        await tapVisible(page, `kiosk.q${q}.a${answer(n, q)}`, { top: 60, bottom: 760 });
        await waitState(page, (st) => st.kiosk.answered === q, `respondent ${n} answered U${q}`);
        if (n === 1 && q === 5) await shot(page, 'kiosk-02-answering');
      }
      if (n === 1) await shot(page, 'kiosk-03-complete');
      await tapVisible(page, 'kiosk.submit', { top: 60, bottom: 760 });
      s = await waitState(page, (st) => st.kiosk.submitted === n && st.kiosk.thanks, `response ${n} thanked`);
      assert.equal(s.kiosk.answered, 0, 'the form resets for the next person');
      assert.equal(s.pending, n);
      if (n === 1) await shot(page, 'kiosk-04-thanks');
      await tap(page, 'kiosk.next');
      await waitState(page, (st) => !st.kiosk.thanks && st.kiosk.answered === 0, 'an empty form');
    }
    const perResponse = (Date.now() - started) / RESPONSES;
    console.log(`kiosk: ${RESPONSES} responses, ${perResponse.toFixed(0)} ms each (test taps)`);

    // A reload stays in kiosk mode: a citizen cannot get out by refreshing.
    await waitState(page, (st) => st.flushes_pending === 0, 'responses flushed');
    await page.reload();
    s = await waitState(page, (st) => st.screen === 'kiosk', 'kiosk mode after a reload');
    assert.equal(s.pending, RESPONSES);

    // The PIN is stored as Argon2id with the tablet's limits (engine/kiosk/pin.h). A tablet
    // that still holds a hash from before libsodium unlocks with it once: plant one.
    const tabletDb = path.join(profile, 'tablet-copy.db');
    await copyTabletDb(page, tabletDb);
    const pinHash = sqlite(tabletDb, "SELECT value FROM meta WHERE key='kiosk_pin'");
    assert.ok(pinHash.startsWith('$argon2id$v=19$m=16384,t=3,p=1$'), pinHash);
    sqlite(tabletDb, `UPDATE meta SET value='${legacyPinHash('4321', 'legacy-salt')}' WHERE key='kiosk_pin'`);
    await restoreTabletDb(page, tabletDb);
    await page.reload();
    s = await waitState(page, (st) => st.screen === 'kiosk', 'kiosk mode with a legacy PIN hash');
    assert.equal(s.pending, RESPONSES);

    // Sync and logout are hidden in kiosk mode.
    await sleep(200);
    assert.equal(await page.evaluate(() => Module.ccall('kinerja_test_rect', 'string', ['string'], ['sync'])), '');
    assert.equal(await page.evaluate(() => Module.ccall('kinerja_test_rect', 'string', ['string'], ['logout'])), '');

    // Leaving: a wrong PIN is refused, the right one works.
    await tap(page, 'kiosk.exit');
    await typeInto(page, 'kiosk.pin', '0000');
    await tap(page, 'kiosk.pin_ok');
    s = await waitState(page, (st) => st.message_is_error, 'a wrong PIN refused');
    assert.equal(s.screen, 'kiosk');
    await shot(page, 'kiosk-05-wrong-pin');
    await typeInto(page, 'kiosk.pin', '4321');
    await tap(page, 'kiosk.pin_ok');
    s = await waitState(page, (st) => st.screen === 'kiosk_setup', 'kiosk left with the right PIN');
    assert.equal(s.kiosk.active, false);
    // The legacy hash went with the kiosk mode; the next set-up stores Argon2id (checked above).
    await waitState(page, (st) => st.flushes_pending === 0, 'leaving flushed');
    await copyTabletDb(page, tabletDb);
    assert.equal(sqlite(tabletDb, "SELECT count(*) FROM meta WHERE key='kiosk_pin'"), '0');

    await tap(page, 'sync');
    s = await waitState(page, (st) => !st.busy && st.last_sync !== '', 'a finished sync');
    assert.equal(s.message_is_error, false, s.message);
    assert.equal(s.pending, 0);
    await shot(page, 'kiosk-06-synced');

    const today = wibDate(Date.now());
    assert.equal(sqlite(server.db, "SELECT count(*) FROM records WHERE kind='survey_response'"), String(RESPONSES));
    assert.equal(sqlite(server.db,
      "SELECT count(DISTINCT unit_path || json_extract(body,'$.unit_id') || json_extract(body,'$.service')) " +
      "FROM records WHERE kind='survey_response'"), '1');
    assert.equal(sqlite(server.db,
      "SELECT unit_path || '|' || json_extract(body,'$.unit_id') || '|' || json_extract(body,'$.service') " +
      "FROM records WHERE kind='survey_response' LIMIT 1"), '/pemkot/dpmptsp/|dpmptsp|Izin Usaha');
    const dates = sqlite(server.db, "SELECT DISTINCT json_extract(body,'$.date') FROM records WHERE kind='survey_response'");
    assert.ok(dates === today || dates.split('\n').includes(today), `dates ${dates} vs WIB today ${today}`);
    // The answers as tapped: the multiset of U1 answers over the 20 respondents.
    const u1 = sqlite(server.db,
      "SELECT group_concat(a) FROM (SELECT json_extract(body,'$.answers.U1') a FROM records " +
      "WHERE kind='survey_response' ORDER BY a)");
    const expected = Array.from({ length: RESPONSES }, (_, i) => answer(i + 1, 1)).sort().join(',');
    assert.equal(u1, expected);
    // Anonymous: no body carries anything beyond the accepted keys.
    assert.equal(sqlite(server.db,
      "SELECT count(*) FROM records, json_each(records.body) WHERE kind='survey_response' " +
      "AND json_each.key NOT IN ('unit_id','service','date','answers')"), '0');
    const s2 = await appState(page);
    assert.equal(s2.pending, 0);
  } finally {
    await context.close().catch(() => {});
    killBrowser(profile);
    server.proc.kill('SIGTERM');
  }
});
