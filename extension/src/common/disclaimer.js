// The host proposes the whole post with the disclaimer added. The prompt shows only
// what is inserted, lets the employee edit that insertion, and puts it back at the
// same place in whatever text the employee finally shares.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  // Finds the single insertion that turns `original` into `proposed`:
  // {at, text} with original.slice(0, at) + text + original.slice(at) === proposed.
  // Returns null when the proposal is not a pure insertion (the host rewrote the post).
  function insertionOf(original, proposed) {
    if (typeof original !== 'string' || typeof proposed !== 'string') return null;
    if (proposed.length <= original.length) return null;
    let prefix = 0;
    const maxPrefix = original.length;
    while (prefix < maxPrefix && original.charCodeAt(prefix) === proposed.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    const maxSuffix = original.length - prefix;
    while (suffix < maxSuffix &&
           original.charCodeAt(original.length - 1 - suffix) === proposed.charCodeAt(proposed.length - 1 - suffix)) suffix++;
    const at = original.length - suffix;
    // Never split a surrogate pair: move the cut left until it sits between characters.
    let cut = at;
    while (cut > 0 && cut < original.length && isLow(original.charCodeAt(cut)) && prefix >= cut) cut--;
    const text = proposed.slice(cut, proposed.length - (original.length - cut));
    if (original.slice(0, cut) + text + original.slice(cut) !== proposed) return null;
    return { at: cut, text };
  }

  function isLow(code) { return code >= 0xdc00 && code <= 0xdfff; }

  function applyInsertion(text, insertion) {
    if (!insertion || !insertion.text) return text;
    const at = Math.max(0, Math.min(text.length, insertion.at));
    return text.slice(0, at) + insertion.text + text.slice(at);
  }

  // The visible part of an insertion ("Opinions are my own.") versus the separator
  // around it ("\n\n", " — "): the employee edits the wording, not the line breaks.
  function splitInsertion(text) {
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text || '');
    return { lead: m[1], wording: m[2], trail: m[3] };
  }

  function withWording(insertion, wording) {
    if (!insertion) return null;
    const parts = splitInsertion(insertion.text);
    const w = String(wording ?? '').trim();
    return { at: insertion.at, text: w ? parts.lead + w + parts.trail : '' };
  }

  OV.disclaimer = { insertionOf, applyInsertion, splitInsertion, withWording };
})(globalThis);
