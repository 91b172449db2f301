// Share-intent links: which addresses carry a post, what text the composer would show,
// and the link rewritten with the checked text (common/share_links.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const OV = await load('common/share_links.js');
const parse = (u, o) => OV.shareLinks.parse(u, o);
const param = (href, name) => new URL(href).searchParams.get(name);

test('X intent: text, url, #hashtags and via are composed the way X does, and the rewrite carries it all in text', () => {
  const l = parse('https://x.com/intent/post?text=Hello%20world&url=https%3A%2F%2Fa.example%2Fp&hashtags=one,%23two&via=lumetra');
  assert.equal(l.kind, 'x');
  assert.equal(l.platform, 'x');
  assert.equal(l.text, 'Hello world https://a.example/p #one #two via @lumetra');
  const out = l.rewrite(l.text + '\n\nOpinions are my own');
  assert.equal(param(out, 'text'), 'Hello world https://a.example/p #one #two via @lumetra\n\nOpinions are my own');
  for (const gone of ['url', 'hashtags', 'via']) assert.equal(param(out, gone), null, gone);
  assert.equal(parse('https://twitter.com/intent/tweet?text=Hi').text, 'Hi');
  assert.equal(parse('https://mobile.twitter.com/intent/tweet/?text=Hi').kind, 'x');
  assert.equal(parse('https://x.com/home?text=Hi'), null, 'not an intent page');
  assert.equal(parse('https://notx.com/intent/post?text=Hi'), null);
});

test('LinkedIn: the feed share box takes text; share-offsite carries only a URL and becomes the share box when text is added', () => {
  const feed = parse('https://www.linkedin.com/feed/?shareActive=true&text=Bonjour');
  assert.deepEqual([feed.kind, feed.platform, feed.text], ['linkedin-feed', 'linkedin', 'Bonjour']);
  assert.equal(param(feed.rewrite('Bonjour. Ces propos n\'engagent que moi'), 'shareActive'), 'true');
  assert.equal(parse('https://www.linkedin.com/feed/?text=Bonjour'), null, 'without shareActive no composer opens');
  const off = parse('https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fa.example%2Fp');
  assert.equal(off.text, 'https://a.example/p');
  assert.equal(off.rewrite(off.text), off.rewrite(off.text), 'unchanged');
  assert.ok(off.rewrite(off.text).includes('/sharing/share-offsite/'), 'an unchanged URL keeps the original link');
  const moved = new URL(off.rewrite('https://a.example/p Opinions are my own'));
  assert.equal(moved.pathname, '/feed/');
  assert.equal(moved.searchParams.get('text'), 'https://a.example/p Opinions are my own');
});

test('Facebook sharer: quote and link checked together; the link stays in u, the text goes to quote', () => {
  const l = parse('https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fa.example%2Fp&quote=Read%20this');
  assert.equal(l.text, 'Read this https://a.example/p');
  const out = l.rewrite('Read this https://a.example/p Opinions are my own');
  assert.equal(param(out, 'u'), 'https://a.example/p');
  assert.equal(param(out, 'quote'), 'Read this Opinions are my own');
  assert.equal(parse('https://www.facebook.com/sharer.php?u=https%3A%2F%2Fa.example').text, 'https://a.example');
});

test('Mastodon share is recognised only on a host known to be an instance', () => {
  assert.equal(parse('https://example.social/share?text=Hi'), null);
  const l = parse('https://example.social/share?text=Hi&url=https%3A%2F%2Fa.example', { mastodon: true });
  assert.deepEqual([l.kind, l.platform, l.text], ['mastodon', 'mastodon', 'Hi https://a.example']);
  assert.equal(param(l.rewrite('Hi https://a.example ok'), 'url'), null);
});

test('Bluesky, Threads, Pinterest, Tumblr, Reddit, Buffer: each reads and rewrites its own parameter', () => {
  const cases = [
    ['https://bsky.app/intent/compose?text=Hi', 'bluesky', 'bluesky', 'text'],
    ['https://www.threads.com/intent/post?text=Hi', 'threads', 'threads', 'text'],
    ['https://www.threads.net/intent/post?text=Hi', 'threads', 'threads', 'text'],
    ['https://www.pinterest.com/pin/create/button/?url=u&media=m&description=Hi', 'pinterest', 'pinterest', 'description'],
    ['https://www.pinterest.fr/pin/create/button/?description=Hi', 'pinterest', 'pinterest', 'description'],
    ['https://www.tumblr.com/widgets/share/tool?posttype=link&canonicalUrl=u&caption=Hi', 'tumblr', 'tumblr', 'caption'],
    ['https://www.reddit.com/submit?url=u&title=Hi', 'reddit', 'reddit', 'title'],
    ['https://www.reddit.com/r/sub/submit?title=Hi', 'reddit', 'reddit', 'title'],
    ['https://buffer.com/add?text=Hi', 'buffer', 'x', 'text'],
  ];
  for (const [href, kind, platform, p] of cases) {
    const l = parse(href);
    assert.ok(l, href);
    assert.deepEqual([l.kind, l.platform, l.textParam, l.text], [kind, platform, p, 'Hi'], href);
    assert.equal(param(l.rewrite('Hi. Opinions are my own'), p), 'Hi. Opinions are my own', href);
    assert.equal(param(l.withoutText(), p), null, href);
  }
});

test('nothing else is a share link; an empty text parses with empty text', () => {
  for (const href of ['https://bsky.app/profile/a', 'https://www.tumblr.com/dashboard', 'not a url', 'ftp://x.com/intent/post?text=a', 'https://www.pinterest.com/pin/123']) {
    assert.equal(parse(href), null, href);
  }
  assert.equal(parse('https://bsky.app/intent/compose').text, '');
  assert.ok(OV.shareLinks.kinds().length >= 11);
});
