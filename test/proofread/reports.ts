import { FORMAT_NAMES, type ReportFigures } from '../../src/core';
import type { ReportFacts } from '../../src/core/narrative';
import type { FormatId } from '../../src/core/types';
import { figuresFrom, NATIONAL_SAMPLE, nationalValues, SEED_VALUES, type NationalSpec } from '../narrative/fixtures';

/** Report figures for proofreading tests: the seed's table, or a consistent 2021 table, with changes. */
export function reportOf(format: FormatId, values: Record<string, number>, facts: ReportFacts = {}): ReportFigures {
  return { format, formatName: FORMAT_NAMES[format], tables: [], figures: figuresFrom(format, values), facts };
}

export const seedReport = (changes: Record<string, number> = {}, facts: ReportFacts = {}) =>
  reportOf('legacy-2016', { ...SEED_VALUES, ...changes }, facts);

export const nationalReport = (spec: Partial<NationalSpec> = {}, facts: ReportFacts = {}) =>
  reportOf('national-2021', nationalValues({ ...NATIONAL_SAMPLE, ...spec }), facts);

/**
 * A 2023 report in the 2021 format, written as published reports are, whose every figure agrees with
 * `nationalReport()` (NATIONAL_SAMPLE): the six parts, with text under each.
 */
export const NATIONAL_TEXT = [
  '某县人民政府办公室2023年政府信息公开工作年度报告',
  '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
  '一、总体情况',
  '2023年，本机关深入贯彻落实《条例》，围绕2023年政务公开工作要点，扎实推进政府信息公开工作。',
  '（一）主动公开',
  '全年制发行政规范性文件3件、废止1件，现行有效行政规范性文件26件。较2022年，主动公开的政策文件数量有所增加。',
  '（二）依申请公开',
  '2023年，本机关共受理政府信息公开申请52件（含上年结转2件），其中新收政府信息公开申请50件。本年度办理结果总计49件，其中予以公开21件，部分公开6件，不予公开4件，无法提供11件，不予处理4件，其他处理3件。结转下年度继续办理3件。',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '全年，本机关因政府信息公开被申请行政复议4件，被提起行政诉讼3件。',
  '五、存在的主要问题及改进情况',
  '2022年度报告中指出的答复不够规范的问题，已通过制定答复模板整改。本年度仍存在信息发布不够及时的问题。2024年，本机关将进一步加强政府信息公开工作。',
  '六、其他需要报告的事项',
  '本年度未收取信息处理费。本年度无其他需要报告的事项。',
].join('\n');
