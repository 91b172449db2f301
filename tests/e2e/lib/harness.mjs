// Starts real headless Chromium with the built extension and the real ownvoice-host
// registered through <profile>/NativeMessagingHosts, answers the fixture sites locally
// (every other request is refused: the tests must not touch the network), and gives
// helpers to reach into the prompt's shadow root.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import * as esbuild from 'esbuild';
import { FIXTURES, FIXTURE_SCRIPT_PATH } from '../fixtures/pages.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '../../..');
export const EXTENSION_DIR = path.join(REPO, 'extension/dist/dev/chromium');
export const EXTENSION_ID = fs.readFileSync(path.join(REPO, 'extension/DEV_EXTENSION_ID'), 'utf8').trim();
export const HOST_BIN = process.env.OWNVOICE_HOST_BIN || path.join(REPO, 'build/host/app/ownvoice-host');
export const POLICY_PATH = path.join(REPO, 'examples/policy.example.json');
export const POLICY = JSON.parse(fs.readFileSync(POLICY_PATH, 'utf8'));
export const ARTIFACTS = path.join(REPO, 'tests/e2e/artifacts');
const CHROMIUM = process.env.OWNVOICE_CHROMIUM || '/usr/bin/chromium';

export { FIXTURES };

const bundles = new Map();
async function fixtureScript(entry) {
  if (!bundles.has(entry)) {
    const out = await esbuild.build({
      entryPoints: [path.join(REPO, 'tests/e2e/fixtures', entry)],
      bundle: true, write: false, format: 'iife', target: 'chrome110', minify: false, logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    });
    bundles.set(entry, out.outputFiles[0].text);
  }
  return bundles.get(entry);
}

export function checkPrerequisites(needHost = true) {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no built extension at ${EXTENSION_DIR}: run node extension/build.mjs --flavour dev`);
  }
  if (needHost && !fs.existsSync(HOST_BIN)) {
    throw new Error(`no ownvoice-host at ${HOST_BIN}: build it (cmake --build build --target ownvoice-host) or set OWNVOICE_HOST_BIN`);
  }
}

// options: {host: true|false (register the host), lang: 'en'|'fr', env: {},
//           extensionDir: another build of the extension with the same key (default EXTENSION_DIR),
//           root: the root of an earlier launch closed with close({ keep: true }), to
//           start the browser again on the same profile}
export async function launch(options = {}) {
  checkPrerequisites(options.host !== false);
  const extensionDir = options.extensionDir || EXTENSION_DIR;
  const root = options.root || fs.mkdtempSync(path.join(os.tmpdir(), 'ownvoice-e2e-'));
  const profile = path.join(root, 'profile');
  const home = path.join(root, 'home');
  for (const d of [profile, home, path.join(root, 'data'), path.join(root, 'state')]) fs.mkdirSync(d, { recursive: true });
  if (options.host !== false) {
    const dir = path.join(profile, 'NativeMessagingHosts');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'org.ownvoice.host.json'), JSON.stringify({
      name: 'org.ownvoice.host', description: 'OwnVoice', path: HOST_BIN, type: 'stdio',
      allowed_origins: [`chrome-extension://${EXTENSION_ID}/`],
    }, null, 2));
  }
  const lang = options.lang || 'en';
  const env = Object.assign({}, process.env, {
    HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_STATE_HOME: path.join(home, '.local/state'),
    LANGUAGE: lang, LANG: lang === 'fr' ? 'fr_FR.UTF-8' : 'en_US.UTF-8', LC_ALL: '',
    OWNVOICE_SYSTEM_POLICY: POLICY_PATH,
    OWNVOICE_DATA_DIR: path.join(root, 'data'),
    OWNVOICE_STATE_DIR: path.join(root, 'state'),
    OWNVOICE_TEST_FAST_KDF: '1',
  }, options.env || {});
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    env,
    locale: lang === 'fr' ? 'fr-FR' : 'en-US',
    viewport: { width: 900, height: 820 },
    args: [
      '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      `--lang=${lang}`,
      `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
    ],
  });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return route.continue();
    const site = Object.values(FIXTURES).find((f) => new URL(f.url).origin === url.origin);
    if (!site) return route.abort('blockedbyclient');
    if (url.pathname === FIXTURE_SCRIPT_PATH && site.entry) {
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: await fixtureScript(site.entry) });
    }
    if (url.pathname === new URL(site.url).pathname) return route.fulfill({ status: 200, contentType: 'text/html', body: site.html });
    return route.fulfill({ status: 404, body: '' });
  });
  let worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`));
  if (!worker) worker = await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`), timeout: 15000 });
  return {
    context, worker, root,
    async close({ keep = false } = {}) {
      await context.close();
      if (!keep) fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export async function openFixture(context, name, query = '') {
  const f = FIXTURES[name];
  const page = await context.newPage();
  await page.goto(f.url + (query ? (f.url.includes('?') ? '&' : '?') + query : ''));
  await page.waitForSelector(f.composer);
  return page;
}

// The prompt is an extension page (src/prompt/prompt.html) in a frame that sits in a
// closed shadow root: the page's own scripts, and Playwright's CSS engine, cannot reach
// in. The tests reach the frame as a browser's automation does, through the page's frame
// tree, found by its address. All the page's DOM holds is the host element.
export const PROMPT = '#ownvoice-prompt-host';
export const PROMPT_URL = `chrome-extension://${EXTENSION_ID}/src/prompt/prompt.html`;

// The prompt's frame now, or null: the one showing a prompt (the extension loads the
// next prompt's page ahead of time, hidden, in state 'waiting'; a closed one says
// 'closed' until it is removed).
export async function promptFrameNow(page) {
  const frames = page.frames().filter((f) => f.url().startsWith(PROMPT_URL) && !f.isDetached());
  for (const f of frames.reverse()) {
    let state = null;
    try { state = await f.evaluate(() => document.documentElement.getAttribute('data-state')); } catch (_) { continue; }
    if (state && state !== 'waiting' && state !== 'closed') return f;
  }
  return null;
}

export async function promptFrame(page, timeout = 10000) {
  const until = Date.now() + timeout;
  for (;;) {
    const f = await promptFrameNow(page);
    if (f) return f;
    if (Date.now() > until) throw new Error('no prompt frame within ' + timeout + ' ms');
    await new Promise((r) => setTimeout(r, 20));
  }
}

// inPrompt(page).click('#ov-post'), .locator('.ov-dialog').waitFor(), ...: the same calls
// as on a Playwright page, made in the prompt's frame (found again at every call: the
// reminder and the prompt, or two prompts, are different frames).
const FRAME_CALLS = ['click', 'check', 'uncheck', 'fill', 'inputValue', 'isChecked', 'isDisabled', 'textContent',
  'getAttribute', 'waitForSelector', 'evaluate', 'waitForFunction', 'focus', 'press', 'type'];
export function inPrompt(page) {
  const api = {};
  for (const name of FRAME_CALLS) api[name] = async (...args) => (await promptFrame(page))[name](...args);
  api.fill = (selector, value) => fillInPrompt(page, selector, value);
  api.locator = (selector) => lazyLocator(page, selector, (l) => l);
  return api;
}

// Playwright's fill focuses the field and then sends the text as keyboard input to the
// browser's focused frame. Just after the prompt opens, the browser may not yet have moved
// its keyboard focus into the prompt's frame (another process), and the text then goes
// nowhere while fill() reports success. So the text is checked, and typed again if it did
// not land: the test goes on only with the text the employee would see in the field.
async function fillInPrompt(page, selector, value) {
  for (let attempt = 1; ; attempt++) {
    const f = await promptFrame(page);
    await f.fill(selector, value);
    if ((await f.inputValue(selector)) === value) return;
    if (attempt >= 5) throw new Error(`${selector}: the text typed into the prompt did not land (${attempt} tries)`);
    await keysReachPrompt(page);
  }
}

// Waits until key presses reach the prompt's frame (see fillInPrompt): presses Shift,
// which the prompt ignores, until the frame sees one. A keyboard-only test calls this
// once the prompt shows, as a person waits to see the prompt before typing.
export async function keysReachPrompt(page, timeout = 5000) {
  const until = Date.now() + timeout;
  const f = await promptFrame(page);
  await f.evaluate(() => {
    if (window.__ovShiftSeen === undefined) {
      window.__ovShiftSeen = 0;
      window.addEventListener('keydown', (e) => { if (e.key === 'Shift') window.__ovShiftSeen++; }, true);
    }
  });
  for (;;) {
    await page.keyboard.press('Shift');
    if (await f.evaluate(() => window.__ovShiftSeen > 0)) return;
    if (Date.now() > until) throw new Error('key presses never reached the prompt');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function lazyLocator(page, selector, pick) {
  const get = async (timeout) => pick((await promptFrame(page, timeout)).locator(selector));
  return {
    first: () => lazyLocator(page, selector, (l) => pick(l).first()),
    waitFor: async (options = {}) => (await get(options.timeout || 10000)).waitFor(options),
    async count() { const f = await promptFrameNow(page); return f ? pick(f.locator(selector)).count() : 0; },
    isDisabled: async () => (await get()).isDisabled(),
    isChecked: async () => (await get()).isChecked(),
    textContent: async () => (await get()).textContent(),
    inputValue: async () => (await get()).inputValue(),
    getAttribute: async (name) => (await get()).getAttribute(name),
    click: async (options) => (await get()).click(options),
    evaluate: async (fn, arg) => (await get()).evaluate(fn, arg),
    evaluateAll: async (fn, arg) => (await get()).evaluateAll(fn, arg),
  };
}

// The prompt's state (its page's data-state): 'checking', 'busy', 'ok', 'warn',
// 'block', 'unavailable', 'boundary'; null when no prompt is open.
// Clicks the site's Post control and waits for the prompt's frame to paint; returns the
// click time and the frame's paint and render times, all in wall-clock milliseconds (the
// frame is another document with its own clock origin, so both sides use
// timeOrigin + now()).
export async function clickPostTimed(page, submitSelector) {
  const t0 = await page.evaluate((sel) => {
    window.__ovT0 = performance.timeOrigin + performance.now();
    document.querySelector(sel).click();
    return window.__ovT0;
  }, submitSelector);
  const frame = await promptFrame(page);
  await frame.waitForSelector('html[data-painted-at]', { state: 'attached' });
  const paintedAt = Number(await frame.getAttribute('html', 'data-painted-at'));
  const renderedAt = Number(await frame.getAttribute('html', 'data-rendered-at'));
  return { t0, paintedAt, renderedAt };
}

export async function promptState(page) {
  const f = await promptFrameNow(page);
  if (!f) return null;
  try { return await f.evaluate(() => document.documentElement.getAttribute('data-state')); } catch (_) { return null; }
}

export async function waitPromptState(page, predicate, timeout = 10000) {
  const until = Date.now() + timeout;
  for (;;) {
    const s = await promptState(page);
    if (s && s !== 'waiting' && s !== 'closed' && (predicate.length === 0 ? s !== 'busy' && s !== 'checking' : predicate.includes(s))) return s;
    if (Date.now() > until) throw new Error(`prompt state ${s}, waited for ${predicate.length ? predicate.join('|') : 'a result'}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// The element id focused in the prompt, when the page's focus is on the prompt's host
// (a frame in a closed shadow root: the page sees its host focused), else null.
export async function promptFocusedId(page) {
  const hostFocused = await page.evaluate((sel) => { const h = document.querySelector(sel); return !!h && document.activeElement === h; }, PROMPT);
  if (!hostFocused) return null;
  const f = await promptFrameNow(page);
  if (!f) return null;
  return f.evaluate(() => (document.hasFocus() && document.activeElement && document.activeElement !== document.body ? document.activeElement.id || '(no id)' : null));
}

export async function submissions(page) {
  return page.evaluate(() => window.__fixture.submissions.slice());
}

export async function modelText(page) {
  return page.evaluate(() => window.__fixture.modelText());
}

export function median(values) {
  const s = values.slice().sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
