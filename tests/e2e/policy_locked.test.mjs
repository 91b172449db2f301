// A policy that sets the disclaimer wording (allow_user_disclaimer: false): the options
// page says so and locks the fields, and the prompt proposes the policy's wording even
// if the employee saved their own earlier.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openFixture, inPrompt, EXTENSION_ID, POLICY } from './lib/harness.mjs';
import { typeInComposer, pressPost } from './lib/flows.mjs';

test('allow_user_disclaimer false: wording locked in options, the policy\'s wording in the prompt', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ownvoice-policy-'));
  const policyFile = path.join(dir, 'policy.json');
  const policy = Object.assign({}, POLICY, { allow_user_disclaimer: false });
  delete policy.$schema;
  fs.writeFileSync(policyFile, JSON.stringify(policy));
  const env = await launch({ env: { OWNVOICE_SYSTEM_POLICY: policyFile } });
  try {
    // A wording saved before IT locked it.
    await env.worker.evaluate(() => chrome.storage.local.set({ disclaimers: { fr: 'Ma formule à moi.' } }));
    const options = await env.context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/src/options/options.html`);
    await options.waitForSelector('#disclaimer-locked:not([hidden])');
    assert.ok(await options.isDisabled('#disclaimer-fr'));
    assert.ok(await options.isDisabled('#disclaimer-en'));

    const page = await openFixture(env.context, 'x');
    await typeInComposer(page, 'x', 'Quelle belle journée avec l\'équipe.');
    await pressPost(page, 'x');
    assert.equal(await inPrompt(page).inputValue('#ov-disclaimer-text'), POLICY.disclaimers.fr);
  } finally {
    await env.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
