// Options, "Other sites": every site the generic adapter may run on, from the employer's
// policy, the employer's browser policy, or the employee; and the employee's Mastodon
// instances. The employee sees each one, may refuse it (a refused site is never
// checked, whoever added it), and grants the host permission it needs: browsers ask
// for that only from a click, so it is asked here and nowhere else.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const api = root.browser || root.chrome;
  const { t } = OV.pageI18n;
  const { el } = OV.resultView;
  const $ = (id) => document.getElementById(id);
  for (const p of OV.platforms) $('site-platform').append(new Option(p.name, p.id));  // the one table of platforms
  const send = (msg) => api.runtime.sendMessage(msg);
  const FROM = { policy: 'optionsSiteFromPolicy', managed: 'optionsSiteFromManaged', employee: 'optionsSiteFromEmployee' };

  function say(text) { $('sites-message').textContent = text || ''; }

  // Host permission and the scripting permission, from the employee's click.
  async function allow(origin) {
    try {
      const ok = await api.permissions.request({ permissions: ['scripting'], origins: [origin] });
      if (ok) await send({ type: 'ov.sites.refresh' });
    } catch (e) { say(String(e && e.message || e)); }
    render();
  }

  async function saveLists(change) {
    const { employeeSites, mastodonInstances } = await api.storage.local.get({ employeeSites: [], mastodonInstances: [] });
    const next = change({ employeeSites, mastodonInstances });
    await send(Object.assign({ type: 'ov.sites.save' }, next));
  }

  function stateOf(site) {
    if (site.refused) return t('optionsSiteRefusedState');
    return site.granted ? t('optionsSiteActive') : t('optionsSiteNeedsPermission');
  }

  function row(cells, actions, key) {
    return el(document, 'tr', { 'data-site': key }, ...cells.map((c) => el(document, 'td', { text: c })), el(document, 'td', {}, ...actions));
  }

  function button(key, onClick) {
    const b = el(document, 'button', { text: t(key) });
    b.addEventListener('click', onClick);
    return b;
  }

  async function render() {
    const list = await send({ type: 'ov.sites.list' });
    const table = $('sites');
    table.replaceChildren(el(document, 'tr', {}, ...['optionsSiteName', 'optionsSiteAddress', 'optionsSiteFrom', 'optionsSiteState', 'optionsSiteRefuse']
      .map((k) => el(document, 'th', { text: t(k) }))));
    const sites = (list && list.sites) || [];
    const instances = (list && list.mastodon) || [];
    for (const s of sites) {
      const refuse = el(document, 'input', { type: 'checkbox', 'aria-label': t('optionsSiteRefuse') + ' ' + s.id, class: 'refuse' });
      refuse.checked = !!s.refused;
      refuse.addEventListener('change', async () => { await send({ type: 'ov.sites.refuse', key: s.key, refused: refuse.checked }); render(); });
      const actions = [refuse];
      if (!s.refused && !s.granted) actions.push(button('optionsSiteAllow', () => allow(OV.siteList.originOf(s.url_match))));
      if (s.source === 'employee') {
        actions.push(button('optionsSiteRemove', async () => {
          await saveLists((l) => ({ employeeSites: l.employeeSites.filter((e) => e.id !== s.id) }));
          render();
        }));
      }
      table.append(row([s.id, s.url_match, t(FROM[s.source]), stateOf(s)], actions, s.key));
    }
    for (const m of instances) {
      const actions = [];
      if (!m.granted) actions.push(button('optionsSiteAllow', () => allow(OV.siteList.hostPattern(m.host))));
      actions.push(button('optionsSiteRemove', async () => {
        await saveLists((l) => ({ mastodonInstances: l.mastodonInstances.filter((h) => h !== m.host) }));
        render();
      }));
      table.append(row(['Mastodon', m.host, t('optionsSiteFromEmployee'), m.granted ? t('optionsSiteActive') : t('optionsSiteNeedsPermission')], actions, 'mastodon:' + m.host));
    }
    $('sites-empty').hidden = sites.length + instances.length > 0;
  }

  $('mastodon-add').addEventListener('click', async () => {
    const host = OV.siteList.mastodonHost($('mastodon-host').value);
    if (!host) { say(t('optionsSiteInvalid')); return; }
    await saveLists((l) => ({ mastodonInstances: l.mastodonInstances.filter((h) => h !== host).concat([host]) }));
    $('mastodon-host').value = '';
    say('');
    await render();
    allow(OV.siteList.hostPattern(host));
  });

  $('site-add').addEventListener('click', async () => {
    const site = {
      id: $('site-id').value.trim(), url_match: $('site-url').value.trim(),
      composer_selector: $('site-composer').value.trim(), submit_selector: $('site-submit').value.trim(),
      platform: $('site-platform').value,
    };
    let selectorsOk = true;
    try { document.querySelector(site.composer_selector); document.querySelector(site.submit_selector); } catch (_) { selectorsOk = false; }
    if (!selectorsOk || !OV.siteList.valid(site)) { say(t('optionsSiteInvalid')); return; }
    await saveLists((l) => ({ employeeSites: l.employeeSites.filter((e) => e.id !== site.id).concat([site]) }));
    for (const id of ['site-id', 'site-url', 'site-composer', 'site-submit']) $(id).value = '';
    say('');
    await render();
    allow(OV.siteList.originOf(site.url_match));
  });

  render();
})(globalThis);
