import { copyFileSync, mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import type { Workbook } from '../../src/core';
import { gridToWorkbook } from '../../src/io/xlsx';
import { withFigures } from './edit';
import { national2021OneSheet, SAMPLE_2021 } from './layouts';
import { tempDir } from './run-cli';

/** A body name as hostile as a report may carry: markup, a script, both quotes and an ampersand. */
export const HOSTILE_BODY = `某县<script>alert("x")</script>'&局`;
/** A file name that is markup: its body comes from the name, since the file cannot be read. */
export const HOSTILE_FILE = `<img src=x onerror="alert(1)">.xlsx`;

export function statistics(body: string, year: number, figures: Record<string, number> = {}): Workbook {
  return withFigures({ sheets: [national2021OneSheet('统计表', SAMPLE_2021, {}, `${body}${year}年政府信息公开工作年度报告统计表`)] }, figures);
}

const REAL = path.join(__dirname, '..', 'fixtures', 'real');

const writeXlsx = (file: string, wb: Workbook) => gridToWorkbook(wb).xlsx.writeFile(file);

/**
 * A supervising office's folder: real published reports (copies), generated workbooks (one that does not
 * add up), files that cannot be read, subfolders, last year's reports in reports/上年/ and the roster
 * beside them.
 */
export async function officeFolder(): Promise<{ dir: string; reports: string }> {
  const dir = tempDir('nianbao-review-');
  const reports = path.join(dir, 'reports');
  mkdirSync(path.join(reports, '乡镇'), { recursive: true });
  mkdirSync(path.join(reports, '上年'));
  copyFileSync(path.join(REAL, '2024-city-pingtan.html'), path.join(reports, '2024-city-pingtan.html'));
  copyFileSync(path.join(REAL, '2025-county-dept-daye-zrzyghj.txt'), path.join(reports, '2025-county-dept-daye-zrzyghj.txt'));
  copyFileSync(path.join(REAL, '2023-county-mianxian.txt'), path.join(reports, '乡镇', '2023-county-mianxian.txt'));
  await writeXlsx(path.join(reports, '财政局.xlsx'), statistics('某县财政局', 2024));
  await writeXlsx(path.join(reports, '水利局.xlsx'), statistics('某县水利局', 2024));
  await writeXlsx(path.join(reports, '乡镇', '交通局.xlsx'), statistics('某县交通局', 2024, { 't3.newApplications.total': 999 }));
  writeFileSync(path.join(reports, '损坏.xlsx'), 'PK\u0003\u0004 broken');
  writeFileSync(path.join(reports, '旧表.xls'), 'old binary');
  copyFileSync(path.join(REAL, '2023-city-pingtan.html'), path.join(reports, '上年', '2023-city-pingtan.html'));
  await writeXlsx(path.join(reports, '上年', '财政局2023.xlsx'), statistics('某县 财政局', 2023));
  await writeXlsx(path.join(reports, '上年', '粮食局.xlsx'), statistics('某县粮食局', 2023));
  writeFileSync(path.join(reports, '名单.txt'), ['单位名称\t层级', '平潭综合实验区', '某县财政局\t县级部门', '某县交通局\t县级部门', '某县水利局', '勉县人民政府\t县', '某镇人民政府\t乡镇'].join('\n'));
  return { dir, reports };
}

/**
 * A small office's folder for the dashboard: reports of every status (two with a 强制 error, one to
 * verify, one unreadable, passing ones of two levels), a hostile body name and file name, and a roster naming a body
 * that did not report.
 */
export async function dashboardFolder(): Promise<{ dir: string; reports: string; roster: string }> {
  const dir = tempDir('nianbao-dashboard-');
  const reports = path.join(dir, 'reports');
  mkdirSync(reports);
  const write = (name: string, wb: Workbook) => gridToWorkbook(wb).xlsx.writeFile(path.join(reports, name));
  await write('财政局.xlsx', statistics('某县财政局', 2024));
  await write('水利局.xlsx', statistics('某县水利局', 2024));
  await write('某镇.xlsx', statistics('乙县某镇人民政府', 2024));
  await write('交通局.xlsx', statistics('某县交通局', 2024, { 't3.newApplications.total': 999 }));
  await write('hostile.xlsx', statistics(HOSTILE_BODY, 2024, { 't3.newApplications.total': 998 }));
  // A real published report: the checker asks for a look at it (有核实问题).
  copyFileSync(path.join(__dirname, '..', 'fixtures', 'real', '2025-county-dept-daye-zrzyghj.txt'), path.join(reports, '2025-county-dept-daye-zrzyghj.txt'));
  writeFileSync(path.join(reports, HOSTILE_FILE), 'PK\u0003\u0004 broken');
  const roster = path.join(dir, '名单.txt');
  writeFileSync(roster, ['单位名称', '某县财政局', '某县水利局', '某县交通局', '某县粮食局'].join('\n'));
  return { dir, reports, roster };
}
