// A promotional post: the prompt says why, offers the disclosure the employee owes
// ("I work at ..."), and what the employee keeps is what the site receives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture, inPrompt, POLICY } from './lib/harness.mjs';
import { typeInComposer, pressPost, waitSubmission, screenshot } from './lib/flows.mjs';

const PROMO = 'Découvrez LumiDesk à -30% jusqu\'à dimanche seulement ! Achetez maintenant sur https://shop.lumetra.com';

test('linkedin: promotional warning with reasons, disclosure added on request', async () => {
  const env = await launch();
  try {
    const page = await openFixture(env.context, 'linkedin');
    await typeInComposer(page, 'linkedin', PROMO);
    assert.equal(await pressPost(page, 'linkedin'), 'warn');
    const promo = inPrompt(page).locator('.ov-promo');
    await promo.waitFor();
    const signals = await inPrompt(page).locator('.ov-reasons li').evaluateAll((items) => items.map((li) => li.dataset.signal));
    assert.ok(signals.length >= 2, `reasons listed: ${signals}`);
    const disclosure = await inPrompt(page).textContent('label[for="ov-disclosure"] span');
    assert.ok(disclosure.includes(POLICY.company), `the disclosure names the employer: ${disclosure}`);
    await inPrompt(page).check('#ov-disclosure');
    await screenshot(page, 'prompt-promotional-en.png');
    await inPrompt(page).uncheck('#ov-disclaimer-on');
    await inPrompt(page).check('#ov-consent');
    await inPrompt(page).click('#ov-post');
    const sent = await waitSubmission(page);
    assert.ok(sent.startsWith(PROMO));
    assert.ok(sent.trimEnd().endsWith(disclosure.trim()), JSON.stringify(sent));
    assert.ok(!Object.values(POLICY.disclaimers).some((d) => sent.includes(d)), 'the disclaimer was declined');
  } finally {
    await env.close();
  }
});
