// Every string the app shows comes from the catalogue (web/app/i18n.cpp) in both languages: each
// key a screen passes to T(...) or Tf(...) must have a Bahasa Indonesia and an English text,
// with the same printf placeholders in both; and no key is defined twice.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const web = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../web');

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.cpp') ? [p] : [];
  });
}

// The catalogue's entries: {"key", "id text", "en text"}, texts possibly split over lines.
function catalogue() {
  const src = fs.readFileSync(path.join(web, 'app', 'i18n.cpp'), 'utf8');
  const body = src.slice(src.indexOf('kCatalogue[]'), src.indexOf('};', src.indexOf('kCatalogue[]')));
  const entries = new Map();
  const duplicates = [];
  const entry = /\{\s*"([a-z0-9_]+)",((?:\s*"(?:[^"\\]|\\.)*")+)\s*,((?:\s*"(?:[^"\\]|\\.)*")+)\s*\}/g;
  const join = (parts) => [...parts.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join('');
  for (const m of body.matchAll(entry)) {
    if (entries.has(m[1])) duplicates.push(m[1]);
    entries.set(m[1], { id: join(m[2]), en: join(m[3]) });
  }
  return { entries, duplicates };
}

const placeholders = (s) => (s.match(/%[-0-9.]*[a-z]/g) || []).join(' ');

test('every key the screens use has both translations with the same placeholders', () => {
  const { entries, duplicates } = catalogue();
  assert.ok(entries.size > 50, `the catalogue parsed (${entries.size} entries)`);
  assert.deepEqual(duplicates, [], 'no key is defined twice');
  const missing = [];
  const used = new Set();
  for (const file of sources(web)) {
    const src = fs.readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\bTf?\("([a-z0-9_]+)"/g)) {
      used.add(m[1]);
      if (!entries.has(m[1])) missing.push(`${path.relative(web, file)}: ${m[1]}`);
    }
  }
  assert.deepEqual(missing, [], 'keys used but not in the catalogue');
  for (const [key, { id, en }] of entries) {
    assert.ok(id.length > 0 && en.length > 0, `${key} has both texts`);
    assert.equal(placeholders(id), placeholders(en), `${key}: the same placeholders in both languages`);
  }
  assert.ok(used.size > 50, `the screens use the catalogue (${used.size} keys found)`);
});
