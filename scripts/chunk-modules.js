#!/usr/bin/env node
/**
 * What each package or source file weighs in a built chunk: its minified bytes (found through the chunk's
 * source map) and its share of the gzip size, measured as gzip(chunk) minus gzip(chunk without its bytes).
 * For the first paint:
 *   npx webpack --mode production --devtool source-map --output-path /tmp/pane-maps
 *   node scripts/chunk-modules.js /tmp/pane-maps/taskpane.*.js
 * (source-map comes with webpack's toolchain.)
 */
const fs = require('fs');
const zlib = require('zlib');
const { SourceMapConsumer } = require('source-map');

const file = process.argv[2];
if (!file) throw new Error('usage: node scripts/chunk-modules.js <chunk.js> (with <chunk.js>.map beside it)');
const code = fs.readFileSync(file, 'utf8');
const map = new SourceMapConsumer(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));

/** A package by its name, a file of this project by its path; Babel's inlined helpers map to ".". */
function groupOf(source) {
  if (!source) return '(unmapped)';
  const local = source.replace(/^webpack:\/\/[^/]*\//, '');
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(local);
  if (pkg) return pkg[1];
  if (local === '.') return '(Babel helpers)';
  const own = /(^|\/)(src\/.*)/.exec(local);
  return own ? own[2] : local;
}

const lineStarts = [0];
for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
const mappings = [];
map.eachMapping((m) => mappings.push(m));
mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);

/** The group of every character of the chunk: a mapping owns the text up to the next one on its line. */
const owner = new Array(code.length).fill('(unmapped)');
mappings.forEach((m, i) => {
  const start = lineStarts[m.generatedLine - 1] + m.generatedColumn;
  const next = mappings[i + 1];
  const lineEnd = m.generatedLine < lineStarts.length ? lineStarts[m.generatedLine] - 1 : code.length;
  const end = next && next.generatedLine === m.generatedLine ? lineStarts[next.generatedLine - 1] + next.generatedColumn : lineEnd;
  const group = groupOf(m.source);
  for (let k = start; k < end; k++) owner[k] = group;
});

const gzip = (text) => zlib.gzipSync(text, { level: 9 }).length;
const whole = gzip(code);
const raw = new Map();
for (const group of owner) raw.set(group, (raw.get(group) ?? 0) + 1);
const rows = [...raw].map(([group, bytes]) => {
  let without = '';
  for (let k = 0; k < code.length; k++) if (owner[k] !== group) without += code[k];
  return { group, bytes, gzip: whole - gzip(without) };
});
rows.sort((a, b) => b.gzip - a.gzip);

const kib = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(`${file}: ${kib(code.length)} KiB raw, ${kib(whole)} KiB gzip`);
for (const row of rows.filter((r) => r.bytes >= 200)) console.log(`${kib(row.bytes)} raw ${kib(row.gzip)} gzip  ${row.group}`);
