// Share-intent links carry the post in the address. Opening one brings the prompt up
// before the composer exists; once the employee accepts, the composer opens holding the
// checked text with the disclaimer, in the site's own editor (fixture). Real Chromium,
// real host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, inPrompt, waitPromptState, modelText, POLICY } from './lib/harness.mjs';
import { words } from './lib/flows.mjs';
import { SITE_REPLICAS, routeSiteReplicas, proposedWording, intentPrompt } from './lib/site_replicas.mjs';

let env;
before(async () => {
  env = await launch();
  await routeSiteReplicas(env.context);
  // The extension has started (its first managed-storage read done), as it has long
  // before anyone follows a share link.
  await env.worker.evaluate(() => self.OwnVoice.background.handlers['ov.settings']({ hostname: 'x.com' }));
});
after(async () => { await env.close(); });

const TEXT = 'Great read on how our team runs remote retrospectives';
const ARTICLE = 'https://blog.example.org/retros';
const q = (o) => new URLSearchParams(o).toString();

// [name, link, fixture the composer opens in, the text the link carries (checked),
//  what reaches the composer before the disclaimer when not all of it (Facebook keeps
//  the link in `u`, the text goes to `quote`)]
const LINKS = [
  ['X intent/post (text, url, hashtags, via)', 'https://x.com/intent/post?' + q({ text: TEXT, url: ARTICLE, hashtags: 'remote,teams', via: 'lumetra' }),
    'xIntent', `${TEXT} ${ARTICLE} #remote #teams via @lumetra`],
  ['X intent/tweet', 'https://x.com/intent/tweet?' + q({ text: TEXT }), 'xIntent', TEXT],
  ['LinkedIn feed/?shareActive=true&text=', 'https://www.linkedin.com/feed/?' + q({ shareActive: 'true', text: TEXT }), 'linkedinFeed', TEXT],
  ['LinkedIn sharing/share-offsite (URL only: becomes the share box with the text)', 'https://www.linkedin.com/sharing/share-offsite/?' + q({ url: ARTICLE }), 'linkedinFeed', ARTICLE],
  ['Facebook sharer.php (quote kept with the link)', 'https://www.facebook.com/sharer/sharer.php?' + q({ u: ARTICLE, quote: TEXT }), 'facebookSharer', `${TEXT} ${ARTICLE}`, TEXT],
  ['Mastodon share?text=', 'https://mastodon.social/share?' + q({ text: TEXT }), 'mastodon', TEXT],
  ['Bluesky intent/compose?text=', 'https://bsky.app/intent/compose?' + q({ text: TEXT }), 'bluesky', TEXT],
  ['Threads intent/post?text=', 'https://www.threads.com/intent/post?' + q({ text: TEXT }), 'threads', TEXT],
  ['Pinterest pin/create/button/?description=', 'https://www.pinterest.com/pin/create/button/?' + q({ url: ARTICLE, media: ARTICLE + '/cover.png', description: TEXT }), 'pinterest', TEXT],
  ['Tumblr widgets/share/tool?caption=', 'https://www.tumblr.com/widgets/share/tool?' + q({ posttype: 'link', canonicalUrl: ARTICLE, caption: TEXT }), 'tumblrShare', TEXT],
  ['Reddit submit?title=', 'https://www.reddit.com/submit?' + q({ url: ARTICLE, title: TEXT }), 'reddit', TEXT],
  ['Buffer add?text=', 'https://buffer.com/add?' + q({ text: TEXT, url: ARTICLE }), 'bufferAdd', `${TEXT} ${ARTICLE}`],
];

for (const [label, link, fixture, carried, arrives = carried] of LINKS) {
  test(`${label}: the prompt comes first; the composer opens with the checked text and the disclaimer`, async () => {
    const site = SITE_REPLICAS[fixture];
    const page = await env.context.newPage();
    await page.goto(link, { waitUntil: 'commit' });
    assert.notEqual(await intentPrompt(page), 'block');
    assert.ok(!(await page.locator(site.composer).first().isVisible()), 'no composer shown before the decision');
    assert.ok(!new URL(page.url()).search.includes(encodeURIComponent(carried.split(' ')[0])) || fixture === 'linkedinFeed' && carried === ARTICLE,
      'the text is out of the address the page reads');
    assert.equal(await inPrompt(page).locator('#ov-body').count() ? words(await inPrompt(page).inputValue('#ov-body')) : words(carried), words(carried));
    const wording = await proposedWording(page);
    assert.ok(Object.values(POLICY.disclaimers).concat(Object.values(POLICY.short_disclaimers || {})).includes(wording));
    await inPrompt(page).check('#ov-consent');
    await inPrompt(page).click('#ov-post');

    await page.waitForSelector(site.composer, { timeout: 15000 });
    await page.waitForFunction(() => window.__fixture && window.__fixture.modelText().length > 0);
    assert.equal(words(await modelText(page)), words(`${arrives} ${wording}`), 'the composer holds the checked text, then the disclaimer');
    assert.ok(!page.url().includes('#ownvoice-checked'), 'the pass mark is gone before the page reads the address');
    assert.equal(await inPrompt(page).locator('.ov-dialog').count(), 0, 'no second prompt on opening');
    await page.close();
  });
}

test('a share link with a confidential term: blocked in the prompt, fixed there, and only the fixed text reaches the composer', async () => {
  const page = await env.context.newPage();
  await page.goto('https://bsky.app/intent/compose?' + q({ text: 'Le Projet Edelweiss arrive bientôt' }), { waitUntil: 'commit' });
  assert.equal(await intentPrompt(page), 'block');
  assert.match(await inPrompt(page).locator('mark[data-rule~="codenames"]').first().textContent(), /Edelweiss/);
  await inPrompt(page).fill('#ov-body', 'Un nouveau projet arrive bientôt');
  await inPrompt(page).click('#ov-recheck');
  assert.notEqual(await waitPromptState(page, ['ok', 'warn', 'block']), 'block');
  const wording = await proposedWording(page);
  await inPrompt(page).check('#ov-consent');
  await inPrompt(page).click('#ov-post');
  await page.waitForSelector(SITE_REPLICAS.bluesky.composer, { timeout: 15000 });
  await page.waitForFunction(() => window.__fixture && window.__fixture.modelText().length > 0);
  const text = await modelText(page);
  assert.equal(words(text), words(`Un nouveau projet arrive bientôt ${wording}`));
  assert.ok(!text.includes('Edelweiss'));
  await page.close();
});

test('a share link cancelled in the prompt: the composer opens empty', async () => {
  const page = await env.context.newPage();
  await page.goto('https://x.com/intent/post?' + q({ text: TEXT }), { waitUntil: 'commit' });
  await intentPrompt(page);
  await inPrompt(page).click('#ov-cancel');
  await page.waitForSelector(SITE_REPLICAS.xIntent.composer, { timeout: 15000 });
  assert.equal(await modelText(page), '');
  assert.ok(!new URL(page.url()).searchParams.has('text'));
  await page.close();
});
