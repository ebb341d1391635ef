/** @jest-environment jsdom */
import { narrativeBlocks } from '../../src/core/narrative/style';
import { draftNarrative } from '../../src/core/narrative';
import { readHtmlReport } from '../../src/io/html';
import { blockPackage } from '../../src/io/wordOoxml';
import { readOoxmlTables } from '../../src/io/ooxmlTables';
import { seedReport } from '../proofread/reports';

/** The Office Open XML written for insertOoxml and read from getOoxml, on their own. */

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const p = (text: string) => `<w:p w:rsidR="00AB12CD"><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, props = '') => `<w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/>${props}</w:tcPr>${p(text)}</w:tc>`;
const pkg = (body: string) =>
  `<?xml version="1.0" standalone="yes"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">` +
  `<pkg:part pkg:name="/word/glossary/document.xml" pkg:contentType="x"><pkg:xmlData><w:glossaryDocument ${W}><w:docParts><w:docPart><w:docPartBody><w:tbl><w:tr>${tc('占位')}</w:tr></w:tbl></w:docPartBody></w:docPart></w:docParts></w:glossaryDocument></pkg:xmlData></pkg:part>` +
  `<pkg:part pkg:name="/word/document.xml" pkg:contentType="y"><pkg:xmlData><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document></pkg:xmlData></pkg:part></pkg:package>`;

describe('reading tables from getOoxml', () => {
  test('lays the body out as the .html reader does: paragraphs as rows, merges from w:gridSpan and w:vMerge', () => {
    const ooxml = pkg(
      p('表三 收到和处理政府信息公开申请情况') +
        '<w:tbl><w:tblPr/><w:tblGrid/>' +
        `<w:tr>${tc('本列数据的勾稽关系', '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>')}${tc('申请人情况', '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr>${tc('', '<w:gridSpan w:val="2"/><w:vMerge/>')}${tc('自然人')}${tc('商业企业')}</w:tr>` +
        `<w:tr>${tc('一、本年新收政府信息公开申请数量', '<w:gridSpan w:val="2"/>')}${tc('8')}${tc('1')}</w:tr>` +
        '</w:tbl>' +
        p('四、政府信息公开行政复议、行政诉讼情况'),
    );
    const html =
      '<p>表三 收到和处理政府信息公开申请情况</p><table>' +
      '<tr><td colspan="2" rowspan="2">本列数据的勾稽关系</td><td colspan="2">申请人情况</td></tr>' +
      '<tr><td>自然人</td><td>商业企业</td></tr>' +
      '<tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>8</td><td>1</td></tr>' +
      '</table><p>四、政府信息公开行政复议、行政诉讼情况</p>';
    expect(readOoxmlTables(ooxml, '文档表格')).toEqual({ ...readHtmlReport(html, '文档表格').workbook, origin: 'docx' });
  });

  test('what Word adds is read through: split runs, content controls, entities, tabs, text-box fallbacks, rows starting late', () => {
    const ooxml = pkg(
      '<w:tbl>' +
        `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('收到申请数')}</w:tr>` +
        `<w:tr><w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${tc('A&amp;B')}</w:sdtContent></w:sdt>` +
        '<w:tc><w:p><w:r><w:t>1</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>2</w:t></w:r><w:r><w:tab/><w:t>&#51;</w:t></w:r></w:p></w:tc></w:tr>' +
        '<w:tr><w:tc><w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>文本框</w:t></mc:Choice><mc:Fallback><w:t>文本框</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p></w:tc></w:tr>' +
        '</w:tbl>',
    );
    const [sheet] = readOoxmlTables(ooxml, '文档表格').sheets;
    expect(sheet.rows[0][1]).toEqual({ value: '收到申请数' });
    expect(sheet.rows[1][0]).toEqual({ value: 'A&B' });
    expect(sheet.rows[1][1]).toEqual({ value: '12 3' });
    expect(sheet.rows[2][0]).toEqual({ value: '文本框' });
    // The glossary's table (building-block placeholder text) is not the document's.
    expect(JSON.stringify(sheet.rows)).not.toContain('占位');
  });

  test('a table nested in a cell comes after its parent, and its text stays out of the parent cell', () => {
    const inner = `<w:tbl><w:tr>${tc('内')}${tc('5')}</w:tr></w:tbl>`;
    const ooxml = pkg(`<w:tbl><w:tr><w:tc>${p('外')}${inner}${p('后')}</w:tc>${tc('9')}</w:tr></w:tbl>`);
    const [sheet] = readOoxmlTables(ooxml, '文档表格').sheets;
    expect(sheet.rows[0]).toEqual([{ value: '外 后' }, { value: 9, text: '9' }]);
    expect(sheet.rows[2]).toEqual([{ value: '内' }, { value: 5, text: '5' }]);
  });
});

describe('the package written for insertOoxml', () => {
  const report = seedReport({}, { reportYear: 2017, bodyName: '某县人民政府办公室' });
  const blocks = narrativeBlocks(draftNarrative({ format: report.format, figures: report.figures, facts: report.facts }), '标题和导语');

  test.each(blocks.map((b) => [b.key, b] as const))('%s is well-formed XML whose paragraphs are the part’s', (_key, block) => {
    const doc = new DOMParser().parseFromString(blockPackage(block), 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const texts = [...doc.getElementsByTagName('w:p')].map((p) => [...p.getElementsByTagName('w:t')].map((t) => t.textContent).join(''));
    expect(texts).toEqual(block.paragraphs.map((paragraph) => paragraph.runs.map((r) => r.text).join('')));
  });

  test('text that looks like markup stays text', () => {
    const block = { key: 'x', label: 'x', paragraphs: [{ role: 'body' as const, runs: [{ text: '<w:p>甲&乙"', placeholder: false }] }] };
    const doc = new DOMParser().parseFromString(blockPackage(block), 'application/xml');
    expect(doc.getElementsByTagName('w:t')[0].textContent).toBe('<w:p>甲&乙"');
  });
});
