import { OFFICE_JS_FAILED, OFFICE_JS_ORIGIN, TRIDENT_MESSAGE_SCRIPT, UNSUPPORTED_WEBVIEW } from './signals';

/*
 * Loaded first, as a file (the CSP allows no inline script), compiled to ES5 so that it runs where the
 * pane's bundle cannot even be parsed, and kept tiny because every user downloads it:
 * - Internet Explorer 11 (Trident), used by volume-licensed Office 2016/2019 and by any Office without
 *   Edge (learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins): mark the
 *   page so the pane does not start, and load the Chinese message saying what is needed (trident.ts),
 *   instead of the loading text forever;
 * - office.js failing to load (a proxy, an untrusted certificate): note it for the pane, which says what
 *   to ask IT for. A script's error event does not bubble, so it is caught on the way down.
 */
const root = document.documentElement;
const scripts = document.getElementsByTagName('script');
// A blocking script runs while it is the last script parsed (Internet Explorer has no currentScript).
const guardScript = scripts[scripts.length - 1];

window.addEventListener(
  'error',
  (event) => {
    const target = event.target as HTMLScriptElement | null;
    if (target && target.tagName === 'SCRIPT' && target.src.indexOf(OFFICE_JS_ORIGIN) === 0) root.setAttribute(OFFICE_JS_FAILED, target.src);
  },
  true,
);

if (/Trident\/|MSIE /.test(navigator.userAgent)) {
  root.setAttribute(UNSUPPORTED_WEBVIEW, 'trident');
  const message = guardScript && guardScript.getAttribute(TRIDENT_MESSAGE_SCRIPT);
  document.addEventListener('DOMContentLoaded', () => {
    if (!message) return;
    const script = document.createElement('script');
    script.src = message;
    document.body.appendChild(script);
  });
}
