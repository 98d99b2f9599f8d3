// Small DOM builder: h('button', { 'data-i18n': 'start', onclick }, child...). Text comes from i18n keys, never from HTML strings.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** A heading that takes focus when the screen appears, so a screen reader reads the new step first. */
export function title(key, vars) {
  return h('h1', { 'data-i18n': key, 'data-i18n-vars': vars ? JSON.stringify(vars) : undefined, tabindex: '-1', class: 'prompt' });
}
