// Side B of the customs declaration (Form C No. 5360; docs/arrival-declaration-schema.md, "goods"), built for a touch
// screen: steppers instead of typing numbers, large targets, a currency picker limited to what the service accepts this
// week (decision 0020). This module only reads and writes the form; what is free or dutiable is the service's to say.
import { h } from '../dom.js';
import { translate } from '../i18n.js';

export const ALCOHOL_KINDS = Object.freeze(['whiskyBrandy', 'rumGinVodka', 'liqueur', 'otherSpirits', 'wineBeerOther']);
const EXCLUSIONS = Object.freeze(['rice', 'laver', 'pineappleProducts', 'konnyaku', 'huntingGun', 'onRequest', 'other']);
let counter = 0;

/** A number the traveller sets with − and + (or types): whole numbers from min, in steps. */
export function stepper(name, key, { min = 0, step = 1, value = min } = {}) {
  const id = `stepper-${name}-${++counter}`;
  const input = h('input', { id, type: 'number', inputmode: 'numeric', min: String(min), step: '1', value: String(value), 'data-stepper': name });
  const change = delta => {
    const now = /^\d+$/.test(input.value.trim()) ? Number(input.value) : min;
    input.value = String(Math.max(min, now + delta));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };
  return h('div', { class: 'field stepper' },
    h('label', { for: id, 'data-i18n': key }),
    h('div', { class: 'stepper-row' },
      h('button', { type: 'button', class: 'step', 'data-step': `${name}-down`, 'data-i18n-label': 'decrease', onclick: () => change(-step) }, '−'),
      input,
      h('button', { type: 'button', class: 'step', 'data-step': `${name}-up`, 'data-i18n-label': 'increase', onclick: () => change(step) }, '+')));
}

function select(name, key, options, value) {
  const id = `select-${name}-${++counter}`;
  return h('div', { class: 'field' },
    h('label', { for: id, 'data-i18n': key }),
    h('select', { id, 'data-select': name },
      options.map(([optionValue, optionKey, text]) => h('option', { value: optionValue, selected: optionValue === value, 'data-i18n': optionKey ?? undefined }, text ?? ''))));
}

function check(name, key, checked) {
  return h('label', { class: 'choice' }, h('input', { type: 'checkbox', 'data-check': name, checked: !!checked }), h('span', { 'data-i18n': key }));
}

function removeButton(line, onRemoved) {
  return h('button', { type: 'button', class: 'secondary remove', 'data-action': 'remove-line', 'data-i18n': 'remove', onclick: () => {
    line.remove();
    onRemoved();
  } });
}

function alcoholLine(item, onChange) {
  const line = h('fieldset', { class: 'goods-line', 'data-line': 'alcohol' },
    h('legend', { 'data-i18n': 'alcohol' }),
    select('kind', 'alcohol_kind', ALCOHOL_KINDS.map(k => [k, `kind_${k}`]), item?.kind ?? 'wineBeerOther'),
    stepper('bottles', 'bottles', { min: 1, value: item?.bottles ?? 1 }),
    stepper('volumeMlPerBottle', 'volumeMlPerBottle', { min: 1, step: 50, value: item?.volumeMlPerBottle ?? 750 }));
  line.append(removeButton(line, onChange));
  return line;
}

function otherLine(item, currencies, onChange) {
  const id = `goods-desc-${++counter}`;
  const valueId = `goods-value-${counter}`;
  const currency = item?.currency ?? 'JPY';
  const offered = currencies.includes(currency) ? currencies : [...currencies, currency];
  const line = h('fieldset', { class: 'goods-line', 'data-line': 'otherGoods' },
    h('legend', { 'data-i18n': 'other_goods' }),
    h('div', { class: 'field' },
      h('label', { for: id, 'data-i18n': 'description' }),
      h('input', { id, type: 'text', autocomplete: 'off', 'data-goods': 'description', value: item?.description ?? '' })),
    stepper('quantity', 'quantity', { min: 1, value: item?.quantity ?? 1 }),
    h('div', { class: 'field' },
      h('label', { for: valueId, 'data-i18n': 'unitRetailValue' }),
      h('input', { id: valueId, type: 'number', inputmode: 'decimal', min: '0', step: 'any', 'data-goods': 'unitRetailValue', value: item?.unitRetailValue ?? '' })),
    // Codes, not words: ISO 4217 reads the same in every language.
    select('currency', 'currency', offered.map(c => [c, null, c]), currency),
    check('isSet', 'isSet', item?.isSet),
    check('forChild', 'forChild', item?.forChild),
    select('exclusion', 'exclusion', [['', 'excl_none'], ...EXCLUSIONS.map(e => [e, `excl_${e}`])], item?.exclusion ?? ''));
  line.append(removeButton(line, onChange));
  return line;
}

/**
 * The goods section. `goods` pre-fills it (a pre-declaration under review); `currencies` is a promise of the codes the
 * service accepts; `onChange` runs after any change (the running assessment). read() gives the schema's goods object and
 * the problems to show ([element, host, catalogue key]).
 */
export function goodsSection(goods, currencies, onChange) {
  let offered = ['JPY'];
  const alcohol = h('div', { class: 'goods-lines', 'data-lines': 'alcohol' });
  const other = h('div', { class: 'goods-lines', 'data-lines': 'otherGoods' });
  const heated = goods?.heatedTobacco;
  const section = h('section', { class: 'goods', 'aria-labelledby': 'goods-title' },
    h('h2', { id: 'goods-title', 'data-i18n': 'sec_goods' }),
    h('p', { 'data-i18n': 'goods_hint' }),
    h('h3', { 'data-i18n': 'alcohol' }),
    alcohol,
    h('button', { type: 'button', class: 'secondary add', 'data-action': 'add-alcohol', 'data-i18n': 'add_alcohol', onclick: () => {
      const line = alcoholLine(null, onChange);
      alcohol.append(line);
      translate(line);
      line.querySelector('select').focus();
      onChange();
    } }),
    h('h3', { 'data-i18n': 'tobacco' }),
    stepper('cigarettes', 'cigarettes', { step: 20, value: goods?.cigarettes ?? 0 }),
    stepper('cigars', 'cigars', { value: goods?.cigars ?? 0 }),
    stepper('heatedPacks', 'heated_packs', { value: heated?.packs ?? 0 }),
    stepper('heatedUnitsPerPack', 'heated_unitsPerPack', { min: 1, value: heated?.unitsPerPack ?? 20 }),
    select('heatedUnit', 'heated_unit', [['stick', 'unit_stick'], ['capsule', 'unit_capsule']], heated?.unit ?? 'stick'),
    stepper('otherTobaccoGrams', 'otherTobaccoGrams', { step: 50, value: goods?.otherTobaccoGrams ?? 0 }),
    h('h3', { 'data-i18n': 'perfume' }),
    stepper('perfumeMl', 'perfumeMl', { step: 10, value: goods?.perfumeMl ?? 0 }),
    h('h3', { 'data-i18n': 'other_goods' }),
    h('p', { 'data-i18n': 'other_goods_hint' }),
    other,
    h('button', { type: 'button', class: 'secondary add', 'data-action': 'add-other', 'data-i18n': 'add_other', onclick: () => {
      const line = otherLine(null, offered, onChange);
      other.append(line);
      translate(line);
      line.querySelector('input').focus();
      onChange();
    } }));
  for (const item of goods?.alcohol ?? []) alcohol.append(alcoholLine(item, onChange));
  for (const item of goods?.otherGoods ?? []) other.append(otherLine(item, offered, onChange));
  Promise.resolve(currencies).then(list => {
    offered = list?.length ? list : offered;
    // Lines already on screen get the service's list too, keeping each one's own choice.
    for (const picker of other.querySelectorAll("select[data-select='currency']")) {
      const chosen = picker.value;
      const codes = offered.includes(chosen) ? offered : [...offered, chosen];
      picker.replaceChildren(...codes.map(c => h('option', { value: c, selected: c === chosen }, c)));
    }
  }).catch(() => {});

  const count = name => section.querySelector(`[data-stepper='${name}']`);
  function read() {
    const problems = [];
    const whole = (input, min) => {
      const raw = input.value.trim();
      if (!/^\d+$/.test(raw) || Number(raw) < min) {
        problems.push([input, input.closest('.field'), min === 1 ? 'err_min1' : 'err_number']);
        return min;
      }
      return Number(raw);
    };
    const result = {
      alcohol: [...alcohol.children].map(line => ({
        kind: line.querySelector("[data-select='kind']").value,
        bottles: whole(line.querySelector("[data-stepper='bottles']"), 1),
        volumeMlPerBottle: whole(line.querySelector("[data-stepper='volumeMlPerBottle']"), 1),
      })),
      cigarettes: whole(count('cigarettes'), 0),
      cigars: whole(count('cigars'), 0),
      heatedTobacco: { packs: whole(count('heatedPacks'), 0), unitsPerPack: whole(count('heatedUnitsPerPack'), 1), unit: section.querySelector("[data-select='heatedUnit']").value },
      otherTobaccoGrams: whole(count('otherTobaccoGrams'), 0),
      perfumeMl: whole(count('perfumeMl'), 0),
      otherGoods: [...other.children].map(line => {
        const description = line.querySelector("[data-goods='description']");
        const value = line.querySelector("[data-goods='unitRetailValue']");
        if (!description.value.trim()) problems.push([description, description.closest('.field'), 'err_required']);
        const amount = Number(value.value.trim());
        if (value.value.trim() === '' || !Number.isFinite(amount) || amount < 0) {
          problems.push([value, value.closest('.field'), value.value.trim() === '' ? 'err_required' : 'err_amount']);
        }
        const item = {
          description: description.value.trim(),
          quantity: whole(line.querySelector("[data-stepper='quantity']"), 1),
          unitRetailValue: Number.isFinite(amount) && amount >= 0 ? amount : 0,
          currency: line.querySelector("[data-select='currency']").value,
          isSet: line.querySelector("[data-check='isSet']").checked,
          forChild: line.querySelector("[data-check='forChild']").checked,
        };
        const exclusion = line.querySelector("[data-select='exclusion']").value;
        if (exclusion) item.exclusion = exclusion;
        return item;
      }),
    };
    return { goods: result, problems };
  }

  return { element: section, read };
}
