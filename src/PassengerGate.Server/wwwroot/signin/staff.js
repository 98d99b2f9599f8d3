"use strict";
// Shared by the staff pages: the anti-forgery token for form posts, who is signed in, sign-out,
// and keeping the sign-in alive while someone works (the cookie's idle timeout slides on requests;
// a console that only talks over its WebSocket would otherwise time out while in use).
const staff = {
  async antiforgery() {
    const response = await fetch("/api/staff/antiforgery", { credentials: "same-origin", cache: "no-store" });
    return response.json();
  },
  async fillAntiforgery(form) {
    const { fieldName, token } = await staff.antiforgery();
    let input = form.querySelector(`input[name="${fieldName}"]`);
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = fieldName;
      form.prepend(input);
    }
    input.value = token;
  },
  /** POSTs a form body (with a fresh anti-forgery token) and returns the parsed JSON answer. */
  async post(url, fields) {
    const { fieldName, token } = await staff.antiforgery();
    const body = new URLSearchParams(fields);
    body.set(fieldName, token);
    const response = await fetch(url, { method: "POST", body, credentials: "same-origin" });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(data.error || `HTTP ${response.status}`);
    }
    return data;
  },
  async me() {
    const response = await fetch("/api/staff/me", { credentials: "same-origin", cache: "no-store" });
    if (response.status === 401) {
      location.href = "/signin/?returnUrl=" + encodeURIComponent(location.pathname);
      return null;
    }
    return response.json();
  },
  /** Shows the account in #who and wires a sign-out button into #sign-out-form. */
  async header() {
    const me = await staff.me();
    if (!me) { return null; }
    const who = document.getElementById("who");
    if (who) {
      who.textContent = `${me.userName} (${me.role}, ${me.airport}${me.terminal ? " T" + me.terminal : ""})`;
    }
    const form = document.getElementById("sign-out-form");
    if (form) {
      await staff.fillAntiforgery(form);
    }
    let last = Date.now();
    const keepAlive = () => {
      if (Date.now() - last > 60_000) {
        last = Date.now();
        staff.me();
      }
    };
    document.addEventListener("click", keepAlive);
    document.addEventListener("keydown", keepAlive);
    return me;
  },
};
