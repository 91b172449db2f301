// What the prompt lets the employee do, as a pure function of what is on screen.
// Rules: nothing is shared without consent; a blocking finding keeps "Post" disabled
// until the text is changed AND checked again; a host that cannot be reached is said
// plainly and the employee decides (post anyway / cancel), never silently.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  // state: {host: 'ok'|'checking'|'unavailable', checkedText, currentText, result, consent}
  function controls(state) {
    if (state.host === 'checking') {
      return { post: false, postAnyway: false, recheck: false, reason: 'checking' };
    }
    if (state.host === 'unavailable') {
      return { post: false, postAnyway: true, recheck: true, reason: 'host_unavailable' };
    }
    const stale = state.currentText !== state.checkedText;
    const verdict = state.result && state.result.verdict;
    if (stale) return { post: false, postAnyway: false, recheck: true, reason: 'recheck_needed' };
    if (verdict === 'block') return { post: false, postAnyway: false, recheck: true, reason: 'blocked' };
    if (!state.consent) return { post: false, postAnyway: false, recheck: false, reason: 'consent_needed' };
    return { post: true, postAnyway: false, recheck: false, reason: null };
  }

  // The decision recorded by the host: "shared" when the employee posts what they wrote
  // (with or without the disclaimer/disclosure the prompt offered), "edited_shared" when
  // they changed the words in the prompt.
  function decision(originalText, sharedBodyText) {
    return originalText === sharedBodyText ? 'shared' : 'edited_shared';
  }

  // The text that goes into the composer: the checked body plus the accepted insertions.
  function finalText(body, disclaimerInsertion, disclosure) {
    let text = body;
    if (disclaimerInsertion && disclaimerInsertion.text) text = OV.disclaimer.applyInsertion(text, disclaimerInsertion);
    if (disclosure) text = appendLine(text, disclosure);
    return text;
  }

  function appendLine(text, line) {
    const t = String(line).trim();
    if (!t || text.includes(t)) return text;
    if (!text) return t;
    return text.replace(/\s+$/, '') + '\n\n' + t;
  }

  OV.promptState = { controls, decision, finalText, appendLine };
})(globalThis);
