import type { HostNotice } from '../host/adapter';
import type { Severity, SkippedTotal } from '../core/types';

/** Every word the task pane shows, in one place. Findings' own messages come from the core. */
export const S = {
  appTitle: '年报助手',
  appSubtitle: '政府信息公开工作年度报告',

  validate: '校验',
  computeTotals: '计算合计',
  clearMarks: '清除标记',
  draftText: '生成文字',
  toolbarLabel: '操作',

  settingsTitle: '报告信息',
  bodyName: '机关名称',
  bodyNamePlaceholder: '例如：某某县人民政府办公室',
  level: '机关层级',
  levelPlaceholder: '请选择',
  reportYear: '报告年度',
  reportYearInvalid: '请填写四位数的年份，例如 2024。',
  settingsHint: '保存在本工作簿中，用于生成文字和部分校验。',
  settingsSaved: '报告信息已保存到工作簿。',

  working: {
    loading: '正在加载校验规则…',
    reading: '正在读取工作簿…',
    checking: '正在校验…',
    marking: '正在标记单元格…',
    clearing: '正在清除标记…',
    writing: '正在写入合计…',
    undoing: '正在撤销…',
    drafting: '正在生成文字…',
    selecting: '正在定位单元格…',
    saving: '正在保存到工作簿…',
  },

  startTitle: '打开统计表所在的工作簿，点击“校验”。',
  startBody: '年报助手会识别统计表，检查勾稽关系，并在表格中标出有问题的单元格。数据只在本机处理，不会上传。',
  noTemplateTitle: '未找到统计表',
  noTemplateBody:
    '没有在工作簿中识别出政府信息公开统计表。请确认表格包含“统计指标 | 单位 | 统计数”（2016—2018年格式）或表二、表三、表四（2021年国家格式）的行列标题。',
  allPassTitle: '全部校验通过',
  allPass: (tables: number) => `已检查 ${tables} 张表，未发现需要处理的问题。`,
  openCount: (n: number) => `${n} 项待处理`,
  summary: (tables: number, open: number, acknowledged: number) =>
    `识别 ${tables} 张表；${open} 项待处理` + (acknowledged > 0 ? `，${acknowledged} 项已说明。` : '。'),

  severity: { error: '强制', warning: '核实', hint: '提示' } as Record<Severity, string>,
  severityHelp: {
    error: '必须改正后才能发布',
    warning: '请改正，或填写说明',
    hint: '供参考，数据本身没有错误',
  } as Record<Severity, string>,
  severityGroup: (severity: Severity, count: number) => `${S.severity[severity]}（${count}）`,
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
  cancel: '取消',
  acknowledged: (note: string) => `已说明：${note}`,
  withdraw: '撤销说明',

  totalsTitle: '计算合计：将要写入的单元格',
  totalsNone: '没有需要写入的合计：各合计与分项一致，或合计单元格含公式。',
  totalsCell: '单元格',
  totalsItem: '指标',
  totalsBefore: '原值',
  totalsAfter: '新值',
  loadingPart: '正在加载…',
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
  totalsApplied: (n: number) => `已写入 ${n} 个合计。`,
  undo: '撤销',
  undone: (n: number) => `已撤销，恢复了 ${n} 个单元格。`,

  cleared: (n: number) => `已清除标记，恢复了 ${n} 个单元格的原有底色。`,
  marked: (n: number) => `已在表格中标出 ${n} 个单元格。`,

  narrativeTitle: '文字稿（草稿）',
  narrativeHelp: '带下划线的数字来自统计表：悬停或点击可查看并定位来源单元格。〔待补充〕处需要手工填写。',
  narrativePick: '选择报告',
  narrativeReport: (formatName: string, index: number) => `报告 ${index + 1}：${formatName}`,
  copyText: '复制文字',
  copied: '已复制到剪贴板。',
  copyFailed: '无法访问剪贴板，请在下方文本框中全选后复制。',
  downloadDocx: '下载 .docx',
  docxName: (year?: number) => `政府信息公开工作年度报告${year ? `（${year}年度）` : ''}草稿.docx`,
  figureSource: (label: string, cell: string, value: string) => `${label}：${cell || '上年数据'} = ${value}`,
  figureSourcesTitle: '来源',
  notesTitle: '编辑说明',
  noReport: '请先校验，识别出统计表后再生成文字。',
  close: '关闭',

  notice(n: HostNotice): string {
    switch (n.code) {
      case 'requirement-missing':
        return {
          read: `此版本的 Excel 不支持读取工作表（需要 ${n.set} ${n.version}）。请使用 Microsoft 365、Office 2019 及以上版本或 Excel 网页版。`,
          'bulk-fill': `此版本的 Excel 不支持一次读取底色（${n.set} ${n.version}）：清除标记时，白色底色会恢复为“无填充”，图案填充只恢复颜色。`,
          merges: `此版本的 Excel 不支持读取合并单元格（${n.set} ${n.version}）：跨单元格的标题只按左上角单元格识别。`,
          'multi-select': `此版本的 Excel 不支持同时选中多个单元格（${n.set} ${n.version}）：定位时只选中第一个单元格。`,
        }[n.feature];
      case 'sheet-protected':
        return `工作表“${n.sheet}”受保护：可以校验，但不能标记或写入。如需标记，请先撤销工作表保护。`;
      case 'range-clipped':
        return `工作表“${n.sheet}”的已用区域过大（${n.rowsTotal} 行），超过 Excel 单次读取上限，只读取了前 ${n.rowsRead} 行。`;
      case 'highlight-changed-by-user':
        return `${n.cells.join('、')} 在标记后被手工改了底色，已保留您的设置。`;
      case 'cell-changed':
        return `${n.cells.join('、')} 在校验后被修改过，未写入。请重新校验后再试。`;
      case 'formula-kept':
        return `${n.cells.join('、')} 含公式，未写入。`;
    }
  },

  error: (detail: string) => `操作未完成：${detail}`,
  unsupportedHost: '请在 Excel 或 Word 中打开年报助手。',
} as const;

