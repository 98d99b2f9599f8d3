// The running assessment (decision 0020): what the service's own assessor makes of the goods as they stand, shown before
// the traveller confirms ("3 bottles free, 1 dutiable, about ¥150"). Every figure comes from the service
// (AssessDeclarationDraft through the kiosk host); this page only words it. Nothing shown here decides the lane.
import { h } from '../dom.js';
import { translate } from '../i18n.js';

const DELAY_MS = 400;

function yen(amount) {
  return new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 }).format(amount);
}

function number(amount) {
  return new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 }).format(amount);
}

/** What one line is called on screen: the traveller's own words for other goods, the catalogue's for the rest. */
function lineName(line, goods) {
  const index = Number(/\[(\d+)\]$/.exec(line.path)?.[1] ?? 0);
  if (line.category === 'otherGoods') return { text: goods.otherGoods?.[index]?.description ?? '' };
  if (line.category === 'alcohol') return { key: `kind_${goods.alcohol?.[index]?.kind ?? 'wineBeerOther'}` };
  return { key: { cigarettes: 'cigarettes', cigars: 'cigars', heatedTobacco: 'heated_packs', otherTobacco: 'otherTobaccoGrams', perfume: 'perfume' }[line.category] ?? 'other_goods' };
}

function outcomeWords(line) {
  const vars = { free: number(line.freeQuantity), dutiable: number(line.dutiableQuantity), duty: yen(line.dutyYen) };
  switch (line.outcome) {
    case 'free': return ['assess_free', vars];
    case 'leftOutSmallKind': return ['assess_leftOut', vars];
    case 'dutiable': return ['assess_dutiable', vars];
    case 'referredToOfficer': return ['assess_officer', vars];
    default: return ['assess_notAssessed', vars];
  }
}

/** The panel and its refresh(draft, goods): asks the host for the service's assessment, at most once per pause in typing. */
export function assessmentPanel(ctx) {
  const list = h('ul', { class: 'assessment-lines' });
  const total = h('p', { class: 'assessment-total', 'data-assessment-total': 'true' });
  const panel = h('section', { class: 'assessment', 'aria-live': 'polite', 'aria-labelledby': 'assessment-title', 'data-assessment': 'empty' },
    h('h2', { id: 'assessment-title', 'data-i18n': 'assess_title' }),
    list,
    total,
    h('p', { class: 'assessment-note', 'data-i18n': 'assess_note' }));
  let timer = null;
  let asked = 0;

  function render(result, goods) {
    list.replaceChildren(...result.lines.map(line => {
      const name = lineName(line, goods);
      const [key, vars] = outcomeWords(line);
      return h('li', { 'data-path': line.path, 'data-outcome': line.outcome },
        h('span', { class: 'assessment-name', 'data-i18n': name.key }, name.text ?? ''), ' ',
        h('span', { 'data-i18n': key, 'data-i18n-vars': JSON.stringify(vars) }));
    }));
    const officer = result.lines.some(l => l.outcome === 'referredToOfficer' || l.outcome === 'notAssessed');
    total.dataset.i18n = result.lines.length === 0 ? 'assess_none' : officer ? 'assess_totalAndOfficer' : 'assess_total';
    total.dataset.i18nVars = JSON.stringify({ duty: yen(result.totalDutyYen) });
    panel.dataset.assessment = result.lines.length === 0 ? 'none' : 'shown';
    panel.dataset.totalDutyYen = String(result.totalDutyYen);
    translate(panel);
  }

  function refresh(draft, goods) {
    clearTimeout(timer);
    // Waiting from the first keystroke, not only once the pause is over: the lines on screen are the last draft's.
    panel.dataset.assessment = 'waiting';
    timer = setTimeout(async () => {
      const mine = ++asked;
      let result = null;
      try {
        result = await ctx.invoke('AssessDeclaration', JSON.stringify(draft));
      } catch {
        result = null;
      }
      if (mine !== asked) return; // a newer draft was sent meanwhile
      if (!result || (result.fieldErrors ?? []).length > 0) {
        list.replaceChildren();
        total.dataset.i18n = 'assess_unavailable';
        delete total.dataset.i18nVars;
        panel.dataset.assessment = 'unavailable';
        translate(panel);
        return;
      }
      render(result, goods);
    }, DELAY_MS);
  }

  return { element: panel, refresh, stop: () => clearTimeout(timer) };
}
