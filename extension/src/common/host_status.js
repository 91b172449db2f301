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

  OV.hostStatus = { PROTOCOL, classifyDisconnect, classifyErrorCode, compatible };
})(globalThis);
