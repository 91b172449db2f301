// The Firefox build, end to end in Debian's firefox-esr driven over WebDriver BiDi by
// puppeteer-core, with the real ownvoice-host registered the way Firefox finds it
// ($HOME/.mozilla/native-messaging-hosts/org.ownvoice.host.json, allowed_extensions),
// and `web-ext lint` on the shipped Firefox build.
//
// Firefox cannot answer requests for another address the way Playwright's route() does,
// so the fixture pages are served by a local http server under the sites' own names:
// network.dns.localDomains sends x.com and composer.ownvoice.test to 127.0.0.1, and the
// extension is built for the test with http:// twins of its https:// matches
// (build.mjs httpMatches; never in a shipped build).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, POLICY } from './lib/harness.mjs';
import { FIXTURES } from './fixtures/pages.mjs';
import { CONFIDENTIAL_POST, FIXED_POST, words } from './lib/flows.mjs';
import { startFirefox, firefoxPromptFrame, firefoxPromptState, GECKO_ID } from './lib/firefox.mjs';

let ff; let browser;

before(async () => {
  ff = await startFirefox();
  browser = ff.browser;
});

after(async () => { if (ff) await ff.close(); });

const site = (host, pathAndQuery) => ff.site(host, pathAndQuery);
const inPrompt = async (page, selector) => (await firefoxPromptFrame(page)).waitForSelector(selector);
const promptState = (page, states = []) => firefoxPromptState(page, states);
const fixtureText = (page) => page.evaluate(() => window.__fixture.modelText());
const submissions = (page) => page.evaluate(() => window.__fixture.submissions.slice());

async function composerFlow(name, url, composer, submit) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector(composer);
  await page.click(composer);
  await page.keyboard.type(CONFIDENTIAL_POST);
  assert.equal(words(await fixtureText(page)), words(CONFIDENTIAL_POST), `${name}: typed into the editor`);
  await page.click(submit);
  assert.equal(await promptState(page), 'block', `${name}: held and blocked`);
  assert.deepEqual(await submissions(page), []);
  const mark = await inPrompt(page, 'mark[data-rule~="codenames"]');
  assert.match(await mark.evaluate((m) => m.textContent), /Edelweiss/);

  const body = await inPrompt(page, '#ov-body');
  await body.evaluate((el) => { el.select(); });
  await page.keyboard.press('Backspace');
  await body.type(FIXED_POST);
  await (await inPrompt(page, '#ov-recheck')).click();
  assert.notEqual(await promptState(page, ['ok', 'warn', 'block']), 'block');
  const wording = await (await inPrompt(page, '#ov-disclaimer-text')).evaluate((el) => el.value);
  assert.ok(Object.values(POLICY.disclaimers).includes(wording), wording);
  await (await inPrompt(page, '#ov-consent')).click();
  await (await inPrompt(page, '#ov-post:not([disabled])')).click();
  await page.waitForFunction(() => window.__fixture.submissions.length > 0, { timeout: 15000 });
  const [sent] = await submissions(page);
  assert.equal(words(sent), words(FIXED_POST + ' ' + wording), `${name}: the fixed text and the disclaimer reached the site`);
  assert.ok(!sent.includes('Edelweiss'));
  await page.close();
}

test('web-ext lint: the Firefox build has no errors and no warnings', () => {
  const dir = path.join(REPO, 'extension/dist/dev/firefox');
  const out = execFileSync(process.execPath, [path.join(REPO, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const report = JSON.parse(out.slice(out.indexOf('{')));
  assert.deepEqual(report.errors.map((e) => `${e.code}: ${e.message} (${e.file || ''})`), []);
  // No warning either (web-ext is pinned, so this only moves when we change it).
  assert.deepEqual(report.warnings.map((e) => `${e.code}: ${e.message} (${e.file || ''})`), []);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  assert.equal(manifest.browser_specific_settings.gecko.id, GECKO_ID);
});

test('firefox: textarea composer, held, fixed, shared with the disclaimer through the real host', async () => {
  await composerFlow('textarea', site('composer.ownvoice.test', '/post'), FIXTURES.textarea.composer, FIXTURES.textarea.submit);
});

test('firefox: X (Draft.js) composer, held, fixed, shared with the disclaimer', async () => {
  await composerFlow('x', site('x.com', '/compose/post'), FIXTURES.x.composer, FIXTURES.x.submit);
});

test('firefox: an X share link brings the prompt first, then the composer with the checked text', async () => {
  const TEXT = 'Great read on how our team runs remote retrospectives';
  const page = await browser.newPage();
  await page.goto(site('x.com', '/intent/post?' + new URLSearchParams({ text: TEXT })), { waitUntil: 'domcontentloaded' });
  assert.notEqual(await promptState(page), 'block');
  const wording = await (await inPrompt(page, '#ov-disclaimer-text')).evaluate((el) => el.value);
  await (await inPrompt(page, '#ov-consent')).click();
  await (await inPrompt(page, '#ov-post:not([disabled])')).click();
  await page.waitForFunction(() => !location.hash && window.__fixture && window.__fixture.modelText().length > 0, { timeout: 15000 });
  assert.equal(words(await fixtureText(page)), words(`${TEXT} ${wording}`));
  await page.close();
});
