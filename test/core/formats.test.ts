/**
 * Formats as plugins (issue #13): a format is one folder and one registry line. Its claims are checked
 * against its template when it is registered, a tie goes by its priority rather than the registry's
 * order, and a new (provincial) format is picked up by recognition, checks, drafting and proofreading
 * with nothing else changed.
 */
import type * as Core from '../../src/core';
import { national2019Format } from '../../src/core/formats/national-2019';
import { national2021Format } from '../../src/core/formats/national-2021';
import { FORMATS, FormatRegistry, type FormatPlugin } from '../../src/core/formats/registry';
import type * as Narrative from '../../src/core/narrative';
import type * as Proofread from '../../src/core/proofread';
import type * as Registry from '../../src/core/formats/registry';
import type { FormatClaims } from '../../src/core/proofread/claims';
import { indicatorsOf, TEMPLATES } from '../../src/core/templates';
import type { Sheet } from '../../src/core/grid';
import { GridBuilder, national2021OneSheet, SAMPLE_2021, writeT4 } from '../support/layouts';
import { national2019Values, NATIONAL_SAMPLE } from '../narrative/fixtures';
import { reportOf } from '../proofread/reports';
import { proofreadText } from '../../src/core/proofread';

const REGISTRY = '../../src/core/formats/registry';

/** A copy of a plugin whose claims are changed by `edit` (the plugin's raw claims, before derivation). */
const withClaims = (plugin: FormatPlugin, edit: (claims: FormatClaims) => FormatClaims): FormatPlugin => ({ ...plugin, claims: edit(plugin.claims) });

describe('claims are validated against their format when it is registered', () => {
  test('every registered format cites only indicators its own template has', () => {
    for (const format of FORMATS.list()) {
      const ids = new Set(indicatorsOf(format.template).map((i) => i.id));
      const { counts, alls, nones } = format.claims;
      const refs = [
        ...counts.flatMap((c) => [c.ref, c.shareBase, ...(c.alternatives ?? [])]),
        ...alls.flatMap((c) => [c.total, c.mustBeZero]),
        ...nones.map((c) => c.ref),
      ]
        .filter((r) => r !== undefined)
        .flatMap((r) => (Array.isArray(r) ? r : Object.values(r as Record<string, string[]>).flat()));
      expect([format.id, refs.filter((ref) => !ref.startsWith('fact:') && !ids.has(ref))]).toEqual([format.id, []]);
    }
  });

  test('a claim naming an indicator the template lacks fails at load', () => {
    const typo = withClaims(national2021Format, (c) => ({ ...c, nones: [...c.nones, { pattern: /无现行有效地方性法规/, ref: ['t2.localLaws.inForce'] }] }));
    expect(() => new FormatRegistry([typo])).toThrow('format national-2021: claim /无现行有效地方性法规/ names unknown indicator t2.localLaws.inForce');
  });

  test('so do a share base, a context-dependent reference and an unknown fact', () => {
    const share = withClaims(national2021Format, (c) => ({ ...c, counts: c.counts.map((x) => (x.id === 'granted' ? { ...x, shareBase: ['t3.totl.total'] } : x)) }));
    expect(() => new FormatRegistry([share])).toThrow('claim granted names unknown indicator t3.totl.total');
    const context = withClaims(national2021Format, (c) => ({
      ...c,
      counts: c.counts.map((x) => (x.id === 'appeal.upheld' ? { ...x, ref: { review: ['t4.review.upheld'], litigation: ['t4.lawsuit.upheld'] } } : x)),
    }));
    expect(() => new FormatRegistry([context])).toThrow('claim appeal.upheld names unknown indicator t4.lawsuit.upheld');
    const fact = withClaims(national2021Format, (c) => ({ ...c, nones: [{ pattern: /未收取任何罚款/, ref: ['fact:fines'] }] }));
    expect(() => new FormatRegistry([fact])).toThrow('names unknown indicator fact:fines');
  });

  test('a part, group member or fee amount naming no claim fails at load', () => {
    const part = withClaims(national2021Format, (c) => ({ ...c, counts: c.counts.map((x) => (x.id === 'review' ? { ...x, parts: [...(x.parts ?? []), 'appeal.withdrawn'] } : x)) }));
    expect(() => new FormatRegistry([part])).toThrow('format national-2021: review names unknown claim appeal.withdrawn');
    const group = withClaims(national2021Format, (c) => ({ ...c, groups: [...c.groups, ['review', 'petition']] }));
    expect(() => new FormatRegistry([group])).toThrow('groups names unknown claim petition');
    const fee = withClaims(national2021Format, (c) => ({ ...c, fees: { ...c.fees, amounts: ['feesCharged'] } }));
    expect(() => new FormatRegistry([fee])).toThrow('fees names unknown claim feesCharged');
  });

  test('the 2019 claims as they were (现行有效, a 2021 column) fail at load', () => {
    const as2021 = withClaims(national2019Format, (c) => ({
      ...c,
      nones: c.nones.map((n) => (String(n.pattern).includes('现行有效规章') ? { ...n, ref: ['t2.regulations.inForce'] } : n)),
    }));
    expect(() => new FormatRegistry([as2021])).toThrow('format national-2019: claim /无现行有效规章/ names unknown indicator t2.regulations.inForce');
  });

  test('a template whose id is not the plugin\'s, a second plugin of one id, or a shared priority fail at load', () => {
    expect(() => new FormatRegistry([{ ...national2021Format, id: 'national-2022' }])).toThrow('format national-2022: its template\'s id is national-2021');
    expect(() => new FormatRegistry([national2021Format, { ...national2021Format, priority: 1 }])).toThrow('format national-2021 is registered twice');
    expect(() => new FormatRegistry([national2021Format, { ...national2019Format, priority: national2021Format.priority }])).toThrow(
      'format national-2019 has the priority of national-2021',
    );
  });
});

describe('a 2019 report saying it has no 规章 or 规范性文件 in force is checked against 对外公开总数量', () => {
  const report = reportOf(
    'national-2019',
    national2019Values(
      { regulations: [0, 0, 2], normativeDocs: [1, 1, 0], licensing: [10, 0, 1256], otherServices: [0, 0, 0], punishment: [5, 0, 87], coercion: [0, 0, 0], fees: [1, 0], procurement: [0, 0] },
      NATIONAL_SAMPLE,
    ),
    { reportYear: 2020 },
  );

  test('"无现行有效规章" while the table shows 2 规章 in all is a contradiction', () => {
    const { findings } = proofreadText('本机关无现行有效规章。', report);
    expect(findings.map((f) => [f.rule, f.severity, f.indicators])).toEqual([['proofread.none-contradicted', 'warning', ['t2.regulations.total']]]);
  });

  test('"无现行有效规范性文件" while the table shows none in all is right', () => {
    expect(proofreadText('本机关无现行有效规范性文件。', report).findings).toEqual([]);
  });
});

/** Runs `body` with the engine loaded afresh around `registry` (after `prepare` has run on it). */
function withEngine<T>(prepare: (registry: typeof Registry) => void, body: (engine: { core: typeof Core; narrative: typeof Narrative; proofread: typeof Proofread }) => T): T {
  let result: T | undefined;
  jest.isolateModules(() => {
    prepare(require(REGISTRY) as typeof Registry);
    result = body({ core: require('../../src/core'), narrative: require('../../src/core/narrative'), proofread: require('../../src/core/proofread') });
  });
  return result as T;
}

describe('a tie goes by priority, not by the registry\'s order', () => {
  const loneTable4 = (): Sheet => {
    const g = new GridBuilder();
    writeT4(g, SAMPLE_2021.t4, 'one-row', 0, 0);
    return g.sheet('表四');
  };

  test('表四 alone (the same in 2019 and 2021) is read as 2021 whichever order the formats are listed in', () => {
    const formatOf = (reverse: boolean) =>
      withEngine(
        () => {
          if (!reverse) return;
          jest.doMock(REGISTRY, () => {
            const actual = jest.requireActual(REGISTRY) as typeof Registry;
            const { legacy2016Format } = jest.requireActual('../../src/core/formats/legacy-2016');
            const { national2019Format: of2019 } = jest.requireActual('../../src/core/formats/national-2019');
            const { national2021Format: of2021 } = jest.requireActual('../../src/core/formats/national-2021');
            return { ...actual, FORMATS: new actual.FormatRegistry([legacy2016Format, of2019, of2021]) };
          });
        },
        ({ core }) => {
          const { TEMPLATES: templates } = require('../../src/core/templates');
          const order = (templates as typeof TEMPLATES).map((t) => t.id);
          return { order, formats: core.analyzeWorkbook({ sheets: [loneTable4()] }).tables.map((t) => t.format) };
        },
      );
    expect(formatOf(false)).toEqual({ order: ['national-2021', 'national-2019', 'legacy-2016'], formats: ['national-2021'] });
    expect(formatOf(true)).toEqual({ order: ['legacy-2016', 'national-2019', 'national-2021'], formats: ['national-2021'] });
  });
});

describe('a provincial variant is one plugin and one registration, and every part of the engine uses it', () => {
  const ID = 'province-2021';
  const NAME = '某省2021年格式（省定口径）';
  const CARRY_FORWARD = '四、转入下年度办理';

  /** The 2021 format with the province's wording of 结转下年度继续办理, one rule and one phrasing of its own. */
  function provincialVariant(): FormatPlugin {
    const base = national2021Format;
    const template = base.template;
    return {
      ...base,
      id: ID,
      name: NAME,
      priority: 250,
      template: {
        ...template,
        id: ID,
        name: '某省政府信息公开工作年度报告格式',
        tables: template.tables.map((t) =>
          t.id !== 't3'
            ? t
            : { ...t, blocks: t.blocks.map((b) => ({ ...b, rows: b.rows.map((r) => (r.id === 'carryForward' ? { ...r, label: CARRY_FORWARD, variants: ['转入下年度办理'] } : r)) })) },
        ),
        rules: [
          ...template.rules,
          { id: 'province.carry-forward', kind: 'at-most', severity: 'warning', part: 't3.carryForward.total', whole: ['t3.newApplications.total'] },
        ],
      },
      claims: { ...base.claims, counts: base.claims.counts.map((c) => (c.id === 'carryForward' ? { ...c, keywords: [...c.keywords, '转入下年度办理'] } : c)) },
    };
  }

  /** A 2021 workbook as the province lays it out: its own label for table 三's last row. */
  function provincialSheet(t3 = SAMPLE_2021.t3): Sheet {
    const sheet = national2021OneSheet('统计表', { ...SAMPLE_2021, t3 });
    let relabelled = 0;
    for (const row of sheet.rows) {
      for (const cell of row ?? []) {
        if (cell && cell.value === '四、结转下年度继续办理') {
          cell.value = CARRY_FORWARD;
          relabelled++;
        }
      }
    }
    expect(relabelled).toBe(1);
    return sheet;
  }

  test('recognition, checks, drafting and proofreading all take it up', () => {
    const result = withEngine(
      (registry) => registry.FORMATS.register(provincialVariant()),
      ({ core, narrative, proofread }) => {
        const analysis = core.analyzeWorkbook({ sheets: [provincialSheet()] });
        // Carry forward more than was newly received: only the province's own rule says so.
        const t3 = { ...SAMPLE_2021.t3, carriedOver: SAMPLE_2021.t3.carriedOver.map((v, i) => (i === 0 ? v + 60 : v)), carryForward: SAMPLE_2021.t3.carryForward.map((v, i) => (i === 0 ? v + 60 : v)) };
        const overCarried = core.analyzeWorkbook({ sheets: [provincialSheet(t3)] });
        const [report] = core.reportFigures(analysis);
        const draft = narrative.draftNarrative({ format: report.format, figures: report.figures, facts: report.facts });
        const carried = report.figures['t3.carryForward.total'].value;
        const said = (n: number) => proofread.proofreadText(`本年度转入下年度办理${n}件。`, report).findings.map((f) => [f.rule, f.indicators]);
        return {
          formats: analysis.tables.map((t) => [t.table, t.format]),
          missing: analysis.tables.flatMap((t) => t.missing),
          errors: [...analysis.notices, ...analysis.tables.flatMap((t) => t.findings)].filter((f) => f.severity === 'error').map((f) => f.rule),
          provinceRule: overCarried.tables.flatMap((t) => t.findings).filter((f) => f.rule.startsWith('province.')).map((f) => [f.rule, f.severity]),
          formatName: report.formatName,
          named: core.FORMAT_NAMES[ID],
          draftable: narrative.DRAFTABLE_FORMATS.includes(ID),
          draft: [draft.format, narrative.narrativeToText(draft).includes('结转下年度继续办理')],
          carried,
          proofreadRight: said(carried ?? -1),
          proofreadWrong: said((carried ?? 0) + 5),
        };
      },
    );
    expect(result).toEqual({
      formats: [
        ['t2', ID],
        ['t3', ID],
        ['t4', ID],
      ],
      missing: [],
      errors: [],
      provinceRule: [['province.carry-forward', 'warning']],
      formatName: NAME,
      named: NAME,
      draftable: true,
      draft: [ID, true],
      carried: 3,
      proofreadRight: [],
      proofreadWrong: [['proofread.count-mismatch', ['t3.carryForward.total']]],
    });
  });

  test('registered after the engine has already recognized a workbook, it is taken up from the next one on', () => {
    const formats = withEngine(
      () => undefined,
      ({ core }) => {
        const before = core.analyzeWorkbook({ sheets: [provincialSheet()] }).tables.map((t) => t.format);
        (require(REGISTRY) as typeof Registry).FORMATS.register(provincialVariant());
        const after = core.analyzeWorkbook({ sheets: [provincialSheet()] }).tables.map((t) => t.format);
        return { before, after };
      },
    );
    expect(formats).toEqual({ before: ['national-2021', 'national-2021', 'national-2021'], after: [ID, ID, ID] });
  });

  test('without it, the same workbook is read as 2021 and its last row of table 三 is missing', () => {
    const analysis = withEngine(
      () => undefined,
      ({ core }) => core.analyzeWorkbook({ sheets: [provincialSheet()] }),
    );
    expect(analysis.tables.map((t) => t.format)).toEqual(['national-2021', 'national-2021', 'national-2021']);
    expect(analysis.tables.flatMap((t) => t.missing)).toContain('t3.carryForward.total');
  });
});
