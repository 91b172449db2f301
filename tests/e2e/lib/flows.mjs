// Steps shared by the end-to-end tests, written as a person would do them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, inPrompt, PROMPT, waitPromptState, submissions, modelText, ARTIFACTS, REPO } from './harness.mjs';

export const CONFIDENTIAL_POST = 'Nous lançons le Projet Edelweiss la semaine prochaine, restez connectés !';
// Two paragraphs, a blank line and an emoji: what the editors are worst at.
export const FIXED_POST = 'Nous lançons un nouveau projet la semaine prochaine 🚀\n\nRestez connectés !';

// Whitespace differs between editors (a blank line may shrink); words and order may not.
export const words = (s) => String(s).replace(/\s+/g, ' ').trim();

export async function typeInComposer(page, site, text) {
  await page.click(FIXTURES[site].composer);
  await page.keyboard.type(text);
  assert.equal(await modelText(page), text, 'the editor model holds what was typed');
}

export async function pressPost(page, site) {
  await page.click(FIXTURES[site].submit);
  await inPrompt(page).locator('.ov-dialog').waitFor();
  return waitPromptState(page, []);
}

export async function isDisabled(page, selector) {
  return inPrompt(page).locator(selector).isDisabled();
}

export async function promptGone(page) {
  await page.waitForFunction((sel) => !document.querySelector(sel), PROMPT);
}

export async function waitSubmission(page, count = 1) {
  await page.waitForFunction((n) => window.__fixture.submissions.length >= n, count, { timeout: 10000 });
  return (await submissions(page))[count - 1];
}

// Screenshots go to tests/e2e/artifacts; with OWNVOICE_UPDATE_SCREENSHOTS=1 also to
// docs/screenshots (the pictures the documentation shows).
export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file });
  if (process.env.OWNVOICE_UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(path.join(REPO, 'docs/screenshots'), { recursive: true });
    fs.copyFileSync(file, path.join(REPO, 'docs/screenshots', name));
  }
  return file;
}
