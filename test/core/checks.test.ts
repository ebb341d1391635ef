/**
 * The checks as a registry (issue 13): each registered check has an id, a scope and a severity, and
 * every finding analyzeWorkbook returns was made by one of them, with the severity it declares.
 * Findings as code + arguments: every finding the engine makes, on the samples, the real reports and
 * the bad-input catalogue, and every proofreading finding on their text, names its message (`code`)
 * and gives its arguments as plain JSON values, and its message is what the messages module renders
 * of them after a trip through JSON.
 */
import { render, type ProofFinding } from '../../src/core';
import { analyzeWorkbook } from '../../src/core/analyze';
import { CHECKS, type AnyCheck } from '../../src/core/checks/registry';
import { messages } from '../../src/core/messages';
import { proofreadMessages } from '../../src/core/proofread/messages';
import { ruleInstances } from '../../src/core/rules';
import { templateById } from '../../src/core/templates';
import type { Workbook } from '../../src/core/grid';
import type { Finding } from '../../src/core/types';
import { VALUE_SEVERITY } from '../../src/core/valuechecks';
import { catalogueInputs, fixtureInputs, type Checked } from '../support/every-finding';

let inputs: Checked[] = [];

beforeAll(async () => {
  inputs = [...(await fixtureInputs()), ...(await catalogueInputs())];
}, 180_000);

/** Each finding with the check that made it, and the analysis's own findings. */
function observed(workbook: Workbook, options: Parameters<typeof analyzeWorkbook>[1]): { made: [AnyCheck, Finding][]; returned: Finding[] } {
  const made: [AnyCheck, Finding][] = [];
  const analysis = analyzeWorkbook(workbook, options, (check, finding) => made.push([check, finding]));
  return { made, returned: [...analysis.tables.flatMap((t) => t.findings), ...analysis.notices] };
}

/** The severity a per-rule check states for a finding: the value checks' table, the template's rule, recognition's kinds. */
function statedSeverity(finding: Finding, format: string | undefined): string[] {
  if (finding.rule in VALUE_SEVERITY) return [VALUE_SEVERITY[finding.rule as keyof typeof VALUE_SEVERITY]];
  if (finding.kind === 'not-checked') return ['hint'];
  if (finding.rule === 'recognition.merged-across-figures') return ['error'];
  if (finding.kind === 'recognition') return ['warning'];
  const rule = format ? ruleInstances(templateById(format), finding.table).find((r) => r.id === finding.rule) : undefined;
  // A level the body's name suggests, not one the user stated, makes a 核实 of a 强制 rule.
  return rule ? (rule.kind === 'requires-level' ? [rule.severity, 'warning'] : [rule.severity]) : [];
}

describe('the check registry', () => {
  it('has unique ids, each check with a scope and a severity', () => {
    expect(new Set(CHECKS.map((c) => c.id)).size).toBe(CHECKS.length);
    for (const c of CHECKS) {
      expect(['table', 'report', 'workbook']).toContain(c.scope);
      expect(['error', 'warning', 'hint', 'per-rule']).toContain(c.severity);
    }
    // Every check the engine had wired by hand is registered.
    expect(CHECKS.map((c) => c.id)).toEqual(
      expect.arrayContaining(['value', 'relations', 'cross-year.identical', 'plausibility.title-year', 'plausibility.statistics-period', 'recognition.missing-rows', 'recognition.weak-label', 'recognition.mixed-table-formats', 'recognition.no-template', 'recognition.table-unreadable', 'recognition.several-tables']),
    );
  });

  it('made every finding the analysis returns, each with the severity its check declares', () => {
    let count = 0;
    const wrong: string[] = [];
    for (const c of inputs) {
      const facts = c.source.includes('township') ? { level: 'township' as const, reportYear: 2000 } : undefined;
      const { made, returned } = observed(c.workbook, { facts, previous: facts ? c.workbook : undefined, text: facts ? '统计期限为2022年1月1日至2022年12月31日。' : undefined });
      expect(made.map(([, f]) => f)).toEqual(expect.arrayContaining(returned));
      expect(made).toHaveLength(returned.length);
      for (const [check, finding] of made) {
        count++;
        const format = c.analysis.tables.find((t) => t.table === finding.table)?.format;
        const allowed = check.severity === 'per-rule' ? statedSeverity(finding, format) : [check.severity];
        if (!allowed.includes(finding.severity)) wrong.push(`${c.source}: ${check.id} made ${finding.rule} as ${finding.severity}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(count).toBeGreaterThanOrEqual(200);
  });

  it('runs each scope with what it needs: a report check sees last year, a workbook check sees no table', () => {
    const sample = inputs.find((c) => c.source === '2023-national-one-sheet.xlsx')!;
    const { made } = observed(sample.workbook, { previous: sample.workbook });
    expect(made.map(([check, f]) => [check.id, check.scope, f.rule])).toContainEqual(['cross-year.identical', 'report', 'cross-year.identical']);
    const empty = observed({ sheets: [{ name: '空表', rows: [], merges: [] }] }, {});
    expect(empty.made.map(([check, f]) => [check.id, check.scope, f.severity])).toEqual([['recognition.no-template', 'workbook', 'error']]);
  });
});

const everyFinding = (): (Finding | ProofFinding)[] =>
  inputs.flatMap((c) => [...c.analysis.tables.flatMap((t) => t.findings), ...c.analysis.notices, ...c.proofread]);

describe('every finding is its message id and arguments', () => {
  it('covers the samples, the real reports and the catalogue, checks and proofreading', () => {
    const sources = new Set(inputs.map((c) => c.source));
    expect(sources.size).toBeGreaterThanOrEqual(100);
    const all = everyFinding();
    expect(all.length).toBeGreaterThanOrEqual(300);
    // Findings of both kinds, of many messages.
    expect(all.some((f) => f.kind === 'text')).toBe(true);
    expect(new Set(all.map((f) => f.code)).size).toBeGreaterThanOrEqual(25);
  });

  it('renders to its message from JSON-parsed arguments', () => {
    const wrong = everyFinding().flatMap((f) => {
      const args = JSON.parse(JSON.stringify(f.args)) as unknown[];
      const problems: string[] = [];
      if (JSON.stringify(args) !== JSON.stringify(f.args) || args.length !== f.args.length) problems.push('arguments that are not plain JSON');
      if (render(f.code, args) !== f.message) problems.push(`message not render(${f.code}, args)`);
      return problems.map((p) => `${f.rule}: ${p}`);
    });
    expect(wrong).toEqual([]);
  });

  it('names figures by name, cell and value, not by the whole recognized figure', () => {
    const total = everyFinding().find((f) => f.code === 'totalMismatch')!;
    expect(total.args[0]).toEqual({ name: expect.any(String), cell: expect.stringMatching(/^[A-Z]+\d+$/), value: expect.any(Number), unit: expect.any(String) });
  });
});

describe('render', () => {
  it('knows each message id once: the checks and proofreading share no name', () => {
    const fn = (table: object) => Object.entries(table).filter(([, v]) => typeof v === 'function').map(([k]) => k);
    const checks = fn(messages);
    expect(fn(proofreadMessages).filter((code) => checks.includes(code))).toEqual([]);
  });

  it('renders a message of each module, and nothing for an unknown id', () => {
    expect(render('missingRows', ['表二', ['规章']])).toBe(messages.missingRows('表二', ['规章']));
    expect(render('sectionMissing', ['五、存在的主要问题及改进情况'])).toBe(proofreadMessages.sectionMissing('五、存在的主要问题及改进情况'));
    expect(render('noSuchMessage', [])).toBeUndefined();
    expect(render('toString', [])).toBeUndefined();
  });
});
