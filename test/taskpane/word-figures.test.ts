/**
 * The Word pane reads a workbook the user picks through the same guarded reader as the CLI (issue #11):
 * a formula's cached 0 is 0, and a package built to exhaust memory is refused with a Chinese message
 * instead of taking the pane down with it.
 */
import { analyzeWorkbook } from '../../src/core';
import { workbookFromFile } from '../../src/taskpane/word/figures';
import { editedWorkbook } from '../support/packages';
import { national2021OneSheet } from '../support/layouts';

const NATIONAL = { sheets: [national2021OneSheet('统计表')] };
const SHEET = 'xl/worksheets/sheet1.xml';
const text = (parts: Map<string, string | Buffer>) => parts.get(SHEET) as string;

async function picked(edit: (parts: Map<string, string | Buffer>) => void): Promise<File> {
  return new File([new Uint8Array(await editedWorkbook(NATIONAL, edit))], '统计表.xlsx');
}

test('a total that is a formula whose cached result is 0 reads as 0, not blank', async () => {
  const total = analyzeWorkbook(NATIONAL).tables[1].figures['t3.deniedStateSecret.total'];
  expect(total.value).toBe(0);
  const ref = total.cell.split('!')[1];
  const file = await picked((p) => p.set(SHEET, text(p).replace(new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`), `<c r="${ref}"><f>SUM(D27:I27)</f><v>0</v></c>`)));
  const figure = analyzeWorkbook(await workbookFromFile(file)).tables[1].figures['t3.deniedStateSecret.total'];
  expect([figure.value, figure.formula]).toEqual([0, '=SUM(D27:I27)']);
});

test('a merged area over the whole sheet is refused with a message, never built cell by cell', async () => {
  const file = await picked((p) => p.set(SHEET, text(p).replace(/<mergeCells count="(\d+)">/, '<mergeCells count="$1"><mergeCell ref="Q1:XFD1048576"/>')));
  await expect(workbookFromFile(file)).rejects.toThrow(/合并区域 Q1:XFD1048576/);
});
