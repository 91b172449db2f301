// Whether the composer in front of the employee is held, kept up to date as the page
// changes, and told to the background (the toolbar badge and tooltip, the popup): never
// silently unguarded (issue 17).
//   guarded    a composer and its Post control are found and held
//   watching   a supported site, no composer open
//   unguarded  a composer is open but its Post control is not found (or the reverse)
//   off        the employee's employer left this site out (allowed_sites)
// When a page stays unguarded for more than a moment, a notice near the composer says
// that this post cannot be checked automatically and how to check it by hand, once per
// page (guard_notice.js). The report names strategies and selectors, never the post.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const api = root.browser || root.chrome;
  const NOTICE_AFTER_MS = 1500;
  const SCAN_DEBOUNCE_MS = 250;

  let adapters = [];
  let allowed = true;
  let current = null;        // the last report (with elements), see composerFinder.scan
  let sentKey = '';
  let noticeTimer = null;
  let noticeShown = false;   // once per page, shown or dismissed
  let onComposerSeen = () => {};

  // What leaves the content script: states and strategy names, no element, no text.
  function summary() {
    const r = current;
    if (!allowed) return { state: 'off', site: location.hostname, adapter: null, reason: 'not_allowed' };
    const adapter = r && adapters.find((a) => a.id === r.adapter);
    return {
      state: r ? r.state : 'watching',
      site: location.hostname,
      adapter: r ? r.adapter : null,
      platform: adapter ? adapter.platform : null,
      missing: r ? r.missing : null,
      editorStrategy: r ? r.editorStrategy : null,
      controlStrategy: r ? r.controlStrategy : null,
      tried: r ? r.tried : null,
      keyboard: !!(adapter && adapter.composers && adapter.composers.keyboard),
      noticeShown,
    };
  }

  function report() {
    const s = summary();
    const key = JSON.stringify(s);
    if (key === sentKey) return;
    sentKey = key;
    try { Promise.resolve(api.runtime.sendMessage(Object.assign({ type: 'ov.guardState' }, s))).catch(() => {}); } catch (_) { /* extension reloaded */ }
  }

  function showNotice() {
    noticeTimer = null;
    if (noticeShown || !allowed) return;
    rescan(false);
    if (!current || current.state !== 'unguarded') return;
    noticeShown = true;
    OV.guardNotice.show({ near: current.composer || current.control, missing: current.missing, t: (k, subs) => api.i18n.getMessage(k, subs) });
    report();
  }

  function rescan(schedule = true) {
    if (!allowed) { report(); return; }
    current = OV.composerFinder.scanAll(adapters, document);
    if (current && current.editorStrategy && adapters.some((a) => a.hosts && a.id === current.adapter)) onComposerSeen();
    if (schedule) {
      if (current && current.state === 'unguarded' && !noticeShown) {
        if (!noticeTimer) noticeTimer = setTimeout(showNotice, NOTICE_AFTER_MS);
      } else if (noticeTimer) {
        clearTimeout(noticeTimer);
        noticeTimer = null;
      }
    }
    report();
  }

  let scheduled = false;
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => { scheduled = false; rescan(); }, SCAN_DEBOUNCE_MS);
  }

  // options: {adapters, allowedHere, onComposerSeen}
  function start(options) {
    adapters = options.adapters;
    allowed = options.allowedHere !== false;
    onComposerSeen = options.onComposerSeen || onComposerSeen;
    if (allowed) {
      new MutationObserver((records) => {
        // Our own notice and prompt do not change what the page holds.
        if (records.every((r) => OV.guardNotice.owns(r.target) || (r.target.id || '').startsWith('ownvoice-'))) return;
        schedule();
      }).observe(document.documentElement, {
        childList: true, subtree: true, attributes: true,
        attributeFilter: ['class', 'role', 'aria-label', 'data-testid', 'data-test-id', 'contenteditable', 'hidden', 'disabled', 'type'],
      });
    }
    rescan();
    // The popup and the self-test page ask the tab directly (the background's memory
    // does not survive a service-worker restart).
    api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
      if (!msg || msg.type !== 'ov.guardQuery' || !sender || sender.id !== api.runtime.id) return false;
      if (allowed) current = OV.composerFinder.scanAll(adapters, document);
      const reply = summary();
      // "Check my text here" in the popup: the text of the editor found, for the popup's
      // own check; only on that request, from the extension's own page.
      if (msg.withText === true && allowed && current && current.composer) reply.text = OV.editorIO.readText(current.composer);
      sendResponse(reply);
      return false;
    });
  }

  OV.guardState = { start, summary, NOTICE_AFTER_MS };
})(globalThis);
