// A hint of how strong the log's passphrase is, for the options page. The rule that
// counts is the host library's (Store::init: at least MIN_LENGTH Unicode code points,
// `passphrase_too_short` otherwise); this only helps the employee choose before asking.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  const MIN_LENGTH = 10;

  // -> {length, level: 'too_short' | 'weak' | 'fair' | 'strong'}
  function strength(passphrase) {
    const chars = Array.from(String(passphrase || ''));
    const length = chars.length;
    if (length < MIN_LENGTH) return { length, level: 'too_short' };
    const distinct = new Set(chars.map((c) => c.toLowerCase())).size;
    const words = String(passphrase).trim().split(/\s+/).filter((w) => w.length >= 2).length;
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9\s]/, /\s/].filter((re) => re.test(passphrase)).length;
    // Repeats ("aaaaaaaaaaaa", "abcabcabcabc") are long but easy.
    if (distinct < 6) return { length, level: 'weak' };
    if (length >= 20 && (words >= 4 || classes >= 3)) return { length, level: 'strong' };
    if (length >= 14 || (classes >= 3 && distinct >= 10)) return { length, level: 'fair' };
    return { length, level: 'weak' };
  }

  OV.passphrase = { MIN_LENGTH, strength };
})(globalThis);
