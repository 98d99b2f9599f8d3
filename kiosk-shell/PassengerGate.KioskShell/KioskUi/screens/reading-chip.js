// Chip reading: a progress bar the screen reader can follow. Waits for the service have their own screen (checking.js).
import { h, title } from '../dom.js';

export function mount(root, state) {
  const bar = h('div', { class: 'bar-fill' });
  const progress = h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'data-i18n-label': 'chipProgress' }, bar);
  const update = s => {
    progress.setAttribute('aria-valuenow', String(s.chipPercent));
    bar.style.width = `${s.chipPercent}%`;
  };
  root.append(h('section', { class: 'card reading-chip' },
    title('readingChip'),
    progress,
    h('p', { 'data-i18n': 'doNotMove' })));
  update(state);
  return { update };
}
