// The employee's own boundaries, in real Chromium with the real host and the example
// policy (company Lumetra, brand LumiDesk): a post about work going to an account the
// employee keeps work out of gets a plain reminder FIRST; "share anyway" goes on to the
// usual prompt and checks and the page receives the post; "cancel" leaves the composer
// as it was and shares nothing. The composer's audience is shown in one line. The list is
// set through the options page and chrome.storage.local; the host never sees it, and the
// confirm request says the reminder was shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { keysReachPrompt, launch, openFixture, inPrompt, PROMPT, waitPromptState, promptFocusedId, submissions, modelText, EXTENSION_ID, FIXTURES, POLICY } from './lib/harness.mjs';
import { typeInComposer, promptGone, waitSubmission, screenshot, words } from './lib/flows.mjs';
import { SITE_REPLICAS, routeSiteReplicas, intentPrompt } from './lib/site_replicas.mjs';

const WORK_POST = 'Loving the new LumiDesk release at Lumetra';
const PRIVATE_POST = 'Lovely hike above the lake this morning, the larches are golden';
const PASSPHRASE = 'correct horse battery staple';

let env;
before(async () => {
  env = await launch();
  await routeSiteReplicas(env.context);
});
after(async () => { await env.close(); });

// Records what the background sends to the real host (and still sends it): the tests
// look at the `confirm` requests and check that no request carries the list.
async function spyOnHost() {
  await env.worker.evaluate(() => {
    const host = self.ownvoiceHost;
    if (host.__spied) return;
    host.__spied = true;
    self.__ovSent = [];
    const real = host.request.bind(host);
    host.request = (message, ...rest) => { self.__ovSent.push(JSON.parse(JSON.stringify(message))); return real(message, ...rest); };
  });
}
const sent = () => env.worker.evaluate(() => self.__ovSent.slice());
async function lastConfirm(checkId) {
  for (let i = 0; i < 50; i++) {
    const c = (await sent()).filter((m) => m.type === 'confirm' && (!checkId || m.check_id === checkId)).pop();
    if (c) return c;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

const setList = (value) => env.worker.evaluate((v) => chrome.storage.local.set({ boundaries: v }), value);

async function openInstagram() {
  const site = SITE_REPLICAS.instagram;
  const page = await env.context.newPage();
  await page.goto(site.origin + site.paths[0]);
  await page.waitForSelector(site.composer);
  return page;
}

async function typeInstagram(page, text) {
  await page.click(SITE_REPLICAS.instagram.composer);
  await page.keyboard.type(text);
  assert.equal(await modelText(page), text);
}

// Presses Post and waits for whichever comes up: the reminder or the usual prompt.
async function press(page, submit) {
  await page.click(submit);
  await inPrompt(page).locator('.ov-dialog').waitFor();
  return waitPromptState(page, []);
}

const reminderText = (page) => inPrompt(page).locator('#ov-boundary-text').textContent();

test('options: "Keep work out of" is empty by default, and what the employee adds is stored in storage.local only', async () => {
  const page = await env.context.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/src/options/options.html`);
  await page.locator('#boundary-empty').waitFor();
  assert.deepEqual(await env.worker.evaluate(() => chrome.storage.local.get('boundaries')), {}, 'nothing stored by default');

  await page.selectOption('#boundary-platform', 'instagram');
  await page.click('#boundary-add');
  await page.locator('.boundary-entry[data-platform="instagram"]').waitFor();
  await page.check('#boundary-work-linkedin');
  await page.waitForFunction(async () => ((await chrome.storage.local.get('boundaries')).boundaries || {}).work_on?.length === 1);
  assert.deepEqual((await env.worker.evaluate(() => chrome.storage.local.get('boundaries'))).boundaries,
    { keep_out: [{ platform: 'instagram' }], work_on: ['linkedin'] });
  assert.match(await page.locator('.boundary-entry[data-platform="instagram"]').textContent(), /Instagram \(every account\)/);

  // An X handle as typed, kept as a handle.
  await page.selectOption('#boundary-platform', 'x');
  await page.fill('#boundary-account', ' @Jane_Home ');
  await page.click('#boundary-add');
  await page.locator('.boundary-entry[data-platform="x"][data-account="jane_home"]').waitFor();
  // Managed storage holds none of it (the schema has no such key).
  assert.deepEqual(await env.worker.evaluate(() => chrome.storage.managed.get(null)), {});
  // Removing it again.
  await page.click('.boundary-entry[data-platform="x"] .boundary-remove');
  await page.waitForFunction(() => !document.querySelector('.boundary-entry[data-platform="x"]'));
  assert.deepEqual((await env.worker.evaluate(() => chrome.storage.local.get('boundaries'))).boundaries.keep_out, [{ platform: 'instagram' }]);
  await page.close();
});

test('instagram in the list: a post naming the company gets the reminder first; cancel leaves the caption untouched and shares nothing', async () => {
  await setList({ keep_out: [{ platform: 'instagram' }], work_on: ['linkedin'] });
  await spyOnHost();
  const page = await openInstagram();
  await typeInstagram(page, WORK_POST);

  assert.equal(await press(page, SITE_REPLICAS.instagram.submit), 'boundary', 'the reminder, not the usual prompt');
  assert.equal(await page.locator(PROMPT).count(), 1, 'only the reminder is on the page');
  assert.equal(await reminderText(page), `This post is about ${POLICY.company} and you keep work out of Instagram.`);
  assert.equal(await inPrompt(page).locator('#ov-audience').count(), 0, 'Instagram shows no audience: no line');
  // The way to the work account: LinkedIn's share box with the same text.
  const href = await inPrompt(page).getAttribute('a.ov-elsewhere-link[data-platform="linkedin"]', 'href');
  const u = new URL(href);
  assert.equal(u.origin + u.pathname, 'https://www.linkedin.com/feed/');
  assert.equal(u.searchParams.get('shareActive'), 'true');
  assert.equal(u.searchParams.get('text'), WORK_POST);
  assert.match(await inPrompt(page).locator('a.ov-elsewhere-link').textContent(), /Share it on LinkedIn instead/);
  // Cancel has the focus: a stray Enter keeps work out.
  assert.equal(await promptFocusedId(page), 'ov-boundary-cancel');

  const checkId = (await sent()).filter((m) => m.type === 'check').length;
  assert.ok(checkId >= 1, 'the host checked the post');
  await inPrompt(page).click('#ov-boundary-cancel');
  await promptGone(page);
  await page.waitForTimeout(300);
  assert.deepEqual(await submissions(page), [], 'nothing reached the site');
  assert.equal(await modelText(page), WORK_POST, 'the caption is as the employee left it');
  const confirm = await lastConfirm();
  assert.equal(confirm.decision, 'cancelled');
  assert.equal(confirm.boundary_reminder, true, 'the log request says the reminder was shown');
  for (const m of await sent()) assert.ok(!JSON.stringify(m).includes('keep_out') && !('boundaries' in m), 'the list never goes to the host');
  await page.close();
});

test('instagram: "share anyway" goes on to the usual prompt and checks; the page receives the post', async () => {
  await setList({ keep_out: [{ platform: 'instagram' }], work_on: ['linkedin'] });
  await spyOnHost();
  await env.worker.evaluate((pass) => self.ownvoiceHost.request({ type: 'log.init', passphrase: pass }).catch(() => null), PASSPHRASE);
  const page = await openInstagram();
  await typeInstagram(page, WORK_POST);
  assert.equal(await press(page, SITE_REPLICAS.instagram.submit), 'boundary');
  await inPrompt(page).click('#ov-boundary-anyway');

  const state = await waitPromptState(page, ['ok', 'warn', 'block']);
  assert.notEqual(state, 'block');
  assert.equal(await inPrompt(page).locator('#ov-boundary-text').count(), 0, 'the reminder is gone');
  // The usual checks: the disclaimer is offered, consent is asked for.
  assert.ok(await inPrompt(page).isChecked('#ov-disclaimer-on'));
  const wording = await inPrompt(page).inputValue('#ov-disclaimer-text');
  assert.ok(Object.values(POLICY.disclaimers).includes(wording), wording);
  assert.ok(await inPrompt(page).locator('#ov-post').isDisabled(), 'consent first');
  await inPrompt(page).check('#ov-consent');
  await inPrompt(page).click('#ov-post');

  const got = await waitSubmission(page);
  await promptGone(page);
  assert.equal(words(got), words(WORK_POST + ' ' + wording), 'the post, with the disclaimer the employee kept');
  assert.equal((await submissions(page)).length, 1);
  const confirm = await lastConfirm();
  assert.equal(confirm.decision, 'shared');
  assert.equal(confirm.boundary_reminder, true);
  // The decision is in the employee's own log like any other.
  const entries = await env.worker.evaluate(async ({ pass, id }) => {
    const r = await self.ownvoiceHost.request({ type: 'log.show', passphrase: pass, limit: 50 });
    return r.entries.filter((e) => e.check_id === id || e.decision === 'shared');
  }, { pass: PASSPHRASE, id: confirm.check_id });
  assert.ok(entries.some((e) => e.decision === 'shared' && e.platform === 'instagram'), JSON.stringify(entries));
  await page.close();
});

test('instagram: the link opens the same text in LinkedIn\'s share box, where it is checked again; nothing is shared here', async () => {
  await setList({ keep_out: [{ platform: 'instagram' }], work_on: ['linkedin'] });
  await spyOnHost();
  const page = await openInstagram();
  await typeInstagram(page, WORK_POST);
  assert.equal(await press(page, SITE_REPLICAS.instagram.submit), 'boundary');
  const [linkedin] = await Promise.all([
    env.context.waitForEvent('page'),
    inPrompt(page).click('a.ov-elsewhere-link[data-platform="linkedin"]'),
  ]);
  await promptGone(page);
  // LinkedIn's share box opens through its share-intent link, held and checked on arrival.
  assert.ok(['ok', 'warn'].includes(await intentPrompt(linkedin)));
  assert.equal(await inPrompt(linkedin).inputValue('#ov-body'), WORK_POST, 'the text came along');
  await linkedin.close();
  assert.deepEqual(await submissions(page), []);
  assert.equal(await modelText(page), WORK_POST);
  const confirms = (await sent()).filter((m) => m.type === 'confirm' && m.boundary_reminder === true && m.decision === 'cancelled');
  assert.ok(confirms.length >= 1, 'here: cancelled, after the reminder');
  await page.close();
});

test('instagram: a post that is not about work gets no reminder', async () => {
  await setList({ keep_out: [{ platform: 'instagram' }], work_on: ['linkedin'] });
  await spyOnHost();
  const page = await openInstagram();
  await typeInstagram(page, PRIVATE_POST);
  const state = await press(page, SITE_REPLICAS.instagram.submit);
  assert.notEqual(state, 'boundary');
  await inPrompt(page).click('#ov-cancel');
  await promptGone(page);
  const confirm = await lastConfirm();
  assert.equal(confirm.decision, 'cancelled');
  assert.equal(confirm.boundary_reminder, undefined, 'no reminder, nothing said about one');
  await page.close();
});

test('facebook: not in the list, no reminder; in the list, the reminder with the audience the selector shows; cancel (Esc) and share anyway', async () => {
  await setList({ keep_out: [{ platform: 'instagram' }], work_on: ['linkedin'] });
  await spyOnHost();
  const page = await openFixture(env.context, 'facebook');
  await typeInComposer(page, 'facebook', WORK_POST);

  // Facebook is not in the list: the usual prompt, with the audience line.
  const first = await press(page, FIXTURES.facebook.submit);
  assert.notEqual(first, 'boundary');
  assert.equal(await inPrompt(page).locator('#ov-audience').textContent(), 'Visible to: Public');
  await inPrompt(page).click('#ov-cancel');
  await promptGone(page);

  // Now the employee keeps work out of Facebook too, and picks "Friends" in the composer.
  await setList({ keep_out: [{ platform: 'instagram' }, { platform: 'facebook' }], work_on: ['linkedin'] });
  await page.click(FIXTURES.facebook.audience);
  assert.equal(await page.textContent(FIXTURES.facebook.audience), 'Friends');
  assert.equal(await press(page, FIXTURES.facebook.submit), 'boundary');
  assert.equal(await reminderText(page), `This post is about ${POLICY.company} and you keep work out of Facebook.`);
  assert.equal(await inPrompt(page).locator('#ov-audience').textContent(), 'Visible to: Friends', 'the selector as it stands');
  await screenshot(page, 'boundary-reminder-en.png');

  // Esc = cancel: the editor keeps its text, nothing is posted.
  await keysReachPrompt(page);
  await page.keyboard.press('Escape');
  await promptGone(page);
  await page.waitForTimeout(300);
  assert.deepEqual(await submissions(page), []);
  assert.equal(await modelText(page), WORK_POST, 'the editor model is untouched');
  assert.equal((await lastConfirm()).boundary_reminder, true);

  // Again, and share anyway: the usual prompt (audience line still there), then the post.
  assert.equal(await press(page, FIXTURES.facebook.submit), 'boundary');
  await inPrompt(page).click('#ov-boundary-anyway');
  assert.notEqual(await waitPromptState(page, ['ok', 'warn', 'block']), 'block');
  assert.equal(await inPrompt(page).locator('#ov-audience').textContent(), 'Visible to: Friends');
  await inPrompt(page).uncheck('#ov-disclaimer-on');
  await inPrompt(page).check('#ov-consent');
  await inPrompt(page).click('#ov-post');
  const got = await waitSubmission(page);
  await promptGone(page);
  assert.equal(got, WORK_POST, 'the page received the post as written (disclaimer declined)');
  const confirm = await lastConfirm();
  assert.equal(confirm.decision, 'shared');
  assert.equal(confirm.boundary_reminder, true);
  await page.close();
});

test('a French browser gets the reminder in French', async () => {
  const fr = await launch({ lang: 'fr' });
  try {
    await routeSiteReplicas(fr.context);
    await fr.worker.evaluate(() => chrome.storage.local.set({ boundaries: { keep_out: [{ platform: 'instagram' }], work_on: ['linkedin'] } }));
    const site = SITE_REPLICAS.instagram;
    const page = await fr.context.newPage();
    await page.goto(site.origin + site.paths[0]);
    await page.waitForSelector(site.composer);
    await page.click(site.composer);
    await page.keyboard.type('Ravie de la nouvelle version de LumiDesk chez Lumetra');
    assert.equal(await press(page, site.submit), 'boundary');
    assert.equal(await reminderText(page), `Cette publication parle de ${POLICY.company} et, sur Instagram, vous tenez le travail à l’écart.`);
    assert.equal(await inPrompt(page).locator('#ov-boundary-anyway').textContent(), 'Partager quand même');
    assert.equal(await inPrompt(page).locator('a.ov-elsewhere-link').textContent(), 'La partager plutôt sur LinkedIn');
    await inPrompt(page).click('#ov-boundary-cancel');
    await promptGone(page);
    assert.deepEqual(await submissions(page), []);
  } finally {
    await fr.close();
  }
});

test('x: a personal account named by handle gets the reminder; the same site under another account does not', async () => {
  await setList({ keep_out: [{ platform: 'x', account: 'jane_home' }], work_on: ['linkedin'] });
  const page = await openFixture(env.context, 'x');
  await typeInComposer(page, 'x', WORK_POST);
  assert.equal(await press(page, FIXTURES.x.submit), 'boundary');
  assert.equal(await reminderText(page), `This post is about ${POLICY.company} and you keep work out of @jane_home (X).`);
  await inPrompt(page).click('#ov-boundary-cancel');
  await promptGone(page);
  assert.equal(await modelText(page), WORK_POST);

  // The list names another account (say the employee lists a second personal one): the
  // signed-in @jane_home is not in it, so no reminder.
  await setList({ keep_out: [{ platform: 'x', account: 'jane_other' }], work_on: [] });
  assert.notEqual(await press(page, FIXTURES.x.submit), 'boundary');
  await inPrompt(page).click('#ov-cancel');
  await promptGone(page);
  assert.deepEqual(await submissions(page), []);
  await page.close();
});
