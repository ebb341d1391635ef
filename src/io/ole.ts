/**
 * Office's older container (OLE compound file): an .xls or .doc, or an .xlsx/.docx saved with an opening
 * password (its encrypted package inside). Told apart by the names of the streams in its directory,
 * so that a renamed .xls is not called encrypted.
 */

export type OleKind = 'encrypted' | 'xls' | 'doc' | 'ppt' | 'other';

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;

export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** What an OLE compound file holds, from its directory; 'other' when the directory cannot be read. */
export function oleKind(bytes: Uint8Array): OleKind {
  const names = streamNames(bytes);
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) return 'encrypted';
  if (names.has('Workbook') || names.has('Book')) return 'xls';
  if (names.has('WordDocument')) return 'doc';
  if (names.has('PowerPoint Document')) return 'ppt';
  return 'other';
}

function streamNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  if (bytes.length < 512) return names;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorSize = 1 << view.getUint16(0x1e, true);
  if (sectorSize !== 512 && sectorSize !== 4096) return names;
  const sectors = Math.floor((bytes.length - sectorSize) / sectorSize);
  const sectorAt = (n: number) => (n + 1) * sectorSize;
  // The FAT's own sectors: the first 109 listed in the header (enough for any file this tool reads).
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(109, view.getUint32(0x2c, true)); i++) fatSectors.push(view.getUint32(0x4c + i * 4, true));
  const perSector = sectorSize / 4;
  const nextSector = (n: number): number => {
    const fat = fatSectors[Math.floor(n / perSector)];
    if (fat === undefined || fat >= sectors) return END_OF_CHAIN;
    return view.getUint32(sectorAt(fat) + (n % perSector) * 4, true);
  };
  const utf16 = new TextDecoder('utf-16le');
  // Follow the directory's chain, at most once over every sector (a loop in the chain ends here).
  let sector = view.getUint32(0x30, true);
  for (let visited = 0; sector < sectors && visited <= sectors; visited++) {
    for (let at = sectorAt(sector); at + 128 <= sectorAt(sector) + sectorSize; at += 128) {
      const length = view.getUint16(at + 0x40, true);
      if (length >= 2 && length <= 64) names.add(utf16.decode(bytes.subarray(at, at + length - 2)));
    }
    sector = nextSector(sector);
  }
  return names;
}
