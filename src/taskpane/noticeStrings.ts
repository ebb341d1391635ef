import type { HostNotice } from '../host/adapter';

/**
 * What the pane says about what the host reported (limits met, cells kept, sheets missing). Its own
 * module, loaded with the first notice, so that these words stay out of the first paint.
 */
export function hostNotice(n: HostNotice): string {
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
      return `${n.cells.join('、')} 使用渐变填充，年报助手无法原样恢复渐变，因此没有标记这些单元格（问题见校验结果）。`;
    case 'highlight-sheet-missing':
      return `工作表“${n.sheets.join('”“')}”在标记后被改名或删除，无法恢复其中单元格的原有底色，已不再记录。如果只是改了名，请在该表中手工清除标记颜色。`;
    case 'too-many-marks':
      return `需要标记的单元格太多（${n.cells} 个），记住它们的原有底色会超出工作簿可保存的范围，因此没有标记。请先按校验结果逐项处理。`;
    case 'cell-changed':
      return `${n.cells.join('、')} 在校验后被修改过，未写入。请重新校验后再试。`;
    case 'formula-kept':
      return `${n.cells.join('、')} 含公式，未写入。`;
    case 'write-incomplete':
      return `写入中途失败（表格程序未能完成请求）：${n.cells.join('、')} 未写入，其余已写入并可撤销。请稍后重试。`;
    case 'workbook-protected':
      return '工作簿结构受保护，无法新建工作表，因此没有插入空白统计表。请先在“审阅 → 保护工作簿”中撤销保护，再试一次。';
  }
}
