// Issue 17, never silently unguarded, in real Chromium with the real host: for every
// built-in site adapter, its fixture with every class name and the Post control's
// attributes renamed is still held (through the fallbacks of composer_finder.js), and a
// variant with no recognisable Post control says "not guarded here" in the toolbar and
// shows the notice near the composer. The toolbar state is read through the
// extension's own API (action.getBadgeText / getTitle for the tab, in its service
// worker). Also: the popup's words and diagnostic, and the self-test page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, inPrompt, submissions, EXTENSION_ID } from './lib/harness.mjs';
import { promptGone } from './lib/flows.mjs';
import { routeSiteReplicas } from './lib/site_replicas.mjs';
import { fixtureFor } from './fixtures/site_replicas.mjs';
import { SITES, routeVariants, variantUrl, fixtureHtml } from './lib/variants.mjs';

const BADGE = { guarded: '✓', watching: '…', unguarded: '!', off: '' };
const EDITABLE = '[contenteditable="true"]:not([tabindex="-1"]), textarea';
let env;
before(async () => {
  env = await launch();
  await routeSiteReplicas(env.context);
  await routeVariants(env.context, (url) => fixtureHtml(url.href, fixtureFor));
});
after(async () => { await env.close(); });

// The tab's badge, tooltip and last report, as the extension itself holds them.
async function toolbar(page) {
  return env.worker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === url);
    if (!tab) return null;
    return {
      tabId: tab.id,
      text: await chrome.action.getBadgeText({ tabId: tab.id }),
      title: await chrome.action.getTitle({ tabId: tab.id }),
      report: globalThis.OwnVoice.guardBadge.byTab.get(tab.id) || null,
    };
  }, page.url());
}

async function waitToolbar(page, state, timeout = 8000) {
  const end = Date.now() + timeout;
  let last = null;
  for (;;) {
    last = await toolbar(page);
    if (last && last.text === BADGE[state] && last.report && last.report.state === state) return last;
    if (Date.now() > end) assert.fail(`toolbar for ${page.url()} never said ${state}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openVariant(name, mode) {
  const page = await env.context.newPage();
  await page.goto(mode ? variantUrl(SITES[name].url, mode) : SITES[name].url);
  await page.locator(EDITABLE).first().waitFor();
  return page;
}

// A real click on the Post control, wherever the variant left it.
async function clickPost(page) {
  const box = await page.evaluate(() => {
    const r = window.__variantPost.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
}

for (const name of Object.keys(SITES)) {
  test(`${name}: as shipped guarded by its own selectors; renamed classes and Post attributes still guarded and held`, async () => {
    const original = await openVariant(name, null);
    const o = await waitToolbar(original, 'guarded');
    assert.equal(o.report.controlStrategy, 'site', 'the shipped fixture is found by the adapter\'s own selectors');
    assert.match(o.title, /guarded/i);
    await original.close();

    const page = await openVariant(name, 'renamed');
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-testid="tweetButton"], .share-actions__primary-action, [data-testid="composerPublishBtn"], [aria-label="Post"][role="button"]').length), 0,
      'the Post control lost its original attributes');
    const tb = await waitToolbar(page, 'guarded');
    assert.match(tb.title, /OwnVoice: guarded/);
    if (!SITES[name].siteSurvivesRename) assert.notEqual(tb.report.controlStrategy, 'site', `found through a fallback (${tb.report.controlStrategy})`);

    // Held: text typed, Post pressed, the prompt comes and nothing reaches the site.
    await page.locator(EDITABLE).first().click();
    await page.keyboard.type('A quiet note about our weekend hike');
    await clickPost(page);
    await inPrompt(page).locator('.ov-dialog').waitFor({ timeout: 10000 });
    assert.deepEqual(await submissions(page), [], 'held before the site saw it');
    await inPrompt(page).click('#ov-cancel');
    await promptGone(page);
    if (SITES[name].keyboard) {
      await page.locator(EDITABLE).first().click();
      await page.keyboard.press('Control+Enter');
      await inPrompt(page).locator('.ov-dialog').waitFor({ timeout: 10000 });
      assert.deepEqual(await submissions(page), [], 'Ctrl+Enter held too');
      await inPrompt(page).click('#ov-cancel');
      await promptGone(page);
    }
    await page.close();
  });

  test(`${name}: no recognisable Post control: "not guarded here" and the notice near the composer`, async () => {
    const page = await openVariant(name, 'nocontrol');
    const start = Date.now();
    const tb = await waitToolbar(page, 'unguarded');
    assert.match(tb.title, /not guarded here/);
    assert.equal(tb.report.missing, 'control');
    assert.equal(tb.report.controlStrategy, null);
    await page.waitForSelector('#ownvoice-guard-notice', { state: 'attached', timeout: 8000 });
    assert.ok(Date.now() - start >= 1000, 'not at once: after a moment');
    assert.equal(await page.evaluate(() => document.getElementById('ownvoice-guard-notice').shadowRoot), null, 'closed shadow root');
    const near = await page.evaluate((sel) => {
      const n = document.getElementById('ownvoice-guard-notice').getBoundingClientRect();
      const c = document.querySelector(sel).getBoundingClientRect();
      return Math.min(Math.abs(n.top - c.bottom), Math.abs(c.top - n.bottom));
    }, EDITABLE);
    assert.ok(near < 120, `the notice sits by the composer (${near}px)`);
    assert.equal((await waitToolbar(page, 'unguarded')).report.noticeShown, true);
    await page.close();
  });
}

// The notice's words are in a closed shadow root: read them as assistive technology
// does, through the accessibility tree.
async function axTexts(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes;
}

test('the notice says how to check by hand, is dismissed with its button, and comes once per page', async () => {
  const page = await openVariant('x', 'nocontrol');
  await page.waitForSelector('#ownvoice-guard-notice', { state: 'attached', timeout: 8000 });
  const nodes = await axTexts(page);
  const text = nodes.map((n) => (n.name && n.name.value) || '').join('\n');
  assert.match(text, /OwnVoice cannot check this post automatically/);
  assert.match(text, /Post button was not found/);
  assert.match(text, /Check with OwnVoice/);
  const dismiss = nodes.find((n) => n.role && n.role.value === 'button' && n.name && n.name.value === 'Dismiss');
  assert.ok(dismiss, 'a Dismiss button');
  const cdp = await page.context().newCDPSession(page);
  const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: dismiss.backendDOMNodeId });
  await cdp.detach();
  const [x1, y1, , , x3, y3] = model.content;
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  await page.waitForSelector('#ownvoice-guard-notice', { state: 'detached' });
  // Still unguarded, the page changes, and more than the moment passes: no second notice.
  await page.locator(EDITABLE).first().click();
  await page.keyboard.type('still here');
  await page.waitForTimeout(2500);
  assert.equal(await page.$('#ownvoice-guard-notice'), null, 'once per page');
  assert.equal((await toolbar(page)).text, BADGE.unguarded, 'the badge still says it');
  await page.close();
});

test('watching without a composer; off on a page OwnVoice does not cover', async () => {
  const page = await env.context.newPage();
  await page.goto(SITES.x.url);
  await page.evaluate(() => { document.getElementById('react-root').style.display = 'none'; });
  const watching = await waitToolbar(page, 'watching');
  assert.match(watching.title, /watching x\.com/);
  // Another page in the same tab: no content script there, the browser resets the
  // tab's badge and tooltip, and the default says off.
  await page.goto('data:text/html,<p>not a social site</p>');
  const off = await env.worker.evaluate(async (tabId) => ({
    text: await chrome.action.getBadgeText({ tabId }), title: await chrome.action.getTitle({ tabId }),
  }), watching.tabId);
  assert.ok(off, 'the tab is found');
  assert.equal(off.text, '');
  assert.match(off.title, /OwnVoice: off/);
  await page.close();
});

test('popup: the state in words, "Check my text here" checks the composer\'s text, the diagnostic names the failure and never the post', async () => {
  const page = await openVariant('facebook', 'nocontrol');
  const tb = await waitToolbar(page, 'unguarded');
  await page.locator(EDITABLE).first().click();
  const SECRET = 'Nous lançons le Projet Edelweiss bientôt';
  await page.keyboard.type(SECRET);
  const popup = await env.context.newPage();
  await popup.goto(`chrome-extension://${EXTENSION_ID}/src/popup/popup.html?tab=${tb.tabId}`);
  await popup.waitForFunction(() => document.getElementById('guard-sentence').textContent.length > 0);
  assert.match(await popup.textContent('#guard-sentence'), /Not guarded here: .*www\.facebook\.com/);
  assert.equal(await popup.getAttribute('#guard-status', 'data-state'), 'unguarded');
  const diag = await popup.textContent('#guard-diagnostic');
  assert.match(diag, /site: www\.facebook\.com/);
  assert.match(diag, /adapter: facebook/);
  assert.match(diag, /post control: not found/);
  assert.match(diag, /control strategies: site found nothing, labels found nothing, generic found nothing/);
  assert.match(diag, /extension: \d+\.\d+\.\d+/);
  assert.ok(!diag.includes('Edelweiss') && !diag.includes('lançons'), 'no post text in the diagnostic');
  // The fallback: the composer's text comes into the popup's own check.
  await popup.click('#guard-check-here');
  await popup.waitForSelector('#result[data-verdict]', { timeout: 10000 });
  assert.equal(await popup.inputValue('#text'), SECRET);
  assert.equal(await popup.getAttribute('#result', 'data-verdict'), 'block');
  assert.equal(await popup.inputValue('#platform'), 'facebook');
  await popup.close();
  await page.close();
});

test('self-test page: every adapter against its replicas, as shipped, renamed and without a Post control; and the open tabs', async () => {
  const site = await openVariant('linkedin', null);
  await waitToolbar(site, 'guarded');
  const options = await env.context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/src/options/options.html`);
  assert.equal(await options.getAttribute('#selftest-link', 'href'), '../pages/selftest.html');
  const page = await env.context.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/src/pages/selftest.html`);
  await page.click('#run');
  await page.waitForSelector('body[data-done="true"]');
  const rows = await page.$$eval('#replicas tbody tr', (trs) => trs.map((tr) => ({
    adapter: tr.dataset.adapter, variant: tr.dataset.variant, state: tr.dataset.state, ok: tr.dataset.ok,
    editor: tr.querySelector('[data-role=editor]').textContent, control: tr.querySelector('[data-role=control]').textContent })));
  assert.equal(rows.length, Object.keys(SITES).length * 3, 'three variants per site adapter');
  assert.deepEqual(rows.filter((r) => r.ok !== 'true'), [], 'every replica as expected');
  assert.deepEqual([...new Set(rows.map((r) => r.adapter))].sort(), Object.keys(SITES).sort());
  for (const r of rows.filter((x) => x.variant === 'renamed' && !SITES[x.adapter].siteSurvivesRename)) {
    assert.notEqual(r.control, 'site', `${r.adapter}: renamed control found by a fallback`);
  }
  assert.equal(await page.getAttribute('#summary', 'data-passed'), String(rows.length));
  const tabs = await page.$$eval('#tabs tbody tr', (trs) => trs.map((tr) => ({ site: tr.dataset.site, state: tr.dataset.state })));
  assert.ok(tabs.some((t) => t.site === 'www.linkedin.com' && t.state === 'guarded'), JSON.stringify(tabs));
  await page.close();
  await options.close();
  await site.close();
});
