// A room as a moderator watches it: the room itself, plus a reason field and the actions on members
// (warn, mute, remove) and messages (delete, pin), and lock or unlock. Every action but pinning needs
// a reason, which the people it affects are told.
import { hubErrorMessage } from './api.js';
import { el } from './dom.js';
import { GroupRoom } from './group-room.js';
import { MaxNoteLength } from './safety.js';

const MuteMinutes = [[5, '5 minutes'], [15, '15 minutes'], [60, '1 hour'], [1440, '24 hours']];

export function moderatedRoom({ hub, me, room, quietly, onLeft }) {
  const { groupId, title } = room;
  const reason = el('input', { id: `reason-${groupId}`, type: 'text', maxlength: String(MaxNoteLength), autocomplete: 'off', 'aria-describedby': `reason-hint-${groupId}` });
  const muteFor = el('select', { id: `mute-for-${groupId}` }, MuteMinutes.map(([minutes, name]) => el('option', { value: String(minutes) }, name)));
  const status = el('p', { role: 'status' });
  const lockButton = el('button', { type: 'button', className: 'danger' }, 'Lock room');
  let view = null;

  const act = async (done, method, ...args) => {
    status.textContent = '';
    try {
      await hub.invoke(method, groupId, ...args);
      status.textContent = done;
    } catch (failure) {
      status.textContent = hubErrorMessage(failure);
    }
  };
  const withReason = (action) => () => {
    const why = reason.value.trim();
    if (!why) {
      status.textContent = 'Give a reason first; the people affected are told it.';
      reason.focus();
      return;
    }
    action(why);
  };
  const button = (text, label, onclick, className = 'quiet') => el('button', { type: 'button', className, 'aria-label': label, onclick }, text);

  lockButton.addEventListener('click', withReason((why) => act(view.locked ? `${title} is unlocked.` : `${title} is locked.`, 'LockGroup', !view.locked, why)));
  const tools = el('div', { className: 'room-tools' },
    el('p', { className: 'note' }, quietly
      ? 'You are watching quietly: members do not see you, and you cannot post.'
      : 'You are watching visibly: members see you in the room as a moderator.'),
    el('div', { className: 'field' },
      el('label', { for: `reason-${groupId}` }, 'Reason'),
      el('p', { id: `reason-hint-${groupId}`, className: 'hint' }, 'For warnings, mutes, removals, deletions and locks. The people affected are told it.'),
      reason),
    el('div', { className: 'field' }, el('label', { for: `mute-for-${groupId}` }, 'Mute for'), muteFor),
    el('div', { className: 'actions' }, lockButton),
    status);

  view = new GroupRoom({
    hub, me, room, onLeft,
    enter: () => hub.invoke('WatchGroup', groupId, quietly),
    moderating: {
      quietly,
      tools,
      messageActions: (message) => {
        const author = view.authorName(message);
        return [
          button('Delete', `Delete the message from ${author}`, withReason((why) => act(`Deleted the message from ${author}.`, 'DeleteGroupMessage', message.seq, why))),
          button('Pin', `Pin the message from ${author}`, () => act(`Pinned the message from ${author}.`, 'PinGroupMessage', message.seq)),
        ];
      },
      memberActions: (member) => {
        const name = member.pseudonym;
        return el('span', { className: 'person-controls' },
          button('Warn', `Warn ${name}`, withReason((why) => act(`${name} is warned for 24 hours.`, 'WarnMember', member.personId, why))),
          button('Mute', `Mute ${name}`, withReason((why) => act(`${name} is muted for ${muteFor.selectedOptions[0].textContent}.`, 'MuteMember', member.personId, Number(muteFor.value), why))),
          button('Remove', `Remove ${name}`, withReason((why) => act(`${name} is removed from ${title} for 24 hours.`, 'RemoveMember', member.personId, why))));
      },
      pinnedActions: () => button('Unpin', 'Unpin the message', () => act('Unpinned.', 'PinGroupMessage', null), 'secondary'),
      lockChanged: (locked) => { lockButton.textContent = locked ? 'Unlock room' : 'Lock room'; },
    },
  });
  return view;
}
