/**
 * Every input the engine is tested on: the samples, the real reports (test/fixtures/real) and the files the
 * bad-input catalogue writes, each read as the command reads it, checked, and its text proofread. For tests
 * that hold for every finding the engine makes, whatever the input.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { analyzeWorkbook, proofreadText, proofreadTextAlone, reportFigures, type ProofFinding, type Workbook, type WorkbookAnalysis } from '../../src/core';
import { readInput, READABLE_EXTENSIONS } from '../../src/io/read';
import { CASES } from '../catalogue/cases';

export interface Checked {
  /** Where the input came from: a sample's or real report's file name, or a catalogue case's name. */
  source: string;
  workbook: Workbook;
  analysis: WorkbookAnalysis;
  /** The findings of proofreading the input's text against its first report (or alone), when it has text. */
  proofread: ProofFinding[];
}

const ROOT = path.join(__dirname, '..', '..');

async function checkFile(source: string, file: string): Promise<Checked | undefined> {
  let input;
  try {
    input = await readInput(file);
  } catch {
    return undefined; // an input the command declines: no finding to look at
  }
  const analysis = analyzeWorkbook(input.workbook, { text: input.text, pageTitle: input.pageTitle });
  const [report] = reportFigures(analysis);
  const proofread =
    input.text === undefined
      ? []
      : (report ? proofreadText(input.text, report) : proofreadTextAlone(input.text, { reportYear: analysis.documentFacts?.reportYear })).findings;
  return { source, workbook: input.workbook, analysis, proofread };
}

const readable = (file: string) => READABLE_EXTENSIONS.includes(path.extname(file).toLowerCase());

/**
 * The samples and the real reports; each sample also checked against itself as last year's, for a
 * township in 2000 (so that the cross-year, level and title-year checks speak too).
 */
export async function fixtureInputs(): Promise<Checked[]> {
  const out: Checked[] = [];
  for (const dir of [path.join(ROOT, 'assets', 'samples'), path.join(ROOT, 'test', 'fixtures', 'real')]) {
    for (const name of readdirSync(dir).filter(readable).sort()) {
      const checked = await checkFile(name, path.join(dir, name));
      if (!checked) continue;
      out.push(checked);
      if (dir.endsWith('samples')) {
        const options = { previous: checked.workbook, facts: { level: 'township' as const, reportYear: 2000 }, text: '统计期限为2022年1月1日至2022年12月31日。' };
        out.push({ ...checked, source: `${name} (copied, township, 2000)`, analysis: analyzeWorkbook(checked.workbook, options), proofread: [] });
      }
    }
  }
  return out;
}

/**
 * The big-file cases of the catalogue write the sample's table beside megabytes of padding, or files the
 * command refuses: left out, so that a test over every input stays quick.
 */
const BIG_FILE = 5 * 1024 * 1024;

/** Each input file a catalogue case writes (the files it names that the command could read). */
export async function catalogueInputs(): Promise<Checked[]> {
  const out: Checked[] = [];
  for (const c of CASES) {
    if (c.fault) continue; // a fault stands for the system failing, not for an input
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-every-'));
    try {
      const args = await c.args(dir);
      for (const arg of args) {
        if (!path.isAbsolute(arg) || !readable(arg) || !existsSync(arg) || !statSync(arg).isFile() || statSync(arg).size > BIG_FILE) continue;
        const checked = await checkFile(c.name, arg);
        if (checked) out.push(checked);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
