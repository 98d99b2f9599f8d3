// The kiosk takes no passenger: the service is unreachable, a device failed, or the service said so.
import { h, title } from '../dom.js';

export function mount(root, state) {
  const reason = { serviceUnreachable: 'oosServiceUnreachable', deviceFault: 'oosDeviceFault', remote: 'oosRemote', refused: 'oosRefused' }[state.outOfServiceCode] ?? 'oosStarting';
  root.append(h('section', { class: 'card out-of-service', 'data-code': state.outOfServiceCode ?? '' },
    title('outOfService'),
    h('p', { 'data-i18n': reason }),
    h('p', { 'data-i18n': 'goToCounter' })));
}
