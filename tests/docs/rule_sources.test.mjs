// The domain rules live in docs/rules/ with their sources, and the code cites them there
// (docs/rules/README.md): no file points to the old domain notes outside the repository, every
// `docs/rules/<file>.md §"Heading"` citation names a file and a heading that exist, and every
// rules file says where its facts come from.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const rulesDir = path.join(root, 'docs', 'rules');
// Spelled in two parts so that this file does not match itself.
const outsideNotes = 'domain' + '.md';
// This file, whose comments and patterns show citations by example.
const self = path.relative(root, new URL(import.meta.url).pathname).split(path.sep).join('/');

// Tracked files (relative, '/'-separated); without git (a source archive), every file but
// build output, caches and dependencies.
function trackedFiles() {
  try {
    const out = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
    return out.split('\0').filter((f) => f && fs.existsSync(path.join(root, f)));
  } catch {
    const skip = new Set(['.git', '.cache', 'node_modules']);
    const walk = (dir) =>
      fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
        const rel = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory()) return skip.has(e.name) || rel.startsWith('build') ? [] : walk(rel);
        return [rel];
      });
    return walk('');
  }
}

// The text of a file, or null for binary or very large files.
function textOf(rel) {
  const full = path.join(root, rel);
  if (fs.statSync(full).size > 4 * 1024 * 1024) return null;
  const buf = fs.readFileSync(full);
  return buf.includes(0) ? null : buf.toString('utf8');
}

// Headings (any level) of a rules file, as written after the #s.
const headingCache = new Map();
function headingsOf(file) {
  if (!headingCache.has(file)) {
    const full = path.join(rulesDir, file);
    const set = new Set();
    if (fs.existsSync(full)) {
      for (const m of fs.readFileSync(full, 'utf8').matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)) {
        set.add(m[1]);
      }
    }
    headingCache.set(file, fs.existsSync(full) ? set : null);
  }
  return headingCache.get(file);
}

// Comment leaders at line starts are folded away, so a citation wrapped over two comment lines
// (`docs/rules/x.md\n// §"A heading"`) reads as one.
const unwrap = (text) => text.replace(/[ \t]*\r?\n[ \t]*(?:\/\/+|\*|#+(?![#\w])|--)?[ \t]*/g, ' ');

// Every `docs/rules/<file>.md` mention in `text`, with the headings cited after it
// (`§"A", §"B" and §"C"`).
function citations(text) {
  const out = [];
  const cite = /docs\/rules\/([A-Za-z0-9_.-]+?\.md)((?:[ \t]*(?:,|and)?[ \t]*§"[^"\n]*")*)/g;
  for (const m of unwrap(text).matchAll(cite)) {
    const headings = [...m[2].matchAll(/§"([^"\n]*)"/g)].map((h) => h[1]);
    out.push({ file: m[1], headings });
  }
  return out;
}

// Adds to `broken` every citation in `text` (from file `rel`) whose file or heading is missing;
// returns how many file and heading references it checked.
function checkCitations(rel, text, broken) {
  let count = 0;
  for (const c of citations(text)) {
    count += 1 + c.headings.length;
    const headings = headingsOf(c.file);
    if (headings === null) {
      broken.push(`${rel}: docs/rules/${c.file} does not exist`);
      continue;
    }
    for (const h of c.headings) {
      if (!headings.has(h)) broken.push(`${rel}: docs/rules/${c.file} has no heading "${h}"`);
    }
  }
  return count;
}

function rulesFiles() {
  return fs.readdirSync(rulesDir).filter((f) => f.endsWith('.md')).sort();
}

test('no file outside docs/ (and nothing in docs/rules/) points to the notes outside the repository', () => {
  const offenders = [];
  for (const rel of trackedFiles()) {
    if (rel.startsWith('docs/') && !rel.startsWith('docs/rules/')) continue;
    const text = textOf(rel);
    if (text === null) continue;
    text.split('\n').forEach((line, i) => {
      if (line.includes(outsideNotes)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(offenders, [], `cite docs/rules/<file>.md §"Heading" instead of ${outsideNotes}`);
});

test('every docs/rules citation in the code and docs names an existing file and heading', () => {
  const broken = [];
  let count = 0;
  for (const rel of trackedFiles()) {
    if (rel.startsWith('docs/rules/') || rel === self) continue;  // rules files: checked below
    const text = textOf(rel);
    if (text === null || !text.includes('docs/rules/')) continue;
    count += checkCitations(rel, text, broken);
  }
  assert.ok(count >= 20, `the citations parsed (${count})`);
  assert.deepEqual(broken, [], 'citations of docs/rules that do not resolve');
});

test('links between the rules files name existing files and headings', () => {
  const broken = [];
  for (const file of rulesFiles()) {
    const raw = fs.readFileSync(path.join(rulesDir, file), 'utf8');
    // Full citations (`docs/rules/x.md §"Heading"`, as in the README's example) resolve as in the
    // code; code blocks and inline code are examples, not links.
    checkCitations(file, raw, broken);
    const text = unwrap(raw.replace(/^```[^]*?^```/gm, '').replace(/`[^`\n]*`/g, ''));
    // [x.md](x.md) §"Heading" → that file; a bare §"Heading" → this file.
    const link = /\]\(([A-Za-z0-9_.-]+\.md)\)((?:[ \t]*(?:,|and)?[ \t]*§"[^"]*")*)/g;
    const linked = new Set();
    for (const m of text.matchAll(link)) {
      const target = headingsOf(m[1]);
      if (target === null) {
        broken.push(`${file}: links to ${m[1]}, which does not exist`);
        continue;
      }
      for (const h of m[2].matchAll(/§"([^"]*)"/g)) {
        linked.add(m.index + m[0].indexOf(h[0]));
        if (!target.has(h[1])) broken.push(`${file}: ${m[1]} has no heading "${h[1]}"`);
      }
    }
    for (const m of text.matchAll(/§"([^"]*)"/g)) {
      if (linked.has(m.index)) continue;
      if (!headingsOf(file).has(m[1])) broken.push(`${file}: no heading "${m[1]}" in this file`);
    }
  }
  assert.deepEqual(broken, []);
});

test('every rules file says where its facts come from, and the index lists every file', () => {
  const files = rulesFiles();
  assert.ok(files.includes('README.md'), 'docs/rules/README.md (the index) exists');
  const index = fs.readFileSync(path.join(rulesDir, 'README.md'), 'utf8');
  const problems = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(rulesDir, file), 'utf8');
    if (/\bhttps?:\/\//.test(text)) problems.push(`${file}: names a URL (name the regulation instead)`);
    if (file === 'README.md') continue;
    if (!index.includes(`(${file})`)) problems.push(`${file}: not listed in README.md`);
    // A "## Sources" section with at least one entry, or a Source line in every ## section.
    const sources = /^##[ \t]+Sources[ \t]*\n(?:[ \t]*\n)*[ \t]*[-*] \S/m.test(text);
    const sections = text.split(/^(?=## )/m).filter((s) => s.startsWith('## '));
    const unsourced = sections.filter((s) => !/^Sources?:/m.test(s)).map((s) => s.split('\n')[0]);
    if (sections.length === 0) problems.push(`${file}: has no ## sections`);
    else if (!sources && unsourced.length > 0) {
      problems.push(`${file}: no "## Sources" list, and no Source line under ${unsourced.join(', ')}`);
    }
  }
  for (const m of index.matchAll(/\]\(([A-Za-z0-9_.-]+\.md)\)/g)) {
    if (!files.includes(m[1])) problems.push(`README.md: lists ${m[1]}, which does not exist`);
  }
  assert.deepEqual(problems, []);
});
