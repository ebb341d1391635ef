/**
 * The review's dashboard (`nianbao review … --html 审核汇总.html`): one self-contained HTML file that
 * works opened from a USB stick on an offline machine. Everything is rendered here as HTML (overview,
 * SVG bar charts, the table of reports, each report's findings), so it reads and prints without script;
 * a small inline script only searches, filters and sorts the table. Every text that comes from a report
 * (body names, file names, findings) is escaped, and a Content-Security-Policy allows no network and no
 * script but the one whose hash it names.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import { CELL_FILLS, describeCells, REVIEW_STATUSES, ruleTitle, SEVERITIES, SEVERITY_NAMES, STATUS_NAMES, type ReportRow, type Review, type ReviewStatus } from '../core';
import { dashboardMessages as M } from './review-dashboard-messages';

/** The text of a report, safe in an element's content and in a quoted attribute value. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const STATUS_COLOURS: Record<ReviewStatus, string> = { error: '#C0392B', warning: '#D68910', pass: '#1E8449', unrecognized: '#7F8C8D' };
/** How many rules the chart shows; the rest are in the workbook's 汇总. */
const TOP_RULES = 10;

export function reviewDashboard(review: Review): string {
  const script = FILTER_SCRIPT;
  const scriptHash = createHash('sha256').update(script).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(M.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(M.title)}</h1><p>${escapeHtml(M.generated(review.rows.length))}</p></header>`,
    '<main>',
    overview(review),
    charts(review),
    figures(review),
    reportsTable(review.rows),
    missing(review),
    findings(review.rows),
    '</main>',
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function overview(review: Review): string {
  const { summary } = review;
  const card = (label: string, value: string | number, colour?: string) =>
    `<div class="card"${colour ? ` style="border-top-color:${colour}"` : ''}><div class="value">${escapeHtml(value)}</div><div class="label">${escapeHtml(label)}</div></div>`;
  const cards = [
    card(M.reportsTotal, summary.reports),
    ...REVIEW_STATUSES.map((s) => card(STATUS_NAMES[s], summary.byStatus[s], STATUS_COLOURS[s])),
    card(M.missing, review.roster ? review.roster.missing.length : M.noRoster),
  ];
  return `<section id="overview"><h2>${escapeHtml(M.overview)}</h2><div class="cards">${cards.join('')}</div></section>`;
}

function charts(review: Review): string {
  return `<section id="charts" class="charts">${rulesChart(review)}${levelChart(review)}</section>`;
}

/** Horizontal bars: for each of the most-broken rules, how many reports break it. */
function rulesChart(review: Review): string {
  const rules = review.summary.rules.slice(0, TOP_RULES);
  const heading = `<h2>${escapeHtml(M.rulesChart)}</h2>`;
  if (rules.length === 0) return `<figure id="rules-chart">${heading}<p>${escapeHtml(M.noRules)}</p></figure>`;
  const max = Math.max(...rules.map((r) => r.reports));
  const [labelWidth, barWidth, rowHeight] = [330, 260, 26];
  const bars = rules.map((rule, i) => {
    const y = i * rowHeight;
    const width = Math.max(2, Math.round((rule.reports / max) * barWidth));
    return (
      `<g><title>${escapeHtml(`${rule.title}（${rule.rule}）：${rule.description}`)}</title>` +
      `<text x="${labelWidth - 6}" y="${y + 17}" text-anchor="end">${escapeHtml(rule.title)}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${width}" height="${rowHeight - 8}" fill="${CELL_FILLS[rule.severity]}" stroke="#555"/>` +
      `<text x="${labelWidth + width + 6}" y="${y + 17}">${escapeHtml(M.chartReports(rule.reports))}</text></g>`
    );
  });
  const height = rules.length * rowHeight;
  return `<figure id="rules-chart">${heading}<svg role="img" aria-label="${escapeHtml(M.rulesChart)}" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" width="100%">${bars.join('')}</svg></figure>`;
}

/** Stacked bars: for each level, its reports by status. */
function levelChart(review: Review): string {
  const levels = review.summary.byLevel;
  const [labelWidth, barWidth, rowHeight] = [150, 400, 28];
  const max = Math.max(1, ...levels.map((l) => l.reports));
  const rows = levels.map((level, i) => {
    const y = i * rowHeight;
    let x = labelWidth;
    const parts = REVIEW_STATUSES.filter((s) => level.byStatus[s] > 0).map((s) => {
      const width = (level.byStatus[s] / max) * barWidth;
      const part = `<rect x="${x.toFixed(1)}" y="${y + 4}" width="${width.toFixed(1)}" height="${rowHeight - 8}" fill="${STATUS_COLOURS[s]}"><title>${escapeHtml(`${level.name} ${STATUS_NAMES[s]}：${level.byStatus[s]}`)}</title></rect>`;
      x += width;
      return part;
    });
    return `<text x="${labelWidth - 6}" y="${y + 18}" text-anchor="end">${escapeHtml(level.name)}</text>${parts.join('')}<text x="${(x + 6).toFixed(1)}" y="${y + 18}">${escapeHtml(M.chartReports(level.reports))}</text>`;
  });
  const legend = REVIEW_STATUSES.map((s) => `<span class="key"><i style="background:${STATUS_COLOURS[s]}"></i>${escapeHtml(STATUS_NAMES[s])}</span>`).join('');
  const height = Math.max(1, levels.length) * rowHeight;
  return (
    `<figure id="level-chart"><h2>${escapeHtml(M.levelChart)}</h2>` +
    `<svg role="img" aria-label="${escapeHtml(M.levelChart)}" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" width="100%">${rows.join('')}</svg>` +
    `<figcaption>${legend}<br>${escapeHtml(M.levelGuessNote)}</figcaption></figure>`
  );
}

function figures(review: Review): string {
  const { totals, rates } = review.summary;
  const rateRows = rates.map((r) => row([r.name, r.text, M.fraction(r.numeratorName, r.numerator), M.fraction(r.denominatorName, r.denominator)]));
  const totalRows = totals.map((t) => row([t.name, t.value, t.reports]));
  return (
    `<section id="figures"><h2>${escapeHtml(M.ratesTitle)}</h2><div class="pair">` +
    `<table><thead>${row(M.rateHeaders, 'th')}</thead><tbody>${rateRows.join('')}</tbody></table>` +
    `<table><thead>${row(M.totalHeaders, 'th')}</thead><tbody>${totalRows.join('')}</tbody></table>` +
    '</div></section>'
  );
}

const row = (cells: readonly (string | number)[], tag: 'td' | 'th' = 'td') => `<tr>${cells.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;

type Column = keyof typeof M.reportHeaders;
/** `short`: a few characters that read badly wrapped (县级人民政府, 孝感市, 2024). */
const COLUMNS: readonly { key: Column; numeric: boolean; short?: boolean }[] = [
  { key: 'body', numeric: false },
  { key: 'level', numeric: false, short: true },
  { key: 'region', numeric: false, short: true },
  { key: 'year', numeric: true, short: true },
  { key: 'format', numeric: false },
  { key: 'status', numeric: true },
  { key: 'error', numeric: true },
  { key: 'warning', numeric: true },
  { key: 'hint', numeric: true },
  { key: 'file', numeric: false },
];

const reportId = (index: number) => `report-${index + 1}`;

function reportsTable(rows: readonly ReportRow[]): string {
  const option = (value: string, label: string) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;
  const levels = [...new Set(rows.map((r) => r.levelName))];
  const regions = [...new Set(rows.map((r) => r.regionName))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const controls =
    `<div class="controls no-print">` +
    `<span><label for="search">${escapeHtml(M.search)}</label> <input id="search" type="search" autocomplete="off"></span>` +
    `<span><label for="status-filter">${escapeHtml(M.statusFilter)}</label> <select id="status-filter">${option('', M.all)}${REVIEW_STATUSES.map((s) => option(s, STATUS_NAMES[s])).join('')}</select></span>` +
    `<span><label for="level-filter">${escapeHtml(M.levelFilter)}</label> <select id="level-filter">${option('', M.all)}${levels.map((l) => option(l, l)).join('')}</select></span>` +
    `<span><label for="region-filter">${escapeHtml(M.regionFilter)}</label> <select id="region-filter">${option('', M.all)}${regions.map((l) => option(l, l)).join('')}</select></span>` +
    `<span>${escapeHtml(M.shown)} <output id="shown">${rows.length}</output> / ${rows.length}</span>` +
    `<span class="hint">${escapeHtml(M.sortHint)}</span></div>`;
  const head = COLUMNS.map((c) => `<th scope="col" aria-sort="none"><button type="button" data-column="${c.key}" data-numeric="${c.numeric}">${escapeHtml(M.reportHeaders[c.key])}</button></th>`).join('');
  const body = rows.map((r, i) => reportRow(r, i)).join('\n');
  return `<section id="reports"><h2>${escapeHtml(M.reportsTitle)}</h2>${controls}<table id="report-table"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></section>`;
}

function reportRow(r: ReportRow, index: number): string {
  // Sort keys: the status by seriousness, so 有强制问题 sorts before 通过.
  const values: Record<Column, { text: string; sort: string | number }> = {
    body: { text: r.body, sort: r.body },
    level: { text: r.levelName, sort: r.levelName },
    region: { text: r.regionName, sort: r.regionName },
    year: { text: r.year ? String(r.year) : M.unknown, sort: r.year ?? 0 },
    format: { text: r.formatName ?? '', sort: r.formatName ?? '' },
    status: { text: r.statusName, sort: REVIEW_STATUSES.indexOf(r.status) },
    error: { text: String(r.counts.error), sort: r.counts.error },
    warning: { text: String(r.counts.warning), sort: r.counts.warning },
    hint: { text: String(r.counts.hint), sort: r.counts.hint },
    file: { text: path.basename(r.file), sort: path.basename(r.file) },
  };
  const cells = COLUMNS.map(({ key, short }) => {
    const { text, sort } = values[key];
    const content = key === 'body' ? `<a href="#${reportId(index)}">${escapeHtml(text)}</a>` : key === 'status' ? `<span class="status ${r.status}">${escapeHtml(text)}</span>` : escapeHtml(text);
    return `<td${short ? ' class="short"' : ''} data-sort="${escapeHtml(sort)}">${content}</td>`;
  });
  return `<tr data-body="${escapeHtml(r.body)}" data-status="${r.status}" data-level="${escapeHtml(r.levelName)}" data-region="${escapeHtml(r.regionName)}">${cells.join('')}</tr>`;
}

function missing(review: Review): string {
  if (!review.roster) return '';
  const { missing: absent, unmatched } = review.roster;
  const list = absent.length ? `<ul>${absent.map((e) => `<li>${escapeHtml(e.name)}</li>`).join('')}</ul>` : `<p>${escapeHtml(M.missingNone)}</p>`;
  const others = unmatched.length ? `<h3>${escapeHtml(M.unmatchedTitle)}</h3><ul>${unmatched.map((u) => `<li>${escapeHtml(u.body)}（${escapeHtml(path.basename(u.file))}）</li>`).join('')}</ul>` : '';
  return `<section id="missing"><h2>${escapeHtml(M.missingTitle)}（${absent.length}）</h2>${list}${others}</section>`;
}

/** Each report's findings: on screen the one clicked (the URL's target), in print all of them. */
function findings(rows: readonly ReportRow[]): string {
  const sections = rows.map((r, i) => {
    const facts = [
      `<dt>${escapeHtml(M.fileLabel)}</dt><dd>${escapeHtml(r.file)}</dd>`,
      r.previousFile ? `<dt>${escapeHtml(M.previousLabel)}</dt><dd>${escapeHtml(r.previousFile)}</dd>` : '',
      r.reason !== undefined ? `<dt>${escapeHtml(M.reasonLabel)}</dt><dd>${escapeHtml(r.reason)}</dd>` : '',
    ].join('');
    const ordered = [...r.findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
    const table = ordered.length
      ? `<table class="findings"><thead>${row(M.findingHeaders, 'th')}</thead><tbody>${ordered
          .map(
            (f) =>
              `<tr><td style="background:${CELL_FILLS[f.severity]}">${escapeHtml(SEVERITY_NAMES[f.severity])}</td><td>${escapeHtml(f.place)}</td><td>${escapeHtml(ruleTitle(f.rule))}<br><code>${escapeHtml(f.rule)}</code></td><td>${escapeHtml(f.message)}</td><td>${escapeHtml(describeCells(f.cells, f.sheet))}</td><td>${escapeHtml(f.expected ?? '')}</td><td>${escapeHtml(f.actual ?? '')}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : `<p>${escapeHtml(M.noFindings)}</p>`;
    return `<section class="report" id="${reportId(i)}"><h3>${escapeHtml(r.body)} <span class="status ${r.status}">${escapeHtml(r.statusName)}</span></h3><dl>${facts}</dl>${table}<p class="no-print"><a href="#reports">${escapeHtml(M.backToTable)}</a></p></section>`;
  });
  return `<section id="findings"><h2>${escapeHtml(M.findingsTitle)}</h2><p class="no-print">${escapeHtml(M.findingsHint)}</p>\n${sections.join('\n')}\n</section>`;
}

const STYLE = `
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#222;background:#f6f6f6}
header{background:#1F3864;color:#fff;padding:12px 24px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0}
main{padding:12px 24px}section{background:#fff;border:1px solid #ddd;border-radius:4px;padding:8px 16px;margin:0 0 16px}
h2{font-size:17px;margin:8px 0}h3{font-size:15px}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #ccc;border-top:4px solid #1F3864;padding:8px 16px;min-width:110px}
.card .value{font-size:26px;font-weight:bold}.card .label{color:#555}
.charts{display:flex;flex-wrap:wrap;gap:16px}.charts figure{flex:1 1 420px;margin:0}svg text{font-size:12px}
.key{margin-right:12px}.key i{display:inline-block;width:10px;height:10px;margin-right:4px}
.pair{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
thead th{background:#D9D9D9;white-space:nowrap}th button{font:inherit;font-weight:bold;background:none;border:0;cursor:pointer;padding:0}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
#report-table{width:100%}td.short{white-space:nowrap}.controls{display:flex;flex-wrap:wrap;gap:16px;align-items:center;margin:8px 0}.hint{color:#666}
.status{font-weight:bold}.status.error{color:#C0392B}.status.warning{color:#9A6400}.status.pass{color:#1E8449}.status.unrecognized{color:#555}
.report{display:none}.report:target{display:block;outline:3px solid #1F3864}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dd{margin:0;word-break:break-all}
@media print{body{background:#fff}main{padding:0}.no-print{display:none}.report{display:block;outline:none;break-inside:avoid-page}
section{border:0;padding:0}th button::after{content:""!important}}
`;

/**
 * Search by body name, filter by status, level and region, sort by any column. Reads only the table's own
 * attributes (already escaped in the HTML) and writes none of its text as markup.
 */
const FILTER_SCRIPT = `
(function () {
  var table = document.getElementById('report-table');
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var search = document.getElementById('search');
  var status = document.getElementById('status-filter');
  var level = document.getElementById('level-filter');
  var region = document.getElementById('region-filter');
  var shown = document.getElementById('shown');
  function filter() {
    var words = search.value.trim().toLowerCase();
    var count = 0;
    rows.forEach(function (row) {
      var visible = (!words || row.getAttribute('data-body').toLowerCase().indexOf(words) >= 0) &&
        (!status.value || row.getAttribute('data-status') === status.value) &&
        (!level.value || row.getAttribute('data-level') === level.value) &&
        (!region.value || row.getAttribute('data-region') === region.value);
      row.hidden = !visible;
      if (visible) count++;
    });
    shown.textContent = String(count);
  }
  function sortBy(button) {
    var th = button.parentNode;
    var column = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = button.getAttribute('data-numeric') === 'true';
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(th.parentNode.children, function (other) { other.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var key = function (row) { var v = row.cells[column].getAttribute('data-sort'); return numeric ? Number(v) : v; };
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      var order = numeric ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { tbody.appendChild(row); });
  }
  search.addEventListener('input', filter);
  status.addEventListener('change', filter);
  level.addEventListener('change', filter);
  region.addEventListener('change', filter);
  Array.prototype.forEach.call(table.tHead.querySelectorAll('button[data-column]'), function (button) {
    button.addEventListener('click', function () { sortBy(button); });
  });
})();
`;
