// The peer's page: sign in, availability and capacity, offers with a countdown, several chats side by side.
import { get, getOptional, hubErrorMessage } from './api.js';
import { ChatPane, routeConversationEvents } from './chat.js';
import { createConnection } from './connection.js';
import { $, announce, el, formatTime, markReady, setText } from './dom.js';
import { renderHeader } from './layout.js';
import { accountSignIn, signedInAs } from './sign-in.js';

const CoolDownMinutes = [5, 15];

const state = { me: null, hub: null, identityNames: new Map(), offers: new Map(), chats: new Map() };

function availabilityFromForm() {
  return { available: $('input[name="available"]:checked').value === 'true', capacity: Number($('#capacity').value) };
}

function describeAvailability({ available, capacity }) {
  return available ? `You are available for up to ${capacity} conversation${capacity === 1 ? '' : 's'} at once.` : 'You are away. No new offers will come.';
}

async function setAvailability(availability) {
  await state.hub.invoke('SetAvailability', availability);
  $(`input[name="available"][value="${availability.available}"]`).checked = true;
  $('#capacity').value = String(availability.capacity);
  setText('#availability-status', describeAvailability(availability));
}

function showOffer(offer) {
  const names = offer.identities.map((id) => state.identityNames.get(id) ?? id).join(', ');
  const countdown = el('span', { className: 'countdown' });
  const error = el('p', { className: 'error', role: 'alert' });
  const answer = async (method) => {
    for (const button of card.querySelectorAll('button')) button.disabled = true;
    try {
      await state.hub.invoke(method, offer.offerId);
      removeOffer(offer.offerId);
    } catch (failure) {
      error.textContent = hubErrorMessage(failure);
    }
  };
  const card = el('li', { className: 'card offer', 'data-offer': offer.offerId, 'aria-label': `Offer: someone who shares ${names}` },
    el('h3', {}, 'Someone who shares: ', names),
    el('p', {}, offer.topic ? 'On their mind: ' : '', offer.topic ? el('q', { className: 'topic' }, offer.topic) : el('span', { className: 'note' }, 'They did not say what is on their mind.')),
    el('p', {}, 'Answer within ', countdown),
    error,
    el('div', { className: 'actions' },
      el('button', { type: 'button', onclick: () => answer('AcceptOffer') }, 'Accept'),
      el('button', { type: 'button', className: 'secondary', onclick: () => answer('DeclineOffer') }, 'Decline')));
  const tick = () => {
    const left = Math.max(0, Math.ceil((new Date(offer.expiresAt).getTime() - Date.now()) / 1000));
    countdown.textContent = `${left} s`;
  };
  tick();
  state.offers.set(offer.offerId, { card, timer: setInterval(tick, 1000) });
  $('#offers').append(card);
  $('#no-offers').hidden = true;
  announce(`New offer: someone who shares ${names}. ${offer.topic ?? ''}`);
}

function removeOffer(offerId, why) {
  const offer = state.offers.get(offerId);
  if (!offer) return;
  clearInterval(offer.timer);
  offer.card.remove();
  state.offers.delete(offerId);
  $('#no-offers').hidden = state.offers.size > 0;
  if (why) announce(why);
}

const withdrawnReasons = {
  expired: 'An offer ran out of time and moved on to another peer.',
  cancelled: 'The seeker cancelled their request.',
  unavailable: 'An offer was withdrawn because you are not available.',
  capacity: 'An offer was withdrawn because you are at capacity.',
};

async function openChat(conversation) {
  if (state.chats.has(conversation.conversationId)) return;
  const chat = new ChatPane({ hub: state.hub, me: state.me, conversation, callModerator: true });
  state.chats.set(conversation.conversationId, chat);
  $('#chats').append(chat.element);
  announce(`You're now talking with ${conversation.partner.pseudonym}.`);
  $('h2', chat.element).focus();
  await chat.catchUp();
}

function describeCoolDown(until) {
  return until && new Date(until) > new Date()
    ? `You are taking a break until ${formatTime(until)}. No new offers until then.`
    : '';
}

/** A cool-down is kept by the server: no offers until it ends, even if this page closes. 0 minutes ends it. */
async function coolDown(minutes) {
  try {
    await state.hub.invoke('StartCoolDown', minutes);
    const until = minutes > 0 ? new Date(Date.now() + minutes * 60000).toISOString() : null;
    setText('#cool-down-status', minutes > 0 ? describeCoolDown(until) : 'Your break has ended. New offers can come again.');
    $('#end-cool-down').hidden = minutes === 0;
  } catch (failure) {
    setText('#cool-down-status', hubErrorMessage(failure));
  }
}

/** After a heavy conversation a peer may rest before the next offer. */
function offerCoolDown(chat) {
  chat.element.append(el('div', { className: 'actions' },
    ...CoolDownMinutes.map((minutes) => el('button', { type: 'button', className: 'secondary', onclick: () => coolDown(minutes) }, `Take a ${minutes}-minute break`)),
    el('button', { type: 'button', className: 'quiet', onclick: () => { chat.element.remove(); state.chats.delete(chat.conversationId); } }, 'Close')));
}

function listen(hub) {
  hub.on('OfferReceived', showOffer);
  hub.on('OfferWithdrawn', ({ offerId, reason }) => removeOffer(offerId, withdrawnReasons[reason] ?? 'An offer was withdrawn.'));
  hub.on('Matched', openChat);
  routeConversationEvents(hub, (id) => state.chats.get(id), () => state.me);
  hub.on('MessageReceived', (message) => {
    const chat = state.chats.get(message.conversationId);
    if (chat && message.senderId !== state.me) announce(`New message from ${chat.authorName(message)}.`);
  });
  hub.on('ConversationEnded', ({ conversationId, endedBy }) => {
    const chat = state.chats.get(conversationId);
    if (!chat || chat.ended) return;
    chat.close(endedBy === state.me);
    offerCoolDown(chat);
  });
  hub.onReconnected(async () => {
    const availability = availabilityFromForm();
    if (availability.available) await setAvailability(availability);
    for (const chat of state.chats.values()) await chat.catchUp();
  });
}

async function signedIn(person) {
  state.me = person.personId;
  setText('#peer-name', person.pseudonym);
  const catalog = await get('/api/identities');
  state.identityNames = new Map(catalog.map((identity) => [identity.id, identity.name]));
  $('#capacity').value = String(person.capacity || 2);
  $(`input[name="available"][value="${Boolean(person.available)}"]`).checked = true;
  setText('#availability-status', describeAvailability(person));
  setText('#cool-down-status', describeCoolDown(person.coolDownUntil));
  $('#end-cool-down').hidden = !describeCoolDown(person.coolDownUntil);
  state.hub = createConnection();
  listen(state.hub);
  await state.hub.start();
  $('#step-sign-in').hidden = true;
  $('#step-work').hidden = false;
  $('#step-work h2').setAttribute('tabindex', '-1');
  $('#step-work h2').focus();
  for (const conversation of ((await getOptional('/api/conversations')) ?? []).filter((c) => c.status === 'active')) {
    await openChat(conversation);
  }
}

renderHeader();
accountSignIn($('#step-sign-in'), { role: 'peer', wrongRole: 'This account is not a peer supporter account.', onSignedIn: signedIn });
$('#end-cool-down').addEventListener('click', () => coolDown(0));

$('#availability').addEventListener('submit', async (event) => {
  event.preventDefault();
  const availability = availabilityFromForm();
  if (!(availability.capacity >= 1 && availability.capacity <= 8)) {
    setText('#availability-status', 'Capacity is a number from 1 to 8.');
    return;
  }
  try {
    await setAvailability(availability);
  } catch (failure) {
    setText('#availability-status', hubErrorMessage(failure));
  }
});

markReady();
const person = await signedInAs('peer');
if (person) await signedIn(person);
