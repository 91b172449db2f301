// The popup's "Privacy status": four lines an employee reads in ten seconds (whether the
// host is kept off the network by the operating system, whether debug diagnostics are
// on, the log's key in short, the diagnostics level) and, when the log's key changed
// since they set it up, the warning and the button to accept the new key deliberately.
// Kept apart from popup.js (the check-a-text part).
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const api = root.browser || root.chrome;
  const { t } = OV.pageI18n;
  const { el } = OV.resultView;

  // -> [{id, text, level: 'good'|'warn'|'info'}]
  function lines(p) {
    const out = [];
    const sandbox = !p.sandbox ? { key: 'privacySandboxUnknown', level: 'info' }
      : p.sandbox.network === 'enforced' ? { key: 'privacySandboxEnforced', level: 'good' }
        : { key: 'privacySandboxNotEnforced', level: 'warn' };
    out.push({ id: 'privacy-sandbox', text: t(sandbox.key) + (p.sandbox && p.sandbox.reason ? ' (' + p.sandbox.reason + ')' : ''), level: sandbox.level });
    out.push(p.debug === true ? { id: 'privacy-debug', text: t('privacyDebugOn'), level: 'warn' }
      : p.debug === false ? { id: 'privacy-debug', text: t('privacyDebugOff'), level: 'good' }
        : { id: 'privacy-debug', text: t('privacyDebugUnknown'), level: 'info' });
    if (p.log && !p.log.initialized) out.push({ id: 'privacy-log', text: t('privacyLogNone'), level: 'info' });
    else if (p.log && p.log.fingerprint) {
      out.push({ id: 'privacy-log', text: t('privacyLogKey', [OV.logPin.shortFingerprint(p.log.fingerprint)]), level: p.pin.blocked ? 'warn' : 'good' });
    } else out.push({ id: 'privacy-log', text: t('privacyLogUnknown'), level: 'info' });
    out.push(p.diagnostics ? { id: 'privacy-diagnostics', text: t('privacyDiagnostics', [p.diagnostics]), level: p.diagnostics === 'default' ? 'good' : 'warn' }
      : { id: 'privacy-diagnostics', text: t('privacyDiagnosticsUnknown'), level: 'info' });
    return out;
  }

  function render(box, reply) {
    box.replaceChildren(el(document, 'h2', { id: 'privacy-heading', text: t('privacyHeading') }));
    const p = reply && reply.privacy;
    if (!reply || !reply.ok) box.append(el(document, 'p', { class: 'error', text: t('privacyHostDown', [reply && reply.error ? reply.error.message : '']) }));
    if (!p) return;
    for (const n of OV.privacyStatus.notices(p)) {
      box.append(el(document, 'p', { id: 'privacy-' + n.kind + '-notice', class: 'privacy-notice ' + n.kind, role: 'alert', text: t(n.message) }));
    }
    if (p.pin.blocked) {
      const accept = el(document, 'button', { id: 'privacy-accept-key', type: 'button', text: t('privacyAcceptKey') });
      accept.addEventListener('click', async (e) => {
        if (!e.isTrusted) return;  // a deliberate act of the employee, never a script's
        accept.disabled = true;
        const again = await api.runtime.sendMessage({ type: 'ov.acceptLogKey' });
        render(box, again && again.ok ? again : reply);
        if (again && again.ok) box.append(el(document, 'p', { id: 'privacy-accepted', role: 'status', text: t('privacyAccepted') }));
      });
      box.append(el(document, 'p', {}, accept));
    }
    const list = el(document, 'ul', { class: 'privacy-lines' });
    for (const l of lines(p)) list.append(el(document, 'li', { id: l.id, class: 'privacy-' + l.level, text: l.text }));
    box.append(list);
    box.setAttribute('data-loaded', 'true');
  }

  async function load() {
    const box = document.getElementById('privacy');
    if (!box) return;
    let reply = null;
    try { reply = await api.runtime.sendMessage({ type: 'ov.privacy' }); } catch (e) { reply = { ok: false, error: { message: String(e && e.message || e) } }; }
    render(box, reply);
  }

  OV.popupPrivacy = { lines, render, load };
  load();
})(globalThis);
