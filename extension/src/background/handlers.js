// The background's message handlers: the only place that talks to the native host.
// Content scripts may check and confirm; only the extension's own pages (popup,
// options) may read the policy or touch the log.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const api = root.browser || root.chrome;

  // Debug diagnostics are the employee's alone: their own switch in the options page
  // (storage.local `debug`), never managed storage, sent as `debug: true` on every
  // request while on (PROTOCOL.md). Read before the first request goes out.
  let debugOn = false;
  const debugReady = api.storage.local.get({ debug: false })
    .then((p) => { debugOn = !!p && p.debug === true; }, () => { debugOn = false; });

  const host = new OV.HostConnection({
    connectNative: (name) => api.runtime.connectNative(name),
    lastError: () => (api.runtime.lastError ? api.runtime.lastError.message : null),
    extensionVersion: api.runtime.getManifest().version,
    requestFields: () => (debugOn ? { debug: true } : null),
  });
  // Whether the policy lets the employee word the disclaimer: asked once per host
  // connection, in parallel with the first check. If the host cannot say, the policy's
  // own wording is used.
  let policyInfo = null;
  host.onReset(() => { policyInfo = null; });
  function allowUserDisclaimer(managedPolicy) {
    if (!policyInfo) {
      policyInfo = host.request({ type: 'policy', managed_policy: managedPolicy || undefined })
        .then((p) => !(p && p.effective && p.effective.allow_user_disclaimer === false), () => false);
    }
    return policyInfo;
  }
  // For the end-to-end tests' cold-host measurement, and for people debugging.
  root.ownvoiceHost = host;

  // Settings are read once and kept until they change. IT's managed settings: Chromium's
  // first storage.managed read after the browser starts can take seconds (it waits for
  // the policy service), and it must not fall on the employee's first Post click. So the
  // background reads storage.managed once when it starts and keeps what it read in
  // storage.session (a restarted service worker has it at once) and storage.local (the
  // next browser start has it at once). Until the live read arrives, a check uses that
  // copy of IT's last rules; if the live read then differs, the check runs again with it
  // before answering, and storage.onChanged says when IT changes something later. Only a
  // profile that never read storage.managed has no copy and waits for the live read.
  const MANAGED_COPY = 'ownvoiceManagedCopy';
  let managedLive = null;    // promise of the live storage.managed read
  let managedLiveValue;      // its result, once it arrived
  let managedCopy = null;    // promise of the kept copy (undefined when none)
  function readManagedLive() {
    if (!managedLive) {
      managedLive = Promise.resolve().then(() => api.storage.managed.get(null)).then((m) => m || {}, () => ({}))
        .then((m) => {
          managedLiveValue = m;
          managedCopy = Promise.resolve(m);  // the last known settings, while a new read runs
          // IT's settings only (never post text); a failed write only costs the next start time.
          if (api.storage.session) api.storage.session.set({ [MANAGED_COPY]: m }).catch(() => {});
          api.storage.local.set({ [MANAGED_COPY]: m }).catch(() => {});
          return m;
        });
    }
    return managedLive;
  }
  function readManagedCopy() {
    if (!managedCopy) {
      const from = (area) => Promise.resolve().then(() => area && area.get(MANAGED_COPY))
        .then((r) => (r && r[MANAGED_COPY] && typeof r[MANAGED_COPY] === 'object' ? r[MANAGED_COPY] : undefined), () => undefined);
      managedCopy = from(api.storage.session).then((c) => c || from(api.storage.local));
    }
    return managedCopy;
  }
  // The managed settings to use now: the live ones when they are there (or when there is
  // no copy), else the copy. `fromCopy` says which, so a check can run again.
  async function managedNow() {
    const live = readManagedLive();
    if (managedLiveValue !== undefined) return { managed: managedLiveValue, fromCopy: false };
    const copy = await Promise.race([live.then(() => undefined), readManagedCopy()]);
    if (managedLiveValue !== undefined || copy === undefined) return { managed: await live, fromCopy: false };
    return { managed: copy, fromCopy: true };
  }
  async function managedSettings() {
    return (await managedNow()).managed;
  }
  let prefsCache = null;
  function prefs() {
    if (!prefsCache) {
      prefsCache = api.storage.local.get({ language: 'auto', disclaimers: {} })
        .then((p) => ({ language: p.language, disclaimers: p.disclaimers || {} }));
    }
    return prefsCache;
  }
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') {
      managedLive = null;
      managedLiveValue = undefined;
      readManagedLive();
    }
    if (area === 'local') prefsCache = null;
    if (area === 'local' && changes.debug) debugOn = changes.debug.newValue === true;
  });

  // The log pin (common/log_pin.js): compared with a fresh `hello` whenever the privacy
  // status is asked for and before every `confirm`; one comparison at a time, so two
  // hellos never race to write the pin.
  let pinChain = Promise.resolve();
  function withPin(update) {
    const run = pinChain.then(async () => {
      const got = await api.storage.local.get({ [OV.logPin.STORAGE_KEY]: null });
      const before = got[OV.logPin.STORAGE_KEY] || null;
      const out = await update(before);
      if (JSON.stringify(out.pin) !== JSON.stringify(before)) {
        if (out.pin) await api.storage.local.set({ [OV.logPin.STORAGE_KEY]: out.pin });
        else await api.storage.local.remove(OV.logPin.STORAGE_KEY);
      }
      return out;
    });
    pinChain = run.catch(() => {});
    return run;
  }

  // -> {hello, pin: {status, pin, blocked}}
  async function helloAndPin() {
    const hello = await host.freshHello();
    const pin = await withPin(async (stored) => OV.logPin.compare(stored, hello && hello.log));
    return { hello, pin };
  }
  readManagedLive();
  readManagedCopy();
  prefs();

  function pageSender(sender) {
    return typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL(''));
  }

  function unavailable(e) {
    return { state: 'unavailable', reason: e.reason || 'error', message: e.message || String(e), code: e.code || null,
      // Which side to update when the two disagree on the protocol (hostStatus.messageFor).
      hostVersion: (e.details && e.details.hostVersion) || null, extensionVersion: api.runtime.getManifest().version };
  }

  async function warm() {
    await host.connect();
    allowUserDisclaimer(OV.managed.managedPolicy(await managedSettings()));
    return { ok: true, hello: host.hello };
  }

  const handlers = {
    async 'ov.settings'(msg) {
      const [managed, p] = await Promise.all([managedSettings(), prefs()]);
      return {
        allowedHere: OV.managed.siteAllowed(managed, msg.hostname),
        userDisclaimer: p.disclaimers,
        installUrl: api.runtime.getURL('src/pages/install.html'),
      };
    },

    async 'ov.openInstall'() {
      await api.tabs.create({ url: api.runtime.getURL('src/pages/install.html') });
      return { ok: true };
    },

    async 'ov.warm'() {
      try { return await warm(); } catch (e) { return { ok: false, reason: e.reason }; }
    },

    async 'ov.check'(msg) {
      const [now, p] = await Promise.all([managedNow(), prefs()]);
      const request = { type: 'check', text: String(msg.text || ''), platform: msg.platform || 'generic' };
      if (msg.url) request.url = String(msg.url);
      const lang = msg.lang || (p.language !== 'auto' ? p.language : null);
      if (lang) request.lang = lang;
      const managedPolicy = OV.managed.managedPolicy(now.managed);
      if (managedPolicy) request.managed_policy = managedPolicy;
      try {
        const [result, allow] = await Promise.all([host.request(request), allowUserDisclaimer(managedPolicy)]);
        // Checked with the kept copy and the live settings arrived meanwhile, different:
        // IT changed something since the copy was kept, so check again with theirs.
        if (now.fromCopy && managedLiveValue !== undefined) {
          const livePolicy = OV.managed.managedPolicy(managedLiveValue);
          if (JSON.stringify(livePolicy || null) !== JSON.stringify(managedPolicy || null)) {
            if (livePolicy) request.managed_policy = livePolicy; else delete request.managed_policy;
            return { state: 'ok', result: await host.request(request), allowUserDisclaimer: allow };
          }
        }
        return { state: 'ok', result, allowUserDisclaimer: allow };
      } catch (e) {
        return unavailable(e);
      }
    },

    async 'ov.confirm'(msg) {
      try {
        // Someone replaced the log or its key since the employee set it up: nothing more
        // is written to it until they accept the new key (popup), whatever they decide.
        const { pin } = await helloAndPin();
        if (pin.blocked) return { ok: true, result: { logged: false, reason: 'log_key_' + pin.status } };
        const result = await host.request({
          type: 'confirm', check_id: String(msg.check_id), decision: msg.decision,
          final_text: String(msg.final_text || ''), consent: msg.consent === true,
          // The employee's boundary reminder was shown before this decision (boundary_prompt.js).
          ...(msg.boundary_reminder === true ? { boundary_reminder: true } : {}),
        });
        if (result && result.logged && Number.isInteger(result.seq)) {
          await withPin(async (stored) => ({ pin: OV.logPin.logged(stored, result.seq) }));
        }
        return { ok: true, result };
      } catch (e) {
        return { ok: false, error: unavailable(e) };
      }
    },

    async 'ov.hello'(msg, sender) {
      if (!pageSender(sender)) throw new Error('not allowed');
      try { return { ok: true, hello: (await warm()).hello }; } catch (e) { return { ok: false, error: unavailable(e) }; }
    },

    // What the popup's "Privacy status" and every prompt show (common/privacy_status.js).
    async 'ov.privacy'(msg, sender) {
      if (!pageSender(sender)) throw new Error('not allowed');
      try {
        const { hello, pin } = await helloAndPin();
        return { ok: true, privacy: OV.privacyStatus.fromHello(hello, pin), debugSetting: debugOn };
      } catch (e) {
        return { ok: false, error: unavailable(e), privacy: OV.privacyStatus.fromHello(null, null), debugSetting: debugOn };
      }
    },

    // The employee accepts the log's key as it is now (they re-created the log
    // themselves, or rotated its key): logging resumes.
    async 'ov.acceptLogKey'(msg, sender) {
      if (!pageSender(sender)) throw new Error('not allowed');
      try {
        const hello = await host.freshHello();
        await withPin(async () => ({ pin: OV.logPin.accept(hello && hello.log) }));
        const { pin } = await helloAndPin();
        return { ok: true, privacy: OV.privacyStatus.fromHello(hello, pin) };
      } catch (e) {
        return { ok: false, error: unavailable(e) };
      }
    },

    async 'ov.policy'(msg, sender) {
      if (!pageSender(sender)) throw new Error('not allowed');
      const managedPolicy = OV.managed.managedPolicy(await managedSettings());
      try {
        return { ok: true, result: await host.request({ type: 'policy', managed_policy: managedPolicy || undefined }) };
      } catch (e) {
        return { ok: false, error: unavailable(e) };
      }
    },

    // The passphrase passes through and is forgotten: never stored, never logged.
    async 'ov.log'(msg, sender) {
      if (!pageSender(sender)) throw new Error('not allowed');
      const ops = ['status', 'init', 'show', 'verify', 'export', 'erase'];
      if (!ops.includes(msg.op)) throw new Error('unknown log operation');
      try {
        const result = await host.request(Object.assign({}, msg.params || {}, { type: 'log.' + msg.op }));
        // The employee set the log up here, themselves: its key is the one to pin.
        if (msg.op === 'init') {
          const hello = await host.freshHello();
          await withPin(async () => ({ pin: OV.logPin.accept(hello && hello.log) }));
        }
        return { ok: true, result };
      } catch (e) {
        return { ok: false, error: unavailable(e) };
      }
    },
  };

  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (!sender || sender.id !== api.runtime.id || !msg || !Object.prototype.hasOwnProperty.call(handlers, msg.type)) return false;
    debugReady.then(() => handlers[msg.type](msg, sender)).then(sendResponse, (e) => sendResponse({ state: 'unavailable', reason: 'error', message: String(e && e.message || e) }));
    return true;
  });

  OV.background = { host, handlers, helloAndPin };
})(globalThis);
