// Crisis lines, shown at once when the server hears crisis language from or to this person.
// The lines come from the server's configuration for the person's locale.
import { $, announce, el } from './dom.js';

const safeUrl = (url) => (/^https?:\/\//i.test(url ?? '') ? url : null);

export function showCrisisResources({ resources }) {
  const panel = el('section', { id: 'crisis-panel', className: 'card crisis', 'aria-labelledby': 'crisis-title' },
    el('h2', { id: 'crisis-title' }, "You don't have to face this alone"),
    el('p', {}, 'If you might act on thoughts of ending your life, or someone is in danger, please reach out to one of these now. PeerLink is not a crisis service.'),
    el('ul', {}, resources.map((line) => el('li', {},
      el('strong', {}, line.name),
      line.phone ? [' · ', el('a', { href: `tel:${line.phone.replace(/[^\d+]/g, '')}` }, `Call ${line.phone}`)] : null,
      line.text ? [' · ', line.text] : null,
      safeUrl(line.url) ? [' · ', el('a', { href: safeUrl(line.url), target: '_blank', rel: 'noopener' }, line.url.replace(/^https?:\/\//i, ''))] : null,
      line.description ? el('p', { className: 'note' }, line.description) : null))),
    el('button', { type: 'button', className: 'secondary', onclick: () => panel.remove() }, 'Close'));
  $('#crisis-panel')?.remove();
  $('main .not-crisis').after(panel);
  announce('Crisis support lines are shown at the top of the page.');
}
