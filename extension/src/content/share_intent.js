// Share-intent links (x.com/intent/post?text=..., bsky.app/intent/compose?text=..., the
// others in common/share_links.js) carry the post in the address: the site's composer
// reads it from there as it starts. This script runs at document_start, before any of
// the page's scripts, and when the address holds a post:
//   1. takes the text out of the address (history.replaceState) before the page's
//      scripts can read it, and hides the page, so no composer shows or holds it yet
//      (window.stop() would be simpler, but Chromium then never paints the stopped
//      page, prompt included);
//   2. has the host check the text and shows the prompt over the hidden page;
//   3. reloads the link with the checked text (disclaimer included) in place of the
//      original (location.replace), with the fragment #ownvoice-checked so that this
//      one load is let through; the fragment is removed (history.replaceState) before
//      the page's scripts run. The composer then opens holding exactly what the
//      employee accepted. Nothing is stored: the text lives only in the address.
// A link crafted with that fragment skips this early prompt, not the check: pressing
// Post in the composer is held by guard.js as always.
// Cancel shows the page as it is (the composer empty); Edit (and "post without
// checking" when the host is missing) reloads it with the original text, where pressing
// Post is held as usual.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const api = root.browser || root.chrome;
  if (!OV || !OV.shareLinks || OV.shareIntentInstalled || window.self !== window.top) return;
  OV.shareIntentInstalled = true;

  const MARK = 'ownvoice-checked';
  const MASTODON_HOSTS = /(^|\.)(mastodon\.social|mastodon\.online)$/;
  const link = OV.shareLinks.parse(location.href, { mastodon: !!OV.mastodonInstance || MASTODON_HOSTS.test(location.hostname) });
  if (!link || !link.text) return;

  if (location.hash === '#' + MARK) {
    history.replaceState(history.state, '', location.href.replace(/#.*$/, ''));
    return;
  }

  const original = location.href;
  history.replaceState(history.state, '', link.withoutText());
  const rootStyle = document.documentElement.style;
  rootStyle.setProperty('visibility', 'hidden', 'important');
  document.documentElement.setAttribute('data-ownvoice-intent', link.kind);
  const reveal = () => {
    rootStyle.removeProperty('visibility');
    document.documentElement.removeAttribute('data-ownvoice-intent');
  };

  function t(key, subs) {
    try { return api.i18n.getMessage(key, subs) || ''; } catch (_) { return ''; }
  }
  const send = (message) => api.runtime.sendMessage(message);

  function go(href) {
    const target = new URL(href, original);
    target.hash = MARK;
    location.replace(target.href);
  }

  async function check(text) {
    try {
      const reply = await send({ type: 'ov.check', text, platform: link.platform, url: original });
      return reply || { state: 'unavailable', reason: 'error', message: 'no reply' };
    } catch (e) {
      return { state: 'unavailable', reason: 'error', message: String(e && e.message || e) };
    }
  }

  function confirm(checkId, decision, finalText, consent) {
    if (!checkId) return Promise.resolve(null);
    return send({ type: 'ov.confirm', check_id: checkId, decision, final_text: finalText, consent }).catch(() => null);
  }

  async function run() {
    let settings = null;
    try { settings = await send({ type: 'ov.settings', hostname: location.hostname }); } catch (_) { settings = null; }
    settings = settings || { allowedHere: true, userDisclaimer: {}, installUrl: api.runtime.getURL('src/pages/install.html') };
    if (settings.allowedHere === false) { go(original); return; }

    const response = await check(link.text);
    const prompt = OV.prompt.show({
      doc: document, t, originalText: link.text, response,
      recheck: (body) => check(body),
      userDisclaimer: settings.userDisclaimer || {},
      installUrl: settings.installUrl,
    });
    const outcome = await prompt.decided;
    if (outcome.action === 'cancel') {
      await confirm(outcome.checkId, 'cancelled', link.text, false);
      reveal();
      return;
    }
    if (outcome.action === 'post') {
      prompt.busy(true);
      await confirm(outcome.checkId, outcome.decision, outcome.finalText, outcome.consent);
      prompt.close();
      go(link.rewrite(outcome.finalText));
      return;
    }
    prompt.close();
    go(original);  // edit, post_anyway: the composer opens with the link's own text
  }

  run().catch(() => go(original));
})(globalThis);
