/**
 * The review's dashboard (nianbao review --html): every section there, its figures those of the review
 * model, every text from a report escaped (a body named with <script> and quotes, a file named as an
 * <img>), no script but the one the Content-Security-Policy names by hash, nothing fetched.
 */
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import * as path from 'path';
import { parse, type HTMLElement } from 'node-html-parser';
import { escapeHtml, reviewDashboard } from '../../src/cli/review-dashboard';
import { REVIEW_STATUSES, STATUS_NAMES, type Review } from '../../src/core';
import { dashboardFolder, HOSTILE_FILE } from '../support/review-folder';
import { runCli } from '../support/run-cli';

// A review of more than two files runs in worker threads, which load the sources through tsx.
jest.setTimeout(60_000);

describe('nianbao review --html', () => {
  let review: Review;
  let html: string;
  let doc: HTMLElement;
  let folder: { dir: string; reports: string; roster: string };

  beforeAll(async () => {
    folder = await dashboardFolder();
    const out = path.join(folder.dir, '审核汇总.html');
    const run = await runCli('review', folder.reports, '--roster', folder.roster, '--html', out, '--json');
    expect(run.err).toContain(`已写出审核汇总：${out}`);
    review = JSON.parse(run.out);
    html = readFileSync(out, 'utf8');
    // What the CLI wrote is what the generator makes of the model it printed.
    expect(html).toBe(reviewDashboard(review));
    doc = parse(html);
  });

  const hostile = () => review.rows.find((r) => r.body.includes('<script>'))!;

  it('escapes every text from a report: body names, file names, findings', () => {
    expect(hostile()).toBeDefined();
    expect(review.rows.some((r) => path.basename(r.file) === HOSTILE_FILE)).toBe(true);
    // One script element only (the page's own), and no markup from a report survives as markup.
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror="');
    expect(html).toContain(escapeHtml(hostile().body));
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    // Parsed back, the names read as the reports gave them, in text and in attributes.
    const tableRows = doc.querySelectorAll('#report-table tbody tr');
    expect(tableRows.map((tr) => tr.getAttribute('data-body'))).toEqual(review.rows.map((r) => r.body));
    expect(tableRows.map((tr) => tr.querySelector('td a')!.text)).toEqual(review.rows.map((r) => r.body));
    expect(doc.querySelectorAll('#report-table tbody td:last-child').map((td) => td.text)).toContain(HOSTILE_FILE);
  });

  it('allows no network and only its own script', () => {
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).toContain("default-src 'none'");
    const script = doc.querySelectorAll('script')[0].rawText;
    expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(doc.querySelectorAll('link, img, iframe, object')).toHaveLength(0);
  });

  it('has every section', () => {
    for (const id of ['overview', 'charts', 'rules-chart', 'level-chart', 'figures', 'reports', 'search', 'status-filter', 'level-filter', 'region-filter', 'missing', 'findings'])
      expect(doc.getElementById(id)).not.toBeNull();
    expect(doc.querySelectorAll('#rules-chart svg, #level-chart svg')).toHaveLength(2);
    expect(html).toContain('@media print');
  });

  it('shows the figures of the review model', () => {
    const cards = Object.fromEntries(doc.querySelectorAll('#overview .card').map((c) => [c.querySelector('.label')!.text, c.querySelector('.value')!.text]));
    expect(cards['文件总数']).toBe(String(review.summary.reports));
    for (const s of REVIEW_STATUSES) expect(cards[STATUS_NAMES[s]]).toBe(String(review.summary.byStatus[s]));
    for (const s of REVIEW_STATUSES) expect(review.summary.byStatus[s]).toBeGreaterThan(0);
    expect(cards['未报送']).toBe('1');
    expect(doc.querySelectorAll('#missing li').map((li) => li.text)).toContain('某县粮食局');

    // The rules chart: the most-broken rules in the model's order, each with its count of reports.
    const bars = doc.querySelectorAll('#rules-chart svg g');
    expect(bars.length).toBe(Math.min(10, review.summary.rules.length));
    bars.forEach((g, i) => {
      const [label, count] = g.querySelectorAll('text').map((t) => t.text);
      expect([label, count]).toEqual([review.summary.rules[i].title, `${review.summary.rules[i].reports}份`]);
      expect(g.querySelector('title')!.text).toContain(`（${review.summary.rules[i].rule}）`);
    });
    // The level chart: one bar per level, as many reports as the model counts.
    const levelLabels = doc.querySelectorAll('#level-chart svg > text').map((t) => t.text);
    for (const level of review.summary.byLevel) expect(levelLabels).toEqual(expect.arrayContaining([level.name, `${level.reports}份`]));
    expect(doc.querySelectorAll('#level-chart rect')).toHaveLength(review.summary.byLevel.reduce((n, l) => n + REVIEW_STATUSES.filter((s) => l.byStatus[s] > 0).length, 0));
    for (const rate of review.summary.rates) expect(doc.querySelector('#figures')!.text).toContain(rate.text);

    // The table: a row per report, its status and counts; each report's findings behind its link.
    const tableRows = doc.querySelectorAll('#report-table tbody tr');
    expect(tableRows.map((tr) => tr.getAttribute('data-status'))).toEqual(review.rows.map((r) => r.status));
    review.rows.forEach((r, i) => {
      const cells = tableRows[i].querySelectorAll('td').map((td) => td.text);
      expect(cells[2]).toBe(r.regionName);
      expect(tableRows[i].getAttribute('data-region')).toBe(r.regionName);
      // Level, region and year are kept on one line; the body's name and the file may wrap.
      expect(tableRows[i].querySelectorAll('td').map((td) => td.classList.contains('short'))).toEqual([false, true, true, true, false, false, false, false, false, false]);
      expect(cells.slice(5, 9)).toEqual([r.statusName, String(r.counts.error), String(r.counts.warning), String(r.counts.hint)]);
      const target = tableRows[i].querySelector('a')!.getAttribute('href')!.slice(1);
      const section = doc.getElementById(target)!;
      expect(section.querySelector('h3')!.text).toContain(r.body);
      expect(section.querySelectorAll('table.findings tbody tr')).toHaveLength(r.findings.length);
      for (const f of r.findings) expect(section.text).toContain(f.message);
      if (r.reason) expect(section.text).toContain(r.reason);
    });
  });

  it('refuses an --html that names an input, and one that is not .html', async () => {
    const input = path.join(folder.reports, '财政局.xlsx');
    const before = readFileSync(input);
    const asInput = await runCli('review', folder.reports, '--html', input);
    expect(asInput.code).not.toBe(0);
    expect(readFileSync(input)).toEqual(before);
    const roster = await runCli('review', folder.reports, '--roster', folder.roster, '--html', folder.roster);
    expect(roster.code).not.toBe(0);
    expect(roster.err).toMatch(/\S/);
    const wrongType = await runCli('review', folder.reports, '--html', path.join(folder.dir, 'x.txt'));
    expect(wrongType.err).toContain('--html 应为 .html 文件');
  });
});
