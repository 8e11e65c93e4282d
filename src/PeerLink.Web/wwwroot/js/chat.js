// One live one-to-one conversation: who it is with and why, the messages, a message box and "End".
import { hubErrorMessage, messagesAfter } from './api.js';
import { el } from './dom.js';
import { MessageLog, composer } from './messages.js';

export class ChatPane {
  /** @param {{ hub: object, me: string, conversation: { conversationId: string, partner: { pseudonym: string }, reason?: string } }} options */
  constructor({ hub, me, conversation }) {
    const { conversationId, partner, reason } = conversation;
    this.conversationId = conversationId;
    this.partner = partner;
    this.ended = false;
    this.log = new MessageLog({
      label: `Messages with ${partner.pseudonym}`,
      me,
      authorName: () => partner.pseudonym,
      send: (text) => hub.invoke('SendMessage', conversationId, text),
      fetchAfter: (seq) => messagesAfter(`/api/conversations/${encodeURIComponent(conversationId)}/messages`, seq),
    });
    this.composer = composer({ id: `message-${conversationId}`, label: `Message to ${partner.pseudonym}`, onSend: (text) => this.log.send(text) });
    this.error = el('p', { className: 'error', role: 'alert' });
    this.endButton = el('button', { type: 'button', className: 'danger', onclick: () => this.end(hub) }, 'End conversation');
    const titleId = `chat-title-${conversationId}`;
    this.element = el('section', { className: 'card chat', 'aria-labelledby': titleId, 'data-conversation': conversationId },
      el('h2', { id: titleId, tabindex: '-1' }, 'Talking with ', el('span', { className: 'partner' }, partner.pseudonym)),
      reason ? el('p', { className: 'reason' }, reason) : null,
      this.log.element,
      this.composer.element,
      this.error,
      el('div', { className: 'actions' }, this.endButton));
  }

  receive(message) {
    this.log.add(message);
  }

  catchUp() {
    return this.log.catchUp();
  }

  async end(hub) {
    this.endButton.disabled = true;
    try {
      await hub.invoke('EndConversation', this.conversationId);
    } catch (error) {
      this.endButton.disabled = false;
      this.error.textContent = hubErrorMessage(error);
    }
  }

  /** The conversation is over, whoever ended it. */
  close(endedByMe) {
    if (this.ended) return;
    this.ended = true;
    this.log.note(endedByMe ? 'You ended the conversation.' : `${this.partner.pseudonym} ended the conversation.`);
    this.composer.close();
    this.endButton.hidden = true;
  }
}
