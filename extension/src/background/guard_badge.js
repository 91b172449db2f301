// The toolbar icon says, for each tab, whether OwnVoice holds the composer in front of
// the employee (issue 17): a badge and a tooltip, in the browser's language.
//   guarded    "✓" green   a composer and its Post control are found and held
//   watching   "…" grey    a supported site, no composer open
//   unguarded  "!" amber   a composer is open but cannot be held: check by hand
//   off        no badge    a site OwnVoice does not cover (the default of every tab)
// Content scripts report their page's state (guard_state.js); browsers reset a tab's
// badge and tooltip when it loads another page, so a site without our content scripts
// falls back to the default: off. Nothing here leaves the machine.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});
  const api = root.browser || root.chrome;
  const action = api.action || api.browserAction;

  const LOOK = {
    guarded: { badge: 'badgeGuarded', color: '#15803d', title: 'titleGuarded' },
    watching: { badge: 'badgeWatching', color: '#64748b', title: 'titleWatching' },
    unguarded: { badge: 'badgeUnguarded', color: '#b45309', title: 'titleUnguarded' },
    off: { badge: null, color: '#64748b', title: 'titleOff' },
  };
  const STATES = Object.keys(LOOK);
  const msg = (key, subs) => api.i18n.getMessage(key, subs) || key;

  // The last report of each tab, for the popup (and lost with the service worker: the
  // popup then asks the tab itself).
  const byTab = new Map();

  function look(state) { return LOOK[state] || LOOK.off; }

  function title(report) {
    return msg(look(report.state).title, [report.site || '']);
  }

  async function paint(tabId, report) {
    const l = look(report.state);
    const calls = [
      action.setBadgeText({ tabId, text: l.badge ? msg(l.badge) : '' }),
      action.setTitle({ tabId, title: title(report) }),
    ];
    if (action.setBadgeBackgroundColor) calls.push(action.setBadgeBackgroundColor({ tabId, color: l.color }));
    await Promise.all(calls.map((p) => Promise.resolve(p).catch(() => {})));
  }

  function clean(report) {
    const state = STATES.includes(report.state) ? report.state : 'off';
    const str = (v) => (typeof v === 'string' ? v.slice(0, 200) : null);
    const tried = (list) => (Array.isArray(list) ? list.slice(0, 8).map((s) => ({ name: str(s.name), found: Number(s.found) || 0 })) : []);
    return {
      state, site: str(report.site), adapter: str(report.adapter), missing: str(report.missing),
      editorStrategy: str(report.editorStrategy), controlStrategy: str(report.controlStrategy),
      tried: report.tried ? { editor: tried(report.tried.editor), control: tried(report.tried.control) } : null,
      keyboard: report.keyboard === true, noticeShown: report.noticeShown === true,
    };
  }

  // The default look of every tab: off (no badge, "not covered" tooltip).
  Promise.resolve(action.setTitle({ title: msg('titleOff', ['']) })).catch(() => {});
  Promise.resolve(action.setBadgeText({ text: '' })).catch(() => {});

  api.runtime.onMessage.addListener((m, sender, sendResponse) => {
    if (!m || !sender || sender.id !== api.runtime.id) return false;
    if (m.type === 'ov.guardState') {
      if (!sender.tab || typeof sender.tab.id !== 'number' || (sender.frameId && sender.frameId !== 0)) return false;
      const report = clean(m);
      byTab.set(sender.tab.id, report);
      paint(sender.tab.id, report).then(() => sendResponse({ ok: true }));
      return true;
    }
    return false;
  });
  if (api.tabs && api.tabs.onRemoved) api.tabs.onRemoved.addListener((tabId) => byTab.delete(tabId));

  OV.guardBadge = { byTab, title, look, STATES };
})(globalThis);
