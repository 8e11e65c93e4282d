// The live connection to /hubs/peerlink, with its state always visible in the page header.
// It reconnects for as long as the page is open; after a reconnect, every page fetches what it missed.
import { showCrisisResources } from './crisis-panel.js';
import { $ } from './dom.js';
import { moderationNoticeText, reportClosedText, showNotice } from './safety.js';

const labels = {
  idle: 'Not connected yet',
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Connection lost. Reconnecting…',
  offline: 'Offline. Trying again…',
  'too-many': 'Too many PeerLink windows are open. Close one, then reload this page.',
};

// Quick first tries, then every 5 s: a server restart or a patchy phone signal should not end a chat.
const retryDelays = [0, 500, 1000, 2000, 3000];
const retryForever = { nextRetryDelayInMilliseconds: ({ previousRetryCount }) => retryDelays[previousRetryCount] ?? 5000 };

// Refusals that say nothing was done and it will pass (a node of the cluster died and is being replaced, storage
// is away): the call is sent again for about 20 s, with the header saying so, before the page hears the error.
const passingCodes = ['service-unavailable:', 'storage-unavailable:'];
const callRetryDelays = [500, 1000, 2000, 3000, 3000, 5000, 5000];

function isPassing(error) {
  const message = String(error?.message ?? '');
  return passingCodes.some((code) => message.includes(code));
}

function showState(state) {
  const status = $('#connection');
  status.dataset.state = state;
  status.textContent = labels[state];
}

export function createConnection() {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/peerlink')
    .withAutomaticReconnect(retryForever)
    .configureLogging(signalR.LogLevel.None)
    .build();
  const reconnectedHandlers = [];
  // Wherever the person is on the site, these reach them.
  connection.on('CrisisResources', showCrisisResources);
  connection.on('ReportClosed', (closed) => showNotice(reportClosedText(closed)));
  connection.on('ModerationNotice', (notice) => showNotice(moderationNoticeText(notice)));

  connection.onreconnecting(() => showState('reconnecting'));
  connection.onreconnected(async () => {
    showState('connected');
    for (const handler of reconnectedHandlers) {
      try { await handler(); } catch { /* the next reconnect tries again */ }
    }
  });
  // Only when automatic reconnection itself stops: start over, unless the server refused this connection for
  // being one too many, where trying again would only be refused again.
  connection.onclose((error) => {
    if (String(error?.message ?? '').includes('connections-too-many')) showState('too-many');
    else start(true);
  });

  async function start(again = false) {
    showState(again ? 'offline' : 'connecting');
    for (let attempt = 0; ; attempt++) {
      try {
        await connection.start();
        showState('connected');
        if (again) for (const handler of reconnectedHandlers) await handler();
        return;
      } catch {
        showState('offline');
        await new Promise((resolve) => setTimeout(resolve, retryDelays[attempt] ?? 5000));
      }
    }
  }

  return {
    start: () => start(false),
    on: (event, handler) => connection.on(event, handler),
    invoke: async (method, ...args) => {
      const settled = (attempt) => {
        if (attempt > 0 && connection.state === signalR.HubConnectionState.Connected) showState('connected');
      };
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await connection.invoke(method, ...args);
          settled(attempt);
          return result;
        } catch (error) {
          if (!isPassing(error) || attempt >= callRetryDelays.length) {
            settled(attempt);
            throw error;
          }
          showState('reconnecting');
          await new Promise((resolve) => setTimeout(resolve, callRetryDelays[attempt]));
        }
      }
    },
    onReconnected: (handler) => reconnectedHandlers.push(handler),
  };
}
