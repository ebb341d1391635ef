import JSZip from 'jszip';
import { reportTableGrids } from '../../src/core';
import { draftNarrative } from '../../src/core/narrative';
import { narrativeToDocx } from '../../src/io/docx';
import { figuresFrom, nationalValues, NATIONAL_SAMPLE, SEED_VALUES } from './fixtures';

/** The .docx in 公文 style, read back from its XML (rendering is checked by hand: see the README). */

async function documentXml(
  narrative = draftNarrative({
    format: 'legacy-2016',
    figures: figuresFrom('legacy-2016', SEED_VALUES),
    facts: { bodyName: '中共嵊泗县委嵊泗县人民政府办公室', reportYear: 2017 },
  }),
): Promise<string> {
  const bytes = await narrativeToDocx(narrative);
  expect(bytes).toBeInstanceOf(Uint8Array);
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('word/document.xml')!.async('string');
}

/** The XML of the paragraph whose text contains `text`. */
function paragraphWith(xml: string, text: string): string {
  const paragraph = xml.split('</w:p>').find((p) => p.includes(text));
  if (!paragraph) throw new Error(`no paragraph with ${text}`);
  return paragraph;
}

describe('narrativeToDocx', () => {
  let xml: string;
  beforeAll(async () => {
    xml = await documentXml();
  });

  it('centres the title in 小标宋 二号', () => {
    const title = paragraphWith(xml, '年政府信息公开工作年度报告');
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(title).toContain('<w:sz w:val="44"/>');
  });

  it('sets 一、 headings in 黑体 and body text in 仿宋 三号, as East-Asian fonts', () => {
    expect(paragraphWith(xml, '一、主动公开政府信息情况')).toMatch(/w:eastAsia="黑体"/);
    const bodyText = paragraphWith(xml, '共主动公开政府信息');
    expect(bodyText).toMatch(/w:eastAsia="仿宋"/);
    expect(bodyText).toContain('<w:sz w:val="32"/>');
  });

  it('indents the first line by two characters with fixed 28-point line spacing', () => {
    const bodyText = paragraphWith(xml, '共主动公开政府信息');
    expect(bodyText).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
    expect(bodyText).toMatch(/<w:spacing [^>]*w:line="560"[^>]*w:lineRule="exact"|<w:spacing [^>]*w:lineRule="exact"[^>]*w:line="560"/);
  });

  it('sets (一) headings in 楷体', async () => {
    const national = draftNarrative({
      format: 'national-2021',
      figures: figuresFrom('national-2021', nationalValues(NATIONAL_SAMPLE)),
      facts: { reportYear: 2022 },
    });
    expect(paragraphWith(await documentXml(national), '（一）主动公开')).toMatch(/w:eastAsia="楷体"/);
  });

  it('highlights placeholders', () => {
    expect(paragraphWith(xml, '〔待补充：改进措施〕')).toContain('<w:highlight w:val="yellow"/>');
    expect(paragraphWith(xml, '共主动公开政府信息')).not.toContain('w:highlight');
  });
});

describe('narrativeToDocx with the tables', () => {
  const figures = figuresFrom('national-2021', nationalValues(NATIONAL_SAMPLE));
  const narrative = draftNarrative({ format: 'national-2021', figures, facts: { reportYear: 2022 } });
  let xml: string;
  let tables: string[];
  beforeAll(async () => {
    const bytes = await narrativeToDocx(narrative, { tables: reportTableGrids('national-2021', ['t2', 't3', 't4'], figures) });
    xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    tables = xml.split('<w:tbl>').slice(1).map((t) => t.slice(0, t.indexOf('</w:tbl>')));
  });

  it('puts the three tables in place of their placeholders, each after its title', () => {
    expect(tables).toHaveLength(3);
    expect(xml).not.toContain('〔待插入');
    const order = ['表二 主动公开政府信息情况', '表三 收到和处理政府信息公开申请情况', '表四 政府信息公开行政复议、行政诉讼情况'].map((t) => xml.indexOf(t));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    expect(xml.indexOf('表三 收到和处理政府信息公开申请情况')).toBeLessThan(xml.indexOf('<w:tbl>', xml.indexOf('表三 收到')));
  });

  it('merges 表三\'s headers and 三、本年度办理结果 as native merged cells', () => {
    const t3 = tables[1];
    const cellWith = (text: string) => t3.split('</w:tc>').find((c) => c.includes(`>${text}<`))!;
    expect(cellWith('申请人情况')).toContain('<w:gridSpan w:val="7"/>');
    expect(cellWith('法人或其他组织')).toContain('<w:gridSpan w:val="5"/>');
    expect(cellWith('自然人')).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(cellWith('三、本年度办理结果')).toMatch(/<w:vMerge w:val="restart"\/>/);
    // 21 continuation cells below it, and the cells below the other merges.
    expect(t3.match(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/g)!.length).toBeGreaterThanOrEqual(21);
    expect(cellWith('申请人情况')).toContain('<w:b/>');
    expect(cellWith('申请人情况')).toContain('<w:jc w:val="center"/>');
    expect(t3.match(/<w:tblHeader\/>/g)).toHaveLength(3);
  });

  it('sets figures right-aligned in 宋体 五号, 表四 in 小五 on the portrait page', () => {
    const figure = tables[1].split('</w:tc>').find((c) => c.includes('<w:jc w:val="right"/>'))!;
    expect(figure).toMatch(/w:eastAsia="宋体"/);
    expect(figure).toContain('<w:sz w:val="21"/>');
    expect(tables[2]).toContain('<w:sz w:val="18"/>');
    expect(tables[2]).not.toContain('<w:sz w:val="21"/>');
    expect(xml).not.toContain('w:orient="landscape"');
    // Every table is as wide as the text between the margins (A4 less 28mm and 26mm).
    for (const t of tables) expect(t).toContain('<w:tblW w:type="dxa" w:w="8844"/>');
  });
});
