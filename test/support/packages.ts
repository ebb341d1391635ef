/**
 * Crafted packages for the bad-input catalogue, made in the test (no binary fixtures): zip files written
 * byte by byte (to declare sizes that lie, or share data between entries), workbooks edited part by
 * part, and OLE compound files whose directory names the streams Office would write.
 */
import { deflateRawSync } from 'zlib';
import JSZip from 'jszip';
import type { Workbook } from '../../src/core';
import { gridToWorkbook } from '../../src/io/xlsx';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntrySpec {
  name: string;
  /** The content (deflated here), or deflated data with its true size and CRC. */
  data?: Buffer;
  deflated?: { data: Buffer; size: number; crc: number };
  /** A size to declare instead of the true one (a lie). */
  declaredSize?: number;
  /** Write this entry's central record pointing at another entry's data (shared compressed bytes). */
  sameDataAs?: string;
}

/** A zip written byte by byte, so that it can say what a real writer would not. */
export function zipOf(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets = new Map<string, { offset: number; compressed: number; size: number; crc: number }>();
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    let where = e.sameDataAs ? offsets.get(e.sameDataAs) : undefined;
    if (!where) {
      const deflated = e.deflated ?? { data: deflateRawSync(e.data ?? Buffer.alloc(0)), size: (e.data ?? Buffer.alloc(0)).length, crc: crc32(e.data ?? Buffer.alloc(0)) };
      const size = e.declaredSize ?? deflated.size;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(deflated.crc, 14);
      local.writeUInt32LE(deflated.data.length, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(name.length, 26);
      where = { offset, compressed: deflated.data.length, size, crc: deflated.crc };
      offsets.set(e.name, where);
      locals.push(local, name, deflated.data);
      offset += 30 + name.length + deflated.data.length;
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(where.crc, 16);
    central.writeUInt32LE(where.compressed, 20);
    central.writeUInt32LE(e.declaredSize ?? where.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(where.offset, 42);
    centrals.push(central, name);
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a workbook written by exceljs, by name. */
export async function workbookParts(grid: Workbook): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await gridToWorkbook(grid).xlsx.writeBuffer());
  const parts = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) parts.set(name, await zip.file(name)!.async('nodebuffer'));
  return parts;
}

/** A workbook with some parts' text edited (and parts added or renamed), written by JSZip. */
export async function editedWorkbook(grid: Workbook, edit: (parts: Map<string, string | Buffer>) => unknown): Promise<Buffer> {
  const parts: Map<string, string | Buffer> = new Map();
  for (const [name, data] of await workbookParts(grid)) parts.set(name, /\.(xml|rels|vml)$/.test(name) ? data.toString('utf8') : data);
  await edit(parts);
  const zip = new JSZip();
  for (const [name, data] of parts) zip.file(name, data, { createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * A minimal OLE compound file (one FAT sector, one directory chain) whose directory lists these
 * streams: what Office writes for an encrypted package (EncryptionInfo, EncryptedPackage), an .xls
 * (Workbook) or a .doc (WordDocument).
 */
export function oleFile(streams: string[]): Buffer {
  const sector = 512;
  const entries = ['Root Entry', ...streams];
  const dirSectors = Math.ceil(entries.length / 4);
  const file = Buffer.alloc(sector * (2 + dirSectors));
  Buffer.from('D0CF11E0A1B11AE1', 'hex').copy(file, 0);
  file.writeUInt16LE(0x3e, 0x18);
  file.writeUInt16LE(3, 0x1a);
  file.writeUInt16LE(0xfffe, 0x1c);
  file.writeUInt16LE(9, 0x1e);
  file.writeUInt16LE(6, 0x20);
  file.writeUInt32LE(1, 0x2c);
  file.writeUInt32LE(1, 0x30);
  file.writeUInt32LE(0x1000, 0x38);
  file.writeUInt32LE(0xfffffffe, 0x3c);
  file.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) file.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  const fat = sector;
  for (let i = 0; i < sector / 4; i++) file.writeUInt32LE(0xffffffff, fat + i * 4);
  file.writeUInt32LE(0xfffffffd, fat);
  for (let s = 0; s < dirSectors; s++) file.writeUInt32LE(s === dirSectors - 1 ? 0xfffffffe : 2 + s, fat + (1 + s) * 4);
  entries.forEach((name, i) => {
    const at = sector * 2 + i * 128;
    const utf16 = Buffer.from(`${name}\0`, 'utf16le');
    utf16.copy(file, at);
    file.writeUInt16LE(utf16.length, at + 0x40);
    file.writeUInt8(i === 0 ? 5 : 2, at + 0x42);
    file.writeUInt8(1, at + 0x43);
    file.writeUInt32LE(0xffffffff, at + 0x44);
    file.writeUInt32LE(i > 0 && i < entries.length - 1 ? i + 1 : 0xffffffff, at + 0x48);
    file.writeUInt32LE(i === 0 && entries.length > 1 ? 1 : 0xffffffff, at + 0x4c);
    file.writeUInt32LE(0xfffffffe, at + 0x74);
  });
  return file;
}
