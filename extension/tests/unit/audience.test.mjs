// The optional adapter members readAudience()/readAccount(): an adapter's own reader
// wins over the per-site one in content/audience.js; nothing readable means null (the
// prompt then shows no audience line rather than a guess).
import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const OV = await load('content/audience.js');

test('an adapter\'s own readAudience/readAccount is used, trimmed', () => {
  const adapter = { id: 'facebook', readAudience: () => '  Friends of\n friends ', readAccount: () => ' jane ' };
  assert.equal(OV.audience.read(adapter, null), 'Friends of friends');
  assert.equal(OV.audience.account(adapter, null), 'jane');
});

test('a reader that throws or finds nothing gives null', () => {
  assert.equal(OV.audience.read({ id: 'x', readAudience: () => { throw new Error('DOM moved'); } }, null), null);
  assert.equal(OV.audience.read({ id: 'x', readAudience: () => '' }, null), null);
  assert.equal(OV.audience.read({ id: 'facebook' }, null), null, 'no page: nothing to read');
  assert.equal(OV.audience.read({ id: 'textarea' }, null), null, 'no reader for this site');
  assert.equal(OV.audience.account({ id: 'instagram' }, null), null);
  assert.equal(OV.audience.read(null, null), null);
});

test('readers exist for the sites whose composers show an audience', () => {
  for (const id of ['facebook', 'x', 'mastodon', 'linkedin', 'bluesky']) assert.ok(OV.audience.readers.includes(id), id);
});
