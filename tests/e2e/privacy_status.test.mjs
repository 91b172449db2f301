// The popup's "Privacy status" and the employee's debug switch, in real Chromium with
// the real host: the four lines (network sandbox, debug, log key, diagnostics level);
// debug switched on in the options puts `debug: true` on every request the host gets
// (seen on the native port itself) and a banner in the popup and in every prompt;
// switched off, all of it goes away.
//
// The sandbox, debug and diagnostics lines and the banners need a host that reports
// them in hello (PROTOCOL.md, issue #15 host side); with an older host the lines say
// "not reported by this host".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture, inPrompt, waitPromptState, EXTENSION_ID, FIXTURES } from './lib/harness.mjs';
import { typeInComposer } from './lib/flows.mjs';

let env;
before(async () => {
  env = await launch();
  // Every frame the background writes to the native port, as written.
  await env.worker.evaluate(() => {
    const host = self.ownvoiceHost;
    self.__ovFrames = [];
    const connect = host.deps.connectNative;
    host.deps.connectNative = (name) => {
      const port = connect(name);
      const post = port.postMessage.bind(port);
      port.postMessage = (m) => { self.__ovFrames.push({ type: m.type, debug: m.debug }); post(m); };
      return port;
    };
    host.disconnect();
  });
});
after(async () => { await env.close(); });

const frames = () => env.worker.evaluate(() => self.__ovFrames.splice(0));

async function popup() {
  const page = await env.context.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/src/popup/popup.html`);
  await page.waitForSelector('#privacy[data-loaded]');
  return page;
}

async function setDebug(on) {
  const options = await env.context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/src/options/options.html`);
  await options.waitForSelector('#debug');
  await options.waitForFunction(() => document.readyState === 'complete');
  if (on) await options.check('#debug'); else await options.uncheck('#debug');
  await options.waitForFunction((v) => chrome.storage.local.get('debug').then((r) => r.debug === v), on);
  await options.close();
}

async function promptBanner() {
  const page = await openFixture(env.context, 'x');
  await typeInComposer(page, 'x', 'Belle journée au salon avec toute l\'équipe.');
  await page.click(FIXTURES.x.submit);
  await waitPromptState(page, []);
  const count = await inPrompt(page).locator('#ov-debug-banner').count();
  const text = count ? await inPrompt(page).locator('#ov-debug-banner').textContent() : '';
  await page.close();
  return { count, text };
}

test('privacy status: four lines, read in one look; debug off by default and never sent', async () => {
  const p = await popup();
  const lines = await p.locator('.privacy-lines li').allTextContents();
  assert.equal(lines.length, 4, lines.join(' | '));
  assert.match(lines[0], /^No network: (enforced by the operating system|not enforced on this system)/);
  assert.equal(lines[1], 'Debug diagnostics: off');
  assert.equal(lines[2], 'Log: not set up yet');
  assert.equal(lines[3], 'Diagnostics level: default');
  assert.equal(await p.locator('#privacy-debug-notice').count(), 0);
  await p.close();
  assert.deepEqual((await promptBanner()).count, 0);
  const sent = await frames();
  assert.ok(sent.length >= 2, 'requests were seen');
  assert.ok(sent.every((m) => m.debug === undefined), JSON.stringify(sent));
});

test('debug switched on by the employee: every request carries it, the popup and the prompt say so; off again: gone', async () => {
  await setDebug(true);
  await frames();
  const p = await popup();
  assert.match(await p.textContent('#privacy-debug-notice'), /^Debug diagnostics are on/);
  assert.equal(await p.textContent('#privacy-debug'), 'Debug diagnostics: on');
  await p.close();
  const banner = await promptBanner();
  assert.equal(banner.count, 1, 'the prompt shows the banner');
  assert.match(banner.text, /^Debug diagnostics are on/);
  const sent = await frames();
  assert.ok(sent.some((m) => m.type === 'check') && sent.some((m) => m.type === 'hello'));
  assert.ok(sent.every((m) => m.debug === true), 'every request carried debug: true ' + JSON.stringify(sent));

  await setDebug(false);
  await frames();
  const p2 = await popup();
  assert.equal(await p2.locator('#privacy-debug-notice').count(), 0);
  await p2.close();
  assert.equal((await promptBanner()).count, 0);
  assert.ok((await frames()).every((m) => m.debug === undefined));
});
