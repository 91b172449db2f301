// Share-intent links: addresses that carry the post's text before any composer opens
// (a "Share on X" button on a web page, a newsletter's "Post to LinkedIn" link). Pure
// URL parsing, so node's test runner checks every link kind without a browser.
//
// parse(href, {mastodon}) returns null, or
//   {kind, platform, text, textParam, rewrite(finalText) -> href}
// where `text` is what the composer would show (X composes text, url, #hashtags and
// "via @name" itself, so they are checked together), and rewrite() gives the same link
// with the checked text in place: the composer then opens with exactly that text.
// `mastodon`: whether this host is a Mastodon instance (any domain can be one; the
// content script knows, the URL does not).
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  const hostIs = (host, domain) => host === domain || host.endsWith('.' + domain);
  const path = (u) => u.pathname.replace(/\/+$/, '') || '/';

  // One entry per kind: when it applies, the platform the host checks against, which
  // query parameter carries the text, and how the composed text is built.
  const KINDS = [
    {
      kind: 'x', platform: 'x', param: 'text',
      applies: (u) => (hostIs(u.hostname, 'x.com') || hostIs(u.hostname, 'twitter.com')) &&
        ['/intent/tweet', '/intent/post', '/share'].includes(path(u)),
      // X's own order: text, url, #hashtags, "via @via". The rewritten link carries the
      // whole checked text in `text` and drops the parts already inside it.
      compose(q) {
        const tags = (q.get('hashtags') || '').split(',').map((h) => h.trim().replace(/^#/, '')).filter(Boolean);
        const via = (q.get('via') || '').trim().replace(/^@/, '');
        return [q.get('text') || '', q.get('url') || '', tags.map((h) => '#' + h).join(' '), via ? 'via @' + via : '']
          .map((s) => s.trim()).filter(Boolean).join(' ');
      },
      drop: ['url', 'hashtags', 'via'],
    },
    {
      kind: 'linkedin-feed', platform: 'linkedin', param: 'text',
      applies: (u) => hostIs(u.hostname, 'linkedin.com') && path(u) === '/feed' && u.searchParams.get('shareActive') === 'true',
    },
    {
      // URL only: LinkedIn shows a link card and an empty text box. When the employee
      // keeps a disclaimer, the link becomes the feed's share box with the text (which
      // holds the URL, so LinkedIn still shows the card).
      kind: 'linkedin-offsite', platform: 'linkedin', param: 'url',
      applies: (u) => hostIs(u.hostname, 'linkedin.com') && ['/sharing/share-offsite', '/shareArticle'].includes(path(u)),
      rewrite(u, finalText, original) {
        if (finalText === original) return u.href;
        const out = new URL('/feed/', u.origin);
        out.searchParams.set('shareActive', 'true');
        out.searchParams.set('text', finalText);
        return out.href;
      },
    },
    {
      // `u` is the shared page; `quote` (deprecated by Facebook, still read by some
      // composers) carries text. The checked text goes to `quote`, the link stays.
      kind: 'facebook', platform: 'facebook', param: 'quote',
      applies: (u) => hostIs(u.hostname, 'facebook.com') && ['/sharer/sharer.php', '/sharer.php', '/share.php'].includes(path(u)),
      compose: (q) => [q.get('quote') || '', q.get('u') || '', q.get('hashtag') || ''].map((s) => s.trim()).filter(Boolean).join(' '),
      rewrite(u, finalText, original) {
        if (finalText === original) return u.href;
        const out = new URL(u.href);
        const link = (out.searchParams.get('u') || '').trim();
        let quote = finalText;
        if (link && quote.includes(link)) quote = quote.replace(link, '').replace(/[ \t]{2,}/g, ' ').trim();
        out.searchParams.set('quote', quote);
        out.searchParams.delete('hashtag');
        return out.href;
      },
    },
    {
      kind: 'mastodon', platform: 'mastodon', param: 'text',
      applies: (u, opts) => !!(opts && opts.mastodon) && path(u) === '/share',
      compose: (q) => [q.get('text') || '', q.get('url') || ''].map((s) => s.trim()).filter(Boolean).join(' '),
      drop: ['url'],
    },
    {
      kind: 'bluesky', platform: 'bluesky', param: 'text',
      applies: (u) => hostIs(u.hostname, 'bsky.app') && path(u) === '/intent/compose',
    },
    {
      kind: 'threads', platform: 'threads', param: 'text',
      applies: (u) => (hostIs(u.hostname, 'threads.com') || hostIs(u.hostname, 'threads.net')) && path(u) === '/intent/post',
      compose: (q) => [q.get('text') || '', q.get('url') || ''].map((s) => s.trim()).filter(Boolean).join(' '),
      drop: ['url'],
    },
    {
      kind: 'pinterest', platform: 'pinterest', param: 'description',
      applies: (u) => /(^|\.)pinterest\.[a-z.]+$/.test(u.hostname) && path(u) === '/pin/create/button',
    },
    {
      kind: 'tumblr', platform: 'tumblr', param: 'caption',
      applies: (u) => hostIs(u.hostname, 'tumblr.com') && path(u) === '/widgets/share/tool',
    },
    {
      kind: 'reddit', platform: 'reddit', param: 'title',
      applies: (u) => hostIs(u.hostname, 'reddit.com') && /^(\/r\/[^/]+)?\/submit$/.test(path(u)),
    },
    {
      // Buffer does not know yet which channels will get the post: X's rule, the
      // strictest of the networks Buffer publishes to, is the one that cannot fail later.
      kind: 'buffer', platform: 'x', param: 'text',
      applies: (u) => hostIs(u.hostname, 'buffer.com') && path(u) === '/add',
      compose: (q) => [q.get('text') || '', q.get('url') || ''].map((s) => s.trim()).filter(Boolean).join(' '),
      drop: ['url'],
    },
  ];

  function parse(href, opts) {
    let u;
    try { u = new URL(href); } catch (_) { return null; }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    const def = KINDS.find((k) => k.applies(u, opts || {}));
    if (!def) return null;
    const q = u.searchParams;
    const text = def.compose ? def.compose(q) : (q.get(def.param) || '').trim();
    return {
      kind: def.kind,
      platform: def.platform,
      textParam: def.param,
      text,
      rewrite(finalText) {
        if (def.rewrite) return def.rewrite(new URL(u.href), finalText, text);
        const out = new URL(u.href);
        out.searchParams.set(def.param, finalText);
        for (const p of def.drop || []) out.searchParams.delete(p);
        return out.href;
      },
      // The same link without any text: the composer opens empty (the employee cancelled).
      withoutText() {
        const out = new URL(u.href);
        for (const p of [def.param, 'text', 'quote', 'hashtags', 'hashtag', 'via', 'caption', 'description', 'title']) out.searchParams.delete(p);
        if (def.kind === 'linkedin-feed') out.searchParams.set('shareActive', 'true');
        return out.href;
      },
    };
  }

  OV.shareLinks = { parse, kinds: () => KINDS.map((k) => k.kind) };
})(globalThis);
