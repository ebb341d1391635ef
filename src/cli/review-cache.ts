/**
 * The batch review's cache: each file's CheckedReport kept under the SHA-256 of its bytes (and of last
 * year's file's bytes, for a check against it), in a folder of the engine that made it, so that a
 * re-run reads only the files that changed and a new build never serves an old build's results. A
 * result is the same wherever its file lies, but for the file's name: the names are put back as they
 * are now (two identical files in two places each get their own). Entries are written whole (a
 * temporary file renamed into place); one that cannot be read or makes no sense is not there.
 */
import { createHash, randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CheckedReport } from '../core';

/** Where the cache lives: NIANBAO_CACHE_DIR, else the user's cache folder as each system names it. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.NIANBAO_CACHE_DIR) return env.NIANBAO_CACHE_DIR;
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local'), 'nianbao', 'cache');
  // The XDG rule: a relative XDG_CACHE_HOME is ignored.
  const xdg = env.XDG_CACHE_HOME && path.posix.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.posix.join(home, '.cache');
  return path.posix.join(xdg, 'nianbao');
}

export const contentHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The code that decides a result: the engine's own modules (core, io, cli), compiled or as sources. */
const ENGINE_FOLDERS = ['core', 'io', 'cli'];

/** The folder the engine's modules are in: dist/ when built, src/ when run from the sources. */
const ENGINE_ROOT = path.join(__dirname, '..');

const fingerprints = new Map<string, Promise<string>>();

/**
 * What makes a result: the package's version, the versions of the libraries that read files, and the
 * engine's code itself, every file of it hashed (so a rebuild with any change is a new engine). Made
 * once a run.
 */
export function engineFingerprint(root: string = ENGINE_ROOT): Promise<string> {
  let made = fingerprints.get(root);
  if (!made) {
    made = fingerprintOf(root);
    fingerprints.set(root, made);
  }
  return made;
}

async function fingerprintOf(root: string): Promise<string> {
  const hash = createHash('sha256');
  const pkg = JSON.parse(await fs.readFile(path.join(root, '..', 'package.json'), 'utf8')) as { version?: string; dependencies?: Record<string, string> };
  hash.update(`nianbao ${pkg.version}\n`);
  for (const name of Object.keys(pkg.dependencies ?? {}).sort()) hash.update(`${name} ${await installedVersion(name)}\n`);
  for (const folder of ENGINE_FOLDERS) {
    for (const file of await filesUnder(path.join(root, folder))) {
      hash.update(`${path.relative(root, file)}\0`);
      hash.update(await fs.readFile(file));
    }
  }
  return hash.digest('hex').slice(0, 32);
}

/** The version of a dependency as installed: from its own package.json, found up from its entry point (some export none). */
async function installedVersion(name: string): Promise<string> {
  let folder: string;
  try {
    folder = path.dirname(require.resolve(name));
  } catch {
    return '?';
  }
  for (;;) {
    try {
      const pkg = JSON.parse(await fs.readFile(path.join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? '?';
    } catch {
      // No package.json here: one folder up.
    }
    const parent = path.dirname(folder);
    if (parent === folder) return '?';
    folder = parent;
  }
}

async function filesUnder(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await fs.readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/**
 * Makes a folder and the folders above it that are missing. Not fs.mkdir's recursive option: Node's loops
 * for ever where a folder cannot be made and the system says it is missing (a folder under /proc), so
 * here each folder is tried at most twice, before and after its parent is made.
 */
async function makeFolder(folder: string): Promise<void> {
  try {
    await fs.mkdir(folder);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    const parent = path.dirname(folder);
    if (code !== 'ENOENT' || parent === folder) throw err;
    await makeFolder(parent);
  }
  try {
    await fs.mkdir(folder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/** Stands for the file's path in a stored reason: a character no path holds. */
const FILE_MARK = '\u0000';

interface Entry {
  v: 1;
  report: Omit<CheckedReport, 'file' | 'previousFile'>;
  /** Checked against last year's report (whose file is named anew when the entry is read). */
  paired: boolean;
}

function isEntry(x: unknown): x is Entry {
  if (typeof x !== 'object' || x === null) return false;
  const { v, report, paired } = x as Partial<Entry>;
  return v === 1 && typeof paired === 'boolean' && typeof report === 'object' && report !== null && (report.findings === undefined || Array.isArray(report.findings));
}

export class ReviewCache {
  /** The first failure to store an entry, to say once at the end (a full disk, a read-only folder). */
  writeFailure: string | undefined;
  private readonly madeFolders = new Set<string>();

  private constructor(readonly folder: string) {}

  /** The cache of this engine under the given folder. */
  static async open(folder: string = cacheFolder()): Promise<ReviewCache> {
    return new ReviewCache(path.join(folder, 'review', await engineFingerprint()));
  }

  /** The key of a file's check, alone or against last year's file. */
  key(hash: string, previousHash?: string): string {
    return createHash('sha256').update(`${hash}\n${previousHash ?? ''}`).digest('hex');
  }

  private entryPath(key: string): string {
    return path.join(this.folder, key.slice(0, 2), `${key}.json`);
  }

  /** The stored result under the key, for the file (and last year's file) as named now; none when missing or unusable. */
  async get(key: string, file: string, previousFile?: string): Promise<CheckedReport | undefined> {
    let entry: unknown;
    try {
      entry = JSON.parse(await fs.readFile(this.entryPath(key), 'utf8'));
    } catch {
      return undefined;
    }
    if (!isEntry(entry) || (entry.paired && previousFile === undefined)) return undefined;
    const { unreadable, ...rest } = entry.report;
    return {
      file,
      ...rest,
      ...(unreadable !== undefined ? { unreadable: unreadable.split(FILE_MARK).join(file) } : {}),
      ...(entry.paired ? { previousFile } : {}),
    };
  }

  async put(key: string, report: CheckedReport): Promise<void> {
    const { file, previousFile, unreadable, ...rest } = report;
    const entry: Entry = {
      v: 1,
      report: { ...rest, ...(unreadable !== undefined ? { unreadable: unreadable.split(file).join(FILE_MARK) } : {}) },
      paired: previousFile !== undefined,
    };
    const target = this.entryPath(key);
    const folder = path.dirname(target);
    const temporary = path.join(folder, `.${key}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    try {
      if (!this.madeFolders.has(folder)) {
        await makeFolder(folder);
        this.madeFolders.add(folder);
      }
      await fs.writeFile(temporary, JSON.stringify(entry), { flag: 'wx' });
      await fs.rename(temporary, target);
    } catch (err) {
      await fs.unlink(temporary).catch(() => undefined);
      this.writeFailure ??= String((err as NodeJS.ErrnoException).code ?? err);
    }
  }
}
