import JSZip from 'jszip';
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
