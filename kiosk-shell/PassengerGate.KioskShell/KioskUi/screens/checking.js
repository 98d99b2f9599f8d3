// While the service decides a step (document, face, declaration): the passport has been read, so the screen says
// what is happening now. The host keeps the idle timer still meanwhile (decision 0017).
import { h, title } from '../dom.js';

export function mount(root) {
  root.append(h('section', { class: 'card checking', 'aria-busy': 'true' },
    title('checkingWithCustoms'),
    h('div', { class: 'progress indeterminate', role: 'progressbar', 'data-i18n-label': 'checkingWithCustoms' }, h('div', { class: 'bar-fill' })),
    h('p', { 'data-i18n': 'checkingHint' })));
}
