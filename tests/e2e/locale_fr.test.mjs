// A French browser gets the French prompt (the extension follows the browser's language).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openFixture, inPrompt, REPO } from './lib/harness.mjs';
import { CONFIDENTIAL_POST, typeInComposer, pressPost, screenshot } from './lib/flows.mjs';

const fr = JSON.parse(fs.readFileSync(path.join(REPO, 'extension/_locales/fr/messages.json'), 'utf8'));

test('French browser: the prompt speaks French', async () => {
  const env = await launch({ lang: 'fr' });
  try {
    const page = await openFixture(env.context, 'linkedin');
    await typeInComposer(page, 'linkedin', CONFIDENTIAL_POST);
    assert.equal(await pressPost(page, 'linkedin'), 'block');
    assert.equal(await inPrompt(page).textContent('#ov-title'), fr.promptTitle.message);
    assert.equal(await inPrompt(page).textContent('#ov-status'), fr.verdictBlock.message);
    assert.equal(await inPrompt(page).textContent('label[for="ov-consent"] span'), fr.consent.message);
    assert.equal(await inPrompt(page).textContent('#ov-post'), fr.postAsChecked.message);
    await screenshot(page, 'prompt-fr.png');
  } finally {
    await env.close();
  }
});
