// Ruang kerja SDM: HR logs in and lands in the workspace, not the supervisors' roster. The unit
// tree comes from the synced unit records, with the demo's eleven staff counted into their units
// and up to the city; a unit can be chosen, the period picker recounts, the status chart is
// drawn, training needs open for the chosen period and come back, and the roster stays
// reachable behind a back button.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  killBrowser, launch, loginAs, shot, startServer, tap, tempDir, waitState, widgetRect,
} from './lib.mjs';

test('HR lands in the workspace with the unit tree, picks a unit and a period, and reaches training needs and the roster', async () => {
  const server = await startServer();
  const profile = tempDir('kinerja-e2e-hr-');
  const context = await launch(profile);
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(server.base + '/');
    await loginAs(page, 'hr');
    let s = await waitState(page, (st) => st.screen === 'hr_home' && !st.busy && st.last_sync !== ''
      && st.hr && st.hr.staff === 11, 'the HR workspace after the first sync');
    const unit = (id) => s.hr.units.find((u) => u.id === id);
    assert.ok(unit('pemkot'), 'the city is a unit of the tree');
    assert.equal(unit('pemkot').depth, 0);
    assert.equal(unit('pelayanan').staff, 5, 'Budi and his four staff');
    assert.ok(unit('dpmptsp').staff >= unit('pelayanan').staff, 'staff count up the tree');
    assert.equal(s.hr.selected, '', 'the whole city first');
    assert.equal(s.hr.period, s.hr.periods[0], 'this year first');
    await widgetRect(page, 'hr.status_chart');
    await shot(page, 'hr-01-workspace');

    await tap(page, 'hr.unit.pelayanan');
    s = await waitState(page, (st) => st.hr && st.hr.selected === 'pelayanan', 'Pelayanan chosen');
    await shot(page, 'hr-02-unit');

    const before = s.hr.periods[1];
    await tap(page, `hr.period.${before}`);
    s = await waitState(page, (st) => st.hr && st.hr.period === before, 'last year chosen');
    assert.equal(s.hr.selected, 'pelayanan', 'the unit stays chosen');
    assert.equal(s.hr.units.find((u) => u.id === 'pelayanan').not_started, 5, 'nothing appraised last year');

    await tap(page, 'hr.training');
    s = await waitState(page, (st) => st.screen === 'training', 'training needs');
    assert.equal(s.training.period, before, 'for the chosen period');
    await tap(page, 'training.back');
    await waitState(page, (st) => st.screen === 'hr_home', 'back in the workspace');

    await tap(page, 'hr.roster');
    s = await waitState(page, (st) => st.screen === 'roster', 'the roster');
    assert.equal(s.roster, 11);
    await tap(page, 'roster.back');
    await waitState(page, (st) => st.screen === 'hr_home', 'back in the workspace from the roster');
  } finally {
    await context.close().catch(() => {});
    killBrowser(profile);
    server.proc.kill('SIGTERM');
  }
});
