/**
 * Writes the PDFs no office program makes on request, into the folder given: encrypted.pdf (RC4,
 * revision 2, user password "nianbao", built by the standard security handler's algorithms),
 * corrupt.pdf (a PDF header over bytes that are no PDF), and gbk-cmap.pdf (Chinese text in a font
 * that is not embedded, its codes GBK read through the predefined CMap GBK-EUC-H, as older Chinese
 * PDF writers make them: it reads only with the CJK character maps). Used by make-pdf-fixtures.sh.
 */
const { createHash } = require('crypto');
const fs = require('fs');
const path = require('path');

const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const padded = (password) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);
const md5 = (...parts) => createHash('md5').update(Buffer.concat(parts)).digest();
function rc4(key, data) {
  const s = [...Array(256).keys()];
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

/** A PDF of the objects given (object 1 the catalog), with its cross-reference table. */
function assemble(objects, trailerExtra = '') {
  const chunks = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets = [];
  let length = chunks[0].length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  chunks.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

const stream = (data) => Buffer.concat([Buffer.from(`<< /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);

/** Two lines in GBK codes: a title, and a sentence with a figure. */
function gbkCmapPdf() {
  const gbk = (text) => new TextDecoder('latin1').decode(Buffer.from(require('iconv-lite').encode(text, 'gbk')));
  const hex = (text) => Buffer.from(gbk(text), 'latin1').toString('hex');
  const content = Buffer.from(
    `BT /F1 16 Tf 72 760 Td <${hex('某县人民政府2021年政府信息公开工作年度报告')}> Tj ET\n` +
      `BT /F1 12 Tf 72 720 Td <${hex('本年度共收到政府信息公开申请70件。')}> Tj ET`,
    'latin1',
  );
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    stream(content),
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /GBK-EUC-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}

function encryptedPdf() {
  const id = Buffer.from('6e69616e62616f2d656e637279707465', 'hex');
  const permissions = -4;
  const O = rc4(md5(padded('owner')).subarray(0, 5), padded('nianbao'));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = md5(padded('nianbao'), O, p, id).subarray(0, 5);
  const U = rc4(key, PAD);
  const objectKey = (num) => md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])).subarray(0, 10);
  const content = rc4(objectKey(4), Buffer.from('BT /F1 24 Tf 72 720 Td (2021 nianbao) Tj ET'));
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    stream(content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${O.toString('hex')}> /U <${U.toString('hex')}> /P ${permissions} >>`,
  ];
  return assemble(objects, `/Encrypt 6 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] `);
}

const out = process.argv[2];
fs.writeFileSync(path.join(out, 'encrypted.pdf'), encryptedPdf());
fs.writeFileSync(path.join(out, 'gbk-cmap.pdf'), gbkCmapPdf());
// A header and then bytes of no PDF at all: what a download cut short or a file renamed to .pdf gives.
fs.writeFileSync(path.join(out, 'corrupt.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), createHash('sha512').update('nianbao').digest(), Buffer.from('\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R', 'latin1')]));
