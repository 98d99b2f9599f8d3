"use strict";
// Account administration: every change is a form post with an anti-forgery token (staff.post);
// a generated password is shown here once and never again.
const result = document.getElementById("result");
const tbody = document.getElementById("accounts");

function show(text, isError) {
  result.textContent = text;
  result.className = isError ? "error" : "";
}

async function load() {
  const response = await fetch("/api/staff/users", { credentials: "same-origin", cache: "no-store" });
  const accounts = await response.json();
  tbody.replaceChildren(...accounts.map(a => {
    const tr = document.createElement("tr");
    tr.dataset.user = a.userName;
    for (const text of [a.userName, a.role, a.airport, a.terminal || "", a.disabled ? "disabled" : a.locked ? "locked" : "active"]) {
      tr.append(Object.assign(document.createElement("td"), { textContent: text }));
    }
    const actions = document.createElement("td");
    const toggle = Object.assign(document.createElement("button"), { textContent: a.disabled ? "Enable" : "Disable", type: "button" });
    toggle.addEventListener("click", () => act(`/api/staff/users/${encodeURIComponent(a.userName)}/disable`, { disabled: String(!a.disabled) }, `${a.userName} ${a.disabled ? "enabled" : "disabled"}.`));
    const reset = Object.assign(document.createElement("button"), { textContent: "Reset password", type: "button" });
    reset.addEventListener("click", () => act(`/api/staff/users/${encodeURIComponent(a.userName)}/reset-password`, { confirm: "yes" }, null));
    actions.append(toggle, " ", reset);
    tr.append(actions);
    return tr;
  }));
}

async function act(url, fields, message) {
  try {
    const data = await staff.post(url, fields);
    show(message || `New password for ${data.userName} (shown once): ${data.password}`, false);
  } catch (err) {
    show(err.message, true);
  }
  await load();
}

document.getElementById("add").addEventListener("submit", async event => {
  event.preventDefault();
  const form = event.target;
  try {
    const data = await staff.post("/api/staff/users", { userName: form.userName.value, role: form.role.value, terminal: form.terminal.value });
    show(`Account ${data.userName} (${data.role}, ${data.airport}) created. Password (shown once): ${data.password}`, false);
    form.reset();
  } catch (err) {
    show(err.message, true);
  }
  await load();
});

staff.header();
load();
