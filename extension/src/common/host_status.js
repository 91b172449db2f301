// Reads what went wrong between the extension and the native host, so the prompt can
// say it plainly ("not installed", "not allowed", "too old") instead of a raw error.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  const PROTOCOL = 1;

  // Chromium's and Firefox's own wording for runtime.lastError after connectNative.
  function classifyDisconnect(message) {
    const m = String(message || '').toLowerCase();
    if (m.includes('not found') || m.includes('no such native application')) return 'missing';
    if (m.includes('forbidden') || m.includes('not allowed')) return 'forbidden';
    if (m.includes('failed to start') || m.includes('exited') || m.includes('native host has exited')) return 'crashed';
    return 'disconnected';
  }

  // A host reply's error code -> what the employee is told.
  function classifyErrorCode(code) {
    switch (code) {
      case 'protocol_mismatch': return 'incompatible';
      case 'forbidden_caller': return 'forbidden';
      case 'timeout': return 'timeout';
      default: return 'error';
    }
  }

  function compatible(hello) {
    return !!hello && hello.protocol === PROTOCOL && Array.isArray(hello.capabilities) &&
      hello.capabilities.includes('check') && hello.capabilities.includes('confirm');
  }

  // hello's answer -> null when this extension can work with the host, otherwise which
  // side is behind (PROTOCOL.md "Protocol agreement"): the host answers hello with the
  // protocol it speaks whatever the extension asked, and the newer side names the update.
  //   host_outdated       the host speaks an older protocol: update the OwnVoice app
  //   extension_outdated  the host speaks a newer protocol: update the extension
  //   incompatible        same protocol but not the capabilities the prompt needs
  function agreement(hello) {
    if (compatible(hello)) return null;
    const hostProtocol = hello && Number.isInteger(hello.protocol) ? hello.protocol : null;
    const hostVersion = hello && typeof hello.host_version === 'string' ? hello.host_version.slice(0, 32) : '';
    let reason = 'incompatible';
    if (hostProtocol !== null && hostProtocol < PROTOCOL) reason = 'host_outdated';
    else if (hostProtocol !== null && hostProtocol > PROTOCOL) reason = 'extension_outdated';
    return { reason, hostProtocol, hostVersion };
  }

  // What the popup and the prompt say for an unavailable host: a message key of
  // _locales and its arguments. `unavailable` is the background's {reason, message,
  // hostVersion, extensionVersion}.
  function messageFor(unavailable) {
    const u = unavailable || {};
    switch (u.reason) {
      case 'missing': return { key: 'hostMissing', args: [] };
      case 'forbidden': return { key: 'hostForbidden', args: [] };
      case 'host_outdated': return { key: 'hostOutdated', args: [u.hostVersion || '?', u.extensionVersion || '?'] };
      case 'extension_outdated': return { key: 'extensionOutdated', args: [u.extensionVersion || '?', u.hostVersion || '?'] };
      case 'incompatible': return { key: 'hostIncompatible', args: [] };
      default: return { key: 'hostError', args: [u.message || u.reason || 'error'] };
    }
  }

  OV.hostStatus = { PROTOCOL, classifyDisconnect, classifyErrorCode, compatible, agreement, messageFor };
})(globalThis);
