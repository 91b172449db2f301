// Protocol agreement with the real host (PROTOCOL.md "Protocol agreement"): an extension
// that speaks a newer protocol than the installed ownvoice-host (or an older one) says in
// the prompt and in the popup which side to update, to which version, instead of failing.
// The "other" extension is the dev build with its protocol number and version changed:
// same key, so the same id the host accepts; everything else is the real code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openFixture, inPrompt, promptFrame, submissions, EXTENSION_DIR, EXTENSION_ID, HOST_BIN } from './lib/harness.mjs';
import { typeInComposer, pressPost } from './lib/flows.mjs';

const HOST_VERSION = /(\d+\.\d+\.\d+)/.exec(execFileSync(HOST_BIN, ['--version'], { encoding: 'utf8' }))[1];

// A copy of the dev build that speaks `protocol` and calls itself `version`.
function extensionSpeaking(root, protocol, version) {
  const dir = path.join(root, `extension-protocol-${protocol}`);
  fs.cpSync(EXTENSION_DIR, dir, { recursive: true });
  const statusFile = path.join(dir, 'src/common/host_status.js');
  const source = fs.readFileSync(statusFile, 'utf8');
  assert.match(source, /const PROTOCOL = 1;/, 'the protocol constant this test rewrites');
  fs.writeFileSync(statusFile, source.replace('const PROTOCOL = 1;', `const PROTOCOL = ${protocol};`));
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  manifest.version = version;
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return dir;
}

async function popupSays(context) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/src/popup/popup.html`);
  await page.fill('#text', 'Une publication.');
  await page.click('#check');
  await page.waitForSelector('#result p.error');
  const said = { reason: await page.getAttribute('#result p.error', 'data-reason'), text: await page.textContent('#result p.error') };
  await page.close();
  return said;
}

for (const [name, protocol, version, reason, update] of [
  ['an extension newer than its host asks for the OwnVoice app to be updated', 2, '9.0.0', 'host_outdated', /Update the OwnVoice app \(the ownvoice package\) to version 9\.0\.0 or later/],
  ['an extension older than its host asks for itself to be updated', 0, '0.0.1', 'extension_outdated', null],
]) {
  test(name, async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ownvoice-protocol-'));
    const env = await launch({ extensionDir: extensionSpeaking(scratch, protocol, version) });
    try {
      const page = await openFixture(env.context, 'x');
      await typeInComposer(page, 'x', 'Bonne journée à tous.');
      assert.equal(await pressPost(page, 'x'), 'unavailable');
      assert.equal(await inPrompt(page).locator('.ov-host').getAttribute('data-reason'), reason);
      const prompt = await inPrompt(page).locator('#ov-status').textContent();
      assert.ok(prompt.includes(`(version ${HOST_VERSION})`), prompt);
      assert.ok(prompt.includes(`(version ${version})`), prompt);
      const expected = update || new RegExp(`Update the OwnVoice extension to version ${HOST_VERSION.replace(/\./g, '\\.')} or later`);
      assert.match(prompt, expected);
      assert.ok(await (await promptFrame(page)).isVisible('#ov-post-anyway'), 'the employee still decides');
      assert.deepEqual(await submissions(page), [], 'nothing shared without a decision');

      const popup = await popupSays(env.context);
      assert.equal(popup.reason, reason);
      assert.match(popup.text, expected);
    } finally {
      await env.close();
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
}
