// Phone pre-declaration (docs/arrival-declaration-schema.md): fills one traveller's declaration,
// checks it, sends it to POST /api/predeclarations and shows the signed QR. Family members each
// make their own; the flight details are kept and every declaration from this phone shares a groupId.
// The language can change at any time: only texts are replaced, never the values typed in.
"use strict";

const QUESTIONS = ["prohibitedOrRestricted", "goldBullionOrProducts", "overDutyFreeAllowance", "commercialGoodsOrSamples",
  "carriedForSomeoneElse", "paymentMeansOverThreshold", "unaccompaniedBaggage"];
// Kept for the next family member: they travel on the same flight to the same address.
const SHARED_FIELDS = ["flightOrVessel", "embarkationPoint", "arrivalDate", "addressInJapan", "aged20OrOver", "aged6To19", "under6"];

const $ = id => document.getElementById(id);
const form = $("form");
const langSelect = $("lang");
let lang = "en";
let lineCounter = 0;
let shownErrors = [];      // { el, key } from this page's checks, or { el, text } from the service
let serverRefused = false;
// QRs made in this tab, newest first; kept in sessionStorage so a reload does not lose them.
const issued = JSON.parse(sessionStorage.getItem("pg-issued") || "[]");
const groupId = sessionStorage.getItem("pg-group") || newGroupId();
sessionStorage.setItem("pg-group", groupId);

function newGroupId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
}

const { LANGUAGES, catalogues, loadCatalogues, t, initialLanguage } = PhonePage;

function applyLanguage(next) {
  lang = PhonePage.use(next);
  document.documentElement.lang = lang;
  langSelect.value = lang;
  localStorage.setItem("pg-lang", lang);
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  relabelLines();
  renderErrors(false);
  renderQrCards();
}

// ---- building the form ----------------------------------------------------------------------

function buildQuestions() {
  const host = $("questions");
  const template = $("question-template");
  for (const name of QUESTIONS) {
    const node = template.content.firstElementChild.cloneNode(true);
    node.id = `q-${name}`;
    node.dataset.path = `answers.${name}`;
    node.querySelector("legend").dataset.i18n = `q_${name}`;
    for (const radio of node.querySelectorAll("input")) {
      radio.name = name;
      radio.required = true;
    }
    host.append(node);
  }
  for (const radio of document.querySelectorAll("input[name=unaccompaniedBaggage]")) {
    radio.addEventListener("change", () => { $("packages-field").hidden = radio.value !== "true"; });
  }
}

function addLine(listId, templateId) {
  const node = $(templateId).content.firstElementChild.cloneNode(true);
  const n = ++lineCounter;
  for (const control of node.querySelectorAll("[data-name]")) control.id = `${listId}-${n}-${control.dataset.name}`;
  for (const label of node.querySelectorAll("label[data-for]")) label.htmlFor = `${listId}-${n}-${label.dataset.for}`;
  node.querySelector(".remove").addEventListener("click", () => {
    node.remove();
    relabelLines();
    $(listId === "alcohol-lines" ? "add-alcohol" : "add-other").focus();
  });
  $(listId).append(node);
  for (const el of node.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  relabelLines();
  node.querySelector("select, input").focus();
  return node;
}

function relabelLines() {
  for (const [listId, key] of [["alcohol-lines", "line_alcohol"], ["other-lines", "line_other"]]) {
    [...$(listId).children].forEach((line, i) => {
      line.setAttribute("aria-label", t(key, i + 1));
      line.querySelector(".remove").setAttribute("aria-label", `${t("remove")}: ${t(key, i + 1)}`);
    });
  }
}

// ---- reading and checking ---------------------------------------------------------------------

function readDeclaration() {
  const errors = [];
  const text = id => $(id).value.trim();
  const need = (id, value) => { if (!value) errors.push({ el: $(id), key: "err_required" }); return value; };
  const count = (el, min = 0, optional = true) => {
    const raw = el.value.trim();
    if (raw === "" && optional) return min === 0 ? 0 : null;
    if (!/^\d+$/.test(raw) || Number(raw) < min) {
      errors.push({ el, key: raw === "" ? "err_required" : (min === 1 ? "err_min1" : "err_number") });
      return null;
    }
    return Number(raw);
  };
  const amount = (el, optional) => {
    const raw = el.value.trim();
    if (raw === "" && optional) return 0;
    const value = Number(raw);
    if (raw === "" || !Number.isFinite(value) || value < 0) {
      errors.push({ el, key: raw === "" ? "err_required" : "err_amount" });
      return null;
    }
    return value;
  };

  const role = form.querySelector("input[name=role]:checked").value;
  const declarant = { role };
  if (role === "guardian") declarant.guardianName = need("guardianName", text("guardianName"));

  const nationality = text("nationality").toUpperCase();
  $("nationality").value = nationality;
  const header = {
    flightOrVessel: need("flightOrVessel", text("flightOrVessel")),
    embarkationPoint: need("embarkationPoint", text("embarkationPoint")),
    arrivalDate: need("arrivalDate", text("arrivalDate")),
    name: need("name", text("name")),
    addressInJapan: need("addressInJapan", text("addressInJapan")),
    phone: text("phone"),
    nationality: need("nationality", nationality),
    occupation: text("occupation"),
    dateOfBirth: need("dateOfBirth", text("dateOfBirth")),
    passportNumber: need("passportNumber", text("passportNumber").toUpperCase()),
    family: { aged20OrOver: count($("aged20OrOver")), aged6To19: count($("aged6To19")), under6: count($("under6")) },
  };
  if (nationality && !/^[A-Z<]{1,3}$/.test(nationality)) errors.push({ el: $("nationality"), key: "err_nationality" });
  if (header.dateOfBirth && header.arrivalDate && header.dateOfBirth > header.arrivalDate) errors.push({ el: $("dateOfBirth"), key: "err_birth_after_arrival" });
  if (text("residentOfJapan")) header.residentOfJapan = text("residentOfJapan") === "true";

  const answers = {};
  for (const name of QUESTIONS) {
    const checked = form.querySelector(`input[name=${name}]:checked`);
    if (checked) answers[name] = checked.value === "true";
    else errors.push({ el: $(`q-${name}`), key: "err_choose" });
  }
  const unaccompaniedPackages = answers.unaccompaniedBaggage ? count($("unaccompaniedPackages"), 1, false) : 0;

  const alcohol = [...$("alcohol-lines").children].map(line => ({
    kind: line.querySelector("[data-name=kind]").value,
    bottles: count(line.querySelector("[data-name=bottles]"), 1, false),
    volumeMlPerBottle: count(line.querySelector("[data-name=volumeMlPerBottle]"), 1, false),
  }));
  const otherGoods = [...$("other-lines").children].map(line => {
    const field = name => line.querySelector(`[data-name=${name}]`);
    const currency = field("currency").value.trim().toUpperCase();
    field("currency").value = currency;
    if (!/^[A-Z]{3}$/.test(currency)) errors.push({ el: field("currency"), key: currency ? "err_currency" : "err_required" });
    const item = {
      description: field("description").value.trim(),
      quantity: count(field("quantity"), 1, false),
      unitRetailValue: amount(field("unitRetailValue"), false),
      currency,
      isSet: field("isSet").checked,
      forChild: field("forChild").checked,
    };
    if (!item.description) errors.push({ el: field("description"), key: "err_required" });
    if (field("exclusion").value) item.exclusion = field("exclusion").value;
    return item;
  });
  const goods = {
    alcohol,
    cigarettes: count($("cigarettes")),
    cigars: count($("cigars")),
    heatedTobacco: { packs: count($("heatedPacks")), unitsPerPack: count($("heatedUnitsPerPack"), 1, false), unit: $("heatedUnit").value },
    otherTobaccoGrams: count($("otherTobaccoGrams")),
    perfumeMl: amount($("perfumeMl"), true),
    otherGoods,
  };

  const declaration = { schemaVersion: 1, groupId, declarant, header, answers, unaccompaniedPackages, goods };
  return { declaration, errors };
}

// ---- errors -------------------------------------------------------------------------------------

function renderErrors(moveFocus) {
  PhonePage.renderErrors(shownErrors, serverRefused, moveFocus);
}

// Maps a service error path ("$.goods.otherGoods[1].currency") to the control that holds it.
function elementForPath(path) {
  const bare = path.replace(/^\$\.?/, "");
  const line = /^goods\.(alcohol|otherGoods)\[(\d+)\]\.(\w+)$/.exec(bare);
  if (line) {
    const lines = $(line[1] === "alcohol" ? "alcohol-lines" : "other-lines").children;
    return lines[Number(line[2])]?.querySelector(`[data-name=${line[3]}]`) ?? null;
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
    // The rule names the problem ("nationalityNotIcao"); the catalogue words it, as at the kiosk.
    // (The arrival-date words are the kiosk's "must be today"; the phone's window is wider, so it keeps the general words.)
    const answer = await PhonePage.post("/api/predeclarations", declaration, elementForPath, ["nationalityNotIcao", "currencyWithoutRate", "birthDateInFuture"]);
    if (answer.refused) {
      serverRefused = true;
      shownErrors = answer.refused;
      $("status").textContent = "";
      renderErrors(true);
      return;
    }
    const result = answer.issued;
    issued.unshift({ ...result, name: declaration.header.name });
    sessionStorage.setItem("pg-issued", JSON.stringify(issued));
    renderQrCards();
    form.hidden = true;
    $("result").hidden = false;
    $("add-member").hidden = false;
    $("status").textContent = t("issued");
    $("result-heading").focus();
  } catch {
    $("status").textContent = t("network_error");
  } finally {
    button.disabled = false;
  }
}

function renderQrCards() {
  const list = $("qr-list");
  list.replaceChildren();
  const format = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" });
  for (const q of issued) {
    const card = $("qr-template").content.firstElementChild.cloneNode(true);
    card.dataset.id = q.id;
    const img = card.querySelector("img");
    img.src = q.qrImageUrl;
    img.alt = t("qr_alt", q.name);
    card.querySelector(".qr-name").textContent = q.name;
    card.querySelector(".qr-expiry").textContent = t("result_expires", format.format(new Date(q.expiresAt)));
    card.querySelector(".qr-text").textContent = q.qrText;
    for (const el of card.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
    list.append(card);
  }
}

function startNextMember() {
  const keep = new Map(SHARED_FIELDS.map(id => [id, $(id).value]));
  form.reset();
  for (const [id, value] of keep) $(id).value = value;
  $("alcohol-lines").replaceChildren();
  $("other-lines").replaceChildren();
  $("guardian-field").hidden = true;
  $("packages-field").hidden = true;
  shownErrors = [];
  renderErrors(false);
  form.hidden = false;
  $("add-member").hidden = true;
  $("status").textContent = t("next_member");
  $("name").focus();
}

// ---- wiring ------------------------------------------------------------------------------------------

buildQuestions();
let wiredLanguage = null;
langSelect.addEventListener("change", () => {
  if (catalogues.size === LANGUAGES.length) applyLanguage(langSelect.value);
  else wiredLanguage = langSelect.value; // chosen before the words arrived: applied when they do
});
for (const radio of document.querySelectorAll("input[name=role]")) {
  radio.addEventListener("change", () => { $("guardian-field").hidden = radio.value !== "guardian" || !radio.checked; });
}
$("add-alcohol").addEventListener("click", () => addLine("alcohol-lines", "alcohol-template"));
$("add-other").addEventListener("click", () => addLine("other-lines", "other-template"));
$("add-member").addEventListener("click", startNextMember);
form.addEventListener("submit", submit);
loadCatalogues().then(() => {
  applyLanguage(wiredLanguage ?? initialLanguage());
  if (issued.length > 0) {
    form.hidden = true;
    $("result").hidden = false;
  }
  document.documentElement.dataset.i18nReady = "true";
});
