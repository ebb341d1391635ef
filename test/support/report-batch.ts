/**
 * A supervising office's folder of many reports of every kind, generated: statistics workbooks, web
 * pages, Word documents and text files, each of its own body (so no two files are alike), the 2021 tables
 * with a report's six parts around them, a few with a table that does not add up and a few that cannot be
 * read at all. For the review's scale tests and `npm run bench -- review`.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Workbook } from '../../src/core';
import { gridToWorkbook } from '../../src/io/xlsx';
import { reportDocx, reportHtml, reportText } from './documents';
import { withFigures } from './edit';
import { bareTables2021, national2021OneSheet, SAMPLE_2021 } from './layouts';

export type BatchKind = 'xlsx' | 'html' | 'docx' | 'txt';

export interface BatchReport {
  file: string;
  kind: BatchKind;
  body: string;
  /** A table that does not add up: 有强制问题. */
  inconsistent: boolean;
  /** A damaged file: 无法识别. */
  unreadable: boolean;
}

const YEAR = 2023;
const PLACES = ['东城', '西城', '南关', '北山', '河口', '青石', '柳林', '白沙', '石桥', '新河'];
const OFFICES = ['财政局', '水利局', '交通运输局', '教育局', '民政局', '自然资源局', '卫生健康局', '应急管理局', '文化和旅游局', '市场监督管理局'];

/** The i-th body: an office of a township of 某县, each name its own. */
export function batchBody(i: number): string {
  return `某县${PLACES[i % PLACES.length]}${OFFICES[Math.floor(i / PLACES.length) % OFFICES.length]}第${Math.floor(i / 100) + 1}分局`;
}

function prose(body: string): string[] {
  const received = SAMPLE_2021.t3.newApplications.reduce((a, b) => a + b, 0);
  return [
    `${body}${YEAR}年政府信息公开工作年度报告`,
    `本报告根据《中华人民共和国政府信息公开条例》编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。`,
    '一、总体情况',
    `${YEAR}年，${body}认真贯彻落实政府信息公开工作要求，全年新收政府信息公开申请${received}件。`,
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '存在的主要问题是公开内容还不够丰富，下一步将进一步完善工作机制。',
    '六、其他需要报告的事项',
    '无其他需要报告的事项。',
  ];
}

/** The i-th report's bytes; its table 三 does not add up when inconsistent. */
async function reportBytes(kind: BatchKind, body: string, inconsistent: boolean): Promise<Buffer | string> {
  const broken = (wb: Workbook): Workbook => (inconsistent ? withFigures(wb, { 't3.newApplications.total': 999 }) : wb);
  if (kind === 'xlsx') {
    const sheet = national2021OneSheet('统计表', SAMPLE_2021, {}, `${body}${YEAR}年政府信息公开工作年度报告统计表`);
    return Buffer.from(await gridToWorkbook(broken({ sheets: [sheet] })).xlsx.writeBuffer());
  }
  const tables = broken({ sheets: bareTables2021() }).sheets;
  if (kind === 'html') return reportHtml(prose(body), tables);
  if (kind === 'docx') return reportDocx(prose(body), tables);
  return reportText(prose(body), tables);
}

/** A file of the kind that cannot be read: a package that is not a zip, or bytes that are no text. */
function damaged(kind: BatchKind, i: number): Buffer {
  return kind === 'txt' ? Buffer.from(Array.from({ length: 64 }, (_, k) => (k % 2 ? 0xff : 0x41 + (i % 26)))) : Buffer.from(`PK\u0003\u0004 damaged ${i}`);
}

/**
 * Writes count reports into dir, the kinds in turn; one in 25 inconsistent (of every kind, in turn), three
 * in 100 damaged: a workbook and a document that are not one, a text in no encoding.
 */
export async function writeReportBatch(dir: string, count: number, kinds: readonly BatchKind[] = ['xlsx', 'html', 'docx', 'txt']): Promise<BatchReport[]> {
  await fs.mkdir(dir, { recursive: true });
  const out: BatchReport[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length];
    const body = batchBody(i);
    const unreadable = [12, 62, 31].includes(i % 100);
    const inconsistent = !unreadable && i % 25 === 7;
    const file = path.join(dir, `${String(i).padStart(4, '0')}-${body}.${kind}`);
    await fs.writeFile(file, unreadable ? damaged(kind, i) : await reportBytes(kind, body, inconsistent));
    out.push({ file, kind, body, inconsistent, unreadable });
  }
  return out;
}
