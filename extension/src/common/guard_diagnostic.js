// The diagnostic the employee may copy from the popup when a site is not guarded, to
// send to IT or to the project if they choose (nothing is ever sent by OwnVoice). It
// names the site, the adapter, which strategies found the editor and the Post control
// and which did not, and the extension's version; never the post, never the page's
// address beyond its host name.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  const tried = (list) => (Array.isArray(list) && list.length
    ? list.map((s) => `${s.name} ${s.found ? 'found ' + s.found : 'found nothing'}`).join(', ')
    : 'not tried');

  // report: the tab's guard report (guard_state.js summary); env: {version, browser, date}
  function text(report, env) {
    const r = report || { state: 'off' };
    const lines = [
      'OwnVoice diagnostic (no post text is included)',
      `extension: ${env.version}${env.browser ? ' (' + env.browser + ')' : ''}`,
      `date: ${env.date}`,
      `site: ${r.site || 'unknown'}`,
      `state: ${r.state}`,
      `adapter: ${r.adapter || 'none'}`,
    ];
    if (r.state !== 'off') {
      lines.push(`editor: ${r.editorStrategy ? 'found by ' + r.editorStrategy : 'not found'}`);
      lines.push(`post control: ${r.controlStrategy ? 'found by ' + r.controlStrategy : 'not found'}`);
      if (r.missing) lines.push(`missing: ${r.missing === 'control' ? 'the Post control beside the editor' : 'the editor beside the Post control'}`);
      if (r.tried) {
        lines.push(`editor strategies: ${tried(r.tried.editor)}`);
        lines.push(`control strategies: ${tried(r.tried.control)}`);
      }
      lines.push(`keyboard submission held: ${r.keyboard ? 'yes (Ctrl/Cmd+Enter)' : 'no shortcut known'}`);
    }
    return lines.join('\n') + '\n';
  }

  OV.guardDiagnostic = { text };
})(globalThis);
