/**
 * Reading inputs and writing outputs on disk without surprises: an input is read only when it is a
 * regular file of bounded size (never /dev/zero or a pipe, which would never end), and every failure
 * says what is true; an output is never the same file as an input (by real path, and by device and inode
 * for hard links), never written through a symbolic link, and appears whole or not at all (written to a
 * temporary file in its own folder, then renamed into place).
 */
import { constants, promises as fs, statSync, type Stats } from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { InputTooLargeError, NianbaoError, OutputError, UnreadableInputError, UnsupportedInputError, UsageError } from './errors';
import { ioMessages } from './messages';

const code = (err: unknown) => String((err as NodeJS.ErrnoException)?.code ?? 'UNKNOWN');

function readError(err: unknown, file: string): NianbaoError {
  switch (code(err)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new UnreadableInputError(ioMessages.notFound(file));
    case 'ELOOP':
      return new UnreadableInputError(ioMessages.symlinkLoop(file));
    case 'EACCES':
    case 'EPERM':
      return new UnreadableInputError(ioMessages.noReadPermission(file));
    case 'EISDIR':
      return new UsageError(ioMessages.isDirectory(file));
    default:
      return new UnreadableInputError(ioMessages.cannotRead(file, code(err)));
  }
}

/** What stands at a path: the reasons a path cannot be read, as typed errors; the stats otherwise. */
export async function statInput(file: string): Promise<Stats> {
  try {
    return await fs.stat(file);
  } catch (err) {
    throw readError(err, file);
  }
}

/**
 * Reads a whole regular file of at most maxBytes. The file is opened without blocking and checked on
 * the open handle, so a pipe or a device is refused at once and nothing changes between check and read.
 */
export async function readBoundedFile(file: string, maxBytes: number): Promise<Buffer> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw readError(err, file);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new UsageError(ioMessages.isDirectory(file));
    if (!stat.isFile()) throw new UnsupportedInputError(ioMessages.notRegularFile(file));
    if (stat.size > maxBytes) throw new InputTooLargeError(ioMessages.fileTooLarge(file, stat.size, maxBytes));
    // One byte more than allowed tells a file that grew while being read.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw new InputTooLargeError(ioMessages.fileTooLarge(file, length, maxBytes));
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } catch (err) {
    if (err instanceof NianbaoError) throw err;
    throw readError(err, file);
  } finally {
    await handle.close();
  }
}

/**
 * The folder an output goes into, as written: not normalized, since "link/.." is the link's target's
 * parent on disk, not the folder holding the link (/proc/self/cwd/../x).
 */
function folderOf(out: string): string {
  return path.dirname(out);
}

async function lstatOrNull(file: string): Promise<Stats | null> {
  try {
    return await fs.lstat(file);
  } catch (err) {
    if (code(err) === 'ENOENT') return null;
    throw err;
  }
}

async function realOrNull(file: string): Promise<string | null> {
  try {
    return await fs.realpath(file);
  } catch {
    return null;
  }
}

/**
 * Refuses an output path that cannot or must not be written: a symbolic link, a folder, a device, a
 * missing or read-only folder, or the same file as one of the inputs (its real path, or its device and
 * inode: a hard link, /proc/self/cwd/…).
 */
export async function checkOutput(out: string, inputs: readonly string[]): Promise<void> {
  const folder = folderOf(out);
  let existing: Stats | null;
  try {
    existing = await lstatOrNull(out);
  } catch (err) {
    throw writeError(err, out, folder);
  }
  if (existing?.isSymbolicLink()) throw new OutputError(ioMessages.outputIsSymlink(out));
  if (existing?.isDirectory()) throw new OutputError(ioMessages.outputIsDirectory(out));
  if (existing && !existing.isFile()) throw new OutputError(ioMessages.outputNotRegular(out));
  let folderStat: Stats;
  try {
    folderStat = await fs.stat(folder);
  } catch (err) {
    throw writeError(err, out, folder);
  }
  if (!folderStat.isDirectory()) throw new OutputError(ioMessages.outputFolderMissing(folder));

  const realFolder = (await realOrNull(folder)) ?? folder;
  const realOut = path.join(realFolder, path.basename(out));
  for (const input of inputs) {
    const inputStat = await fs.stat(input).catch(() => null);
    const realInput = await realOrNull(input);
    const sameInode = !!existing && !!inputStat && existing.dev === inputStat.dev && existing.ino === inputStat.ino;
    if (sameInode || realInput === realOut) throw new OutputError(ioMessages.sameAsInput(input));
  }
  try {
    await fs.access(folder, constants.W_OK);
  } catch (err) {
    throw writeError(err, out, folder);
  }
}

function writeError(err: unknown, out: string, folder: string): OutputError {
  switch (code(err)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new OutputError(ioMessages.diskFull(out));
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new OutputError(ioMessages.outputNoPermission(folder));
    case 'EISDIR':
      return new OutputError(ioMessages.outputIsDirectory(out));
    case 'ENOENT':
    case 'ENOTDIR':
      // The folder is there but takes no new file (/proc, say): a place that cannot be written.
      return new OutputError(folderExists(folder) ? ioMessages.outputNoPermission(folder) : ioMessages.outputFolderMissing(folder));
    default:
      return new OutputError(ioMessages.writeFailed(out, code(err)));
  }
}

function folderExists(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Writes an output whole: into a new temporary file beside it (created exclusively, so never through an
 * existing file or link), then renamed over the output path. Two runs writing the same output each
 * rename a complete file; a failure removes the temporary file and leaves what was there.
 */
export async function writeOutputFile(out: string, data: Uint8Array, inputs: readonly string[]): Promise<void> {
  await checkOutput(out, inputs);
  const folder = folderOf(out);
  const temporary = `${folder}${path.sep}.${path.basename(out)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temporary, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temporary, out);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(temporary).catch(() => undefined);
    throw writeError(err, out, folder);
  }
}
