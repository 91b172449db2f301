import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const OV = await load('common/managed.js', 'common/own_share.js');

test('nothing managed gives no managed policy', () => {
  assert.equal(OV.managed.managedPolicy({}), null);
  assert.equal(OV.managed.managedPolicy(undefined), null);
  assert.equal(OV.managed.managedPolicy({ allowed_sites: ['x.com'] }), null);
});

test('inline rules and disclaimers are merged into the managed policy object', () => {
  const rule = { id: 'm1', description: 'Managed', severity: 'block', terms: ['Zephyr'] };
  const p = OV.managed.managedPolicy({
    policy: { company: 'Lumetra', rules: [{ id: 'p1' }], disclaimers: { en: 'Mine.' } },
    rules: [rule],
    disclaimers: { fr: 'À moi.' },
  });
  assert.deepEqual(p.rules.map((r) => r.id), ['p1', 'm1']);
  assert.deepEqual(p.disclaimers, { en: 'Mine.', fr: 'À moi.' });
  assert.equal(p.company, 'Lumetra');
});

test('the managed policy is a copy: the stored settings are not changed', () => {
  const managed = { policy: { rules: [] }, rules: [{ id: 'a' }] };
  OV.managed.managedPolicy(managed);
  assert.deepEqual(managed.policy.rules, []);
});

test('allowed sites narrow where the extension runs', () => {
  assert.equal(OV.managed.siteAllowed({}, 'x.com'), true);
  const m = { allowed_sites: ['x.com', '*.linkedin.com'] };
  assert.equal(OV.managed.siteAllowed(m, 'x.com'), true);
  assert.equal(OV.managed.siteAllowed(m, 'www.x.com'), true);
  assert.equal(OV.managed.siteAllowed(m, 'www.linkedin.com'), true);
  assert.equal(OV.managed.siteAllowed(m, 'linkedin.com'), true);
  assert.equal(OV.managed.siteAllowed(m, 'www.facebook.com'), false);
  assert.equal(OV.managed.siteAllowed(m, 'evilx.com'), false);
});

test('own share: shown only when the log has data', () => {
  assert.equal(OV.ownShare.summary({ available: false }), null);
  assert.equal(OV.ownShare.summary({ available: true, shared: 0, promotional: 0 }), null);
  const s = OV.ownShare.summary({ available: true, window_days: 30, shared: 10, promotional: 3, share: 0.3,
    share_after: 4 / 11, threshold: 0.3, over_threshold: true });
  assert.deepEqual(s, { shared: 10, promotional: 3, percent: 30, percentAfter: 36, thresholdPercent: 30, windowDays: 30, over: true });
  const under = OV.ownShare.summary({ available: true, shared: 10, promotional: 2, share: 0.2, share_after: 2 / 11, threshold: 0.3, over_threshold: false });
  assert.equal(under.over, false);
  // Without the engine's verdict, the share after this post decides.
  assert.equal(OV.ownShare.summary({ available: true, shared: 10, promotional: 2, share_after: 0.5 }).over, true);
});
