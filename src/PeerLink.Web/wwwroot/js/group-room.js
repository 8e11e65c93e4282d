// One group room: its members and who is online, the history, posting, and leaving; what moderators
// change (a pinned message, a lock, removed messages) shows live, and so does a mute on me.
import { get, hubErrorMessage, messagesAfter } from './api.js';
import { el, formatTime } from './dom.js';
import { MessageLog, composer } from './messages.js';
import { personControls, reasonClause, reportMessageButton } from './safety.js';

const HistoryShown = 50;

export class GroupRoom {
  /**
   * @param {{ hub: object, me: string, room: { groupId: string, title: string, description?: string }, onLeft: () => void,
   *           enter?: () => Promise<object>, moderating?: { quietly: boolean, tools: Node,
   *           messageActions: (m: object) => Node[], memberActions: (member: object) => Node[] } }} options
   * A moderator's console passes `enter` (WatchGroup) and `moderating`, with its own tools in place of report and block.
   */
  constructor({ hub, me, room, onLeft, enter, moderating = null }) {
    this.hub = hub;
    this.me = me;
    this.groupId = room.groupId;
    this.title = room.title;
    this.onLeft = onLeft;
    this.enter = enter ?? (() => hub.invoke('JoinGroup', this.groupId));
    this.moderating = moderating;
    this.members = new Map();
    this.locked = null;
    this.mutedUntil = null;
    this.left = false;
    // Until the first JoinGroup (or WatchGroup) answers, the hub would refuse a post from someone
    // not yet a member, so the box waits for it rather than failing what was typed quickly.
    this.entered = false;
    const where = { groupId: this.groupId };
    this.log = new MessageLog({
      label: `Messages in ${room.title}`,
      me,
      authorName: (message) => this.authorName(message),
      send: (text) => hub.invoke('SendGroupMessage', this.groupId, text),
      fetchAfter: (seq) => messagesAfter(`/api/groups/${encodeURIComponent(this.groupId)}/messages`, seq),
      actions: moderating?.messageActions
        ?? ((message) => (message.senderId === me ? [] : [reportMessageButton(hub, where, message, this.authorName(message))])),
    });
    this.composer = composer({ id: `group-message-${this.groupId}`, label: `Message to ${room.title}`, onSend: (text) => this.log.send(text) });
    this.composer.element.hidden = Boolean(moderating?.quietly);
    this.pauseIfNeeded();
    this.memberList = el('ul', { className: 'members' });
    this.memberCount = el('span');
    this.lockNote = el('p', { className: 'room-state', hidden: true });
    this.pinned = el('div', { className: 'pinned', hidden: true });
    this.error = el('p', { className: 'error', role: 'alert' });
    const titleId = `room-title-${this.groupId}`;
    this.element = el('section', { className: 'card room', 'aria-labelledby': titleId, 'data-group': this.groupId },
      el('h2', { id: titleId, tabindex: '-1' }, room.title),
      room.description ? el('p', { className: 'note' }, room.description) : null,
      moderating?.tools ?? null,
      this.lockNote,
      this.pinned,
      el('div', { className: 'room-layout' },
        el('div', {}, this.log.element, this.composer.element),
        el('aside', { 'aria-label': 'Members' }, el('h3', {}, 'Members (', this.memberCount, ')'), this.memberList)),
      this.error,
      el('div', { className: 'actions' }, el('button', { type: 'button', className: 'secondary', onclick: () => this.leave() }, moderating ? 'Stop watching' : 'Leave room')));
  }

  authorName(message) {
    return message.pseudonym ?? this.members.get(message.senderId)?.pseudonym ?? 'Someone';
  }

  /** Joins (or watches), then shows the members, the room's state and the recent history. Also used again after a reconnect. */
  async join() {
    const joined = await this.enter();
    this.entered = true;
    this.members = new Map(joined.members.map((member) => [member.personId, member]));
    this.renderMembers();
    this.setLocked(joined.locked, null);
    const until = this.members.get(this.me)?.mutedUntil;
    this.setMuted(until && new Date(until) > new Date() ? { until, reason: null } : null);
    if (this.log.lastSeq === 0) this.log.lastSeq = Math.max(0, joined.lastSeq - HistoryShown);
    await this.log.catchUp();
    await this.showPinned(joined.pinnedSeq);
  }

  receive(message) {
    this.log.add(message);
  }

  memberChanged({ personId, pseudonym, joined }) {
    if (personId === this.me && !joined) {
      // Left in another tab, or removed by a moderator (the notice says why).
      this.close();
      return;
    }
    if (joined) this.members.set(personId, { ...this.members.get(personId), personId, pseudonym, online: true });
    else this.members.delete(personId);
    this.log.note(joined ? `${pseudonym} joined.` : `${pseudonym} left.`);
    this.renderMembers();
  }

  /** A member's first connection opened or their last one closed. */
  presenceChanged({ personId, online }) {
    const member = this.members.get(personId);
    if (!member) return;
    member.online = online;
    this.renderMembers();
  }

  /** A moderator changed the room (GroupUpdated). */
  async updated({ change, seq, reason }) {
    if (change === 'message-deleted') this.log.markRemoved(seq);
    else if (change === 'locked' || change === 'unlocked') this.setLocked(change === 'locked', reason);
    else if (change === 'pinned') await this.showPinned(seq);
    else if (change === 'unpinned') await this.showPinned(null);
  }

  /** A moderator's action on me in this room (ModerationNotice); the page-wide notice says it in words. */
  noticed({ action, until, reason }) {
    if (action === 'muted') this.setMuted({ until, reason });
  }

  setLocked(locked, reason) {
    if (this.locked === locked) return;
    this.locked = locked;
    this.lockNote.hidden = !locked;
    this.lockNote.textContent = locked
      ? `A moderator locked this room${reasonClause(reason) ? `: ${reasonClause(reason)}` : ''}. Only moderators can post for now.`
      : '';
    if (reason !== null) this.log.note(locked ? 'A moderator locked the room.' : 'A moderator unlocked the room. You can post again.');
    this.moderating?.lockChanged?.(locked);
    this.pauseIfNeeded();
  }

  setMuted(muted) {
    clearTimeout(this.muteTimer);
    this.mutedUntil = muted ? new Date(muted.until) : null;
    this.muteReason = muted?.reason ?? null;
    if (muted) this.muteTimer = setTimeout(() => this.setMuted(null), Math.max(0, this.mutedUntil - Date.now()));
    this.pauseIfNeeded();
  }

  pauseIfNeeded() {
    const why = !this.entered ? 'Joining the room…'
      : this.locked && !this.moderating ? 'This room is locked. Only moderators can post for now.'
      : this.mutedUntil ? `A moderator muted you until ${formatTime(this.mutedUntil.toISOString())}${reasonClause(this.muteReason) ? `: ${reasonClause(this.muteReason)}` : ''}. You can read, but not post.`
        : null;
    this.composer.pause(why);
  }

  async showPinned(seq) {
    this.pinnedSeq = seq ?? null;
    this.pinned.hidden = seq === null || seq === undefined;
    if (this.pinned.hidden) {
      this.pinned.replaceChildren();
      return;
    }
    let text = this.log.textOf(seq);
    if (text === null) {
      const page = await get(`/api/groups/${encodeURIComponent(this.groupId)}/messages?after=${seq - 1}&limit=1`);
      text = page.messages[0]?.text ?? '';
    }
    this.pinned.replaceChildren(el('p', {}, el('strong', {}, 'Pinned by a moderator: '), el('span', { className: 'pinned-text' }, text)),
      this.moderating?.pinnedActions?.() ?? null);
  }

  async leave() {
    try {
      await this.hub.invoke('LeaveGroup', this.groupId);
      this.close();
    } catch (error) {
      this.error.textContent = hubErrorMessage(error);
    }
  }

  close() {
    if (this.left) return;
    this.left = true;
    clearTimeout(this.muteTimer);
    this.element.remove();
    this.onLeft();
  }

  renderMembers() {
    this.memberCount.textContent = String(this.members.size);
    const where = { groupId: this.groupId };
    this.memberList.replaceChildren(...[...this.members.values()].map((member) =>
      el('li', { 'data-online': member.online ? 'true' : 'false', 'data-person': member.personId },
        el('span', {}, member.pseudonym),
        member.moderator ? el('span', { className: 'presence' }, '(moderator)') : null,
        el('span', { className: 'presence' }, member.online ? 'online' : 'away'),
        member.personId === this.me || member.moderator ? null
          : this.moderating?.memberActions(member) ?? personControls(this.hub, member, where))));
  }
}

/** Sends each room's events to its view, found by `find(groupId)`. */
export function routeRoomEvents(hub, find) {
  hub.on('GroupMessageReceived', (message) => find(message.groupId)?.receive(message));
  hub.on('GroupMemberChanged', (change) => find(change.groupId)?.memberChanged(change));
  hub.on('GroupMemberPresence', (presence) => find(presence.groupId)?.presenceChanged(presence));
  hub.on('GroupUpdated', (update) => find(update.groupId)?.updated(update));
  hub.on('ModerationNotice', (notice) => (notice.groupId ? find(notice.groupId)?.noticed(notice) : undefined));
  hub.on('MessagesRemoved', ({ groupId, seqs }) => {
    const room = groupId ? find(groupId) : null;
    for (const seq of seqs) room?.log.markRemoved(seq);
  });
}
