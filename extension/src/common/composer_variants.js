// Rewrites a composer the way a site redesign does, to prove that OwnVoice still holds
// it (issue 17): used by the self-test page on the replicas it ships, and by the
// end-to-end tests on their fixture pages (injected before the page's own scripts).
//   renamed    every class name hashed; the Post control (and the wrappers that hold
//              only it) loses its test ids, aria-label and classes
//   nocontrol  as renamed, and the Post control no longer says what it does: its text
//              becomes an arrow and a submit button becomes a plain button
// The editor keeps its role, aria-label and test ids: only the Post control is renamed.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});
  const RENAMED_ATTRS = ['data-testid', 'data-test-id', 'aria-label'];

  function hash(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    return 'h' + h.toString(36);
  }

  // options: {post: CSS selector of the Post control in the original markup, mode}
  function rewriter(options) {
    const made = new Set();       // hashed class names already ours
    const posts = new Set();      // the Post controls (and their wrappers), once found

    function renameClasses(el) {
      const cls = el.getAttribute('class');
      if (!cls) return;
      const next = cls.split(/\s+/).filter(Boolean).map((c) => {
        if (made.has(c)) return c;
        const h = hash(c);
        made.add(h);
        return h;
      }).join(' ');
      if (next !== cls) el.setAttribute('class', next);
    }

    function renamePost(el) {
      for (const a of RENAMED_ATTRS) {
        if (el.hasAttribute(a)) {
          el.setAttribute('data-renamed-' + hash(a), hash(el.getAttribute(a)));
          el.removeAttribute(a);
        }
      }
      if (options.mode === 'nocontrol') {
        if (el.getAttribute('type') === 'submit') el.setAttribute('type', 'button');
        if (el.hasAttribute('value')) el.removeAttribute('value');
        if (el.hasAttribute('title')) el.removeAttribute('title');
        const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.data.trim() && n.data !== '➜') n.data = '➜';
      }
    }

    function sweep(scope) {
      // The Post controls first, while the original selector still matches.
      const found = scope.querySelectorAll ? Array.from(scope.querySelectorAll(options.post)) : [];
      for (let el of found) {
        posts.add(el);
        // Wrappers that hold nothing but the control are part of it.
        while (el.parentElement && el.parentElement.children.length === 1 && el.parentElement !== el.ownerDocument.body) {
          el = el.parentElement;
          posts.add(el);
        }
      }
      for (const el of posts) if (el.isConnected) renamePost(el);
      for (const el of scope.querySelectorAll('[class]')) renameClasses(el);
    }
    return { sweep, posts };
  }

  // Rewrites a subtree once (the self-test page's replicas).
  function apply(scope, options) {
    rewriter(options).sweep(scope);
  }

  // Keeps a whole document rewritten as the page's scripts render (the tests' pages).
  function install(doc, options) {
    const r = rewriter(options);
    let busy = false;
    const run = () => {
      if (busy) return;
      busy = true;
      try { r.sweep(doc); } finally { busy = false; }
    };
    new MutationObserver(run).observe(doc.documentElement, {
      childList: true, subtree: true, characterData: options.mode === 'nocontrol',
      attributes: true, attributeFilter: ['class'].concat(RENAMED_ATTRS),
    });
    run();
    doc.addEventListener('DOMContentLoaded', run);
  }

  OV.composerVariants = { apply, install, hash, MODES: ['renamed', 'nocontrol'] };
})(globalThis);
