/**
 * What a PDF holds for reading its report: each page's text runs with their positions and its ruling
 * lines, extracted by pdfjs-dist in a worker thread. pdfjs-dist ships as ES modules only, which Node 20
 * loads with require() but Jest's module system does not; a worker runs plain Node, and lets a PDF that
 * makes pdfjs loop or swell be stopped by time and memory limits instead of taking the process with it.
 * The character maps (CJK fonts) and the standard fonts are read from the installed package: nothing is
 * fetched from the network.
 */
import * as path from 'path';
import { Worker } from 'worker_threads';

/** A run of text: its string, the left of its baseline (x, y from the page's top), its width and font size. */
export interface TextRun {
  s: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

/** A ruling line, horizontal or vertical, in page units from the page's top left: x1 ≤ x2, y1 ≤ y2. */
export interface RuleLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PageContent {
  width: number;
  height: number;
  runs: TextRun[];
  lines: RuleLine[];
  /** Pictures painted on the page (a scan is one picture per page). */
  images: number;
}

export type ExtractResult =
  | { ok: true; pages: PageContent[]; title?: string }
  | { ok: false; reason: 'encrypted' | 'corrupt' | 'too-many-pages' | 'failed'; pages?: number };

/** Most pages read: a report runs to a few dozen; a book is not a report. */
export const MAX_PDF_PAGES = 500;
/** How long the extraction of one file may take, and how much memory its worker may hold. */
const TIME_LIMIT_MS = 120_000;
const MEMORY_LIMIT_MB = 1024;

/**
 * The worker: plain CommonJS run by Node itself. Paths are followed through the transforms (save,
 * restore, cm, forms); a stroked segment or a filled rectangle thinner than 2 units is a ruling line.
 */
const WORKER = String.raw`
const { parentPort, workerData } = require('worker_threads');
const pdfjs = require(workerData.entry);
const { OPS } = pdfjs;
const STROKES = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILLS = new Set([OPS.fill, OPS.eoFill]);
const IMAGES = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintInlineImageXObjectGroup, OPS.paintImageXObjectRepeat]);
const mul = (m, n) => [m[0]*n[0]+m[2]*n[1], m[1]*n[0]+m[3]*n[1], m[0]*n[2]+m[2]*n[3], m[1]*n[2]+m[3]*n[3], m[0]*n[4]+m[2]*n[5]+m[4], m[1]*n[4]+m[3]*n[5]+m[5]];
const apply = (m, x, y) => [m[0]*x+m[2]*y+m[4], m[1]*x+m[3]*y+m[5]];

function pathLines(buffer, ctm, filled, toPage, out) {
  const points = [];
  const subpaths = [];
  let current = [];
  for (let k = 0; k < buffer.length;) {
    const op = buffer[k++];
    if (op === 0) { if (current.length) subpaths.push(current); current = [apply(ctm, buffer[k], buffer[k+1])]; k += 2; }
    else if (op === 1) { current.push(apply(ctm, buffer[k], buffer[k+1])); k += 2; }
    else if (op === 2) { current.push(apply(ctm, buffer[k+4], buffer[k+5])); current.curved = true; k += 6; }
    else if (op === 3) { current.push(apply(ctm, buffer[k+2], buffer[k+3])); current.curved = true; k += 4; }
    else if (op === 4) { if (current.length) current.push(current[0]); }
  }
  if (current.length) subpaths.push(current);
  for (const sp of subpaths) {
    if (sp.curved) continue;
    if (filled) {
      const xs = sp.map((p) => p[0]); const ys = sp.map((p) => p[1]);
      const x1 = Math.min(...xs), x2 = Math.max(...xs), y1 = Math.min(...ys), y2 = Math.max(...ys);
      if (x2 - x1 < 2 && y2 - y1 > 2) out.push(toPage((x1+x2)/2, y1, (x1+x2)/2, y2));
      else if (y2 - y1 < 2 && x2 - x1 > 2) out.push(toPage(x1, (y1+y2)/2, x2, (y1+y2)/2));
      continue;
    }
    for (let i = 1; i < sp.length; i++) {
      const [ax, ay] = sp[i-1]; const [bx, by] = sp[i];
      if (Math.abs(ax - bx) < 0.5 || Math.abs(ay - by) < 0.5) out.push(toPage(ax, ay, bx, by));
    }
  }
}

(async () => {
  const base = workerData.base;
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: workerData.data, cMapUrl: base + '/cmaps/', cMapPacked: true, standardFontDataUrl: base + '/standard_fonts/',
      wasmUrl: base + '/wasm/', iccUrl: base + '/iccs/', useSystemFonts: false, isEvalSupported: false, disableFontFace: true,
      stopAtErrors: false, verbosity: 0,
    }).promise;
  } catch (err) {
    parentPort.postMessage({ ok: false, reason: err && err.name === 'PasswordException' ? 'encrypted' : 'corrupt' });
    return;
  }
  if (doc.numPages > workerData.maxPages) { parentPort.postMessage({ ok: false, reason: 'too-many-pages', pages: doc.numPages }); return; }
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [vx0, vy0, vx1, vy1] = page.view;
    const height = vy1 - vy0;
    const toPage = (ax, ay, bx, by) => {
      const x1 = Math.min(ax, bx) - vx0, x2 = Math.max(ax, bx) - vx0;
      const y1 = vy1 - Math.max(ay, by), y2 = vy1 - Math.min(ay, by);
      return { x1, y1, x2, y2 };
    };
    const content = await page.getTextContent({ disableNormalization: true });
    const runs = [];
    for (const item of content.items) {
      if (typeof item.str !== 'string' || item.str === '') continue;
      const t = item.transform;
      // Upright text only: a rotated stamp or watermark is not part of a table or the prose.
      if (Math.abs(t[1]) > 0.01 || Math.abs(t[2]) > 0.01 || t[0] <= 0) continue;
      runs.push({ s: item.str, x: t[4] - vx0, y: vy1 - t[5], w: item.width, size: Math.abs(t[3]) || item.height || 10 });
    }
    const ops = await page.getOperatorList();
    const lines = [];
    let images = 0;
    let ctm = [1, 0, 0, 1, 0, 0];
    const stack = [];
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() || ctm;
      else if (fn === OPS.transform) ctm = mul(ctm, args);
      else if (fn === OPS.paintFormXObjectBegin) { stack.push(ctm); if (args && args[0]) ctm = mul(ctm, Array.from(args[0])); }
      else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() || ctm;
      else if (IMAGES.has(fn)) images++;
      else if (fn === OPS.constructPath) {
        const [paint, [buffer]] = args;
        if (!buffer) continue;
        if (STROKES.has(paint)) pathLines(buffer, ctm, false, toPage, lines);
        else if (FILLS.has(paint)) pathLines(buffer, ctm, true, toPage, lines);
      }
    }
    pages.push({ width: vx1 - vx0, height, runs, lines, images });
    page.cleanup();
  }
  const meta = await doc.getMetadata().catch(() => null);
  const title = meta && meta.info && typeof meta.info.Title === 'string' ? meta.info.Title : undefined;
  await doc.destroy();
  parentPort.postMessage({ ok: true, pages, title });
})().catch(() => parentPort.postMessage({ ok: false, reason: 'failed' }));
`;

/** Extracts every page of a PDF in a worker thread. Never rejects: what went wrong is the result's reason. */
export function extractPdf(data: Uint8Array): Promise<ExtractResult> {
  const entry = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const base = path.dirname(require.resolve('pdfjs-dist/package.json'));
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { entry, base, data: new Uint8Array(data), maxPages: MAX_PDF_PAGES },
      resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (result: ExtractResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'failed' }), TIME_LIMIT_MS);
    worker.on('message', (message: ExtractResult) => finish(message));
    worker.on('error', () => finish({ ok: false, reason: 'failed' }));
    worker.on('exit', () => finish({ ok: false, reason: 'failed' }));
  });
}
