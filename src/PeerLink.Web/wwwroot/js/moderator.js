// The moderator console: sign in, on duty or off, the live dashboard, watched rooms and joined conversations.
import { hubErrorMessage } from './api.js';
import { ChatPane, routeConversationEvents } from './chat.js';
import { createConnection } from './connection.js';
import { $, announce, el, markReady, setText } from './dom.js';
import { routeRoomEvents } from './group-room.js';
import { renderHeader } from './layout.js';
import { Dashboard } from './moderator-dashboard.js';
import { moderatedRoom } from './moderator-room.js';
import { accountSignIn, signedInAs } from './sign-in.js';

const RefreshSeconds = 5;

const state = { me: null, hub: null, dashboard: null, onDuty: false, rooms: new Map(), conversations: new Map() };

/** Only on-duty moderators are sent alerts, calls and reports; the dashboard shows what is open either way. */
async function setOnDuty(onDuty) {
  try {
    await state.hub.invoke('SetOnDuty', onDuty);
    state.onDuty = onDuty;
    const duty = $('#duty');
    duty.setAttribute('aria-checked', String(onDuty));
    setText('#duty .switch-state', onDuty ? 'On' : 'Off');
    setText('#duty-status', onDuty
      ? 'You are on duty: crisis alerts, calls and reports reach you at once.'
      : 'You are off duty: new alerts, calls and reports are not sent to you.');
  } catch (failure) {
    setText('#duty-status', hubErrorMessage(failure));
  }
}

async function watchRoom(room, quietly) {
  const open = state.rooms.get(room.groupId);
  if (open) {
    $('h2', open.element).focus();
    return;
  }
  const view = moderatedRoom({ hub: state.hub, me: state.me, room, quietly, onLeft: () => state.rooms.delete(room.groupId) });
  state.rooms.set(room.groupId, view);
  $('#watched-rooms').append(view.element);
  try {
    await view.join();
    $('h2', view.element).focus();
    announce(quietly ? `Watching ${room.title} quietly.` : `Watching ${room.title}; members see you.`);
  } catch (failure) {
    view.close();
    announce(hubErrorMessage(failure));
  }
}

async function joinConversation(conversationId) {
  const open = state.conversations.get(conversationId);
  if (open) {
    $('h2', open.element).focus();
    return;
  }
  try {
    const conversation = await state.hub.invoke('JoinConversation', conversationId);
    const chat = new ChatPane({ hub: state.hub, me: state.me, conversation, moderating: true });
    // Leaving is a real step: the moderator's access ends, and both people see that they left.
    const leave = async () => {
      try {
        await state.hub.invoke('LeaveConversation', conversationId);
      } catch {
        // Already out (the call was dealt with, or the conversation is gone): close the pane all the same.
      }
      chat.element.remove();
      state.conversations.delete(conversationId);
      $('#conversations-title').focus();
    };
    chat.element.append(el('div', { className: 'actions' }, el('button', { type: 'button', className: 'quiet', onclick: leave }, 'Leave conversation')));
    state.conversations.set(conversationId, chat);
    $('#conversations').append(chat.element);
    $('h2', chat.element).focus();
    await chat.catchUp();
  } catch (failure) {
    announce(hubErrorMessage(failure));
    setText('#duty-status', hubErrorMessage(failure));
  }
}

function listen(hub) {
  routeRoomEvents(hub, (id) => state.rooms.get(id));
  routeConversationEvents(hub, (id) => state.conversations.get(id), () => state.me);
  hub.on('CrisisAlert', (alert) => state.dashboard.alertRaised(alert));
  hub.on('ModeratorCalled', (call) => state.dashboard.moderatorCalled(call));
  hub.on('ReportFiled', (report) => state.dashboard.reportFiled(report));
  hub.onReconnected(async () => {
    // The server takes a moderator off duty when their last console disconnects.
    if (state.onDuty) await setOnDuty(true);
    for (const room of state.rooms.values()) await room.join();
    for (const chat of state.conversations.values()) await chat.catchUp();
    await state.dashboard.refresh();
  });
}

async function signedIn(person) {
  state.me = person.personId;
  setText('#moderator-name', person.pseudonym);
  state.hub = createConnection();
  state.dashboard = new Dashboard({ hub: state.hub, joinConversation, watchRoom });
  listen(state.hub);
  await state.hub.start();
  $('#step-sign-in').hidden = true;
  $('#step-console').hidden = false;
  await setOnDuty(true);
  await state.dashboard.refresh();
  setInterval(() => state.dashboard.refresh(), RefreshSeconds * 1000);
  $('#duty-title').focus();
}

renderHeader();
accountSignIn($('#step-sign-in'), { role: 'moderator', wrongRole: 'This account is not a moderator account.', onSignedIn: signedIn });
$('#duty').addEventListener('click', () => setOnDuty(!state.onDuty));
markReady();
const person = await signedInAs('moderator');
if (person) await signedIn(person);
