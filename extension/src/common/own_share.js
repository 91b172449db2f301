// The employee's own promotional share from the local log (result.promotional.own_share).
// Only the employee sees it; it is a mirror, not a quota.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  const GOOD_PRACTICE_MAX = 0.30;

  function num(v) { return typeof v === 'number' && Number.isFinite(v) ? v : null; }

  // Accepts {available, shared, promotional, ratio?, window_days?}; returns null when
  // the log is not there or holds nothing yet.
  function summary(ownShare) {
    if (!ownShare || ownShare.available !== true) return null;
    const shared = num(ownShare.shared);
    const promotional = num(ownShare.promotional);
    if (shared === null || promotional === null || shared <= 0) return null;
    const ratio = num(ownShare.ratio) ?? promotional / shared;
    return {
      shared,
      promotional,
      percent: Math.round(ratio * 100),
      windowDays: num(ownShare.window_days) ?? 30,
      over: ratio > (num(ownShare.threshold) ?? GOOD_PRACTICE_MAX),
    };
  }

  OV.ownShare = { summary, GOOD_PRACTICE_MAX };
})(globalThis);
