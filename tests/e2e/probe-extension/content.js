/* global chrome */
// Harness self-test: a content script that does, crudely, what the contract asks of the real
// one on tricky.html (a highlight, a hover card in an open shadow root, Escape, stepMention),
// and misbehaves on purpose (a console error, a network request).
(() => {
  console.error('probe: content error');
  fetch('http://192.0.2.1/probe-content').catch(() => undefined);
  chrome.runtime.sendMessage({ type: 'probe-fetch' }).catch(() => undefined);

  const em = document.querySelector('#m-em em');
  if (em && em.nextSibling) {
    const range = document.createRange();
    range.setStart(em.firstChild, 0);
    range.setEnd(em.nextSibling, ' Ghafari'.length);
    CSS.highlights.set('backstory-person', new Highlight(range));
  }

  let host = null;
  let dialog = null;
  let openTimer = 0;
  let closeTimer = 0;
  const show = (label) => {
    if (!host) {
      host = document.createElement('probe-card');
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML =
        '<style>:host{all:initial}div{position:fixed;top:8px;right:8px;width:300px;' +
        'font:14px sans-serif;background:#fff;border:1px solid #000;padding:8px}</style>' +
        '<div role="dialog" hidden></div>';
      dialog = root.querySelector('div');
      document.documentElement.append(host);
    }
    dialog.setAttribute('aria-label', label);
    dialog.textContent = label;
    dialog.hidden = false;
  };
  const hide = () => {
    if (dialog) dialog.hidden = true;
  };

  const link = document.querySelector('#m-link a');
  if (link) {
    link.addEventListener('mouseenter', () => {
      clearTimeout(closeTimer);
      openTimer = setTimeout(() => show('ISIS-K'), 400);
    });
    link.addEventListener('mouseleave', () => {
      clearTimeout(openTimer);
      closeTimer = setTimeout(hide, 300);
    });
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  chrome.runtime.onMessage.addListener((message) => {
    if (message && message.type === 'stepMention') show(`step ${message.direction}`);
  });
})();
