/** What the file readers and writers say to users when a file cannot be used. */
export const ioMessages = {
  notFound: (file: string) => `找不到文件：${file}`,
  unsupportedType: (file: string) => `不支持的文件类型：${file}。可以读取 .xlsx 工作簿、.docx 文档、.html 网页和 .txt/.md 文本报告（表格以“|”分隔）。`,
  legacyXls: (file: string) => `${file} 是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再校验。`,
  corruptXlsx: (file: string) => `无法打开 ${file}：文件已损坏或不是有效的 .xlsx 工作簿。`,
  emptyWorkbook: (file: string) => `${file} 中没有任何工作表。`,
  encryptedXlsx: (file: string) =>
    `${file} 设置了打开密码（文件已加密），无法读取。请在 Excel 中打开，清除“用密码进行加密”中的密码并保存后再校验。`,
  sheetsTooLarge: (file: string, megabytes: number, limit: number) =>
    `${file} 的表格内容过大（解压后约 ${megabytes} MB，超过 ${limit} MB 的处理上限），无法打开。统计表通常只有几百个单元格：请把统计表复制到一个新工作簿后再校验。`,
  sameAsInput: (file: string) => `输出文件不能与输入文件相同（${file}），原文件不会被改动。`,
  textSheetName: '文本表格',
  htmlSheetName: '网页表格',
  docxSheetName: '文档表格',
  unreadableDocx: (file: string) => `无法读取 ${file}：文件已损坏或不是有效的 .docx 文档。`,
  formulaNotWritten: (cells: string[]) => `以下单元格含有公式，未写入合计：${cells.join('、')}。`,
  notesNotAdded: (sheets: string[]) => `工作表“${sheets.join('”“')}”已含有其他绘图对象（如表单控件），标注副本中这些表只标了颜色，未加批注；问题说明见校验结果。`,
};

export class InputError extends Error {}
