// What the phone pages (predeclare.js, the arrival declaration; currency.js, the currency declaration) share: the
// traveller catalogue in five languages (i18n/<tag>.json, decision 0016, shared with the kiosk), the first language
// from the phone's settings, and the error summary with each error beside its field (linked, announced, described).
// A classic script loaded before each page's own; it only defines PhonePage.
"use strict";

const PhonePage = (() => {
  const LANGUAGES = ["ja", "en", "zh-Hans", "zh-Hant", "ko"];
  const catalogues = new Map();
  let lang = "en";

  // All five are loaded before the page is wired, so a language switch relabels at once.
  async function loadCatalogues() {
    await Promise.all(LANGUAGES.map(async code => {
      const response = await fetch(`i18n/${code}.json`, { cache: "no-cache" });
      if (!response.ok) throw new Error(`i18n/${code}.json: HTTP ${response.status}`);
      catalogues.set(code, await response.json());
    }));
  }

  /** The page's language from now on: a known one, else English. */
  function use(next) {
    lang = LANGUAGES.includes(next) ? next : "en";
    return lang;
  }

  function t(key, ...args) {
    const text = catalogues.get(lang)?.[key] ?? key;
    return text.replace(/\{(\d)\}/g, (_, i) => args[Number(i)] ?? "");
  }

  function initialLanguage() {
    const saved = localStorage.getItem("pg-lang");
    if (LANGUAGES.includes(saved)) return saved;
    for (const l of navigator.languages || []) {
      const lower = l.toLowerCase();
      if (lower.startsWith("ja")) return "ja";
      if (lower.startsWith("ko")) return "ko";
      if (lower === "zh-tw" || lower === "zh-hk" || lower === "zh-mo" || lower.startsWith("zh-hant")) return "zh-Hant";
      if (lower.startsWith("zh")) return "zh-Hans";
      if (lower.startsWith("en")) return "en";
    }
    return "ja";
  }

  function labelFor(el) {
    if (el.tagName === "FIELDSET") return el.querySelector("legend").textContent;
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
    return label ? label.textContent : "";
  }

  /**
   * Shows errors ({ el, key } from the page's own checks or { el, text } from the service; el null for the form as a
   * whole) in #error-summary and beside each field; serverRefused titles the summary as the service's refusal.
   */
  function renderErrors(shownErrors, serverRefused, moveFocus) {
    for (const old of document.querySelectorAll(".field-error")) old.remove();
    for (const el of document.querySelectorAll("[aria-invalid]")) {
      el.removeAttribute("aria-invalid");
      if (el.dataset.describedBy !== undefined) {
        if (el.dataset.describedBy) el.setAttribute("aria-describedby", el.dataset.describedBy);
        else el.removeAttribute("aria-describedby");
      }
    }
    const summary = document.getElementById("error-summary");
    const list = document.getElementById("error-list");
    list.replaceChildren();
    summary.hidden = shownErrors.length === 0;
    if (shownErrors.length === 0) return;
    summary.querySelector("h2").textContent = serverRefused ? t("err_server") : t("errors_title");

    shownErrors.forEach((e, i) => {
      const message = e.key ? t(e.key) : e.text;
      const li = document.createElement("li");
      if (e.path) li.dataset.path = e.path;
      if (e.el) {
        const errorId = `error-${i}`;
        const p = document.createElement("p");
        p.className = "field-error";
        p.id = errorId;
        p.textContent = message;
        (e.el.tagName === "FIELDSET" ? e.el : e.el.closest(".field, label") || e.el).append(p);
        e.el.setAttribute("aria-invalid", "true");
        if (e.el.dataset.describedBy === undefined) e.el.dataset.describedBy = e.el.getAttribute("aria-describedby") || "";
        e.el.setAttribute("aria-describedby", `${e.el.dataset.describedBy} ${errorId}`.trim());
        const a = document.createElement("a");
        a.href = `#${e.el.id}`;
        a.textContent = `${labelFor(e.el)}: ${message}`;
        a.addEventListener("click", ev => {
          ev.preventDefault();
          (e.el.tagName === "FIELDSET" ? e.el.querySelector("input") : e.el).focus();
        });
        li.append(a);
      } else {
        li.textContent = message;
      }
      list.append(li);
    });
    if (moveFocus) summary.focus();
  }

  /**
   * Sends a declaration. Answers { issued } (the service's 201 body) or { refused } (its RFC 9457 errors as page errors:
   * each at the control elementForPath finds, worded from its rule when the catalogue words that rule, else in general
   * words, since the service's messages are English for developers); throws on a network or other HTTP failure.
   */
  async function post(url, declaration, elementForPath, wordedRules) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(declaration),
    });
    if (response.status === 400) {
      const body = await response.json();
      return {
        refused: (body.errors || []).map(e => {
          const el = elementForPath(e.path);
          const key = wordedRules.includes(e.rule) ? `fieldError_${e.rule}` : "err_refused";
          return el ? { el, key, path: e.path } : { el: null, text: `${e.path}: ${t(key)}`, path: e.path };
        }),
      };
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return { issued: await response.json() };
  }

  return { LANGUAGES, catalogues, loadCatalogues, use, t, initialLanguage, renderErrors, post };
})();
