// Objections as PP 30/2019 Pasal 59 runs them (issue 14). Budi signs off his appraisal of Ani
// (Baik); Ani objects within the 14 days; Darmawan, Kepala Dinas and so the atasan pejabat penilai,
// finds it on his tablet, reads both sides beside the result, and upholds it offline with new
// ratings (a live predikat Sangat Baik); he syncs, the server rescores the appraisal as its
// next version, and Ani's tablet shows the new predikat and the decision. Second: an objection
// written offline within the window but synced after it closed is refused and set aside.
// Budi's and Ani's API calls stand in for their tablets where the screens are not the point
// (their screens have their own tests: appraise, self_assessment).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  appState, killBrowser, launch, loginAs, reveal, shot, sqlite, startServer, tap, tapVisible,
  tempDir, typeInto, waitState, widgetRect,
} from './lib.mjs';

const VALUES = ['berorientasi_pelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif',
  'kolaboratif'];
const PERIOD = String(new Date(Date.now() + 7 * 3600e3).getUTCFullYear());
const APPRAISAL = `skp-e-ani-${PERIOD}`;
const RESPONSE = `resp-${APPRAISAL}`;
const COMMENTS = 'Realisasi izin 118 dari target 120; perlu lebih teliti memeriksa berkas.';
const REASON = 'Realisasi sebenarnya 130 izin (108%): 12 izin dari loket keliling belum dihitung.';
const VERDICT = 'Bukti register loket keliling diperiksa bersama pejabat penilai; realisasi 130.';

async function api(server, method, path, token, body) {
  const r = await fetch(server.base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, json: await r.json() };
}

async function login(server, username, device) {
  const r = await api(server, 'POST', '/api/v1/login', null,
    { username, password: 'kinerja-demo', device_id: device });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  return r.json.token;
}

async function push(server, token, device, change) {
  return api(server, 'POST', '/api/v1/sync/push', token,
    { protocol: 1, device_id: device, changes: [{ base_version: 0, ...change }] });
}

// Budi's tablet: his appraisal of Ani, Sesuai Ekspektasi throughout (Baik), signed off.
async function budiSignsOff(server) {
  const token = await login(server, 'budi', 'budi-tab');
  const perilaku = Object.fromEntries(VALUES.map((v) => [v, 'sesuai']));
  const r = await push(server, token, 'budi-tab', {
    change_id: 'budi-1', record_id: APPRAISAL, kind: 'appraisal',
    body: { employee_id: 'e-ani', period: PERIOD, status: 'signed_off', comments: COMMENTS,
      skp: { template: 'permenpanrb-6-2022.v1', periode: PERIOD, rating_hasil_kerja: 'sesuai', perilaku } },
  });
  assert.equal(r.status, 200, JSON.stringify(r.json));
}

async function syncAndWait(page, what) {
  const before = await appState(page);
  await tap(page, 'sync');
  let sawBusy = false;
  return waitState(page, (st) => {
    sawBusy = sawBusy || st.busy;
    return !st.busy && st.last_sync !== '' && (sawBusy || st.last_sync !== before.last_sync);
  }, what);
}

test('the atasan upholds an objection on his tablet offline; the server rescores the appraisal', async () => {
  const server = await startServer();
  const darmawanProfile = tempDir('kinerja-e2e-obj-darmawan-');
  const aniProfile = tempDir('kinerja-e2e-obj-ani-');
  const darmawanContext = await launch(darmawanProfile);
  let aniContext = null;
  try {
    await budiSignsOff(server);
    const ani = await login(server, 'ani', 'ani-hp');
    const objected = await push(server, ani, 'ani-hp', {
      change_id: 'ani-1', record_id: RESPONSE, kind: 'appraisal_response',
      body: { appraisal_id: APPRAISAL, decision: 'object', reason: REASON },
    });
    assert.equal(objected.status, 200, JSON.stringify(objected.json));

    // 1. Darmawan logs in: his roster offers the objection routed to him.
    const darmawan = darmawanContext.pages()[0] || await darmawanContext.newPage();
    await darmawan.goto(server.base + '/');
    await loginAs(darmawan, 'darmawan');
    let w = await waitState(darmawan, (s) => s.screen === 'roster' && !s.busy && s.objections &&
      s.objections.open === 1, 'Darmawan\'s roster with one objection');
    await shot(darmawan, 'objection-01-darmawan-roster');

    // 2. Offline from here: the list, and the case with both sides beside the result.
    await darmawanContext.setOffline(true);
    await tap(darmawan, 'roster.objections');
    w = await waitState(darmawan, (s) => s.screen === 'objections', 'the objections screen');
    assert.equal(w.objections.cases.length, 1);
    const c = w.objections.cases[0];
    assert.equal(c.response_id, RESPONSE);
    assert.equal(c.employee_name, 'Ani Lestari');
    assert.equal(c.predikat_code, 'baik');
    assert.equal(c.can_decide, true);
    assert.equal(c.days_left, 14);
    await tap(darmawan, `objections.case.${RESPONSE}`);
    w = await waitState(darmawan, (s) => s.objections.decision.response_id === RESPONSE, 'the case open');
    const herSide = await widgetRect(darmawan, 'objections.reason_of_employee');
    const hisSide = await widgetRect(darmawan, 'objections.appraiser_comments');
    assert.ok(Math.abs(herSide.y - hisSide.y) < 2 && hisSide.x > herSide.x + herSide.w / 2,
      'the employee\'s reason and the appraiser\'s comments side by side');
    await shot(darmawan, 'objection-02-both-sides');

    // 3. He upholds it: his ratings give a live predikat; a reason is required.
    const area = { top: 150, bottom: 760, x: 700, y: 500 };
    await tapVisible(darmawan, 'objections.uphold', area);
    w = await waitState(darmawan, (s) => s.objections.decision.outcome === 0, 'upheld chosen');
    assert.equal(w.objections.decision.predikat_code, 'baik', 'starts from the appraiser\'s ratings');
    await tapVisible(darmawan, 'objections.hasil.di_atas', area);
    await tapVisible(darmawan, 'objections.perilaku.di_atas', area);
    w = await waitState(darmawan, (s) => s.objections.decision.predikat_code === 'sangat_baik',
      'the live predikat');
    await tapVisible(darmawan, 'objections.send', area);
    await tap(darmawan, 'objections.confirm');
    w = await waitState(darmawan, (s) => s.message_is_error, 'a decision without a reason refused');
    assert.equal(w.objections.cases[0].decided, false);
    await typeInto(darmawan, 'objections.reason', VERDICT);
    await tapVisible(darmawan, 'objections.send', area);
    await tap(darmawan, 'objections.confirm');
    w = await waitState(darmawan, (s) => s.objections.cases[0].decided, 'his decision saved offline');
    assert.equal(w.objections.cases[0].decision_sent, false);
    assert.equal(w.objections.cases[0].predikat_after_code, 'sangat_baik', 'the new predikat, offline');
    assert.equal(w.objections.open, 0);
    assert.equal(w.pending, 1);
    assert.equal(sqlite(server.db, "SELECT count(*) FROM records WHERE kind='objection_decision'"), '0');
    await shot(darmawan, 'objection-03-decided-offline');

    // 4. Online again, he syncs: the server holds the decision and the appraisal's next version.
    await darmawanContext.setOffline(false);
    w = await syncAndWait(darmawan, 'Darmawan\'s sync');
    assert.equal(w.message_is_error, false, w.message);
    w = await waitState(darmawan, (s) => s.objections.cases[0].decision_sent &&
      s.objections.cases[0].predikat_after_code === 'sangat_baik', 'the decision as the server stored it');
    assert.equal(sqlite(server.db,
      `SELECT version || '|' || json_extract(body,'$.status') || '|' || json_extract(body,'$.result.predikat_code') || '|' || ` +
      `json_extract(body,'$.objection_decision') FROM records WHERE id='${APPRAISAL}'`),
    `2|signed_off|sangat_baik|decision.${RESPONSE}`);
    assert.equal(sqlite(server.db,
      "SELECT json_extract(body,'$.outcome') || '|' || json_extract(body,'$.decided_by') || '|' || " +
      "json_extract(body,'$.predikat_before') || '|' || json_extract(body,'$.predikat_after') " +
      `FROM records WHERE id='decision.${RESPONSE}'`), 'upheld|e-darmawan|baik|sangat_baik');
    await reveal(darmawan, 'objections.decided', area);
    await shot(darmawan, 'objection-04-synced');

    // 5. Ani's tablet: the new predikat, and the decision under her objection.
    aniContext = await launch(aniProfile);
    const aniPage = aniContext.pages()[0] || await aniContext.newPage();
    await aniPage.goto(server.base + '/');
    await loginAs(aniPage, 'ani');
    const a = await waitState(aniPage, (s) => s.screen === 'my_appraisal' && !s.busy && s.my &&
      s.my.response.decided === 'upheld', 'the decision on Ani\'s tablet');
    assert.equal(a.my.supervisor.predikat_code, 'sangat_baik');
    assert.equal(a.my.response.decision, 'object');
    await shot(aniPage, 'objection-05-ani-sees-decision');
  } finally {
    await darmawanContext.close().catch(() => {});
    if (aniContext) await aniContext.close().catch(() => {});
    killBrowser(darmawanProfile);
    killBrowser(aniProfile);
    server.proc.kill('SIGTERM');
  }
});

test('an objection written in time but synced after the 14 days is refused and set aside', async () => {
  let server = await startServer();
  const aniProfile = tempDir('kinerja-e2e-obj-late-');
  const aniContext = await launch(aniProfile);
  try {
    await budiSignsOff(server);
    const ani = aniContext.pages()[0] || await aniContext.newPage();
    await ani.goto(server.base + '/');
    await loginAs(ani, 'ani');
    let a = await waitState(ani, (s) => s.screen === 'my_appraisal' && !s.busy && s.my &&
      s.my.supervisor.status === 'signed_off', 'Ani\'s signed-off appraisal');
    assert.equal(a.my.objection_window.open, true);

    // She writes her objection offline, within the window ...
    await aniContext.setOffline(true);
    const area = { top: (await widgetRect(ani, 'my.header_end')).y + 10, bottom: 760 };
    await tapVisible(ani, 'my.object', area);
    await typeInto(ani, 'my.object.reason', REASON);
    await tap(ani, 'my.object.send');
    a = await waitState(ani, (s) => s.my.response.present, 'her objection saved offline');
    assert.equal(a.my.response.sent, false);

    // ... and the tablet stays offline for 15 days: the sign-off is now 15 days old (set in
    // the stopped server's database; the server restarts on it).
    server.proc.kill('SIGTERM');
    await new Promise((resolve) => (server.proc.exitCode !== null ? resolve() : server.proc.once('exit', resolve)));
    const old = new Date(Date.now() - 15 * 86400e3).toISOString().replace(/\.\d+Z$/, 'Z');
    sqlite(server.db, `UPDATE records SET body=json_set(body,'$.signed_off_at','${old}') WHERE id='${APPRAISAL}'`);
    server = await startServer({ db: server.db, port: server.port });
    await aniContext.setOffline(false);
    await tap(ani, 'sync');
    a = await waitState(ani, (s) => !s.busy && s.set_aside === 1, 'the late objection set aside');
    await tap(ani, 'sync_center');
    a = await waitState(ani, (s) => s.screen === 'sync', 'the Sync screen');
    assert.equal(a.set_aside_list.length, 1);
    assert.equal(a.set_aside_list[0].kind, 'appraisal_response');
    assert.equal(a.set_aside_list[0].code, 'locked');
    assert.match(a.set_aside_list[0].reason, /14-day window .* closed on .*Pasal 59/);
    assert.equal(sqlite(server.db, "SELECT count(*) FROM records WHERE kind='appraisal_response'"), '0');
    assert.match(sqlite(server.db, 'SELECT reason FROM refused_changes'), /14-day window/);
    await shot(ani, 'objection-06-late-refused');
  } finally {
    await aniContext.close().catch(() => {});
    killBrowser(aniProfile);
    server.proc.kill('SIGTERM');
  }
});
