// Officer console: open referrals and kiosk status, pushed over SignalR (/hubs/officer).
// On every (re)connect the open cases are loaded again, so nothing raised while away is missed.
"use strict";

const casesEl = document.getElementById("cases");
const countEl = document.getElementById("case-count");
const noCasesEl = document.getElementById("no-cases");
const kiosksEl = document.getElementById("kiosks");
const connectionEl = document.getElementById("connection");
const template = document.getElementById("case-template");
const shown = new Map();

function setConnection(state, text) {
  connectionEl.dataset.state = state;
  connectionEl.textContent = text;
}

function renderCase(c, isNew) {
  if (shown.has(c.caseNumber)) return;
  const node = template.content.firstElementChild.cloneNode(true);
  node.dataset.caseNumber = c.caseNumber;
  node.dataset.sessionId = c.sessionId;
  node.querySelector(".case-number").textContent = `Case ${c.caseNumber}`;
  node.querySelector(".case-name").textContent = c.name || "(name not read)";
  node.querySelector(".case-doc").textContent = c.documentNumber ? `Document ${c.documentNumber}` : "No document number";
  node.querySelector(".case-kiosk").textContent = `Kiosk ${c.kioskId}`;
  const time = node.querySelector(".case-time");
  time.dateTime = c.raisedAt;
  time.textContent = new Date(c.raisedAt).toLocaleTimeString();
  const reasons = node.querySelector(".reasons");
  for (const r of c.reasons) {
    const li = document.createElement("li");
    const code = document.createElement("code");
    code.textContent = r.code;
    li.append(code, document.createTextNode(r.text));
    reasons.append(li);
  }
  if (c.reasons.some(r => r.code.startsWith("duty.") || r.code.startsWith("allowance."))) {
    const link = document.createElement("a");
    link.href = `/api/cases/${c.caseNumber}/duty-notice.pdf`;
    link.textContent = "Duty notice (PDF)";
    link.className = "duty-notice";
    link.target = "_blank";
    node.querySelector(".case-head").append(link);
  }
  const form = node.querySelector(".decide");
  const label = `case ${c.caseNumber}`;
  form.querySelector("select").setAttribute("aria-label", `Outcome for ${label}`);
  form.querySelector("input").setAttribute("aria-label", `Note for ${label}`);
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    const error = form.querySelector(".decide-error");
    error.textContent = "";
    try {
      await connection.invoke("DecideCase", { caseNumber: c.caseNumber, outcome: form.outcome.value, note: form.note.value });
    } catch (err) {
      error.textContent = String(err.message || err).replace(/^.*HubException: /, "");
    }
  });
  if (isNew) node.classList.add("new");
  // Newest first: insert before the first case with a lower number.
  const after = [...casesEl.children].find(el => Number(el.dataset.caseNumber) < c.caseNumber);
  casesEl.insertBefore(node, after || null);
  shown.set(c.caseNumber, node);
  countEl.textContent = String(shown.size);
  noCasesEl.hidden = shown.size > 0;
}

function renderKiosk(k) {
  let li = kiosksEl.querySelector(`li[data-kiosk-id="${CSS.escape(k.kioskId)}"]`);
  if (!li) {
    li = document.createElement("li");
    li.dataset.kioskId = k.kioskId;
    kiosksEl.append(li);
  }
  li.dataset.connected = String(k.connected);
  const faults = Object.entries(k.devices || {}).filter(([, v]) => v !== "ok").map(([d, v]) => `${d}: ${v}`);
  const label = document.createElement("span");
  label.textContent = `${k.kioskId} — ${k.status}${faults.length ? " (" + faults.join(", ") + ")" : ""}`;
  const out = k.status === "out-of-service";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "kiosk-toggle";
  button.textContent = out ? "Return to service" : "Take out of service";
  button.setAttribute("aria-label", `${button.textContent}: kiosk ${k.kioskId}`);
  button.disabled = !k.connected;
  button.addEventListener("click", () => connection.invoke("SetKioskInService", k.kioskId, out, out ? null : "Taken out of service from the officer console"));
  li.replaceChildren(label, document.createTextNode(" "), button);
}

const connection = new signalR.HubConnectionBuilder()
  .withUrl("/hubs/officer")
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(10000, 500 * (ctx.previousRetryCount + 1)) })
  .build();

connection.on("ReferralRaised", c => renderCase(c, true));
connection.on("KioskStatusChanged", renderKiosk);
connection.on("CaseClosed", d => {
  const node = shown.get(d.caseNumber);
  if (!node) return;
  node.remove();
  shown.delete(d.caseNumber);
  countEl.textContent = String(shown.size);
  noCasesEl.hidden = shown.size > 0;
});
connection.onreconnecting(() => setConnection("connecting", "Reconnecting…"));
connection.onreconnected(() => { setConnection("connected", "Live"); loadState(); });
connection.onclose(() => { setConnection("disconnected", "Disconnected — retrying"); setTimeout(start, 2000); });

async function loadState() {
  const [cases, kiosks] = await Promise.all([connection.invoke("GetOpenReferrals"), connection.invoke("GetKiosks")]);
  for (const c of cases) renderCase(c, false);
  for (const k of kiosks) renderKiosk(k);
}

async function start() {
  try {
    await connection.start();
    setConnection("connected", "Live");
    await loadState();
  } catch (err) {
    // A refused connection usually means the sign-in ended (idle timeout, account disabled): staff.me() sends to sign-in then.
    if (!(await staff.me())) return;
    setConnection("disconnected", "Service unreachable — retrying");
    setTimeout(start, 2000);
  }
}

noCasesEl.hidden = false;
staff.header();
start();
