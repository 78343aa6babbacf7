// Penilaian kompetensi: supervisor budi assesses Ani against her position's required levels
// (synced with the roster). Each tap shows the engine's gap at once and, once every competency
// is assessed, the JPM; the draft saves itself and survives leaving the screen; he submits with
// a confirmation and syncs; the server's own result (recomputed) matches what the app showed,
// the form is read-only afterwards; his tablet shows the training needs it implies, offline;
// and Ani can now read her submitted assessment: on her own
// tablet, where before the submission the app told her there was none yet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  appState, killBrowser, launch, loginAs, openAs, openEmployee, shot, sleep, sqlite, startServer, tap,
  tapVisible, tempDir, waitState,
} from './lib.mjs';

const AREA = { top: 350, bottom: 760 };  // the scrolling part below the fixed header (~340 px)
// Ani's position (pengadministrasi-perizinan) requires level 2 of each; 16 levels in all.
const LEVELS = { 'M.01': 3, 'M.02': 2, 'M.03': 1, 'M.04': 2, 'M.05': 2, 'S.01': 2, 'T.PTSP.01': 2, 'T.ARS.01': 3 };

test('a supervisor assesses Ani\'s competencies with live gaps and JPM, keeps the draft, submits and syncs', async () => {
  const server = await startServer();
  const profile = tempDir('kinerja-e2e-competency-');
  const context = await launch(profile);
  const aniProfile = tempDir('kinerja-e2e-competency-ani-');
  const aniContext = await launch(aniProfile);
  try {
    // Ani (employee) on her own tablet: nothing submitted about her yet.
    const ani = aniContext.pages()[0] || await aniContext.newPage();
    await ani.goto(server.base + '/');
    await loginAs(ani, 'ani');
    let a = await waitState(ani, (st) => st.screen === 'my_appraisal' && !st.busy && st.last_sync !== '',
      'Ani\'s home');
    const aniFirstSync = a.last_sync;
    await tap(ani, 'my.competency');
    a = await waitState(ani, (st) => st.message !== '', 'the answer to her tap');
    assert.equal(a.screen, 'my_appraisal', 'nothing to open yet');
    assert.match(a.message, /belum mengirim penilaian kompetensi/);
    assert.equal(a.message_is_error, false);

    const page = await openAs(context, server, 'budi');
    await openEmployee(page, 'e-ani');
    await tap(page, 'note.competency');
    let s = await waitState(page, (st) => st.screen === 'competency', 'the competency screen');
    const period = String(new Date(Date.now() + 7 * 3600e3).getUTCFullYear());
    assert.equal(s.competency.position_id, 'pengadministrasi-perizinan');
    assert.equal(s.competency.period, period);
    assert.equal(s.competency.rows, 8);
    assert.equal(s.competency.complete, false);
    assert.deepEqual(Object.keys(s.competency.gaps).sort(), Object.keys(LEVELS).sort());
    assert.equal(s.competency.gaps['T.ARS.01'].required, 2);
    assert.equal(s.competency.gaps['T.ARS.01'].gap, null, 'not assessed: no gap yet');
    assert.equal(s.pending, 0, 'opening the screen writes nothing');
    await shot(page, 'competency-01-empty');

    // One tap: the engine's gap for that competency shows at once; no JPM yet.
    await tapVisible(page, 'competency.M.01.3', AREA);
    s = await waitState(page, (st) => st.competency.gaps['M.01'].gap === 1, 'the first gap');
    assert.equal(s.competency.complete, false);
    assert.equal(s.competency.jpm, null);
    for (const [code, level] of Object.entries(LEVELS)) {
      if (code !== 'M.01') await tapVisible(page, `competency.${code}.${level}`, AREA);
    }
    // Capped JPM: 2x6 + 1 + 2 = 15 of 16 = 93.75 (Optimal); M.03 is one level short.
    s = await waitState(page, (st) => st.competency.complete, 'a complete assessment');
    assert.equal(s.competency.jpm, 93.75);
    assert.equal(s.competency.mapping_code, 'O');
    assert.equal(s.competency.selection_code, 'MS');
    assert.equal(s.competency.below_required, 1);
    assert.equal(s.competency.gaps['M.03'].gap, -1);
    assert.equal(s.competency.gaps['T.ARS.01'].gap, 1);
    await shot(page, 'competency-02-jpm');
    // Changing one level moves the JPM live: M.03 to 2 meets every standard.
    await tapVisible(page, 'competency.M.03.2', AREA);
    s = await waitState(page, (st) => st.competency.jpm === 100, 'the JPM changing live');
    assert.equal(s.competency.below_required, 0);
    await tapVisible(page, 'competency.M.03.1', AREA);
    s = await waitState(page, (st) => st.competency.jpm === 93.75 && !st.competency.dirty &&
      st.competency.saved_at !== '', 'the draft autosaved', 8000);
    assert.ok(s.pending >= 1);
    await shot(page, 'competency-03-draft-saved');

    // Leave and come back: the same record, the same levels.
    const recordId = s.competency.record_id;
    await tap(page, 'competency.back');
    await waitState(page, (st) => st.screen === 'note', 'back on the note screen');
    await tap(page, 'note.competency');
    s = await waitState(page, (st) => st.screen === 'competency', 'the competency screen again');
    assert.equal(s.competency.record_id, recordId);
    assert.equal(s.competency.status, 'draft');
    assert.equal(s.competency.jpm, 93.75);

    // Submit with a confirmation; cancelling first changes nothing.
    await tap(page, 'competency.submit');
    await tap(page, 'competency.cancel');
    await sleep(200);
    assert.equal((await appState(page)).competency.status, 'draft');
    await tap(page, 'competency.submit');
    await shot(page, 'competency-04-confirm');
    await tap(page, 'competency.confirm');
    await waitState(page, (st) => st.competency.status === 'submitted', 'submitted');
    await tap(page, 'sync');
    s = await waitState(page, (st) => !st.busy && st.pending === 0 && st.last_sync !== '', 'a finished sync');
    assert.equal(s.message_is_error, false, s.message);
    const row = () => sqlite(server.db,
      "SELECT count(*) || '|' || id || '|' || subject_id || '|' || json_extract(body,'$.status') || '|' || " +
      "json_extract(body,'$.position_id') || '|' || json_extract(body,'$.result.jpm') || '|' || " +
      "json_extract(body,'$.result.mapping_code') || '|' || json_extract(body,'$.assessed.\"T.ARS.01\"') " +
      "FROM records WHERE kind='competency_assessment'");
    assert.equal(row(), `1|${recordId}|e-ani|submitted|pengadministrasi-perizinan|93.75|O|3`);

    // Read-only once submitted.
    await tapVisible(page, 'competency.M.03.5', AREA);
    await sleep(300);
    s = await appState(page);
    assert.equal(s.competency.jpm, 93.75, 'read-only after submitting');
    assert.equal(s.competency.dirty, false);
    assert.equal(s.pending, 0);
    await shot(page, 'competency-05-submitted');

    // Kebutuhan pelatihan on budi's tablet, from the roster, with the network off: Ani is one
    // level short on M.03 (Komunikasi); nothing else falls short.
    await tap(page, 'competency.back');
    await waitState(page, (st) => st.screen === 'note', 'the note screen');
    await tap(page, 'note.back');
    await waitState(page, (st) => st.screen === 'roster', 'the roster');
    await context.setOffline(true);
    await tap(page, 'roster.training');
    s = await waitState(page, (st) => st.screen === 'training', 'the training needs screen');
    assert.equal(s.training.period, period);
    assert.equal(s.training.assessed, 1);
    assert.equal(s.training.skipped, 0);
    assert.equal(s.training.units.length, 1);
    assert.equal(s.training.units[0].unit_id, 'pelayanan');
    assert.equal(s.training.units[0].staff, 1);
    assert.deepEqual(s.training.units[0].needs.map((n) => [n.code, n.staff_with_gap, n.total_gap, n.names]),
      [['M.03', 1, 1, ['Ani Lestari']]]);
    await shot(page, 'competency-06-training-needs');
    await tap(page, 'training.back');
    await waitState(page, (st) => st.screen === 'roster', 'back on the roster');
    await context.setOffline(false);

    // Ani (employee) now receives her submitted assessment, with the server's numbers.
    const login = await fetch(`${server.base}/api/v1/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ani', password: 'kinerja-demo', device_id: 'ani-phone' }),
    }).then((r) => r.json());
    const pull = await fetch(`${server.base}/api/v1/sync/pull?since=0`, {
      headers: { authorization: `Bearer ${login.token}` },
    }).then((r) => r.json());
    const mine = pull.records.filter((r) => r.kind === 'competency_assessment');
    assert.equal(mine.length, 1);
    assert.equal(mine[0].body.result.jpm, 93.75);

    // She syncs and opens it: read-only, with the gaps and JPM the server stored.
    await sleep(1100);  // a later last-sync second than her first
    await tap(ani, 'sync');
    await waitState(ani, (st) => !st.busy && st.last_sync !== aniFirstSync, 'Ani\'s sync');
    await tap(ani, 'my.competency');
    a = await waitState(ani, (st) => st.screen === 'competency', 'Ani\'s own competency assessment');
    assert.equal(a.competency.record_id, recordId);
    assert.equal(a.competency.employee_id, 'e-ani');
    assert.equal(a.competency.status, 'submitted');
    assert.equal(a.competency.position_id, 'pengadministrasi-perizinan');
    assert.equal(a.competency.rows, 8);
    assert.equal(a.competency.jpm, 93.75);
    assert.equal(a.competency.mapping_code, 'O');
    assert.equal(a.competency.below_required, 1);
    assert.deepEqual(a.competency.gaps['M.03'], { required: 2, assessed: 1, gap: -1 });
    assert.deepEqual(a.competency.gaps['T.ARS.01'], { required: 2, assessed: 3, gap: 1 });
    await shot(ani, 'competency-07-ani-reads-hers');
    await tapVisible(ani, 'competency.M.03.5', AREA);
    await sleep(300);
    a = await appState(ani);
    assert.equal(a.competency.gaps['M.03'].assessed, 1, 'read-only for her');
    assert.equal(a.pending, 0, 'she writes nothing');
    await tap(ani, 'competency.back');
    await waitState(ani, (st) => st.screen === 'my_appraisal', 'back on her home screen');
  } finally {
    await context.close().catch(() => {});
    await aniContext.close().catch(() => {});
    killBrowser(profile);
    killBrowser(aniProfile);
    server.proc.kill('SIGTERM');
  }
});
