/**
 * Security gates (issue 7): no code from strings, no HTML from data, no network at run time, a task
 * pane page that may only talk to its own origin and office.js, and a manifest that asks for no more
 * than ReadWriteDocument.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|html)$/.test(name) ? [full] : [];
  });
}

const SOURCES = sourceFiles(path.join(ROOT, 'src')).map((file) => ({ file: path.relative(ROOT, file), text: readFileSync(file, 'utf8') }));

function offenders(pattern: RegExp, only: (file: string) => boolean = () => true): string[] {
  return SOURCES.filter((s) => only(s.file)).flatMap((s) =>
    s.text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${s.file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('the source code', () => {
  it('finds the source files it scans', () => {
    expect(SOURCES.length).toBeGreaterThan(20);
    expect(SOURCES.some((s) => s.file.endsWith('App.tsx'))).toBe(true);
  });

  it.each([
    ['eval', /\beval\s*\(/],
    ['new Function', /\bnew\s+Function\s*\(/],
    ['string timers', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
    ['innerHTML / outerHTML', /\.(inner|outer)HTML\s*=/],
    ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
    ['insertAdjacentHTML / document.write', /insertAdjacentHTML|document\.write/],
  ])('never uses %s', (_name, pattern) => {
    expect(offenders(pattern)).toEqual([]);
  });

  it('makes no network call: no fetch, XMLHttpRequest, WebSocket, beacon or http module', () => {
    expect(offenders(/\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|from ['"]https?['"]|require\(['"]https?['"]\)/)).toEqual([]);
  });

  it('keeps the core pure: no file system, process, Office or DOM in src/core', () => {
    const core = (file: string) => file.startsWith(path.join('src', 'core'));
    expect(offenders(/from ['"](fs|path|os|child_process|http|https|net)['"]|\bprocess\.|\bOffice\.|\bExcel\.run|\bWord\.run|\bdocument\.|\bwindow\./, core)).toEqual([]);
  });
});

/** A page's Content-Security-Policy as directive → sources. */
function directivesOf(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources] as const),
  );
}

/** The template is built twice: the Office page (with office.js) and the WPS page (taskpane-wps.html, without). */
const PAGE = readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8');
const POLICIES = [...PAGE.matchAll(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/g)].map((m) => m[1]);
const OFFICE_JS = 'https://appsforoffice.microsoft.com';

describe('the task pane page', () => {
  const csp = POLICIES.find((p) => p.includes(OFFICE_JS)) ?? '';
  const html = PAGE.replace(POLICIES.find((p) => !p.includes(OFFICE_JS)) ?? '', '');
  const directives = directivesOf(csp);

  it('carries a Content-Security-Policy that defaults to its own origin', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('may connect only to its own origin', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('may load scripts only from its own origin and office.js, and never evaluate strings', () => {
    expect([...(directives.get('script-src') ?? [])].sort()).toEqual(["'self'", OFFICE_JS].sort());
    expect(csp).not.toContain("'unsafe-eval'");
  });

  it('names no other network destination anywhere in the policy or the page', () => {
    const hosts = [...`${csp} ${html}`.matchAll(/https?:\/\/[^\s"'<>;]+/g)].map((m) => new URL(m[0]).origin);
    expect(new Set(hosts)).toEqual(new Set([OFFICE_JS]));
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });
});

describe('the task pane page in WPS', () => {
  const csp = POLICIES.find((p) => !p.includes(OFFICE_JS)) ?? '';
  const directives = directivesOf(csp);

  it('has a policy of its own, with no network origin at all (not even office.js)', () => {
    expect(POLICIES).toHaveLength(2);
    expect(csp).not.toMatch(/https?:/);
  });

  it('defaults to its own origin, connects only there, and loads scripts only from the add-in folder', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", 'file:']);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });
});

describe('the add-in manifest', () => {
  const manifest = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  // Office's levels, lowest first; ReadWriteDocument is the most a document add-in may ask for.
  const ALLOWED = ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'];

  it('asks for ReadWriteDocument at most, once', () => {
    const permissions = [...manifest.matchAll(/<Permissions>\s*([^<\s]+)\s*<\/Permissions>/g)].map((m) => m[1]);
    expect(permissions).toHaveLength(1);
    expect(ALLOWED).toContain(permissions[0]);
  });
});
