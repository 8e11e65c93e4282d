// The peer's page: sign in, availability and capacity, offers with a countdown, several chats side by side.
import { currentPerson, get, getOptional, hubErrorMessage, post } from './api.js';
import { ChatPane } from './chat.js';
import { createConnection } from './connection.js';
import { $, announce, el, markReady, setText } from './dom.js';
import { renderHeader } from './layout.js';

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
  const chat = new ChatPane({ hub: state.hub, me: state.me, conversation });
  state.chats.set(conversation.conversationId, chat);
  $('#chats').append(chat.element);
  announce(`You're now talking with ${conversation.partner.pseudonym}.`);
  $('h2', chat.element).focus();
  await chat.catchUp();
}

/** After a heavy conversation a peer may rest: away for a while, then available again. */
function offerCoolDown(chat) {
  const status = el('p', { role: 'status' });
  const rest = async (minutes) => {
    const { capacity } = availabilityFromForm();
    await setAvailability({ available: false, capacity });
    const until = new Date(Date.now() + minutes * 60000);
    status.textContent = `Taking a break until ${until.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.`;
    setTimeout(() => setAvailability({ available: true, capacity }), minutes * 60000);
  };
  chat.element.append(el('div', { className: 'actions' },
    ...CoolDownMinutes.map((minutes) => el('button', { type: 'button', className: 'secondary', onclick: () => rest(minutes) }, `Take a ${minutes}-minute break`)),
    el('button', { type: 'button', className: 'quiet', onclick: () => { chat.element.remove(); state.chats.delete(chat.conversationId); } }, 'Close')),
  status);
}

function listen(hub) {
  hub.on('OfferReceived', showOffer);
  hub.on('OfferWithdrawn', ({ offerId, reason }) => removeOffer(offerId, withdrawnReasons[reason] ?? 'An offer was withdrawn.'));
  hub.on('Matched', openChat);
  hub.on('MessageReceived', (message) => {
    const chat = state.chats.get(message.conversationId);
    if (!chat) return;
    chat.receive(message);
    if (message.senderId !== state.me) announce(`New message from ${chat.partner.pseudonym}.`);
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
$('#step-sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  setText('#sign-in-error', '');
  try {
    await post('/api/auth/login', { username: $('#username').value.trim(), password: $('#password').value });
    const person = await currentPerson();
    if (!person.roles.includes('peer')) {
      setText('#sign-in-error', 'This account is not a peer supporter account.');
      return;
    }
    await signedIn(person);
  } catch (failure) {
    setText('#sign-in-error', failure.status === 401 ? 'That username and password do not match.' : failure.message);
  }
});

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
const person = await currentPerson();
if (person?.roles.includes('peer')) await signedIn(person);
