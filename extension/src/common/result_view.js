// Builds the parts of a check result people read (highlighted post, findings, the
// promotional warning), for both the in-page prompt and the popup. DOM is built with
// createElement and textContent only: post text is never parsed as HTML.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  function el(doc, tag, attrs, ...kids) {
    const node = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const kid of kids) if (kid) node.append(kid);
    return node;
  }

  function severityLabel(t, severity) {
    return t(severity === 'block' ? 'severityBlock' : severity === 'warn' ? 'severityWarn' : 'severityInfo');
  }

  // The checked text with each finding's words in a <mark> carrying the rule's description.
  function highlighted(doc, t, text, findings) {
    const box = el(doc, 'div', { class: 'ov-preview', role: 'document', 'aria-label': t('previewLabel') });
    for (const seg of OV.spans.segments(text, findings)) {
      if (!seg.findings.length) { box.append(doc.createTextNode(seg.text)); continue; }
      const descriptions = seg.findings.map((f) => f.description || f.rule || '').filter(Boolean);
      box.append(el(doc, 'mark', {
        class: 'ov-sev-' + seg.severity,
        'data-rule': seg.findings.map((f) => f.rule).join(' '),
        'data-severity': seg.severity,
        title: severityLabel(t, seg.severity) + ': ' + descriptions.join('; '),
        text: seg.text,
      }));
    }
    return box;
  }

  // The disclaimer's finding is left out (the disclaimer section says it better), and so
  // are the promotional ones when the promotional section is shown.
  function listedFindings(findings, promo) {
    const promoShown = !!(promo && promo.promotional);
    return (findings || []).filter((f) => f.check !== 'disclaimer' && !(promoShown && f.check === 'promotional'));
  }

  function hasSpans(findings) {
    return (findings || []).some((f) => f.check !== 'disclaimer' && typeof f.start === 'number' && f.end > f.start);
  }

  function findingsList(doc, t, findings, promo) {
    const shown = listedFindings(findings, promo);
    if (!shown.length) return null;
    const list = el(doc, 'ul', { class: 'ov-findings', 'aria-label': t('findingsHeading') });
    for (const f of shown) {
      const sev = f.severity || 'info';
      list.append(el(doc, 'li', { class: 'ov-finding ov-sev-' + sev, 'data-rule': f.rule || '' },
        el(doc, 'span', { class: 'ov-badge', text: severityLabel(t, sev) }),
        el(doc, 'span', { class: 'ov-desc', text: ' ' + (f.description || f.rule || f.check || '') }),
        f.excerpt ? el(doc, 'span', { class: 'ov-excerpt', text: ' «' + f.excerpt + '»' }) : null));
    }
    return list;
  }

  function signalLabel(t, signal) {
    return t('promoSignal_' + signal) || String(signal).replace(/_/g, ' ');
  }

  // The promotional warning: the reasons, the disclosure to add, and the employee's own
  // recent share (only when the local log knows it).
  function promotional(doc, t, promo) {
    if (!promo || !promo.promotional) return null;
    const box = el(doc, 'section', { class: 'ov-promo', 'aria-label': t('promoHeading') },
      el(doc, 'h3', { text: t('promoHeading') }));
    if (Array.isArray(promo.reasons) && promo.reasons.length) {
      const list = el(doc, 'ul', { class: 'ov-reasons' });
      for (const r of promo.reasons) {
        list.append(el(doc, 'li', { 'data-signal': r.signal || '' },
          el(doc, 'span', { text: signalLabel(t, r.signal) }),
          r.excerpt ? el(doc, 'span', { class: 'ov-excerpt', text: ' «' + r.excerpt + '»' }) : null));
      }
      box.append(el(doc, 'p', { text: t('promoReasons') }), list);
    }
    const own = OV.ownShare.summary(promo.own_share);
    if (own) {
      box.append(el(doc, 'p', { class: 'ov-own-share', text: t('ownShare', [String(own.shared), String(own.windowDays), String(own.promotional), String(own.percent)]) }));
      if (own.over) {
        box.append(el(doc, 'p', { class: 'ov-own-share-over',
          text: t('ownShareOver', [String(own.percentAfter ?? own.percent), String(own.thresholdPercent)]) }));
      }
    }
    return box;
  }

  // "Too long for this platform", from the host's length check.
  function lengthNote(doc, t, length) {
    if (!length || length.fits !== false) return null;
    return el(doc, 'p', { class: 'ov-length', role: 'note', text: t('lengthOver', [String(length.value), String(length.limit)]) });
  }

  function verdictText(t, result) {
    const v = result && result.verdict;
    return t(v === 'block' ? 'verdictBlock' : v === 'warn' ? 'verdictWarn' : 'verdictOk');
  }

  OV.resultView = { el, highlighted, hasSpans, findingsList, listedFindings, lengthNote, promotional, verdictText, severityLabel };
})(globalThis);
