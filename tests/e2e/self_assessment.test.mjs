// Self-assessment and response (issue 5): supervisor budi submits his appraisal of Ani and
// syncs; Ani logs in on her own browser profile and lands on "Penilaian saya", where budi's
// rating stands beside her own form; she rates herself, sees the differing items marked,
// submits; once budi signs off she objects with a reason (within the 14 days shown) and
// syncs; the server holds her records; budi pulls and sees
// her self-assessment and objection beside his rating. A portrait tablet stacks the two.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  appState, killBrowser, launch, loginAs, reveal, shot, sleep, sqlite, startServer, tap,
  tapVisible, tempDir, typeInto, waitState, widgetRect,
} from './lib.mjs';

const VALUES = ['berorientasi_pelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif',
  'kolaboratif'];
const REASON = 'Realisasi izin 130 dari target 120 (108%); pelayanan dinilai ramah oleh warga.';

// The scrolling area below a screen's fixed header (its end is marked for the test hook).
async function areaBelow(page, headerEnd, bottom = 760) {
  const r = await widgetRect(page, headerEnd);
  return { top: Math.ceil(r.y + r.h) + 4, bottom };
}

// Taps Sync and waits for that sync to finish without an error.
async function syncAndWait(page, what) {
  const before = await appState(page);
  await tap(page, 'sync');
  let sawBusy = false;
  const s = await waitState(page, (st) => {
    sawBusy = sawBusy || st.busy;
    return !st.busy && st.pending === 0 && st.last_sync !== '' &&
      (sawBusy || st.last_sync !== before.last_sync);
  }, what);
  assert.equal(s.message_is_error, false, s.message);
  return s;
}

test('Ani self-assesses beside budi\'s rating, objects, and budi sees both beside his own', async () => {
  const server = await startServer();
  const budiProfile = tempDir('kinerja-e2e-self-budi-');
  const aniProfile = tempDir('kinerja-e2e-self-ani-');
  const budiContext = await launch(budiProfile);
  const aniContext = await launch(aniProfile);
  const portraitProfile = tempDir('kinerja-e2e-self-portrait-');
  let portraitContext = null;
  try {
    // 1. Budi rates Ani "Sesuai Ekspektasi" throughout (predikat Baik), submits and syncs.
    const budi = budiContext.pages()[0] || await budiContext.newPage();
    await budi.goto(server.base + '/');
    await loginAs(budi, 'budi');
    await waitState(budi, (s) => s.screen === 'roster' && s.roster === 5 && !s.busy, 'budi\'s roster');
    await tap(budi, 'roster.e-ani');
    await tap(budi, 'note.appraise');
    let b = await waitState(budi, (s) => s.screen === 'appraise', 'the appraisal screen');
    assert.equal(b.self_beside.self.present, false, 'no self-assessment yet');
    await typeInto(budi, 'appraise.row0.iki', 'Jumlah izin usaha diterbitkan');
    await typeInto(budi, 'appraise.row0.target', '120');
    await typeInto(budi, 'appraise.row0.realisasi', '118');
    const budiArea = await areaBelow(budi, 'appraise.header_end');
    await tapVisible(budi, 'appraise.hasil.sesuai', budiArea);
    for (const v of VALUES) await tapVisible(budi, `appraise.value.${v}.sesuai`, budiArea);
    b = await waitState(budi, (s) => s.appraisal.ok, 'a scored appraisal');
    assert.equal(b.appraisal.predikat_code, 'baik');
    await tap(budi, 'appraise.submit');
    await tap(budi, 'appraise.confirm');
    await waitState(budi, (s) => s.appraisal.status === 'submitted', 'submitted');
    await syncAndWait(budi, 'budi\'s sync');
    await shot(budi, 'self-01-budi-submitted');

    // 2. Ani logs in on her own tablet: her home is "Penilaian saya" with budi's rating.
    const ani = aniContext.pages()[0] || await aniContext.newPage();
    await ani.goto(server.base + '/');
    await loginAs(ani, 'ani');
    let a = await waitState(ani, (s) => s.screen === 'my_appraisal' && !s.busy && s.my &&
      s.my.supervisor.present, 'Ani\'s appraisal with budi\'s rating');
    assert.equal(a.my.supervisor.status, 'submitted');
    assert.equal(a.my.supervisor.predikat_code, 'baik');
    assert.equal(a.my.self.status, 'draft');
    assert.equal(a.my.self.rows, 1, 'her form starts from the SKP\'s indicator');
    assert.deepEqual(a.my.differences, [], 'nothing rated by her yet');
    assert.equal(a.my.response.present, false);
    await shot(ani, 'self-02-ani-home');

    // 3. She rates herself higher on the result and four values; the differences are marked.
    const aniArea = await areaBelow(ani, 'my.header_end');
    await tapVisible(ani, 'my.row0.realisasi', aniArea);
    await ani.keyboard.type('130', { delay: 30 });
    await tapVisible(ani, 'my.hasil.di_atas', aniArea);
    for (const v of VALUES) {
      await tapVisible(ani, `my.value.${v}.${VALUES.indexOf(v) < 4 ? 'di_atas' : 'sesuai'}`, aniArea);
    }
    a = await waitState(ani, (s) => s.my.self.ok && !s.my.self.dirty && s.my.self.saved_at !== '',
      'her draft scored and autosaved', 10000);
    assert.equal(a.my.self.predikat_code, 'sangat_baik');
    assert.deepEqual(a.my.differences, ['hasil', ...VALUES.slice(0, 4)]);
    const mine = await reveal(ani, 'my.hasil.di_atas', aniArea);
    const his = await widgetRect(ani, 'my.sup.hasil');
    assert.ok(Math.abs(his.y - mine.y) < 2 && his.x > mine.x + mine.w, 'budi\'s rating beside hers');
    await shot(ani, 'self-03-ani-differences');

    // A draft is hers alone: synced, budi still sees nothing.
    await syncAndWait(ani, 'Ani syncs her draft');
    assert.equal(sqlite(server.db, "SELECT json_extract(body,'$.status') FROM records WHERE kind='self_assessment'"), 'draft');
    b = await syncAndWait(budi, 'budi pulls');
    assert.equal(b.self_beside.self.present, false, 'a draft self-assessment is not shown to the appraiser');

    // 4. She submits (with a confirmation; cancel first changes nothing).
    await tap(ani, 'my.submit');
    await tap(ani, 'my.cancel');
    await sleep(200);
    assert.equal((await appState(ani)).my.self.status, 'draft');
    await tap(ani, 'my.submit');
    await shot(ani, 'self-04-ani-confirm-submit');
    await tap(ani, 'my.confirm');
    a = await waitState(ani, (s) => s.my.self.status === 'submitted', 'her self-assessment submitted');

    // 5. A response answers a signed-off result: until budi signs off she can only wait.
    assert.equal(a.my.objection_window.signed_off, false);
    await reveal(ani, 'my.response.wait', aniArea);
    await shot(ani, 'self-05a-ani-waits-for-sign-off');
    await tap(budi, 'appraise.signoff');
    await tap(budi, 'appraise.confirm');
    await waitState(budi, (s) => s.appraisal.status === 'signed_off', 'signed off');
    await syncAndWait(budi, 'budi syncs the sign-off');
    a = await syncAndWait(ani, 'Ani pulls the signed-off appraisal');
    assert.equal(a.my.supervisor.status, 'signed_off');
    assert.equal(a.my.objection_window.open, true);
    assert.equal(a.my.objection_window.days_left, 14, 'the 14 days of PP 30/2019 Pasal 59');
    await reveal(ani, 'my.objection.window', aniArea);

    // She objects: an empty reason is refused, then she writes one and sends it.
    await tapVisible(ani, 'my.object', aniArea);
    await tap(ani, 'my.object.send');
    a = await waitState(ani, (s) => s.message_is_error, 'the empty objection refused');
    assert.equal(a.my.response.present, false);
    await typeInto(ani, 'my.object.reason', REASON);
    await shot(ani, 'self-05-ani-objection');
    await tap(ani, 'my.object.send');
    a = await waitState(ani, (s) => s.my.response.present, 'her objection saved');
    assert.equal(a.my.response.decision, 'object');
    assert.equal(a.my.response.reason, REASON);
    assert.equal(a.my.response.sent, false);

    // 6. She syncs: the server holds both records, scored and scoped by the server.
    a = await syncAndWait(ani, 'Ani\'s sync');
    assert.equal(a.my.response.sent, true);
    await reveal(ani, 'my.response.shown', aniArea);
    await shot(ani, 'self-06-ani-synced');
    const period = String(new Date(Date.now() + 7 * 3600e3).getUTCFullYear());
    assert.equal(a.my.self.record_id, `self-e-ani-${period}`);
    assert.equal(sqlite(server.db,
      "SELECT id || '|' || subject_id || '|' || json_extract(body,'$.status') || '|' || " +
      "json_extract(body,'$.result.predikat_code') || '|' || json_extract(body,'$.skp.hasil_kerja[0].realisasi') " +
      "FROM records WHERE kind='self_assessment'"),
    `self-e-ani-${period}|e-ani|submitted|sangat_baik|130.0`);
    const appraisalId = b.appraisal.record_id;
    assert.equal(sqlite(server.db,
      "SELECT id || '|' || subject_id || '|' || json_extract(body,'$.appraisal_id') || '|' || " +
      "json_extract(body,'$.decision') || '|' || json_extract(body,'$.reason') || '|' || " +
      "json_extract(body,'$.appraisal_status') FROM records WHERE kind='appraisal_response'"),
    `resp-${appraisalId}|e-ani|${appraisalId}|object|${REASON}|signed_off`);

    // 7. Budi pulls: her self-assessment stands beside his rating, with her objection.
    b = await syncAndWait(budi, 'budi pulls her records');
    assert.equal(b.self_beside.self.present, true);
    assert.equal(b.self_beside.self.predikat_code, 'sangat_baik');
    assert.deepEqual(b.self_beside.differences, ['hasil', ...VALUES.slice(0, 4)]);
    assert.equal(b.self_beside.response.decision, 'object');
    assert.equal(b.self_beside.response.reason, REASON);
    const area = await areaBelow(budi, 'appraise.header_end');
    await reveal(budi, 'appraise.self.response', area);
    await reveal(budi, 'appraise.self.row0', area);  // her realisasi (130) under his IKI rows
    await shot(budi, 'self-07-budi-sees-objection');
    const hisRow = await reveal(budi, 'appraise.hasil.sesuai', area);
    const herCell = await widgetRect(budi, 'appraise.self.hasil');
    assert.ok(Math.abs(herCell.y - hisRow.y) < 2 && herCell.x > hisRow.x + hisRow.w, 'her rating beside his');
    await shot(budi, 'self-08-budi-sees-self-assessment');

    // 8. Ani on a second, portrait tablet: her records come back from the server, read-only,
    //    and budi's rating sits below hers instead of beside it.
    portraitContext = await launch(portraitProfile, { viewport: { width: 800, height: 1280 } });
    const tablet = portraitContext.pages()[0] || await portraitContext.newPage();
    await tablet.goto(server.base + '/');
    await loginAs(tablet, 'ani');
    a = await waitState(tablet, (s) => s.screen === 'my_appraisal' && !s.busy && s.my &&
      s.my.supervisor.present && s.my.response.present, 'her records on the second tablet');
    assert.equal(a.my.self.status, 'submitted');
    assert.equal(a.my.self.predikat_code, 'sangat_baik');
    assert.deepEqual(a.my.differences, ['hasil', ...VALUES.slice(0, 4)]);
    assert.equal(a.my.response.decision, 'object');
    assert.equal(a.my.response.sent, true);
    const narrow = await areaBelow(tablet, 'my.header_end', 1270);
    const mineNarrow = await reveal(tablet, 'my.hasil.di_atas', { ...narrow, x: 400, y: 900 });
    const hisNarrow = await widgetRect(tablet, 'my.sup.hasil');
    assert.ok(hisNarrow.y >= mineNarrow.y + mineNarrow.h, 'stacked below on a narrow screen');
    await shot(tablet, 'self-09-ani-portrait');
  } finally {
    await budiContext.close().catch(() => {});
    await aniContext.close().catch(() => {});
    if (portraitContext) await portraitContext.close().catch(() => {});
    killBrowser(portraitProfile);
    killBrowser(budiProfile);
    killBrowser(aniProfile);
    server.proc.kill('SIGTERM');
  }
});
