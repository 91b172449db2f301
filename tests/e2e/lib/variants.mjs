// The composer variants of issue 17, generated from the existing fixture pages rather
// than copied: a fixture's HTML gets, first thing in its <head>, the extension's own
// rewriter (extension/src/common/composer_variants.js) set to rename every class name
// and the Post control's test ids and aria-label as the page renders ('renamed'), or
// also to take away what says the control posts ('nocontrol'). The page's own scripts
// (Draft.js, Quill, Lexical, TipTap) run unchanged on top.
import fs from 'node:fs';
import path from 'node:path';
import { REPO, FIXTURES } from './harness.mjs';
import { SITE_REPLICAS } from '../fixtures/site_replicas.mjs';

const REWRITER = fs.readFileSync(path.join(REPO, 'extension/src/common/composer_variants.js'), 'utf8');
export const VARIANT_PARAM = 'ovvariant';

// Every built-in site adapter with a fixture: where its page is, and its Post control
// in the original markup (by its own attributes, so the rewriter finds it before any
// class is renamed). `siteSurvivesRename`: the adapter's own selector finds the control
// by its text (adapter_helpers.markControls) or by its structure (Reddit: the form's
// submit button), so renaming classes and attributes cannot move it to a fallback.
export const SITES = {
  x: { url: FIXTURES.x.url, post: '[data-testid="tweetButton"]', keyboard: true },
  linkedin: { url: FIXTURES.linkedin.url, post: 'button.share-actions__primary-action' },
  facebook: { url: FIXTURES.facebook.url, post: '[role="button"][aria-label="Post"]' },
  mastodon: { url: SITE_REPLICAS.mastodon.origin + SITE_REPLICAS.mastodon.paths[0], post: 'button[type="submit"]', keyboard: true },
  bluesky: { url: SITE_REPLICAS.bluesky.origin + SITE_REPLICAS.bluesky.paths[0], post: '[data-testid="composerPublishBtn"]', keyboard: true },
  instagram: { url: SITE_REPLICAS.instagram.origin + SITE_REPLICAS.instagram.paths[0], post: '#share', siteSurvivesRename: true },
  threads: { url: SITE_REPLICAS.threads.origin + SITE_REPLICAS.threads.paths[0], post: '#post', siteSurvivesRename: true },
  pinterest: { url: SITE_REPLICAS.pinterest.origin + SITE_REPLICAS.pinterest.paths[0], post: '[data-test-id="storyboard-creation-nav-done"] button' },
  tumblr: { url: SITE_REPLICAS.tumblr.origin + SITE_REPLICAS.tumblr.paths[0], post: 'footer button', siteSurvivesRename: true },
  quora: { url: SITE_REPLICAS.quora.origin + SITE_REPLICAS.quora.paths[0], post: '#post', siteSurvivesRename: true },
  buffer: { url: SITE_REPLICAS.buffer.origin + SITE_REPLICAS.buffer.paths[0], post: '[data-testid="composer-submit-button"]' },
  hootsuite: { url: SITE_REPLICAS.hootsuite.origin + SITE_REPLICAS.hootsuite.paths[0], post: '#post', siteSurvivesRename: true },
  reddit: { url: SITE_REPLICAS.reddit.origin + SITE_REPLICAS.reddit.paths[0], post: 'button[type="submit"]', siteSurvivesRename: true },
};

// The fixture's HTML with the rewriter installed before anything else runs. The page
// keeps a handle on the Post control for the test's clicks (window.__variantPost): the
// extension never looks there.
export function variantHtml(html, { post, mode }) {
  const script = `<script>${REWRITER}
;(function () { const opts = ${JSON.stringify({ post, mode })};
  const find = () => { if (!window.__variantPost) window.__variantPost = document.querySelector(opts.post); };
  find(); new MutationObserver(find).observe(document.documentElement, { childList: true, subtree: true });
  OwnVoice.composerVariants.install(document, opts); })();</script>`;
  return html.replace(/<head>(<meta charset="utf-8">)?/, (m) => m + script);
}

export const variantUrl = (url, mode) => url + (url.includes('?') ? '&' : '?') + VARIANT_PARAM + '=' + mode;

// Playwright: answers ?ovvariant= pages with the variant of the fixture the harness and
// routeSiteReplicas would serve (later routes win; anything else falls through to them).
export async function routeVariants(context, htmlFor) {
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const mode = url.searchParams.get(VARIANT_PARAM);
    if (!mode || route.request().resourceType() !== 'document') return route.fallback();
    const site = Object.values(SITES).find((s) => new URL(s.url).host === url.host && new URL(s.url).pathname === url.pathname);
    if (!site) return route.fallback();
    return route.fulfill({ status: 200, contentType: 'text/html', body: variantHtml(htmlFor(url), { post: site.post, mode }) });
  });
}

// The fixture HTML at an address (the first three sites' pages.mjs, or site_replicas.mjs).
export function fixtureHtml(url, fixtureFor) {
  const u = new URL(url);
  const first = Object.values(FIXTURES).find((f) => new URL(f.url).host === u.host && new URL(f.url).pathname === u.pathname);
  if (first) return first.html;
  const replica = fixtureFor(u.href);
  if (!replica) throw new Error('no fixture at ' + url);
  return replica.html;
}
