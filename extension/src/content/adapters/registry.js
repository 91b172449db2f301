// The adapter interface. One file per site under adapters/ calls register() with:
//   id, platform            the site and the platform name the host checks against
//   hosts                   RegExps on location.hostname where the adapter applies
//                           (null: a fallback that applies wherever content scripts run)
//   editor                  how text goes in: 'paste' (Draft.js, Lexical), 'insertText'
//                           (Quill, ProseMirror), 'value' (textarea); see editor_io.js
//   composerSelector        the editable element(s) of a composer
//   submitSelector          the control that shares the post
//   submitEnabled(el)       optional; default reads disabled / aria-disabled
//   shortcut(event)         optional; default Ctrl/Cmd+Enter inside the composer
//   readAudience(composer)  optional; who will see the post as the composer shows it
//                           ("Public"), or null; default: the reader for this id in
//                           content/audience.js
//   readAccount(composer)   optional; the posting account's handle, or null (same default)
//   composers               the site's composers as data (test ids, roles, labels of the
//                           editor and of the Post control in English and French at
//                           least, keyboard submission): the fallbacks tried in order when
//                           the selectors above stop matching (composer_finder.js)
// Each site file's first line is a comment the build reads to write the manifest:
//   // ownvoice-site: {"matches": ["https://x.com/*"]}
// so adding a site is one small file and nothing else.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});
  const list = [];

  function register(adapter) {
    for (const key of ['id', 'platform', 'editor', 'composerSelector', 'submitSelector']) {
      if (!adapter[key]) throw new Error('adapter ' + (adapter.id || '?') + ' lacks ' + key);
    }
    // Property descriptors are copied, not values: an adapter whose selectors or
    // platform depend on settings that arrive later (generic.js) or on the page (the
    // strictest network selected in Buffer) keeps its getters.
    list.push(Object.freeze(Object.defineProperties({
      hosts: null,
      submitEnabled: defaultSubmitEnabled,
      shortcut: defaultShortcut,
    }, Object.getOwnPropertyDescriptors(adapter))));
  }

  function defaultSubmitEnabled(el) {
    if (!el) return false;
    if (el.disabled) return false;
    return el.getAttribute('aria-disabled') !== 'true';
  }

  function defaultShortcut(event) {
    return event.key === 'Enter' && !!(event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
  }

  // Site adapters first, fallbacks (hosts: null) last.
  function forHost(hostname) {
    const site = list.filter((a) => a.hosts && a.hosts.some((re) => re.test(hostname)));
    const fallback = list.filter((a) => !a.hosts);
    return site.concat(fallback);
  }

  // Walks up from a submit control to the nearest ancestor that holds a composer of
  // this adapter: the composer that control shares (dialog, form or inline box).
  function composersNear(adapter, control) {
    for (let node = control.parentElement; node; node = node.parentElement) {
      const found = Array.from(node.querySelectorAll(adapter.composerSelector));
      if (found.length) return found;
    }
    return [];
  }

  function submitNear(adapter, composer) {
    for (let node = composer.parentElement; node; node = node.parentElement) {
      const found = node.querySelector(adapter.submitSelector);
      if (found) return found;
    }
    return null;
  }

  OV.adapters = { register, forHost, composersNear, submitNear, all: () => list.slice() };
})(globalThis);
