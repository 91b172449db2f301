// The employer's managed settings (chrome.storage.managed, schema in managed_schema.json)
// become the `managed_policy` layer the host applies on top of its own policy files.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  function isObject(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }

  // managed: {policy?: object, rules?: [], disclaimers?: {}, short_disclaimers?: {},
  //           allowed_sites?: []}. Returns a policy object, or null when IT set nothing.
  function managedPolicy(managed) {
    if (!isObject(managed)) return null;
    const out = isObject(managed.policy) ? JSON.parse(JSON.stringify(managed.policy)) : {};
    if (Array.isArray(managed.rules) && managed.rules.length) {
      out.rules = (Array.isArray(out.rules) ? out.rules : []).concat(managed.rules);
    }
    for (const key of ['disclaimers', 'short_disclaimers']) {
      if (isObject(managed[key])) out[key] = Object.assign({}, out[key] || {}, managed[key]);
    }
    return Object.keys(out).length ? out : null;
  }

  // IT may narrow the sites the extension guards; an empty or absent list means all
  // supported sites. Entries are host names; a leading "*." also matches subdomains.
  function siteAllowed(managed, hostname) {
    const list = isObject(managed) && Array.isArray(managed.allowed_sites) ? managed.allowed_sites : [];
    if (!list.length) return true;
    const host = String(hostname || '').toLowerCase();
    return list.some((entry) => {
      const e = String(entry).toLowerCase().trim();
      if (e.startsWith('*.')) return host === e.slice(2) || host.endsWith(e.slice(1));
      return host === e || host === 'www.' + e;
    });
  }

  OV.managed = { managedPolicy, siteAllowed };
})(globalThis);
