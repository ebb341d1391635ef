#!/usr/bin/env node
/**
 * Creates a local certificate authority and a localhost certificate in ./certs for `npm start`
 * (Office only loads add-ins over https). Uses the openssl command line (Debian, macOS, Git for
 * Windows); no sudo, nothing installed system-wide. Trusting certs/ca.crt is a manual step (README).
 * Existing certificates are kept until they are within 30 days of expiry.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const DIR = path.join(__dirname, '..', 'certs');
const files = { caKey: 'ca.key', ca: 'ca.crt', key: 'localhost.key', csr: 'localhost.csr', cert: 'localhost.crt', ext: 'localhost.ext' };
const at = (name) => path.join(DIR, files[name]);

function openssl(args) {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function stillValid() {
  if (!fs.existsSync(at('cert')) || !fs.existsSync(at('key')) || !fs.existsSync(at('ca'))) return false;
  try {
    openssl(['x509', '-checkend', String(30 * 24 * 3600), '-noout', '-in', at('cert')]);
    return true;
  } catch {
    return false;
  }
}

if (stillValid()) {
  console.log('certs/: the localhost certificate is valid.');
  process.exit(0);
}
try {
  execFileSync('openssl', ['version'], { stdio: 'ignore' });
} catch {
  console.error('openssl was not found. Install it (Git for Windows includes it) or put certs/localhost.key, localhost.crt and ca.crt there yourself.');
  process.exit(1);
}
fs.mkdirSync(DIR, { recursive: true });
openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '825', '-subj', '/CN=nianbao local development CA', '-keyout', at('caKey'), '-out', at('ca')]);
openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-subj', '/CN=localhost', '-keyout', at('key'), '-out', at('csr')]);
fs.writeFileSync(at('ext'), 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n');
openssl(['x509', '-req', '-in', at('csr'), '-CA', at('ca'), '-CAkey', at('caKey'), '-CAcreateserial', '-days', '825', '-sha256', '-extfile', at('ext'), '-out', at('cert')]);
for (const name of ['csr', 'ext']) fs.rmSync(at(name));
fs.rmSync(path.join(DIR, 'ca.srl'), { force: true });
console.log('certs/: created ca.crt (trust it once, see README) and localhost.crt / localhost.key.');
