// A departing traveller's tax-free export check, answered (issue 12; decision 0021, "At the kiosk"): each of their own
// purchase records with its status and, when it is not confirmed, why — in their language — and the lane: export
// confirmed (green) or show the goods at the inspection desk (red; why is staff's, decision 0007). When the service did
// not answer, the customs desk: never "confirmed". In family mode: everyone so far, then the next member or finish.
import { h, title } from '../dom.js';
import { familyActions, familySummary } from './result.js';

const yen = new Intl.NumberFormat('ja-JP');

/** The record's status as the traveller reads it: a confirmable record is confirmed on green, to be shown on red. */
function shownStatus(record, outcome) {
  if (record.status === 'confirmable') return outcome.lane === 'green' && outcome.exportConfirmed ? 'confirmed' : 'toInspect';
  return record.status;
}

export function mount(root, state, ctx) {
  const outcome = state.taxFree;
  const slip = h('p', { class: 'slip', 'data-i18n': 'slipPrinted', hidden: !state.slipPrinted });
  const members = familySummary(state, m => (m.lane === 'green' ? 'tf_memberGreen' : 'tf_memberRed'));
  const actions = h('div', { class: 'actions' }, ...familyActions(state, ctx));
  if (!outcome) {
    root.append(h('section', { class: 'card result taxfree-result lane-red', 'data-taxfree-lane': 'desk' },
      title('tf_problemTitle'), h('p', { 'data-i18n': 'tf_problemHint' }), members, actions));
    return {};
  }

  const green = outcome.lane === 'green';
  const records = outcome.records.length === 0
    ? h('p', { 'data-taxfree-none': 'true', 'data-i18n': 'tf_none' })
    : h('ul', { class: 'taxfree-records' }, outcome.records.map(record => {
        const status = shownStatus(record, outcome);
        return h('li', { 'data-record-id': record.recordId, 'data-status': status },
          h('p', { class: 'record', 'data-i18n': 'tf_record', 'data-i18n-vars': JSON.stringify({ shop: record.shopId, record: record.recordId, day: record.purchaseDay, total: yen.format(record.totalYen) }) }),
          h('p', { class: 'status', 'data-i18n': `tf_status_${status}` }),
          record.lastConfirmableDay && status === 'expired'
            ? h('p', { class: 'last-day', 'data-i18n': 'tf_lastDay', 'data-i18n-vars': JSON.stringify({ day: record.lastConfirmableDay }) })
            : null,
          record.reasons.length === 0 ? null : h('ul', { class: 'reasons' }, record.reasons.map(code => h('li', { 'data-code': code, 'data-i18n': `tf_reason_${code}` }))));
      }));
  root.append(h('section', { class: `card result taxfree-result lane-${green ? 'green' : 'red'}`, 'data-taxfree-lane': green ? 'green' : 'red' },
    title(green ? 'tf_greenTitle' : 'tf_redTitle'),
    h('p', { 'data-i18n': green ? (outcome.exportConfirmed ? 'tf_greenHint' : 'tf_greenNothingHint') : 'tf_redHint' }),
    records,
    slip,
    members,
    actions));
  return { update: s => { slip.hidden = !s.slipPrinted; } };
}
