// Supervisor dashboard: the airport's numbers as Chart.js charts (npm chart.js, /lib/chart.umd.min.js) and
// the kiosk fleet with out-of-service/return commands. Every push (referral, claim, closure, kiosk change)
// fetches the snapshot again, so the charts move as the floor does.
import { t, lang } from "/console/i18n.js";
import { startShell, connect, errorText, el } from "/console/shell.js";

const GREEN = "#17692b", RED = "#a4161a", NAVY = "#0b2545";
let snapshot = null;
const charts = {};
const announce = text => { document.getElementById("announce").textContent = text; };
const minutes = m => m == null ? "—" : `${Math.floor(m)} ${lang === "ja" ? "分" : "min"}`;
// The service sends each hour with the airport's offset ("2026-12-01T00:00:00+09:00"): print that wall clock as it
// is, not converted to the browser's zone, so the chart reads in airport time on any workstation.
const hourLabel = iso => iso.slice(11, 16);

function chart(id, config) {
  if (charts[id]) {
    charts[id].data = config.data;
    charts[id].options = config.options;
    charts[id].update();
  } else {
    charts[id] = new Chart(document.getElementById(id), config);
  }
  // The canvas is an image for assistive technology: its label carries the numbers.
  document.getElementById(id).setAttribute("aria-label", config.label);
}

function render() {
  if (!snapshot) return;
  const s = snapshot;
  document.getElementById("tile-open").textContent = String(s.queueOpen);
  document.getElementById("tile-unclaimed").textContent = String(s.queueUnclaimed);
  document.getElementById("tile-longest").textContent = minutes(s.longestWaitMinutes);
  document.getElementById("tile-median").textContent = minutes(s.medianWaitMinutes);
  document.getElementById("tile-green").textContent = String(s.greenToday);
  document.getElementById("tile-red").textContent = String(s.redToday);

  const hours = s.perHour.map(h => hourLabel(h.hour));
  chart("chart-hours", {
    type: "bar",
    data: { labels: hours, datasets: [
      { label: t("dash.lane.green"), data: s.perHour.map(h => h.green), backgroundColor: GREEN },
      { label: t("dash.lane.red"), data: s.perHour.map(h => h.red), backgroundColor: RED },
    ] },
    options: { animation: false, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    label: s.perHour.map(h => `${hourLabel(h.hour)}: ${t("dash.lane.green")} ${h.green}, ${t("dash.lane.red")} ${h.red}`).join("; "),
  });
  chart("chart-lanes", {
    type: "doughnut",
    data: { labels: [t("dash.lane.green"), t("dash.lane.red")], datasets: [{ data: [s.greenToday, s.redToday], backgroundColor: [GREEN, RED] }] },
    options: { animation: false, maintainAspectRatio: false },
    label: `${t("dash.lane.green")} ${s.greenToday}, ${t("dash.lane.red")} ${s.redToday}`,
  });
  chart("chart-reasons", {
    type: "bar",
    data: { labels: s.openReasons.map(r => r.code), datasets: [{ label: t("dash.cases"), data: s.openReasons.map(r => r.count), backgroundColor: NAVY }] },
    options: { animation: false, maintainAspectRatio: false, indexAxis: "y", scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } },
    label: s.openReasons.length ? s.openReasons.map(r => `${r.code}: ${r.count}`).join("; ") : "0",
  });

  const body = document.querySelector("#kiosks tbody");
  body.replaceChildren(...s.kiosks.map(k => {
    const out = k.status === "out-of-service";
    const [cls, key] = !k.connected ? ["bad", "dash.offline"] : out ? ["warn", "dash.outOfService"] : ["ok", "dash.online"];
    const faults = Object.entries(k.devices || {}).filter(([, v]) => v !== "ok").map(([d, v]) => `${d}: ${v}`);
    const label = out ? t("dash.return") : t("dash.takeOut");
    const button = el("button", { type: "button", className: out ? "secondary" : "", disabled: !k.connected, "aria-label": `${label}: ${k.kioskId}`, dataset: { kioskId: k.kioskId } }, label);
    button.addEventListener("click", async () => {
      try {
        await connection.invoke("SetKioskInService", k.kioskId, out, out ? null : t("dash.outReason"));
        announce(t("dash.commandSent", { k: k.kioskId }));
      } catch (err) { announce(errorText(err)); }
    });
    return el("tr", { dataset: { kioskId: k.kioskId } },
      el("th", { scope: "row" }, k.kioskId),
      el("td", {}, el("span", { className: `badge ${cls}` }, t(key)), k.status && !out && k.connected && k.status !== "online" ? ` (${k.status})` : ""),
      el("td", {}, k.lastSeen ? new Date(k.lastSeen).toLocaleString(lang === "ja" ? "ja-JP" : "en-GB") : "—"),
      el("td", {}, faults.length ? el("span", { className: "badge bad" }, faults.join(", ")) : t("dash.noFaults")),
      el("td", {}, button));
  }));
  // The answering node's own load (the numbers its /metrics exports): with several nodes, each shows its share.
  const n = s.service;
  const text = (id, value) => { document.getElementById(id).textContent = value; };
  text("node-name", n ? n.node : "—");
  text("node-decided", n ? `${n.greenLastMinute} / ${n.redLastMinute}` : "—");
  text("node-calls", n ? String(n.hubCallsLastMinute) : "—");
  text("node-p99", n && n.hubCallP99Ms != null ? `${n.hubCallP99Ms} ms` : "—");
  text("node-kiosks", n ? String(n.kioskConnections) : "—");
  text("node-outbox", n && n.outboxBacklog != null ? String(n.outboxBacklog) : "—");
  document.getElementById("updated").textContent = t("dash.updated", { t: new Date(s.at).toLocaleTimeString(lang === "ja" ? "ja-JP" : "en-GB") });
}

async function load() {
  snapshot = await connection.invoke("GetDashboard");
  render();
}

let pending = null;
function reloadSoon() {
  clearTimeout(pending);
  pending = setTimeout(() => load().catch(() => {}), 200);
}

const me = await startShell(render);
const connection = me && connect({
  ReferralRaised: reloadSoon,
  CaseClaimChanged: reloadSoon,
  CaseClosed: reloadSoon,
  KioskStatusChanged: reloadSoon,
}, load);
// Waiting times grow between pushes.
setInterval(reloadSoon, 30_000);
