// The consoles' shared shell: header with the signed-in account, airport and sign-out, navigation by role,
// the language switch, and the SignalR connection to /hubs/officer with its live/connecting state.
// Needs /signin/staff.js (the global `staff`) and /lib/signalr.min.js loaded before.
import { t, translate, lang, setLanguage } from "./i18n.js";

const pages = [
  { href: "/officer/", key: "nav.officer", roles: ["officer", "supervisor"] },
  { href: "/supervisor/", key: "nav.supervisor", roles: ["supervisor"] },
  { href: "/console/departure/", key: "nav.departure", roles: ["departure", "supervisor"] },
  { href: "/audit/", key: "nav.audit", roles: ["supervisor", "administrator"] },
  { href: "/admin/", key: "nav.admin", roles: ["administrator"] },
];

/** Renders the header into #shell and returns the account (null when the sign-in has ended). */
export async function startShell(onLanguage) {
  const me = await staff.me();
  if (!me) return null;
  const header = document.getElementById("shell");
  header.innerHTML = `
    <p class="brand" data-i18n="app.name"></p>
    <nav data-i18n-label="app.name"><ul></ul></nav>
    <p id="connection" role="status" aria-live="polite" data-state="connecting" data-i18n="shell.connecting"></p>
    <p class="account"><span id="who"></span></p>
    <button type="button" id="language" lang=""></button>
    <form id="sign-out-form" method="post" action="/api/staff/sign-out"><button type="submit" data-i18n="shell.signOut"></button></form>`;
  const list = header.querySelector("nav ul");
  for (const p of pages.filter(p => p.roles.includes(me.role))) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = p.href;
    a.dataset.i18n = p.key;
    if (location.pathname.startsWith(p.href)) a.setAttribute("aria-current", "page");
    li.append(a);
    list.append(li);
  }
  await staff.header();
  const render = () => {
    translate(document);
    document.getElementById("who").textContent = `${me.userName} · ${t("role." + me.role)} · ${me.airport}`;
    const button = document.getElementById("language");
    button.textContent = t("shell.language");
    button.lang = lang === "ja" ? "en" : "ja";
    onLanguage?.();
  };
  document.getElementById("language").addEventListener("click", () => { setLanguage(lang === "ja" ? "en" : "ja"); render(); });
  render();
  return me;
}

function setConnection(key) {
  const el = document.getElementById("connection");
  el.dataset.state = key === "shell.live" ? "connected" : key === "shell.disconnected" ? "disconnected" : "connecting";
  el.dataset.i18n = key;
  el.textContent = t(key);
}

/** Connects to the officer hub; `handlers` maps pushed method names to functions; `onReady` runs on every (re)connect. */
export function connect(handlers, onReady) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/officer")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(10000, 500 * (ctx.previousRetryCount + 1)) })
    .build();
  for (const [name, fn] of Object.entries(handlers)) connection.on(name, fn);
  connection.onreconnecting(() => setConnection("shell.reconnecting"));
  connection.onreconnected(() => { setConnection("shell.live"); onReady(); });
  connection.onclose(() => { setConnection("shell.disconnected"); setTimeout(start, 2000); });
  async function start() {
    try {
      await connection.start();
      setConnection("shell.live");
      await onReady();
    } catch {
      if (!(await staff.me())) return;
      setConnection("shell.disconnected");
      setTimeout(start, 2000);
    }
  }
  start();
  return connection;
}

/** A hub error's message without SignalR's wrapping. */
export function errorText(err) {
  return String(err?.message || err).replace(/^.*HubException: /, "");
}

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "dataset") Object.assign(node.dataset, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k in node && k !== "list") node[k] = v;
    else node.setAttribute(k, v);
  }
  node.append(...children.filter(c => c !== null && c !== undefined));
  return node;
}
