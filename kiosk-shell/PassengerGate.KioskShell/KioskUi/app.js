// The touch UI. The kiosk host owns the session: it pushes the whole screen state over the local hub
// (/ui/hub) and this page sends back the passenger's intents. Each screen is one module in screens/;
// flows other than arrival (departure) add screens there and a start button on the welcome screen.
import { h } from './dom.js';
import { LANGUAGE_NAMES, has, loadStrings, t, translate } from './i18n.js';
import { applyModes, renderToolbar } from './a11y.js';
import { speak, silence } from './speech.js';
import { SCREENS } from './screens/index.js';

const root = document.getElementById('screen');
const languages = document.getElementById('languages');
const toolbar = document.getElementById('accessibility');
const announcer = document.getElementById('announcer');

const hub = new signalR.HubConnectionBuilder()
  .withUrl('/ui/hub')
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => 1000 })
  .build();

let state = null;
let mounted = null;
let mountedKey = null;
let lastTouch = 0;

const ctx = {
  invoke: (method, ...args) => hub.invoke(method, ...args),
  t,
  has,
  announce(key, vars) {
    announcer.textContent = t(key, vars);
    if (state?.accessibility?.speech) speak(announcer.textContent, state.language);
  },
};

/** Everything that, when it changes, means a different screen (and a fresh DOM); the rest is updated in place. A screen
 * that shows its problem in place (problemInPlace) keeps its DOM, and so what the passenger typed, when only that changes. */
function keyOf(s) {
  // The service's field errors always draw a fresh form: the screen words its problem by them.
  const problem = SCREENS[s.screen]?.problemInPlace ? JSON.stringify(s.fieldErrors ?? []) : s.problem?.code ?? '';
  return [s.screen, s.generation, s.member, s.portraitUrl ?? '', s.lane ?? '', s.members.length, s.outOfServiceCode ?? '', problem, s.reviewing ? 'review' : '', s.draft ?? ''].join('|');
}

async function show(next) {
  const languageChanged = state?.language !== next.language;
  state = next;
  await loadStrings(next.language);
  if (state !== next) return; // a newer state arrived while the strings loaded
  document.documentElement.lang = next.language;
  document.body.dataset.screen = next.screen;
  applyModes(next.accessibility);
  renderLanguages(next);
  renderToolbar(toolbar, next.accessibility, modes => hub.invoke('SetAccessibility', modes));

  const key = keyOf(next);
  if (key !== mountedKey) {
    mounted?.unmount?.();
    silence();
    // A prompt of the screen before (the face check's hold-still prompt) must not linger, in whatever language it was said.
    announcer.textContent = '';
    root.replaceChildren();
    mountedKey = key;
    const screen = SCREENS[next.screen] ?? SCREENS.outOfService;
    mounted = screen.mount(root, next, ctx) ?? {};
    translate(document);
    root.querySelector('h1')?.focus();
    if (next.accessibility?.speech) speak(root.querySelector('h1')?.textContent, next.language);
  } else {
    mounted?.update?.(next);
    translate(document);
    if (languageChanged && next.accessibility?.speech) speak(root.querySelector('h1')?.textContent, next.language);
  }
}

function renderLanguages(s) {
  languages.replaceChildren(...s.languages.map(code => h('button', {
    type: 'button',
    lang: code,
    class: 'language',
    'aria-pressed': code === s.language ? 'true' : 'false',
    'data-language': code,
    onclick: () => hub.invoke('SetLanguage', code),
  }, LANGUAGE_NAMES[code] ?? code)));
}

// Any touch or key keeps the session alive; the host wipes it after the idle timeout.
for (const type of ['pointerdown', 'keydown']) {
  document.addEventListener(type, () => {
    const now = Date.now();
    if (now - lastTouch > 1000 && hub.state === signalR.HubConnectionState.Connected) {
      lastTouch = now;
      hub.invoke('Touch').catch(() => {});
    }
  }, { capture: true });
}

hub.on('Screen', s => { show(s); });
hub.onreconnected(async () => show(await hub.invoke('Attach')));
hub.onreconnecting(() => { document.body.dataset.link = 'reconnecting'; });

async function start() {
  try {
    await hub.start();
    document.body.dataset.link = 'connected';
    await show(await hub.invoke('Attach'));
  } catch {
    // The kiosk host itself is not answering: nothing can be done from the page but wait.
    setTimeout(start, 1000);
  }
}
start();
