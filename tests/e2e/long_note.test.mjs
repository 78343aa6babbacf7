// Text limits count characters, not bytes (issue 18): a note of 4,000 multi-byte characters
// (2-, 3- and 4-byte UTF-8) is typed in whole, the 4,001st is refused in the field itself, and
// the note syncs to the server intact.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  killBrowser, launch, openAs, openEmployee, shot, sleep, sqlite, startServer, tap, tempDir,
  waitState,
} from './lib.mjs';

// `n` characters cycling through widths of 1 to 4 bytes ("Sé✓ 文😀ü "); 4-byte ones need
// ImGui built with IMGUI_USE_WCHAR32 (cmake/third_party.cmake).
function multiByteText(n) {
  const units = ['S', 'é', '✓', ' ', '文', '😀', 'ü', ' '];
  const out = [];
  for (let i = 0; i < n; i++) out.push(units[i % units.length]);
  return out.join('');
}

const chars = (s) => [...s].length;  // code points, as the server counts them

test('a note of 4000 multi-byte characters is typed, the 4001st refused, and it syncs whole', async () => {
  const server = await startServer();
  const profile = tempDir('kinerja-e2e-long-note-');
  const context = await launch(profile);
  try {
    const page = await openAs(context, server, 'budi');
    await openEmployee(page, 'e-ani');
    const text = multiByteText(4000);
    assert.ok(Buffer.byteLength(text) > 7000, 'far more bytes than characters');

    await tap(page, 'note.text');
    await waitState(page, (s) => s.text_input, 'the note field active');
    await page.keyboard.insertText(text.slice(0, 2000));
    await sleep(100);
    await page.keyboard.insertText(text.slice(2000));
    let s = await waitState(page, (st) => chars(st.text_field || '') === 4000, '4000 characters typed');
    assert.equal(s.text_field, text);

    // Past the limit: typed one by one and pasted, nothing more goes in.
    await page.keyboard.insertText('é');
    await sleep(150);
    await page.keyboard.insertText('😀✓ tambahan');
    await sleep(300);
    s = await waitState(page, (st) => st.screen === 'note', 'the note screen');
    assert.equal(chars(s.text_field), 4000, 'the 4001st character is refused in the field');
    assert.equal(s.text_field, text);
    await shot(page, 'long-note-01-full');

    await tap(page, 'note.save');
    await waitState(page, (st) => st.pending === 1, 'the note queued');
    await tap(page, 'sync');
    s = await waitState(page, (st) => !st.busy && st.pending === 0 && st.last_sync !== '', 'a finished sync');
    assert.equal(s.message_is_error, false, s.message);
    await shot(page, 'long-note-02-synced');

    const stored = sqlite(server.db,
      "SELECT count(*) || '|' || length(json_extract(body, '$.text')) FROM records WHERE kind='appraisal_note'");
    assert.equal(stored, '1|4000', 'the server holds the note, 4000 characters long');
    const same = sqlite(server.db,
      `SELECT json_extract(body, '$.text') = '${text.replace(/'/g, "''")}' FROM records WHERE kind='appraisal_note'`);
    assert.equal(same, '1', 'the stored note is the typed text');
  } finally {
    await context.close().catch(() => {});
    killBrowser(profile);
    server.proc.kill('SIGTERM');
  }
});
