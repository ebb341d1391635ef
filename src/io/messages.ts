/** What the file readers and writers say to users when a file cannot be used. */

const RESAVE = '请在 Excel 中打开后“另存为”一个新的 .xlsx 文件再校验。';
const COPY_TABLE = '统计表通常只有几百个单元格：请把统计表复制到一个新工作簿后再校验。';
const megabytes = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024 / 1024));

export const ioMessages = {
  notFound: (file: string) => `找不到文件：${file}`,
  isDirectory: (file: string) => `${file} 是一个文件夹，不是文件。请指定其中的文件（只有 check 可以直接读取文件夹）。`,
  symlinkLoop: (file: string) => `无法读取 ${file}：它是循环指向自身的符号链接（快捷方式），找不到实际的文件。`,
  noReadPermission: (file: string) => `无法读取 ${file}：没有读取这个文件（或其所在文件夹）的权限。`,
  notRegularFile: (file: string) => `${file} 不是普通文件（而是设备、管道或套接字等），不予读取。请指定保存在磁盘上的文件。`,
  fileTooLarge: (file: string, bytes: number, limitBytes: number) =>
    `${file} 太大（约 ${megabytes(bytes)} MB，超过这类文件 ${megabytes(limitBytes)} MB 的处理上限），没有读取。`,
  cannotRead: (file: string, code: string) => `无法读取 ${file}（系统错误 ${code}）。`,
  unsupportedType: (file: string) => `不支持的文件类型：${file}。可以读取 .xlsx 工作簿、.docx 文档、.pdf 文件、.html 网页和 .txt/.md 文本报告（表格以“|”分隔）。`,
  legacyXls: (file: string) => `${file} 是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再校验。`,
  corruptXlsx: (file: string) => `无法打开 ${file}：文件已损坏或不是有效的 .xlsx 工作簿。`,
  emptyWorkbook: (file: string) => `${file} 中没有任何工作表。`,
  encryptedXlsx: (file: string) =>
    `${file} 设置了打开密码（文件已加密），无法读取。请在 Excel 中打开，清除“用密码进行加密”中的密码并保存后再校验。`,
  xlsRenamed: (file: string) => `${file} 实际上是旧版 .xls 工作簿（只是扩展名为 .xlsx），没有加密。请在 Excel 中打开并“另存为” .xlsx 后再校验。`,
  oleNames: { doc: '旧版 Word 文档（.doc）', ppt: 'PowerPoint 演示文稿', other: '旧版 Office 格式的文件' },
  oleNotWorkbook: (file: string, what: string) => `${file} 实际上是${what}，不是 Excel 工作簿，也没有加密，无法校验。`,
  documentNotWorkbook: (file: string) => `${file} 实际上是 Word 文档（.docx），不是 Excel 工作簿，其中没有任何工作表。`,
  workbookTooLarge: (file: string, mb: number, limit: number) =>
    `${file} 的内容过大（解压后约 ${mb} MB，超过 ${limit} MB 的处理上限），没有打开；文件并未损坏。${COPY_TABLE}`,
  workbookXmlTooLarge: (file: string, mb: number, limit: number) =>
    `${file} 的表格内容过大（表格数据解压后约 ${mb} MB，超过 ${limit} MB 的处理上限），没有打开；文件并未损坏。${COPY_TABLE}`,
  tooManyCells: (file: string, cells: number, limit: number) =>
    `${file} 的表格内容过大（超过 ${limit} 个单元格的处理上限，已数到 ${cells} 个），没有打开；文件并未损坏。${COPY_TABLE}`,
  mergeTooLarge: (file: string, ref: string, cells: number) =>
    `${file} 中的合并区域 ${ref} 覆盖了 ${cells} 个单元格，内容过大，没有打开。请在 Excel 中取消这一合并（或把统计表复制到一个新工作簿）后再校验。`,
  packageInconsistent: (file: string) =>
    `${file} 中的压缩数据与文件自己记录的大小或名称不符（文件已损坏，或是刻意构造的压缩包），为安全起见没有解压读取。`,
  packageEncrypted: (file: string) => `${file} 中的内容经过 zip 加密，无法读取。`,
  packageCompression: (file: string) => `${file} 使用了 Office 不使用的压缩方式，无法读取。`,
  duplicatePart: (file: string, first: string, second: string) =>
    `${file} 中同一部分内容存了两份（“${first}”和“${second}”），无法确定 Excel 打开时用的是哪一份，为免校验的与看到的不一致，不予校验。${RESAVE}`,
  sheetNotReadable: (file: string, sheet: string, target: string) =>
    `${file} 中工作表“${sheet}”的存放位置不标准（${target || '缺少指向'}），Excel 能显示它而本工具无法读取，为免漏检，不予校验。${RESAVE}`,
  prefixedPart: (file: string, part: string) =>
    `${file} 的 ${part} 采用了少见的 XML 写法（带命名空间前缀），本工具无法可靠读取，不予校验。${RESAVE}`,
  nestedTooDeep: (file: string) => `${file} 的内容嵌套层数过多（如成千上万层相互嵌套的元素），无法读取。`,
  contentTooLarge: (file: string) => `${file} 的内容过多，超出了处理能力，没有读取完；文件并未损坏。`,
  htmlTableTooLarge: (file: string, limit: number) =>
    `${file} 中的表格过大（合并单元格展开后超过 ${limit} 个单元格），没有读取。年报统计表通常只有几百个单元格。`,
  textEncodingUnknown: (file: string) => `${file} 的文字编码无法识别（不是 UTF-8、UTF-16 或 GBK/GB18030），没有读取。请另存为 UTF-8 编码的文本后再试。`,
  sameAsInput: (file: string) => `输出文件不能与输入文件相同（${file}），原文件不会被改动。`,
  outputIsSymlink: (file: string) => `输出位置 ${file} 是一个符号链接（快捷方式），为免改动它指向的文件，没有写入。请换一个文件名。`,
  outputIsDirectory: (file: string) => `输出位置 ${file} 是一个文件夹，无法写成文件。请在文件夹名后加上文件名。`,
  outputNotRegular: (file: string) => `输出位置 ${file} 不是普通文件（而是设备、管道等），没有写入。请换一个文件名。`,
  outputFolderMissing: (folder: string) => `输出文件夹不存在：${folder}。请先创建该文件夹，或换一个位置。`,
  outputNoPermission: (folder: string) => `无法在 ${folder} 中写入文件：没有写入权限（或该位置只读）。请换一个位置。`,
  diskFull: (file: string) => `无法写出 ${file}：磁盘空间已满。已写的部分已清除，原有文件没有改动。`,
  writeFailed: (file: string, code: string) => `无法写出 ${file}（系统错误 ${code}）。已写的部分已清除，原有文件没有改动。`,
  textSheetName: '文本表格',
  htmlSheetName: '网页表格',
  docxSheetName: '文档表格',
  unreadableDocx: (file: string) => `无法读取 ${file}：文件已损坏或不是有效的 .docx 文档。`,
  encryptedDocx: (file: string) => `${file} 设置了打开密码（文件已加密），无法读取。请在 Word 中清除密码并保存后再读取。`,
  docRenamed: (file: string) => `${file} 实际上是旧版 Word 文档（.doc），不是 .docx，也没有加密。请在 Word 中“另存为” .docx 后再读取。`,
  oleNotDocument: (file: string, what: string) => `${file} 实际上是${what}，不是 Word 文档，也没有加密，无法读取。`,
  oleXlsName: '旧版 Excel 工作簿（.xls）',
  workbookNotDocument: (file: string) => `${file} 实际上是 Excel 工作簿（.xlsx），不是 Word 文档。请把它作为统计表文件使用（如 --table ${file}）。`,
  documentTooLarge: (file: string, mb: number, limit: number) => `${file} 的内容过大（解压后约 ${mb} MB，超过 ${limit} MB 的处理上限），没有读取；文件并未损坏。`,
  pdfSheetName: (first: number, last: number) => (first === last ? `第${first}页` : `第${first}–${last}页`),
  scannedPdf: (file: string) =>
    `${file} 这是扫描件，没有可识别的文字（每页只是一张图片），无法读取其中的数字。请使用发布时的原始文档（.docx、.pdf 导出件或网页），或先用 OCR 软件识别成文字并核对后再读取。`,
  emptyPdf: (file: string) => `${file} 中没有任何文字，无法读取。`,
  encryptedPdf: (file: string) => `${file} 设置了密码（文件已加密），无法读取。请用 PDF 阅读器输入密码后另存为不加密的 PDF，或使用原始文档。`,
  unreadablePdf: (file: string) => `无法读取 ${file}：文件已损坏、不完整或不是有效的 PDF 文件。`,
  pdfTooManyPages: (file: string, pages: number, limit: number) => `${file} 有 ${pages} 页，超过 ${limit} 页的处理上限，没有读取；年度报告通常只有十几页。`,
  formulaNotWritten: (cells: string[]) => `以下单元格含有公式，未写入合计：${cells.join('、')}。`,
  notesNotAdded: (sheets: string[]) => `工作表“${sheets.join('”“')}”已含有其他绘图对象（如表单控件），标注副本中这些表只标了颜色，未加批注；问题说明见校验结果。`,
};
