// One live one-to-one conversation: who it is with and why, the messages, a message box, the safety
// controls (report, block, call a moderator) and "End". A moderator who joined sees the same pane.
import { hubErrorMessage, messagesAfter } from './api.js';
import { el } from './dom.js';
import { MessageLog, composer } from './messages.js';
import { personControls, reportMessageButton } from './safety.js';

export class ChatPane {
  /**
   * @param {{ hub: object, me: string,
   *           conversation: { conversationId: string, partner?: { personId: string, pseudonym: string }, reason?: string,
   *                           seeker?: object, peer?: object },
   *           callModerator?: boolean, moderating?: boolean }} options
   * A participant's conversation names its `partner`; a moderator's names the `seeker` and the `peer`.
   */
  constructor({ hub, me, conversation, callModerator = false, moderating = false }) {
    const { conversationId, partner, reason } = conversation;
    const people = moderating ? [conversation.seeker, conversation.peer] : [partner];
    this.hub = hub;
    this.conversationId = conversationId;
    this.partner = partner ?? null;
    this.ended = false;
    this.names = new Map(people.map((person) => [person.personId, person.pseudonym]));
    this.moderators = new Set();
    const where = { conversationId };
    this.log = new MessageLog({
      label: moderating ? `Messages between ${people[0].pseudonym} and ${people[1].pseudonym}` : `Messages with ${partner.pseudonym}`,
      me,
      authorName: (message) => this.authorName(message),
      send: (text) => hub.invoke('SendMessage', conversationId, text),
      fetchAfter: (seq) => messagesAfter(`/api/conversations/${encodeURIComponent(conversationId)}/messages`, seq),
      actions: (message) => (moderating || message.senderId === me || this.moderators.has(message.senderId)
        ? [] : [reportMessageButton(hub, where, message, this.authorName(message))]),
    });
    this.composer = composer({
      id: `message-${conversationId}`,
      label: moderating ? 'Message to both, as a moderator' : `Message to ${partner.pseudonym}`,
      onSend: (text) => this.log.send(text),
    });
    this.error = el('p', { className: 'error', role: 'alert' });
    this.status = el('p', { role: 'status' });
    this.endButton = el('button', { type: 'button', className: 'danger', onclick: () => this.end() }, 'End conversation');
    this.callButton = callModerator ? el('button', { type: 'button', className: 'secondary', onclick: () => this.callModerator() }, 'Call a moderator') : null;
    this.actions = el('div', { className: 'actions' },
      moderating ? null : this.endButton,
      this.callButton,
      moderating ? null : personControls(hub, partner, where));
    const titleId = `chat-title-${conversationId}`;
    this.element = el('section', { className: 'card chat', 'aria-labelledby': titleId, 'data-conversation': conversationId },
      moderating
        ? el('h2', { id: titleId, tabindex: '-1' }, 'Conversation between ', el('span', { className: 'partner' }, people[0].pseudonym), ' and ', el('span', { className: 'partner' }, people[1].pseudonym))
        : el('h2', { id: titleId, tabindex: '-1' }, 'Talking with ', el('span', { className: 'partner' }, partner.pseudonym)),
      reason ? el('p', { className: 'reason' }, reason) : null,
      this.log.element,
      this.composer.element,
      this.error,
      this.status,
      this.actions);
  }

  authorName(message) {
    const name = message.pseudonym ?? this.names.get(message.senderId) ?? 'Someone';
    return this.moderators.has(message.senderId) ? `${name} (moderator)` : name;
  }

  receive(message) {
    this.log.add(message);
  }

  catchUp() {
    return this.log.catchUp();
  }

  /** A moderator joined, after a call or a crisis alert; everyone in the conversation is told. */
  moderatorJoined({ moderatorId, pseudonym }, me) {
    this.names.set(moderatorId, pseudonym);
    this.moderators.add(moderatorId);
    this.log.note(moderatorId === me ? 'You joined the conversation as a moderator. Both people see that you joined.' : `A moderator, ${pseudonym}, joined the conversation.`);
  }

  /** A moderator's part in the conversation ended: they left, the call was dealt with, or they are no longer a moderator. */
  moderatorLeft({ moderatorId, pseudonym, reason }, me) {
    this.moderators.delete(moderatorId);
    if (moderatorId === me) {
      this.log.note(reason === 'call-resolved' ? 'The call was dealt with, so you have left this conversation.' : 'You have left this conversation.');
      this.composer.close();
      return;
    }
    this.log.note(`The moderator, ${pseudonym}, left the conversation.`);
  }

  async callModerator() {
    this.callButton.disabled = true;
    try {
      await this.hub.invoke('CallModerator', this.conversationId, null);
      this.status.textContent = 'A moderator has been called. They will join this conversation, and you will both see when they do.';
    } catch (error) {
      this.callButton.disabled = false;
      this.error.textContent = hubErrorMessage(error);
    }
  }

  async end() {
    this.endButton.disabled = true;
    try {
      await this.hub.invoke('EndConversation', this.conversationId);
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
    // Reporting and blocking stay: what happened may only be clear once it is over.
    this.endButton.hidden = true;
    if (this.callButton) this.callButton.hidden = true;
  }
}

/** Sends each conversation's events to its pane, found by `find(conversationId)`. */
export function routeConversationEvents(hub, find, me) {
  hub.on('MessageReceived', (message) => find(message.conversationId)?.receive(message));
  hub.on('ModeratorJoined', (joined) => find(joined.conversationId)?.moderatorJoined(joined, me()));
  hub.on('ModeratorLeft', (left) => find(left.conversationId)?.moderatorLeft(left, me()));
  hub.on('MessagesRemoved', ({ conversationId, seqs }) => {
    const chat = conversationId ? find(conversationId) : null;
    for (const seq of seqs) chat?.log.markRemoved(seq);
  });
}
