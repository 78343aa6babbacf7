// HR's reports on the demo city's year of history (docs/demo.md §"The history"), in real
// Chromium against the real server: the previous year's distribution curve with a rule broken
// and a unit without a capaian kinerja organisasi, the lenient and the severe rater, the IKM
// per element, service time before and after the training date, an employee's Dokumen
// Evaluasi Kinerja Pegawai as a PDF (its text read with pdftotext, its first page rendered
// with pdftoppm into the artifacts), a unit's batch with the recap on its first page, and the
// one-stop office's case study with its training.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import {
  artifacts, killBrowser, launch, loginAs, shot, startServer, tap, tapVisible, tempDir, typeInto,
  waitState,
} from './lib.mjs';

const table = (s, id) => s.hr_report.tables.find((t) => t.id === id);
const chart = (s, id) => s.hr_report.charts.find((c) => c.id === id);

async function openReport(page, name) {
  await tapVisible(page, `hr.report.${name}`, { y: 500, x: 700 });
  return waitState(page, (st) => st.screen === 'hr_report' && st.hr_report.report === name
    && st.hr_report.has_report && !st.hr_report.loading && !st.hr_report.from_cache,
  `the ${name} report`, 30000);
}

async function backHome(page) {
  for (let i = 0; i < 4; i += 1) {
    const s = await waitState(page, () => true, 'the app state');
    if (s.screen === 'hr_home') return;
    await tap(page, 'report.back');
    await page.waitForTimeout(150);
  }
  await waitState(page, (st) => st.screen === 'hr_home', 'back in the workspace');
}

async function download(page, id, name) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), tap(page, id)]);
  const target = path.join(artifacts, name);
  await file.saveAs(target);
  return target;
}

const pdfText = (file, first = 1, last = 0) => execFileSync('pdftotext',
  ['-layout', '-f', String(first), ...(last ? ['-l', String(last)] : []), file, '-']).toString();

// The training date of the history: 182 days before today (WIB), as YYYY-MM-DD.
function trainingDate() {
  const wib = new Date(Date.now() + 7 * 3600 * 1000);
  const day = Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate()) - 182 * 86400 * 1000;
  return new Date(day).toISOString().slice(0, 10);
}

test('HR reads the year of history: curve, raters, IKM, service time, PDF documents and the case study', async () => {
  const server = await startServer({ history: true });
  const profile = tempDir('kinerja-e2e-hr-history-');
  const context = await launch(profile, { acceptDownloads: true });
  const lastYear = String(new Date(Date.now() + 7 * 3600 * 1000).getUTCFullYear() - 1);
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(server.base + '/');
    // The first sync brings the history's records (docs/demo.md: about 6,400).
    await loginAs(page, 'hr', 'kinerja-demo', 90000);
    await waitState(page, (st) => st.screen === 'hr_home' && !st.busy && st.last_sync !== '',
      'the HR workspace after the first sync', 90000);
    await tap(page, `hr.period.${lastYear}`);
    await waitState(page, (st) => st.hr.period === lastYear, `the period ${lastYear}`);

    // Distribution: all five predikat, the severe bidang breaking a rule, and the unit
    // without a capaian kinerja organisasi named as such.
    let s = await openReport(page, 'distribution');
    assert.equal(s.hr_report.period, lastYear);
    const curve = chart(s, 'distribution').values;
    assert.equal(curve.length, 5, 'five predikat');
    assert.ok(curve.every((n) => n > 0), `every predikat occurs: ${curve}`);
    const units = table(s, 'units');
    const violated = units.rows.filter((r) => Number(r.cells[r.cells.length - 1]) > 0);
    assert.ok(violated.some((r) => r.unit === 'pencatatan-sipil'), `the severe bidang breaks a rule: ${JSON.stringify(units.rows)}`);
    assert.ok(s.hr_report.lines.some((l) => /pengembangan|Pengembangan/.test(l.text)) ||
      units.rows.some((r) => r.unit === 'pengembangan'), 'the unit without a capaian is listed');
    await shot(page, 'hr-history-01-distribution');
    const severe = units.rows.findIndex((r) => r.unit === 'pencatatan-sipil');
    await tapVisible(page, `report.units.row.${severe}`);
    s = await waitState(page, (st) => st.hr_report.drill_unit === 'pencatatan-sipil', 'the severe bidang');
    assert.ok(table(s, 'checks').rows.some((r) => r.warn), 'a rule the unit breaks is marked');
    assert.ok(s.hr_report.lines.some((l) => l.warn), 'and named above the table');
    // Its recap: one page with the curve, the numbers of the report.
    const recap = await download(page, 'report.unit_recap', `rekap-pencatatan-sipil-${lastYear}.pdf`);
    const recapText = pdfText(recap);
    assert.match(recapText, /Rekapitulasi/i);
    assert.match(recapText, /Pencatatan Sipil/);
    assert.match(execFileSync('pdfinfo', [recap]).toString(), /Pages:\s+1\b/, 'one page');
    await shot(page, 'hr-history-02-severe-unit');
    await backHome(page);

    // Objectivity: Sari rates leniently, Teguh severely; the numbers behind the flags.
    s = await openReport(page, 'objectivity');
    const raters = table(s, 'raters').rows;
    const row = (name) => raters.find((r) => r.cells[0].includes(name));
    assert.ok(row('Sari') && row('Teguh'), `both raters listed: ${JSON.stringify(raters.map((r) => r.cells[0]))}`);
    assert.ok(row('Sari').warn && row('Teguh').warn, 'both flagged');
    assert.ok(Number(row('Sari').cells[4]) > 0 && Number(row('Teguh').cells[4]) < 0,
      `leniency z: Sari ${row('Sari').cells[4]} above, Teguh ${row('Teguh').cells[4]} below`);
    await shot(page, 'hr-history-03-objectivity');
    await backHome(page);

    // Satisfaction over this year: IKM per element, the lowest named.
    await tap(page, `hr.period.${Number(lastYear) + 1}`);
    await waitState(page, (st) => st.hr.period === String(Number(lastYear) + 1), 'this year');
    s = await openReport(page, 'satisfaction');
    const elements = chart(s, 'ikm_elements');
    assert.ok(elements && elements.values.length === 9, 'nine elements');
    assert.ok(elements.values.every((v) => v > 0 && v <= 4), `NRR per element: ${elements.values}`);
    await shot(page, 'hr-history-04-satisfaction');
    await backHome(page);

    // Service time, split at the training date: waits fall after it.
    s = await openReport(page, 'service-time');
    await typeInto(page, 'report.split', trainingDate());
    await tap(page, 'report.split_apply');
    s = await waitState(page, (st) => st.hr_report.split === trainingDate() && st.hr_report.has_report
      && !st.hr_report.loading, 'the split applied', 30000);
    const office = table(s, 'units').rows.findIndex((r) => r.unit === 'dpmptsp');
    assert.ok(office >= 0, 'the one-stop office keeps a queue log');
    await tapVisible(page, `report.units.row.${office}`);
    s = await waitState(page, (st) => st.hr_report.drill_unit === 'dpmptsp', 'the office');
    assert.ok(chart(s, 'wait_trend'), 'the wait-time trend');
    const comparison = s.hr_report.lines.filter((l) => l.text.includes(trainingDate()));
    assert.equal(comparison.length, 1, `the before/after line: ${JSON.stringify(s.hr_report.lines)}`);
    assert.equal(comparison[0].warn, false, 'waits fell after the training (a rise is marked)');
    await shot(page, 'hr-history-05-service-time');
    await backHome(page);

    // Progress of last year: Wati's bidang, one of her staff, and that person's document.
    await tap(page, `hr.period.${lastYear}`);
    await waitState(page, (st) => st.hr.period === lastYear, `the period ${lastYear}`);
    s = await openReport(page, 'progress');
    const pm = table(s, 'units').rows.findIndex((r) => r.unit === 'penanaman-modal');
    assert.ok(pm >= 0);
    await tapVisible(page, `report.units.row.${pm}`);
    s = await waitState(page, (st) => st.hr_report.drill_unit === 'penanaman-modal', 'Wati\'s bidang');
    const staff = table(s, 'employees');
    assert.equal(staff.count, 11, 'Wati and her ten staff');
    // The unit's batch: the recap first, then one document each.
    const batch = await download(page, 'report.unit_pdf', `dokumen-penanaman-modal-${lastYear}.pdf`);
    assert.match(pdfText(batch, 1, 1), /Rekapitulasi/i, 'the recap is the first page');
    assert.match(pdfText(batch, 2), /DOKUMEN EVALUASI KINERJA/i, 'the documents follow');
    const one = staff.rows.findIndex((r) => r.id === 'e-pm-01');
    assert.ok(one >= 0, `e-pm-01 listed: ${JSON.stringify(staff.rows.map((r) => r.id))}`);
    await tapVisible(page, `report.employees.row.${one}`);
    s = await waitState(page, (st) => st.hr_report.drill_id === 'e-pm-01' && st.hr_report.document_employee === 'e-pm-01',
      'an appraised employee, with a document to print');
    const pdf = await download(page, 'report.document', `dokumen-e-pm-01-${lastYear}.pdf`);
    const text = pdfText(pdf);
    assert.match(text, /DOKUMEN EVALUASI KINERJA PEGAWAI/i);
    assert.match(text, new RegExp(lastYear));
    assert.match(text, /PEJABAT PENILAI/i);
    assert.match(text, /PREDIKAT/i);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf,
      path.join(artifacts, 'hr-history-06-document-page')]);
    await shot(page, 'hr-history-06-employee');
    await backHome(page);

    // The case study: the one-stop office's waits, IKM and the training on one time axis.
    await tap(page, 'hr.unit.dpmptsp');
    await waitState(page, (st) => st.hr.selected === 'dpmptsp', 'the office chosen');
    s = await openReport(page, 'unit-timeline');
    const trainings = table(s, 'trainings');
    assert.ok(trainings && trainings.count >= 1, 'the training is on the axis');
    assert.ok(trainings.rows.some((r) => r.cells.some((c) => /Pelayanan Prima/.test(c))),
      `the training named: ${JSON.stringify(trainings.rows)}`);
    const waits = chart(s, 'timeline_wait');
    assert.ok(waits, 'the wait chart');
    await shot(page, 'hr-history-07-case-study');
  } finally {
    await context.close().catch(() => {});
    killBrowser(profile);
    server.proc.kill('SIGTERM');
  }
});
