// When the host is missing or refuses the extension, the prompt says so plainly, links
// to the install instructions, and the employee decides: post anyway or cancel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openFixture, inPrompt, submissions, EXTENSION_ID, HOST_BIN } from './lib/harness.mjs';
import { typeInComposer, pressPost, promptGone, waitSubmission } from './lib/flows.mjs';

test('host not installed: told plainly, then post anyway or cancel', async () => {
  const env = await launch({ host: false });
  try {
    const page = await openFixture(env.context, 'x');
    const text = 'Projet Edelweiss et autres nouvelles.';
    await typeInComposer(page, 'x', text);
    assert.equal(await pressPost(page, 'x'), 'unavailable');
    assert.equal(await inPrompt(page).getAttribute('.ov-host', 'data-reason'), 'missing');
    assert.equal(await inPrompt(page).getAttribute('#ov-install', 'href'), `chrome-extension://${EXTENSION_ID}/src/pages/install.html`);
    assert.deepEqual(await submissions(page), [], 'not silently allowed');

    await inPrompt(page).click('#ov-cancel');
    await promptGone(page);
    assert.deepEqual(await submissions(page), [], 'cancel shares nothing');

    await pressPost(page, 'x');
    await inPrompt(page).click('#ov-post-anyway');
    assert.equal(await waitSubmission(page), text, 'the employee chose to post unchecked, as written');

    // The install link opens the extension's own page (no network).
    await pressPost(page, 'x');
    const [help] = await Promise.all([env.context.waitForEvent('page'), inPrompt(page).click('#ov-install')]);
    await help.waitForLoadState();
    assert.equal(help.url(), `chrome-extension://${EXTENSION_ID}/src/pages/install.html`);
    assert.match(await help.textContent('h1'), /OwnVoice/);
    assert.match(await help.textContent('main'), /ownvoice install/);
  } finally {
    await env.close();
  }
});

test('host registered for another extension only: "does not accept this extension"', async () => {
  const env = await launch({ host: false });
  try {
    const dir = path.join(env.root, 'profile', 'NativeMessagingHosts');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'org.ownvoice.host.json'), JSON.stringify({
      name: 'org.ownvoice.host', description: 'OwnVoice', path: HOST_BIN, type: 'stdio',
      allowed_origins: ['chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/'],
    }));
    const page = await openFixture(env.context, 'facebook');
    await typeInComposer(page, 'facebook', 'Bonjour à tous');
    assert.equal(await pressPost(page, 'facebook'), 'unavailable');
    assert.equal(await inPrompt(page).getAttribute('.ov-host', 'data-reason'), 'forbidden');
    assert.deepEqual(await submissions(page), []);
  } finally {
    await env.close();
  }
});
