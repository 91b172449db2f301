// The prompt with the keyboard only (Ctrl+Enter, Tab stays inside, Space, Enter, Esc),
// and every way of not sharing: Esc, Cancel, Edit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture, inPrompt, keysReachPrompt, promptFocusedId, waitPromptState, submissions, modelText, FIXTURES } from './lib/harness.mjs';
import { words, typeInComposer, pressPost, promptGone, waitSubmission } from './lib/flows.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

// The page's focus is on the prompt's host and, inside the prompt's frame, on a control.
const focusInPrompt = async (page) => !!(await promptFocusedId(page));
const focusedId = (page) => promptFocusedId(page);

test('x: Ctrl+Enter is held; the prompt works with the keyboard alone', async () => {
  const page = await openFixture(env.context, 'x');
  const text = 'Belle journée au salon avec toute l\'équipe.';
  await typeInComposer(page, 'x', text);
  await page.keyboard.press('Control+Enter');
  await inPrompt(page).locator('.ov-dialog').waitFor();
  assert.notEqual(await waitPromptState(page, []), 'block');
  assert.deepEqual(await submissions(page), []);
  assert.equal(await focusedId(page), 'ov-consent', 'focus starts on the consent checkbox');
  await keysReachPrompt(page);
  assert.equal(await focusedId(page), 'ov-consent', 'focus is still on the consent checkbox');
  await page.keyboard.press('Space');
  // Tab around more than the number of controls: focus never leaves the prompt.
  const seen = new Set();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await focusInPrompt(page), 'focus stayed in the prompt');
    seen.add(await focusedId(page));
  }
  for (const id of ['ov-cancel', 'ov-post', 'ov-consent', 'ov-body']) assert.ok(seen.has(id), `${id} reachable by Tab`);
  await page.keyboard.press('Shift+Tab');
  assert.ok(await focusInPrompt(page));
  // The disclaimer is offered unticked for a post the host reads as personal
  // (disclaimer.recommended): ticked with the keyboard too.
  if (!(await inPrompt(page).locator('#ov-disclaimer-on').isChecked())) {
    while ((await focusedId(page)) !== 'ov-disclaimer-on') await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
  }
  while ((await focusedId(page)) !== 'ov-post') await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const sent = await waitSubmission(page);
  await promptGone(page);
  assert.ok(words(sent).startsWith(words(text)));
  assert.ok(sent.length > text.length, 'the disclaimer was added');
  await page.close();
});

test('Esc cancels: nothing is shared and the composer keeps the text', async () => {
  const page = await openFixture(env.context, 'x');
  const text = 'Projet Edelweiss : premières impressions.';
  await typeInComposer(page, 'x', text);
  await pressPost(page, 'x');
  await keysReachPrompt(page);
  await page.keyboard.press('Escape');
  await promptGone(page);
  assert.deepEqual(await submissions(page), []);
  assert.equal(await modelText(page), text);
  // The next Post is checked again (the prompt comes back), not let through.
  assert.equal(await pressPost(page, 'x'), 'block');
  await inPrompt(page).click('#ov-cancel');
  await promptGone(page);
  assert.deepEqual(await submissions(page), []);
  await page.close();
});

test('linkedin: Cancel and Edit leave the post unshared and the composer focused', async () => {
  const page = await openFixture(env.context, 'linkedin');
  const text = 'Une belle semaine chez nous.';
  await typeInComposer(page, 'linkedin', text);
  await pressPost(page, 'linkedin');
  await inPrompt(page).click('#ov-cancel');
  await promptGone(page);
  await pressPost(page, 'linkedin');
  await inPrompt(page).click('#ov-edit');
  await promptGone(page);
  assert.deepEqual(await submissions(page), []);
  assert.equal(await modelText(page), text);
  assert.ok(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), FIXTURES.linkedin.composer));
  await page.close();
});

test('facebook: Enter on the focused Post div[role=button] is held too', async () => {
  const page = await openFixture(env.context, 'facebook');
  await typeInComposer(page, 'facebook', 'Le Projet Edelweiss avance.');
  await page.focus(FIXTURES.facebook.submit);
  await page.keyboard.press('Enter');
  await inPrompt(page).locator('.ov-dialog').waitFor();
  assert.equal(await waitPromptState(page, []), 'block');
  assert.deepEqual(await submissions(page), [], 'the site\'s keyboard handler never ran');
  await keysReachPrompt(page);
  await page.keyboard.press('Escape');
  await promptGone(page);
  assert.deepEqual(await submissions(page), []);
  await page.close();
});

test('an editor that ignores the new text: the prompt says so and nothing is shared', async () => {
  const page = await openFixture(env.context, 'x', 'ignorePaste=1');
  const text = 'Le Projet Edelweiss avance.';
  await typeInComposer(page, 'x', text);
  await pressPost(page, 'x');
  await inPrompt(page).fill('#ov-body', 'Le nouveau projet avance.');
  await inPrompt(page).click('#ov-recheck');
  await waitPromptState(page, ['ok', 'warn']);
  await inPrompt(page).check('#ov-consent');
  await inPrompt(page).click('#ov-post');
  await inPrompt(page).locator('.ov-error').waitFor();
  assert.deepEqual(await submissions(page), [], 'not shared with the wrong text');
  assert.equal(await modelText(page), text, 'the editor kept its text');
  // The employee can still cancel.
  await inPrompt(page).click('#ov-cancel');
  await promptGone(page);
  assert.deepEqual(await submissions(page), []);
  await page.close();
});
