// Accessibility modes: large text, high contrast, lowered reach (controls in the lower half, for
// wheelchair users and children) and spoken prompts. Toggles are real buttons with aria-pressed.
import { h } from './dom.js';
import { speechAvailable } from './speech.js';

const MODES = [
  { key: 'largeText', label: 'a11yLargeText', css: 'large-text' },
  { key: 'highContrast', label: 'a11yHighContrast', css: 'high-contrast' },
  { key: 'lowReach', label: 'a11yLowReach', css: 'low-reach' },
  { key: 'speech', label: 'a11ySpeech', css: null },
];

export function applyModes(modes) {
  for (const mode of MODES) {
    // On <html> too: sizes are in rem, so large text must scale the root font size.
    if (mode.css) {
      document.documentElement.classList.toggle(mode.css, Boolean(modes?.[mode.key]));
      document.body.classList.toggle(mode.css, Boolean(modes?.[mode.key]));
    }
  }
}

export function renderToolbar(container, modes, onChange) {
  container.replaceChildren(...MODES
    .filter(mode => mode.key !== 'speech' || speechAvailable())
    .map(mode => h('button', {
      type: 'button',
      class: 'toggle',
      'aria-pressed': modes?.[mode.key] ? 'true' : 'false',
      'data-mode': mode.key,
      'data-i18n': mode.label,
      onclick: () => onChange({ ...modes, [mode.key]: !modes?.[mode.key] }),
    })));
}
