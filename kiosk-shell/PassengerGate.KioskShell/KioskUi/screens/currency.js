// The declaration of means of payment (FATF R.32; FEFTA art. 19(3); docs/currency-declaration-schema.md v1), built for a
// touch screen like the goods form: steppers, large targets, a currency picker limited to yen and the currencies with a
// customs rate this week. The review's total and "required or not" come from the service (AssessCurrency through the
// kiosk host); this page computes neither. The bearer is the passport the kiosk verified: the service fills it in.
import { h, title } from '../dom.js';
import { translate } from '../i18n.js';
import { stepper } from './goods.js';

const PAPER_KINDS = Object.freeze(['travellersCheques', 'cheque', 'promissoryNote']);
const METALS = Object.freeze(['gold', 'silver', 'platinum', 'palladium']);
const FORMS = Object.freeze(['bar', 'coin', 'other']);
let counter = 0;

function select(name, key, options, value) {
  const id = `cur-select-${name}-${++counter}`;
  return h('div', { class: 'field' },
    h('label', { for: id, 'data-i18n': key }),
    h('select', { id, 'data-select': name },
      options.map(([optionValue, optionKey, text]) => h('option', { value: optionValue, selected: optionValue === value, 'data-i18n': optionKey ?? undefined }, text ?? ''))));
}

function currencyPicker(offered, value) {
  const chosen = value ?? 'JPY';
  const codes = offered.includes(chosen) ? offered : [...offered, chosen];
  // Codes, not words: ISO 4217 reads the same in every language.
  return select('currency', 'currency', codes.map(c => [c, null, c]), chosen);
}

function amountField(name, key, value) {
  const id = `cur-${name}-${++counter}`;
  return h('div', { class: 'field' },
    h('label', { for: id, 'data-i18n': key }),
    h('input', { id, type: 'number', inputmode: 'decimal', min: '0', step: 'any', 'data-amount': name, value: value ?? '' }));
}

function textField(name, key, value, attrs = {}) {
  const id = `cur-text-${name}`;
  return h('div', { class: 'field' },
    h('label', { for: id, 'data-i18n': key }),
    h('input', { id, type: 'text', autocomplete: 'off', 'data-text': name, value: value ?? '', ...attrs }));
}

function line(kind, legendKey, children, onChange) {
  const fieldset = h('fieldset', { class: 'goods-line currency-line', 'data-line': kind }, h('legend', { 'data-i18n': legendKey }), ...children);
  fieldset.append(h('button', { type: 'button', class: 'secondary remove', 'data-action': 'remove-line', 'data-i18n': 'remove', onclick: () => {
    fieldset.remove();
    onChange();
  } }));
  return fieldset;
}

const BUILDERS = Object.freeze({
  cash: (item, offered, onChange) => line('cash', 'cur_cash', [
    currencyPicker(offered, item?.currency),
    stepper('amount', 'cur_amount', { min: 0, step: 10000, value: item?.amount ?? 0 })], onChange),
  paper: (item, offered, onChange) => line('paper', 'cur_paper', [
    select('kind', 'cur_kind', PAPER_KINDS.map(k => [k, `cur_kind_${k}`]), item?.kind ?? 'travellersCheques'),
    currencyPicker(offered, item?.currency),
    amountField('amount', 'cur_amount', item?.amount)], onChange),
  securities: (item, offered, onChange) => line('securities', 'cur_securities', [
    currencyPicker(offered, item?.currency),
    amountField('marketValue', 'cur_marketValue', item?.marketValue),
    amountField('bookValue', 'cur_bookValue', item?.bookValue),
    amountField('acquisitionValue', 'cur_acquisitionValue', item?.acquisitionValue)], onChange),
  metal: (item, offered, onChange) => line('metal', 'cur_metals', [
    select('metal', 'cur_metal', METALS.map(m => [m, `cur_metal_${m}`]), item?.metal ?? 'gold'),
    select('form', 'cur_form', FORMS.map(f => [f, `cur_form_${f}`]), item?.form ?? 'bar'),
    stepper('weightGrams', 'cur_weightGrams', { min: 1, step: 100, value: item?.weightGrams ?? 100 }),
    amountField('purityPercent', 'cur_purityPercent', item?.purityPercent ?? 99.99)], onChange),
});

/** Which of the builders above draws a v1 instrument. */
function builderOf(kind) {
  if (kind === 'cash') return 'cash';
  if (PAPER_KINDS.includes(kind)) return 'paper';
  if (kind === 'securities') return 'securities';
  return kind === 'preciousMetal' ? 'metal' : null;
}

function readDraft(state) {
  try {
    return state.draft ? JSON.parse(state.draft) : null;
  } catch {
    return null;
  }
}

function grouped(amount) {
  return new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 }).format(amount);
}

export function mount(root, state, ctx) {
  const departure = state.currencyDirection !== 'arrival';
  const draft = readDraft(state);
  let offered = ['JPY'];
  const lists = {};
  const onChange = () => invalidateReview();
  const section = (kind, headingKey, addKey) => {
    lists[kind] = h('div', { class: 'goods-lines', 'data-lines': kind });
    return h('section', { class: 'currency-section', 'data-section': kind },
      h('h2', { 'data-i18n': headingKey }),
      lists[kind],
      h('button', { type: 'button', class: 'secondary add', 'data-action': `add-${kind}`, 'data-i18n': addKey, onclick: () => {
        const added = BUILDERS[kind](null, offered, onChange);
        lists[kind].append(added);
        translate(added);
        added.querySelector('select, input').focus();
        onChange();
      } }));
  };
  const sections = [
    section('cash', 'cur_cash', 'cur_addCash'),
    section('paper', 'cur_paper', 'cur_addPaper'),
    section('securities', 'cur_securities', 'cur_addSecurities'),
    section('metal', 'cur_metals', 'cur_addMetal'),
  ];
  for (const item of draft?.instruments ?? []) {
    const kind = builderOf(item.kind);
    if (kind) lists[kind].append(BUILDERS[kind](item, offered, onChange));
  }
  if (!draft) lists.cash.append(BUILDERS.cash(null, offered, onChange));
  ctx.invoke('DeclarationCurrencies').then(list => {
    offered = list?.length ? list : offered;
    // Lines already on screen get the service's list too, each keeping its own choice.
    for (const picker of root.querySelectorAll("select[data-select='currency']")) {
      const chosen = picker.value;
      const codes = offered.includes(chosen) ? offered : [...offered, chosen];
      picker.replaceChildren(...codes.map(c => h('option', { value: c, selected: c === chosen }, c)));
    }
  }).catch(() => {});

  const ownerName = textField('ownerName', 'cur_ownerName', draft?.owner?.name);
  const recipientName = textField('recipientName', 'cur_recipientName', draft?.recipient?.name);
  ownerName.hidden = !draft?.owner;
  recipientName.hidden = !draft?.recipient;
  const toggle = (name, key, target, checked) => h('label', { class: 'choice' },
    h('input', { type: 'checkbox', 'data-check': name, checked: !!checked, onchange: e => { target.hidden = !e.target.checked; } }),
    h('span', { 'data-i18n': key }));
  const parties = h('section', { class: 'currency-section', 'data-section': 'parties' },
    h('h2', { 'data-i18n': 'cur_parties' }),
    departure ? textField('destinationCountry', 'cur_destination', draft?.destinationCountry, { maxlength: '3', autocapitalize: 'characters' }) : null,
    toggle('ownerOther', 'cur_ownerOther', ownerName, draft?.owner), ownerName,
    toggle('recipientOther', 'cur_recipientOther', recipientName, draft?.recipient), recipientName,
    textField('origin', 'cur_origin', draft?.origin),
    textField('intendedUse', 'cur_intendedUse', draft?.intendedUse));

  const reviewTotal = h('p', { class: 'assessment-total', 'data-review-total': 'true' });
  const reviewVerdict = h('p', { 'data-review-verdict': 'true' });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-action': 'submit-currency', 'data-i18n': 'cur_submit', hidden: true });
  const review = h('section', { class: 'assessment', 'aria-live': 'polite', 'aria-labelledby': 'cur-review-title', 'data-currency-review': 'empty', hidden: true },
    h('h2', { id: 'cur-review-title', 'data-i18n': 'cur_reviewTitle' }), reviewTotal, reviewVerdict);
  const reviewButton = h('button', { type: 'button', class: 'primary', 'data-action': 'review-currency', 'data-i18n': 'cur_review' });
  const form = h('form', { class: 'declaration-form currency-form', novalidate: true }, ...sections, parties, review, reviewButton, submit);
  let asked = 0;

  function invalidateReview() {
    asked++;
    review.hidden = true;
    review.dataset.currencyReview = 'empty';
    submit.hidden = true;
  }

  /** The form as the v1 JSON (bearer, date and jurisdiction are the service's) and the problems to word beside fields. */
  function build() {
    const problems = [];
    const amountOf = (input, { required = true, positive = true } = {}) => {
      const raw = input.value.trim();
      const value = Number(raw);
      if (raw === '' && !required) return undefined;
      if (raw === '' || !Number.isFinite(value) || value < 0 || (positive && value === 0)) {
        problems.push([input, input.closest('.field'), raw === '' ? 'err_required' : 'err_amount']);
        return 0;
      }
      return value;
    };
    const pick = (el, name) => el.querySelector(`[data-select='${name}']`).value;
    const instruments = [
      ...[...lists.cash.children].map(el => ({ kind: 'cash', currency: pick(el, 'currency'), amount: amountOf(el.querySelector("[data-stepper='amount']")) })),
      ...[...lists.paper.children].map(el => ({ kind: pick(el, 'kind'), currency: pick(el, 'currency'), amount: amountOf(el.querySelector("[data-amount='amount']")) })),
      ...[...lists.securities.children].map(el => {
        const item = { kind: 'securities', currency: pick(el, 'currency') };
        for (const name of ['marketValue', 'bookValue', 'acquisitionValue']) {
          const value = amountOf(el.querySelector(`[data-amount='${name}']`), { required: false, positive: false });
          if (value !== undefined) item[name] = value;
        }
        if (item.marketValue === undefined && item.bookValue === undefined && item.acquisitionValue === undefined) {
          const first = el.querySelector("[data-amount='marketValue']");
          problems.push([first, first.closest('.field'), 'err_required']);
        }
        return item;
      }),
      ...[...lists.metal.children].map(el => ({
        kind: 'preciousMetal', metal: pick(el, 'metal'), form: pick(el, 'form'),
        weightGrams: amountOf(el.querySelector("[data-stepper='weightGrams']")),
        purityPercent: amountOf(el.querySelector("[data-amount='purityPercent']")),
      })),
    ];
    if (instruments.length === 0) problems.push([reviewButton, form, 'cur_errNothing']);
    const text = name => form.querySelector(`[data-text='${name}']`)?.value.trim() ?? '';
    const declaration = { schemaVersion: 1, direction: departure ? 'departure' : 'arrival', transport: 'accompanied', instruments };
    if (departure) {
      const country = text('destinationCountry').toUpperCase();
      if (!/^[A-Z]{3}$/.test(country)) {
        const input = form.querySelector("[data-text='destinationCountry']");
        problems.push([input, input.closest('.field'), country ? 'cur_errCountry' : 'err_required']);
      }
      declaration.destinationCountry = country;
    }
    for (const [check, field, party] of [['ownerOther', 'ownerName', 'owner'], ['recipientOther', 'recipientName', 'recipient']]) {
      if (form.querySelector(`[data-check='${check}']`).checked) {
        if (!text(field)) {
          const input = form.querySelector(`[data-text='${field}']`);
          problems.push([input, input.closest('.field'), 'err_required']);
        }
        declaration[party] = { name: text(field) };
      }
    }
    // What only the phone page asks (decision 0026) travels on from a pre-declared draft.
    for (const field of ['flight', 'bookingReference', 'transport']) {
      if (typeof draft?.[field] === 'string' && draft[field]) declaration[field] = draft[field];
    }
    if (text('origin')) declaration.origin = text('origin');
    if (text('intendedUse')) declaration.intendedUse = text('intendedUse');
    return { declaration, problems };
  }

  function check(problems) {
    for (const old of form.querySelectorAll('.field-error')) old.remove();
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    problems.forEach(([el, host, key], i) => {
      const id = `cur-error-${i}`;
      host.append(h('p', { id, class: 'field-error', 'data-error': key, 'data-i18n': key }));
      el.setAttribute('aria-invalid', 'true');
      el.setAttribute('aria-describedby', id);
    });
    translate(form);
    problems[0]?.[0]?.focus();
    return problems.length === 0;
  }

  reviewButton.addEventListener('click', async () => {
    const { declaration, problems } = build();
    if (!check(problems)) return;
    const mine = ++asked;
    review.hidden = false;
    review.dataset.currencyReview = 'waiting';
    let result = null;
    try {
      result = await ctx.invoke('AssessCurrency', JSON.stringify(declaration));
    } catch {
      result = null;
    }
    if (mine !== asked) return; // the form changed meanwhile: that answer is for another form
    if (!result || result.problem || result.totalInReportingCurrency === null) {
      review.dataset.currencyReview = 'unavailable';
      reviewTotal.dataset.i18n = result?.problem === 'noRate' ? 'fieldError_currencyWithoutRate' : 'cur_reviewUnavailable';
      delete reviewTotal.dataset.i18nVars;
      reviewVerdict.replaceChildren();
      delete reviewVerdict.dataset.i18n;
      translate(review);
      return;
    }
    review.dataset.currencyReview = 'shown';
    review.dataset.total = String(result.totalInReportingCurrency);
    review.dataset.required = String(result.declarationRequired);
    reviewTotal.dataset.i18n = 'cur_reviewTotal';
    reviewTotal.dataset.i18nVars = JSON.stringify({ total: grouped(result.totalInReportingCurrency), currency: result.reportingCurrency });
    reviewVerdict.dataset.i18n = result.declarationRequired ? 'cur_reviewRequired' : 'cur_reviewNotRequired';
    translate(review);
    submit.hidden = false;
    submit.focus();
  });
  form.addEventListener('change', onChange);
  form.addEventListener('input', onChange);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const { declaration, problems } = build();
    if (!check(problems)) return;
    submit.disabled = true;
    ctx.invoke('SubmitCurrency', JSON.stringify(declaration));
  });

  // The service's field errors after a refused form, each worded from its problem code.
  const fieldErrors = (state.fieldErrors ?? []).length === 0 ? null : h('ul', { class: 'field-errors', role: 'alert', 'data-field-errors': 'true' },
    state.fieldErrors.map(e => h('li', { 'data-path': e.path, 'data-problem': e.problem, 'data-i18n': `fieldError_${e.problem}` })));

  // A scanned phone code that could not be taken (decision 0026), worded from its code. It is shown in place (see
  // problemInPlace): what the traveller typed before scanning the wrong code stays in the form.
  const problemSlot = h('div', { 'data-problem-slot': 'true' });
  const prefilled = draft && !fieldErrors ? h('p', { class: 'note', 'data-prefilled': 'true', 'data-i18n': 'cur_prefilled' }) : null;
  function showProblem(problem) {
    problemSlot.replaceChildren(...(problem ? [h('p', { class: 'problem', role: 'alert', 'data-code': problem.code,
      'data-i18n': ctx.has(`problem_${problem.code}`) ? `problem_${problem.code}` : 'problem_unknown' })] : []));
    if (prefilled) prefilled.hidden = Boolean(problem);
  }
  showProblem(state.problem);

  root.append(h('section', { class: 'card declaration currency', 'data-direction': departure ? 'departure' : 'arrival' },
    title('cur_title'),
    h('p', { 'data-i18n': departure ? 'cur_introDeparture' : 'cur_introArrival' }),
    fieldErrors ? h('p', { class: 'problem', 'data-i18n': 'declarationRefused' }) : null,
    problemSlot,
    prefilled,
    fieldErrors,
    form,
    h('button', { type: 'button', class: 'secondary', 'data-action': 'cancel', 'data-i18n': 'cancel', onclick: () => ctx.invoke('Cancel') })));
  return { update: next => showProblem(next.problem) };
}

/** A new problem (a wrong code scanned) updates this screen in place instead of drawing a fresh form (app.js keyOf). */
export const problemInPlace = true;
