// The whole flow on each supported composer, in real Chromium with the real host:
// type a post with a confidential term, press Post, see the prompt and the highlight,
// fix the text in the prompt, check again, keep the proposed disclaimer, consent,
// post, and read what the page's own submit handler received.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture, inPrompt, waitPromptState, submissions, modelText, POLICY } from './lib/harness.mjs';
import { CONFIDENTIAL_POST, FIXED_POST, typeInComposer, pressPost, isDisabled, promptGone, waitSubmission, screenshot } from './lib/flows.mjs';

const codenames = POLICY.rules.find((r) => r.id === 'codenames');
let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

for (const site of ['x', 'linkedin', 'facebook', 'textarea']) {
  test(`${site}: a confidential post is held, fixed in the prompt, and shared with the disclaimer`, async () => {
    const page = await openFixture(env.context, site);
    await typeInComposer(page, site, CONFIDENTIAL_POST);

    assert.equal(await pressPost(page, site), 'block');
    assert.deepEqual(await submissions(page), [], 'nothing reached the site');
    const mark = inPrompt(page).locator('mark[data-rule~="codenames"]').first();
    assert.match(await mark.textContent(), /Edelweiss/);
    assert.ok((await mark.getAttribute('title')).includes(codenames.description));
    assert.ok((await inPrompt(page).locator('.ov-findings').textContent()).includes(codenames.description));
    assert.ok(await isDisabled(page, '#ov-post'));
    await inPrompt(page).check('#ov-consent');
    assert.ok(await isDisabled(page, '#ov-post'), 'consent does not lift a block');
    if (site === 'x') await screenshot(page, 'prompt-en.png');

    await inPrompt(page).fill('#ov-body', FIXED_POST);
    assert.ok(await isDisabled(page, '#ov-post'), 'a changed text must be checked again');
    await inPrompt(page).click('#ov-recheck');
    const verdict = await waitPromptState(page, ['ok', 'warn', 'block']);
    assert.notEqual(verdict, 'block');
    assert.equal(await inPrompt(page).locator('mark[data-rule~="codenames"]').count(), 0);

    assert.ok(await inPrompt(page).isChecked('#ov-disclaimer-on'));
    const wording = await inPrompt(page).inputValue('#ov-disclaimer-text');
    assert.ok(Object.values(POLICY.disclaimers).includes(wording), `proposed disclaimer "${wording}" comes from the policy`);
    if (site === 'x') await screenshot(page, 'prompt-en-disclaimer.png');
    assert.ok(!(await isDisabled(page, '#ov-post')));
    await inPrompt(page).click('#ov-post');

    const sent = await waitSubmission(page);
    await promptGone(page);
    assert.ok(sent.startsWith(FIXED_POST), `the fixed text, line breaks and all: ${JSON.stringify(sent)}`);
    assert.ok(sent.endsWith(wording), 'then the disclaimer');
    assert.equal(sent.slice(FIXED_POST.length, sent.length - wording.length).trim(), '', 'and nothing else');
    assert.ok(!sent.includes('Edelweiss'));
    assert.equal(await modelText(page), sent, 'the editor model holds what was shared');
    assert.equal((await submissions(page)).length, 1, 'shared exactly once');
    await page.close();
  });
}
