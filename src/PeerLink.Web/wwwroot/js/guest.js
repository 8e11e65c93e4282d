// The first step for a seeker or a group-room visitor: a pseudonym, nothing more.
import { post, signedInEvent } from './api.js';
import { el } from './dom.js';

export function guestSignIn(form, onSignedIn) {
  const input = el('input', { id: 'pseudonym', name: 'pseudonym', type: 'text', autocomplete: 'nickname', minlength: '2', maxlength: '32', required: true, 'aria-describedby': 'pseudonym-hint pseudonym-error' });
  const error = el('p', { id: 'pseudonym-error', className: 'error', role: 'alert' });
  form.replaceChildren(
    el('h2', {}, 'Choose a name to use here'),
    el('p', { id: 'pseudonym-hint', className: 'hint' }, form.dataset.hint),
    el('div', { className: 'field' }, el('label', { for: 'pseudonym' }, 'Your pseudonym'), input, error),
    el('button', { type: 'submit' }, 'Continue'));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const pseudonym = input.value.trim();
    if (pseudonym.length < 2 || pseudonym.length > 32) {
      error.textContent = 'Please choose a name of 2 to 32 characters.';
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    error.textContent = '';
    try {
      const signedIn = await post('/api/auth/guest', { pseudonym });
      document.dispatchEvent(new Event(signedInEvent));
      await onSignedIn({ ...signedIn, pseudonym });
    } catch (failure) {
      error.textContent = failure.message;
      input.focus();
    }
  });
}
