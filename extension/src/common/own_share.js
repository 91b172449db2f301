// The employee's own promotional share from the local log (result.promotional.own_share).
// Only the employee sees it; it is a mirror, not a quota.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  const GOOD_PRACTICE_MAX = 0.30;

  function num(v) { return typeof v === 'number' && Number.isFinite(v) ? v : null; }

  // Accepts the engine's {available, window_days, shared, promotional, share,
  // share_after, threshold, over_threshold}; returns null when the log is not there or
  // holds nothing yet.
  function summary(ownShare) {
    if (!ownShare || ownShare.available !== true) return null;
    const shared = num(ownShare.shared);
    const promotional = num(ownShare.promotional);
    if (shared === null || promotional === null || shared <= 0) return null;
    const ratio = num(ownShare.share) ?? promotional / shared;
    const after = num(ownShare.share_after);
    const threshold = num(ownShare.threshold) ?? GOOD_PRACTICE_MAX;
    const over = typeof ownShare.over_threshold === 'boolean' ? ownShare.over_threshold : (after ?? ratio) > threshold;
    return {
      shared,
      promotional,
      percent: Math.round(ratio * 100),
      percentAfter: after === null ? null : Math.round(after * 100),
      thresholdPercent: Math.round(threshold * 100),
      windowDays: num(ownShare.window_days) ?? 30,
      over,
    };
  }

  OV.ownShare = { summary, GOOD_PRACTICE_MAX };
})(globalThis);
