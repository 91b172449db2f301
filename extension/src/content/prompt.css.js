// The prompt's styles, kept in a script so they can be adopted into the shadow root as
// a constructed stylesheet (page CSPs cannot block it, page styles cannot reach in).
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});
  OV.promptCss = `
:host { all: initial; }
.ov-backdrop { position: fixed; inset: 0; background: rgba(15, 23, 42, .45); z-index: 2147483647;
  display: flex; align-items: center; justify-content: center; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0f172a; }
.ov-dialog { background: #fff; border-radius: 12px; box-shadow: 0 20px 50px rgba(0,0,0,.3); width: min(600px, calc(100vw - 32px));
  max-height: calc(100vh - 32px); overflow: auto; padding: 20px 24px; box-sizing: border-box; }
.ov-dialog:focus { outline: none; }
h2 { font-size: 19px; margin: 0 0 6px; }
h3 { font-size: 15px; margin: 14px 0 4px; }
p { margin: 6px 0; }
.ov-status { font-weight: 600; }
.ov-audience { color: #334155; font-size: 14px; margin: 0 0 6px; }
.ov-status.ov-block { color: #9f1239; }
.ov-status.ov-warn { color: #92400e; }
.ov-status.ov-ok { color: #166534; }
.ov-preview { white-space: pre-wrap; word-break: break-word; border: 1px solid #cbd5e1; border-radius: 8px; padding: 8px 10px; background: #f8fafc; margin: 6px 0; }
mark { border-radius: 3px; padding: 0 1px; }
mark.ov-sev-block { background: #fecdd3; color: #881337; text-decoration: underline wavy #e11d48; }
mark.ov-sev-warn { background: #fde68a; color: #78350f; }
mark.ov-sev-info { background: #e0f2fe; color: #0c4a6e; }
ul { margin: 4px 0; padding-left: 20px; }
.ov-badge { font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
.ov-finding.ov-sev-block .ov-badge { color: #be123c; }
.ov-finding.ov-sev-warn .ov-badge { color: #b45309; }
.ov-excerpt { color: #475569; }
label { display: block; margin: 8px 0 2px; font-weight: 600; }
label.ov-inline { display: flex; gap: 8px; align-items: flex-start; font-weight: 500; }
textarea, input[type="text"] { width: 100%; box-sizing: border-box; font: inherit; border: 1px solid #94a3b8; border-radius: 8px; padding: 6px 8px; color: inherit; background: #fff; }
textarea { resize: vertical; }
.ov-note { color: #475569; font-size: 13px; }
.ov-length { color: #92400e; font-weight: 600; }
.ov-promo { border-left: 4px solid #f59e0b; padding: 2px 10px; background: #fffbeb; border-radius: 4px; margin-top: 10px; }
.ov-host { border-left: 4px solid #64748b; padding: 2px 10px; background: #f1f5f9; border-radius: 4px; }
.ov-error { color: #9f1239; font-weight: 600; }
.ov-consent { margin-top: 14px; padding-top: 10px; border-top: 1px solid #e2e8f0; }
.ov-buttons { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; margin-top: 12px; }
button { font: inherit; border-radius: 999px; padding: 7px 16px; border: 1px solid #64748b; background: #fff; color: #0f172a; cursor: pointer; }
button.ov-primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; font-weight: 600; }
button:disabled { opacity: .45; cursor: not-allowed; }
button:focus-visible, input:focus-visible, textarea:focus-visible, a:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
a { color: #1d4ed8; }
`;
})(globalThis);
