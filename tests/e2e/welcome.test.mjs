// First run against the real host: the welcome page shows that the host answers, what
// the example policy screens for and where each rule comes from, sets up the encrypted
// log, and saves the employee's wording and boundaries; the first prompt without a log
// offers to set one up, once, and never again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openFixture, inPrompt, waitPromptState, EXTENSION_ID, EXTENSION_DIR, HOST_BIN, POLICY, POLICY_PATH, REPO } from './lib/harness.mjs';
import { build } from '../../extension/build.mjs';
import { typeInComposer, pressPost, promptGone, screenshot } from './lib/flows.mjs';

// The stores' screenshot size (Chrome Web Store and Edge: 1280x800).
const STORE_SIZE = { width: 1280, height: 800 };

const WELCOME = `chrome-extension://${EXTENSION_ID}/src/pages/welcome.html`;
const HOST_VERSION = /(\d+\.\d+\.\d+)/.exec(execFileSync(HOST_BIN, ['--version'], { encoding: 'utf8' }))[1];

test('welcome page: host answers, the policy with its sources, log set-up, wording and boundaries saved', async () => {
  const env = await launch();
  try {
    const page = await env.context.newPage();
    await page.goto(WELCOME);
    await page.waitForSelector('#connection[data-state="ok"]');
    assert.match(await page.textContent('#host-status'), new RegExp(`OwnVoice app ${HOST_VERSION.replace(/\./g, '\\.')} answers`));

    await page.waitForSelector('#rules tr.rule');
    assert.match(await page.textContent('#policy-summary'), new RegExp(`${POLICY.company} policy ${POLICY.version}: ${POLICY.rules.length} rules`));
    const rows = await page.locator('#rules tr.rule').count();
    assert.equal(rows, POLICY.rules.length);
    for (const rule of POLICY.rules) {
      const row = page.locator(`#rules tr.rule[data-rule="${rule.id}"]`);
      assert.equal(await row.locator('td').first().textContent(), rule.description || rule.id);
      // The example policy is the system layer in these tests (OWNVOICE_SYSTEM_POLICY).
      assert.equal(await row.locator('td.source').textContent(), `your IT department's file ${POLICY_PATH}`);
    }
    assert.equal(await page.getAttribute('#disclaimer-en', 'placeholder'), POLICY.disclaimers.en);

    await page.waitForSelector('#log[data-initialized="false"]');
    await page.fill('#init-pass', 'one two three four');
    await page.fill('#init-pass2', 'one two three FOUR');
    await page.click('#init');
    await page.waitForFunction(() => document.querySelector('#log-message').textContent.length > 0);
    assert.equal(await page.getAttribute('#log', 'data-initialized'), 'false', 'two different passphrases: nothing created');
    await page.fill('#init-pass', 'one two three four');
    await page.fill('#init-pass2', 'one two three four');
    await page.click('#init');
    await page.waitForSelector('#log[data-initialized="true"]');
    assert.equal(await page.inputValue('#init-pass'), '', 'the passphrase is not kept in the page');
    assert.ok(await page.isHidden('#log-init'));

    await page.fill('#disclaimer-en', 'My views, nobody else\'s.');
    await page.selectOption('#boundary-platform', 'instagram');
    await page.fill('#boundary-account', '@me_at_home');
    await page.click('#boundary-add');
    await page.waitForSelector('#boundary-list li.boundary-entry[data-account="me_at_home"]');
    await page.click('#save');
    await page.waitForFunction(() => document.querySelector('#saved').textContent.length > 0);
    const stored = await env.worker.evaluate(() => chrome.storage.local.get(null));
    assert.deepEqual(stored.disclaimers, { en: 'My views, nobody else\'s.' });
    assert.deepEqual(stored.boundaries.keep_out, [{ platform: 'instagram', account: 'me_at_home' }]);
    assert.equal(stored.logOfferShown, true, 'a log exists: the prompt will not offer one');

    await page.setViewportSize(STORE_SIZE);
    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = await screenshot(page, 'store-welcome-en-1280x800.png');
    const png = fs.readFileSync(shot);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1280, 800], 'store size');

    // The host really has a log now.
    const status = await env.worker.evaluate(() => globalThis.ownvoiceHost.request({ type: 'log.status' }));
    assert.equal(status.initialized, true);
  } finally {
    await env.close();
  }
});

test('without a log, the first prompt offers to set one up, once; the link opens the welcome page', async () => {
  const env = await launch();
  try {
    const page = await openFixture(env.context, 'x');
    await typeInComposer(page, 'x', 'Bonne journée à tous.');
    await pressPost(page, 'x');
    await inPrompt(page).locator('#ov-log-offer').waitFor();
    await page.setViewportSize(STORE_SIZE);
    await screenshot(page, 'store-prompt-en-1280x800.png');
    const [welcome] = await Promise.all([env.context.waitForEvent('page'), inPrompt(page).click('#ov-log-offer')]);
    await welcome.waitForLoadState();
    assert.equal(welcome.url(), WELCOME);
    await page.bringToFront();
    await inPrompt(page).click('#ov-cancel');
    await promptGone(page);

    // Again, and on another site: no second offer.
    await pressPost(page, 'x');
    await waitPromptState(page, ['ok', 'warn', 'block']);  // a result shown, not a prompt still loading
    assert.equal(await inPrompt(page).locator('#ov-log-offer').count(), 0, 'offered once, not again');
    await inPrompt(page).click('#ov-cancel');
    const other = await openFixture(env.context, 'linkedin');
    await typeInComposer(other, 'linkedin', 'Une autre publication.');
    await pressPost(other, 'linkedin');
    await waitPromptState(other, ['ok', 'warn', 'block']);
    assert.equal(await inPrompt(other).locator('#ov-log-offer').count(), 0);
  } finally {
    await env.close();
  }
});

test('welcome page in French', async () => {
  const env = await launch({ lang: 'fr' });
  try {
    const page = await env.context.newPage();
    await page.goto(WELCOME);
    await page.waitForSelector('#connection[data-state="ok"]');
    assert.equal(await page.textContent('h1'), 'Bienvenue dans OwnVoice');
    assert.ok((await page.textContent('#host-status')).includes(`l'application OwnVoice ${HOST_VERSION} répond`));
    await page.waitForSelector('#rules tr.rule');
    assert.match(await page.textContent('#rules td.source'), /le fichier de votre service informatique/);
  } finally {
    await env.close();
  }
});

test('the release flavour opens the welcome page by itself on install; the dev flavour does not', async () => {
  // The release build, given the development key only so that it keeps the id the host
  // accepts (a store or CRX install gets its id from its own key); its code is untouched.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ownvoice-welcome-'));
  const dir = path.join(build(scratch, { flavour: 'release', browsers: ['chromium'] }).dist, 'chromium');
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  manifest.key = fs.readFileSync(path.join(REPO, 'extension/dev-public-key.b64'), 'utf8').trim();
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  assert.match(fs.readFileSync(path.join(dir, 'src/flavour.js'), 'utf8'), /flavour = "release"/);
  const env = await launch({ extensionDir: dir });
  try {
    const opened = env.context.pages().find((p) => p.url() === WELCOME) ||
      await env.context.waitForEvent('page', { predicate: (p) => p.url() === WELCOME, timeout: 15000 });
    await opened.waitForSelector('#connection[data-state="ok"]');
  } finally {
    await env.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  assert.match(fs.readFileSync(path.join(EXTENSION_DIR, 'src/flavour.js'), 'utf8'), /flavour = "dev"/);
  const dev = await launch();
  try {
    await new Promise((r) => setTimeout(r, 1500));
    assert.ok(!dev.context.pages().some((p) => p.url() === WELCOME), 'no tab opens by itself in the dev flavour');
  } finally {
    await dev.close();
  }
});
