// Pick identities from the catalog and rank them, most important first, with the keyboard or a pointer.
import { el } from './dom.js';

export const MaxIdentities = 8;

export function identityPicker(catalog, { options, ranking, section }) {
  const chosen = [];
  const names = new Map(catalog.map((identity) => [identity.id, identity.name]));
  const boxes = new Map();

  for (const identity of catalog) {
    const box = el('input', { type: 'checkbox', name: 'identity', value: identity.id, 'aria-describedby': `identity-${identity.id}-about` });
    box.addEventListener('change', () => {
      if (box.checked) chosen.push(identity.id);
      else chosen.splice(chosen.indexOf(identity.id), 1);
      render();
    });
    boxes.set(identity.id, box);
    options.append(el('li', {}, el('label', {}, box,
      el('span', {}, el('span', { className: 'name' }, identity.name),
        el('span', { className: 'hint', id: `identity-${identity.id}-about` }, identity.description)))));
  }

  function move(id, by, focusClass) {
    const from = chosen.indexOf(id);
    chosen.splice(from, 1);
    chosen.splice(from + by, 0, id);
    render();
    // Keep the keyboard where it was: on the same button of the item that moved.
    const again = ranking.querySelector(`[data-id="${id}"] .${focusClass}`);
    (again && !again.disabled ? again : ranking.querySelector(`[data-id="${id}"] button:not(:disabled)`))?.focus();
  }

  function render() {
    ranking.replaceChildren(...chosen.map((id, index) => el('li', { 'data-id': id },
      el('span', {}, names.get(id)),
      el('button', { type: 'button', className: 'quiet up', 'aria-label': `Move ${names.get(id)} up`, disabled: index === 0, onclick: () => move(id, -1, 'up') }, '↑ Up'),
      el('button', { type: 'button', className: 'quiet down', 'aria-label': `Move ${names.get(id)} down`, disabled: index === chosen.length - 1, onclick: () => move(id, 1, 'down') }, '↓ Down'))));
    section.hidden = chosen.length === 0;
    for (const [id, box] of boxes) box.disabled = !box.checked && chosen.length >= MaxIdentities && !chosen.includes(id);
  }

  return {
    value: () => [...chosen],
    name: (id) => names.get(id) ?? id,
  };
}
