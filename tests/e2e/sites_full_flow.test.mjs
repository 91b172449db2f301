// The whole flow on each composer added by issue 6, in real Chromium with the real host:
// a post with a confidential term is held, the term highlighted with its rule, the text
// fixed in the prompt and checked again, the proposed disclaimer kept (and the result
// within the platform's limit), consent, post; the page's own submit handler receives
// exactly the fixed text with the disclaimer, once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, inPrompt, waitPromptState, submissions, modelText, POLICY } from './lib/harness.mjs';
import { CONFIDENTIAL_POST, FIXED_POST, words, isDisabled, promptGone, waitSubmission } from './lib/flows.mjs';
import { SITE_REPLICAS, routeSiteReplicas, proposedWording, graphemes } from './lib/site_replicas.mjs';

const codenames = POLICY.rules.find((r) => r.id === 'codenames');
let env;
before(async () => { env = await launch(); await routeSiteReplicas(env.context); });
after(async () => { await env.close(); });

const SITES = ['mastodon', 'bluesky', 'instagram', 'threads', 'pinterest', 'tumblr', 'quora', 'buffer', 'hootsuite'];

for (const name of SITES) {
  test(`${name}: confidential term held and highlighted; fixed, disclaimer within the limit, consent, shared once`, async () => {
    const site = SITE_REPLICAS[name];
    const page = await env.context.newPage();
    await page.goto(site.origin + site.paths[0]);
    await page.waitForSelector(site.composer);
    await page.click(site.composer);
    await page.keyboard.type(CONFIDENTIAL_POST);
    assert.equal(words(await modelText(page)), words(CONFIDENTIAL_POST), 'the editor model holds what was typed');

    await page.click(site.submit);
    await inPrompt(page).locator('.ov-dialog').waitFor();
    assert.equal(await waitPromptState(page, []), 'block');
    assert.deepEqual(await submissions(page), [], 'nothing reached the site');
    const mark = inPrompt(page).locator('mark[data-rule~="codenames"]').first();
    assert.match(await mark.textContent(), /Edelweiss/);
    assert.ok((await mark.getAttribute('title')).includes(codenames.description));
    assert.ok(await isDisabled(page, '#ov-post'));

    await inPrompt(page).fill('#ov-body', FIXED_POST);
    await inPrompt(page).click('#ov-recheck');
    assert.notEqual(await waitPromptState(page, ['ok', 'warn', 'block']), 'block');
    const wording = await proposedWording(page);
    assert.ok(Object.values(POLICY.disclaimers).concat(Object.values(POLICY.short_disclaimers || {})).includes(wording), `"${wording}" comes from the policy`);
    await inPrompt(page).check('#ov-consent');
    await inPrompt(page).click('#ov-post');

    const sent = await waitSubmission(page);
    await promptGone(page);
    assert.ok(words(sent).startsWith(words(FIXED_POST)), `the fixed text first: ${JSON.stringify(sent)}`);
    assert.ok(sent.trimEnd().endsWith(wording), `then the disclaimer: ${JSON.stringify(sent)}`);
    assert.equal(words(sent), words(FIXED_POST + ' ' + wording), 'and nothing else');
    assert.ok(graphemes(sent) <= site.limit, `${graphemes(sent)} within ${site.platform}'s ${site.limit}`);
    assert.equal(words(await modelText(page)), words(sent), 'the editor model holds what was shared');
    assert.equal((await submissions(page)).length, 1, 'shared exactly once');
    await page.close();
  });
}

test('buffer: the text is checked against the strictest selected network (X among LinkedIn and X)', async () => {
  const site = SITE_REPLICAS.buffer;
  const page = await env.context.newPage();
  await page.goto(site.origin + site.paths[0]);
  await page.waitForSelector(site.composer);
  await page.click(site.composer);
  // 290 characters: fine on LinkedIn, over X's 280.
  const long = 'Notre équipe partage ses retours sur le télétravail. '.repeat(6).slice(0, 290).trim();
  await page.keyboard.insertText(long);
  assert.equal(await modelText(page), long);
  await page.click(site.submit);
  await inPrompt(page).locator('.ov-dialog').waitFor();
  await waitPromptState(page, []);
  const prompt = await inPrompt(page).locator('.ov-dialog').textContent();
  assert.match(prompt, /280/, 'the prompt speaks of X\'s 280 limit');
  await inPrompt(page).click('#ov-cancel');
  await promptGone(page);
  assert.deepEqual(await submissions(page), []);
  // Only LinkedIn selected: the same text passes LinkedIn's rule.
  await page.evaluate(() => document.querySelector('[data-channel-service="twitter"]').setAttribute('aria-pressed', 'false'));
  await page.click(site.submit);
  await inPrompt(page).locator('.ov-dialog').waitFor();
  await waitPromptState(page, []);
  assert.doesNotMatch(await inPrompt(page).locator('.ov-dialog').textContent(), /\b280\b/);
  await inPrompt(page).click('#ov-cancel');
  await page.close();
});

test('bluesky: near the 300-grapheme limit the short disclaimer is proposed, and what is shared fits', async () => {
  const site = SITE_REPLICAS.bluesky;
  const page = await env.context.newPage();
  await page.goto(site.origin + site.paths[0]);
  await page.waitForSelector(site.composer);
  await page.click(site.composer);
  // 280 graphemes with an emoji: the long form (+22) would not fit 300, the short one (+15) does.
  const post = ('Our team tried async stand-ups for a month and wrote down what worked. ').repeat(4).slice(0, 278).trim() + ' 👩🏽‍💻';
  await page.keyboard.insertText(post);
  assert.equal(await modelText(page), post);
  await page.click(site.submit);
  await inPrompt(page).locator('.ov-dialog').waitFor();
  assert.notEqual(await waitPromptState(page, []), 'block');
  const wording = await proposedWording(page);
  assert.equal(wording, POLICY.short_disclaimers.en, 'the short form, since the long one would not fit');
  await inPrompt(page).check('#ov-consent');
  await inPrompt(page).click('#ov-post');
  const sent = await waitSubmission(page);
  assert.ok(sent.endsWith(wording));
  assert.ok(graphemes(sent) <= 300, `${graphemes(sent)} graphemes`);
  await page.close();
});

test('instagram: more than 30 hashtags breaks Instagram\'s rule, and the prompt says the post does not fit', async () => {
  const site = SITE_REPLICAS.instagram;
  const page = await env.context.newPage();
  await page.goto(site.origin + site.paths[0]);
  await page.waitForSelector(site.composer);
  await page.click(site.composer);
  const caption = 'Holiday pictures ' + Array.from({ length: 31 }, (_, i) => '#tag' + i).join(' ');
  await page.keyboard.insertText(caption);
  await page.click(site.submit);
  await inPrompt(page).locator('.ov-dialog').waitFor();
  await waitPromptState(page, []);
  assert.match(await inPrompt(page).locator('.ov-dialog').textContent(), /too long for this platform/);
  await inPrompt(page).click('#ov-cancel');
  await promptGone(page);
  // 30 hashtags are allowed.
  await page.fill(site.composer, 'Holiday pictures ' + Array.from({ length: 30 }, (_, i) => '#tag' + i).join(' '));
  await page.click(site.submit);
  await inPrompt(page).locator('.ov-dialog').waitFor();
  await waitPromptState(page, []);
  assert.doesNotMatch(await inPrompt(page).locator('.ov-dialog').textContent(), /too long for this platform/);
  await inPrompt(page).click('#ov-cancel');
  await page.close();
});
