/**
 * Writes the bundled sample workbooks from the same builders the tests use:
 *   npx tsx scripts/make-samples.ts
 */
import * as path from 'path';
import { gridToWorkbook } from '../src/io/xlsx';
import { legacySheet, national2021OneSheet, national2021ThreeSheets } from '../test/support/layouts';

const out = path.join(__dirname, '..', 'assets', 'samples');

async function write(file: string, sheets: Parameters<typeof gridToWorkbook>[0]['sheets'], widths: number[]): Promise<void> {
  const wb = gridToWorkbook({ sheets });
  wb.creator = '年报助手';
  wb.created = new Date('2024-01-15T00:00:00Z');
  wb.modified = wb.created;
  for (const ws of wb.worksheets) {
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ws.eachRow((row) => row.eachCell((cell) => (cell.alignment = { wrapText: true, vertical: 'middle' })));
  }
  await wb.xlsx.writeFile(path.join(out, file));
}

async function main(): Promise<void> {
  // The seed report's table as a county office keeps it: title row, merged section rows, 单位 column, off A1.
  await write('2017-legacy-seed.xlsx', [legacySheet('统计表', { top: 1, left: 1, mergeSections: true })], [4, 60, 8, 12]);
  await write('2023-national-one-sheet.xlsx', [national2021OneSheet('年报统计表')], [24, 24, 24, 14, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12]);
  await write('2023-national-three-sheets.xlsx', national2021ThreeSheets(), [8, 40, 12, 12, 12, 12, 12, 12, 12]);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
