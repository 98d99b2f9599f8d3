// Lay the passport open on the reader, photo page down.
import { h, title } from '../dom.js';

export function mount(root, state, ctx) {
  root.append(h('section', { class: 'card place-passport' },
    state.family ? h('p', { class: 'member', 'data-i18n': 'familyMember', 'data-i18n-vars': JSON.stringify({ n: state.member }) }) : null,
    title('placePassport'),
    h('div', { class: 'passport-illustration', 'aria-hidden': 'true' }),
    h('p', { 'data-i18n': 'placePassportHint' }),
    h('button', { type: 'button', class: 'secondary', 'data-action': 'cancel', 'data-i18n': 'cancel', onclick: () => ctx.invoke('Cancel') })));
}
