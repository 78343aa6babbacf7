// Penilaian SKP: supervisor budi rates Ani; the predikat the engine computes changes live as
// he taps; the draft survives leaving the screen; he submits and signs off, syncs, and the
// server's own result.predikat equals what the app showed. After sign-off it is read-only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  appState, killBrowser, launch, openAs, openEmployee, shot, sleep, sqlite, startServer, tap,
  tapVisible, tempDir, typeInto, waitState,
} from './lib.mjs';

const VALUES = ['berorientasi_pelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif',
  'kolaboratif'];
const AREA = { top: 230, bottom: 760 };  // the scrolling part below the fixed header

test('a supervisor appraises Ani with a live predikat, keeps the draft, submits and signs off', async () => {
  const server = await startServer();
  const profile = tempDir('kinerja-e2e-appraise-');
  const context = await launch(profile);
  try {
    const page = await openAs(context, server, 'budi');
    await openEmployee(page, 'e-ani');
    await tap(page, 'note.appraise');
    let s = await waitState(page, (st) => st.screen === 'appraise', 'the appraisal screen');
    const period = String(new Date(Date.now() + 7 * 3600e3).getUTCFullYear());
    assert.equal(s.appraisal.status, 'draft');
    assert.equal(s.appraisal.period, period);
    assert.equal(s.appraisal.ok, false, 'nothing rated yet: no predikat');
    assert.equal(s.appraisal.not_scored, 'Belum dapat dinilai: 8 dari 8 butir belum diberi rating.',
      'what is left, in the UI language');
    assert.equal(s.pending, 0, 'opening the screen writes nothing');
    await shot(page, 'appraise-01-empty');

    await typeInto(page, 'appraise.row0.iki', 'Jumlah izin usaha diterbitkan');
    await typeInto(page, 'appraise.row0.target', '120');
    await typeInto(page, 'appraise.row0.realisasi', '126');
    await tapVisible(page, 'appraise.hasil.di_atas', AREA);
    s = await waitState(page, (st) => st.appraisal.not_scored.startsWith('Belum dapat dinilai: 7 dari 8'),
      'one item fewer to rate');
    for (const v of VALUES) await tapVisible(page, `appraise.value.${v}.sesuai`, AREA);
    s = await waitState(page, (st) => st.appraisal.ok, 'a scored appraisal');
    assert.equal(s.appraisal.not_scored, '');
    assert.equal(s.appraisal.predikat_code, 'baik', 'di atas x sesuai = Baik');
    await shot(page, 'appraise-02-baik');

    // Four of seven values above expectation: the median moves, and so does the predikat.
    for (const v of VALUES.slice(0, 4)) await tapVisible(page, `appraise.value.${v}.di_atas`, AREA);
    s = await waitState(page, (st) => st.appraisal.predikat_code === 'sangat_baik', 'the predikat changing live');
    assert.equal(s.appraisal.predikat, 'Sangat Baik');
    assert.equal(s.appraisal.rating_perilaku, 'Di Atas Ekspektasi');
    await tapVisible(page, 'appraise.comments', AREA);
    await page.keyboard.type('Pelayanan cepat dan ramah.', { delay: 30 });
    s = await waitState(page, (st) => !st.appraisal.dirty && st.appraisal.saved_at !== '', 'the draft autosaved', 8000);
    assert.ok(s.pending >= 1);
    await shot(page, 'appraise-03-sangat-baik');

    // Leave and come back: the draft is the same record, with the same ratings.
    const recordId = s.appraisal.record_id;
    await tap(page, 'appraise.back');
    await waitState(page, (st) => st.screen === 'note', 'back on the note screen');
    await tap(page, 'note.appraise');
    s = await waitState(page, (st) => st.screen === 'appraise', 'the appraisal again');
    assert.equal(s.appraisal.record_id, recordId);
    assert.equal(s.appraisal.status, 'draft');
    assert.equal(s.appraisal.predikat_code, 'sangat_baik');
    assert.equal(s.appraisal.rows, 1);
    const shown = s.appraisal.predikat;

    // Submit, with a confirmation; cancelling first changes nothing.
    await tap(page, 'appraise.submit');
    await tap(page, 'appraise.cancel');
    await sleep(200);
    assert.equal((await appState(page)).appraisal.status, 'draft');
    await tap(page, 'appraise.submit');
    await shot(page, 'appraise-04-confirm');
    await tap(page, 'appraise.confirm');
    await waitState(page, (st) => st.appraisal.status === 'submitted', 'submitted');
    await tap(page, 'sync');
    s = await waitState(page, (st) => !st.busy && st.pending === 0 && st.last_sync !== '', 'a finished sync');
    assert.equal(s.message_is_error, false, s.message);
    const row = () => sqlite(server.db,
      "SELECT count(*) || '|' || json_extract(body,'$.status') || '|' || json_extract(body,'$.result.predikat') " +
      "|| '|' || json_extract(body,'$.result.predikat_code') || '|' || json_extract(body,'$.skp.hasil_kerja[0].realisasi') " +
      "FROM records WHERE kind='appraisal'");
    assert.equal(row(), `1|submitted|${shown}|sangat_baik|126.0`);
    assert.equal(sqlite(server.db, "SELECT id || '|' || subject_id FROM records WHERE kind='appraisal'"),
      `${recordId}|e-ani`);

    // Sign off, with a confirmation; afterwards the form no longer changes.
    await tap(page, 'appraise.signoff');
    await tap(page, 'appraise.confirm');
    await waitState(page, (st) => st.appraisal.status === 'signed_off', 'signed off');
    await tapVisible(page, 'appraise.value.akuntabel.di_bawah', AREA);
    await sleep(300);
    s = await appState(page);
    assert.equal(s.appraisal.predikat_code, 'sangat_baik', 'read-only after sign-off');
    assert.equal(s.appraisal.dirty, false);
    await tap(page, 'sync');
    s = await waitState(page, (st) => !st.busy && st.pending === 0, 'the sign-off synced');
    assert.equal(s.message_is_error, false, s.message);
    await shot(page, 'appraise-05-signed-off');
    assert.equal(row(), `1|signed_off|${shown}|sangat_baik|126.0`);
  } finally {
    await context.close().catch(() => {});
    killBrowser(profile);
    server.proc.kill('SIGTERM');
  }
});
