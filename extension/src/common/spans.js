// Turns the host's findings (UTF-16 spans into the text that was checked) into
// non-overlapping segments a view can render as plain text and <mark>s.
// Classic script: content scripts cannot be ES modules, so every shared file adds
// itself to one global namespace.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  const SEVERITY_RANK = { info: 0, warn: 1, block: 2 };

  function isHighSurrogate(code) { return code >= 0xd800 && code <= 0xdbff; }
  function isLowSurrogate(code) { return code >= 0xdc00 && code <= 0xdfff; }

  // Keeps a span inside the text and off the middle of a surrogate pair, so a
  // damaged or stale span can never split an emoji or throw.
  function clampSpan(text, start, end) {
    let s = Math.max(0, Math.min(text.length, Number.isInteger(start) ? start : 0));
    let e = Math.max(s, Math.min(text.length, Number.isInteger(end) ? end : s));
    if (s > 0 && s < text.length && isLowSurrogate(text.charCodeAt(s)) && isHighSurrogate(text.charCodeAt(s - 1))) s -= 1;
    if (e > 0 && e < text.length && isLowSurrogate(text.charCodeAt(e)) && isHighSurrogate(text.charCodeAt(e - 1))) e += 1;
    return [s, e];
  }

  function severityOf(finding) {
    return Object.prototype.hasOwnProperty.call(SEVERITY_RANK, finding.severity) ? finding.severity : 'info';
  }

  // Segments cover the whole text in order. A highlighted segment lists every finding
  // that covers it (overlaps are merged) and takes the highest severity among them.
  function segments(text, findings) {
    const spans = [];
    for (const f of findings || []) {
      if (typeof f.start !== 'number' || typeof f.end !== 'number') continue;
      const [s, e] = clampSpan(text, f.start, f.end);
      if (e > s) spans.push({ start: s, end: e, finding: f });
    }
    const cuts = new Set([0, text.length]);
    for (const sp of spans) { cuts.add(sp.start); cuts.add(sp.end); }
    const points = [...cuts].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      if (b <= a) continue;
      const covering = spans.filter((sp) => sp.start <= a && sp.end >= b).map((sp) => sp.finding);
      const prev = out[out.length - 1];
      if (covering.length === 0) {
        if (prev && prev.findings.length === 0) prev.text += text.slice(a, b);
        else out.push({ text: text.slice(a, b), findings: [], severity: null });
        continue;
      }
      let severity = 'info';
      for (const f of covering) if (SEVERITY_RANK[severityOf(f)] > SEVERITY_RANK[severity]) severity = severityOf(f);
      if (prev && prev.findings.length && sameFindings(prev.findings, covering)) prev.text += text.slice(a, b);
      else out.push({ text: text.slice(a, b), findings: covering, severity });
    }
    return out;
  }

  function sameFindings(a, b) {
    return a.length === b.length && a.every((f, i) => f === b[i]);
  }

  function worstSeverity(findings) {
    let worst = null;
    for (const f of findings || []) {
      const s = severityOf(f);
      if (worst === null || SEVERITY_RANK[s] > SEVERITY_RANK[worst]) worst = s;
    }
    return worst;
  }

  OV.spans = { clampSpan, segments, worstSeverity };
})(globalThis);
