/** Every word `nianbao review` prints or writes into its workbook. */

function duration(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return `${s}秒`;
  if (s < 3600) return `${Math.floor(s / 60)}分${s % 60}秒`;
  return `${Math.floor(s / 3600)}小时${Math.floor((s % 3600) / 60)}分`;
}

export const reviewCliMessages = {
  needsOut: 'review 需要 --out <审核汇总.xlsx> 或 --html <审核汇总.html>（或用 --json 只输出结果）。',
  outNotXlsx: '--out 应为 .xlsx 文件。',
  htmlNotHtml: '--html 应为 .html 文件。',
  rosterType: (file: string) => `应报单位名单应为 .xlsx 或 .txt 文件：${file}`,
  rosterEmpty: (file: string) => `应报单位名单中没有单位名称：${file}`,
  written: (out: string) => `已写出审核汇总：${out}`,
  badJobs: (value: string, max: number) => `--jobs 应为 1 到 ${max} 之间的整数（同时处理的文件数，1 表示不另开线程）；收到“${value}”。`,
  interrupted: '已中断：审核没有完成，没有写出结果文件。',
  interruptedWriting: '已中断：其余结果文件没有写出。',
  cacheUse: (read: number, cached: number) => `本次读取 ${read} 个文件，${cached} 个未改动的文件使用缓存的结果`,
  cacheUnavailable: (detail: string) => `注意：无法使用缓存（${detail}），本次读取全部文件。`,
  cacheNotWritten: (folder: string, code: string) => `注意：无法写入缓存文件夹 ${folder}（${code}），本次的结果未能全部缓存，下次运行会重新读取这些文件；审核结果不受影响。`,
  workerOutOfMemory: (file: string) => `${file} 的内容过多，处理时超出了内存上限，没有读取完；其余文件照常审核。`,
  workerCrashed: (file: string, detail: string) => `处理 ${file} 时程序意外中止（${detail}），请把此信息反馈给开发者；其余文件照常审核。`,
  workerExited: (code: number) => `退出码 ${code}`,
  progress: {
    checking: '审核报告',
    pairing: '与上年对照',
    line: (label: string, bar: string, done: number, total: number, left: string) => `${label} ${bar} ${done}/${total} ${left}`,
    left: (seconds: number | undefined) => (seconds === undefined ? '剩余时间估算中' : `剩余约${duration(seconds)}`),
  },
  summary: (reports: number, byStatus: string) => `共${reports}个文件：${byStatus}`,
  statusCount: (name: string, count: number) => `${name}${count}个`,
  missing: (count: number) => `未报送单位：${count}个`,
  paired: (paired: number, unpaired: number, previousOnly: number) => `与上年报告配对${paired}份；本年无上年对应${unpaired}份；上年有、本年无${previousOnly}份`,
  sheets: {
    summary: '汇总',
    reports: '各单位情况',
    findings: '问题清单',
    unrecognized: '未识别',
    missing: '未报送',
    pairing: '跨年对照',
  },
  summaryTitle: '政府信息公开工作年度报告审核汇总',
  blocks: {
    status: ['状态', '报告数'],
    level: ['层级（按名称推断）', '报告数', '通过', '有强制问题', '有核实问题', '无法识别'],
    region: ['区域（按名称推断）', '报告数', '通过', '有强制问题', '有核实问题', '无法识别'],
    year: ['年度', '报告数'],
    totals: ['主要数据', '合计', '计入报告数'],
    rates: ['比率', '数值', '分子', '分子数', '分母', '分母数', '计入报告数'],
    rules: ['规则', '规则编号', '严重程度', '报告数', '问题数', '说明', '涉及单位'],
  },
  reportHeaders: ['单位', '单位取自', '层级', '层级来源', '区域', '区域来源', '年度', '格式', '状态', '原因', '强制', '核实', '提示', '新收申请', '办结', '行政复议', '行政诉讼', '上年报告', '文件'],
  findingHeaders: ['单位', '文件', '表', '严重程度', '规则', '说明', '单元格', '应为', '实为'],
  unrecognizedHeaders: ['单位', '文件', '原因'],
  missingHeaders: ['类别', '单位', '文件', '说明'],
  pairingHeaders: ['类别', '单位', '本年文件', '上年文件', '疑似照搬上年'],
  bodyFrom: { title: '报告标题', 'file-name': '文件名' },
  levelFrom: (guessed: boolean) => (guessed ? '按名称推断，请核实' : '名单所列'),
  ruleWithId: (title: string, rule: string) => (title === rule ? rule : `${title}（${rule}）`),
  regionFrom: (guessed: boolean) => (guessed ? '按名称推断' : '名单所列'),
  unknown: '未知',
  missingKind: '未报送',
  unmatchedKind: '名单外文件',
  missingNote: '名单中的单位未找到对应报告',
  unmatchedNote: '报告的单位与名单中任何单位都不对应，请核对单位名称',
  noRoster: '未提供应报单位名单（--roster），无法判断未报送单位。',
  pairedKind: '已配对',
  currentOnlyKind: '本年无上年对应',
  previousOnlyKind: '上年有、本年无',
  yes: '是',
  no: '否',
} as const;
