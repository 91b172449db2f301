// The sites added at run time: Mastodon instances the employee names, and the generic
// adapter's sites (IT's policy and managed storage, the employee's own list). For each
// one whose host permission the employee granted (options page: permissions.request
// needs their click), the content scripts are registered on it; refused sites are not.
// Content scripts ask `ov.sites` for the generic entries of their page.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const api = root.browser || root.chrome;
  const PREFIX = 'ov-dyn-';

  let policySites = null;  // from the host's effective policy, once per connection
  if (OV.background && OV.background.host) OV.background.host.onReset(() => { policySites = null; });

  async function fromPolicy() {
    if (!policySites) {
      const managed = await api.storage.managed.get(null).then((m) => m || {}, () => ({}));
      policySites = OV.background.host.request({ type: 'policy', managed_policy: OV.managed.managedPolicy(managed) || undefined })
        .then((p) => (p && p.effective && Array.isArray(p.effective.sites) ? p.effective.sites : []),
          () => { policySites = null; return []; });  // host missing: ask again next time
    }
    return policySites;
  }

  async function state() {
    const [managed, local, policy] = await Promise.all([
      api.storage.managed.get(null).then((m) => m || {}, () => ({})),
      api.storage.local.get({ employeeSites: [], refusedSites: [], mastodonInstances: [] }),
      fromPolicy(),
    ]);
    const sites = OV.siteList.merge({
      policy, managed: Array.isArray(managed.sites) ? managed.sites : [], employee: local.employeeSites,
    }, local.refusedSites);
    return { sites, mastodon: local.mastodonInstances || [] };
  }

  async function granted(origin) {
    try { return await api.permissions.contains({ origins: [origin] }); } catch (_) { return false; }
  }

  // Re-registers every dynamic content script from the current lists.
  async function refresh() {
    if (!api.scripting || !api.scripting.registerContentScripts) return { registered: 0, scripting: false };
    const { sites, mastodon } = await state();
    const js = api.runtime.getManifest().content_scripts[0].js;
    const existing = await api.scripting.getRegisteredContentScripts();
    const ours = existing.filter((s) => s.id.startsWith(PREFIX)).map((s) => s.id);
    if (ours.length) await api.scripting.unregisterContentScripts({ ids: ours });
    const scripts = [];
    for (const host of mastodon) {
      const origin = OV.siteList.hostPattern(host);
      if (await granted(origin)) scripts.push({ id: PREFIX + 'mastodon-' + host, matches: [origin], js: ['src/content/mastodon_instance.js', ...js], runAt: 'document_start' });
    }
    for (const s of sites) {
      const origin = OV.siteList.originOf(s.url_match);
      if (s.refused || !origin || !(await granted(origin))) continue;
      if (scripts.some((x) => x.matches[0] === origin)) continue;
      scripts.push({ id: PREFIX + 'site-' + s.key.replace(/[^a-zA-Z0-9_-]/g, '_'), matches: [origin], js, runAt: 'document_start' });
    }
    if (scripts.length) await api.scripting.registerContentScripts(scripts);
    return { registered: scripts.length, scripting: true };
  }

  function pageSender(sender) {
    return typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL(''));
  }

  const handlers = {
    async 'ov.sites'(msg) {
      const { sites } = await state();
      return { sites: OV.siteList.forUrl(sites, String(msg.url || '')) };
    },
    async 'ov.sites.list'(msg, sender) {
      if (!pageSender(sender)) throw new Error('not allowed');
      const { sites, mastodon } = await state();
      for (const s of sites) s.granted = await granted(OV.siteList.originOf(s.url_match));
      const instances = [];
      for (const host of mastodon) instances.push({ host, granted: await granted(OV.siteList.hostPattern(host)) });
      return { sites, mastodon: instances };
    },
    async 'ov.sites.refuse'(msg, sender) {
      if (!pageSender(sender)) throw new Error('not allowed');
      const { refusedSites } = await api.storage.local.get({ refusedSites: [] });
      const set = new Set(refusedSites);
      if (msg.refused) set.add(String(msg.key)); else set.delete(String(msg.key));
      await api.storage.local.set({ refusedSites: [...set] });
      return refresh();
    },
    async 'ov.sites.save'(msg, sender) {
      if (!pageSender(sender)) throw new Error('not allowed');
      const current = await api.storage.local.get({ employeeSites: [], mastodonInstances: [] });
      const employeeSites = Array.isArray(msg.employeeSites) ? msg.employeeSites.filter(OV.siteList.valid) : current.employeeSites;
      const mastodonInstances = Array.isArray(msg.mastodonInstances)
        ? msg.mastodonInstances.map(OV.siteList.mastodonHost).filter(Boolean) : current.mastodonInstances;
      await api.storage.local.set({ employeeSites, mastodonInstances });
      return refresh();
    },
    async 'ov.sites.refresh'(msg, sender) {
      if (!pageSender(sender)) throw new Error('not allowed');
      return refresh();
    },
  };

  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (!sender || sender.id !== api.runtime.id || !msg || !Object.prototype.hasOwnProperty.call(handlers, msg.type)) return false;
    handlers[msg.type](msg, sender).then(sendResponse, (e) => sendResponse({ error: String(e && e.message || e) }));
    return true;
  });
  if (api.permissions && api.permissions.onAdded) api.permissions.onAdded.addListener(() => { refresh().catch(() => {}); });
  if (api.permissions && api.permissions.onRemoved) api.permissions.onRemoved.addListener(() => { refresh().catch(() => {}); });

  OV.sites = { refresh, state, handlers };
})(globalThis);
