#!/usr/bin/env node
/**
 * Prints what the task pane downloads for its first paint (the scripts taskpane.html loads from this
 * site, office.js from Microsoft's CDN aside) and the chunks it loads later, raw and gzip.
 * Run after `npm run build`.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const DIST = path.join(__dirname, '..', 'dist-web');
const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
const firstPaint = [...html.matchAll(/<script[^>]*\ssrc=("?)([^"\s>]+)\1/g)].map((m) => m[2]).filter((src) => !/^https?:/.test(src));

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
function size(file) {
  const data = fs.readFileSync(path.join(DIST, file));
  return { file, raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
}
function table(title, rows) {
  console.log(title);
  for (const r of rows) console.log(`  ${r.file.padEnd(34)} ${kib(r.raw).padStart(11)} raw ${kib(r.gzip).padStart(11)} gzip`);
  const raw = rows.reduce((s, r) => s + r.raw, 0);
  const gzip = rows.reduce((s, r) => s + r.gzip, 0);
  console.log(`  ${'total'.padEnd(34)} ${kib(raw).padStart(11)} raw ${kib(gzip).padStart(11)} gzip`);
  return { raw, gzip };
}

const first = table('First paint (taskpane.html + its scripts):', [size('taskpane.html'), ...firstPaint.map(size)]);
const lazy = fs
  .readdirSync(DIST)
  .filter((f) => f.endsWith('.js') && !firstPaint.includes(f))
  .map(size)
  .sort((a, b) => b.raw - a.raw);
table('Loaded on demand (engine on 校验, narrative on 生成文字, docx on 下载):', lazy);
if (process.argv.includes('--json')) console.log(JSON.stringify({ firstPaint: first }));
