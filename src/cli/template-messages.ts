/** What `nianbao template` and the blank statistics table say to people. */
export const templateMessages = {
  usage: '用法：nianbao template [--format national-2021|national-2019|legacy-2016] --out <统计表.xlsx> [--formulas]',
  badOptions: (detail: string) => `参数有误：${detail}`,
  needsOut: 'template 需要 --out <统计表.xlsx>，空白统计表写入该文件。',
  needsXlsx: (file: string) => `--out 应为 .xlsx 文件：${file}`,
  noPositionals: 'template 不读取文件，只写出空白统计表；请用 --out 指定输出文件。',
  unknownFormat: (value: string, ids: string[]) => `无法识别的格式“${value}”。可用：${ids.join('、')}。`,
  written: (file: string, formatName: string, formulas: boolean) =>
    `已写出空白统计表（${formatName}${formulas ? '，合计单元格含求和公式' : ''}）：${file}`,
};
