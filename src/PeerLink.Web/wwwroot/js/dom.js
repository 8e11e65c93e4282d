// Builds DOM from plain values. Text always goes in as text nodes, never as HTML:
// pseudonyms, topics and messages come from other people.

export const $ = (selector, root = document) => root.querySelector(selector);

/** el('p', { className: 'note' }, 'text', child) — attributes are set as attributes, children appended as text or nodes. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'className') node.className = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

export function setText(selectorOrNode, text) {
  const nodes = typeof selectorOrNode === 'string' ? document.querySelectorAll(selectorOrNode) : [selectorOrNode];
  for (const node of nodes) node.textContent = text;
}

/** Shows one of a page's steps and hides the others; moves focus to the new step's heading. */
export function showStep(steps, current) {
  for (const step of steps) $(step).hidden = step !== current;
  const heading = $(`${current} h2`);
  if (heading) {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

/** Says something through the page's polite live region, for screen reader users. */
export function announce(text) {
  const region = $('#announcer');
  if (!region) return;
  region.textContent = '';
  // A short pause makes screen readers notice a repeat of the same words.
  setTimeout(() => { region.textContent = text; }, 30);
}

export function formatTime(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** Marks the page ready for input; tests and the performance check wait for it. */
export function markReady() {
  performance.mark('peerlink-ready');
  document.documentElement.dataset.ready = 'true';
}
