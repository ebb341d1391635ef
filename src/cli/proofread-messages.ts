import { describeCells, type ProofFinding, type Repetition, SEVERITY_NAMES } from '../core';

/** Repeated passages listed under the summary; the rest are counted (all of them are in --json). */
const PASSAGES_LISTED = 10;

/** What `nianbao proofread` says to people. */
export const proofreadMessages = {
  usage: '用法：nianbao proofread <报告.docx|.html|.txt> [--table <统计表文件>] [--previous <上年报告>] [--json]',
  badOptions: (detail: string) => `参数有误：${detail}`,
  oneFile: '请指定一份报告（.docx 文档、.html 网页或 .txt/.md 文本）。',
  noText: (file: string) => `${file} 不是一份报告的文字（它是工作簿）：请指定报告文件，并用 --table 指定统计表。`,
  noTable: (file: string) => `在 ${file} 中没有识别出统计表，无法核对文中数字。可用 --table 指定统计表文件。`,
  severalReports: (count: number, formatName: string) => `统计表中识别出${count}份报告，按第一份（${formatName}）核对。`,
  header: (file: string, table: string, formatName: string) => `报告：${file}\n统计表：${table}（${formatName}）`,
  headerAlone: (file: string) => `报告：${file}\n统计表：无（只核对文字本身）`,
  textAlone: (file: string) =>
    `在 ${file} 中没有识别出统计表：只核对文字本身（所列各项之和、年份、组成部分、收费说法），文中数字未与统计表核对。可用 --table 指定统计表文件。`,
  allGoodAlone: '文字本身未发现问题；文中数字未与统计表核对。',
  finding: (f: ProofFinding) => `  [${SEVERITY_NAMES[f.severity]}] ${f.message}`,
  where: (f: ProofFinding) => (f.paragraph >= 0 ? `      第${f.paragraph + 1}段：${f.excerpt}` : ''),
  previousNotText: (file: string) => `${file} 不是一份报告的文字（它是工作簿）：--previous 请指定上年报告的 .docx、.html 或 .txt 文件。`,
  repeated: (r: Repetition): string[] => [
    `  与上年报告相同的句子：${r.sentences}句（共比较${r.considered}句，占${(r.share * 100).toFixed(0)}%；标题、短句和报告说明不计）。`,
    ...r.passages.slice(0, PASSAGES_LISTED).map((p) => `      第${p.paragraph + 1}段：${p.text}`),
    ...(r.passages.length > PASSAGES_LISTED ? [`      另有${r.passages.length - PASSAGES_LISTED}段相同的文字（--json 中列出全部）。`] : []),
  ],
  cells: (cells: string[]) => `      涉及单元格：${describeCells(Array.from(new Set(cells)))}`,
  summary: (checked: number, unchecked: number, errors: number, warnings: number) =>
    `核对了文中${checked}处数字和表述` +
    (unchecked > 0 ? `（另有${unchecked}处因统计表缺少或未填相应数字而无法核对）` : '') +
    `：强制${errors}项，核实${warnings}项。`,
  allGood: '文中数字与统计表一致，报告包含规定的全部部分。',
};
