#!/usr/bin/env node
// Self-hosted deployment, end to end (CTest release.crx_policy_install): the release
// flavour is zipped and packed as CRX3 by the release code (scripts/release/selfhosted.mjs,
// with a throwaway key), served with updates.xml from a local HTTP server on 127.0.0.1, and
// real Chromium installs it because the managed policy ExtensionInstallForcelist says so,
// as on an employee's machine.
// Chromium on Linux reads its policy from /etc/chromium/policies/managed/, a machine-wide
// folder: the test never writes there. It runs Chromium in a private mount namespace
// (unshare) where a scratch folder is bound over /etc/chromium, so no other browser on
// the machine sees the policy and nothing is left behind. That needs root: without it
// the test says so loudly and exits 77 (CTest: skipped).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { build } from '../../extension/build.mjs';
import { selfHosted } from '../../scripts/release/selfhosted.mjs';

const SKIP = 77;
const CHROMIUM = process.env.OWNVOICE_CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_MS = 90000;

function skip(why) {
  console.error(`\n!!! SKIPPED release.crx_policy_install: ${why} !!!\n`);
  process.exit(SKIP);
}
function which(cmd) {
  try { return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim(); } catch { return null; }
}

if (process.getuid && process.getuid() !== 0) skip('needs root (a private mount namespace over /etc/chromium)');
if (!fs.existsSync(CHROMIUM)) skip(`no Chromium at ${CHROMIUM}`);
for (const tool of ['unshare', 'mount', 'zip']) if (!which(tool)) skip(`${tool} is missing`);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ownvoice-crx-'));
const served = path.join(root, 'dist');
const requests = [];
let chromium = null;

const server = http.createServer((req, res) => {
  requests.push(req.url.split('?')[0]);
  const file = path.join(served, path.normalize(decodeURIComponent(req.url.split('?')[0])).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(served) || !fs.existsSync(file) || !fs.statSync(file).isFile()) { res.writeHead(404).end(); return; }
  const type = file.endsWith('.crx') ? 'application/x-chrome-extension' : file.endsWith('.xml') ? 'text/xml' : 'application/octet-stream';
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': fs.statSync(file).size });
  fs.createReadStream(file).pipe(res);
});

async function main() {
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;

  // What scripts/release.sh does for the Chromium side, into the served folder.
  const ext = build(path.join(root, 'ext'), { flavour: 'release', browsers: ['chromium'] });
  const zip = path.join(root, 'chromium.zip');
  execFileSync('sh', ['-c', 'find . -type f | LC_ALL=C sort | zip -qX -@ "$0"', zip], { cwd: path.join(ext.dist, 'chromium') });
  const hosted = selfHosted({ zip, keyFile: path.join(root, 'key', 'throwaway.pem'), version: ext.version, baseUrl: base, out: served });
  console.log(`serving ${served} at ${base}; extension id ${hosted.id}`);

  // The policy, seen only inside the namespace: /etc/chromium replaced by this folder.
  const etc = path.join(root, 'etc-chromium');
  fs.mkdirSync(path.join(etc, 'policies/managed'), { recursive: true });
  if (fs.existsSync('/etc/chromium/master_preferences')) fs.copyFileSync('/etc/chromium/master_preferences', path.join(etc, 'master_preferences'));
  fs.writeFileSync(path.join(etc, 'policies/managed/ownvoice.json'),
    JSON.stringify({ ExtensionInstallForcelist: [`${hosted.id};${hosted.updateUrl}`] }, null, 2));
  if (!fs.existsSync('/etc/chromium')) skip('no /etc/chromium to bind over (is this Debian\'s chromium?)');

  const profile = path.join(root, 'profile');
  chromium = spawn('unshare', ['--mount', '--propagation', 'private', '--', 'sh', '-c',
    'mount --bind "$0" /etc/chromium && exec "$1" --headless=new --no-sandbox --no-first-run --disable-gpu ' +
    '--disable-component-update --disable-sync --no-default-browser-check --user-data-dir="$2" about:blank',
    etc, CHROMIUM, profile], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  chromium.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });

  const installed = path.join(profile, 'Default/Extensions', hosted.id);
  const deadline = Date.now() + TIMEOUT_MS;
  let manifest = null;
  while (Date.now() < deadline && !manifest) {
    await new Promise((r) => setTimeout(r, 500));
    if (!fs.existsSync(installed)) continue;
    for (const v of fs.readdirSync(installed)) {
      const f = path.join(installed, v, 'manifest.json');
      if (fs.existsSync(f)) manifest = JSON.parse(fs.readFileSync(f, 'utf8'));
    }
  }
  const problems = [];
  if (!manifest) problems.push(`Chromium did not install ${hosted.id} within ${TIMEOUT_MS / 1000} s (requests: ${requests.join(', ') || 'none'})\n${stderr}`);
  else {
    if (manifest.version !== ext.version) problems.push(`installed version ${manifest.version}, expected ${ext.version}`);
    if (manifest.key === undefined) problems.push('Chromium writes the CRX public key into the installed manifest; it is missing');
  }
  if (!requests.includes('/updates.xml')) problems.push('updates.xml was never fetched');
  if (!requests.includes(`/${hosted.crx}`)) problems.push(`${hosted.crx} was never fetched`);
  if (problems.length) throw new Error(problems.join('\n'));
  console.log(`PASS: Chromium fetched ${requests.join(', ')} and installed ${hosted.id} ${manifest.version} through ExtensionInstallForcelist`);
}

function cleanup() {
  if (chromium && chromium.exitCode === null) {
    try { process.kill(-chromium.pid, 'SIGKILL'); } catch { /* gone */ }
  }
  server.close();
  fs.rmSync(root, { recursive: true, force: true });
}

main().then(() => { cleanup(); process.exit(0); }, (e) => { console.error('FAIL: ' + e.message); cleanup(); process.exit(1); });
