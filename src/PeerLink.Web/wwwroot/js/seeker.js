// The seeker's page: pseudonym → identities, language and topic → waiting → chat → feedback.
import { currentPerson, get, getOptional, hubErrorMessage, post } from './api.js';
import { ChatPane, routeConversationEvents } from './chat.js';
import { createConnection } from './connection.js';
import { $, announce, el, markReady, setText, showStep } from './dom.js';
import { GroupRoom, routeRoomEvents } from './group-room.js';
import { guestSignIn } from './guest.js';
import { identityPicker } from './identity-picker.js';
import { fillLanguages } from './languages.js';
import { renderHeader } from './layout.js';

const steps = ['#step-pseudonym', '#step-request', '#step-waiting', '#step-chat', '#step-ended'];

const state = {
  me: null,
  hub: null,
  picker: null,
  request: null,        // what was last asked for: { identities, language, topic }
  requestId: null,
  chat: null,
  partner: null,
  waitingRoom: null,
};

function waitText(seconds) {
  if (seconds === null || seconds === undefined) return "We can't estimate it yet. We'll update this as soon as we can.";
  if (seconds < 60) return 'Less than a minute';
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? 'About 1 minute' : `About ${minutes} minutes`;
}

function showQueue({ position, estimatedWaitSeconds, stageDescription }) {
  setText('#queue-position', position === 1 ? "1 (you're next)" : String(position));
  setText('#queue-wait', waitText(estimatedWaitSeconds));
  if ($('#queue-stage').textContent !== stageDescription) {
    setText('#queue-stage', stageDescription);
    announce(stageDescription);
  }
}

async function requestConversation(request) {
  const error = $('#request-error');
  error.textContent = '';
  try {
    state.requestId = null;
    for (const fact of ['#queue-position', '#queue-wait', '#queue-stage']) setText(fact, '…');
    showStep(steps, '#step-waiting');
    const created = await state.hub.invoke('RequestConversation', request);
    state.request = request;
    state.requestId = created.requestId;
    await inviteToGroupRoom(request.identities);
  } catch (failure) {
    showStep(steps, '#step-request');
    error.textContent = hubErrorMessage(failure);
  }
}

/** While someone waits, a group room that shares one of their identities lets contact start at once. */
async function inviteToGroupRoom(identities) {
  const rooms = (await getOptional('/api/groups')) ?? [];
  const room = identities.map((id) => rooms.find((r) => r.identities.includes(id))).find(Boolean);
  $('#group-invitation').hidden = !room || state.waitingRoom !== null;
  if (!room) return;
  setText('#group-invitation-text',
    `"${room.title}" is a moderated group room for people who share something with you. You can talk there while you wait; we'll still tell you as soon as someone is ready.`);
  $('#join-waiting-room').onclick = async () => {
    state.waitingRoom = new GroupRoom({ hub: state.hub, me: state.me, room, onLeft: () => { state.waitingRoom = null; $('#group-invitation').hidden = false; } });
    $('#waiting-room').replaceChildren(state.waitingRoom.element);
    $('#group-invitation').hidden = true;
    setText('#group-invitation-error', '');
    const view = state.waitingRoom;
    try {
      await view.join();
      $('h2', view.element).focus();
    } catch (failure) {
      // A full or closed room: the invitation comes back with the reason.
      view.close();
      setText('#group-invitation-error', hubErrorMessage(failure));
    }
  };
}

async function leaveWaitingRoom() {
  if (!state.waitingRoom) return;
  const room = state.waitingRoom;
  state.waitingRoom = null;
  room.element.remove();
  try { await state.hub.invoke('LeaveGroup', room.groupId); } catch { /* the room forgets a member who is gone */ }
}

async function openChat(conversation) {
  state.requestId = null;
  state.partner = conversation.partner;
  await leaveWaitingRoom();
  state.chat = new ChatPane({ hub: state.hub, me: state.me, conversation });
  $('#step-chat').replaceChildren(state.chat.element);
  setText('.partner-name', conversation.partner.pseudonym);
  showStep(steps, '#step-chat');
  announce(`You're now talking with ${conversation.partner.pseudonym}. ${conversation.reason ?? ''}`);
  await state.chat.catchUp();
}

function conversationEnded({ conversationId, endedBy }) {
  if (state.chat?.conversationId !== conversationId) return;
  state.chat.close(endedBy === state.me);
  // The transcript stays readable above the feedback prompt.
  $('#step-ended').hidden = false;
  $('#feedback-form').hidden = false;
  setText('#feedback-status', '');
  setText('#check-in-status', '');
  $('#ended-title').focus();
}

function listen(hub) {
  hub.on('QueueUpdated', (update) => {
    if (state.requestId === null || update.requestId === state.requestId) showQueue(update);
  });
  hub.on('Matched', openChat);
  routeConversationEvents(hub, (id) => (state.chat?.conversationId === id ? state.chat : null), () => state.me);
  hub.on('ConversationEnded', conversationEnded);
  routeRoomEvents(hub, (id) => (state.waitingRoom?.groupId === id ? state.waitingRoom : null));
  hub.onReconnected(async () => {
    await state.chat?.catchUp();
    await state.waitingRoom?.join();
  });
}

async function signedIn(personId) {
  state.me = personId;
  $('#account').hidden = false;
  const catalog = await get('/api/identities');
  state.picker = identityPicker(catalog, { options: $('#identity-options'), ranking: $('#ranking'), section: $('#ranking-section') });
  state.hub = createConnection();
  listen(state.hub);
  await state.hub.start();
  const active = ((await getOptional('/api/conversations')) ?? []).find((c) => c.status === 'active');
  if (active) await openChat(active);
  else showStep(steps, '#step-request');
}

function wireRequestForm() {
  $('#step-request').addEventListener('submit', (event) => {
    event.preventDefault();
    const identities = state.picker.value();
    if (identities.length === 0) {
      setText('#request-error', 'Please choose at least one thing that describes you.');
      $('#identity-options input').focus();
      return;
    }
    const topic = $('#topic').value.trim();
    requestConversation({ identities, language: $('#language').value, topic: topic || null });
  });
  $('#cancel-request').addEventListener('click', async () => {
    const requestId = state.requestId;
    if (requestId === null) return;
    try {
      await state.hub.invoke('CancelRequest', requestId);
      state.requestId = null;
      await leaveWaitingRoom();
      showStep(steps, '#step-request');
      announce('Your request is cancelled.');
    } catch (failure) {
      setText('#queue-stage', hubErrorMessage(failure));
    }
  });
}

function wireAfterTheEnd() {
  const rating = $('#rating');
  for (const value of [1, 2, 3, 4, 5]) {
    const id = `rating-${value}`;
    rating.append(el('span', {}, el('input', { type: 'radio', name: 'rating', id, value: String(value) }), ' ',
      el('label', { for: id }, value === 1 ? '1 (not good)' : value === 5 ? '5 (very good)' : String(value))));
  }
  $('#feedback-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = $('input[name="rating"]:checked');
    if (!chosen) {
      setText('#feedback-status', 'Please choose a rating from 1 to 5.');
      return;
    }
    try {
      await post(`/api/conversations/${encodeURIComponent(state.chat.conversationId)}/feedback`,
        { rating: Number(chosen.value), talkAgain: $('#talk-again-wish').checked });
      setText('#feedback-status', 'Thank you for your feedback.');
    } catch (failure) {
      setText('#feedback-status', `We couldn't send your feedback: ${failure.message}`);
    }
  });
  $('#talk-again').addEventListener('click', () => {
    $('#step-chat').replaceChildren();
    requestConversation({ ...state.request, identities: state.request?.identities ?? state.picker.value(), language: state.request?.language ?? $('#language').value, preferredPeerId: state.partner.personId });
  });
  $('#find-new').addEventListener('click', () => {
    $('#step-chat').replaceChildren();
    showStep(steps, '#step-request');
  });
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  $('#check-in-at').value = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  $('#check-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const at = new Date($('#check-in-at').value);
    if (Number.isNaN(at.getTime())) {
      setText('#check-in-status', 'Please choose a date and time.');
      return;
    }
    try {
      await post(`/api/conversations/${encodeURIComponent(state.chat.conversationId)}/check-in`, { at: at.toISOString() });
      setText('#check-in-status', `Check-in scheduled for ${at.toLocaleString()}.`);
    } catch (failure) {
      setText('#check-in-status', `We couldn't schedule it: ${failure.message}`);
    }
  });
}

/** Account settings are rarely needed, so their module loads only when someone opens them. */
function wireAccount() {
  $('#account').addEventListener('toggle', async () => {
    if (!$('#account').open || $('#account-body').childElementCount > 0) return;
    const { renderAccount } = await import('./account.js');
    await renderAccount($('#account-body'));
  });
}

renderHeader();
wireAccount();
guestSignIn($('#step-pseudonym'), ({ personId }) => signedIn(personId));
const languages = fillLanguages($('#language'));
wireRequestForm();
wireAfterTheEnd();
await languages;
markReady();

const person = await currentPerson();
if (person) await signedIn(person.personId);
