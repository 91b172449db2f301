// Serves the fixture pages of fixtures/site_replicas.mjs at the real sites' addresses in a
// Playwright context (on top of harness.mjs's routes, which answer the first four
// sites), and the steps the sites_* and share_links tests share.
import path from 'node:path';
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { REPO, inPrompt, waitPromptState } from './harness.mjs';
import { SITE_REPLICAS, SCRIPT_PATH, fixtureFor } from '../fixtures/site_replicas.mjs';

export { SITE_REPLICAS };

const bundles = new Map();
export async function bundle(entry, target = 'chrome110') {
  const key = entry + target;
  if (!bundles.has(key)) {
    const out = await esbuild.build({
      entryPoints: [path.join(REPO, 'tests/e2e/fixtures/editor_bundles', entry)],
      bundle: true, write: false, format: 'iife', target, logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    });
    bundles.set(key, out.outputFiles[0].text);
  }
  return bundles.get(key);
}

// Later routes win in Playwright: ours answer our fixtures, the rest falls back to the
// harness (which refuses anything unknown: no test touches the network).
export async function routeSiteReplicas(context) {
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === SCRIPT_PATH) {
      const site = fixtureFor(route.request().frame().url());
      if (site && site.entry) return route.fulfill({ status: 200, contentType: 'text/javascript', body: await bundle(site.entry) });
    }
    const site = fixtureFor(url.href);
    if (site) return route.fulfill({ status: 200, contentType: 'text/html', body: site.html });
    return route.fallback();
  });
}

// The disclaimer the prompt proposes, as it stands in the prompt.
export async function proposedWording(page) {
  assert.ok(await inPrompt(page).isChecked('#ov-disclaimer-on'), 'the disclaimer is offered, ticked');
  return inPrompt(page).inputValue('#ov-disclaimer-text');
}

export const graphemes = (s) => [...new Intl.Segmenter().segment(s)].length;

// Waits for the prompt a share link brings up before any composer.
export async function intentPrompt(page) {
  await inPrompt(page).locator('.ov-dialog').waitFor({ timeout: 15000 });
  return waitPromptState(page, []);
}
