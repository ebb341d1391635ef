/**
 * 校验 reads the workbook in at most two context.sync() calls whatever the number of sheets (the sheet
 * list, then every sheet's size and content together); marking, clearing, writing totals and undoing
 * them take a read and a write each. Counted on the recording fake, on the desktop and on the web
 * (where every request and response must stay within 5 MB).
 */
import { analyzeWorkbook, planTotals, type Workbook } from '../../src/core';
import { createExcelHost } from '../../src/excel/excelHost';
import { detectCapabilities } from '../../src/excel/requirements';
import { officeSettingsStore } from '../../src/host/officeSettings';
import { marksFor } from '../../src/taskpane/model';
import { withFigures } from '../support/edit';
import { legacySheet, national2021OneSheet } from '../support/layouts';
import { createFakeExcel, WEB_PAYLOAD_LIMIT, type FakeOptions } from './fakeExcel';

const MAX_SYNCS = 2;

function setUp(workbook: Workbook, options: FakeOptions = {}) {
  const fake = createFakeExcel(workbook, options);
  (globalThis as unknown as { Office: unknown }).Office = fake.office;
  const caps = detectCapabilities((name, version) => fake.office.context.requirements.isSetSupported(name, version));
  const host = createExcelHost(fake.run as never, officeSettingsStore(fake.office.context.document.settings as unknown as Office.Settings), caps);
  /** The syncs `action` took. */
  const syncsOf = async (action: () => Promise<unknown>) => {
    const before = fake.log.syncs;
    await action();
    return fake.log.syncs - before;
  };
  return { fake, host, syncsOf };
}

/** Report tables with errors and blank totals: something to mark and something to write. */
function reports(count: number): Workbook {
  const national = withFigures({ sheets: [national2021OneSheet('统计表')] }, { 't3.granted.total': 99, 't4.review.total': null }).sheets[0];
  const legacy = withFigures({ sheets: [legacySheet('统计表')] }, { 'legacy.received': 9 }).sheets[0];
  return { sheets: Array.from({ length: count }, (_, i) => ({ ...(i % 2 === 0 ? national : legacy), name: `表${i + 1}` })) };
}

describe.each([1, 50])('%i sheet(s) of report tables', (count) => {
  test.each(['PC', 'OfficeOnline'] as const)(`on %s: read, mark, clear, write totals and undo take at most ${MAX_SYNCS} syncs each`, async (platform) => {
    const workbook = reports(count);
    const { fake, host, syncsOf } = setUp(workbook, { platform });

    let read!: Awaited<ReturnType<typeof host.readWorkbook>>;
    expect(await syncsOf(async () => (read = await host.readWorkbook()))).toBeLessThanOrEqual(MAX_SYNCS);
    // Read exactly as the tables are: the same tables, figures and findings as the grid itself gives.
    const analysis = analyzeWorkbook(read.workbook);
    const direct = analyzeWorkbook(workbook);
    expect(analysis.tables).toHaveLength(direct.tables.length);
    expect(analysis.tables.map((t) => [t.sheet, t.table, t.range, t.findings.map((f) => f.message)])).toEqual(
      direct.tables.map((t) => [t.sheet, t.table, t.range, t.findings.map((f) => f.message)]),
    );

    const marks = marksFor(analysis, {});
    expect(marks.length).toBeGreaterThan(count);
    expect(await syncsOf(() => host.highlight(marks))).toBeLessThanOrEqual(MAX_SYNCS);
    expect(await syncsOf(() => host.clearHighlights())).toBeLessThanOrEqual(MAX_SYNCS);

    const writes = planTotals(analysis.tables).writes;
    expect(writes.length).toBeGreaterThanOrEqual(Math.ceil(count / 2));
    let written: string[] = [];
    expect(await syncsOf(async () => (written = (await host.applyTotals(writes)).written))).toBeLessThanOrEqual(MAX_SYNCS);
    expect(written).toHaveLength(writes.length);
    expect(await syncsOf(() => host.undoTotals())).toBeLessThanOrEqual(MAX_SYNCS);

    expect(Math.max(...fake.log.payloads.map((p) => Math.max(p.request, p.response)))).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
  });
});

describe('sheets the two-sync read does not cover are still read whole', () => {
  test('a sheet wider than the window is read in pieces', async () => {
    const wide = Array.from({ length: 30 }, (_, r) => Array.from({ length: 40 }, (_, c) => ({ value: r * 100 + c })));
    const { host } = setUp({ sheets: [legacySheet('统计表'), { name: '宽表', rows: wide, merges: [] }] });
    const { workbook } = await host.readWorkbook();
    expect(workbook.sheets[1].rows[29][39]).toEqual({ value: 2939, text: '2939' });
    expect(workbook.sheets[1].rows.flat().filter(Boolean)).toHaveLength(1200);
  });

  test('a sheet whose used range ends at the last row of the grid (the window would pass it) is read', async () => {
    const rows = [...Array(1_048_570)];
    rows.push([{ value: '最后' }, { value: 1 }], [{ value: 2 }]);
    const { fake, host } = setUp({ sheets: [legacySheet('统计表'), { name: '底部', rows, merges: [] }] });
    const { workbook, notices } = await host.readWorkbook();
    expect(notices).toEqual([]);
    expect(workbook.sheets[1].rows[1_048_570]).toEqual([{ value: '最后', text: '最后' }, { value: 1, text: '1' }]);
    expect(workbook.sheets[1].rows[1_048_571]).toEqual([{ value: 2, text: '2' }]);
    expect(analyzeWorkbook(workbook).tables).toHaveLength(1);
    // The refused windows, then the sizes alone and the content.
    expect(fake.log.syncs).toBe(4);
  });
});
