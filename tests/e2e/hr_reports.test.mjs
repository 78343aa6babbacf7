// The HR workspace's report screens against the real server on the demo city: HR opens each
// report from the workspace, drills from the city to a unit to an employee and back, exports
// a report as XLSX (its cells read back with Python's zipfile), opens the one-stop office's
// case study, and reads a report again offline from the device's copy. (The demo city has no
// year of history yet, so the numbers are this year's empty ones: docs/demo.md.)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import {
  artifacts, killBrowser, launch, loginAs, shot, startServer, tap, tapVisible, tempDir, waitState,
  widgetRect,
} from './lib.mjs';


// Opens report `name` from the workspace and waits for the server's answer.
async function openReport(page, name) {
  await tapVisible(page, `hr.report.${name}`, { y: 500, x: 700 });
  return waitState(page, (st) => st.screen === 'hr_report' && st.hr_report.report === name
    && st.hr_report.has_report && !st.hr_report.loading && !st.hr_report.from_cache,
  `the ${name} report`, 30000);
}

const table = (s, id) => s.hr_report.tables.find((t) => t.id === id);
const chart = (s, id) => s.hr_report.charts.find((c) => c.id === id);

async function back(page, what) {
  await tap(page, 'report.back');
  return waitState(page, what, 'one level up');
}

async function download(page, id, name) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), tap(page, id)]);
  const target = path.join(artifacts, name);
  await file.saveAs(target);
  return target;
}

test('HR opens every report, drills down and back, exports XLSX and reads a report offline', async () => {
  const server = await startServer();
  const profile = tempDir('kinerja-e2e-hr-reports-');
  const context = await launch(profile, { acceptDownloads: true });
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(server.base + '/');
    await loginAs(page, 'hr');
    await waitState(page, (st) => st.screen === 'hr_home' && !st.busy && st.last_sync !== '',
      'the HR workspace after the first sync', 60000);

    // Progress: the city's units, then one unit's staff, then one employee, then back.
    let s = await openReport(page, 'progress');
    assert.match(s.hr_report.as_of, /^\d{4}-\d\d-\d\dT/, 'the server time the report was computed');
    assert.deepEqual(chart(s, 'status').values.slice(0, 1), [11], 'eleven staff, none appraised yet');
    const units = table(s, 'units');
    const pelayanan = units.rows.findIndex((r) => r.unit === 'pelayanan');
    assert.ok(pelayanan >= 0, `Bidang Pelayanan is listed: ${JSON.stringify(units.rows)}`);
    await shot(page, 'hr-reports-01-progress');
    await tapVisible(page, `report.units.row.${pelayanan}`);
    s = await waitState(page, (st) => st.hr_report && st.hr_report.drill_unit === 'pelayanan', 'the unit');
    const staff = table(s, 'employees');
    assert.equal(staff.count, 5, 'Budi and his four staff');
    const ani = staff.rows.findIndex((r) => r.id === 'e-ani');
    assert.ok(ani >= 0);
    await tapVisible(page, `report.employees.row.${ani}`);
    s = await waitState(page, (st) => st.hr_report.drill_id === 'e-ani', 'Ani');
    assert.match(s.hr_report.heading, /Ani Lestari/);
    assert.equal(s.hr_report.document_employee, '', 'nothing to print before an appraisal is submitted');
    await shot(page, 'hr-reports-02-employee');
    s = await back(page, (st) => st.hr_report.drill_unit === 'pelayanan' && st.hr_report.drill_id === '');
    s = await back(page, (st) => st.hr_report.drill_unit === '' && st.hr_report.depth === 0);

    // The XLSX export of the same report: numbers as numeric cells, a frozen header.
    const xlsx = await download(page, 'report.xlsx', 'progres-penilaian.xlsx');
    const cells = JSON.parse(execFileSync('python3', ['-c', `
import json, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
book = z.read('xl/workbook.xml').decode()
sheet = z.read('xl/worksheets/sheet1.xml').decode()
print(json.dumps({
  'sheets': re.findall(r'<sheet name="([^"]+)"', book),
  'frozen': 'state="frozen"' in sheet,
  'numbers': len(re.findall(r'<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")?><v>', sheet)),
}))`, xlsx]).toString());
    assert.ok(cells.sheets.includes('units'), `sheets ${cells.sheets}`);
    assert.ok(cells.frozen, 'the header row is frozen');
    assert.ok(cells.numbers > 0, 'counts are numeric cells');
    await tap(page, 'report.back');
    await waitState(page, (st) => st.screen === 'hr_home', 'back in the workspace');

    // Every other report opens with the server's answer.
    for (const name of ['distribution', 'objectivity', 'satisfaction', 'service-time']) {
      s = await openReport(page, name);
      assert.equal(s.hr_report.error, '', `${name}: no error`);
      assert.equal(s.hr_report.view_error, '', `${name}: the answer reads`);
      await shot(page, `hr-reports-03-${name}`);
      await tap(page, 'report.back');
      await waitState(page, (st) => st.screen === 'hr_home', 'back in the workspace');
    }

    // The case study needs a unit: the one-stop office's months on one time axis.
    await tap(page, 'hr.unit.dpmptsp');
    await waitState(page, (st) => st.hr.selected === 'dpmptsp', 'the office chosen');
    s = await openReport(page, 'unit-timeline');
    assert.ok(chart(s, 'timeline_wait') && chart(s, 'timeline_ikm'), 'both charts');
    assert.equal(table(s, 'months').count, 12, 'the last twelve months');
    await shot(page, 'hr-reports-04-case-study');
    await tap(page, 'report.back');
    await waitState(page, (st) => st.screen === 'hr_home', 'back in the workspace');

    // Offline: the last copy opens, marked as such.
    await context.setOffline(true);
    await tap(page, 'hr.unit.all');
    await tapVisible(page, 'hr.report.progress', { y: 500, x: 700 });
    s = await waitState(page, (st) => st.screen === 'hr_report' && st.hr_report.has_report
      && st.hr_report.from_cache && !st.hr_report.loading, 'the progress report from the device', 20000);
    assert.equal(table(s, 'units').count, units.count, 'the same report as fetched');
    await widgetRect(page, 'report.cached');
    await shot(page, 'hr-reports-05-offline');
  } finally {
    await context.close().catch(() => {});
    killBrowser(profile);
    server.proc.kill('SIGTERM');
  }
});
