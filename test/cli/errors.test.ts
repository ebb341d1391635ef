/**
 * Typed errors (issue 13): each kind of failure reaches the user as its Chinese sentence and exit
 * status, and --json names it by a stable code; what a library or the engine throws is converted where
 * it is thrown, so nothing decides by reading an error's message.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { exitStatusOf, failureMessage } from '../../src/cli/errors';
import { cliMessages } from '../../src/cli/messages';
import { parseCommandLine } from '../../src/cli/options';
import {
  InputTooLargeError,
  NianbaoError,
  OutputError,
  UnreadableInputError,
  UnsupportedInputError,
  UsageError,
  withinEngineLimits,
} from '../../src/io/errors';
import { MAX_TABLE_CELLS } from '../../src/io/html';
import { ioMessages } from '../../src/io/messages';
import { annotateCopy } from '../../src/io/xlsxPatch';
import { runCli, tempDir } from '../support/run-cli';

const SEED_XLSX = path.join(__dirname, '..', '..', 'assets', 'samples', '2017-legacy-seed.xlsx');

/** One file of each kind of unusable input, with what the user is told. */
function unusableInputs(dir: string) {
  const put = (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  return [
    { code: 'input-unreadable', file: put('broken.xlsx', Buffer.from('PK\u0003\u0004 not really a zip')), says: ioMessages.corruptXlsx },
    { code: 'input-unsupported', file: put('old.xls', 'legacy'), says: ioMessages.legacyXls },
    {
      code: 'input-too-large',
      file: put('spans.html', `<html><body><table>${'<tr><td rowspan="200" colspan="200">1</td><td rowspan="200" colspan="200">2</td></tr>'.repeat(100)}</table></body></html>`),
      says: (file: string) => ioMessages.htmlTableTooLarge(file, MAX_TABLE_CELLS),
    },
  ] as const;
}

describe('each kind of failure: its sentence, its exit status, its code', () => {
  it('unreadable, unsupported and too large input: the sentence on stderr, exit 2, and the code in check --json', async () => {
    const dir = tempDir();
    for (const input of unusableInputs(dir)) {
      const human = await runCli('check', input.file);
      expect([input.code, human.code, human.err]).toEqual([input.code, 2, expect.stringContaining(input.says(input.file))]);
      const json = await runCli('check', input.file, '--json');
      const [entry] = JSON.parse(json.out).files;
      expect([json.code, entry.errorCode, entry.error]).toEqual([2, input.code, expect.stringContaining(input.says(input.file))]);
    }
  });

  it('usage: no file, an unknown option (Node’s parseArgs), a folder where a file is needed — exit 2', async () => {
    const dir = tempDir();
    const empty = tempDir();
    const cases: [string[], string][] = [
      [['check'], cliMessages.noFiles],
      [['check', SEED_XLSX, '--colour'], "参数有误：Unknown option '--colour'"],
      [['totals', SEED_XLSX, '--out'], '参数有误：'],
      [['draft', SEED_XLSX, '--colour'], "参数有误：Unknown option '--colour'"],
      [['proofread', SEED_XLSX, '--colour'], "参数有误：Unknown option '--colour'"],
      [['draft', dir], ioMessages.isDirectory(dir)],
      [['check', empty], cliMessages.emptyFolder(empty)],
    ];
    for (const [args, says] of cases) {
      const run = await runCli(...args);
      expect([args, run.code, run.err]).toEqual([args, 2, expect.stringContaining(says)]);
      expect(run.err).not.toContain('程序内部错误');
    }
  });

  it('output: a copy that would replace its input is refused with its sentence, exit 2, the input untouched', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'table.xlsx');
    copyFileSync(SEED_XLSX, input);
    const run = await runCli('totals', input, '--out', input);
    expect([run.code, run.err]).toEqual([2, expect.stringContaining(ioMessages.sameAsInput(input))]);
    expect(readFileSync(input).equals(readFileSync(SEED_XLSX))).toBe(true);
  });

  it('maps every class to its code and status, and nothing else to a user error by its message', () => {
    const errors: [NianbaoError, string][] = [
      [new UsageError('u'), 'usage'],
      [new UnreadableInputError('r'), 'input-unreadable'],
      [new UnsupportedInputError('s'), 'input-unsupported'],
      [new InputTooLargeError('l'), 'input-too-large'],
      [new OutputError('o'), 'output'],
    ];
    for (const [err, code] of errors) expect([err.code, exitStatusOf(err), failureMessage(err)]).toEqual([code, 2, err.message]);
    // A TypeError that only mentions an option is a bug, not a usage error: its message is not read.
    expect(failureMessage(new TypeError('cannot read option of undefined'))).toContain('程序内部错误');
  });
});

describe('errors of libraries and of the engine, converted where they are thrown', () => {
  it('parseArgs: its complaint (by its code) becomes a UsageError worded by the command; other errors pass through', () => {
    const config = { args: ['--colour'], options: { json: { type: 'boolean' } } } as const;
    expect(() => parseCommandLine(config, (detail) => `坏：${detail}`)).toThrow(UsageError);
    expect(() => parseCommandLine(config, (detail) => `坏：${detail}`)).toThrow("坏：Unknown option '--colour'");
    // A configuration parseArgs rejects is the program's mistake, not the user's.
    let caught: unknown;
    try {
      parseCommandLine({ args: [], options: { json: { type: 'nonsense' } } } as never, String);
    } catch (err) {
      caught = err;
    }
    expect([caught !== undefined, caught instanceof UsageError]).toEqual([true, false]);
  });

  it('the engine’s call stack, overflowed for real, becomes an InputTooLargeError naming the file', () => {
    const deep = (n: number): number => deep(n + 1) + 1;
    let caught: unknown;
    try {
      withinEngineLimits('深.html', () => deep(0));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InputTooLargeError);
    expect((caught as Error).message).toBe(ioMessages.nestedTooDeep('深.html'));
  });

  it('JSZip refusing the package to patch becomes an UnreadableInputError', async () => {
    await expect(annotateCopy(Buffer.from('not a zip'), [], 'x.xlsx')).rejects.toThrow(UnreadableInputError);
    await expect(annotateCopy(Buffer.from('not a zip'), [], 'x.xlsx')).rejects.toThrow(ioMessages.corruptXlsx('x.xlsx'));
  });
});
