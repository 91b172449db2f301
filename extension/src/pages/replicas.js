// Replicas of each supported site's composer, as the end-to-end fixtures render them
// (tests/e2e/fixtures: the editors' DOM after Draft.js, Quill, Lexical or TipTap have
// run), reduced to static markup for the self-test page. No script runs in them.
// post: the Post control in this markup (for the variants, composer_variants.js).
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});
  const draft = (testId, label) => `<div class="DraftEditor-root"><div class="DraftEditor-editorContainer"><div aria-label="${label}" class="notranslate public-DraftEditor-content" contenteditable="true" role="textbox" spellcheck="false" ${testId ? `data-testid="${testId}"` : ''}><div data-contents="true"><div class="" data-block="true"><div class="public-DraftStyleDefault-block"><span><br data-text="true"></span></div></div></div></div></div></div>`;
  const lexical = (label) => `<div id="editor" contenteditable="true" role="textbox" aria-label="${label}" data-lexical-editor="true" spellcheck="true"><p><br></p></div>`;

  OV.replicas = [
    { adapter: 'x', post: '[data-testid="tweetButton"]',
      html: `<div role="dialog" aria-modal="true" class="modal"><h2>Compose post</h2><div class="editor">${draft('tweetTextarea_0', 'Post text')}</div>
        <div data-testid="toolBar" class="toolbar"><button type="button" data-testid="tweetButton" aria-disabled="true">Post</button></div></div>` },
    { adapter: 'linkedin', post: 'button.share-actions__primary-action',
      html: `<div role="dialog" data-test-modal-id="sharebox" aria-label="Create a post"><h2>Create a post</h2><div class="share-creation-state__text-editor"><div id="editor" class="ql-container">
        <div class="ql-editor ql-blank" data-gramm="false" contenteditable="true" data-placeholder="What do you want to talk about?" data-test-ql-editor-contenteditable="true" role="textbox" aria-label="Text editor for creating content" aria-multiline="true"><p><br></p></div>
        <div class="ql-clipboard" contenteditable="true" tabindex="-1"></div></div></div>
        <footer class="share-creation-state__footer"><button type="button" class="share-actions__primary-action" disabled>Post</button></footer></div>` },
    { adapter: 'facebook', post: '[role="button"][aria-label="Post"]',
      html: `<div role="dialog" aria-label="Create post"><h2>Create post</h2>${lexical("What's on your mind?")}
        <footer><div role="button" tabindex="0" aria-label="Post" aria-disabled="true">Post</div></footer></div>` },
    { adapter: 'mastodon', post: 'button[type="submit"]',
      html: `<div id="mastodon"><form class="compose-form"><div class="autosuggest-textarea"><textarea class="autosuggest-textarea__textarea" aria-label="What's on your mind?" placeholder="What's on your mind?"></textarea></div>
        <div class="compose-form__submit"><button type="submit" class="button">Post</button></div></form></div>` },
    { adapter: 'bluesky', post: '[data-testid="composerPublishBtn"]',
      html: `<div role="dialog" aria-label="Compose new post"><div id="editor"><div contenteditable="true" role="textbox" aria-label="Rich-Text Editor" data-testid="composerTextInput" class="tiptap ProseMirror" translate="no"><p><br class="ProseMirror-trailingBreak"></p></div></div>
        <button type="button" data-testid="composerPublishBtn" aria-label="Publish post" disabled>Post</button></div>` },
    { adapter: 'instagram', post: '#share',
      html: `<div role="dialog" aria-label="Create new post"><div class="header"><h2>Create new post</h2><div role="button" tabindex="0" id="share">Share</div></div>
        <textarea aria-label="Write a caption..." placeholder="Write a caption..."></textarea></div>` },
    { adapter: 'threads', post: '#post',
      html: `<div role="dialog" aria-label="New thread"><h2>New thread</h2>${lexical('Empty text field. Type to compose a new post.')}
        <div><div role="button" tabindex="0">Add to thread</div> <div id="post" role="button" tabindex="0" aria-disabled="true">Post</div></div></div>` },
    { adapter: 'pinterest', post: '[data-test-id="storyboard-creation-nav-done"] button',
      html: `<div role="dialog" aria-label="Create Pin"><input id="storyboard-selector-title" data-test-id="pin-draft-title" placeholder="Add a title">
        <div class="editor" data-test-id="storyboard-description-field-container">${draft(null, 'Add a detailed description')}</div>
        <div data-test-id="storyboard-creation-nav-done"><button type="button" aria-disabled="true">Publish</button></div></div>` },
    { adapter: 'tumblr', post: 'footer button',
      html: `<div role="dialog" aria-label="Post editor"><h2>Text post</h2><div contenteditable="true" role="textbox" aria-label="Block: Paragraph" aria-multiline="true"></div>
        <footer><button type="button">Post now</button></footer></div>` },
    { adapter: 'quora', post: '#post',
      html: `<div role="dialog" aria-label="Create post"><h2>Create post</h2><div contenteditable="true" class="doc" aria-label="Say something..."></div>
        <div><button type="button">Cancel</button> <button type="button" id="post">Post</button></div></div>` },
    { adapter: 'buffer', post: '[data-testid="composer-submit-button"]',
      html: `<div role="dialog" data-testid="composer" aria-label="Create post"><button type="button" data-channel-service="twitter" aria-pressed="true">X</button>
        <div class="editor" data-testid="composer-text-area">${draft(null, 'What would you like to share?')}</div>
        <button type="button" data-testid="composer-submit-button" aria-disabled="true">Share Now</button></div>` },
    { adapter: 'hootsuite', post: '#post',
      html: `<div class="panel" data-testid="composer"><h2>Compose</h2><div data-testid="selected-social-profile" data-network="LINKEDIN">LinkedIn page</div>
        <div contenteditable="true" role="textbox" aria-label="Post text"></div><button type="button">Schedule</button> <button type="button" id="post">Post now</button></div>` },
    { adapter: 'reddit', post: 'button[type="submit"]',
      html: `<div class="panel"><form id="submit"><h2>Create a post</h2><textarea name="title" aria-label="Title" rows="2"></textarea><button type="submit">Post</button></form></div>` },
  ];
})(globalThis);
