// The generic adapter: a site IT lists in the policy (`sites`) and a site the employee
// adds in the options both get Post held on a page no built-in adapter knows; the
// options list shows each with who added it, and a refused site is no longer checked.
// Real Chromium, real host (the policy file with `sites` is a layer the host loads).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, inPrompt, waitPromptState, submissions, EXTENSION_ID, POLICY } from './lib/harness.mjs';
import { CONFIDENTIAL_POST, FIXED_POST, words, promptGone, waitSubmission } from './lib/flows.mjs';
import { SITE_REPLICAS, routeSiteReplicas, proposedWording } from './lib/site_replicas.mjs';

const site = SITE_REPLICAS.custom;
const policyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ownvoice-sites-policy-'));
const policyPath = path.join(policyDir, 'policy.json');
fs.writeFileSync(policyPath, JSON.stringify(Object.assign({}, POLICY, {
  sites: [{ id: 'intranet', url_match: 'https://composer.ownvoice.test/policy*', composer_selector: '#custom-editor', submit_selector: '#custom-send', platform: 'x' }],
})));

let env;
let options;
before(async () => {
  env = await launch({ env: { OWNVOICE_SYSTEM_POLICY: policyPath } });
  await routeSiteReplicas(env.context);
  options = await env.context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/src/options/options.html`);
});
after(async () => { await env.close(); fs.rmSync(policyDir, { recursive: true, force: true }); });

async function post(page, text) {
  await page.click(site.composer);
  await page.keyboard.type(text);
  await page.click(site.submit);
}

async function heldAndShared(url) {
  const page = await env.context.newPage();
  await page.goto(url);
  await post(page, CONFIDENTIAL_POST);
  await inPrompt(page).locator('.ov-dialog').waitFor();
  assert.equal(await waitPromptState(page, []), 'block');
  assert.match(await inPrompt(page).locator('mark[data-rule~="codenames"]').first().textContent(), /Edelweiss/);
  assert.deepEqual(await submissions(page), []);
  await inPrompt(page).fill('#ov-body', FIXED_POST);
  await inPrompt(page).click('#ov-recheck');
  assert.notEqual(await waitPromptState(page, ['ok', 'warn', 'block']), 'block');
  const wording = await proposedWording(page);
  await inPrompt(page).check('#ov-consent');
  await inPrompt(page).click('#ov-post');
  const sent = await waitSubmission(page);
  await promptGone(page);
  assert.equal(words(sent), words(FIXED_POST + ' ' + wording));
  await page.close();
}

async function notHeld(url) {
  const page = await env.context.newPage();
  await page.goto(url);
  await page.waitForTimeout(300);  // the site list has arrived in the content script
  await post(page, 'Plain words');
  const sent = await waitSubmission(page);
  assert.equal(words(sent), 'Plain words');
  assert.equal(await inPrompt(page).locator('.ov-dialog').count(), 0, 'no prompt on a refused site');
  await page.close();
}

const rowOf = (key) => options.locator(`#sites tr[data-site="${key}"]`);

test('a site from IT\'s policy: listed in the options as the employer\'s, and Post is held there', async () => {
  await rowOf('policy:intranet').waitFor();
  const text = await rowOf('policy:intranet').textContent();
  assert.match(text, /your employer \(policy file\)/);
  assert.match(text, /composer\.ownvoice\.test\/policy\*/);
  await heldAndShared('https://composer.ownvoice.test/policy');
});

test('a site the employee adds in the options: held there too', async () => {
  await options.fill('#site-id', 'team-board');
  await options.fill('#site-url', 'https://composer.ownvoice.test/custom*');
  await options.fill('#site-composer', '#custom-editor');
  await options.fill('#site-submit', '#custom-send');
  await options.selectOption('#site-platform', 'x');
  await options.click('#site-add');
  await rowOf('employee:team-board').waitFor();
  assert.match(await rowOf('employee:team-board').textContent(), /you/);
  await heldAndShared('https://composer.ownvoice.test/custom');
});

test('a refused site is no longer checked, whoever added it; allowing it again brings the check back', async () => {
  await rowOf('policy:intranet').locator('input.refuse').check();
  await options.waitForFunction(() => /refused/.test(document.querySelector('#sites tr[data-site="policy:intranet"]').textContent));
  await notHeld('https://composer.ownvoice.test/policy');
  await rowOf('policy:intranet').locator('input.refuse').uncheck();
  await options.waitForFunction(() => !/refused/.test(document.querySelector('#sites tr[data-site="policy:intranet"]').textContent));
  await heldAndShared('https://composer.ownvoice.test/policy');
});
