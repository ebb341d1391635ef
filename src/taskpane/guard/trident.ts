import { G } from './strings';

/**
 * Loaded by the guard in Internet Explorer 11 only, once the page is parsed (ES5): says in Chinese
 * what is needed, where the pane cannot run.
 */
function element(tag: string, text: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text) node.appendChild(document.createTextNode(text));
  if (className) node.className = className;
  return node;
}

const container = document.getElementById('root');
if (container) {
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
