import type { ReportFigures } from '../../src/core';
import { proofreadText, proofreadTextAlone } from '../../src/core/proofread';
import type { FormatId } from '../../src/core/types';
import { reportOf } from './reports';

/**
 * The narrative entries of the real-report corpus's answer keys (test/fixtures/real/*.key.json, issue 10),
 * copied here so that these tests stand on their own: every contradiction is caught and every sentence
 * marked consistent passes, with the table the key gives or, for narrative-only captures, none.
 *
 * Not caught, by design (see the report of issue 10's proofreading work): 2022-county-dept-gangu-scjgj,
 * "报送工作信息96条,其中中国质量新闻网发布18条,…其他媒体平台转发5条" (parts 250): every part is an outlet
 * that used the submitted items, and one item used by several outlets is counted by each, so outlets
 * may add up to more than the items (as channels do in the legacy table).
 */

const APPLICANT = ['natural', 'business', 'research', 'publicInterest', 'legalService', 'other', 'total'];
const APPEAL = ['upheld', 'corrected', 'other', 'pending', 'total'];

/** 2019-province-dept-shanghai-bgt.html, tables 三 and 四 as published (null: a blank cell, the 总计 of every outcome row). */
const SHANGHAI_2019: Record<string, (number | null)[]> = {
  't3.newApplications': [821, 35, null, null, 2, 1, 859],
  't3.carriedOver': [18, null, null, null, null, null, 18],
  't3.granted': [258, 12, null, null, 1, 1, null],
  't3.partial': [3, null, null, null, null, null, null],
  't3.deniedStateSecret': [14, null, null, null, null, null, null],
  't3.deniedLawForbidden': [null, null, null, null, null, null, null],
  't3.deniedSafetyStability': [null, null, null, null, null, null, null],
  't3.deniedThirdParty': [null, null, null, null, null, null, null],
  't3.deniedInternalAffairs': [5, null, null, null, null, null, null],
  't3.deniedProcessInfo': [3, 1, null, null, null, null, null],
  't3.deniedEnforcementFile': [null, null, null, null, null, null, null],
  't3.deniedQueryMatter': [10, 2, null, null, null, null, null],
  't3.unableNotHeld': [252, 12, null, null, 1, null, null],
  't3.unableNeedsCreation': [44, 3, null, null, null, null, null],
  't3.unableUnclear': [25, null, null, null, null, null, null],
  't3.notProcessedComplaint': [148, 1, null, null, null, null, null],
  't3.notProcessedRepeat': [5, 4, null, null, null, null, null],
  't3.notProcessedPublication': [null, null, null, null, null, null, null],
  't3.notProcessedMassRepeat': [null, null, null, null, null, null, null],
  't3.notProcessedConfirm': [null, null, null, null, null, null, null],
  't3.otherHandling': [null, null, null, null, null, null, null],
  't3.total': [767, 35, null, null, 2, 1, 805],
  't3.carryForward': [72, null, null, null, null, null, 72],
  't4.review': [5, null, null, 2, 7],
  't4.litigationDirect': [8, null, null, 1, 9],
  't4.litigationAfterReview': [null, null, null, null, null],
};

function shanghai(): ReportFigures {
  const values: Record<string, number | null> = {};
  for (const [row, cells] of Object.entries(SHANGHAI_2019)) {
    const columns = row.startsWith('t4') ? APPEAL : APPLICANT;
    cells.forEach((v, i) => (values[`${row}.${columns[i]}`] = v));
  }
  return reportOf('national-2019', values as Record<string, number>, { reportYear: 2019 });
}

interface Case {
  file: string;
  sentence: string;
  /** What the key says; for a contradiction, the rule that must catch it. */
  verdict: 'consistent' | `contradiction:${string}`;
}

/** Against shanghai-bgt's own tables (a complete report). */
const WITH_TABLE: Case[] = [
  { file: 'shanghai-bgt', sentence: '予以公开及部分公开258件，占33.9%；', verdict: 'contradiction:proofread.count-mismatch' },
  { file: 'shanghai-bgt', sentence: '因本机关不掌握等原因无法提供265件，占32.9%；', verdict: 'contradiction:proofread.subitem-as-total' },
  { file: 'shanghai-bgt', sentence: '信息公开类行政复议7件，诉讼9件，均获维持，继续保持了省级政府零败诉的记录。', verdict: 'contradiction:proofread.all-contradicted' },
  { file: 'shanghai-bgt', sentence: '市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；', verdict: 'consistent' },
  { file: 'shanghai-bgt', sentence: '答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。', verdict: 'consistent' },
  { file: 'shanghai-bgt', sentence: '不予公开35件，占4.34%；', verdict: 'consistent' },
  { file: 'shanghai-bgt', sentence: '不予处理158件，占19.6%；', verdict: 'consistent' },
  { file: 'shanghai-bgt', sentence: '其他处理0件。', verdict: 'consistent' },
];

/**
 * Narrative-only captures: the text's own arithmetic, years and parts. Without a table the format follows
 * the year (xizhen and yanglinzhen kept the 2019 tables after 2020, which only their tables show).
 */
const TEXT_ALONE: (Case & { year: number; format: FormatId })[] = [
  { file: 'jinanqu', year: 2016, format: 'legacy-2016', verdict: 'consistent', sentence: '本报告全文包括概述、主动公开政府信息情况、政府信息依申请公开办理情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议和提起行政诉讼的情况、政府信息公开工作存在的主要问题及改进措施、需要说明的事项与附表共七部分。' },
  { file: 'jinanqu', year: 2016, format: 'legacy-2016', verdict: 'consistent', sentence: '本报告统计数据从2016年1月1日至2016年12月31日止。' },
  { file: 'jinanqu', year: 2016, format: 'legacy-2016', verdict: 'consistent', sentence: '时间:2017-01-12 10:01' },
  { file: 'suqian', year: 2017, format: 'legacy-2016', verdict: 'consistent', sentence: '本报告所列数据的统计期限为201711日至20171231日。' },
  { file: 'suqian', year: 2017, format: 'legacy-2016', verdict: 'consistent', sentence: '(中办发﹝20168号)' },
  { file: 'suqian', year: 2017, format: 'legacy-2016', verdict: 'consistent', sentence: '发文日期 2018-02-26' },
  { file: 'tljq-xiang', year: 2017, format: 'legacy-2016', verdict: 'consistent', sentence: '2017年,主动公开政府工作信息、动态755多条。' },
  { file: 'tljq-xiang', year: 2017, format: 'legacy-2016', verdict: 'consistent', sentence: '2017年我办对信息公开免费提供,未收取任何费用。' },
  { file: 'sanxixiang', year: 2018, format: 'legacy-2016', verdict: 'consistent', sentence: '(一)主动公开政府信息的数量:2018年度我乡共主动公开政府信息(公文平台发文)113条,政府网站公开信息数71条,政务微信公开数63条。' },
  { file: 'sanxixiang', year: 2018, format: 'legacy-2016', verdict: 'consistent', sentence: '报告包括概述,主动公开情况,依申请公开和不予公开情况,政务公开的收费及减免情况,因政务公开申请行政复议、提起行政诉讼的情况,政务公开工作存在的主要问题及改进情况,其他需要报告的事项等7个部分。' },
  { file: 'suanxiang', year: 2018, format: 'legacy-2016', verdict: 'contradiction:proofread.parts-sum', sentence: '截止2018年12月底,我乡主动公开政府信息2873条, 其中,通过政府网站公开政府信息1600条;利用微信公众号公开政府信息450条;利用宣传车公开栏等方式公开各类政府信息453条。' },
  { file: 'suanxiang', year: 2018, format: 'legacy-2016', verdict: 'consistent', sentence: '1、政府网站。通过政府门户网站公开信息1600条。' },
  { file: 'xiaogan-yjs', year: 2019, format: 'national-2019', verdict: 'consistent', sentence: '经信息汇总梳理,2019年孝感市政府研究室主动公开信息16条,收到依申请公开请求2件,按时办结2件,上传《孝感市人民政府公报》3期(因机构改革,编辑公报职能划入市政府办公室)、《发展研究》5期。' },
  { file: 'xiaogan-yjs', year: 2019, format: 'national-2019', verdict: 'consistent', sentence: '本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。' },
  { file: 'yynanhu', year: 2019, format: 'national-2019', verdict: 'consistent', sentence: '全年我局主动公开信息25条。' },
  { file: 'xiongxian-xiang', year: 2019, format: 'national-2019', verdict: 'consistent', sentence: '2019年,我乡明确专人负责政务内网及政务公开工作,以服务群众、贴近群众为着力点,较好地完成了政府网和政务信息公开、编制报送信息等工作。' },
  { file: 'xiaogan-szfbgs', year: 2020, format: 'national-2019', verdict: 'consistent', sentence: '全年公开以市政府和市政府办公室名义印发的文件58件,其中通过文字、图解、领导解读、召开新闻发布的形式解读文件32件。' },
  { file: 'xiaogan-szfbgs', year: 2020, format: 'national-2019', verdict: 'consistent', sentence: '本报告中所列数据的统计时间为2020年1月1日至2020年12月31日。' },
  { file: 'ningqiang', year: 2021, format: 'national-2021', verdict: 'consistent', sentence: '报告中所列数据的统计期限自202111日起至20211231日止。' },
  { file: 'shanxi-wsb', year: 2021, format: 'national-2021', verdict: 'consistent', sentence: '本年度报告中所列数据统计期限从2021年1月1日到12月31日止。' },
  { file: 'shanxi-wsb', year: 2021, format: 'national-2021', verdict: 'consistent', sentence: '(国办公开办函〔2019〕60号)' },
  { file: 'gangu', year: 2022, format: 'national-2021', verdict: 'consistent', sentence: '2022年,县市场监督管理局在政府门户网站上共发布公开各类政务信息62条,其中政务动态34条,公示公告13条,草案征集5条,政策文件5条,政策解读5条。' },
  { file: 'huanglong', year: 2022, format: 'national-2021', verdict: 'contradiction:proofread.parts-sum', sentence: '主动向广大群众公开食品、药品安全、特种设备安全、质量安全、知识产权保护、放心消费创建等信息312条。其中,政府网站动态84条,公告公示31条,省级媒体发布信息21条,市级媒体发布信息68条。' },
  { file: 'huanglong', year: 2022, format: 'national-2021', verdict: 'consistent', sentence: '本年度未收到和处理政府信息公开申请事件。' },
  { file: 'shanghai', year: 2022, format: 'national-2021', verdict: 'consistent', sentence: '主动公开市政府规章13件(含新制定5件,修改4件,废止4件)。' },
  { file: 'shanghai', year: 2022, format: 'national-2021', verdict: 'consistent', sentence: '全年共举办191场市政府新闻发布活动。' },
  { file: 'cqsdj-zhen', year: 2022, format: 'national-2021', verdict: 'consistent', sentence: '全年主动公开政府信息总数171条:基层政务公开领域信息124条,工作动态34条,预算决算4条,应急预案3条,政策文件2条,其他政府信息4条。' },
  { file: 'songmutangzhen', year: 2022, format: 'national-2021', verdict: 'consistent', sentence: '2022年,主动公开政府信息32条,包括领导信息类1条、机构职能类2条、内设机构类1条、工作动态类6条、规章制度类2条、规范性文件类2条、整体规划类1条、工作计划类1条、人事任命类1条、人才管理类1条、财政预决算类3条、三公经费类1条、处罚强制类9条、2021年信息公开年报1条。' },
  { file: 'taipingzhen', year: 2022, format: 'national-2021', verdict: 'consistent', sentence: '(国办公开办函〔2019〕60号)' },
  { file: 'xintianzhen', year: 2022, format: 'national-2021', verdict: 'contradiction:proofread.parts-sum', sentence: '全年主动公开政务信息382条,包括政府网站35条,新华社、新甘肃、今日定西、每日头条等媒体上发布信息80条,“临洮县新添镇”微信公众号2443条。' },
  { file: 'xintianzhen', year: 2022, format: 'national-2021', verdict: 'consistent', sentence: '本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。' },
  { file: 'xizhen', year: 2022, format: 'national-2021', verdict: 'consistent', sentence: '主动公开政务文件11份,开展政策解读活动15次。' },
  { file: 'abaga', year: 2023, format: 'national-2021', verdict: 'consistent', sentence: '2023年通过“阿巴嘎旗人民政府”门户网站累计公开政府信息105条,其中发布通知公告92条,发布土地信息13条。' },
  { file: 'abaga', year: 2023, format: 'national-2021', verdict: 'consistent', sentence: '2023年无公文解读情况,未印发行政规范性文件。' },
  { file: 'abaga', year: 2023, format: 'national-2021', verdict: 'consistent', sentence: '2023年收到政府信息公开申请1件,为本机关不掌握的政府信息。' },
  { file: 'mianxian', year: 2023, format: 'national-2021', verdict: 'contradiction:proofread.parts-sum', sentence: '2023年,全县通过县政府网站主动公开政府信息4042条,其中县政府门户网站概况类信息和政务动态信息共计1495条,信息公开栏公开信息2918条。' },
  { file: 'mianxian', year: 2023, format: 'national-2021', verdict: 'consistent', sentence: '新媒体发布信息1150条(“勉县发布”官方微博1000条,“勉县政务”微信公众号150条)。' },
  { file: 'mianxian', year: 2023, format: 'national-2021', verdict: 'consistent', sentence: '全年共收到政府信息公开申请10件,其中9件为网上申请,1件为书面申请,均严格按照相关规定在法定期限内依法办结,未引起行政复议和行政诉讼情形。' },
  { file: 'guanzhoujiedao', year: 2023, format: 'national-2021', verdict: 'consistent', sentence: '2023年,通过政府门户网站,主动公开政府信息63条,其中,组织机构类信息16条,动态类信息36条,本级及下属事业单位预决算信息5条,工作报告信息1条,其他信息5条。' },
  { file: 'houqiaojiedao', year: 2023, format: 'national-2021', verdict: 'contradiction:proofread.preface-parts', sentence: '全文包括(一)总体情况;(二)主动公开政府信息情况;(三)收到和处理政府信息公开申请情况;(四)政府信息公开行政复议、行政诉讼情况;(五)存在的主要问题及改进情况。' },
  { file: 'houqiaojiedao', year: 2023, format: 'national-2021', verdict: 'consistent', sentence: '全年主动公开信息42条,其中工作动态信息28条,通知公告7条,其他各类信息7条。' },
  { file: 'houqiaojiedao', year: 2023, format: 'national-2021', verdict: 'consistent', sentence: '2023年度厚桥街道收到政府信息公开申请一件,已办理完毕。' },
  { file: 'xjnlk-zhen', year: 2023, format: 'national-2021', verdict: 'consistent', sentence: '主要从总体情况,主动公开政府信息情况,收到和处理政府信息公开申请情况,政府信息公开行政复议、行政诉讼情况,存在的主要问题及改进情况及其他需要报告的事项等六个方面汇报我镇2023年政府信息公开工作。' },
  { file: 'yanglinzhen', year: 2023, format: 'national-2021', verdict: 'consistent', sentence: '本年度报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。' },
  { file: 'yanglinzhen', year: 2023, format: 'national-2021', verdict: 'consistent', sentence: '(2024年3 月 26日)' },
  { file: 'xianning-sjj', year: 2024, format: 'national-2021', verdict: 'consistent', sentence: '2024年主动公开政府信息698条,其中政务动态信息407条(工作动态287条,专题专栏信息106条,通知公告14条),政府信息公开信息155条,互动交流和网上服务类信息19条,综合文苑信息117条。' },
  { file: 'xianning-sjj', year: 2024, format: 'national-2021', verdict: 'consistent', sentence: '本年度开展咸宁市审计局网站满意度测评1次,参与测评人数满意度为100%。' },
  { file: 'xiaogan', year: 2024, format: 'national-2021', verdict: 'consistent', sentence: '全年共办理政府信息公开依申请1022件(含上年结转14件),按时办结987件,结转下年度继续办理35件。' },
  { file: 'xiaogan', year: 2024, format: 'national-2021', verdict: 'consistent', sentence: '发布日期:2025-03-10' },
  { file: 'qiyang', year: 2024, format: 'national-2021', verdict: 'consistent', sentence: '全年共受理依申请公开事项133件,均按照规定程序和时限进行了妥善处理。其中,予以公开46件,部分公开22件,不予公开15件,无法提供27件,不予处理0件,逾期未补正2件,其他处理5件,结转下年度继续办理16件。' },
  { file: 'daye', year: 2025, format: 'national-2021', verdict: 'consistent', sentence: '2025年,我局共受理依申请公开9件,具体为土地征收类6件,土地出让类1件,矿业权规划1件,城市规划1件。' },
  { file: 'daye', year: 2025, format: 'national-2021', verdict: 'consistent', sentence: '9件申请均在法定期限内予以回复,回复率达到100% 。' },
  { file: 'tianmen', year: 2025, format: 'national-2021', verdict: 'consistent', sentence: '2025年,共制发行政规范性文件6个,废止行政规范性文件6个。' },
  { file: 'tianmen', year: 2025, format: 'national-2021', verdict: 'consistent', sentence: '全年主动公开政府信息124条,其中政府文件和解读信息21条、政务督查信息45条、财政资金信息10条、政府工作报告1条、政府公报4条、政府会议20条,其他23条。' },
  { file: 'tianmen', year: 2025, format: 'national-2021', verdict: 'consistent', sentence: '通过市政府门户网站等渠道主动公开以市政府或市政府办公室名义印发的文件,市政府办公室2024年部门决算和2025年部门预算等信息。' },
];

const rulesOf = (verdict: Case['verdict']) => (verdict === 'consistent' ? [] : [verdict.slice('contradiction:'.length)]);

describe('shanghai-bgt (2019 format, its 总计 column blank): against its own tables', () => {
  test.each(WITH_TABLE.map((c) => [c.verdict, c.sentence]))('%s: %s', (verdict, sentence) => {
    const rules = proofreadText(sentence, shanghai()).findings.map((f) => f.rule);
    if (verdict === 'consistent') expect(rules).toEqual([]);
    else expect(rules).toContain(rulesOf(verdict as Case['verdict'])[0]);
  });

  test('the three contradictions and their explanations', () => {
    const text = WITH_TABLE.map((c) => c.sentence).join('');
    const { findings } = proofreadText(text, shanghai());
    const messages = findings.map((f) => f.message);
    expect(findings.map((f) => f.rule)).toEqual(['proofread.count-mismatch', 'proofread.share-mismatch', 'proofread.subitem-as-total', 'proofread.all-contradicted']);
    expect(messages[0]).toContain('予以公开及部分公开合计为275件（表中未填，按各分项之和计算');
    expect(messages[1]).toContain('805件的34.2%');
    expect(messages[2]).toContain('265件是表三“本机关不掌握相关政府信息”一项的数字，不是无法提供合计');
    expect(messages[2]).toContain('无法提供合计为337件');
    expect(messages[3]).toContain('表四“行政复议”（尚未审结）为2件');
  });
});

describe('narrative-only captures: what the text says of itself', () => {
  test.each(TEXT_ALONE.map((c) => [c.file, c.verdict, c.sentence, c.year, c.format]))('%s %s: %s', (_, verdict, sentence, year, format) => {
    const result = proofreadTextAlone(sentence as string, { reportYear: year as number });
    expect(result.format).toBe(format);
    expect(result.findings.map((f) => f.rule)).toEqual(rulesOf(verdict as Case['verdict']));
  });
});

test('shanghai-bgt: "答复…申请805件" is compared with (七)总计', () => {
  const sentence = '答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。';
  expect(proofreadText(sentence, shanghai())).toMatchObject({ findings: [], checked: 1 });
  expect(proofreadText(sentence.replace('805件', '806件'), shanghai()).findings.map((f) => [f.rule, f.expected])).toEqual([['proofread.count-mismatch', 805]]);
});
