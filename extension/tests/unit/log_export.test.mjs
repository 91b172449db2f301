// The paged log export (common/log_export.js) and the passphrase hint
// (common/passphrase.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const OV = await load('common/log_export.js', 'common/passphrase.js');

// A host that holds `total` entries and answers `per` at a time, as PROTOCOL.md says.
function pagedHost(total, per) {
  const asked = [];
  const request = async (p) => {
    asked.push(p.after_seq ?? 0);
    const from = (p.after_seq ?? 0) + 1;
    const to = Math.min(total, from + per - 1);
    const lines = [];
    for (let s = from; s <= to; s++) lines.push(JSON.stringify({ seq: s }));
    const more = to < total;
    return { format: 'jsonl', data: lines.join('\n') + (lines.length ? '\n' : ''), entries: lines.length,
      first_seq: lines.length ? from : null, last_seq: lines.length ? to : null, next_after_seq: more ? to : null, truncated: more, encrypted: false };
  };
  return { request, asked };
}

test('every page is fetched until the host says it is done, in order, nothing lost or repeated', async () => {
  const host = pagedHost(2500, 1000);
  const out = await OV.logExport.collect(host.request, { passphrase: 'p', format: 'jsonl' });
  assert.deepEqual(host.asked, [0, 1000, 2000]);
  assert.equal(out.pages, 3);
  assert.equal(out.entries, 2500);
  const seqs = out.data.trim().split('\n').map((l) => JSON.parse(l).seq);
  assert.deepEqual(seqs, Array.from({ length: 2500 }, (_, i) => i + 1));
});

test('one page when the host is not truncating; an empty log is an empty file', async () => {
  assert.equal((await OV.logExport.collect(pagedHost(3, 1000).request, {})).pages, 1);
  const empty = await OV.logExport.collect(pagedHost(0, 1000).request, {});
  assert.deepEqual([empty.data, empty.entries], ['', 0]);
});

test('a host that says "more" without saying where to go on is an error, never a shorter file', async () => {
  await assert.rejects(OV.logExport.collect(async () => ({ data: 'x\n', entries: 1, truncated: true }), {}), /without saying where/);
  await assert.rejects(OV.logExport.collect(async () => ({ data: 'x\n', entries: 1, truncated: true, next_after_seq: 0 }), {}), /without saying where/);
  await assert.rejects(OV.logExport.collect(async () => ({ entries: 0 }), {}), /no export data/);
});

test('encrypted blobs are kept one after the other, each on its own lines', () => {
  const a = '-----BEGIN OWNVOICE ENCRYPTED EXPORT-----\nAAAA\n-----END OWNVOICE ENCRYPTED EXPORT-----';
  assert.equal(OV.logExport.join([a, a]), a + '\n' + a + '\n');
});

test('passphrase hint: under 10 characters (code points) is too short; repeats are weak; a long sentence is strong', () => {
  const s = OV.passphrase.strength;
  assert.deepEqual(s('a'), { length: 1, level: 'too_short' });
  assert.equal(s('😀😀😀😀😀😀😀😀😀').length, 9, 'counted in code points, as the host does');
  assert.equal(s('😀😀😀😀😀😀😀😀😀').level, 'too_short');
  assert.equal(s('aaaaaaaaaaaaaaaa').level, 'weak');
  assert.equal(s('abcdefghij').level, 'weak');
  assert.equal(s('Tr0ub4dor&3x').level, 'fair');
  assert.equal(s('correct horse battery staple').level, 'strong');
  assert.equal(OV.passphrase.MIN_LENGTH, 10);
});
