// The service's decision: the e-gate (green) or the counter with the reasons in plain words; the slip.
// In family mode: everyone so far, then the next member or finish.
import { h, title } from '../dom.js';

/** In family mode, everyone so far, each with the word <code>wordOf(member)</code> gives (the place they go next). */
export function familySummary(state, wordOf) {
  return state.family
    ? h('ol', { class: 'members', 'data-i18n-label': 'familySummary' }, state.members.map(m =>
        h('li', { 'data-lane': m.lane, 'data-member': m.member },
          h('span', {}, m.givenName), ' — ', h('span', { 'data-i18n': wordOf(m) }))))
    : null;
}

/** The next member or finish in family mode; done otherwise. */
export function familyActions(state, ctx) {
  return state.family
    ? [h('button', { type: 'button', class: 'primary', 'data-action': 'next-member', 'data-i18n': 'nextMember', onclick: () => ctx.invoke('NextMember') }),
       h('button', { type: 'button', class: 'secondary', 'data-action': 'finish', 'data-i18n': 'finishFamily', onclick: () => ctx.invoke('Finish') })]
    : [h('button', { type: 'button', class: 'primary', 'data-action': 'done', 'data-i18n': 'done', onclick: () => ctx.invoke('Finish') })];
}

// Reasons are traveller-safe codes (TravellerReason, camelCase); each is worded in every language's
// i18n/<tag>.json as reason_<code>. The page never gets an officer's words (decision 0007).
export function mount(root, state, ctx) {
  const green = state.lane === 'green';
  const reasons = h('ul', { class: 'reasons' }, state.reasons.map(r =>
    h('li', { 'data-code': r, 'data-i18n': `reason_${r}` })));
  const members = familySummary(state, m => (m.lane === 'green' ? 'laneGreenShort' : 'laneRedShort'));
  const actions = familyActions(state, ctx);
  const slip = h('p', { class: 'slip', 'data-i18n': 'slipPrinted', hidden: !state.slipPrinted });
  root.append(h('section', { class: `card result lane-${green ? 'green' : 'red'}`, 'data-lane': green ? 'green' : 'red' },
    title(green ? 'laneGreen' : 'laneRed'),
    green ? h('p', { 'data-i18n': 'laneGreenHint' }) : h('p', { 'data-i18n': 'laneRedHint' }),
    green ? null : reasons,
    state.caseNumber ? h('p', { class: 'case', 'data-i18n': 'caseNumber', 'data-i18n-vars': JSON.stringify({ n: state.caseNumber }) }) : null,
    // On arrival after a "yes" to payment means: the currency declaration's number for the officer (decision 0022).
    state.currency?.number ? h('p', { class: 'case', 'data-currency-number': state.currency.number, 'data-i18n': 'cur_number', 'data-i18n-vars': JSON.stringify({ n: state.currency.number }) }) : null,
    slip,
    members,
    h('div', { class: 'actions' }, actions)));
  return { update: s => { slip.hidden = !s.slipPrinted; } };
}
