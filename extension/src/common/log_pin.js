// Pins the employee's log to its key. Appending to the log needs no secret (by design:
// the host logs without the passphrase), so whoever administers the machine could
// create the log before the employee does, or replace it with one sealed to their own
// key, and read every later entry. The extension therefore remembers the log's
// public-key fingerprint and the last sequence number it saw (storage.local, from the
// moment the employee set the log up or first saw it initialised) and compares them at
// every `hello`. A different key, or a sequence number that went backwards (an older
// copy put back), stops logging until the employee accepts the new key themselves.
//
// Pure: the background stores what these functions return (handlers.js).
// pin: {fingerprint: string, last_seq: number|null, alarm?: 'key_changed'|'seq_backwards',
//       seen_fingerprint?: string, seen_seq?: number|null} | null
// seen: hello's `log` object {initialized, key_fingerprint?, last_seq?} | undefined
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  const STORAGE_KEY = 'logPin';
  const BLOCKING = ['key_changed', 'seq_backwards'];

  function seqOf(seen) {
    return seen && Number.isInteger(seen.last_seq) && seen.last_seq >= 0 ? seen.last_seq : null;
  }

  function fingerprintOf(seen) {
    return seen && typeof seen.key_fingerprint === 'string' && seen.key_fingerprint ? seen.key_fingerprint : null;
  }

  // -> {status, pin, blocked}
  //   status: 'unknown' (a host that does not report the key: nothing to compare),
  //           'not_initialized' (no log, nothing is logged), 'pinned' (first seen now),
  //           'ok', 'key_changed', 'seq_backwards'
  function compare(pin, seen) {
    if (pin && pin.alarm) return { status: pin.alarm, pin, blocked: true };
    if (!seen || typeof seen.initialized !== 'boolean') return { status: 'unknown', pin: pin || null, blocked: false };
    if (!seen.initialized) return { status: 'not_initialized', pin: pin || null, blocked: false };
    const fingerprint = fingerprintOf(seen);
    if (!fingerprint) return { status: 'unknown', pin: pin || null, blocked: false };
    const seq = seqOf(seen);
    if (!pin) return { status: 'pinned', pin: { fingerprint, last_seq: seq }, blocked: false };
    if (fingerprint !== pin.fingerprint) return alarm(pin, 'key_changed', fingerprint, seq);
    if (seq !== null && pin.last_seq !== null && pin.last_seq !== undefined && seq < pin.last_seq) {
      return alarm(pin, 'seq_backwards', fingerprint, seq);
    }
    const last = pin.last_seq === null || pin.last_seq === undefined ? seq : seq === null ? pin.last_seq : Math.max(seq, pin.last_seq);
    return { status: 'ok', pin: { fingerprint, last_seq: last }, blocked: false };
  }

  function alarm(pin, status, fingerprint, seq) {
    return { status, pin: Object.assign({}, pin, { alarm: status, seen_fingerprint: fingerprint, seen_seq: seq }), blocked: true };
  }

  // After a logged confirm: the log grew to `seq`.
  function logged(pin, seq) {
    if (!pin || pin.alarm || !Number.isInteger(seq)) return pin;
    return Object.assign({}, pin, { last_seq: pin.last_seq === null || pin.last_seq === undefined ? seq : Math.max(seq, pin.last_seq) });
  }

  // The employee accepts the log as it is now (they re-created it themselves): a fresh
  // pin from what the host reports, or none when it reports no key (pinned at next hello).
  function accept(seen) {
    const fingerprint = fingerprintOf(seen);
    return fingerprint ? { fingerprint, last_seq: seqOf(seen) } : null;
  }

  // "3f2a 9c01 7be4 55d0": the first 16 hex digits, enough to compare by eye with
  // `ownvoice log status`.
  function shortFingerprint(fingerprint) {
    const hex = String(fingerprint || '').replace(/[^0-9a-fA-F]/g, '').toLowerCase().slice(0, 16);
    return hex.match(/.{1,4}/g)?.join(' ') || '';
  }

  OV.logPin = { STORAGE_KEY, BLOCKING, compare, logged, accept, shortFingerprint };
})(globalThis);
