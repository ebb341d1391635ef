/** Every line the command line prints for people. */
import { describeCells, type Finding, FORMAT_NAMES, type PlannedWrite, SEVERITY_NAMES, type SkippedTotal, type TableResult } from '../core';

export const cliMessages = {
  usage: `用法：
  nianbao check <文件或文件夹...> [--json] [--annotate <标注副本.xlsx>]
               [--previous <上年文件>] [--body <机关名称>] [--level <机关层级>] [--year <年度>]
      识别统计表并校验全部勾稽关系（含与上年数据的衔接）。可读 .xlsx、.docx、.html、.txt。
      退出码：0 无强制性问题；1 有强制性问题；2 无法校验。
      检查文件夹时：任一文件有强制性问题即为1；否则有文件无法校验为2；不支持的文件列为“已跳过”，不影响退出码。
  nianbao totals <工作簿.xlsx> --out <副本.xlsx> [--fill-blanks] [--json]
      计算合计，写入副本（原文件不改动）并列出改动。退出码同 check（按原表是否有强制性问题）。
  nianbao draft <文件> [--docx <输出.docx>] [--json] [--body <机关名称>] [--year <年度>] [--fee <信息处理费万元>]
      根据统计表生成年报文字稿。
  nianbao proofread <报告.docx|.html|.txt> [--table <统计表文件>] [--previous <上年报告>] [--json]
      核对报告文字中的数字与统计表是否一致，并检查文中自身的加总、年份和各部分。
      退出码：0 未发现问题；1 有需要核实的地方；2 无法核对。
  nianbao review <文件或文件夹...> --out <审核汇总.xlsx> [--html <审核汇总.html>] [--previous <上年报告文件夹>] [--roster <应报单位.xlsx|.txt>] [--json]
               [--jobs <同时处理的文件数>] [--no-cache]
      批量审核下级单位的年报（逐层读取文件夹）：每份报告的单位、层级、年度、格式、状态和问题，
      汇总各状态、各规则、各层级的报告数和主要数据合计与比率；--roster 列出未报送单位，--previous 与上年报告逐一对照。
      默认按 CPU 核数同时处理多个文件；未改动的文件使用上次的结果（缓存），--no-cache 全部重新读取。Ctrl-C 中断时不写出结果文件。
      退出码：0 无强制性问题；1 有报告存在强制性问题；2 没有可识别的报告；130 已中断。
  nianbao template [--format national-2021|national-2019|legacy-2016] --out <统计表.xlsx> [--formulas]
      写出空白统计表（默认 2021 年版格式），表头、边框、列宽、数字格式齐全；--formulas 在合计单元格写入求和公式。`,
  unknownCommand: (cmd: string) => `未知命令：${cmd}`,
  badOptions: (detail: string) => `参数有误：${detail}`,
  noFiles: '请指定要处理的文件或文件夹。',
  badLevel: (value: string, names: string[]) => `无法识别的机关层级“${value}”。可用：${names.join('、')}。`,
  emptyOption: (name: string) => `${name} 不能为空。`,
  badYear: (value: string) => `--year 应为四位年份，例如 2023；收到“${value}”。`,
  yearOutOfRange: (value: string, from: number, to: number) =>
    `--year 应为四位年份，例如 2023；收到“${value}”，不在政府信息公开工作年度报告的年度范围内（${from}年至${to}年）。`,
  badFee: (value: string) => `--fee 应为以万元计的非负数，例如 0 或 0.35；收到“${value}”（只能写普通的十进制数字，不能用 0x、1e5 等写法）。`,
  feeTooLarge: (value: string, max: number) => `--fee 应为以万元计的非负数，例如 0 或 0.35；收到“${value}”，超过 ${max} 万元，请核对单位是否为万元。`,
  annotateNeedsOneWorkbook: '--annotate 只能用于单个 .xlsx 工作簿。',
  totalsNeedsOut: 'totals 需要 --out <副本.xlsx>，计算结果写入副本，原文件不改动。',
  totalsNeedsWorkbook: 'totals 只能用于 .xlsx 工作簿。',
  emptyFolder: (dir: string) => `文件夹中没有可读取的文件：${dir}`,
  skipped: (reason: string) => `  已跳过：${reason}`,
  skipSymlinkToFolder: (file: string) => `${file} 是指向文件夹的符号链接，只读取所给文件夹中的文件，不进入其中的文件夹。`,
  skipBrokenSymlink: (file: string) => `${file} 是符号链接，但它指向的文件不存在。`,
  totalsTableHasErrors: (count: number) => `注意：原表有${count}个强制性问题（退出码为1）。写入合计只改正合计与分项不符之处，请用 nianbao check 检查副本。`,
  outputClosed: '输出被中断：接收结果的程序（如 head）已提前关闭，其余结果没有输出。',
  outputDiskFull: '无法输出结果：磁盘空间已满。',
  outputFailed: (code: string) => `无法输出结果（系统错误 ${code}）。`,
  nestedTooDeep: '内容嵌套层数过多，超出了处理能力，无法完成。',
  tooLargeToProcess: '内容过多，超出了处理能力，无法完成。',
  file: (file: string) => `文件：${file}`,
  table: (t: TableResult) =>
    `  识别：${FORMAT_NAMES[t.format] ?? t.format} · ${t.tableName} · 工作表“${t.sheet}” ${t.range}（${Object.keys(t.figures).length}个指标）`,
  finding: (f: Finding) => `  [${SEVERITY_NAMES[f.severity]}] ${f.message}`,
  cells: (cells: string[], sheet?: string) => `      涉及单元格：${sheet ? `工作表“${sheet}”的 ` : ''}${describeCells(cells, sheet)}`,
  why: (why: string) => `      依据：${why}`,
  summary: (errors: number, warnings: number, hints: number) =>
    errors + warnings + hints === 0 ? '  结果：全部勾稽关系校验通过。' : `  结果：${errors}个强制性问题，${warnings}个核实性问题，${hints}个提示。`,
  couldNotCheck: (message: string) => `  无法校验：${message}`,
  annotated: (out: string) => `已写出标注副本：${out}（原文件未改动）`,
  plannedWrite: (w: PlannedWrite) =>
    `  ${w.cell} ${w.label}：${w.before === '' ? '（空白）' : w.before} → ${w.after}${w.overwritesTyped ? '  ⚠ 将覆盖已填写的值' : ''}`,
  skippedTotal: (s: SkippedTotal) =>
    `  跳过 ${s.cell} ${s.label}：${
      {
        formula: `该单元格是公式，不改写${s.implied !== undefined ? `（按分项应为${s.implied}）` : ''}`,
        'inputs-missing': '分项均未填，无法计算',
        'unreadable-input': '有分项无法识别为数字',
        protected: '工作表受保护',
      }[s.reason]
    }`,
  planHeader: (writes: number, skipped: number) =>
    writes > 0 ? `计划改动${writes}处：` : skipped > 0 ? '没有可以写入的改动：' : '无需改动：所有合计均与分项一致。',
  written: (out: string) => `已写出副本：${out}（原文件未改动）`,
  internalError: (detail: string) => `程序内部错误，请把以下信息反馈给开发者：${detail}`,
};
