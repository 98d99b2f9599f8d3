// Officer console: the paged referral queue (pushed live over SignalR), claiming, the case view and its acts.
// Closing asks for confirmation, then waits CLOSE_DELAY_S seconds with an Undo button before it is sent.
import { t, yen } from "/console/i18n.js";
import { startShell, connect, errorText, el } from "/console/shell.js";
import { detainForm } from "./detain.js";

const CLOSE_DELAY_S = 6;
const PAGE_SIZE = 20;
const OUTCOMES = ["released", "inspectedNothingFound", "inspectedFinding", "dutyAssessedAndPaid", "goodsDetained", "referredToQuarantine", "referredToPolice"];
const METHODS = ["cash", "creditCard", "electronicMoney"];

let me = null;
let page = 1;
let lastPage = null;
let current = null; // the CaseView shown
let pendingClose = null;
const seen = new Set();
const announce = text => { document.getElementById("announce").textContent = text; };

function filters() {
  const f = document.getElementById("filters");
  return {
    page, pageSize: PAGE_SIZE,
    reasonCode: f.reason.value.trim() || null,
    flight: f.flight.value.trim() || null,
    minWaitMinutes: f.minWait.value ? Number(f.minWait.value) : null,
  };
}

const minutesSince = iso => Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 60000));

async function loadQueue() {
  lastPage = await connection.invoke("GetQueue", filters());
  renderQueue();
}

function renderQueue() {
  if (!lastPage) return;
  const body = document.querySelector("#queue tbody");
  const pages = Math.max(1, Math.ceil(lastPage.total / lastPage.pageSize));
  body.replaceChildren(...lastPage.entries.map(e => {
    const r = e.referral;
    const mine = e.claimedBy === me.userName;
    let action;
    if (!e.claimedBy) action = el("button", { type: "button", className: "claim", onclick: () => claim(r.caseNumber), "aria-label": `${t("queue.claim")} — ${t("queue.case")} ${r.caseNumber}` }, t("queue.claim"));
    else if (mine) action = el("button", { type: "button", className: "secondary", onclick: () => openCase(r.caseNumber), "aria-label": `${t("queue.open")} — ${t("queue.case")} ${r.caseNumber}` }, t("queue.open"));
    else if (me.role === "supervisor") action = el("button", { type: "button", className: "secondary", onclick: () => claim(r.caseNumber, true), "aria-label": `${t("queue.takeOver")} — ${t("queue.case")} ${r.caseNumber}` }, t("queue.takeOver"));
    else action = el("span", { className: "muted" }, "—");
    const row = el("tr", { dataset: { caseNumber: r.caseNumber, sessionId: r.sessionId } },
      // Five columns, longest wait first and largest, so the queue fits half of a 1280 px screen without scrolling.
      el("td", { className: "wait" }, t("queue.waitMin", { n: minutesSince(r.raisedAt) })),
      el("td", {}, el("strong", { className: "case-no" }, String(r.caseNumber)), el("br"), el("span", { className: "muted" }, e.flight || t("unknown"))),
      el("td", {}, r.name || t("unknown"), el("br"), el("span", { className: "muted" }, r.documentNumber || "")),
      el("td", {}, el("ul", {}, ...r.reasons.map(x => el("li", {}, el("code", {}, x.code))))),
      el("td", {}, el("span", { className: "holder" }, e.claimedBy || t("queue.nobody")), el("br"), action));
    if (seen.size && !seen.has(r.caseNumber)) row.classList.add("new");
    return row;
  }));
  for (const e of lastPage.entries) seen.add(e.referral.caseNumber);
  document.getElementById("case-count").textContent = String(lastPage.total);
  document.getElementById("no-cases").hidden = lastPage.total > 0;
  document.getElementById("page-of").textContent = t("queue.pageOf", { page: lastPage.page, pages, total: lastPage.total });
  document.getElementById("prev").disabled = page <= 1;
  document.getElementById("next").disabled = page >= pages;
  const codes = new Set(lastPage.entries.flatMap(e => e.referral.reasons.map(x => x.code)));
  document.getElementById("reason-codes").replaceChildren(...[...codes].sort().map(c => el("option", { value: c })));
}

async function claim(caseNumber, takeOver = false) {
  try {
    await connection.invoke(takeOver ? "TakeOverCase" : "ClaimCase", caseNumber);
    await openCase(caseNumber);
  } catch (err) {
    announce(errorText(err));
    showError(errorText(err));
  }
  await loadQueue();
}

function showError(text) {
  let p = document.getElementById("case-error");
  if (!p) {
    p = el("p", { id: "case-error", className: "error", role: "alert" });
    document.getElementById("case").prepend(p);
  }
  p.textContent = text;
}

async function openCase(caseNumber) {
  current = await connection.invoke("GetCase", caseNumber);
  renderCase();
  document.getElementById("case").focus();
}

const yesNo = v => v === true ? el("span", { className: "badge ok" }, t("yes")) : v === false ? el("span", { className: "badge bad" }, t("no")) : t("unknown");
const facts = pairs => el("dl", { className: "facts" }, ...pairs.flatMap(([k, v]) => [el("dt", {}, t(k)), el("dd", {}, v ?? t("unknown"))]));

function renderCase() {
  const body = document.getElementById("case-body");
  document.getElementById("case-error")?.remove();
  document.getElementById("case-empty").hidden = !!current;
  if (!current) { body.replaceChildren(); return; }
  const c = current, r = c.referral, n = r.caseNumber;
  const parts = [];
  parts.push(el("p", { className: "row" }, el("strong", { className: "total" }, `${t("case.title")} ${n} — ${r.name || t("unknown")}`),
    el("span", {}, t("case.heldBy", { who: c.claimedBy || t("queue.nobody") })),
    el("button", { type: "button", className: "secondary", id: "release", onclick: release }, t("case.release"))));
  parts.push(el("h3", {}, t("case.reasonsTitle")), el("ul", { className: "reasons" }, ...r.reasons.map(x => el("li", {}, el("code", {}, x.code), " ", x.text))));

  parts.push(el("h3", {}, t("case.document")));
  if (c.document) {
    const d = c.document;
    const pa = d.passiveAuthentication;
    parts.push(facts([
      ["case.mrz", el("code", {}, d.mrzLines.join("\n"))], ["case.issuingState", d.issuingState], ["case.nationality", d.nationality],
      ["case.dateOfBirth", d.dateOfBirth], ["case.expiry", d.expiryDate], ["case.sex", d.sex], ["case.chip", d.chip],
      ["case.pa", pa ? el("span", { className: `badge ${pa === "OK" ? "ok" : "bad"}` }, pa) : t("unknown")], ["case.aa", yesNo(d.activeAuthentication)],
      ["case.ca", d.chipAuthentication ? el("span", { className: `badge ${d.chipAuthentication === "Failed" || d.chipAuthentication === "Missing" ? "bad" : "ok"}` }, d.chipAuthentication) : t("unknown")],
    ]));
  } else parts.push(el("p", { className: "muted" }, t("case.noDocument")));

  parts.push(el("h3", {}, t("case.face")));
  if (c.face) {
    const f = c.face;
    const pass = f.score != null && f.threshold != null && f.score >= f.threshold;
    parts.push(facts([
      ["case.score", el("span", { className: `badge ${pass ? "ok" : "bad"}` }, f.score?.toFixed(3) ?? "—")], ["case.threshold", f.threshold?.toFixed(3)],
      ["case.live", yesNo(f.live)], ["case.quality", yesNo(f.qualityOk)],
    ]));
  } else parts.push(el("p", { className: "muted" }, t("case.noFace")));

  parts.push(el("h3", {}, t("case.declaration")));
  if (c.declaration) {
    const d = c.declaration;
    parts.push(facts([["case.flight", d.flight], ["case.arrival", d.arrivalDate]]));
    const rows = d.lines.map(l => {
      const officer = c.officerAssessments.find(a => a.path === l.path);
      const cells = [
        el("td", {}, l.description, el("br"), el("span", { className: "muted" }, l.category)),
        el("td", { className: "num" }, `${l.quantity} ${l.unit}`),
        el("td", { className: "num" }, l.overseasValueYen != null ? `¥${yen(l.overseasValueYen)}` : "—"),
        el("td", {}, el("span", { className: `badge ${l.referredToOfficer ? "warn" : l.outcome === "Dutiable" ? "bad" : "ok"}` }, t("line." + l.outcome)), el("br"), el("span", { className: "muted" }, l.reason),
          officer ? el("p", { className: "assessed" }, t("assess.done", { who: officer.officer, value: yen(officer.customsValueYen), rate: officer.ratePercent, duty: yen(officer.dutyYen) })) : null,
          l.referredToOfficer && !c.payment ? assessForm(n, l, officer) : null),
        el("td", { className: "duty" }, `¥${yen(l.dutyYen)}`),
      ];
      return el("tr", { dataset: { path: l.path } }, ...cells);
    });
    parts.push(el("table", { className: "lines" },
      el("thead", {}, el("tr", {}, ...["case.goods", "case.quantity", "case.value", "case.outcome", "case.duty"].map(k => el("th", { scope: "col" }, t(k))))),
      el("tbody", {}, ...rows)));
    parts.push(el("p", {}, t("case.totalDuty"), ": ", el("strong", { className: "total", id: "duty-due" }, `¥${yen(c.dutyDueYen)}`)));
  } else parts.push(el("p", { className: "muted" }, t("case.noDeclaration")));

  parts.push(el("h3", {}, t("case.risk")));
  if (c.risk) {
    parts.push(c.risk.hits.length ? el("ul", {}, ...c.risk.hits.map(h => el("li", {}, el("code", {}, h)))) : el("p", { className: "muted" }, t("case.riskNone")));
    if (c.risk.selected != null) parts.push(facts([["case.selected", yesNo(c.risk.selected)]]));
  } else parts.push(el("p", { className: "muted" }, t("case.riskNone")));

  if (c.declaration) {
    parts.push(el("h3", {}, t("pay.title")));
    if (c.payment) {
      parts.push(el("p", { id: "paid" }, el("span", { className: "badge ok" }, t("pay.done", { amount: yen(c.payment.amountYen), method: t("pay." + c.payment.method) }))));
    } else if (c.dutyDueYen > 0) {
      parts.push(paymentForm(n));
    }
    parts.push(el("p", {}, el("a", { href: `/api/cases/${n}/duty-notice.pdf`, id: "duty-notice", target: "_blank" }, t("pay.notice"))));
  }
  parts.push(detainForm(n, announce));
  parts.push(closeForm(n));
  body.replaceChildren(...parts);
}

function assessForm(caseNumber, line, officer) {
  const id = line.path.replace(/[^a-z0-9]/gi, "_");
  const form = el("form", { className: "assess row" },
    el("label", {}, t("assess.customsValue"), el("input", { name: "value", inputMode: "numeric", required: true, id: `value-${id}`, value: officer ? String(officer.customsValueYen) : "" })),
    el("label", {}, t("assess.rate"), el("input", { name: "rate", inputMode: "decimal", required: true, id: `rate-${id}`, value: officer ? String(officer.ratePercent) : "" })),
    el("button", { type: "submit" }, t("assess.submit")),
    el("span", { className: "error", role: "alert" }));
  form.setAttribute("aria-label", `${t("assess.title")}: ${line.description}`);
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    try {
      current = await connection.invoke("AssessLine", { caseNumber, path: line.path, customsValueYen: Number(form.elements.value.value), ratePercent: Number(form.elements.rate.value) });
      renderCase();
      announce(t("assess.done", { who: me.userName, value: form.elements.value.value, rate: form.elements.rate.value, duty: "" }));
    } catch (err) { form.querySelector(".error").textContent = errorText(err); }
  });
  return form;
}

function paymentForm(caseNumber) {
  const form = el("form", { className: "row", id: "payment" },
    el("label", {}, t("pay.amount"), el("input", { name: "amount", inputMode: "numeric", required: true, id: "pay-amount" })),
    el("label", {}, t("pay.method"), el("select", { name: "method", required: true, id: "pay-method" },
      el("option", { value: "" }, t("pay.choose")), ...METHODS.map(m => el("option", { value: m }, t("pay." + m))))),
    el("button", { type: "submit" }, t("pay.submit")),
    el("span", { className: "error", role: "alert" }));
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    try {
      current = await connection.invoke("RecordPayment", { caseNumber, amountYen: Number(form.elements.amount.value), method: form.elements.method.value });
      renderCase();
    } catch (err) { form.querySelector(".error").textContent = errorText(err); }
  });
  return form;
}

function closeForm(caseNumber) {
  const fieldset = el("fieldset", { className: "outcomes" }, el("legend", {}, t("close.outcome")),
    ...OUTCOMES.map(o => el("label", {}, el("input", { type: "radio", name: "outcome", value: o }), t("outcome." + o))));
  const form = el("form", { id: "close" },
    el("h3", {}, t("close.title")), fieldset,
    el("p", {}, el("label", {}, t("close.note"), el("input", { name: "note", maxLength: 500, size: 40 }))),
    el("button", { type: "submit", id: "close-case" }, t("close.submit")),
    el("p", { className: "error", role: "alert", id: "close-error" }),
    el("div", { id: "pending", "aria-live": "assertive" }));
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    const error = form.querySelector("#close-error");
    error.textContent = "";
    const outcome = form.querySelector("input[name=outcome]:checked")?.value;
    if (!outcome) { error.textContent = t("close.chooseOutcome"); return; }
    const dialog = document.getElementById("confirm");
    document.getElementById("confirm-text").textContent = t("close.confirm", { n: caseNumber, outcome: t("outcome." + outcome) });
    dialog.returnValue = "";
    dialog.showModal();
    dialog.addEventListener("close", () => { if (dialog.returnValue === "yes") scheduleClose(caseNumber, outcome, form.elements.note.value, form); }, { once: true });
  });
  return form;
}

function scheduleClose(caseNumber, outcome, note, form) {
  const pending = form.querySelector("#pending");
  let left = CLOSE_DELAY_S;
  form.querySelector("#close-case").disabled = true;
  const text = el("span", {});
  const undo = el("button", { type: "button", className: "secondary", id: "undo-close" }, t("close.undo"));
  const box = el("p", { className: "pending" }, text, " ", undo);
  pending.replaceChildren(box);
  const tick = () => { text.textContent = t("close.pending", { n: caseNumber, s: left }); };
  tick();
  const timer = setInterval(async () => {
    left -= 1;
    if (left > 0) { tick(); return; }
    clearInterval(timer);
    pendingClose = null;
    try {
      await connection.invoke("DecideCase", { caseNumber, outcome, note });
      current = null;
      renderCase();
      announce(t("close.closed", { n: caseNumber, outcome: t("outcome." + outcome) }));
      const done = el("p", { id: "closed", role: "status" }, el("span", { className: "badge ok" }, t("close.closed", { n: caseNumber, outcome: t("outcome." + outcome) })),
        " ", el("a", { href: `/api/cases/${caseNumber}/duty-notice.pdf`, target: "_blank" }, t("pay.notice")));
      document.getElementById("case-body").replaceChildren(done);
    } catch (err) {
      form.querySelector("#close-case").disabled = false;
      pending.replaceChildren();
      form.querySelector("#close-error").textContent = errorText(err);
    }
  }, 1000);
  pendingClose = timer;
  undo.addEventListener("click", () => {
    clearInterval(timer);
    pendingClose = null;
    form.querySelector("#close-case").disabled = false;
    pending.replaceChildren(el("p", {}, t("close.undone")));
    form.querySelector("#close-case").focus();
  });
  undo.focus();
}

async function release() {
  try {
    await connection.invoke("ReleaseClaim", current.referral.caseNumber);
    current = null;
    renderCase();
  } catch (err) { showError(errorText(err)); }
  await loadQueue();
}

let reloading = null;
function reloadSoon() {
  clearTimeout(reloading);
  reloading = setTimeout(() => loadQueue().catch(() => {}), 150);
}

function labelWaits() {
  for (const o of document.querySelectorAll("#filter-wait option[value]:not([value=''])")) o.textContent = t("queue.minutes", { n: o.value });
}

me = await startShell(() => { labelWaits(); renderQueue(); if (current) renderCase(); });
const connection = me && connect({
  ReferralRaised: r => { announce(t("queue.newReferral", { n: r.caseNumber })); reloadSoon(); },
  CaseClaimChanged: claimChange => {
    reloadSoon();
    if (current && claimChange.caseNumber === current.referral.caseNumber && claimChange.claimedBy !== me.userName && !pendingClose) {
      openCase(claimChange.caseNumber).catch(() => {});
    }
  },
  CaseClosed: () => reloadSoon(),
  KioskStatusChanged: () => {},
}, loadQueue);

document.getElementById("filters").addEventListener("submit", ev => { ev.preventDefault(); page = 1; loadQueue(); });
document.getElementById("prev").addEventListener("click", () => { if (page > 1) { page--; loadQueue(); } });
document.getElementById("next").addEventListener("click", () => { page++; loadQueue(); });
setInterval(renderQueue, 30_000);
