/** What `nianbao draft` says to people. */
export const draftMessages = {
  usage: '用法：nianbao draft <文件> [--docx <输出.docx>] [--html <输出.html>] [--json] [--body <机关名称>] [--year <年度>] [--fee <信息处理费万元>]',
  badOptions: (detail: string) => `参数有误：${detail}`,
  oneFile: '请指定一个统计表文件（.xlsx 工作簿或 .txt/.md 文本报告）。',
  noReport: '未识别出可生成文字稿的年报统计表。',
  unsupportedFormat: (formatName: string) => `暂不支持为“${formatName}”生成文字稿，已跳过。`,
  errorsInTable: (count: number) =>
    `注意：统计表有${count}个强制性问题，文字稿中的数字可能与表中其他数字互相矛盾，请先用 nianbao check 校验并改正。`,
  reportHeader: (index: number, formatName: string) => `=== 第${index}份报告（${formatName}）===`,
  docxWritten: (file: string) => `已写出 Word 文稿（含统计表）：${file}`,
  htmlWritten: (file: string) => `已写出网页文稿（含统计表）：${file}`,
};
