// The log pin against an administrator who replaces the employee's log with one sealed
// to their own key (appending needs no secret, so every later entry would be readable by
// them). Real Chromium, the real host, the real `ownvoice` command line as the
// administrator's tool: the employee sets the log up in the options page (its key is
// pinned), shares a post (logged); between two hellos the log is replaced by another
// key; the popup and the prompt warn, nothing more is logged, and logging resumes only
// when the employee accepts the new key in the popup.
//
// Needs a host that reports `log.key_fingerprint` and `last_seq` in hello (PROTOCOL.md,
// issue #15 host side).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openFixture, inPrompt, waitPromptState, EXTENSION_ID, HOST_BIN, FIXTURES } from './lib/harness.mjs';
import { typeInComposer, waitSubmission, promptGone } from './lib/flows.mjs';

const CLI_BIN = process.env.OWNVOICE_CLI_BIN || path.join(path.dirname(HOST_BIN), 'ownvoice');
const MINE = 'correct horse battery staple';
const THEIRS = 'the administrator knows this one';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const pin = () => env.worker.evaluate(() => chrome.storage.local.get('logPin').then((r) => r.logPin || null));
const entries = () => env.worker.evaluate(() => self.ownvoiceHost.request({ type: 'log.status' }).then((s) => s.entries));
const confirms = () => env.worker.evaluate(() => (self.__ovSent || []).filter((m) => m.type === 'confirm').length);

async function spyOnHost() {
  await env.worker.evaluate(() => {
    const host = self.ownvoiceHost;
    if (host.__spied) return;
    host.__spied = true;
    self.__ovSent = [];
    const real = host.request.bind(host);
    host.request = (message, ...rest) => { self.__ovSent.push({ type: message.type }); return real(message, ...rest); };
  });
}

// What an administrator with a shell on the machine does: remove the log, create one of
// their own with the command line.
// The host that just lost its port may still be closing the log (SQLite removes its -wal and
// -shm files as it closes): wait for that, then remove whatever is left, tolerating a file
// the closing host removed between the listing and the removal.
async function replaceLog() {
  const data = path.join(env.root, 'data');
  const sidecars = () => fs.readdirSync(data).filter((f) => /^log\.sqlite-(wal|shm)$/.test(f));
  for (let waited = 0; sidecars().length && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  for (const f of fs.readdirSync(data)) if (f.startsWith('log.sqlite')) fs.rmSync(path.join(data, f), { force: true });
  execFileSync(CLI_BIN, ['log', 'init', '--passphrase-fd', '0'], {
    input: THEIRS + '\n',
    env: Object.assign({}, process.env, { HOME: path.join(env.root, 'home'), OWNVOICE_DATA_DIR: data,
      OWNVOICE_STATE_DIR: path.join(env.root, 'state'), OWNVOICE_TEST_FAST_KDF: '1' }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

async function share(text) {
  const page = await openFixture(env.context, 'x');
  await typeInComposer(page, 'x', text);
  await page.click(FIXTURES.x.submit);
  await waitPromptState(page, ['ok', 'warn']);
  const warning = await inPrompt(page).locator('#ov-log-key-warning').count();
  await inPrompt(page).check('#ov-consent');
  await inPrompt(page).click('#ov-post');
  await waitSubmission(page);
  await promptGone(page);
  await page.close();
  return { warning };
}

async function popup() {
  const page = await env.context.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/src/popup/popup.html`);
  await page.waitForSelector('#privacy[data-loaded]');
  return page;
}

test('a log replaced by another key between two hellos: warned, not logged, until the employee accepts it', async () => {
  // The employee sets up the log: its key is pinned.
  const options = await env.context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/src/options/options.html`);
  await options.waitForSelector('#log-init:not([hidden])');
  await options.fill('#init-pass', MINE);
  await options.fill('#init-pass2', MINE);
  await options.click('#init');
  await options.waitForSelector('#log-audit:not([hidden])');
  await options.close();
  const pinned = await pin();
  assert.match(pinned && pinned.fingerprint || '', /^[0-9a-f]{64}$/, 'the log key is pinned at set-up');
  assert.equal(pinned.alarm, undefined);

  await spyOnHost();
  assert.deepEqual(await share('Belle journée au salon avec toute l\'équipe.'), { warning: 0 });
  assert.equal(await entries(), 1, 'the post is in the log');
  assert.ok((await pin()).last_seq >= 1, 'the pin follows the log');

  // Between two hellos: the host process ends, the administrator replaces the log.
  await env.worker.evaluate(() => self.ownvoiceHost.disconnect());
  await replaceLog();

  const p1 = await popup();
  assert.match(await p1.textContent('#privacy-log-notice'), /not the one you set up/);
  assert.ok(await p1.isVisible('#privacy-accept-key'));
  await p1.close();
  const alarmed = await pin();
  assert.equal(alarmed.alarm, 'key_changed');
  assert.equal(alarmed.fingerprint, pinned.fingerprint, 'the employee\'s key stays the pinned one');

  const before = await confirms();
  assert.deepEqual(await share('Une autre belle journée avec l\'équipe.'), { warning: 1 }, 'the prompt warns');
  assert.equal(await confirms(), before, 'no confirm reached the host');
  assert.equal(await entries(), 0, 'nothing was written into the administrator\'s log');

  // The employee accepts the new key deliberately (say they re-created the log themselves).
  const p2 = await popup();
  await p2.click('#privacy-accept-key');
  await p2.waitForSelector('#privacy-accepted');
  assert.equal(await p2.locator('#privacy-log-notice').count(), 0);
  await p2.close();
  const accepted = await pin();
  assert.notEqual(accepted.fingerprint, pinned.fingerprint);
  assert.equal(accepted.alarm, undefined);
  assert.deepEqual(await share('Et encore une belle journée.'), { warning: 0 });
  assert.equal(await entries(), 1, 'logging resumed');
});
