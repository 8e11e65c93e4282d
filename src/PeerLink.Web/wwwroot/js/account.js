// "Your account and data" on the seeker page: keep a guest account with a username and passphrase,
// download everything PeerLink holds about me, or delete my account. Loaded only when opened.
import { api, currentPerson } from './api.js';
import { el } from './dom.js';

const DeleteConfirmation = 'delete my account';

function field(id, label, input, hint) {
  return el('div', { className: 'field' }, el('label', { for: id }, label), hint ? el('p', { id: `${id}-hint`, className: 'hint' }, hint) : null, input);
}

function keepAccountForm() {
  const username = el('input', { id: 'keep-username', type: 'text', autocomplete: 'username', required: true, 'aria-describedby': 'keep-username-hint' });
  const passphrase = el('input', { id: 'keep-passphrase', type: 'password', autocomplete: 'new-password', minlength: '8', maxlength: '128', required: true, 'aria-describedby': 'keep-passphrase-hint' });
  const status = el('p', { role: 'status' });
  const form = el('form', { novalidate: true },
    el('h3', {}, 'Keep my account'),
    el('p', {}, 'Right now this browser alone keeps you signed in. With a username and passphrase you can come back from anywhere, under the same pseudonym. No email or phone needed.'),
    field('keep-username', 'Username', username, '3 to 32 letters, digits, dots, dashes or underscores.'),
    field('keep-passphrase', 'Passphrase', passphrase, 'At least 8 characters. A few words you will remember work well.'),
    el('button', { type: 'submit', className: 'secondary' }, 'Keep my account'),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const profile = await api('PUT', '/api/me/passphrase', { username: username.value.trim(), passphrase: passphrase.value });
      form.replaceChildren(el('h3', {}, 'Keep my account'), el('p', { role: 'status' }, `Done. You can sign in as ${profile.username} from now on.`));
    } catch (failure) {
      status.textContent = failure.message;
    }
  });
  return form;
}

function deleteAccountForm() {
  const confirm = el('input', { id: 'delete-confirm', type: 'text', autocomplete: 'off', 'aria-describedby': 'delete-confirm-hint' });
  const status = el('p', { role: 'status' });
  const form = el('form', { novalidate: true },
    el('h3', {}, 'Delete my account'),
    el('p', {}, 'This ends any conversation, removes the words of every message you wrote (others see "message removed") and forgets you. It cannot be undone.'),
    field('delete-confirm', 'To confirm, type: delete my account', confirm, `Type the words "${DeleteConfirmation}" exactly.`),
    el('button', { type: 'submit', className: 'danger' }, 'Delete my account'),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (confirm.value.trim() !== DeleteConfirmation) {
      status.textContent = `Type "${DeleteConfirmation}" to confirm.`;
      confirm.focus();
      return;
    }
    try {
      await api('DELETE', '/api/me', { confirm: DeleteConfirmation });
      location.assign('/');
    } catch (failure) {
      status.textContent = failure.message;
    }
  });
  return form;
}

export async function renderAccount(container) {
  const person = await currentPerson();
  if (!person) return;
  container.replaceChildren(
    person.username ? el('p', {}, `You can sign in as ${person.username}.`) : keepAccountForm(),
    el('h3', {}, 'Your data'),
    el('p', {}, 'Everything PeerLink holds about you, and only your own messages, as a JSON file. ',
      el('a', { href: '/api/me/export', download: 'peerlink-my-data.json' }, 'Download my data')),
    deleteAccountForm());
}
