/** What the file readers and writers say to users when a file cannot be used. */
export const ioMessages = {
  notFound: (file: string) => `找不到文件：${file}`,
  unsupportedType: (file: string) => `不支持的文件类型：${file}。可以读取 .xlsx 工作簿和 .txt/.md 文本报告（表格以“|”分隔）。`,
  legacyXls: (file: string) => `${file} 是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再校验。`,
  corruptXlsx: (file: string) => `无法打开 ${file}：文件已损坏或不是有效的 .xlsx 工作簿。`,
  emptyWorkbook: (file: string) => `${file} 中没有任何工作表。`,
  sameAsInput: (file: string) => `输出文件不能与输入文件相同（${file}），原文件不会被改动。`,
  textSheetName: '文本表格',
};

export class InputError extends Error {}
