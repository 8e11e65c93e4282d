// Sign-in with a username and password, for the pages of people with an account (peers, moderators).
import { currentPerson, post, signedInEvent } from './api.js';
import { el } from './dom.js';

/** Builds the form in `form`; `onSignedIn(person)` runs once someone with `role` has signed in. */
export function accountSignIn(form, { role, wrongRole, onSignedIn }) {
  const username = el('input', { id: 'username', name: 'username', type: 'text', autocomplete: 'username', required: true });
  const password = el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = el('p', { id: 'sign-in-error', className: 'error', role: 'alert' });
  form.replaceChildren(
    el('h2', {}, 'Sign in'),
    el('div', { className: 'field' }, el('label', { for: 'username' }, 'Username'), username),
    el('div', { className: 'field' }, el('label', { for: 'password' }, 'Password'), password),
    error,
    el('button', { type: 'submit' }, 'Sign in'));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await post('/api/auth/login', { username: username.value.trim(), password: password.value });
      document.dispatchEvent(new Event(signedInEvent));
      const person = await currentPerson();
      if (!person.roles.includes(role)) {
        error.textContent = wrongRole;
        return;
      }
      await onSignedIn(person);
    } catch (failure) {
      error.textContent = failure.status === 401 ? 'That username and password do not match.' : failure.message;
    }
  });
}

/** The person already signed in by the cookie, if they have `role`. */
export async function signedInAs(role) {
  const person = await currentPerson();
  return person?.roles.includes(role) ? person : null;
}
