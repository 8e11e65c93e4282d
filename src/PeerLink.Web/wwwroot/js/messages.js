// A live list of messages, shared by one-to-one chats and group rooms. Messages are ordered and
// de-duplicated by their server sequence number: the sender also hears its own message back, and
// a catch-up after a reconnect may bring a message the page already has.
import { hubErrorMessage } from './api.js';
import { el, formatTime } from './dom.js';

export const MaxMessageLength = 4000;

export class MessageLog {
  /**
   * @param {{ label: string, me: string, authorName: (m: object) => string,
   *           send: (text: string) => Promise<{ seq: number, sentAt: string }>,
   *           fetchAfter: (seq: number) => Promise<object[] | null> }} options
   */
  constructor(options) {
    this.options = options;
    this.lastSeq = 0;
    this.bySeq = new Map();
    this.list = el('ol');
    // role="log" is a polite live region: new messages are read out as they arrive.
    this.element = el('div', { className: 'messages', role: 'log', 'aria-label': options.label, tabindex: '0' }, this.list);
  }

  /** A message from the server: an event, history or catch-up. */
  add(message) {
    if (this.bySeq.has(message.seq)) return;
    const mine = message.senderId === this.options.me;
    const pending = mine && [...this.list.querySelectorAll('.message[data-state="pending"]')]
      .find((item) => item.querySelector('.text').textContent === message.text);
    if (pending) {
      this.confirm(pending, message);
      return;
    }
    this.place(this.render(message, mine, 'received'), message.seq);
  }

  /** Shows the message at once as sent, then as confirmed when the server has stored it. */
  async send(text) {
    const item = this.render({ text, sentAt: new Date().toISOString(), senderId: this.options.me }, true, 'pending');
    this.list.append(item);
    this.scroll();
    try {
      const stored = await this.options.send(text);
      this.confirm(item, stored);
    } catch (error) {
      item.dataset.state = 'failed';
      item.querySelector('.status').textContent = `Not sent: ${hubErrorMessage(error)}`;
    }
  }

  /** Fetches every message after the last one shown. */
  async catchUp() {
    const missed = await this.options.fetchAfter(this.lastSeq);
    for (const message of missed ?? []) this.add(message);
  }

  note(text) {
    this.list.append(el('li', { className: 'system' }, text));
    this.scroll();
  }

  confirm(item, { seq, sentAt }) {
    if (this.bySeq.has(seq)) {
      if (this.bySeq.get(seq) !== item) item.remove();
      return;
    }
    item.dataset.state = 'confirmed';
    item.querySelector('.status').textContent = 'Delivered';
    item.querySelector('time').textContent = formatTime(sentAt);
    item.remove();
    this.place(item, seq);
  }

  render(message, mine, state) {
    const statusText = state === 'pending' ? 'Sending…' : '';
    return el('li', { className: mine ? 'message mine' : 'message', 'data-state': state },
      el('p', { className: 'meta' },
        el('span', { className: 'author' }, mine ? 'You' : this.options.authorName(message)), ' · ',
        el('time', { datetime: message.sentAt }, formatTime(message.sentAt))),
      el('p', { className: 'text' }, message.text),
      mine ? el('span', { className: 'status' }, statusText) : null);
  }

  /** Inserts in sequence order, before any messages still being sent. */
  place(item, seq) {
    item.dataset.seq = String(seq);
    this.bySeq.set(seq, item);
    this.lastSeq = Math.max(this.lastSeq, seq);
    const after = [...this.list.children].find((other) =>
      other.dataset.state === 'pending' || Number(other.dataset.seq) > seq);
    this.list.insertBefore(item, after ?? null);
    this.scroll();
  }

  scroll() {
    this.element.scrollTop = this.element.scrollHeight;
  }
}

/** A message box with a Send button. Enter sends; Shift+Enter starts a new line. */
export function composer({ id, label, onSend }) {
  const box = el('textarea', { id, name: 'text', rows: '2', maxlength: String(MaxMessageLength), autocomplete: 'off' });
  const error = el('p', { className: 'error', role: 'alert' });
  const form = el('form', { className: 'composer', novalidate: true },
    el('div', { className: 'field' }, el('label', { for: id }, label), box),
    el('button', { type: 'submit' }, 'Send'));
  const wrapper = el('div', {}, form, error);

  async function submit(event) {
    event.preventDefault();
    const text = box.value.trim();
    if (!text) return;
    box.value = '';
    error.textContent = '';
    try {
      await onSend(text);
    } catch (failure) {
      error.textContent = hubErrorMessage(failure);
    }
  }

  form.addEventListener('submit', submit);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) submit(event);
  });
  return {
    element: wrapper,
    close() {
      wrapper.hidden = true;
    },
  };
}
