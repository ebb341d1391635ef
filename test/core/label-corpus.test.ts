/**
 * Label variants seen in real workbooks and published reports (docs/formats.md §1 and reading of reports):
 * each is typed into a realistic table in place of the standard label, and must be read as the same
 * indicator, with every other figure where it was: no wrong mapping.
 */
import { analyzeWorkbook, type Sheet } from '../../src/core';
import { GridBuilder, legacySheet, national2021OneSheet, SAMPLE_2021, writeT4 } from '../support/layouts';

type Builder = () => Sheet;
const LEGACY: Builder = () => legacySheet('统计表');
const NATIONAL: Builder = () => national2021OneSheet('统计表');
const T4_ROWS: Builder = () => {
  const g = new GridBuilder();
  writeT4(g, SAMPLE_2021.t4, 'three-rows');
  return g.sheet('表四');
};

// [table builder, label as the template sample has it, label as a real workbook has it]
const CORPUS: [Builder, string, string][] = [
  [LEGACY, '(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条)', '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）'],
  [LEGACY, '(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条)', '主动公开政府信息数'],
  [LEGACY, '(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条)', '(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条'],
  [LEGACY, '其中:主动公开规范性文件数', '其中：主动公开规范性文件数'],
  [LEGACY, '其中:主动公开规范性文件数', '其中主动公开规范性文件数'],
  [LEGACY, '制发规范性文件总数', '制发规范性文件总数（件）'],
  [LEGACY, '1.政府公报公开政府信息数', '1、政府公报公开政府信息数'],
  [LEGACY, '2.政府网站公开政府信息数', '2．政府网站公开政府信息数'],
  [LEGACY, '3.政务微博公开政府信息数', '（3）政务微博公开政府信息数'],
  [LEGACY, '4.政务微信公开政府信息数', ' 4.政务微信公开政府信息数 '],
  [LEGACY, '5.其他方式公开政府信息数', '5.其它方式公开政府信息数'],
  [LEGACY, '(一)回应公众关注热点或重大舆情数 (不同方式回应同一热点或舆情计1次)', '(一)回应公众关注热点或重大舆情数'],
  [LEGACY, '1.参加或举办新闻发布会总次数', '1.参加或举办新闻发布会总次数（次）'],
  [LEGACY, '其中:主要负责同志参加新闻发布会次数', '其中：主要负责同志参加新闻发布会次数'],
  [LEGACY, '2.政府网站在线访谈次数', '2. 政府网站 在线访谈次数'],
  [LEGACY, '3.政策解读稿件发布数', '3.政策解读稿件发布数（篇）'],
  [LEGACY, '4.微博微信回应事件数', '4.微博、微信回应事件数'],
  [LEGACY, '5.其他方式回应事件数', '5.其它方式回应事件数'],
  [LEGACY, '(一)收到申请数', '（一）收到申请数'],
  [LEGACY, '1.当面申请数', '1、当面申请数'],
  [LEGACY, '2.传真申请数', '2.传真申请数（件）'],
  [LEGACY, '3.网络申请数', '3．网络申请数'],
  [LEGACY, '4.信函申请数', '4、信函申请数'],
  [LEGACY, '(二)申请办结数', '二、申请办结数'],
  [LEGACY, '1.按时办结数', '（1）按时办结数'],
  [LEGACY, '2.延期办结数', '2、延期办结数'],
  [LEGACY, '(三)申请答复数', '(三) 申请答复数'],
  [LEGACY, '1.属于已主动公开范围数', '1.属于已主动公开范围数（件）'],
  [LEGACY, '2.同意公开答复数', '2、同意公开答复数'],
  [LEGACY, '3.同意部分公开答复数', '3.同意部分公开的答复数'],
  [LEGACY, '4.不同意公开答复数', '4.不同意公开的答复数'],
  [LEGACY, '其中:涉及国家秘密', '其中：涉及国家秘密'],
  [LEGACY, '涉及商业秘密', '涉及商业秘密的'],
  [LEGACY, '危及国家安全、公共安全、经济安全和社会稳定', '危及国家安全,公共安全,经济安全和社会稳定'],
  [LEGACY, '不是《条例》所指政府信息', '不是条例所指政府信息'],
  [LEGACY, '法律法规规定的其他情形', '法律法规规定的其他情况'],
  [LEGACY, '6.申请信息不存在数', '6、申请信息不存在数'],
  [LEGACY, '8.告知通过其他途径办理数', '8.告知通过其它途径办理数'],
  [LEGACY, '四、行政复议数量', '四、行政复议数'],
  [LEGACY, '(三)其他情形数', '(三)其他情况数'],
  [LEGACY, '五、行政诉讼数量', '五、行政诉讼数量（件）'],
  [LEGACY, '(一)维持具体行政行为或者驳回原告诉讼请求数', '(一)维持具体行政行为或驳回原告诉讼请求数'],
  [LEGACY, '六、举报投诉数量', '六、举报投诉数'],
  [LEGACY, '七、依申请公开信息收取的费用', '七、依申请公开信息收取的费用（万元）'],
  [LEGACY, '(一)政府信息公开工作专门机构数', '（一）政府信息公开工作专门机构数'],
  [LEGACY, '1.专职人员数(不包括政府公报及政府网站工作人员数)', '1.专职人员数'],
  [LEGACY, '2.兼职人员数', '2、兼职人员数'],
  [LEGACY, '(四)政府信息公开专项经费(不包括用于政府公报编 辑管理及政府网站建设维护等方面的经费)', '(四)政府信息公开专项经费'],
  [LEGACY, '(一)召开政府信息公开工作会议或专题会议数', '（一）召开政府信息公开工作会议或专题会议数'],
  [LEGACY, '(三)接受培训人员数', '(三)接受培训人员数（人次）'],
  [LEGACY, '统 计 指 标', '统计指标'],
  [NATIONAL, '一、本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数'],
  [NATIONAL, '二、上年结转政府信息公开申请数量', '二、上年结转政府信息公开申请数'],
  [NATIONAL, '（一）予以公开', '(一) 予以公开'],
  [NATIONAL, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '(二)部分公开'],
  [NATIONAL, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开（区分处理的，只计这一情况，不计其他情况）'],
  [NATIONAL, '3.危及“三安全一稳定”', '3.危及"三安全一稳定"'],
  [NATIONAL, '3.危及“三安全一稳定”', '3.危及三安全一稳定'],
  [NATIONAL, '5.属于三类内部事务信息', '5.属于三类内容事务信息'],
  [NATIONAL, '6.属于四类过程性信息', '6、属于四类过程性信息'],
  [NATIONAL, '1.本机关不掌握相关政府信息', '1.本机关不掌握相关的政府信息'],
  [NATIONAL, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请'],
  [NATIONAL, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用'],
  [NATIONAL, '（七）总计', '(七)合计'],
  [NATIONAL, '四、结转下年度继续办理', '四、结转下年度继续办理数'],
  [NATIONAL, '法律服务机构', '法律服务 机构'],
  [NATIONAL, '社会公益组织', '社会公益组织'],
  [NATIONAL, '行政事业性收费', '行政事业型收费'],
  [NATIONAL, '行政规范性文件', '规范性文件'],
  [NATIONAL, '本年收费金额（单位：万元）', '本年收费金额(万元)'],
  [NATIONAL, '本年制发件数', '本年制发数量'],
  [T4_ROWS, '行政诉讼（未经复议直接起诉）', '未经复议直接起诉'],
  [T4_ROWS, '行政诉讼（复议后起诉）', '行政诉讼-复议后起诉'],
];

function relabel(sheet: Sheet, from: string, to: string): number {
  let count = 0;
  for (const row of sheet.rows) {
    row?.forEach((cell) => {
      if (cell && cell.value === from) {
        cell.value = to;
        count++;
      }
    });
  }
  return count;
}

const cellsOf = (sheet: Sheet) => {
  const out: Record<string, string> = {};
  for (const t of analyzeWorkbook({ sheets: [sheet] }).tables) for (const [id, f] of Object.entries(t.figures)) out[id] = f.cell;
  return out;
};

describe('label variants from real workbooks', () => {
  it('holds at least 60 variants', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CORPUS.map(([build, from, to]) => [to, from, build] as const))('"%s" is read as "%s", every figure in its place', (to, from, build) => {
    const standard = build();
    const variant = build();
    expect(relabel(variant, from, to)).toBeGreaterThan(0);
    expect(cellsOf(variant)).toEqual(cellsOf(standard));
  });
});
