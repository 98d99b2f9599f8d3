// Strings live in i18n/<language>.json, one file per language: the traveller catalogue in the repository's
// i18n/traveller/, shared with the phone pre-declaration page and linked here at build (decision 0016). Elements carry the key in data-i18n
// (text), data-i18n-label (aria-label) or data-i18n-placeholder, so a language switch re-labels the
// screen in place without losing what the passenger has typed or the camera stream.
const cache = new Map();
let strings = {};

/** Each language offered in its own script, so a passenger can find theirs. */
export const LANGUAGE_NAMES = Object.freeze({
  ja: '日本語',
  en: 'English',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  ko: '한국어',
});

export async function loadStrings(language) {
  if (!cache.has(language)) {
    const response = await fetch(`i18n/${language}.json`, { cache: 'no-store' });
    cache.set(language, await response.json());
  }
  strings = cache.get(language);
}

/** Whether the catalogue has words for this key (a problem code the service added later may have none yet). */
export function has(key) {
  return Object.hasOwn(strings, key);
}

export function t(key, vars) {
  let text = strings[key] ?? key;
  for (const [name, value] of Object.entries(vars ?? {})) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

export function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    const vars = el.dataset.i18nVars ? JSON.parse(el.dataset.i18nVars) : undefined;
    el.textContent = t(el.dataset.i18n, vars);
  }
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
}
