/*
 * `npm run build:wps`: the WPS add-in (WPS加载项) from the built pane (dist-web/, `npm run build`), written
 * by hand rather than with the wpsjs tooling (its build step is interactive, expects its own project layout
 * and adds a debug server). dist-wps/ mirrors WPS's jsaddons folder:
 *   dist-wps/publish.xml             registers the add-in for WPS 表格 (et) and WPS 文字 (wps), offline
 *   dist-wps/nianbao_<version>/      the add-in: index.html + main.js (ribbon callbacks), ribbon.xml, the
 *                                    pane (taskpane-wps.html and the same chunks as the Office pane), icons
 *   dist-wps/jsplugins.xml           only with WPS_ADDIN_BASE_URL=https://intranet/path: the list WPS reads
 *                                    from oem.ini's JSPluginsServer, pointing at the folder served there
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const WEB = path.join(ROOT, 'dist-web');
const ADDIN = path.join(ROOT, 'src', 'wps', 'addin');
const NAME = 'nianbao';
/** The Office pane's own files: the page that loads office.js, the Office manifest and its help page (about office.js). */
const OFFICE_ONLY = new Set(['taskpane.html', 'manifest.xml', 'help.html']);
const TYPES = ['et', 'wps'];

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Writes the add-in into `out` (dist-wps/ by default); `baseUrl` is where an intranet server will serve it. */
function buildWps({ out = path.join(ROOT, 'dist-wps'), baseUrl = process.env.WPS_ADDIN_BASE_URL } = {}) {
  if (!fs.existsSync(path.join(WEB, 'taskpane-wps.html'))) throw new Error('dist-web/ is missing the WPS pane: run `npm run build` first.');
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const folder = `${NAME}_${version}`;
  const addin = path.join(out, folder);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(addin, { recursive: true });
  fs.cpSync(WEB, addin, { recursive: true, filter: (src) => !OFFICE_ONLY.has(path.relative(WEB, src)) });
  for (const file of fs.readdirSync(ADDIN)) fs.copyFileSync(path.join(ADDIN, file), path.join(addin, file));

  // Offline: the add-in's folder beside publish.xml in jsaddons, named in `url`.
  const entries = TYPES.map((type) => `  <jsplugin name="${NAME}" type="${type}" url="${folder}" version="${version}" enable="enable_dev" install="null" customDomain=""/>`);
  fs.writeFileSync(path.join(out, 'publish.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n${entries.join('\n')}\n</jsplugins>\n`);

  if (baseUrl) {
    if (!/^https?:\/\//.test(baseUrl)) throw new Error(`WPS_ADDIN_BASE_URL must be an http(s) address, not ${baseUrl}`);
    const url = `${baseUrl.replace(/\/$/, '')}/${folder}/`;
    const online = TYPES.map((type) => `  <jspluginonline name="${NAME}" type="${type}" url="${escapeXml(url)}" version="${version}"/>`);
    fs.writeFileSync(path.join(out, 'jsplugins.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n${online.join('\n')}\n</jsplugins>\n`);
  }
  return { out, folder };
}

module.exports = { buildWps };

if (require.main === module) {
  const { out, folder } = buildWps();
  console.log(`WPS add-in written to ${path.relative(ROOT, out)}/ (${folder}/ and publish.xml${fs.existsSync(path.join(out, 'jsplugins.xml')) ? ', jsplugins.xml' : ''})`);
}
