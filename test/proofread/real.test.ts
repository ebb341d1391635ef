import type { ReportFigures } from '../../src/core';
import { proofreadText, proofreadTextAlone } from '../../src/core/proofread';
import type { FormatId } from '../../src/core/types';
import { indicatorsOf } from '../narrative/fixtures';
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

/** A complete 2021 table as the pingtan keys give it: every figure 0 but those listed. */
function pingtan(year: number, nonZero: Record<string, number>): ReportFigures {
  const values: Record<string, number> = {};
  for (const spec of indicatorsOf('national-2021')) values[spec.id] = 0;
  return reportOf('national-2021', { ...values, ...nonZero }, { reportYear: year });
}

const PINGTAN_2022 = () =>
  pingtan(2022, {
    't2.normativeDocs.issued': 88, 't2.normativeDocs.repealed': 55, 't2.normativeDocs.inForce': 698, 't2.licensing': 10690, 't2.punishment': 2113, 't2.fees': 9116.36,
    't3.newApplications.natural': 71, 't3.newApplications.business': 3, 't3.newApplications.total': 74, 't3.carriedOver.natural': 1, 't3.carriedOver.total': 1,
    't3.granted.natural': 21, 't3.granted.total': 21, 't3.partial.natural': 8, 't3.partial.business': 1, 't3.partial.total': 9,
    't3.deniedInternalAffairs.natural': 1, 't3.deniedInternalAffairs.total': 1, 't3.deniedProcessInfo.natural': 2, 't3.deniedProcessInfo.total': 2,
    't3.deniedEnforcementFile.natural': 1, 't3.deniedEnforcementFile.total': 1, 't3.unableNotHeld.natural': 37, 't3.unableNotHeld.total': 37,
    't3.otherNoAmendment.natural': 2, 't3.otherNoAmendment.total': 2, 't3.otherOther.business': 2, 't3.otherOther.total': 2,
    't3.total.natural': 72, 't3.total.business': 3, 't3.total.total': 75,
    't4.review.corrected': 1, 't4.review.other': 1, 't4.review.total': 2, 't4.litigationDirect.upheld': 1, 't4.litigationDirect.total': 1,
  });

const PINGTAN_2023 = () =>
  pingtan(2023, {
    't2.normativeDocs.issued': 77, 't2.normativeDocs.repealed': 132, 't2.normativeDocs.inForce': 470, 't2.licensing': 2629, 't2.punishment': 1330, 't2.coercion': 54, 't2.fees': 5949.088667,
    't3.newApplications.natural': 80, 't3.newApplications.business': 1, 't3.newApplications.total': 81,
    't3.granted.natural': 22, 't3.granted.total': 22, 't3.partial.natural': 19, 't3.partial.business': 1, 't3.partial.total': 20,
    't3.deniedThirdParty.natural': 1, 't3.deniedThirdParty.total': 1, 't3.deniedProcessInfo.natural': 1, 't3.deniedProcessInfo.total': 1,
    't3.deniedEnforcementFile.natural': 1, 't3.deniedEnforcementFile.total': 1, 't3.deniedQueryMatter.natural': 2, 't3.deniedQueryMatter.total': 2,
    't3.unableNotHeld.natural': 31, 't3.unableNotHeld.total': 31, 't3.notProcessedRepeat.natural': 1, 't3.notProcessedRepeat.total': 1,
    't3.otherNoAmendment.natural': 1, 't3.otherNoAmendment.total': 1, 't3.otherOther.natural': 1, 't3.otherOther.total': 1,
    't3.total.natural': 80, 't3.total.business': 1, 't3.total.total': 81,
    't4.review.upheld': 1, 't4.review.corrected': 1, 't4.review.total': 2, 't4.litigationDirect.upheld': 4, 't4.litigationDirect.pending': 1, 't4.litigationDirect.total': 5,
    't4.litigationAfterReview.upheld': 1, 't4.litigationAfterReview.other': 1, 't4.litigationAfterReview.total': 2,
  });

interface Case {
  file: string;
  sentence: string;
  /** What the key says; for a contradiction, the rule that must catch it. */
  verdict: 'consistent' | `contradiction:${string}`;
}

/** 2022- and 2023-city-pingtan.html (complete reports), against their own tables. */
const PINGTAN: (Case & { table: () => ReportFigures })[] = [
  { file: 'pingtan 2022', table: PINGTAN_2022, verdict: 'contradiction:proofread.count-mismatch', sentence: '2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，均在法定期限内予以答复，办结率100%。' },
  { file: 'pingtan 2022', table: PINGTAN_2022, verdict: 'consistent', sentence: '集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。' },
  { file: 'pingtan 2022', table: PINGTAN_2022, verdict: 'consistent', sentence: '2022年，全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件，均已结案。' },
  { file: 'pingtan 2022', table: PINGTAN_2022, verdict: 'consistent', sentence: '2022年，无收取信息处理费情况。' },
  { file: 'pingtan 2023', table: PINGTAN_2023, verdict: 'contradiction:proofread.count-mismatch', sentence: '按照省政府办公厅相关工作要求设立规范性文件库，清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。' },
  { file: 'pingtan 2023', table: PINGTAN_2023, verdict: 'contradiction:proofread.enumeration-number', sentence: '存在的问题主要有以下几个方面：一是部分单位信息发布属性界定还不够精确，部分栏目存在信息噪音；三是开拓创新不够有力，实验区政务公开工作特色打造、亮点挖掘还不够；三是政策解读的质量有待提高，形式还要更加多样、更加“接地气”。' },
  { file: 'pingtan 2023', table: PINGTAN_2023, verdict: 'consistent', sentence: '办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；无法提供31件，占38.27%；不予处理1件，占1.23%；其他处理2件，占2.47%。' },
  { file: 'pingtan 2023', table: PINGTAN_2023, verdict: 'consistent', sentence: '2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。' },
  { file: 'pingtan 2023', table: PINGTAN_2023, verdict: 'consistent', sentence: '全年开展季度通报3次、月通报7次。' },
];

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
  { file: 'pingtan', year: 2016, format: 'legacy-2016', verdict: 'consistent', sentence: '2016年全区主动公开政府信息3460条。其中，区管委会及区直各部门主动公开政府信息1822条，占53%。各乡镇主动公开政府信息1638条，占47%。' },
  { file: 'pingtan', year: 2016, format: 'legacy-2016', verdict: 'consistent', sentence: '在报告中，分别对财政收支基本情况、预算执行主要特点、2017年财政形势展望及工作重点等进行了说明。' },
  { file: 'pingtan', year: 2017, format: 'legacy-2016', verdict: 'consistent', sentence: '财政资金信息今年共发布348条信息，其中政府预决算公开19条、部门预决算公开224条、“三公”经费20条、专项资金84条、债券发行1条。' },
  { file: 'pingtan', year: 2018, format: 'legacy-2016', verdict: 'consistent', sentence: '我区各部门共开设新媒体数量70个。其中微博29个，共发布信息1992条；微信公众号41个，共发布信息3404条。' },
  { file: 'pingtan', year: 2018, format: 'legacy-2016', verdict: 'consistent', sentence: '截至目前共收到15564件咨询投诉件，已办结15042件。' },
  { file: 'pingtan', year: 2016, format: 'legacy-2016', verdict: 'consistent', sentence: '2016年，我区各工作部门主动公开政府信息的主要类别有：机构职能类信息612条，政策、规范性文件类信息223条，规划计划类信息59条，行政许可类信息39条，重大建设项目、为民办实事类信息272条，国土资源、城乡建设、环保能类101条，科教文体卫生类信息132条，安全生产、应急管理类信息226条，其他应主动公开的信息1796条。' },
  { file: 'pingtan', year: 2016, format: 'legacy-2016', verdict: 'consistent', sentence: '本报告由概述、主动公开政府信息情况、政府信息依申请公开工作情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议、提起行政诉讼的情况、政府信息公开工作存在的主要问题及改进情况和政府信息公开情况统计表共七个部分组成。' },
  { file: 'pingtan', year: 2017, format: 'legacy-2016', verdict: 'consistent', sentence: '截止目前，共发布467条信息，其中环境监管信息公开54条、环境违法曝光台43条、空气质量预测预报322条、排污单位信息公开5条、饮用水水源水质监测8条、建设单位环评信息公开30条、环境政策措施5条。' },
  { file: 'pingtan', year: 2017, format: 'legacy-2016', verdict: 'consistent', sentence: '2017年，我办主动公开政府信息的主要类别有：机构职能类信息205条，政策、规范性文件类信息95条，规划计划类信息19条，财政预决算类信息32条，行政事业性收费信息2条，政府集中采购项目类信息7条，行政许可类信息15条，重大建设项目131条，扶贫、教育、医疗、社会保障、促进就业类信息21条，应急管理类信息12条，环保、公共卫生、安全生产、食品药品、产品质量类信息276条，城乡建设和管理的重大事项类信息20条，社会公益事业建设类信息6条，征收或征用土地类信息99条，民政扶贫救灾社会保障就业类信息21条，其他信息1161条。' },
  { file: 'pingtan', year: 2017, format: 'legacy-2016', verdict: 'consistent', sentence: '本报告由概述、主动公开政府信息情况、政府信息依申请公开办理情况、因政府信息公开申请行政复议、提起行政诉讼的情况、政府信息公开工作存在的主要问题及改进措施和政府信息公开情况统计表共六个部分组成。' },
  { file: 'pingtan', year: 2018, format: 'legacy-2016', verdict: 'consistent', sentence: '2018年，我区主动公开政府信息的主要类别有：机构职能类信息211条，政策、规范性文件类信息82条，规划计划类信息15条，财政预决算类信息35条，行政事业性收费信息3条，政府集中采购项目类信息55条，行政许可类信息13条，重大建设项目129条，扶贫、教育、医疗、社会保障、促进就业类信息52条，应急管理类信息15条，环保、公共卫生、安全生产、食品药品、产品质量类信息281条，城乡建设和管理的重大事项类信息23条，社会公益事业建设类信息5条，征收或征用土地类信息89条，民政扶贫救灾社会保障就业类信息32条，其他信息1029条。' },
  { file: 'pingtan', year: 2019, format: 'national-2019', verdict: 'contradiction:proofread.parts-sum', sentence: '今年，我区政府信息公开单位共公布政府信息2599条，(其中机构职能类信息25条，政策、规范性文件类信息68条，规划计划类信息28条，行政许可类信息69条，重大建设项目信息90条，为民办实事类信息175条，民政扶贫救灾社会保障就业类信息67条，国土资源城乡建设环保能源类信息983条，科教文体卫生类信息48条，安全生产、应急管理类信息124条，其他应主动公开政府信息856条)。' },
  { file: 'pingtan', year: 2019, format: 'national-2019', verdict: 'consistent', sentence: '今年共发布380条财政资金信息，其中专项资金152条，预决算公开197条（政府预决算32条、部门预决算公开165条）、“三公”经费27条、债券发行4条。' },
  { file: 'pingtan', year: 2019, format: 'national-2019', verdict: 'consistent', sentence: '《提前下达2020年省级农机购置补贴资金的通知》' },
  { file: 'pingtan', year: 2020, format: 'national-2019', verdict: 'contradiction:proofread.parts-sum', sentence: '全年我区政府信息公开单位共公布政府信息2602条(其中机构职能类信息82条，政策、规范性文件类信息80条，规划计划类信息21条，行政许可类信息40条，重大建设项目信息390条，为民办实事类信息69条，民政扶贫救灾社会保障就业类信息143条，国土资源城乡建设环保能源类信息208条，科教文体卫生类信息246条，安全生产、应急管理类信息271条，其他应主动公开政府信息1053条)。' },
  { file: 'pingtan', year: 2020, format: 'national-2019', verdict: 'consistent', sentence: '收到群众诉求348件，现场解决162件，跟进解决186件，办结率100%。' },
  { file: 'pingtan', year: 2020, format: 'national-2019', verdict: 'consistent', sentence: '公开2020年政府预算、2019年政府决算。' },
  { file: 'pingtan', year: 2025, format: 'national-2021', verdict: 'consistent', sentence: '2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。' },
  { file: 'pingtan', year: 2025, format: 'national-2021', verdict: 'consistent', sentence: '累计主动公开政府信息7700余条，公开科技创新、营商环境、重大项目、民生保障等重点领域信息2000余条，通过“平潭发布”公众号发布信息672条。' },
  { file: 'jinanqu', year: 2016, format: 'legacy-2016', verdict: 'consistent', sentence: '本报告全文包括概述、主动公开政府信息情况、政府信息依申请公开办理情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议和提起行政诉讼的情况、政府信息公开工作存在的主要问题及改进措施、需要说明的事项与附表共七部分。' },
  { file: 'pingtan', year: 2020, format: 'national-2019', verdict: 'contradiction:proofread.parts-sum', sentence: '全年我区政府信息公开单位共公布政府信息2602条(其中机构职能类信息82条，政策、规范性文件类信息80条，规划计划类信息21条，行政许可类信息40条，重大建设项目信息390条，为民办实事类信息69条，民政扶贫救灾社会保障就业类信息143条，国土资源城乡建设环保能源类信息208条，科教文体卫生类信息60条，安全生产、应急管理类信息93条，其他应主动公开政府信息1417条)。' },
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

describe('pingtan 2022 and 2023: against their own tables', () => {
  test.each(PINGTAN.map((c) => [c.file, c.verdict, c.sentence, c.table]))('%s %s: %s', (_, verdict, sentence, table) => {
    const rules = proofreadText(sentence as string, (table as () => ReportFigures)()).findings.map((f) => f.rule);
    if (verdict === 'consistent') expect(rules).toEqual([]);
    else expect(rules).toContain(rulesOf(verdict as Case['verdict'])[0]);
  });

  test('2022: 收到 is this year\'s 新收 (74, 自然人 71), not (七)总计 with the carried-over application', () => {
    const sentence = PINGTAN[0].sentence;
    const findings = proofreadText(sentence, PINGTAN_2022()).findings;
    expect(findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([
      ['proofread.count-mismatch', 74, 75],
      ['proofread.count-mismatch', 71, 72],
    ]);
    // Said to include it, 75 is right.
    const including = sentence.replace('申请75件', '申请75件（含上年结转1件）');
    expect(proofreadText(including, PINGTAN_2022()).findings.map((f) => f.actual)).toEqual([72]);
  });
});

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

test('shanghai-bgt: "答复…申请805件" is compared with (七)总计, "上年度结转申请18件" with 上年结转', () => {
  const sentence = '答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。';
  expect(proofreadText(sentence, shanghai())).toMatchObject({ findings: [], checked: 2 });
  expect(proofreadText(sentence.replace('805件', '806件'), shanghai()).findings.map((f) => [f.rule, f.expected])).toEqual([['proofread.count-mismatch', 805]]);
});
