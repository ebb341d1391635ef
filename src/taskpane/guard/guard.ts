import { installShims } from './shims';
import { OFFICE_JS_FAILED, OFFICE_JS_ORIGIN, UNSUPPORTED_WEBVIEW } from './signals';
import { G } from './strings';

/*
 * Loaded first, as a file (the CSP allows no inline script), compiled to ES5 so that it runs where the
 * pane's bundle cannot even be parsed:
 * - Internet Explorer 11 (Trident), used by volume-licensed Office 2016/2019 and by any Office without
 *   Edge: say in Chinese what is needed, instead of the loading text forever
 *   (learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins);
 * - EdgeHTML 18 (Office 2016/2019 retail without WebView2): add the few built-ins it lacks;
 * - office.js failing to load (a proxy, an untrusted certificate): note it for the pane, which says what
 *   to ask IT for. A script's error event does not bubble, so it is caught on the way down.
 */
const root = document.documentElement;

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
  document.addEventListener('DOMContentLoaded', showWhatIsNeeded);
} else {
  installShims(window);
}

function showWhatIsNeeded(): void {
  const container = document.getElementById('root');
  if (!container) return;
  while (container.firstChild) container.removeChild(container.firstChild);
  const main = element('main', '', 'boot');
  main.setAttribute('role', 'alert');
  main.appendChild(element('h1', G.title, 'boot-title'));
  main.appendChild(element('p', G.reason));
  const list = element('ul', '');
  for (let i = 0; i < G.needs.length; i++) list.appendChild(element('li', G.needs[i]));
  main.appendChild(list);
  main.appendChild(element('p', G.volumeLicensed));
  main.appendChild(element('p', G.meanwhile));
  container.appendChild(main);
}

function element(tag: string, text: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text) node.appendChild(document.createTextNode(text));
  if (className) node.className = className;
  return node;
}
