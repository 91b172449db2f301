// Real headless Chromium, started as a user whose $HOME is a temporary folder, must reach
// the real ownvoice-host through the manifest `ownvoice install --user` wrote at
// ~/.config/chromium/NativeMessagingHosts, and must fail with the browser's own error
// messages once the manifest is removed or no longer lists the extension. This is the
// proof that the folder and the manifest format are what Chromium reads.
// env: OWNVOICE_CLI (a program with install/uninstall), OWNVOICE_HOST_BIN, OWNVOICE_CHROMIUM.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = process.env.OWNVOICE_CLI;
const HOST = process.env.OWNVOICE_HOST_BIN;
const BROWSER = process.env.OWNVOICE_CHROMIUM || '/usr/bin/chromium';
const EXTENSION = path.join(REPO, 'extension/dist/dev/chromium');

function ownvoice(home, ...args) {
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'),
                XDG_DATA_HOME: path.join(home, '.local/share') };
  return execFileSync(CLI, args, { env, encoding: 'utf8' });
}

// Asks the host for `hello` from the extension's service worker; returns the reply or
// the browser's error message.
async function helloFromExtension(home) {
  const profile = path.join(home, '.config/chromium');  // Chromium's default profile folder for this $HOME
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: BROWSER,
    headless: true,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'),
           OWNVOICE_DATA_DIR: path.join(home, '.local/share/ownvoice') },
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run',
           `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
  });
  try {
    const worker = context.serviceWorkers()[0] || (await context.waitForEvent('serviceworker'));
    return await worker.evaluate(() => new Promise((resolve) => {
      chrome.runtime.sendNativeMessage('org.ownvoice.host', { id: 1, type: 'hello', protocol: 1 }, (reply) => {
        resolve(chrome.runtime.lastError ? { browserError: chrome.runtime.lastError.message } : reply);
      });
    }));
  } finally {
    await context.close();
  }
}

// The extension is built by extension/build.mjs (npm test does it too); build it when
// this test runs first, so it is not skipped for want of a build step.
if (!fs.existsSync(path.join(EXTENSION, 'manifest.json')) && fs.existsSync(path.join(REPO, 'node_modules'))) {
  execFileSync(process.execPath, [path.join(REPO, 'extension/build.mjs'), '--flavour', 'dev'], { cwd: REPO, stdio: 'ignore' });
}

const ready = CLI && HOST && fs.existsSync(CLI) && fs.existsSync(HOST) && fs.existsSync(BROWSER) &&
  fs.existsSync(path.join(EXTENSION, 'manifest.json'));

test('Chromium reaches the host through the manifest ownvoice install wrote', { skip: !ready && 'needs OWNVOICE_CLI, OWNVOICE_HOST_BIN, chromium and extension/dist' }, async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ownvoice-browser-'));
  try {
    fs.mkdirSync(path.join(home, '.config/chromium'), { recursive: true });
    ownvoice(home, 'install', '--user', '--browsers', 'chromium', '--host-path', HOST);
    const manifest = path.join(home, '.config/chromium/NativeMessagingHosts/org.ownvoice.host.json');
    assert.ok(fs.existsSync(manifest));

    const reply = await helloFromExtension(home);
    assert.equal(reply.ok, true, JSON.stringify(reply));
    assert.equal(reply.result.protocol, 1);

    // A manifest that does not list this extension: the browser refuses before the host runs.
    const doc = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    fs.writeFileSync(manifest, JSON.stringify({ ...doc, allowed_origins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/'] }));
    assert.match((await helloFromExtension(home)).browserError ?? '', /forbidden/i);
    assert.notEqual(execStatus(() => ownvoice(home, 'doctor', '--user', '--browsers', 'chromium')), 0,
      'doctor must report the missing extension id');

    // Uninstalled: the browser no longer finds a host.
    ownvoice(home, 'install', '--user', '--browsers', 'chromium', '--host-path', HOST);  // repairs the file
    ownvoice(home, 'uninstall', '--user');
    assert.ok(!fs.existsSync(manifest));
    assert.match((await helloFromExtension(home)).browserError ?? '', /not found/i);
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});

function execStatus(fn) {
  try {
    fn();
    return 0;
  } catch (e) {
    return e.status ?? 1;
  }
}
