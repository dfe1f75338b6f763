/* global chrome */
// Harness self-test: a service worker that misbehaves on purpose, so the harness can prove it
// notices network requests and console errors from an extension.
fetch('http://192.0.2.1/probe-worker-startup').catch(() => undefined);

chrome.runtime.onMessage.addListener((message) => {
  if (message && message.type === 'probe-fetch') {
    console.error('probe: worker error');
    fetch('http://192.0.2.1/probe-worker-message').catch(() => undefined);
  }
});
