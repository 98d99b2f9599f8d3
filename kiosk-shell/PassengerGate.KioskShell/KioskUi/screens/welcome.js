// Choose a language (header), then start. Family mode processes members one after another under one group.
// With two or more flows enabled (Kiosk:Flows, decision 0019) the first screen offers each flow, alone or for a family
// (each member with their own passport: for a currency declaration each member is a bearer, decision 0022); with arrival
// alone it starts arrival directly, as before, so no passenger pays an extra tap for a choice of one.
import { h, title } from '../dom.js';

export function mount(root, state, ctx) {
  const flows = state.flows ?? [];
  const familyButton = flow => h('button', { type: 'button', class: 'secondary', 'data-action': 'start-family', 'data-flow': flow ?? 'arrival', 'data-i18n': 'startFamily',
    onclick: () => (flow ? ctx.invoke('StartFlow', flow, true) : ctx.invoke('StartArrival', true)) });
  const starts = flows.length > 1
    ? flows.map((flow, i) => h('div', { class: 'actions flow-choice', 'data-flow': flow.id },
        h('button', { type: 'button', class: i === 0 ? 'primary' : 'secondary', 'data-action': 'start-flow', 'data-flow': flow.id, 'data-i18n': flow.titleKey, onclick: () => ctx.invoke('StartFlow', flow.id, false) }),
        familyButton(flow.id)))
    : [h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', 'data-action': 'start', 'data-i18n': 'startArrival', onclick: () => ctx.invoke('StartArrival', false) }),
        familyButton(null))];
  root.append(h('section', { class: 'card welcome' },
    title('welcomeTitle'),
    h('p', { 'data-i18n': 'welcomeIntro' }),
    ...starts));
}
