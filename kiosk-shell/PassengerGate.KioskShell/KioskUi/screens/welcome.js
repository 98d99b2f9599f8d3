// Choose a language (header), then start. Family mode processes members one after another under one group.
// With two or more flows enabled (Kiosk:Flows, decision 0019) the first screen offers one button per flow; with arrival
// alone it starts arrival directly, as before, so no passenger pays an extra tap for a choice of one.
import { h, title } from '../dom.js';

export function mount(root, state, ctx) {
  const flows = state.flows ?? [];
  const familyButton = h('button', { type: 'button', class: 'secondary', 'data-action': 'start-family', 'data-i18n': 'startFamily', onclick: () => ctx.invoke('StartArrival', true) });
  const starts = flows.length > 1
    ? [...flows.map((flow, i) => h('button', { type: 'button', class: i === 0 ? 'primary' : 'secondary', 'data-action': 'start-flow', 'data-flow': flow.id, 'data-i18n': flow.titleKey, onclick: () => ctx.invoke('StartFlow', flow.id, false) })), familyButton]
    : [h('button', { type: 'button', class: 'primary', 'data-action': 'start', 'data-i18n': 'startArrival', onclick: () => ctx.invoke('StartArrival', false) }), familyButton];
  root.append(h('section', { class: 'card welcome' },
    title('welcomeTitle'),
    h('p', { 'data-i18n': 'welcomeIntro' }),
    h('div', { class: 'actions' }, ...starts)));
}
