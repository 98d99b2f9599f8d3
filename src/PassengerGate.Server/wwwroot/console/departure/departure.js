// Departure console (decision 0022): today's currency declarations and structuring flags, pushed live over
// /hubs/departure; count per instrument with the difference shown; outcomes; desk declarations; the red-lane
// tax-free inspection (taxfree.js).
import { lang } from "/console/i18n.js";
import { startShell, errorText, el } from "/console/shell.js";
import { attachInspections } from "./taxfree.js";

const words = {
  en: {
    title: "Departure console — currency declarations and tax-free inspection", flags: "Structuring flags", noFlags: "No flags.", queue: "Today's declarations",
    number: "Number", bearer: "Bearer", flight: "Flight / booking", total: "Total", status: "Status", action: "Action", open: "Open",
    check: "Check", choose: "Open a declaration from the list.", desk: "Desk declaration", deskJson: "Declaration (JSON, docs/currency-declaration-schema.md)",
    deskSubmit: "Record declaration", instrument: "Instrument", declared: "Declared", counted: "Counted", difference: "Difference", rateWeek: "Rate week",
    saveCount: "Record count", countedTotal: "Counted total", countDifference: "Difference to declared", outcome: "Outcome", origin: "Origin of the money",
    intendedUse: "Intended use", restrain: "Cash restrained", note: "Note", decide: "Record outcome", release: "Release restrained cash",
    receipt: "Retention receipt (PDF)", copy: "Traveller's copy (PDF)", evidence: "Evidence", recorded: "Recorded {n}.",
    verified: "Verified", falseDeclaration: "False declaration", missingDeclaration: "Missing declaration", referredPolice: "Referred to police",
    referredFiu: "Referred to the FIU", declared_: "Declared", connecting: "Connecting…", live: "Live", disconnected: "Disconnected — retrying",
  },
  ja: {
    title: "出国コンソール — 支払手段等の申告・免税品の検査", flags: "分割持出しの警告", noFlags: "警告はありません。", queue: "本日の申告",
    number: "番号", bearer: "携帯者", flight: "便・予約", total: "合計", status: "状態", action: "操作", open: "開く",
    check: "確認", choose: "一覧から申告を開いてください。", desk: "窓口での申告", deskJson: "申告（JSON、docs/currency-declaration-schema.md）",
    deskSubmit: "申告を記録", instrument: "支払手段", declared: "申告額", counted: "確認額", difference: "差額", rateWeek: "レート適用週",
    saveCount: "確認額を記録", countedTotal: "確認額合計", countDifference: "申告との差額", outcome: "結果", origin: "資金の出所",
    intendedUse: "使途", restrain: "留置する現金", note: "備考", decide: "結果を記録", release: "留置した現金を返還",
    receipt: "留置票（PDF）", copy: "申告書控（PDF）", evidence: "根拠となる申告", recorded: "{n} を記録しました。",
    verified: "確認済み", falseDeclaration: "虚偽申告", missingDeclaration: "無申告", referredPolice: "警察へ引継ぎ",
    referredFiu: "FIUへ通報", declared_: "申告済み", connecting: "接続中…", live: "接続中（ライブ）", disconnected: "切断 — 再接続中",
  },
};
const w = key => (words[lang] || words.en)[key] || words.en[key] || key;
const statusWord = s => w(s === "declared" ? "declared_" : s);
const OUTCOMES = ["verified", "falseDeclaration", "missingDeclaration", "referredPolice", "referredFiu"];
const money = n => n === null || n === undefined ? "" : Number(n).toLocaleString("en-US", { maximumFractionDigits: 2 });

const declarations = new Map();
let flags = [];
let current = null;
let connection = null;
let inspections = null;
const announce = text => { document.getElementById("announce").textContent = text; };

function translatePage() {
  for (const node of document.querySelectorAll("[data-d]")) node.textContent = w(node.dataset.d);
}

function setState(state, key) {
  const p = document.getElementById("hub-state");
  p.dataset.state = state;
  p.textContent = w(key);
  // The shell's header indicator follows this page's hub (the shell's own connect() is the officer hub's).
  const header = document.getElementById("connection");
  if (header) { header.dataset.state = state; header.removeAttribute("data-i18n"); header.textContent = w(key); }
}

function renderFlags() {
  const list = document.getElementById("flags");
  list.replaceChildren(...flags.map(f => el("li", { className: "flag", dataset: { key: f.key } },
    el("strong", {}, f.key), " — ", f.text, " ", el("span", { className: "evidence" }, `${w("evidence")}: ${f.declarationNumbers.join(", ")}`))));
  document.getElementById("no-flags").hidden = flags.length > 0;
}

function renderQueue() {
  const body = document.querySelector("#declarations tbody");
  const rows = [...declarations.values()].sort((a, b) => b.id - a.id);
  body.replaceChildren(...rows.map(d => el("tr", { dataset: { number: d.number } },
    el("td", {}, d.number),
    el("td", {}, `${d.bearerName ?? ""} (${d.bearerNationality ?? ""} ${d.bearerDocumentNumber ?? ""})`),
    el("td", {}, [d.flight, d.bookingReference].filter(Boolean).join(" / ")),
    el("td", { className: "num" }, `${money(d.total)} ${d.reportingCurrency}`),
    el("td", { className: "status" }, statusWord(d.status)),
    el("td", {}, el("button", { type: "button", onclick: () => show(d.id) }, w("open"))))));
  document.getElementById("count").textContent = String(rows.length);
}

function show(id) {
  current = declarations.get(id);
  renderCheck();
  document.getElementById("check").focus();
}

function renderCheck() {
  const body = document.getElementById("check-body");
  document.getElementById("check-empty").hidden = !!current;
  if (!current) { body.replaceChildren(); delete body.dataset.id; return; }
  const d = current;
  const open = d.status === "declared";
  const table = el("table", { id: "count-table" },
    el("thead", {}, el("tr", {}, ...["instrument", "declared", "rateWeek", "counted", "difference"].map(k => el("th", { scope: "col" }, w(k))))),
    el("tbody", {}, ...d.instruments.map((i, n) => el("tr", { dataset: { path: i.path } },
      el("td", {}, `${i.kind} ${i.currency ?? ""}`),
      el("td", { className: "num" }, money(i.declared)),
      el("td", {}, i.rateWeek ?? ""),
      el("td", {}, open && i.declared !== null
        ? el("input", { type: "number", min: "0", step: "any", id: `counted-${n}`, name: i.path, value: i.counted ?? i.declared, "aria-label": `${w("counted")} ${i.kind} ${i.currency ?? ""}` })
        : money(i.counted)),
      el("td", { className: "num" + (i.difference ? " diff-nonzero" : ""), dataset: { role: "difference" } }, i.difference === null || i.difference === undefined ? "" : money(i.difference))))));
  const parts = [
    el("h3", {}, `${d.number} — ${d.bearerName ?? ""} — ${statusWord(d.status)}`),
    table,
    el("p", { id: "count-summary" }, d.countedTotal === null || d.countedTotal === undefined ? "" :
      `${w("countedTotal")}: ${money(d.countedTotal)} ${d.reportingCurrency} · ${w("countDifference")}: ${money(d.countDifference)} ${d.reportingCurrency}`),
  ];
  if (open) {
    parts.push(el("button", { type: "button", id: "save-count", onclick: saveCount }, w("saveCount")));
    const select = el("select", { id: "outcome" }, ...OUTCOMES.map(o => el("option", { value: o }, w(o))));
    parts.push(el("form", { id: "decide-form", onsubmit: decide },
      el("label", {}, w("outcome"), " ", select),
      el("label", {}, w("origin"), " ", el("input", { id: "origin", maxLength: 500 })),
      el("label", {}, w("intendedUse"), " ", el("input", { id: "intended-use", maxLength: 500 })),
      el("label", {}, `${w("restrain")} (${d.reportingCurrency})`, " ", el("input", { id: "restrain", type: "number", min: "0", step: "any" })),
      el("label", {}, w("note"), " ", el("input", { id: "note", maxLength: 500 })),
      el("button", { type: "submit", id: "decide" }, w("decide"))));
  }
  if (d.restrainedAmount && !d.released) parts.push(el("button", { type: "button", id: "release", onclick: release }, w("release")));
  if (d.retentionReceipt) parts.push(el("p", {}, el("a", { href: d.retentionReceipt, id: "receipt-link" }, w("receipt"))));
  parts.push(el("p", { id: "error", role: "alert" }));
  // A live push redraws this declaration while staff are typing: what they changed and not yet sent stays.
  const typed = body.dataset.id === String(d.id) && open
    ? [...body.querySelectorAll("input[id], select[id]")].filter(i => i.value !== i.dataset.drawn).map(i => [i.id, i.value])
    : [];
  body.replaceChildren(...parts);
  body.dataset.id = String(d.id);
  body.dataset.draws = String(Number(body.dataset.draws ?? 0) + 1);
  for (const input of body.querySelectorAll("input[id], select[id]")) input.dataset.drawn = input.value;
  for (const [id, value] of typed) { const input = document.getElementById(id); if (input) input.value = value; }
}

const fail = err => { document.getElementById("error").textContent = errorText(err); };

async function saveCount() {
  const counted = [...document.querySelectorAll("#count-table input")].map(i => ({ path: i.name, amount: Number(i.value) }));
  try { update(await connection.invoke("RecordCount", { id: current.id, counted })); } catch (err) { fail(err); }
}

async function decide(event) {
  event.preventDefault();
  const restrain = document.getElementById("restrain").value;
  try {
    update(await connection.invoke("Decide", {
      id: current.id, outcome: document.getElementById("outcome").value,
      origin: document.getElementById("origin").value || null, intendedUse: document.getElementById("intended-use").value || null,
      restrainedAmount: restrain ? Number(restrain) : null, note: document.getElementById("note").value || null,
    }));
  } catch (err) { fail(err); }
}

async function release() {
  try { update(await connection.invoke("ReleaseCash", current.id)); } catch (err) { fail(err); }
}

function update(view) {
  declarations.set(view.id, view);
  if (current && current.id === view.id) { current = view; renderCheck(); }
  renderQueue();
}

async function load() {
  const worklist = await connection.invoke("GetQueue");
  declarations.clear();
  for (const d of worklist.declarations) declarations.set(d.id, d);
  flags = worklist.flags;
  renderQueue();
  renderFlags();
  if (current) { current = declarations.get(current.id) ?? null; renderCheck(); }
}

document.getElementById("desk-form").addEventListener("submit", async event => {
  event.preventDefault();
  const result = document.getElementById("desk-result");
  try {
    const receipt = await connection.invoke("SubmitDeskDeclaration", { declarationJson: document.getElementById("desk-json").value });
    result.textContent = receipt.errors.length ? receipt.errors.join("; ") : w("recorded").replace("{n}", receipt.number);
    if (!receipt.errors.length) await load();
  } catch (err) { result.textContent = errorText(err); }
});

const me = await startShell(() => { translatePage(); renderQueue(); renderFlags(); renderCheck(); inspections?.translate(); });
if (me) {
  connection = new signalR.HubConnectionBuilder().withUrl("/hubs/departure")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(10000, 500 * (ctx.previousRetryCount + 1)) }).build();
  connection.on("DeclarationChanged", view => { update(view); announce(`${view.number}: ${statusWord(view.status)}`); load(); });
  inspections = attachInspections(connection, announce);
  connection.onreconnecting(() => setState("connecting", "connecting"));
  connection.onreconnected(() => { setState("connected", "live"); load(); inspections.load(); });
  connection.onclose(() => setState("disconnected", "disconnected"));
  await connection.start();
  setState("connected", "live");
  inspections.translate();
  await load();
  await inspections.load();
}
