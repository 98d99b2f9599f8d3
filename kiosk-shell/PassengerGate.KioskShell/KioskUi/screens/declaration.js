// The customs declaration (Form C No. 5360): scan a pre-declaration QR, or answer on screen. The header
// comes from the passport; a child's declaration in a family is made by the guardian
// (docs/arrival-declaration-schema.md, declarant.role "guardian").
import { h, title } from '../dom.js';
import { translate } from '../i18n.js';
import { goodsSection, stepper } from './goods.js';
import { assessmentPanel } from './assessment.js';

const QUESTIONS = Object.freeze([
  'prohibitedOrRestricted',
  'goldBullionOrProducts',
  'overDutyFreeAllowance',
  'commercialGoodsOrSamples',
  'carriedForSomeoneElse',
  'paymentMeansOverThreshold',
  'unaccompaniedBaggage',
]);

function textField(name, key, autocomplete, value) {
  const id = `decl-${name}`;
  return h('div', { class: 'field' },
    h('label', { for: id, 'data-i18n': key }),
    h('input', { id, name, type: 'text', required: true, autocomplete: autocomplete ?? 'off', 'data-field': name, value: value ?? undefined }));
}

/** A header field the form may leave empty (C5360's phone and occupation). */
function optionalField(name, key, value) {
  const id = `decl-${name}`;
  return h('div', { class: 'field' },
    h('label', { for: id, 'data-i18n': key }),
    h('input', { id, name, type: 'text', autocomplete: 'off', 'data-optional': name, value: value ?? undefined }));
}

function question(name, answer) {
  const legendId = `q-${name}`;
  return h('fieldset', { class: 'question', 'data-question': name },
    h('legend', { id: legendId, 'data-i18n': `q_${name}` }),
    h('div', { class: 'choices' },
      ['yes', 'no'].map(value => h('label', { class: 'choice' },
        h('input', { type: 'radio', name, value, required: true, 'data-answer': `${name}-${value}`, checked: answer === undefined ? false : answer === (value === 'yes') }),
        h('span', { 'data-i18n': value })))));
}

/** Marks each unanswered or wrong field with the catalogue's words (err_*); focuses the first. True when all is well. */
function check(form, extra) {
  for (const old of form.querySelectorAll('.field-error')) old.remove();
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const problems = [];
  for (const input of form.querySelectorAll('input[data-field]')) {
    if (!input.value.trim()) problems.push([input, input.closest('.field'), 'err_required']);
  }
  for (const name of QUESTIONS) {
    if (!form.elements[name].value) problems.push([form.querySelector(`fieldset[data-question='${name}']`), form.querySelector(`fieldset[data-question='${name}']`), 'err_choose']);
  }
  const packages = form.elements.unaccompaniedPackages;
  if (form.elements.unaccompaniedBaggage.value === 'yes' && !(/^\d+$/.test(packages.value.trim()) && Number(packages.value) >= 1)) {
    problems.push([packages, packages.closest('.field'), 'err_min1']);
  }
  problems.push(...extra);
  problems.forEach(([el, host, key], i) => {
    const id = `decl-error-${i}`;
    host.append(h('p', { id, class: 'field-error', 'data-error': key, 'data-i18n': key }));
    el.setAttribute('aria-invalid', 'true');
    el.setAttribute('aria-describedby', id);
  });
  translate(form);
  const first = problems[0]?.[0];
  (first?.tagName === 'FIELDSET' ? first.querySelector('input') : first)?.focus();
  return problems.length === 0;
}

/** The declaration the form shows filled in (a pre-declaration under review, or what was sent before a refusal). */
function readDraft(state) {
  try {
    return state.draft ? JSON.parse(state.draft) : null;
  } catch {
    return null;
  }
}

export function mount(root, state, ctx) {
  const p = state.prefill ?? {};
  const draft = readDraft(state);
  const header = draft?.header ?? {};
  const family = header.family ?? {};
  const answersBefore = draft?.answers ?? {};
  const packages = h('div', { class: 'field', hidden: answersBefore.unaccompaniedBaggage !== true },
    h('label', { for: 'decl-packages', 'data-i18n': 'unaccompaniedPackages' }),
    h('input', { id: 'decl-packages', name: 'unaccompaniedPackages', type: 'number', min: '1', value: String(draft?.unaccompaniedPackages || 1), inputmode: 'numeric' }));
  const assessment = assessmentPanel(ctx);
  const goods = goodsSection(draft?.goods, ctx.invoke('DeclarationCurrencies'), () => refreshAssessment());
  const familySection = h('fieldset', { class: 'family' },
    h('legend', { 'data-i18n': 'sec_family' }),
    h('p', { 'data-i18n': 'family_hint' }),
    stepper('aged20OrOver', 'aged20OrOver', { value: family.aged20OrOver ?? 0 }),
    stepper('aged6To19', 'aged6To19', { value: family.aged6To19 ?? 0 }),
    stepper('under6', 'under6', { value: family.under6 ?? 0 }));
  // novalidate: the browser's own bubbles speak the browser's language, not the passenger's; check() below
  // words each problem from the catalogue beside its field.
  const form = h('form', { class: 'declaration-form', novalidate: true },
    h('dl', { class: 'from-passport' },
      h('dt', { 'data-i18n': 'fieldName' }), h('dd', {}, p.name ?? ''),
      h('dt', { 'data-i18n': 'fieldPassportNumber' }), h('dd', {}, p.passportNumber ?? ''),
      h('dt', { 'data-i18n': 'fieldNationality' }), h('dd', {}, p.nationality ?? ''),
      h('dt', { 'data-i18n': 'fieldDateOfBirth' }), h('dd', {}, p.dateOfBirth ?? '')),
    p.guardianName ? h('p', { class: 'guardian', 'data-guardian': 'true', 'data-i18n': 'declaredByGuardian', 'data-i18n-vars': JSON.stringify({ name: p.guardianName }) }) : null,
    textField('flightOrVessel', 'fieldFlight', undefined, header.flightOrVessel),
    textField('embarkationPoint', 'fieldEmbarkation', undefined, header.embarkationPoint),
    textField('addressInJapan', 'fieldAddress', 'street-address', header.addressInJapan),
    optionalField('phone', 'phone', header.phone),
    optionalField('occupation', 'occupation', header.occupation),
    familySection,
    QUESTIONS.map(q => question(q, answersBefore[q])),
    packages,
    goods.element,
    assessment.element,
    state.reviewing ? h('p', { class: 'certify', 'data-i18n': 'certifyText' }) : null,
    h('button', { type: 'submit', class: 'primary', 'data-action': 'submit-declaration', 'data-i18n': state.reviewing ? 'certifyDeclaration' : 'submitDeclaration' }));

  /** The form as the schema's JSON. A draft (for the running assessment) fills what is not answered yet, so the service
   * can read it; only its goods, the traveller's age and family count for the assessment. */
  function build(forDraft) {
    const value = name => form.elements[name].value.trim();
    const answers = Object.fromEntries(QUESTIONS.map(q => [q, form.elements[q].value === 'yes']));
    const text = name => value(name) || (forDraft ? '-' : '');
    const familyCount = name => {
      const raw = form.querySelector(`[data-stepper='${name}']`).value.trim();
      return /^\d+$/.test(raw) ? Number(raw) : 0;
    };
    const packagesCount = /^\d+$/.test(value('unaccompaniedPackages')) ? Number(value('unaccompaniedPackages')) : 1;
    const optional = name => (value(name) ? { [name]: value(name) } : {});
    const read = goods.read();
    if (forDraft) {
      // A line still being typed is assessed as far as it goes, never refused for its missing words.
      read.goods.otherGoods = read.goods.otherGoods.map(item => ({ ...item, description: item.description || '-' }));
    }
    return {
      problems: read.problems,
      declaration: {
      schemaVersion: 1,
      ...(p.groupId ? { groupId: p.groupId } : {}),
      declarant: p.guardianName ? { role: 'guardian', guardianName: p.guardianName } : { role: 'self' },
      header: {
        flightOrVessel: text('flightOrVessel'),
        embarkationPoint: text('embarkationPoint'),
        arrivalDate: p.arrivalDate,
        name: p.name,
        addressInJapan: text('addressInJapan'),
        ...optional('phone'),
        nationality: p.nationality,
        ...optional('occupation'),
        dateOfBirth: p.dateOfBirth,
        passportNumber: p.passportNumber,
        family: { aged20OrOver: familyCount('aged20OrOver'), aged6To19: familyCount('aged6To19'), under6: familyCount('under6') },
      },
      answers,
      unaccompaniedPackages: answers.unaccompaniedBaggage ? packagesCount : 0,
      goods: read.goods,
      },
    };
  }

  function refreshAssessment() {
    const { declaration } = build(true);
    assessment.refresh(declaration, declaration.goods);
  }

  form.addEventListener('change', () => {
    packages.hidden = form.elements.unaccompaniedBaggage.value !== 'yes';
    refreshAssessment();
  });
  form.addEventListener('input', event => {
    if (event.target.closest('.goods, .family')) refreshAssessment();
  });
  form.addEventListener('submit', event => {
    event.preventDefault();
    const { declaration, problems } = build(false);
    if (!check(form, problems)) return;
    ctx.invoke('SubmitDeclaration', JSON.stringify(declaration));
  });
  refreshAssessment();

  // Cancelling throws the answers away: ask first (decision 0017). The dialog is part of the page, in the chosen
  // language, not the browser's confirm().
  const cancelButton = h('button', { type: 'button', class: 'secondary', 'data-action': 'cancel', 'data-i18n': 'cancel' });
  const confirm = h('div', { class: 'confirm', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text', 'data-confirm': 'cancel', hidden: true },
    h('h2', { id: 'confirm-title', 'data-i18n': 'cancelConfirmTitle' }),
    h('p', { id: 'confirm-text', 'data-i18n': 'cancelConfirmText' }),
    h('div', { class: 'choices' },
      h('button', { type: 'button', class: 'primary', 'data-action': 'keep-answers', 'data-i18n': 'cancelConfirmNo', onclick: () => {
        confirm.hidden = true;
        cancelButton.focus();
      } }),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'discard-answers', 'data-i18n': 'cancelConfirmYes', onclick: () => ctx.invoke('Cancel') })));
  cancelButton.addEventListener('click', () => {
    confirm.hidden = false;
    confirm.querySelector('[data-action=keep-answers]').focus();
  });

  // The service's field errors, each worded in the passenger's language from its problem code.
  const fieldErrors = (state.fieldErrors ?? []).length === 0 ? null : h('ul', { class: 'field-errors', 'data-field-errors': 'true' },
    state.fieldErrors.map(e => h('li', { 'data-path': e.path, 'data-problem': e.problem, 'data-i18n': `fieldError_${e.problem}` })));

  // The service's text is for the log; the passenger reads the code's words in their language. Shown in place (see
  // problemInPlace): a wrong code scanned after typing leaves the typing in the form.
  const problemSlot = h('div', { 'data-problem-slot': 'true' });
  function showProblem(problem) {
    problemSlot.replaceChildren(...(problem ? [h('p', { class: 'problem', role: 'alert', 'data-code': problem.code,
      'data-i18n': fieldErrors ? 'declarationRefused' : ctx.has(`problem_${problem.code}`) ? `problem_${problem.code}` : 'problem_unknown' })] : []));
  }
  showProblem(state.problem);

  root.append(h('section', { class: 'card declaration' },
    state.family ? h('p', { class: 'member', 'data-i18n': 'familyMember', 'data-i18n-vars': JSON.stringify({ n: state.member }) }) : null,
    title(state.reviewing ? 'reviewTitle' : 'declarationTitle'),
    state.reviewing ? h('p', { class: 'review-hint', 'data-review': 'true', 'data-i18n': 'reviewHint' }) : null,
    problemSlot,
    fieldErrors,
    h('p', { class: 'qr-hint', 'data-i18n': 'qrHint' }),
    h('p', { 'data-i18n': 'orFillIn' }),
    form,
    cancelButton,
    confirm));
  return { unmount: () => assessment.stop(), update: next => showProblem(next.problem) };
}

/** A new problem (a wrong code scanned) updates this screen in place instead of drawing a fresh form (app.js keyOf). */
export const problemInPlace = true;
