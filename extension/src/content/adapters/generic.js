// ownvoice-site: {"matches": []}
// The generic adapter: sites IT (policy `sites`, or the browser's managed storage) or
// the employee (options page) point OwnVoice at, each {id, url_match, composer_selector,
// submit_selector, platform}. The background registers the content scripts for those
// sites once their host permission is granted (background/sites.js) and answers
// `ov.sites` with the ones that apply to this page and that the employee has not
// refused. The list arrives after document_start, so the selectors and the platform are
// getters read at each use; until then they match nothing.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const api = root.browser || root.chrome;
  const NOTHING = ':not(*)';
  let sites = [];

  const join = (key) => sites.map((s) => s[key]).filter(Boolean).join(', ') || NOTHING;

  OV.adapters.register({
    id: 'generic',
    hosts: null,
    get platform() { return (sites[0] && sites[0].platform) || 'generic'; },
    // A textarea takes the native value setter; anything else, insertText (which
    // ProseMirror, Quill and plain contenteditable accept).
    get editor() {
      const el = sites.length ? OV.adapterHelpers.findAll(join('composer_selector'))[0] : null;
      return el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') ? 'value' : 'insertText';
    },
    get composerSelector() { return join('composer_selector'); },
    get submitSelector() { return join('submit_selector'); },
  });

  // Asked once every content script has loaded (next task), and only where no built-in
  // adapter covers the site: the answer may need the host's policy, and starting the
  // host on every page view of a supported site would be for nothing.
  function ask() {
    if (OV.adapters.forHost(location.hostname).some((a) => a.hosts)) return;
    Promise.resolve(api.runtime.sendMessage({ type: 'ov.sites', url: location.href }))
      .then((reply) => {
        if (!reply || !Array.isArray(reply.sites)) return;
        // Keep only selectors the browser can parse: one broken entry must not break the rest.
        sites = reply.sites.filter((s) => {
          try { document.querySelector(s.composer_selector); document.querySelector(s.submit_selector); return true; } catch (_) { return false; }
        });
      })
      .catch(() => {});
  }
  if (api && api.runtime && api.runtime.sendMessage && location.protocol.startsWith('http')) setTimeout(ask, 0);
  OV.genericSites = { current: () => sites.slice() };
})(globalThis);
