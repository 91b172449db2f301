// Helpers for site adapters whose Post control has no stable attribute (Threads,
// Instagram, Tumblr, Quora, Hootsuite: a div[role=button] known only by its text) and
// for scheduling tools that publish one text to several networks (Buffer, Hootsuite).
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  const norm = (s) => String(s || '').replace(/\s+/g, ' ').trim().toLowerCase();

  // Marks the controls inside `scope` whose text or aria-label is one of `labels` with
  // data-ownvoice-submit="<id>", so an adapter can name them in a plain selector.
  // Re-marks after every DOM change (sites re-render their buttons).
  function markControls(id, { scope, candidates, labels }) {
    const wanted = new Set(labels.map(norm));
    const selector = candidates.split(',').map((c) => scope + ' ' + c.trim()).join(', ');
    const sweep = () => {
      for (const el of document.querySelectorAll(selector)) {
        const label = norm(el.getAttribute('aria-label')) || norm(el.textContent);
        if (wanted.has(label)) {
          if (el.getAttribute('data-ownvoice-submit') !== id) el.setAttribute('data-ownvoice-submit', id);
        } else if (el.getAttribute('data-ownvoice-submit') === id) {
          el.removeAttribute('data-ownvoice-submit');
        }
      }
    };
    new MutationObserver(sweep).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    sweep();
    return `[data-ownvoice-submit="${id}"]`;
  }

  // Networks from the strictest length rule to the most lenient, as the one table of
  // platforms orders them (common/platforms.js, generated from the host's
  // platforms.json): X 280 weighted, Bluesky 300 graphemes, ... A text for several
  // networks is checked against the first of them that is selected.
  const STRICTEST_FIRST = OV.platforms.map((p) => p.id);
  const ALIASES = {};
  for (const p of OV.platforms) for (const name of [p.id, ...p.aliases]) ALIASES[name] = p.id;

  function platformOf(network) {
    return ALIASES[norm(network).replace(/[^a-z]/g, '')] || null;
  }

  // Returns the strictest platform among the named networks; 'generic' when none is
  // known (TikTok, YouTube, Google Business: no text rule of ours applies).
  function strictest(networks) {
    const known = new Set(networks.map(platformOf).filter(Boolean));
    return STRICTEST_FIRST.find((p) => known.has(p)) || 'generic';
  }

  // Elements on the page, or none where there is no page (node's unit tests).
  function findAll(selector) {
    return typeof document === 'undefined' ? [] : Array.from(document.querySelectorAll(selector));
  }

  OV.adapterHelpers = { findAll, markControls, strictest, platformOf, STRICTEST_FIRST };
})(globalThis);
