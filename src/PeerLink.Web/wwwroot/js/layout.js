// The header every page shares: the name, the pages, who is signed in (with sign-out), and the live connection's state.
import { currentPerson, post, signedInEvent } from './api.js';
import { el } from './dom.js';

const pages = [['/', 'Talk to someone'], ['/groups.html', 'Group rooms'], ['/peer.html', 'For peer supporters'], ['/moderator.html', 'For moderators']];

export function renderHeader() {
  const here = location.pathname === '/index.html' ? '/' : location.pathname;
  const account = el('div', { className: 'account' });
  document.querySelector('.site-header').replaceChildren(
    el('a', { className: 'brand', href: '/' }, 'PeerLink'),
    el('nav', { 'aria-label': 'PeerLink' }, el('ul', {}, pages.map(([href, name]) =>
      el('li', {}, el('a', { href, 'aria-current': href === here ? 'page' : null }, name))))),
    account,
    el('p', { id: 'connection', className: 'connection', role: 'status', 'data-state': 'idle' }, 'Not connected yet'));
  watchAccount(account);
}

/** For a page that keeps its own small header (the crisis page): who is signed in, with sign-out, and nothing else. */
export function addAccountControls(header) {
  const account = el('div', { className: 'account' });
  header.append(account);
  watchAccount(account);
}

function watchAccount(account) {
  showAccount(account);
  // A page that signs someone in says so, and the header shows who it is without a reload.
  document.addEventListener(signedInEvent, () => showAccount(account));
}

/** Who is signed in, with the controls to sign out of this browser or of every device. */
async function showAccount(container) {
  let person;
  try {
    person = await currentPerson();
  } catch {
    return;
  }
  if (!person) return;

  const signOut = async (everywhere) => {
    try {
      await post(everywhere ? '/api/auth/sign-out-everywhere' : '/api/auth/sign-out');
    } finally {
      location.assign(location.pathname);
    }
  };
  // A guest with no username cannot come back: say so, on the page, before their account is left behind.
  const askFirst = async (everywhere) => {
    // Asked now, not at page load: the guest may have kept their account since.
    const latest = await currentPerson().catch(() => person);
    if (latest?.username) return signOut(everywhere);
    const cancel = el('button', { type: 'button', className: 'link', onclick: () => showControls() }, 'Stay signed in');
    container.replaceChildren(
      el('p', { className: 'sign-out-warning', role: 'alert' },
        'You have not kept this account with a username, so you will not be able to come back to it or its conversations.'),
      el('button', { type: 'button', className: 'link', onclick: () => signOut(everywhere) }, 'Sign out anyway'),
      cancel);
    cancel.focus();
  };
  const showControls = () => container.replaceChildren(
    el('span', { className: 'signed-in-as' }, `Signed in as ${person.pseudonym}`),
    el('button', { type: 'button', className: 'link', id: 'sign-out', onclick: () => askFirst(false) }, 'Sign out'),
    el('button', { type: 'button', className: 'link', id: 'sign-out-everywhere', onclick: () => askFirst(true) }, 'Sign out everywhere'));
  showControls();
}
