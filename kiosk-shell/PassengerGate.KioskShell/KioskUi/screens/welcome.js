// Choose a language (header), then start. Family mode processes members one after another under one group.
import { h, title } from '../dom.js';

export function mount(root, state, ctx) {
  root.append(h('section', { class: 'card welcome' },
    title('welcomeTitle'),
    h('p', { 'data-i18n': 'welcomeIntro' }),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', 'data-action': 'start', 'data-i18n': 'startArrival', onclick: () => ctx.invoke('StartArrival', false) }),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'start-family', 'data-i18n': 'startFamily', onclick: () => ctx.invoke('StartArrival', true) }))));
}
