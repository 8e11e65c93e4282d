// Staying safe, on every page: report a message or a person, block a person, and the notices
// moderators send. Reports go to the on-duty moderators; the reporter hears the outcome.
import { hubErrorMessage } from './api.js';
import { $, announce, el, formatTime } from './dom.js';

/** The report categories of the hub contract (docs/api.md), in the reader's words. */
export const ReportCategories = [
  ['harassment', 'Harassment or bullying'],
  ['hate', 'Hate towards who someone is'],
  ['spam', 'Spam or advertising'],
  ['sexualContent', 'Sexual content'],
  ['personalInformation', "Sharing someone's personal information"],
  ['selfHarmRisk', 'Someone may be at risk of harming themselves'],
  ['other', 'Something else'],
];

export const MaxNoteLength = 500;

/** A note at the top of the page, such as a moderator's decision; read out as it arrives. */
export function showNotice(text) {
  let list = $('#notices');
  if (!list) {
    list = el('ul', { id: 'notices', className: 'notices', 'aria-label': 'Notices' });
    ($('#crisis-panel') ?? $('main .not-crisis')).after(list);
  }
  const item = el('li', { className: 'card notice' }, el('p', {}, text),
    el('button', { type: 'button', className: 'quiet', onclick: () => item.remove() }, 'Dismiss'));
  list.append(item);
  announce(text);
}

/** A moderator's reason as a sentence of its own: one full stop at its end, never two. */
export function reasonSentence(reason) {
  const text = reason?.trim() ?? '';
  return text === '' ? '' : /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** A moderator's reason to follow a colon inside a sentence that goes on: without its own full stop. */
export function reasonClause(reason) {
  return reason?.trim().replace(/[.…]+$/, '') ?? '';
}

/** What a moderator's action means for the person it affects (a ModerationNotice). */
export function moderationNoticeText({ action, reason, until }) {
  const why = reasonSentence(reason) ? ` Reason: ${reasonSentence(reason)}` : '';
  switch (action) {
    case 'warned': return `A moderator warned you in a group room.${why} The warning lasts 24 hours.`;
    case 'muted': return `A moderator muted you in a group room until ${formatTime(until)}.${why}`;
    case 'removed': return `A moderator removed you from a group room. You can come back after 24 hours.${why}`;
    case 'message-deleted': return `A moderator removed one of your messages.${why}`;
    default: return `A moderator took an action that affects you.${why}`;
  }
}

export const reportClosedText = ({ outcome }) => `A moderator closed your report. Outcome: ${outcome}`;

let dialog = null;

function reportDialog() {
  if (dialog) return dialog;
  const title = el('h2', { id: 'report-title' });
  // Nothing is chosen for the reporter: a category picked by default would be sent unread.
  const category = el('select', { id: 'report-category', required: true },
    el('option', { value: '', disabled: true }, 'Choose one…'),
    ReportCategories.map(([value, name]) => el('option', { value }, name)));
  const note = el('input', { id: 'report-note', type: 'text', maxlength: String(MaxNoteLength), autocomplete: 'off' });
  const error = el('p', { className: 'error', role: 'alert' });
  const send = el('button', { type: 'submit' }, 'Send report');
  const form = el('form', { method: 'dialog', novalidate: true },
    title,
    el('p', { className: 'hint' }, 'A moderator looks at every report. We tell you the outcome. The person is not told who reported them.'),
    el('div', { className: 'field' }, el('label', { for: 'report-category' }, "What's wrong?"), category),
    el('div', { className: 'field' }, el('label', { for: 'report-note' }, 'Anything a moderator should know? ', el('span', { className: 'note' }, '(optional)')), note),
    error,
    el('div', { className: 'actions' }, send,
      el('button', { type: 'button', className: 'secondary', onclick: () => dialog.element.close() }, 'Cancel')));
  dialog = { element: el('dialog', { className: 'card report-dialog', 'aria-labelledby': 'report-title' }, form), title, category, note, error, send, form, submit: null };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    dialog.submit?.();
  });
  document.body.append(dialog.element);
  return dialog;
}

/**
 * Opens the report form. `target` is the hub's ReportMessage argument ({ conversationId | groupId, seq })
 * or ReportPerson's ({ personId, conversationId?, groupId? }).
 */
export function openReport(hub, { about, method, target }) {
  const form = reportDialog();
  form.title.textContent = `Report ${about}`;
  form.category.value = '';
  form.note.value = '';
  form.error.textContent = '';
  form.send.disabled = false;
  form.submit = async () => {
    if (!form.category.value) {
      form.error.textContent = "Choose what's wrong, so the right moderator looks at it.";
      form.category.focus();
      return;
    }
    form.send.disabled = true;
    try {
      const note = form.note.value.trim();
      await hub.invoke(method, { ...target, category: form.category.value, note: note || null });
      form.element.close();
      showNotice(`Thank you. Your report about ${about} went to the moderators; we'll tell you the outcome.`);
    } catch (failure) {
      form.send.disabled = false;
      form.error.textContent = hubErrorMessage(failure);
    }
  };
  form.element.showModal();
  form.category.focus();
}

/** "Report" under someone else's message. */
export function reportMessageButton(hub, where, message, authorName) {
  return el('button', {
    type: 'button', className: 'quiet',
    'aria-label': `Report this message from ${authorName}`,
    onclick: () => openReport(hub, { about: `a message from ${authorName}`, method: 'ReportMessage', target: { ...where, seq: message.seq } }),
  }, 'Report');
}

/** "Report" and "Block" for a person; blocking asks once more, since it cannot be undone here. */
export function personControls(hub, person, where, onBlocked) {
  const name = person.pseudonym;
  const status = el('span', { role: 'status' });
  const report = el('button', {
    type: 'button', className: 'quiet', 'aria-label': `Report ${name}`,
    onclick: () => openReport(hub, { about: name, method: 'ReportPerson', target: { personId: person.personId, ...where } }),
  }, 'Report');
  const block = el('button', { type: 'button', className: 'quiet', 'aria-label': `Block ${name}` }, 'Block');
  const confirm = el('span', { className: 'confirm', hidden: true },
    `Block ${name}? You won't be matched or see each other's messages again, and a conversation you share ends. `,
    el('button', {
      type: 'button', className: 'danger',
      onclick: async () => {
        try {
          await hub.invoke('BlockPerson', person.personId);
          confirm.hidden = true;
          block.disabled = true;
          status.textContent = `You blocked ${name}.`;
          onBlocked?.();
        } catch (failure) {
          status.textContent = hubErrorMessage(failure);
        }
      },
    }, `Yes, block ${name}`), ' ',
    el('button', { type: 'button', className: 'secondary', onclick: () => { confirm.hidden = true; block.focus(); } }, 'Cancel'));
  block.addEventListener('click', () => {
    confirm.hidden = false;
    confirm.querySelector('button').focus();
  });
  return el('span', { className: 'person-controls' }, report, block, confirm, status);
}
