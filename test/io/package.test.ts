/**
 * What exceljs is handed (src/io/package.ts, src/io/xlsx.ts): the bounded inflation of a package, and
 * the parts of a workbook exceljs would pay for without need (a data validation on whole columns is a
 * million entries per column there; a large picture is held three times over) left out of what it reads.
 * The catalogue checks the user-visible outcome; these check that the cost is really gone.
 */
import { deflateRawSync } from 'zlib';
import { UnreadableInputError } from '../../src/io/errors';
import { inspectPackage } from '../../src/io/package';
import { loadWorkbook, workbookToGrid } from '../../src/io/xlsx';
import { national2021OneSheet } from '../support/layouts';
import { crc32, editedWorkbook, zipOf } from '../support/packages';

const NATIONAL = { sheets: [national2021OneSheet('统计表')] };
const SHEET = 'xl/worksheets/sheet1.xml';
const options = { corrupt: () => 'corrupt', tooLarge: () => 'too large', maxBytes: 100 * 1024 * 1024 };

describe('inspectPackage', () => {
  it('stops inflating an entry at its declared size: the sink never sees a byte past it', async () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const zip = zipOf([{ name: 'a.bin', deflated: { data: deflateRawSync(zeros), size: zeros.length, crc: 0 }, declaredSize: 1000 }]);
    let seen = 0;
    const inspecting = inspectPackage(zip, 'bomb.xlsx', { ...options, sinkFor: () => ({ write: (chunk) => void (seen += chunk.length), end: () => undefined }) });
    await expect(inspecting).rejects.toThrow(UnreadableInputError);
    expect(seen).toBeLessThanOrEqual(1000);
  });

  it('refuses before inflating anything when the declared sizes add up to more than allowed', async () => {
    const data = Buffer.alloc(1024);
    const zip = zipOf([{ name: 'a.bin', data }, { name: '/b/c.bin', data }]);
    let inflated = 0;
    await expect(inspectPackage(zip, 'big.xlsx', { ...options, maxBytes: 1500, sinkFor: () => ({ write: () => void inflated++, end: () => undefined }) })).rejects.toThrow('too large');
    expect(inflated).toBe(0);
  });

  it('names each part as exceljs does (no leading "/") and refuses two entries for one part', async () => {
    const one = await inspectPackage(zipOf([{ name: '/xl/workbook.xml', data: Buffer.from('<a/>') }]), 'f', options);
    expect(one.entries.map((e) => [e.stored, e.name])).toEqual([['/xl/workbook.xml', 'xl/workbook.xml']]);
    expect(one.get('XL/Workbook.xml')?.stored).toBe('/xl/workbook.xml');
    const two = zipOf([{ name: 'xl/workbook.xml', data: Buffer.from('<a/>') }, { name: '/xl/workbook.xml', data: Buffer.from('<b/>') }]);
    await expect(inspectPackage(two, 'f', options)).rejects.toThrow('存了两份');
  });

  it('accepts what exceljs writes, every entry exactly its declared size', async () => {
    const data = await editedWorkbook(NATIONAL, () => undefined);
    const sizes = new Map<string, number>();
    const index = await inspectPackage(data, 'f', { ...options, sinkFor: (e) => ({ write: (c) => void sizes.set(e.name, (sizes.get(e.name) ?? 0) + c.length), end: () => undefined }) });
    expect(index.entries.every((e) => (sizes.get(e.name) ?? 0) === e.size)).toBe(true);
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

describe('what loadWorkbook hands exceljs', () => {
  it('leaves data validations on whole columns out (exceljs would make a million entries per column)', async () => {
    const rules = ['D', 'E', 'F'].map((c) => `<dataValidation type="whole" sqref="${c}1:${c}1048576"><formula1>0</formula1></dataValidation>`).join('');
    const data = await editedWorkbook(NATIONAL, (p) => p.set(SHEET, (p.get(SHEET) as string).replace('<pageMargins', `<dataValidations count="3">${rules}</dataValidations><pageMargins`)));
    const wb = await loadWorkbook(data, 'dv.xlsx');
    const model = (wb.worksheets[0] as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
    expect(Object.keys(model)).toHaveLength(0);
    expect(workbookToGrid(wb).sheets[0].rows[22][3]?.value).toBe(40);
  }, 30_000);

  it('keeps a few small validations as they are', async () => {
    const data = await editedWorkbook(NATIONAL, (p) => p.set(SHEET, (p.get(SHEET) as string).replace('<pageMargins', '<dataValidations count="1"><dataValidation type="whole" sqref="D23:I47"><formula1>0</formula1></dataValidation></dataValidations><pageMargins')));
    const wb = await loadWorkbook(data, 'dv.xlsx');
    expect(Object.keys((wb.worksheets[0] as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model)).toHaveLength(150);
  });

  it('empties a large picture in what exceljs reads: its memory does not grow with the picture', async () => {
    const picture = Buffer.alloc(8 * 1024 * 1024, 7);
    const data = await editedWorkbook(NATIONAL, (p) => p.set('xl/media/image1.png', picture));
    const wb = await loadWorkbook(data, 'picture.xlsx');
    const media = (wb as unknown as { media: { name: string; buffer?: Buffer | null }[] }).media;
    expect(media.map((m) => [m.name, m.buffer?.length ?? 0])).toEqual([['image1', 0]]);
    expect(workbookToGrid(wb).sheets[0].rows[22][3]?.value).toBe(40);
  });
});
