// Finds a site's composers and their Post controls through ordered strategies, so that
// a renamed class or test id does not silently unguard a site (issue 17).
//
// Each site adapter declares its composers as data (`composers`, see registry.js):
//   composers: {
//     scope:    where the composer lives ('[role="dialog"]'), optional
//     editor:   {testIds: ['tweetTextarea_*'], roles: ['textbox'], labels: {en: [...], fr: [...]}}
//     submit:   {testIds: ['tweetButton'], roles: ['button'], labels: {en: ['Post'], fr: ['Publier']}}
//     keyboard: true when Ctrl/Cmd+Enter submits on the site
//   }
// From it, for the editor and for the Post control separately, in this order:
//   site     the adapter's own composerSelector / submitSelector (the precise ones)
//   testid   the test ids (data-testid, data-test-id; a trailing * is a prefix)
//   labels   roles and accessible labels (aria-label, placeholder; a control's text),
//            in every language the table lists, inside the adapter's scope
//   generic  the generic heuristics: a contenteditable or textarea in a dialog or form,
//            and there a button whose label is one of the site's submit words
// A strategy is {name, selector, accept(el)}: a CSS selector and a predicate on labels.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  const EDITABLE = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], textarea:not([readonly]):not([disabled])';
  const CONTROL = 'button, [role="button"], input[type="submit"]';
  const CONTAINER = '[role="dialog"], dialog, [aria-modal="true"], form';
  const NOTHING = ':not(*)';
  const STRATEGIES = ['site', 'testid', 'labels', 'generic'];

  const norm = (s) => String(s == null ? '' : s).replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
  const allLabels = (table) => Object.values((table && table.labels) || {}).flat().map(norm).filter(Boolean);
  const scoped = (scope, selector) => (scope
    ? scope.split(',').flatMap((s) => selector.split(',').map((c) => s.trim() + ' ' + c.trim())).join(', ')
    : selector);
  const attrEq = (name, v) => `[${name}${v.endsWith('*') ? '^=' : '='}${JSON.stringify(v.replace(/\*$/, ''))}]`;

  function byTestIds(ids) {
    return ids.flatMap((id) => [attrEq('data-testid', id), attrEq('data-test-id', id)]).join(', ');
  }

  // What a person (or a screen reader) would call a control.
  function controlLabel(el) {
    return norm(el.getAttribute('aria-label')) || norm(el.textContent) || norm(el.value) || norm(el.getAttribute('title'));
  }
  // What an editor says it is for: its aria-label or placeholder.
  function editorLabels(el) {
    return ['aria-label', 'placeholder', 'aria-placeholder', 'data-placeholder'].map((a) => norm(el.getAttribute(a))).filter(Boolean);
  }

  function withRoles(roles, base) {
    if (!roles || !roles.length) return base;
    return roles.map((r) => (r === 'textbox' ? `[role="textbox"], textarea` : `[role="${r}"], ${r === 'button' ? 'button' : r}`)).join(', ');
  }

  // The strategies for editors, in order. Built at each call: adapters with getters
  // (generic.js) change selectors when their settings arrive.
  function editorStrategies(adapter) {
    const data = adapter.composers || null;
    const out = [{ name: 'site', selector: adapter.composerSelector || NOTHING, accept: () => true }];
    if (!data) return out;
    const ed = data.editor || {};
    if (ed.testIds && ed.testIds.length) {
      const t = byTestIds(ed.testIds);
      const sel = t.split(', ').flatMap((x) => [`${x}:is(${EDITABLE})`, `${x} :is(${EDITABLE})`]).join(', ');
      out.push({ name: 'testid', selector: sel, accept: () => true });
    }
    const labels = allLabels(ed);
    if (labels.length) {
      const sel = scoped(data.scope, `:is(${withRoles(ed.roles, EDITABLE)}):is(${EDITABLE})`);
      out.push({ name: 'labels', selector: sel, accept: (el) => editorLabels(el).some((l) => labels.some((w) => l.startsWith(w))) });
    }
    out.push({ name: 'generic', selector: scoped(CONTAINER, `:is(${EDITABLE})`), accept: () => true });
    return out;
  }

  function controlStrategies(adapter) {
    const data = adapter.composers || null;
    const out = [{ name: 'site', selector: adapter.submitSelector || NOTHING, accept: () => true }];
    if (!data) return out;
    const sub = data.submit || {};
    if (sub.testIds && sub.testIds.length) {
      const t = byTestIds(sub.testIds);
      out.push({ name: 'testid', selector: t + ', ' + t.split(', ').map((x) => `${x} :is(${CONTROL})`).join(', '), accept: () => true });
    }
    const words = new Set(allLabels(sub));
    if (words.size) {
      const accept = (el) => words.has(controlLabel(el));
      out.push({ name: 'labels', selector: scoped(data.scope, withRoles(sub.roles, CONTROL)), accept });
      out.push({ name: 'generic', selector: scoped(CONTAINER, CONTROL), accept });
    }
    return out;
  }

  function safeAll(node, selector) {
    try { return Array.from(node.querySelectorAll(selector)); } catch (_) { return []; }
  }
  function safeClosest(el, selector) {
    try { return el.closest(selector); } catch (_) { return null; }
  }
  // Editors nested in another matched editor are the same composer.
  const outermost = (els) => els.filter((el) => !els.some((o) => o !== el && o.contains(el)));

  // The nearest ancestor of `target` (itself included) that a strategy accepts.
  function closestAccepted(target, s) {
    let el = safeClosest(target, s.selector);
    while (el && !s.accept(el)) el = el.parentElement ? safeClosest(el.parentElement, s.selector) : null;
    return el;
  }

  // The Post control a click landed on: {control, strategy} or null.
  function controlAt(adapter, target) {
    for (const s of controlStrategies(adapter)) {
      const control = closestAccepted(target, s);
      if (control) return { control, strategy: s.name };
    }
    return null;
  }

  // The composer an element (the focus, for Ctrl+Enter) is in: {composer, strategy} or null.
  function composerAt(adapter, target) {
    for (const s of editorStrategies(adapter)) {
      const composer = closestAccepted(target, s);
      if (composer) return { composer, strategy: s.name };
    }
    return null;
  }

  // The site's own selectors and test ids are trusted as they are; labels and the generic
  // heuristics are fallbacks, and what they find must stand up both ways (below).
  const FALLBACK = new Set(['labels', 'generic']);

  // Walks up from `start` to the nearest ancestor holding something a strategy accepts;
  // at each level the strategies are tried in order. Fallback strategies do not look
  // beyond the dialog or form `start` is in, when it is in one: a "Post" button
  // elsewhere on the page is not this composer's.
  function nearest(start, strategies) {
    const boundary = safeClosest(start, CONTAINER);
    for (let node = start.parentElement; node; node = node.parentElement) {
      const outside = boundary && !boundary.contains(node) ? true : false;
      for (const s of strategies) {
        if (outside && FALLBACK.has(s.name)) continue;
        const found = safeAll(node, s.selector).filter((el) => el !== start && !el.contains(start) && s.accept(el));
        if (found.length) return { found, strategy: s.name };
      }
    }
    return null;
  }

  // The composer(s) a Post control shares: {composers, strategy} ({composers: []} if none).
  function composersNear(adapter, control) {
    const r = nearest(control, editorStrategies(adapter));
    return r ? { composers: outermost(r.found), strategy: r.strategy } : { composers: [], strategy: null };
  }

  // The Post control of a composer: {control, strategy} or null. A control found by a
  // fallback must lead back to this composer (its own nearest composer is this one).
  function controlNear(adapter, composer) {
    const r = nearest(composer, controlStrategies(adapter));
    if (!r) return null;
    const control = r.found[0];
    if (FALLBACK.has(r.strategy) && !composersNear(adapter, control).composers.some((c) => c === composer || c.contains(composer))) return null;
    return { control, strategy: r.strategy };
  }

  // A click on `target`: the Post control it is on and the composer(s) it shares, or
  // null. A control found by a fallback counts only if it is the control its composer
  // leads to (a "Reply" button in a feed is not the composer's Post button).
  function matchControl(adapter, target) {
    const at = controlAt(adapter, target);
    if (!at) return null;
    const near = composersNear(adapter, at.control);
    if (!near.composers.length) return null;
    if (FALLBACK.has(at.strategy)) {
      const back = controlNear(adapter, near.composers[0]);
      if (!back || back.control !== at.control) return null;
    }
    return { control: at.control, composers: near.composers, controlStrategy: at.strategy, editorStrategy: near.strategy };
  }

  const visible = (el) => typeof el.getClientRects !== 'function' || el.getClientRects().length > 0;

  // What the page holds for one adapter, for the toolbar badge, the notice and the
  // self-test. Never reads the post's text.
  //   {adapter, state: 'guarded' | 'watching' | 'unguarded', missing: null | 'control' | 'editor',
  //    editorStrategy, controlStrategy, tried: {editor: [{name, found}], control: [...]}, composer, control}
  // An editor found only by the generic heuristics (any editable in a dialog) is held
  // when a Post control is found beside it, but is not evidence enough for "not guarded
  // here": comment boxes and chats look the same.
  function scan(adapter, scope) {
    const doc = scope || root.document;
    const tried = { editor: [], control: [] };
    const seen = new Set();
    const editors = [];  // [{el, strategy}] in strategy order
    for (const s of editorStrategies(adapter)) {
      const found = outermost(safeAll(doc, s.selector).filter((el) => visible(el) && s.accept(el)));
      tried.editor.push({ name: s.name, found: found.length });
      for (const el of found) if (!seen.has(el)) { seen.add(el); editors.push({ el, strategy: s.name }); }
    }
    const base = { adapter: adapter.id, editorStrategy: null, controlStrategy: null, tried, composer: null, control: null };
    for (const e of editors) {
      const near = controlNear(adapter, e.el);
      if (near) {
        return Object.assign(base, { state: 'guarded', missing: null, composer: e.el, editorStrategy: e.strategy,
          control: near.control, controlStrategy: near.strategy });
      }
    }
    // Record which control strategies found anything at all, for the diagnostic.
    let lone = null;
    for (const s of controlStrategies(adapter)) {
      const found = safeAll(doc, s.selector).filter((el) => visible(el) && s.accept(el));
      tried.control.push({ name: s.name, found: found.length });
      // A Post control found by the site's own selectors or test ids but no editor
      // beside it: the editor changed. (A button that only says "Post" is too common
      // to count alone.)
      if (found.length && !lone && (s.name === 'site' || s.name === 'testid')) lone = { control: found[0], strategy: s.name };
    }
    const specific = editors.find((e) => e.strategy !== 'generic');
    if (specific) return Object.assign(base, { state: 'unguarded', missing: 'control', composer: specific.el, editorStrategy: specific.strategy });
    if (lone) return Object.assign(base, { state: 'unguarded', missing: 'editor', control: lone.control, controlStrategy: lone.strategy });
    return Object.assign(base, { state: 'watching', missing: null });
  }

  // The adapters that speak for a page: its site adapters if it has any, otherwise the
  // fallbacks (textarea, generic sites), whose data is thinner.
  function scanAll(adapters, scope) {
    const site = adapters.filter((a) => a.hosts);
    const list = site.length ? site : adapters;
    let best = null;
    const rank = { guarded: 3, unguarded: 2, watching: 1 };
    for (const a of list) {
      const r = scan(a, scope);
      if (!best || rank[r.state] > rank[best.state]) best = r;
      if (best.state === 'guarded') break;
    }
    return best;
  }

  OV.composerFinder = { STRATEGIES, editorStrategies, controlStrategies, controlAt, composerAt, composersNear, controlNear, matchControl, scan, scanAll, controlLabel, norm };
})(globalThis);
