// The group rooms page: a pseudonym if needed, the list of rooms, then one room at a time.
import { currentPerson, get, getOptional, hubErrorMessage } from './api.js';
import { createConnection } from './connection.js';
import { $, announce, el, markReady, showStep } from './dom.js';
import { GroupRoom, routeRoomEvents } from './group-room.js';
import { guestSignIn } from './guest.js';
import { renderHeader } from './layout.js';

const steps = ['#step-pseudonym', '#step-rooms', '#step-room'];
const state = { me: null, hub: null, room: null };

async function join(room) {
  state.room = new GroupRoom({ hub: state.hub, me: state.me, room, onLeft: showRooms });
  $('#step-room').replaceChildren(state.room.element);
  showStep(steps, '#step-room');
  try {
    await state.room.join();
    announce(`You joined ${room.title}.`);
  } catch (failure) {
    state.room = null;
    await showRooms();
    $('#rooms-error').textContent = hubErrorMessage(failure);
  }
}

async function showRooms() {
  state.room = null;
  $('#rooms-error').textContent = '';
  const rooms = (await getOptional('/api/groups')) ?? [];
  const names = new Map((await get('/api/identities')).map((identity) => [identity.id, identity.members]));
  $('#rooms').replaceChildren(...rooms.map((room) => el('li', { className: 'card', 'data-group': room.groupId },
    el('h3', {}, room.title),
    room.description ? el('p', {}, room.description) : null,
    el('p', { className: 'note' }, `${room.identities.length > 0 ? `For ${room.identities.map((id) => names.get(id) ?? id).join(', ')}` : 'Open to everyone'}. ${room.memberCount} of ${room.capacity} places taken.`),
    el('button', { type: 'button', onclick: () => join(room), 'aria-label': `Join ${room.title}` }, 'Join'))));
  if (rooms.length === 0) $('#rooms').append(el('li', { className: 'note' }, 'There are no group rooms yet.'));
  showStep(steps, '#step-rooms');
}

async function signedIn(personId) {
  state.me = personId;
  state.hub = createConnection();
  routeRoomEvents(state.hub, (groupId) => (state.room?.groupId === groupId ? state.room : null));
  state.hub.onReconnected(() => state.room?.join());
  await state.hub.start();
  await showRooms();
}

renderHeader();
guestSignIn($('#step-pseudonym'), ({ personId }) => signedIn(personId));
markReady();
const person = await currentPerson();
if (person) await signedIn(person.personId);
