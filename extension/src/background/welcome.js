// First run: the welcome page (src/pages/welcome.html) opens once, when the extension is
// installed (not on updates, not in the dev flavour the tests load, where a tab opening
// by itself would disturb every test; tests open the page themselves).
// While the employee has no private log, the first prompt offers to set one up, once:
// `logOfferShown` in storage.local remembers that it was offered (or that a log exists),
// and it is never offered again.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const api = root.browser || root.chrome;
  const { host, handlers } = OV.background;
  const WELCOME = 'src/pages/welcome.html';

  api.runtime.onInstalled.addListener((details) => {
    if (details && details.reason === 'install' && OV.flavour !== 'dev') {
      Promise.resolve(api.tabs.create({ url: api.runtime.getURL(WELCOME) })).catch(() => {});
    }
  });

  // true once: the log is not set up and the offer was never made. Asks the host (the
  // log may have been set up from the welcome page or `ownvoice log init` since hello).
  let queue = Promise.resolve(false);
  async function offerLogSetupOnce() {
    const { logOfferShown } = await api.storage.local.get({ logOfferShown: false });
    if (logOfferShown) return false;
    let initialized;
    try {
      initialized = !!(await host.request({ type: 'log.status' })).initialized;
    } catch (_) {
      return false;  // the host cannot say: do not offer on a guess
    }
    await api.storage.local.set({ logOfferShown: true });
    return !initialized;
  }

  const check = handlers['ov.check'];
  handlers['ov.check'] = async (msg, sender) => {
    const reply = await check(msg, sender);
    if (reply && reply.state === 'ok') {
      // One at a time: of two prompts at once, only the first is offered.
      queue = queue.then(offerLogSetupOnce, offerLogSetupOnce).catch(() => false);
      reply.offerLogSetup = await queue;
    }
    return reply;
  };

  handlers['ov.openWelcome'] = async () => {
    await api.tabs.create({ url: api.runtime.getURL(WELCOME) });
    return { ok: true };
  };
})(globalThis);
