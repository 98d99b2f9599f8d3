// Phone pre-declaration of cash and other means of payment (docs/currency-declaration-schema.md; decision 0026):
// fills one bearer's declaration, checks it, sends it to POST /api/predeclarations/currency and shows the signed QR,
// which the kiosk's currency step opens and shows in its form. The words are the traveller catalogue's (decision 0016);
// the language can change at any time and only texts are replaced, never the values typed in.
"use strict";

const $ = id => document.getElementById(id);
const form = $("form");
const langSelect = $("lang");
let lang = "en";
let counter = 0;
let shownErrors = [];   // { el, key } from this page's checks, or { el, text } from the service
let serverRefused = false;
let lastIssued = null;
let instrumentInputs = []; // per instrument sent, its inputs by field name, to place the service's errors

const { LANGUAGES, catalogues, loadCatalogues, t, initialLanguage } = PhonePage;

function applyLanguage(next) {
  lang = PhonePage.use(next);
  document.documentElement.lang = lang;
  langSelect.value = lang;
  localStorage.setItem("pg-lang", lang);
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  document.title = t("pc_title");
  renderErrors(false);
  renderResult();
}

// ---- the form -------------------------------------------------------------------------------------

function addLine(kind) {
  const node = $(`${kind}-template`).content.firstElementChild.cloneNode(true);
  for (const input of node.querySelectorAll("[data-name]")) {
    input.id = `line-${++counter}`;
    input.closest(".field").querySelector("label").htmlFor = input.id;
  }
  node.querySelector(".remove").addEventListener("click", () => node.remove());
  for (const el of node.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  $(`${kind}-lines`).append(node);
  return node;
}

function direction() {
  return form.querySelector("input[name=direction]:checked").value;
}

function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** The form as the v1 JSON and this page's own problems; the service checks everything again. */
function readDeclaration() {
  const errors = [];
  const text = id => $(id).value.trim();
  const need = (id, key = "err_required") => {
    if (!text(id)) errors.push({ el: $(id), key });
    return text(id);
  };
  const amount = (input, { required = true, positive = true } = {}) => {
    const raw = input.value.trim();
    if (raw === "" && !required) return undefined;
    const value = Number(raw);
    if (raw === "" || !Number.isFinite(value) || value < 0 || (positive && value === 0)) {
      errors.push({ el: input, key: raw === "" ? "err_required" : "err_amount" });
    }
    return value;
  };
  const currency = input => {
    const code = input.value.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) errors.push({ el: input, key: "err_currency" });
    return code;
  };
  const departing = direction() === "departure";
  const declaration = {
    schemaVersion: 1,
    direction: direction(),
    declarationDate: need("declarationDate"),
    bearer: { name: need("name"), nationality: need("nationality").toUpperCase(), documentNumber: need("passportNumber").toUpperCase() },
    instruments: [],
  };
  if (declaration.bearer.nationality && !/^[A-Z]{1,3}$/.test(declaration.bearer.nationality)) errors.push({ el: $("nationality"), key: "err_nationality" });
  if (departing) {
    const country = text("destinationCountry").toUpperCase();
    if (!/^[A-Z]{3}$/.test(country)) errors.push({ el: $("destinationCountry"), key: country ? "cur_errCountry" : "err_required" });
    declaration.destinationCountry = country;
  }
  for (const field of ["flight", "bookingReference"]) {
    if (text(field)) declaration[field] = text(field).toUpperCase();
  }
  instrumentInputs = [];
  const value = (line, name) => line.querySelector(`[data-name=${name}]`);
  for (const line of $("cash-lines").children) {
    declaration.instruments.push({ kind: "cash", currency: currency(value(line, "currency")), amount: amount(value(line, "amount")) });
    instrumentInputs.push(line);
  }
  for (const line of $("paper-lines").children) {
    declaration.instruments.push({ kind: value(line, "kind").value, currency: currency(value(line, "currency")), amount: amount(value(line, "amount")) });
    instrumentInputs.push(line);
  }
  for (const line of $("securities-lines").children) {
    const item = { kind: "securities", currency: currency(value(line, "currency")) };
    for (const name of ["marketValue", "bookValue", "acquisitionValue"]) {
      const v = amount(value(line, name), { required: false, positive: false });
      if (v !== undefined) item[name] = v;
    }
    if (item.marketValue === undefined && item.bookValue === undefined && item.acquisitionValue === undefined) {
      errors.push({ el: value(line, "marketValue"), key: "err_required" });
    }
    declaration.instruments.push(item);
    instrumentInputs.push(line);
  }
  for (const line of $("metal-lines").children) {
    declaration.instruments.push({
      kind: "preciousMetal", metal: value(line, "metal").value, form: value(line, "form").value,
      weightGrams: amount(value(line, "weightGrams")), purityPercent: amount(value(line, "purityPercent")),
    });
    instrumentInputs.push(line);
  }
  if (declaration.instruments.length === 0) errors.push({ el: null, key: "cur_errNothing" });
  for (const [id, party] of [["ownerName", "owner"], ["recipientName", "recipient"]]) {
    if (text(id)) declaration[party] = { name: text(id) };
  }
  for (const id of ["origin", "intendedUse"]) {
    if (text(id)) declaration[id] = text(id);
  }
  return { declaration, errors };
}

// ---- errors ---------------------------------------------------------------------------------------

function renderErrors(moveFocus) {
  PhonePage.renderErrors(shownErrors, serverRefused, moveFocus);
}

// "$.instruments[1].amount" → that line's amount input; "$.bearer.name" → the name field.
function elementForPath(path) {
  const bare = path.replace(/^\$\.?/, "");
  const line = /^instruments\[(\d+)\](?:\.(\w+))?/.exec(bare);
  if (line) {
    const host = instrumentInputs[Number(line[1])];
    return host?.querySelector(`[data-name=${line[2]}]`) ?? host?.querySelector("[data-name]") ?? null;
  }
  return document.querySelector(`[data-path="${bare}"]`);
}

// ---- sending and showing the QR -------------------------------------------------------------------

async function submit(event) {
  event.preventDefault();
  const { declaration, errors } = readDeclaration();
  serverRefused = false;
  shownErrors = errors;
  renderErrors(true);
  if (errors.length > 0) return;
  const button = $("submit");
  button.disabled = true;
  $("status").textContent = t("submitting");
  try {
    const answer = await PhonePage.post("/api/predeclarations/currency", declaration, elementForPath, ["currencyWithoutRate"]);
    if (answer.refused) {
      serverRefused = true;
      shownErrors = answer.refused;
      $("status").textContent = "";
      renderErrors(true);
      return;
    }
    lastIssued = answer.issued;
    sessionStorage.setItem("pg-currency-issued", JSON.stringify(lastIssued));
    form.hidden = true;
    $("result").hidden = false;
    $("status").textContent = "";
    renderResult();
    $("result-heading").focus();
  } catch {
    $("status").textContent = t("network_error");
  } finally {
    button.disabled = false;
  }
}

function renderResult() {
  if (!lastIssued) return;
  const format = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" });
  $("qr-card").dataset.id = lastIssued.id;
  $("qr-image").src = lastIssued.qrImageUrl;
  $("qr-image").alt = t("result_title");
  $("qr-expiry").textContent = t("result_expires", format.format(new Date(lastIssued.expiresAt)));
  $("qr-text").textContent = lastIssued.qrText;
  const verdict = $("result-verdict");
  const known = typeof lastIssued.declarationRequired === "boolean";
  verdict.dataset.verdict = !known ? "unknown" : lastIssued.declarationRequired ? "required" : "notRequired";
  verdict.textContent = !known ? t("pc_unknownYet") : t(lastIssued.declarationRequired ? "cur_reviewRequired" : "cur_reviewNotRequired");
}

function wire() {
  for (const button of document.querySelectorAll("[data-add]")) {
    button.addEventListener("click", () => addLine(button.dataset.add).querySelector("[data-name]").focus());
  }
  for (const radio of form.querySelectorAll("input[name=direction]")) {
    radio.addEventListener("change", () => { $("destination-field").hidden = direction() !== "departure"; });
  }
  $("declarationDate").value = today();
  addLine("cash");
  form.addEventListener("submit", submit);
  $("again").addEventListener("click", () => {
    lastIssued = null;
    sessionStorage.removeItem("pg-currency-issued");
    $("result").hidden = true;
    form.hidden = false;
    $("submit").focus();
  });
  const kept = sessionStorage.getItem("pg-currency-issued");
  if (kept) {
    lastIssued = JSON.parse(kept);
    form.hidden = true;
    $("result").hidden = false;
  }
}

let wiredLanguage = null;
langSelect.addEventListener("change", () => {
  if (catalogues.size === LANGUAGES.length) applyLanguage(langSelect.value);
  else wiredLanguage = langSelect.value;
});

loadCatalogues().then(() => {
  wire();
  applyLanguage(wiredLanguage ?? initialLanguage());
  document.documentElement.dataset.i18nReady = "true";
}).catch(() => {
  $("status").textContent = "The page could not load its texts. Check your connection and reload.";
});
