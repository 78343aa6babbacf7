// Tablet-grade input and display: the soft keyboard through the hidden input (typed text, an
// IME composition, a virtual keyboard's Backspace, Enter), a rotation that keeps what is being
// typed, crisp rendering at the device pixel ratio, and the text-size setting.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  appState, killBrowser, launch, shot, sleep, startServer, tap, tempDir, touchTap, waitState,
  widgetRect,
} from './lib.mjs';

// The canvas backing size once it equals `want`, or whatever it is after `timeoutMs`.
async function canvasSize(page, want, timeoutMs = 10000) {
  const read = () => page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height };
  });
  const deadline = Date.now() + timeoutMs;
  let got = await read();
  while ((got.w !== want.w || got.h !== want.h) && Date.now() < deadline) {
    await sleep(50);
    got = await read();
  }
  return got;
}

const imeState = (page) => page.evaluate(() => {
  const i = document.getElementById('kinerja-ime');
  return { focused: document.activeElement === i, type: i.type, mode: i.getAttribute('inputmode') };
});

test('the soft keyboard types into ImGui fields, with IME compositions, and a rotation keeps the text', async () => {
  const server = await startServer();
  const profile = tempDir('kinerja-e2e-tablet-');
  const context = await launch(profile, { hasTouch: true });
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(server.base + '/');
    await waitState(page, (s) => s.screen === 'login', 'the login screen');
    const cdp = await context.newCDPSession(page);

    // A finger on the username field: the hidden input takes the focus (the keyboard opens).
    await touchTap(page, 'login.username');
    await waitState(page, (s) => s.text_input, 'an active text field');
    let ime = await imeState(page);
    assert.equal(ime.focused, true, 'the hidden input has the focus');
    assert.equal(ime.type, 'text');

    // "bu" committed at once, "di" composed by an IME letter by letter (with a correction),
    // a stray "x" removed with a virtual keyboard's Backspace (key 229, then beforeinput).
    await cdp.send('Input.insertText', { text: 'bu' });
    await cdp.send('Input.imeSetComposition', { text: 'd', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: 'dx', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.imeSetComposition', { text: 'di', selectionStart: 2, selectionEnd: 2 });
    await waitState(page, (s) => s.text_field === 'budi', 'the composition shown as it is typed');
    await cdp.send('Input.insertText', { text: 'di' });  // commits the composition
    await cdp.send('Input.insertText', { text: 'x' });
    await waitState(page, (s) => s.text_field === 'budix', 'the committed text');
    await page.evaluate(() => {
      const i = document.getElementById('kinerja-ime');
      i.dispatchEvent(new KeyboardEvent('keydown', { key: 'Unidentified', keyCode: 229, bubbles: true }));
      i.dispatchEvent(new InputEvent('beforeinput', { inputType: 'deleteContentBackward', cancelable: true, bubbles: true }));
    });
    await waitState(page, (s) => s.text_field === 'budi', 'the virtual Backspace applied');
    await shot(page, 'tablet-01-username-typed');

    // The password field asks for a password keyboard; Enter logs in.
    await touchTap(page, 'login.password');
    await waitState(page, (s) => s.text_input && s.text_field === '', 'the password field (never exposed)');
    ime = await imeState(page);
    assert.equal(ime.focused, true);
    assert.equal(ime.type, 'password');
    await cdp.send('Input.insertText', { text: 'kinerja-demo' });
    await sleep(100);
    // Enter tapped faster than a frame (keydown and keyup in one task): the app still sees it.
    await page.evaluate(() => {
      const input = document.getElementById('kinerja-ime');
      for (const type of ['keydown', 'keyup']) {
        const e = new KeyboardEvent(type, { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true });
        Object.defineProperty(e, 'keyCode', { get: () => 13 });
        input.dispatchEvent(e);
      }
    });
    await waitState(page, (s) => s.screen === 'roster' && s.user === 'budi' && !s.busy && s.roster === 5, 'logged in with Enter');
    ime = await imeState(page);
    assert.equal(ime.focused, false, 'no text field active: the keyboard is closed');

    // A note half typed, then the tablet is rotated twice: the screen and the text stay.
    await touchTap(page, 'roster.e-ani');
    await waitState(page, (s) => s.screen === 'note', 'the note screen');
    const before = (await appState(page)).notes;
    await touchTap(page, 'note.text');
    await cdp.send('Input.insertText', { text: 'Sigap melayani antrean' });
    await waitState(page, (s) => s.text_field === 'Sigap melayani antrean', 'the note typed');
    // The canvas follows the viewport on the next frame; a loaded machine may take a while to
    // draw it, so the size is awaited rather than slept for.
    await page.setViewportSize({ width: 768, height: 1024 });
    const canvas = await canvasSize(page, { w: 768, h: 1024 });
    assert.deepEqual(canvas, { w: 768, h: 1024 }, 'the canvas follows the new size');
    let s = await waitState(page, (st) => st.screen === 'note', 'portrait');
    assert.equal(s.text_field, 'Sigap melayani antrean', 'the text survives the rotation');
    await shot(page, 'tablet-02-portrait');
    await page.setViewportSize({ width: 1024, height: 768 });
    assert.deepEqual(await canvasSize(page, { w: 1024, h: 768 }), { w: 1024, h: 768 },
      'the canvas follows the rotation back');
    // The save button's rectangle settles once frames of the new layout are drawn.
    for (let prev = null, i = 0; i < 40; i++) {
      const r = await widgetRect(page, 'note.save');
      if (prev && JSON.stringify(prev) === JSON.stringify(r)) break;
      prev = r;
      await sleep(150);
    }
    await touchTap(page, 'note.save');
    s = await waitState(page, (st) => st.notes === before + 1, 'the note saved after rotating back');
    assert.equal(s.pending, 1);
    await cdp.detach();
  } finally {
    await context.close().catch(() => {});
    killBrowser(profile);
    server.proc.kill('SIGTERM');
  }
});

test('text is drawn at the device pixel ratio, and the text-size setting scales the UI and is kept', async () => {
  const server = await startServer();
  const profile = tempDir('kinerja-e2e-dpr-');
  const context = await launch(profile, { deviceScaleFactor: 2 });
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(server.base + '/');
    await waitState(page, (s) => s.screen === 'login', 'the login screen');
    const canvas = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cssW: c.clientWidth, dpr: window.devicePixelRatio };
    });
    assert.equal(canvas.dpr, 2);
    assert.equal(canvas.w, 2 * canvas.cssW, 'the backing store has the device pixels');
    await shot(page, 'tablet-03-dpr2');

    const small = await widgetRect(page, 'login.submit');
    await tap(page, 'zoom_in');
    await waitState(page, (st) => Math.abs(st.ui_zoom - 1.15) < 1e-6, 'one size larger');
    await sleep(300);  // the next frame lays out at the new size
    await tap(page, 'zoom_in');
    let s = await waitState(page, (st) => Math.abs(st.ui_zoom - 1.3) < 1e-6, 'two sizes larger');
    await sleep(200);
    const large = await widgetRect(page, 'login.submit');
    assert.ok(Math.abs(large.w / small.w - 1.3) < 0.02, `the button grows with the text (${small.w} -> ${large.w})`);
    await shot(page, 'tablet-04-larger-text');

    // Kept on the device: the same size after a reload.
    await page.reload();
    s = await waitState(page, (st) => st.screen === 'login' && st.storage_ready, 'reloaded');
    assert.ok(Math.abs(s.ui_zoom - 1.3) < 1e-6, `kept across a reload (${s.ui_zoom})`);
    for (const z of [1.15, 1.0, 0.85]) {
      await sleep(300);
      await tap(page, 'zoom_out');
      s = await waitState(page, (st) => Math.abs(st.ui_zoom - z) < 1e-6, `size ${z}`);
    }
  } finally {
    await context.close().catch(() => {});
    killBrowser(profile);
    server.proc.kill('SIGTERM');
  }
});
