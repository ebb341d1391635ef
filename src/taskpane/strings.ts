/** Every word the task pane shows, in one place. Findings' own messages come from the core. */
export const S = {
  appTitle: '年报助手',
  appSubtitle: '政府信息公开工作年度报告',

  validate: '校验',
  computeTotals: '计算合计',
  clearMarks: '清除标记',
  draftText: '生成文字',
  insertTemplate: '插入空白统计表',
  toolbarLabel: '操作',

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
    inserting: '正在插入空白统计表…',
  },

  startTitle: '打开统计表所在的工作簿，点击“校验”。',
  startBody: '年报助手会识别统计表，检查勾稽关系，并在表格中标出有问题的单元格。数据只在本机处理，不会上传。',
  noTemplateTitle: '未找到统计表',
  noTemplateBody:
    '没有在工作簿中识别出政府信息公开统计表。请确认表格包含“统计指标 | 单位 | 统计数”（2016—2018年格式）或表二、表三、表四（2019年试行格式、2021年国家格式）的行列标题。',
  allPassTitle: '全部校验通过',
  allPass: (tables: number) => `已检查 ${tables} 张表，未发现需要处理的问题。`,
  summary: (tables: number, open: number, acknowledged: number) =>
    `识别 ${tables} 张表；${open} 项待处理` + (acknowledged > 0 ? `，${acknowledged} 项已说明。` : '。'),

  cancel: '取消',
  loadingPart: '正在加载…',
  totalsApplied: (n: number) => `已写入 ${n} 个合计。`,
  undo: '撤销',
  undone: (n: number) => `已撤销，恢复了 ${n} 个单元格。`,

  templateInserted: (sheet: string) => `已在新工作表“${sheet}”中插入空白统计表。填好后点击“校验”。`,

  cleared: (n: number) => `已清除标记，恢复了 ${n} 个单元格的原有底色。`,
  close: '关闭',

  error: (detail: string) => `操作未完成：${detail}`,
  storeFull: '操作未完成：年报助手保存在工作簿中的数据（说明、标记和撤销记录）已接近 Office 允许的上限。请先清除标记或删去不需要的说明后再试。',
  unsupportedHost: '请在 Excel 或 Word 中打开年报助手。',
  /** WPS: the pane opened with no workbook or document open (the ribbon button works on the open file). */
  wpsNothingOpen: { et: '请先在 WPS 表格中打开统计表所在的工作簿，再点击“年报助手”。', wps: '请先在 WPS 文字中打开报告文档，再点击“年报助手”。' },

} as const;

