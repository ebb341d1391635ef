import type { Finding, TableResult, WorkbookAnalysis } from '../../src/core/types';
import { groupFindings, isAcknowledged, marksFor, type Acknowledgements } from '../../src/taskpane/model';

const finding = (severity: Finding['severity'], cells: string[], fingerprint: string): Finding => ({
  rule: `r.${fingerprint}`,
  severity,
  kind: 'relation',
  table: 't3',
  message: `消息${fingerprint}`,
  cells,
  indicators: [],
  fingerprint,
  code: 'weakLabel',
  args: [],
});

const table = (findings: Finding[]): TableResult => ({
  format: 'national-2021',
  table: 't3',
  tableName: '表三 收到和处理政府信息公开申请情况',
  sheet: '表三',
  range: 'A1:I30',
  figures: {},
  missing: [],
  weakMatches: [],
  findings,
});

const analysis: WorkbookAnalysis = {
  tables: [table([finding('error', ['表三!I9', '表三!B9'], 'e1'), finding('warning', ['表三!B9', '表三!C9'], 'w1'), finding('hint', ['表三!D9'], 'h1')])],
  notices: [],
};

const note = (fp: string): Acknowledgements => ({ [fp]: { note: '已核实', at: '2025-01-10T00:00:00.000Z', rule: 'r', message: 'm' } });

test('groups by table and severity with counts of open findings', () => {
  const view = groupFindings(analysis, note('w1'));
  expect(view.tables[0].bySeverity.map((g) => [g.severity, g.findings.length])).toEqual([
    ['error', 1],
    ['warning', 1],
    ['hint', 1],
  ]);
  expect(view.tables[0].counts).toEqual({ error: 1, warning: 0, hint: 1 });
  expect([view.open, view.acknowledged]).toEqual([2, 1]);
});

test('marks every cell with its most severe open finding; explained findings are not marked', () => {
  expect(marksFor(analysis, {})).toEqual([
    { cell: '表三!I9', severity: 'error' },
    { cell: '表三!B9', severity: 'error' },
    { cell: '表三!C9', severity: 'warning' },
    { cell: '表三!D9', severity: 'hint' },
  ]);
  expect(marksFor(analysis, { ...note('w1'), ...note('h1') })).toEqual([
    { cell: '表三!I9', severity: 'error' },
    { cell: '表三!B9', severity: 'error' },
  ]);
});

test('an error cannot be explained away, even if the workbook carries a note for it', () => {
  const [error] = analysis.tables[0].findings;
  expect(isAcknowledged(error, note('e1'))).toBe(false);
  expect(marksFor(analysis, note('e1')).map((m) => m.cell)).toContain('表三!I9');
});

test('an explanation is saved into the workbook and is there after reopening it', async () => {
  const { createFakeExcel } = await import('../excel/fakeExcel');
  const { officeSettingsStore } = await import('../../src/host/officeSettings');
  const { loadAcknowledgements, saveAcknowledgements } = await import('../../src/taskpane/model');
  const storeOf = (fake: ReturnType<typeof createFakeExcel>) => {
    (globalThis as unknown as { Office: unknown }).Office = fake.office;
    return officeSettingsStore(fake.office.context.document.settings as unknown as Office.Settings);
  };
  const first = createFakeExcel({ sheets: [] });
  await saveAcknowledgements(storeOf(first), note('w1'));
  const reopened = createFakeExcel({ sheets: [] }, { settings: first.savedSettingsObject() });
  expect(loadAcknowledgements(storeOf(reopened))).toEqual(note('w1'));
});
