// The log pin (common/log_pin.js) and the privacy status read from hello
// (common/privacy_status.js): a replaced log or key stops logging until the employee
// accepts it; a host that does not report the key is "unknown", never blocking.
import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const OV = await load('common/log_pin.js', 'common/privacy_status.js');
const P = OV.logPin;
const FP = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const seen = (fingerprint, seq) => ({ initialized: true, key_fingerprint: fingerprint, last_seq: seq });

test('first sight of an initialised log pins its key and sequence number', () => {
  const r = P.compare(null, seen(FP, 3));
  assert.deepEqual(r, { status: 'pinned', pin: { fingerprint: FP, last_seq: 3 }, blocked: false });
});

test('same key, sequence forward or equal: ok, and the pin follows the sequence', () => {
  const pin = { fingerprint: FP, last_seq: 3 };
  assert.deepEqual(P.compare(pin, seen(FP, 3)), { status: 'ok', pin, blocked: false });
  assert.deepEqual(P.compare(pin, seen(FP, 9)), { status: 'ok', pin: { fingerprint: FP, last_seq: 9 }, blocked: false });
});

test('another key: blocked, and it stays blocked at every later hello, even with the old key back', () => {
  const pin = { fingerprint: FP, last_seq: 3 };
  const r = P.compare(pin, seen(OTHER, 0));
  assert.equal(r.status, 'key_changed');
  assert.equal(r.blocked, true);
  assert.equal(r.pin.fingerprint, FP, 'the pinned key is kept');
  assert.equal(r.pin.seen_fingerprint, OTHER);
  const later = P.compare(r.pin, seen(FP, 3));
  assert.equal(later.status, 'key_changed', 'only the employee clears the alarm');
  assert.equal(later.blocked, true);
});

test('sequence number going backwards (an older copy put back): blocked', () => {
  const r = P.compare({ fingerprint: FP, last_seq: 10 }, seen(FP, 4));
  assert.equal(r.status, 'seq_backwards');
  assert.equal(r.blocked, true);
});

test('no log, or a host that does not report the key: nothing to compare, nothing blocked, the pin kept', () => {
  const pin = { fingerprint: FP, last_seq: 3 };
  assert.deepEqual(P.compare(pin, { initialized: false }), { status: 'not_initialized', pin, blocked: false });
  assert.deepEqual(P.compare(pin, { initialized: true }), { status: 'unknown', pin, blocked: false });
  assert.deepEqual(P.compare(null, undefined), { status: 'unknown', pin: null, blocked: false });
  assert.deepEqual(P.compare(pin, { initialized: 'yes' }), { status: 'unknown', pin, blocked: false });
});

test('accepting the new key pins it fresh; logged() advances the sequence but never clears an alarm', () => {
  const accepted = P.accept(seen(OTHER, 0));
  assert.deepEqual(accepted, { fingerprint: OTHER, last_seq: 0 });
  assert.equal(P.compare(accepted, seen(OTHER, 1)).status, 'ok');
  assert.equal(P.accept({ initialized: true }), null, 'nothing to pin without a key');
  assert.deepEqual(P.logged({ fingerprint: FP, last_seq: 3 }, 4), { fingerprint: FP, last_seq: 4 });
  assert.deepEqual(P.logged({ fingerprint: FP, last_seq: 5 }, 4), { fingerprint: FP, last_seq: 5 });
  const alarmed = { fingerprint: FP, last_seq: 3, alarm: 'key_changed' };
  assert.equal(P.logged(alarmed, 9), alarmed);
});

test('short fingerprint: first 16 hex digits in groups of four', () => {
  assert.equal(P.shortFingerprint('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'), '9f86 d081 884c 7d65');
  assert.equal(P.shortFingerprint(''), '');
});

test('privacy status from hello: every field read, missing ones unknown (null), never guessed', () => {
  const hello = { protocol: 1, debug: true, sandbox: { network: 'enforced', mechanism: 'seccomp', reason: '' },
    diagnostics: { level: 'debug' }, log: seen(FP, 42) };
  const p = OV.privacyStatus.fromHello(hello, { status: 'ok', blocked: false });
  assert.deepEqual(p, { reachable: true, debug: true, sandbox: { network: 'enforced', mechanism: 'seccomp', reason: '' }, diagnostics: 'debug',
    log: { initialized: true, fingerprint: FP, lastSeq: 42 }, pin: { status: 'ok', blocked: false } });
  const old = OV.privacyStatus.fromHello({ protocol: 1, log: { initialized: false } }, null);
  assert.deepEqual(old, { reachable: true, debug: null, sandbox: null, diagnostics: null,
    log: { initialized: false, fingerprint: null, lastSeq: null }, pin: { status: 'unknown', blocked: false } });
  assert.equal(OV.privacyStatus.fromHello({ sandbox: { network: 'maybe' } }, null).sandbox, null, 'an unknown value is unknown');
  assert.equal(OV.privacyStatus.fromHello(null, null).reachable, false);
});

test('notices: the debug banner and the log warning, and nothing when all is well or unknown', () => {
  const n = (p) => OV.privacyStatus.notices(p).map((x) => x.message);
  assert.deepEqual(n({ debug: true, pin: { status: 'ok' } }), ['debugBanner']);
  assert.deepEqual(n({ debug: false, pin: { status: 'key_changed' } }), ['logKeyChanged']);
  assert.deepEqual(n({ debug: true, pin: { status: 'seq_backwards' } }), ['debugBanner', 'logSeqBackwards']);
  assert.deepEqual(n({ debug: null, pin: { status: 'unknown' } }), []);
  assert.deepEqual(n(null), []);
});
