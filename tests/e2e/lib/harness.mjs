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
export const EXTENSION_DIR = path.join(REPO, 'extension/dist/chromium');
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
    throw new Error(`no built extension at ${EXTENSION_DIR}: run node extension/build.mjs`);
  }
  if (needHost && !fs.existsSync(HOST_BIN)) {
    throw new Error(`no ownvoice-host at ${HOST_BIN}: build it (cmake --build build --target ownvoice-host) or set OWNVOICE_HOST_BIN`);
  }
}

// options: {host: true|false (register the host), lang: 'en'|'fr', env: {},
//           root: the root of an earlier launch closed with close({ keep: true }), to
//           start the browser again on the same profile}
export async function launch(options = {}) {
  checkPrerequisites(options.host !== false);
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
      `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`,
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

// The prompt lives in an open shadow root; Playwright's CSS engine pierces it.
export const PROMPT = '#ownvoice-prompt-host';
export const inPrompt = (selector) => `${PROMPT} ${selector}`;

export async function promptState(page) {
  return page.getAttribute(PROMPT, 'data-state');
}

export async function waitPromptState(page, predicate, timeout = 10000) {
  const handle = await page.waitForFunction(({ sel, states }) => {
    const el = document.querySelector(sel);
    const s = el && el.getAttribute('data-state');
    return s && (states.length === 0 ? s !== 'busy' && s !== 'checking' : states.includes(s)) ? s : null;
  }, { sel: PROMPT, states: predicate }, { timeout });
  return handle.jsonValue();
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
