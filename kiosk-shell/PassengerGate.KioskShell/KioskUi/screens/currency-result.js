// A departing traveller's currency declaration, answered: its number and where to go next (the departure desk when the
// rules require the declaration), or, when the service stored nothing, the customs desk. Every word from the catalogue.
// In family mode (each member a bearer with their own declaration and slip): everyone so far, then the next or finish.
import { h, title } from '../dom.js';
import { familyActions, familySummary } from './result.js';

export function mount(root, state, ctx) {
  const c = state.currency ?? {};
  const stored = !!c.number;
  const next = !stored ? 'cur_problemHint' : c.next === 'departureDesk' ? 'cur_nextDesk' : c.next === 'officer' ? 'cur_nextOfficer' : 'cur_nextContinue';
  const slip = h('p', { class: 'slip', 'data-i18n': 'slipPrinted', hidden: !state.slipPrinted });
  root.append(h('section', { class: `card result currency-result lane-${stored && c.next === 'continue' ? 'green' : 'red'}`, 'data-currency-next': stored ? c.next : 'desk' },
    title(stored ? 'cur_resultTitle' : 'cur_problemTitle'),
    stored ? h('p', { class: 'case', 'data-currency-number': c.number, 'data-i18n': 'cur_number', 'data-i18n-vars': JSON.stringify({ n: c.number }) }) : null,
    stored && c.total !== null && c.total !== undefined
      ? h('p', { 'data-i18n': 'cur_reviewTotal', 'data-i18n-vars': JSON.stringify({ total: new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 }).format(c.total), currency: c.reportingCurrency }) })
      : null,
    h('p', { 'data-next': stored ? c.next : 'desk', 'data-i18n': next }),
    slip,
    familySummary(state, m => (m.lane === 'green' ? 'cur_memberContinue' : 'cur_memberDesk')),
    h('div', { class: 'actions' }, ...familyActions(state, ctx))));
  return { update: s => { slip.hidden = !s.slipPrinted; } };
}
