// The content script's entry point: finds the composer a Post click or Ctrl/Cmd+Enter
// belongs to, holds the submission, runs the check through the background page and the
// native host, shows the prompt, and lets the post go only as the employee decided.
// Listeners sit on window in the capture phase and are added at document_start, so they
// run before the site's own handlers and survive any re-render of the composer.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const api = root.browser || root.chrome;
  if (OV.guardInstalled) return;
  OV.guardInstalled = true;

  const adapters = OV.adapters.forHost(location.hostname);
  let settings = null;       // {allowedHere, userDisclaimer, installUrl}
  let flowActive = false;
  let passThrough = null;    // the control we re-click ourselves after the decision
  let warmed = false;
  let activePrompt = null;   // the open prompt's controller
  const SHOW_CHECKING_AFTER_MS = 150;

  function t(key, subs) {
    try { return api.i18n.getMessage(key, subs) || ''; } catch (_) { return ''; }
  }

  function send(message) {
    return api.runtime.sendMessage(message);
  }

  async function loadSettings() {
    if (!settings) {
      try { settings = await send({ type: 'ov.settings', hostname: location.hostname }); } catch (_) { settings = null; }
      settings = settings || { allowedHere: true, userDisclaimer: {}, installUrl: api.runtime.getURL('src/pages/install.html') };
    }
    return settings;
  }

  function inPrompt(event) {
    const host = document.getElementById(OV.prompt.HOST_ID);
    return !!host && event.composedPath().includes(host);
  }

  // A Post click: which adapter's submit control, and which composer(s) it shares.
  function matchClick(event) {
    const target = event.target;
    if (!(target instanceof Element)) return null;
    for (const adapter of adapters) {
      const control = target.closest(adapter.submitSelector);
      if (!control) continue;
      const composers = OV.adapters.composersNear(adapter, control);
      if (composers.length) return { adapter, control, composers };
    }
    return null;
  }

  function matchShortcut(event) {
    const target = event.target;
    if (!(target instanceof Element)) return null;
    for (const adapter of adapters) {
      if (!adapter.shortcut(event)) continue;
      const composer = target.closest(adapter.composerSelector);
      if (!composer) continue;
      const control = OV.adapters.submitNear(adapter, composer);
      if (control) return { adapter, control, composers: OV.adapters.composersNear(adapter, control) };
    }
    return null;
  }

  // Enter or Space on a focused Post control that is not a real <button> (Facebook's
  // div[role=button]): sites activate those from keydown without any click event, so
  // the key is held like a click. Real buttons turn the key into a click, held above.
  function matchKeyActivation(event) {
    if ((event.key !== 'Enter' && event.key !== ' ') || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return null;
    const target = event.target;
    if (!(target instanceof Element) || target instanceof HTMLButtonElement || target instanceof HTMLInputElement) return null;
    return matchClick(event);
  }

  function readAll(composers) {
    return composers.map((c) => OV.editorIO.readText(c)).join('\n\n');
  }

  function hold(event, match) {
    if (!match || flowActive) {
      if (flowActive && match) { event.preventDefault(); event.stopImmediatePropagation(); }
      return;
    }
    if (!match.adapter.submitEnabled(match.control)) return;  // the site ignores it anyway
    const text = readAll(match.composers);
    if (!text.trim()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    run(match, text);
  }

  function onClick(event) {
    if (passThrough && event.target instanceof Element && passThrough.contains(event.target)) {
      passThrough = null;
      return;
    }
    if (inPrompt(event)) return;
    hold(event, matchClick(event));
  }

  function onKeydown(event) {
    if (inPrompt(event)) return;
    hold(event, matchShortcut(event) || matchKeyActivation(event));
  }

  // Keys and focus changes inside the prompt are stopped here, before any listener of
  // the site (shortcuts, Esc-closes-the-modal, focus locks) sees them; default actions
  // (typing, Space on a checkbox, Enter on a button) still happen.
  function shieldPrompt(event) {
    if (!activePrompt || !inPrompt(event)) return false;
    event.stopImmediatePropagation();
    if (event.type === 'keydown') activePrompt.onKey(event);
    return true;
  }

  async function check(text, platform) {
    try {
      const reply = await send({ type: 'ov.check', text, platform, url: location.href });
      if (reply) return reply;
      return { state: 'unavailable', reason: 'error', message: 'no reply' };
    } catch (e) {
      return { state: 'unavailable', reason: 'error', message: String(e && e.message || e) };
    }
  }

  // extra: fields added to the request ({boundary_reminder: true}, boundary_prompt.js).
  function confirm(checkId, decision, finalText, consent, extra) {
    if (!checkId) return Promise.resolve(null);
    return send(Object.assign({ type: 'ov.confirm', check_id: checkId, decision, final_text: finalText, consent }, extra))
      .catch(() => null);  // the decision log must never stand between the employee and their post
  }

  // After the prompt: the composer may have been re-rendered; find the control again.
  function liveControl(match) {
    if (match.control.isConnected) return match.control;
    return OV.adapters.submitNear(match.adapter, match.composers[0]) || match.control;
  }

  async function waitEnabled(adapter, control) {
    for (let i = 0; i < 30; i++) {
      if (adapter.submitEnabled(control)) return true;
      await new Promise((r) => setTimeout(r, 20));
    }
    return false;
  }

  function release(match) {
    const control = liveControl(match);
    passThrough = control;
    control.click();
    passThrough = null;
  }

  async function run(match, text) {
    flowActive = true;
    try {
      const s = await loadSettings();
      // The prompt opens with the result, or after SHOW_CHECKING_AFTER_MS with "Checking…"
      // if the result is slower (a host starting), then fills in.
      const pending = check(text, match.adapter.platform);
      const early = await Promise.race([pending, new Promise((r) => setTimeout(() => r(null), SHOW_CHECKING_AFTER_MS))]);
      const prompt = OV.prompt.show({
        doc: document, t, originalText: text, response: early || { state: 'checking' },
        recheck: (body) => check(body, match.adapter.platform),
        userDisclaimer: s.userDisclaimer || {},
        installUrl: s.installUrl,
        openInstall: () => send({ type: 'ov.openInstall' }).catch(() => {}),
        openWelcome: () => send({ type: 'ov.openWelcome' }).catch(() => {}),
        audience: OV.audience.read(match.adapter, match.composers[0]),
      });
      activePrompt = prompt;
      if (!early) prompt.update(await pending);
      // The employee's own boundaries come first (boundary_prompt.js): on an account they
      // keep work out of, the prompt steps aside for the reminder and comes back on
      // "share anyway"; "cancel" leaves the composer as it is.
      const boundary = await OV.boundaryPrompt.before({ doc: document, t, adapter: match.adapter, composer: match.composers[0],
        text, response: early || await pending, prompt, onShow: (p) => { activePrompt = p; } });
      activePrompt = prompt;
      if (boundary.action === 'cancel') {
        prompt.close();
        confirm(boundary.checkId, 'cancelled', text, false, boundary.extra);
        match.composers[0].focus();
        return;
      }
      for (;;) {
        const outcome = await prompt.decided;
        if (outcome.action === 'cancel') {
          confirm(outcome.checkId, 'cancelled', text, false, boundary.extra);
          match.composers[0].focus();
          return;
        }
        if (outcome.action === 'edit') { match.composers[0].focus(); return; }
        if (outcome.action === 'post_anyway') { prompt.close(); release(match); return; }

        // action === 'post'
        prompt.busy(true);
        if (outcome.finalText !== text) {
          if (match.composers.length !== 1) { prompt.fail(t('insertFailedThread')); continue; }
          const put = await OV.editorIO.replaceText(match.adapter.editor, match.composers[0], outcome.finalText);
          if (!put.ok || !(await waitEnabled(match.adapter, liveControl(match)))) {
            prompt.fail(t('insertFailed'));
            continue;
          }
        }
        await confirm(outcome.checkId, outcome.decision, outcome.finalText, outcome.consent, boundary.extra);
        prompt.close();
        release(match);
        return;
      }
    } finally {
      flowActive = false;
      activePrompt = null;
    }
  }

  // Starts the native host as soon as a composer shows up, so the first check is warm.
  function scan() {
    if (warmed) return;
    for (const adapter of adapters) {
      if (adapter.hosts && document.querySelector(adapter.composerSelector)) {
        warmed = true;
        send({ type: 'ov.warm' }).catch(() => {});
        return;
      }
    }
  }

  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled || warmed) return;
    scheduled = true;
    setTimeout(() => { scheduled = false; scan(); if (warmed) observer.disconnect(); }, 200);
  });

  // Added now, before the site's scripts run; a site IT left out is skipped once the
  // settings arrive.
  function allowed() { return !settings || settings.allowedHere !== false; }
  root.addEventListener('click', (e) => { if (allowed()) onClick(e); }, true);
  root.addEventListener('keydown', (e) => { if (!shieldPrompt(e) && allowed()) onKeydown(e); }, true);
  for (const type of ['keyup', 'keypress', 'focusin', 'focusout']) root.addEventListener(type, shieldPrompt, true);
  loadSettings().then((s) => {
    if (s.allowedHere) observer.observe(document.documentElement, { childList: true, subtree: true });
  });
})(globalThis);
