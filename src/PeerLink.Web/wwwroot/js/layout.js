// The header every page shares: the name, the pages, and the live connection's state.
import { el } from './dom.js';

const pages = [['/', 'Talk to someone'], ['/groups.html', 'Group rooms'], ['/peer.html', 'For peer supporters']];

export function renderHeader() {
  const here = location.pathname === '/index.html' ? '/' : location.pathname;
  document.querySelector('.site-header').replaceChildren(
    el('a', { className: 'brand', href: '/' }, 'PeerLink'),
    el('nav', { 'aria-label': 'PeerLink' }, el('ul', {}, pages.map(([href, name]) =>
      el('li', {}, el('a', { href, 'aria-current': href === here ? 'page' : null }, name))))),
    el('p', { id: 'connection', className: 'connection', role: 'status', 'data-state': 'idle' }, 'Not connected yet'));
}
