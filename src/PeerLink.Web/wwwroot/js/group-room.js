// One group room: its members and who is online, the history, posting, and leaving.
import { hubErrorMessage, messagesAfter } from './api.js';
import { el } from './dom.js';
import { MessageLog, composer } from './messages.js';

const HistoryShown = 50;

export class GroupRoom {
  /** @param {{ hub: object, me: string, room: { groupId: string, title: string, description?: string }, onLeft: () => void }} options */
  constructor({ hub, me, room, onLeft }) {
    this.hub = hub;
    this.groupId = room.groupId;
    this.onLeft = onLeft;
    this.members = new Map();
    this.log = new MessageLog({
      label: `Messages in ${room.title}`,
      me,
      authorName: (message) => message.pseudonym ?? this.members.get(message.senderId)?.pseudonym ?? 'Someone',
      send: (text) => hub.invoke('SendGroupMessage', this.groupId, text),
      fetchAfter: (seq) => messagesAfter(`/api/groups/${encodeURIComponent(this.groupId)}/messages`, seq),
    });
    this.memberList = el('ul', { className: 'members' });
    this.memberCount = el('span');
    this.error = el('p', { className: 'error', role: 'alert' });
    const titleId = `room-title-${this.groupId}`;
    this.element = el('section', { className: 'card room', 'aria-labelledby': titleId, 'data-group': this.groupId },
      el('h2', { id: titleId, tabindex: '-1' }, room.title),
      room.description ? el('p', { className: 'note' }, room.description) : null,
      el('div', { className: 'room-layout' },
        el('div', {}, this.log.element,
          composer({ id: `group-message-${this.groupId}`, label: `Message to ${room.title}`, onSend: (text) => this.log.send(text) }).element),
        el('aside', { 'aria-label': 'Members' }, el('h3', {}, 'Members (', this.memberCount, ')'), this.memberList)),
      this.error,
      el('div', { className: 'actions' }, el('button', { type: 'button', className: 'secondary', onclick: () => this.leave() }, 'Leave room')));
  }

  /** Joins, then shows the members and the recent history. Also used again after a reconnect. */
  async join() {
    const joined = await this.hub.invoke('JoinGroup', this.groupId);
    this.members = new Map(joined.members.map((member) => [member.personId, member]));
    this.renderMembers();
    if (this.log.lastSeq === 0) this.log.lastSeq = Math.max(0, joined.lastSeq - HistoryShown);
    await this.log.catchUp();
  }

  receive(message) {
    this.log.add(message);
  }

  memberChanged({ personId, pseudonym, joined }) {
    if (joined) this.members.set(personId, { ...this.members.get(personId), personId, pseudonym, online: true });
    else this.members.delete(personId);
    this.log.note(joined ? `${pseudonym} joined.` : `${pseudonym} left.`);
    this.renderMembers();
  }

  async leave() {
    try {
      await this.hub.invoke('LeaveGroup', this.groupId);
      this.element.remove();
      this.onLeft();
    } catch (error) {
      this.error.textContent = hubErrorMessage(error);
    }
  }

  renderMembers() {
    this.memberCount.textContent = String(this.members.size);
    this.memberList.replaceChildren(...[...this.members.values()].map((member) =>
      el('li', { 'data-online': member.online ? 'true' : 'false' },
        el('span', {}, member.pseudonym),
        member.moderator ? el('span', { className: 'presence' }, '(moderator)') : null,
        el('span', { className: 'presence' }, member.online ? 'online' : 'away'))));
  }
}
