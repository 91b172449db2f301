// The employee's boundaries: remind only when the post goes to a platform/account in
// their list AND the host says the post is about work; the list stays the employee's
// (not in the managed schema, not in the managed policy, not in any host request).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { load, EXTENSION } from './load.mjs';

const OV = await load('common/managed.js', 'common/boundaries.js');
const B = OV.boundaries;

const work = (company = 'Lumetra') => ({ check_id: 'c-1', work: { about_work: true, names_company: true, company } });
const notWork = { check_id: 'c-2', work: { about_work: false, names_company: false, company: 'Lumetra' } };

test('empty by default: nothing stored means no reminder anywhere', () => {
  assert.deepEqual(B.normalize(undefined), { keep_out: [], work_on: [] });
  for (const platform of Object.keys(B.PLATFORMS)) assert.equal(B.shouldRemind(undefined, { platform }, work()), null);
});

test('a platform in the list and a post about work: remind, naming the company', () => {
  const stored = { keep_out: [{ platform: 'instagram' }] };
  assert.deepEqual(B.shouldRemind(stored, { platform: 'instagram' }, work()), { entry: { platform: 'instagram' }, company: 'Lumetra' });
});

test('both conditions are needed', () => {
  const stored = { keep_out: [{ platform: 'instagram' }] };
  assert.equal(B.shouldRemind(stored, { platform: 'instagram' }, notWork), null, 'not about work');
  assert.equal(B.shouldRemind(stored, { platform: 'facebook' }, work()), null, 'platform not in the list');
  assert.equal(B.shouldRemind(stored, { platform: 'instagram' }, { check_id: 'c' }), null, 'a host without result.work');
  assert.equal(B.shouldRemind(stored, { platform: 'instagram' }, { work: { about_work: 'yes' } }), null, 'only a real true');
  assert.equal(B.shouldRemind(stored, { platform: 'instagram' }, null), null, 'no result (host unavailable)');
});

test('the host decides what "about work" is: the extension does no brand matching of its own', () => {
  const stored = { keep_out: [{ platform: 'instagram' }] };
  // Promotional without naming the company: the host says about_work, we remind.
  assert.ok(B.shouldRemind(stored, { platform: 'instagram' }, { work: { about_work: true, names_company: false, company: 'Lumetra' } }));
  const src = fs.readFileSync(path.join(EXTENSION, 'src/common/boundaries.js'), 'utf8');
  assert.ok(!/brands|LumiDesk/.test(src.replace(/\/\/.*$/gm, '')), 'no brand list in the code');
});

test('an account entry covers only that account, and only when the page says which account posts', () => {
  const stored = { keep_out: [{ platform: 'x', account: '@Jane_Home' }] };
  assert.deepEqual(B.shouldRemind(stored, { platform: 'x', account: 'jane_home' }, work()).entry, { platform: 'x', account: 'jane_home' });
  assert.deepEqual(B.shouldRemind(stored, { platform: 'x', account: '@JANE_HOME' }, work()).entry.account, 'jane_home');
  assert.equal(B.shouldRemind(stored, { platform: 'x', account: 'jane_at_lumetra' }, work()), null, 'the work account');
  assert.equal(B.shouldRemind(stored, { platform: 'x', account: null }, work()), null, 'account unknown: no guess');
  assert.equal(B.shouldRemind(stored, { platform: 'mastodon', account: 'jane_home' }, work()), null, 'same handle elsewhere');
});

test('the account-specific entry is named when both apply', () => {
  const stored = { keep_out: [{ platform: 'x' }, { platform: 'x', account: 'jane_home' }] };
  assert.equal(B.shouldRemind(stored, { platform: 'x', account: 'jane_home' }, work()).entry.account, 'jane_home');
  assert.equal(B.shouldRemind(stored, { platform: 'x', account: 'other' }, work()).entry.account, undefined);
});

test('no company in the policy: the reminder still comes, without a name', () => {
  const r = B.shouldRemind({ keep_out: [{ platform: 'facebook' }] }, { platform: 'facebook' }, work(''));
  assert.equal(r.company, '');
});

test('normalize drops unknown platforms, bad handles, duplicates and unknown work platforms', () => {
  const n = B.normalize({
    keep_out: [{ platform: 'instagram' }, { platform: 'instagram' }, { platform: 'myspace' }, { platform: 'x', account: 'a b' },
      { platform: 'x', account: ' @Jane ' }, { platform: 'x', account: 'jane' }, null, 'facebook'],
    work_on: ['linkedin', 'linkedin', 'instagram', 'x'],
  });
  assert.deepEqual(n, { keep_out: [{ platform: 'instagram' }, { platform: 'x', account: 'jane' }], work_on: ['linkedin', 'x'] });
});

test('labels: the platform, or the account on the platform', () => {
  assert.equal(B.label({ platform: 'instagram' }), 'Instagram');
  assert.equal(B.label({ platform: 'x', account: 'jane' }), '@jane (X)');
});

test('the work link carries the text in the platform share-intent link (LinkedIn feed share box)', () => {
  const text = 'Loving the new LumiDesk release at Lumetra & more: 100% #launch\n2nd line';
  const href = B.workLink('linkedin', text);
  const u = new URL(href);
  assert.equal(u.origin + u.pathname, 'https://www.linkedin.com/feed/');
  assert.equal(u.searchParams.get('shareActive'), 'true');
  assert.equal(u.searchParams.get('text'), text);
  assert.equal(new URL(B.workLink('x', text)).searchParams.get('text'), text);
  assert.equal(B.workLink('instagram', text), null, 'no text share link for Instagram');
});

test('the links the share-intent guard recognises: following one is checked again there', async () => {
  const O = await load('common/share_links.js');
  for (const p of Object.keys(B.WORK_LINKS)) {
    const parsed = O.shareLinks.parse(B.workLink(p, 'Hello Lumetra'));
    assert.ok(parsed, p);
    assert.equal(parsed.text, 'Hello Lumetra', p);
  }
});

test('alternatives: the employee\'s work platforms, minus a platform they keep wholly personal', () => {
  const stored = { keep_out: [{ platform: 'instagram' }, { platform: 'x' }], work_on: ['linkedin', 'x'] };
  assert.deepEqual(B.alternatives(stored, 'hi').map((a) => a.platform), ['linkedin']);
  assert.deepEqual(B.alternatives({ keep_out: [{ platform: 'x', account: 'home' }], work_on: ['x'] }, 'hi').map((a) => a.platform), ['x'],
    'a personal X handle leaves the work X account');
  assert.deepEqual(B.alternatives({ keep_out: [{ platform: 'instagram' }] }, 'hi'), [], 'none chosen: no link');
});

test('the employer cannot set or read the list: not in the managed schema, not in the managed policy', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'managed_schema.json'), 'utf8'));
  assert.ok(!JSON.stringify(schema).includes('boundar') && !JSON.stringify(schema).includes('keep_out'));
  const managed = { boundaries: { keep_out: [{ platform: 'instagram' }] }, keep_out: ['instagram'], rules: [{ id: 'r', terms: ['z'] }] };
  assert.ok(!JSON.stringify(OV.managed.managedPolicy(managed)).includes('instagram'));
  // The code that holds or shows the list never touches managed storage nor the host.
  for (const f of ['src/common/boundaries.js', 'src/prompt/prompt_views.js', 'src/options/boundaries_options.js']) {
    const src = fs.readFileSync(path.join(EXTENSION, f), 'utf8').replace(/\/\/.*$/gm, '');
    assert.ok(!/storage\.managed|sendMessage|connectNative/.test(src), f);
  }
  // The prompt's frame reads the list; it asks the background only for the privacy
  // status, and tells the content script only that it is there and the decision.
  const frame = fs.readFileSync(path.join(EXTENSION, 'src/prompt/prompt_frame.js'), 'utf8').replace(/\/\/.*$/gm, '');
  assert.ok(!/storage\.managed|connectNative/.test(frame));
  assert.deepEqual([...frame.matchAll(/sendMessage\(\{ type: '([^']+)'/g)].map((m) => m[1]).sort(), ['ov.privacy']);
  assert.deepEqual([...frame.matchAll(/send\(\{ type: '([^']+)'/g)].map((m) => m[1]).sort(), ['decided', 'keepalive', 'ready', 'recheck']);
  assert.ok(!/content\/boundar/.test(fs.readFileSync(path.join(EXTENSION, 'build.mjs'), 'utf8')), 'no content script holds the list');
  // The check request the background sends carries no list.
  const handlers = fs.readFileSync(path.join(EXTENSION, 'src/background/handlers.js'), 'utf8');
  assert.ok(!/boundaries|keep_out/.test(handlers));
});
