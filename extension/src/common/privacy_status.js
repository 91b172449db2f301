// What the employee should know about their own privacy, read from the host's `hello`
// (PROTOCOL.md) and the log pin (log_pin.js): whether the host is kept off the network
// by the operating system, whether debug diagnostics are on, the log's key, the
// diagnostic log's level. Fields an older host does not send are `null` (unknown), never
// guessed. Pure: the background builds it, the popup and the prompt show it.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  // hello: the host's hello result (or null when the host is unreachable);
  // pin: log_pin.compare()'s {status, blocked} (or null).
  function fromHello(hello, pin) {
    const h = hello && typeof hello === 'object' ? hello : {};
    const sandbox = h.sandbox && typeof h.sandbox === 'object' ? h.sandbox : null;
    const network = sandbox && (sandbox.network === 'enforced' || sandbox.network === 'not_enforced') ? sandbox.network : null;
    const log = h.log && typeof h.log === 'object' ? h.log : null;
    return {
      reachable: !!hello,
      debug: typeof h.debug === 'boolean' ? h.debug : null,
      sandbox: network ? { network, mechanism: String(sandbox.mechanism || ''), reason: String(sandbox.reason || '') } : null,
      diagnostics: h.diagnostics && typeof h.diagnostics.level === 'string' ? h.diagnostics.level : null,
      log: log && typeof log.initialized === 'boolean' ? {
        initialized: log.initialized,
        fingerprint: typeof log.key_fingerprint === 'string' && log.key_fingerprint ? log.key_fingerprint : null,
        lastSeq: Number.isInteger(log.last_seq) ? log.last_seq : null,
      } : null,
      pin: pin ? { status: pin.status, blocked: !!pin.blocked } : { status: 'unknown', blocked: false },
    };
  }

  // The banners the prompt and the popup show above everything else, in this order.
  // -> [{id, kind: 'debug'|'log', message: <_locales key>}]
  function notices(privacy) {
    const out = [];
    if (!privacy) return out;
    if (privacy.debug === true) out.push({ id: 'ov-debug-banner', kind: 'debug', message: 'debugBanner' });
    if (privacy.pin && privacy.pin.status === 'key_changed') out.push({ id: 'ov-log-key-warning', kind: 'log', message: 'logKeyChanged' });
    if (privacy.pin && privacy.pin.status === 'seq_backwards') out.push({ id: 'ov-log-key-warning', kind: 'log', message: 'logSeqBackwards' });
    return out;
  }

  OV.privacyStatus = { fromHello, notices };
})(globalThis);
