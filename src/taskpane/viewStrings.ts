import { type Severity, SEVERITY_NAMES, type SkippedTotal } from '../core';

/**
 * The words of the pane's views that appear after a click (findings, 计算合计, 报告信息, 生成文字): a module
 * of their own so they load with those views, not with the first paint. The shell's words are in strings.ts.
 */
export const V = {
  settingsTitle: '报告信息',
  bodyName: '机关名称',
  bodyNamePlaceholder: '例如：某某县人民政府办公室',
  level: '机关层级',
  levelPlaceholder: '请选择',
  reportYear: '报告年度',
  reportYearInvalid: '请填写四位数的年份，例如 2024。',
  settingsHint: '保存在本工作簿中，用于生成文字和部分校验。',
  severity: SEVERITY_NAMES,
  severityHelp: {
    error: '必须改正后才能发布',
    warning: '请改正，或填写说明',
    hint: '供参考，数据本身没有错误',
  } as Record<Severity, string>,
  severityGroup: (severity: Severity, count: number) => `${V.severity[severity]}（${count}）`,
  findingsOf: (tableName: string, sheet: string) => `${tableName}（工作表“${sheet}”）`,
  otherNotices: '工作簿提示',
  expected: '应为',
  actual: '实际',
  difference: '差额',
  cells: '单元格',
  findingsLabel: '校验结果',
  goToCells: (cells: string) => `定位到 ${cells}`,

  acknowledge: '填写说明',
  acknowledgeLabel: '说明（保存在工作簿中）',
  acknowledgePlaceholder: '例如：该差额系统计口径调整所致，已与上级核实。',
  save: '保存',
  acknowledged: (note: string) => `已说明：${note}`,
  withdraw: '撤销说明',

  totalsTitle: '计算合计：将要写入的单元格',
  totalsNone: '没有需要写入的合计：各合计与分项一致，或合计单元格含公式。',
  totalsCell: '单元格',
  totalsItem: '指标',
  totalsBefore: '原值',
  totalsAfter: '新值',
  totalsBlank: '（空）',
  totalsFillBlanks: '空白填0：同时把未填的空白单元格填为0（空白不等于0，请确认这些事项确实没有发生）',
  totalsOverwrites: '将覆盖手工填写的值',
  totalsOverwriteCount: (n: number) => `其中 ${n} 个单元格原有手工填写的值，写入后将被替换（可一键撤销）。`,
  totalsSkippedTitle: '不写入的合计',
  totalsSkipped: {
    formula: '含公式，不写入',
    'inputs-missing': '分项未填，无法计算',
    'unreadable-input': '分项无法识别为数字',
    protected: '工作表受保护',
  } as Record<SkippedTotal['reason'], string>,
  totalsApply: (n: number) => `确认写入 ${n} 个单元格`,

  templateTitle: '插入空白统计表',
  templateHelp: '在新工作表中插入所选格式的空白统计表（表头、边框、列宽、数字格式齐全），不改动已有工作表。',
  templateFormat: '格式',
  templateFormulas: '合计单元格写入求和公式（填写分项后自动得出合计）',
  templateInsert: '插入',

  narrativeTitle: '文字稿（草稿）',
  narrativeHelp: '带下划线的数字来自统计表：悬停或点击可查看并定位来源单元格。〔待补充〕处需要手工填写。',
  narrativePick: '选择报告',
  narrativeReport: (formatName: string, index: number) => `报告 ${index + 1}：${formatName}`,
  copyText: '复制文字',
  copied: '已复制到剪贴板。',
  copyFailed: '无法访问剪贴板，请在下方文本框中全选后复制。',
  downloadDocx: '下载 .docx',
  noDownloadOnMac:
    'Mac 版 Office 的加载项窗口不能下载文件。要得到公文格式的文稿：保存本工作簿，在 Word 中打开报告文档，从“开始”选项卡打开年报助手，点击“选择统计表工作簿…”选中本工作簿，再点击“插入到光标处”。也可以点击“复制文字”后粘贴到 Word。',
  noDownloadInWps:
    '在 WPS 中，年报助手窗口不提供下载。要得到公文格式的文稿：保存本工作簿，在 WPS 文字中打开报告文档，从“年报助手”选项卡打开任务窗格，点击“选择统计表工作簿…”选中本工作簿，再点击“插入到光标处”。也可以点击“复制文字”后粘贴到 WPS 文字。',
  docxName: (year?: number) => `政府信息公开工作年度报告${year ? `（${year}年度）` : ''}草稿.docx`,
  figureSource: (label: string, cell: string, value: string) => `${label}：${cell || '上年数据'} = ${value}`,
  notesTitle: '编辑说明',
  noReport: '请先校验，识别出统计表后再生成文字。',
} as const;
