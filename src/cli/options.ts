/** Options that state facts (--year, --level, --fee), read strictly: a value is taken only as its user meant it. */
import { parseArgs, type ParseArgsConfig } from 'util';
import { type BodyLevel, LEVEL_ALIASES, LEVEL_NAMES } from '../core';
import { UsageError } from './errors';
import { cliMessages } from './messages';

/** The first year of reports on government information disclosure (the 条例 took effect in 2008). */
const FIRST_REPORT_YEAR = 2008;

export function parseYear(value: string): number {
  const year = value.trim();
  if (year === '') throw new UsageError(cliMessages.emptyOption('--year'));
  if (!/^\d{4}$/.test(year)) throw new UsageError(cliMessages.badYear(value));
  const last = new Date().getFullYear() + 1;
  const n = Number(year);
  if (n < FIRST_REPORT_YEAR || n > last) throw new UsageError(cliMessages.yearOutOfRange(value, FIRST_REPORT_YEAR, last));
  return n;
}

/** Only the listed names: an object's own keys, so "constructor" or "__proto__" is not a level. */
export function parseLevel(value: string): BodyLevel {
  if (value.trim() === '') throw new UsageError(cliMessages.emptyOption('--level'));
  if (!Object.prototype.hasOwnProperty.call(LEVEL_ALIASES, value)) throw new UsageError(cliMessages.badLevel(value, Object.values(LEVEL_NAMES)));
  return LEVEL_ALIASES[value];
}

/** Largest 信息处理费 taken, in 万元 (ten million yuan): anything above is a unit mistake. */
const MAX_FEE = 1000;

/** A plain decimal number of 万元: not "0x10", "1e308", "Infinity" or "". */
export function parseFee(value: string): number {
  const fee = value.trim();
  if (fee === '') throw new UsageError(cliMessages.emptyOption('--fee'));
  if (!/^\d+(\.\d+)?$/.test(fee)) throw new UsageError(cliMessages.badFee(value));
  const n = Number(fee);
  if (n > MAX_FEE) throw new UsageError(cliMessages.feeTooLarge(value, MAX_FEE));
  return n;
}

/** A path option given as "" names no file: refused rather than taken as the current folder. */
export function requireValues(options: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(options)) if (value !== undefined && value.trim() === '') throw new UsageError(cliMessages.emptyOption(name));
}

/**
 * Node's parseArgs, its complaints (an unknown option, a missing value) as usage errors worded by
 * describe. They are told by their code: Node's own errors are not instances of a test sandbox's Error.
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, describe: (detail: string) => string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) throw new UsageError(describe(String(message)));
    throw err;
  }
}
