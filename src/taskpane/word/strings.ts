import { SEVERITY_NAMES } from '../../core';
import type { DocumentNotice } from '../../host/adapter';

/** Every word the Word pane shows, in one place. Findings' own messages come from the core. */
export const W = {
  appTitle: '年报助手',
  appSubtitle: '政府信息公开工作年度报告 · Word',

  figuresTitle: '统计数据',
  figuresHelp: '先载入统计表的数字：使用本文档中的表格（2019年起的报告含表二、表三、表四），或选择统计表工作簿。数据只在本机处理，不会上传。',
  useDocumentTables: '使用文档中的表格',
  pickWorkbook: '选择统计表工作簿…',
  pickWorkbookLabel: '统计表工作簿（.xlsx）',
  fromDocument: '本文档中的表格',
  fromWorkbook: (name: string) => `工作簿“${name}”`,
  recognized: (formatName: string, tables: string[], source: string) => `已识别：${formatName}（${tables.join('、')}），来自${source}。`,
  noTable: (source: string) => `没有在${source}中识别出统计表。请选择统计表工作簿，或确认表格的行列标题与年报格式一致。`,
  notXlsx: '请选择 .xlsx 格式的工作簿（旧版 .xls 请先在 Excel 中另存为 .xlsx）。',
  tableErrors: (n: number) => `统计表本身有 ${n} 个强制性问题，文字中的数字可能互相矛盾。建议先在 Excel 中用年报助手校验统计表。`,
  severalReports: (n: number) => `识别出 ${n} 份报告的统计表，使用第一份。`,

  insertTitle: '插入文字和表格',
  insertHelp:
    '把根据统计表生成的文字和统计表插入到光标所在段落之后，使用公文格式（黑体、楷体标题，仿宋三号正文；表格宋体五号，表四小五号，保留合并的表头）。再次插入时替换上次插入的内容，不会重复。',
  insertPart: '插入内容',
  wholeText: '全文（含表格）',
  tableOption: (title: string) => `仅表格：${title}`,
  introLabel: '标题和导语',
  insert: '插入到光标处',
  inserted: (inserted: number, replaced: number) =>
    [inserted > 0 ? `插入了 ${inserted} 部分` : '', replaced > 0 ? `替换了上次插入的 ${replaced} 部分` : ''].filter(Boolean).join('，') + '。',
  editedTitle: '以下部分插入后被修改过，未替换：',
  replaceEdited: '仍然替换（放弃这些修改）',
  draftNotSupported: (formatName: string) => `暂不支持为“${formatName}”生成文字。`,

  proofreadTitle: '校对',
  proofreadHelp: '逐句核对文中的数字、百分比和“均……”“未……”等表述是否与统计表一致，并检查六部分内容是否齐全。有问题的句子会在文中标出底色，点击问题可定位到句子。',
  proofread: '校对全文',
  clearMarks: '清除标记',
  proofreadSummary: (checked: number, errors: number, warnings: number) =>
    `核对了文中 ${checked} 处数字和表述：${errors} 项强制、${warnings} 项核实。`,
  uncheckedNote: (n: number) => `另有 ${n} 处表述因统计表缺少或未填相应数字，无法核对。`,
  allGoodTitle: '文字与统计表一致',
  allGood: (checked: number) => `核对了文中 ${checked} 处数字和表述，未发现与统计表不符之处，六部分内容齐全。`,
  nothingToCheck: '文中没有找到可以与统计表核对的数字。',
  findingsLabel: '校对结果',
  goToSentence: '定位到句子',
  sentenceGone: '没有在文中找到这句话，可能已被修改。请重新校对。',
  cleared: (n: number) => `已清除标记，恢复了 ${n} 句的原有底色。`,
  cells: '涉及单元格',
  severity: SEVERITY_NAMES,

  working: {
    reading: '正在读取文档…',
    loading: '正在读取工作簿…',
    inserting: '正在插入…',
    proofreading: '正在校对…',
    marking: '正在标记句子…',
    clearing: '正在清除标记…',
    selecting: '正在定位…',
  },
  close: '关闭',
  error: (detail: string) => `操作未完成：${detail}`,
  storeFull: '操作未完成：年报助手保存在文档中的数据（标记和插入记录）已接近 Office 允许的上限。请先清除标记后再试。',

  notice(n: DocumentNotice): string {
    switch (n.code) {
      case 'sentence-not-found':
        return `${n.sentences.length} 句话在文中找不到了（可能已被修改），未能处理：${n.sentences.map(short).join('；')}`;
      case 'highlight-kept':
        return `${n.sentences.length} 句话已有您设置的底色，为免改动已保留原样：${n.sentences.map(short).join('；')}`;
      case 'not-replaceable':
        return `此版本的 Word 不支持内容控件（需要 ${n.set} ${n.version}）：文字和表格已插入，但不能自动替换，再次插入会重复一份，请先删除上次插入的内容。`;
      case 'insert-unsupported':
        return `此版本的 Word 不支持插入（需要 ${n.set} ${n.version} 或 Office Open XML 插入），未插入任何内容。请使用 Word 2016 及以上版本，或用命令行 nianbao draft --docx 生成完整报告。`;
    }
  },
};

function short(sentence: string): string {
  return sentence.length > 24 ? `“${sentence.slice(0, 24)}…”` : `“${sentence}”`;
}
