// Run-mode status page (status.html): shows the simulated passenger loop, as the host reports it on /api/screen.
"use strict";
async function refresh() {
  try {
    const s = await (await fetch("/api/screen", { cache: "no-store" })).json();
    document.getElementById("kiosk-id").textContent = `Kiosk ${s.kioskId}`;
    document.getElementById("link").textContent = s.link;
    document.getElementById("step").textContent = s.step;
    document.getElementById("passenger").textContent = s.passenger || "";
    const main = document.getElementById("screen");
    if (s.lane) main.dataset.lane = s.lane; else delete main.dataset.lane;
    const reasons = document.getElementById("reasons");
    reasons.replaceChildren(...s.reasons.map(r => { const li = document.createElement("li"); li.textContent = r; return li; }));
    document.getElementById("processed").textContent =
      `${s.processed} passengers` + (s.awaitingReconciliation ? ` · ${s.awaitingReconciliation} awaiting reconciliation` : "");
  } catch {
    document.getElementById("link").textContent = "kiosk host unreachable";
  }
}
setInterval(refresh, 500);
refresh();
