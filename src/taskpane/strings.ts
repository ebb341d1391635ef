import type { HostNotice } from '../host/adapter';

/** Every word the task pane shows, in one place. Findings' own messages come from the core. */
export const S = {
  appTitle: '年报助手',
  appSubtitle: '政府信息公开工作年度报告',

  validate: '校验',
  computeTotals: '计算合计',
  clearMarks: '清除标记',
  draftText: '生成文字',
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

  cleared: (n: number) => `已清除标记，恢复了 ${n} 个单元格的原有底色。`,
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
        return `工作表“${n.sheet}”的已用区域过大（${n.rowsTotal} 行），超过年报助手的读取上限，只读取了前 ${n.rowsRead} 行。如果统计表在这些行之后，请把它复制到单独的工作表。`;
      case 'merges-unread':
        return `工作表“${n.sheet}”第 ${n.firstRow}—${n.lastRow} 行的合并单元格太多，Excel 无法一次返回（上限 512 个）：这些行中跨单元格的标题只按左上角单元格识别。`;
      case 'highlight-changed-by-user':
        return `${n.cells.join('、')} 在标记后被手工改了底色，已保留您的设置。`;
      case 'gradient-kept':
        return `${n.cells.join('、')} 使用渐变填充，Excel 加载项无法原样恢复渐变，因此没有标记这些单元格（问题见校验结果）。`;
      case 'highlight-sheet-missing':
        return `工作表“${n.sheets.join('”“')}”在标记后被改名或删除，无法恢复其中单元格的原有底色，已不再记录。如果只是改了名，请在该表中手工清除标记颜色。`;
      case 'too-many-marks':
        return `需要标记的单元格太多（${n.cells} 个），记住它们的原有底色会超出工作簿可保存的范围，因此没有标记。请先按校验结果逐项处理。`;
      case 'cell-changed':
        return `${n.cells.join('、')} 在校验后被修改过，未写入。请重新校验后再试。`;
      case 'formula-kept':
        return `${n.cells.join('、')} 含公式，未写入。`;
      case 'write-incomplete':
        return `写入中途失败（Excel 未能完成请求）：${n.cells.join('、')} 未写入，其余已写入并可撤销。请稍后重试。`;
    }
  },

  error: (detail: string) => `操作未完成：${detail}`,
  storeFull: '操作未完成：年报助手保存在工作簿中的数据（说明、标记和撤销记录）已接近 Office 允许的上限。请先清除标记或删去不需要的说明后再试。',
  unsupportedHost: '请在 Excel 或 Word 中打开年报助手。',

} as const;

