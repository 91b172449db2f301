// The social site's own scripts against the prompt, in real Chromium and real Firefox
// with the real host and the example policy (Lumetra). A script running in the page's
// own world (page.evaluate, tests/e2e/lib/adversary.mjs) spies on messages, shadow roots
// and DOM changes from before the prompt opens, then tries to read the prompt (the
// finding's rule description, the employee's "keep work out of X" reminder), to find it
// through shadowRoot, to tick consent and press Post. The test fails if any of it works,
// and checks that the employee's own clicks still do (so the attack's failure is not
// just a broken prompt).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture, inPrompt, promptFrame, waitPromptState, submissions, FIXTURES, POLICY } from './lib/harness.mjs';
import { typeInComposer, promptGone, waitSubmission } from './lib/flows.mjs';
import { installSpy, readEverything, attack } from './lib/adversary.mjs';
import { startFirefox, firefoxPromptFrame, firefoxPromptState, setStorageFromPrompt } from './lib/firefox.mjs';

// About work (names the company) and with a confidential codename: the reminder, then
// a blocked prompt with the rule's description.
const POST = 'Fiers du Projet Edelweiss chez Lumetra, la démo arrive !';
const FIXED = 'Fiers de notre équipe chez Lumetra, la démo arrive !';
const RULE = POLICY.rules.find((r) => r.id === 'codenames');
const SECRETS = [RULE.description, 'keep work out', 'Share it on LinkedIn instead', 'Share anyway', 'ov-consent', 'boundary'];
const LIST = { keep_out: [{ platform: 'x' }], work_on: ['linkedin'] };

function assertNothingRead(seen, when) {
  for (const secret of SECRETS) assert.ok(!seen.text.includes(secret), `${when}: the page read «${secret}»`);
  assert.notEqual(seen.hostShadowRoot, 'readable', `${when}: the prompt's shadow root is open to the page`);
  assert.equal(seen.iframesFound, 0, `${when}: the page found the prompt's frame element`);
  assert.ok(!seen.frames.includes('readable'), `${when}: the page read a frame's document`);
}

describe('chromium', () => {
  let env;
  before(async () => {
    env = await launch();
    await env.worker.evaluate((v) => chrome.storage.local.set({ boundaries: v }), LIST);
  });
  after(async () => { await env.close(); });

  test("a page script cannot read the prompt, find it, tick consent or press Post; the employee's own clicks work", async () => {
    const page = await openFixture(env.context, 'x');
    await page.evaluate(installSpy);
    await typeInComposer(page, 'x', POST);
    await page.click(FIXTURES.x.submit);

    // 1. The employee's reminder ("you keep work out of X").
    assert.equal(await waitPromptState(page, []), 'boundary');
    assert.match(await inPrompt(page).locator('#ov-boundary-text').textContent(), /X/);
    assertNothingRead(await page.evaluate(readEverything), 'reminder');
    await page.evaluate(attack);
    await page.waitForTimeout(300);
    assert.equal(await waitPromptState(page, []), 'boundary', 'the page could not press "share anyway"');

    // 2. The usual prompt, with the employer's rule description.
    await inPrompt(page).click('#ov-boundary-anyway');
    assert.equal(await waitPromptState(page, ['block']), 'block');
    assert.ok((await inPrompt(page).locator('.ov-findings').textContent()).includes(RULE.description), 'the prompt shows the rule');
    assertNothingRead(await page.evaluate(readEverything), 'prompt');
    await inPrompt(page).fill('#ov-body', FIXED);
    await inPrompt(page).click('#ov-recheck');
    assert.notEqual(await waitPromptState(page, ['ok', 'warn']), 'block');  // the recheck's own result, not the state before it
    const tried = await page.evaluate(attack);
    await page.waitForTimeout(300);
    assert.equal(await inPrompt(page).isChecked('#ov-consent'), false, `the page ticked consent (tried: ${tried.join(', ')})`);
    assert.equal(await inPrompt(page).locator('#ov-post').isDisabled(), true);
    assert.deepEqual(await submissions(page), [], 'nothing was shared by the page');

    // Even a script inside the prompt's own page cannot: consent and Post take only
    // events the browser made from the person's input (event.isTrusted).
    const frame = await promptFrame(page);
    await frame.evaluate(() => document.getElementById('ov-consent').click());
    assert.equal(await frame.isChecked('#ov-consent'), false, 'a script-made click ticked consent');
    await frame.evaluate(() => {
      const box = document.getElementById('ov-consent');
      box.checked = true;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    });
    assert.equal(await frame.isDisabled('#ov-post'), true, 'a script-made change enabled Post');

    // The employee's own clicks do work: the post goes out, checked.
    await frame.evaluate(() => { document.getElementById('ov-consent').checked = false; });
    await inPrompt(page).check('#ov-consent');
    await frame.evaluate(() => {
      const b = document.getElementById('ov-post');
      b.disabled = false;
      b.click();  // script-made: ignored
    });
    await page.waitForTimeout(200);
    assert.deepEqual(await submissions(page), [], 'a script-made click on Post shared the post');
    await inPrompt(page).click('#ov-post');
    const sent = await waitSubmission(page);
    assert.ok(sent.includes('Lumetra') && !sent.includes('Edelweiss'));
    await promptGone(page);

    const after = await page.evaluate(readEverything);
    assertNothingRead(after, 'after the post');
    const spy = await page.evaluate(() => window.__attacker.messages);
    assert.ok(spy.every((m) => !m.data.includes(RULE.description) && !m.data.includes('codenames') && !m.data.includes('keep_out')),
      'no window message carried findings or the list: ' + JSON.stringify(spy));
    await page.close();
  });
});

describe('firefox', () => {
  let ff;
  before(async () => {
    ff = await startFirefox();
  });
  after(async () => { if (ff) await ff.close(); });

  test('a page script cannot read the prompt, find it, tick consent or press Post (Firefox)', async () => {
    const page = await ff.browser.newPage();
    await page.goto(ff.site('x.com', '/compose/post'));
    await page.waitForSelector(FIXTURES.x.composer);
    // The employee's list, set from the extension's own page (a first prompt, cancelled).
    await page.click(FIXTURES.x.composer);
    await page.keyboard.type('Bonjour');
    await page.click(FIXTURES.x.submit);
    await firefoxPromptState(page);
    await setStorageFromPrompt(page, { boundaries: LIST });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('ownvoice-prompt-host'));
    await page.evaluate(() => window.__fixture.reset && window.__fixture.reset());

    await page.evaluate(installSpy);
    await page.click(FIXTURES.x.composer);
    await page.keyboard.down('Control'); await page.keyboard.press('KeyA'); await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(POST);
    await page.click(FIXTURES.x.submit);

    assert.equal(await firefoxPromptState(page), 'boundary');
    assertNothingRead(await page.evaluate(readEverything), 'reminder');
    await page.evaluate(attack);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await firefoxPromptState(page), 'boundary', 'the page could not press "share anyway"');

    let frame = await firefoxPromptFrame(page);
    await (await frame.waitForSelector('#ov-boundary-anyway')).click();
    assert.equal(await firefoxPromptState(page, ['block']), 'block');
    frame = await firefoxPromptFrame(page);
    const findings = await (await frame.waitForSelector('.ov-findings')).evaluate((n) => n.textContent);
    assert.ok(findings.includes(RULE.description));
    assertNothingRead(await page.evaluate(readEverything), 'prompt');

    const body = await frame.waitForSelector('#ov-body');
    await body.evaluate((el) => el.select());
    await page.keyboard.press('Backspace');
    await body.type(FIXED);
    await (await frame.waitForSelector('#ov-recheck')).click();
    assert.notEqual(await firefoxPromptState(page, ['ok', 'warn']), 'block');
    await page.evaluate(attack);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await frame.$eval('#ov-consent', (b) => b.checked), false, 'the page ticked consent');
    assert.equal(await frame.$eval('#ov-post', (b) => b.disabled), true);
    assert.deepEqual(await page.evaluate(() => window.__fixture.submissions.slice()), []);

    await (await frame.waitForSelector('#ov-consent')).click();
    await (await frame.waitForSelector('#ov-post:not([disabled])')).click();
    await page.waitForFunction(() => window.__fixture.submissions.length > 0, { timeout: 15000 });
    assertNothingRead(await page.evaluate(readEverything), 'after the post');
    const spy = await page.evaluate(() => window.__attacker.messages);
    assert.ok(spy.every((m) => !m.data.includes(RULE.description) && !m.data.includes('keep_out')), JSON.stringify(spy));
    await page.close();
  });
});
