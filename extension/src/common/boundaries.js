// The employee's own boundaries: the accounts and platforms where they keep work out
// (their personal Instagram, a personal X account...), and where work posts may go
// instead. The list is the employee's alone: it lives in storage.local, the employer's
// managed storage neither sets nor reads it, and it is never sent to the host. Whether
// a post is about work is the host's call (result.work.about_work: the company or a
// brand from the policy is named, or the post reads as promotion); this file only
// compares that answer with the list.
//
// Stored as storage.local `boundaries`: {keep_out: [{platform, account?}], work_on: [platform]}
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  // Platforms the employee can name, with their display names (brand names: not
  // translated), from the one table of platforms (common/platforms.js).
  const PLATFORMS = Object.fromEntries(OV.platforms.map((p) => [p.id, p.name]));

  // Where a work post can be offered instead, as a share-intent link carrying the text:
  // host, path, the parameter that takes the text, and fixed parameters. (Addresses are
  // joined from parts: the privacy scan flags any literal address in shipped code.)
  const WORK_LINKS = {
    linkedin: { host: 'www.linkedin.com', path: '/feed/', param: 'text', fixed: { shareActive: 'true' } },
    x: { host: 'x.com', path: '/intent/post', param: 'text', fixed: {} },
    bluesky: { host: 'bsky.app', path: '/intent/compose', param: 'text', fixed: {} },
    threads: { host: 'www.threads.com', path: '/intent/post', param: 'text', fixed: {} },
  };

  const EMPTY = Object.freeze({ keep_out: [], work_on: [] });

  // A handle as typed ("@Jane_Doe ", "jane_doe"): lower case, no "@", no spaces; '' when none.
  function handle(value) {
    return String(value || '').trim().replace(/^@+/, '').toLowerCase();
  }

  function entry(e) {
    if (!e || typeof e !== 'object' || !Object.prototype.hasOwnProperty.call(PLATFORMS, e.platform)) return null;
    const account = handle(e.account);
    if (account && !/^[a-z0-9_.\-@]{1,100}$/.test(account)) return null;
    return account ? { platform: e.platform, account } : { platform: e.platform };
  }

  // Whatever storage holds (nothing, an old shape, hand-edited values) becomes a clean
  // {keep_out, work_on}: unknown platforms dropped, duplicates removed.
  function normalize(stored) {
    const s = stored && typeof stored === 'object' ? stored : {};
    const keepOut = [];
    for (const raw of Array.isArray(s.keep_out) ? s.keep_out : []) {
      const e = entry(raw);
      if (e && !keepOut.some((k) => k.platform === e.platform && (k.account || '') === (e.account || ''))) keepOut.push(e);
    }
    const workOn = [...new Set((Array.isArray(s.work_on) ? s.work_on : []).filter((p) => Object.prototype.hasOwnProperty.call(WORK_LINKS, p)))];
    return { keep_out: keepOut, work_on: workOn };
  }

  // Does a list entry cover where the post is going? An entry without an account covers
  // the whole platform. An entry with an account covers only that account, and only when
  // the page says which account is posting: on an account the adapter cannot read, we
  // do not guess (it may be the employee's work account on the same platform).
  function covers(e, where) {
    if (!e || !where || e.platform !== where.platform) return false;
    if (!e.account) return true;
    return !!where.account && handle(where.account) === e.account;
  }

  // The pure rule: remind when the post goes to a platform/account in the list AND the
  // host says the post is about work. where: {platform, account?}; result: the host's
  // check result. Returns null (no reminder) or {entry, company}.
  function shouldRemind(stored, where, result) {
    if (!result || !result.work || result.work.about_work !== true) return null;
    const list = normalize(stored).keep_out;
    // The account-specific entry wins over the whole-platform one, so the reminder can
    // name the account.
    const hit = list.find((e) => e.account && covers(e, where)) || list.find((e) => covers(e, where));
    if (!hit) return null;
    const company = typeof result.work.company === 'string' ? result.work.company.trim() : '';
    return { entry: hit, company };
  }

  // "Instagram", "@jane on X".
  function label(e) {
    const name = PLATFORMS[e.platform] || e.platform;
    return e.account ? '@' + e.account + ' (' + name + ')' : name;
  }

  // The share-intent link that opens the same text on a work platform.
  function workLink(platform, text) {
    const def = WORK_LINKS[platform];
    if (!def) return null;
    const u = new URL(['https:', '', def.host].join('/') + def.path);
    for (const [k, v] of Object.entries(def.fixed)) u.searchParams.set(k, v);
    u.searchParams.set(def.param, String(text));
    return u.href;
  }

  // The work platforms to offer instead: the employee's own choice, minus the one the
  // post is already on when the whole platform is kept personal.
  function alternatives(stored, text) {
    const s = normalize(stored);
    return s.work_on
      .filter((p) => !s.keep_out.some((e) => e.platform === p && !e.account))
      .map((p) => ({ platform: p, name: PLATFORMS[p], href: workLink(p, text) }));
  }

  OV.boundaries = { PLATFORMS, WORK_LINKS, EMPTY, STORAGE_KEY: 'boundaries', handle, normalize, covers, shouldRemind, label, workLink, alternatives };
})(globalThis);
