// The log export in pages (PROTOCOL.md `log.export`): the host answers at most one page
// at a time and says `truncated: true` while more entries follow. A large log must not be
// silently cut: pages are asked for until the host says it is done, and a host that says
// "more follows" without saying where to go on is an error, never a shorter file.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  const MAX_PAGES = 100000;

  // request(params) -> Promise<export result>; params: {passphrase, format, encrypt_passphrase?}
  // -> {data, entries, pages}; throws when the host stops making progress.
  async function collect(request, params) {
    const parts = [];
    let entries = 0;
    let afterSeq = 0;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const r = await request(Object.assign({}, params, afterSeq ? { after_seq: afterSeq } : {}));
      if (!r || typeof r.data !== 'string') throw new Error('the host sent no export data');
      parts.push(r.data);
      entries += Number.isInteger(r.entries) ? r.entries : 0;
      if (r.truncated !== true) return { data: join(parts), entries, pages: page };
      const next = r.next_after_seq;
      if (!Number.isInteger(next) || next <= afterSeq) throw new Error('the host cut the export without saying where it goes on');
      afterSeq = next;
    }
    throw new Error('the export has more than ' + MAX_PAGES + ' pages');
  }

  // Pages one after the other, each ending its last line (JSONL and CSV lines, or
  // encrypted blobs, never run together).
  function join(parts) {
    return parts.filter((p) => p.length).map((p) => (p.endsWith('\n') ? p : p + '\n')).join('');
  }

  OV.logExport = { collect, join, MAX_PAGES };
})(globalThis);
