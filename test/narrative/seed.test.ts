import { readFileSync } from 'fs';
import * as path from 'path';
import { analyzeWorkbook, reportFigures } from '../../src/core';
import { allRuns, draftNarrative, narrativeToText, type FigureRun, type Narrative } from '../../src/core/narrative';
import { readInput } from '../../src/io/read';
import { figuresFrom, SEED_VALUES } from './fixtures';

/**
 * Golden test on the seed report (a real 2017 legacy report): every sentence of its narrative that
 * states a figure must be stated, in substance, by the draft made from its table.
 */

const SEED_FILE = path.join(__dirname, '../../../shared/seed/000_bc870c0a05b91354.txt');
const FACTS = { bodyName: '中共嵊泗县委嵊泗县人民政府办公室', reportYear: 2017 };

const fromFixture = () => draftNarrative({ format: 'legacy-2016', figures: figuresFrom('legacy-2016', SEED_VALUES), facts: FACTS });

const sectionText = (n: Narrative, headingStart: string) => {
  const section = n.sections.find((s) => s.heading.startsWith(headingStart));
  if (!section) throw new Error(`no section ${headingStart}`);
  return section.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n');
};

describe('the draft from the seed figures states what the seed states', () => {
  const draft = fromFixture();

  it('has the seed narrative sections in order', () => {
    expect(draft.sections.map((s) => s.heading)).toEqual([
      '一、主动公开政府信息情况',
      '二、依申请公开政府信息情况',
      '三、政策解读情况',
      '四、制度建设和机构建设',
      '五、政府信息公开工作存在的主要问题和改进措施',
      '六、其他需要报告的事项',
    ]);
  });

  it('seed: 2017年,共主动公开政府信息8295条,其中通过政府网站…6563条,政务微信…390条,其他方式…1325条', () => {
    const text = sectionText(draft, '一、');
    expect(text).toContain(
      '2017年，共主动公开政府信息8295条，其中通过政府网站公开政府信息6563条，政务微信公开政府信息390条，其他方式公开政府信息1325条。',
    );
    // Channels with 0 are left out, as the seed leaves them out.
    expect(text).not.toMatch(/政府公报|政务微博/);
  });

  it('seed: 2017年,本办共受理依申请公开2件,均通过网络申请', () => {
    expect(sectionText(draft, '二、')).toContain('2017年，本机关共受理依申请公开2件，均通过网络申请。');
  });

  it('seed: 所有依申请公开政府信息都已在《条例》规定的期限内全部办理完毕', () => {
    expect(sectionText(draft, '二、')).toContain('已办结2件，均在《条例》规定的期限内办结。');
  });

  it('seed: 因涉及相关商业秘密,不同意公开', () => {
    expect(sectionText(draft, '二、')).toContain('作出答复2件，均为不同意公开，不同意公开的原因均为涉及商业秘密。');
  });

  it('seed: 所有依申请公开办件均未收费', () => {
    expect(sectionText(draft, '二、')).toContain('所有依申请公开办件均未收取费用。');
  });

  it('seed (五): 从事信息公开工作人员以兼职为主', () => {
    expect(sectionText(draft, '四、')).toContain('从事政府信息公开工作人员1人，为兼职人员。');
    expect(sectionText(draft, '五、')).toContain('目前无专职从事政府信息公开工作的人员，兼职人员1人，工作力量比较薄弱');
  });

  it('states the training figures and the other table facts the seed leaves out', () => {
    expect(sectionText(draft, '四、')).toContain('全年召开政府信息公开工作会议或专题会议2次，举办各类培训班1次，接受培训人员230人次。');
    expect(sectionText(draft, '二、')).toContain('全年，本机关未发生因政府信息公开引起的行政复议、行政诉讼和举报投诉。');
    expect(sectionText(draft, '三、')).toContain('未参加或举办新闻发布会，未开展政府网站在线访谈。');
  });

  it('leaves what the figures cannot write as visible placeholders', () => {
    expect(sectionText(draft, '五、')).toContain('〔待补充：改进措施〕');
    expect(sectionText(draft, '六、')).toMatch(/^〔待补充：/);
    expect(draft.notes.at(-1)).toContain('5处');
  });

  it('links every figure to the cell it came from', () => {
    const figures = figuresFrom('legacy-2016', SEED_VALUES);
    const run = allRuns(draft).find((r): r is FigureRun => r.kind === 'figure' && r.text === '8295');
    expect(run?.sources).toEqual([
      { indicator: 'legacy.proactive', cell: figures['legacy.proactive'].cell, label: figures['legacy.proactive'].label, value: 8295 },
    ]);
  });

  it('matches the reviewed full draft', () => {
    expect(narrativeToText(draft)).toBe(readFileSync(path.join(__dirname, 'golden/legacy-seed.txt'), 'utf8'));
  });
});

describe('the real seed file through the engine', () => {
  it('gives the same draft as the fixture, with the body and year from the table title', async () => {
    const input = await readInput(SEED_FILE);
    const [report] = reportFigures(analyzeWorkbook(input.workbook));
    expect(report.format).toBe('legacy-2016');
    expect(report.facts).toEqual(FACTS);
    const draft = draftNarrative({ format: report.format, figures: report.figures, facts: report.facts });
    expect(narrativeToText(draft)).toBe(narrativeToText(fromFixture()));
    // Cells now name the seed's own table lines.
    const run = allRuns(draft).find((r): r is FigureRun => r.kind === 'figure' && r.text === '6563');
    expect(run?.sources[0].cell).toMatch(/^文本表格!C\d+$/);
  });
});
