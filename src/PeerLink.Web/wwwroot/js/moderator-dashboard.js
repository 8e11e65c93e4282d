// The moderator's dashboard: open crisis alerts, moderator calls and reports, and every room's activity.
// It starts from GET /api/moderation/dashboard, takes new items from hub events at once, and is
// refreshed every few seconds. Items already shown are kept in place, so focus and a half-typed
// outcome survive a refresh.
import { get, hubErrorMessage } from './api.js';
import { $, announce, el, formatTime, setText } from './dom.js';
import { ReportCategories } from './safety.js';

const categoryNames = new Map(ReportCategories);

/** Makes `list` show one item per entry of `items` (a Map by id), creating only the new ones; "none" shows when empty. */
function syncList(list, items, create) {
  for (const item of [...list.children]) {
    if (!items.has(item.dataset.key)) item.remove();
  }
  const shown = new Set([...list.children].map((item) => item.dataset.key));
  for (const [key, value] of items) {
    if (shown.has(key)) continue;
    const item = create(value);
    item.dataset.key = key;
    list.append(item);
  }
  $(`#${list.id}-none`).hidden = items.size > 0;
}

export class Dashboard {
  /** @param {{ hub: object, joinConversation: (id: string) => void, watchRoom: (room: object, quietly: boolean) => void }} options */
  constructor({ hub, joinConversation, watchRoom }) {
    this.hub = hub;
    this.joinConversation = joinConversation;
    this.watchRoom = watchRoom;
    this.alerts = new Map();
    this.calls = new Map();
    this.reports = new Map();
    this.rooms = new Map();
  }

  async refresh() {
    try {
      const now = await get('/api/moderation/dashboard');
      this.alerts = new Map(now.openAlerts.map((alert) => [alert.alertId, alert]));
      this.calls = new Map(now.openCalls.map((call) => [call.callId, call]));
      this.reports = new Map(now.openReports.map((report) => [report.reportId, report]));
      this.rooms = new Map(now.rooms.map((room) => [room.groupId, room]));
      this.render();
      setText('#updated-at', `Updated at ${formatTime(new Date().toISOString())}.`);
    } catch (failure) {
      setText('#updated-at', `Could not refresh: ${failure.message}`);
    }
  }

  alertRaised(alert) {
    this.alerts.set(alert.alertId, alert);
    this.render();
    announce(`Crisis alert: ${alert.pseudonym}, ${this.where(alert)}.`);
  }

  moderatorCalled(call) {
    this.calls.set(call.callId, call);
    this.render();
    announce(`${call.callerPseudonym} called a moderator.`);
  }

  reportFiled(report) {
    this.reports.set(report.reportId, report);
    this.render();
    announce(`New report: ${categoryNames.get(report.category) ?? report.category}.`);
  }

  render() {
    syncList($('#alerts'), this.alerts, (alert) => this.alertItem(alert));
    syncList($('#calls'), this.calls, (call) => this.callItem(call));
    syncList($('#reports'), this.reports, (report) => this.reportItem(report));
    setText('#alert-count', String(this.alerts.size));
    setText('#call-count', String(this.calls.size));
    setText('#report-count', String(this.reports.size));
    this.renderRooms();
  }

  roomTitle(groupId) {
    return this.rooms.get(groupId)?.title ?? 'a group room';
  }

  where({ conversationId, groupId }) {
    return conversationId ? 'in a one-to-one conversation' : `in ${this.roomTitle(groupId)}`;
  }

  /** "Join conversation" or "Watch room", for whatever an alert, call or report is about. */
  goThere({ conversationId, groupId }) {
    if (conversationId) return el('button', { type: 'button', onclick: () => this.joinConversation(conversationId) }, 'Join conversation');
    if (groupId) return el('button', { type: 'button', onclick: () => this.watchRoom({ groupId, title: this.roomTitle(groupId) }, false) }, 'Watch room');
    return null;
  }

  /** Resolves an alert or a call; focus goes back to its section's heading. */
  resolveButton(id, items, name) {
    return el('button', {
      type: 'button', className: 'secondary', 'aria-label': `Resolve ${name}`,
      onclick: async (event) => {
        const section = event.currentTarget.closest('section');
        try {
          await this.hub.invoke('ResolveAlert', id, null);
          items.delete(id);
          this.render();
          $('h2', section).focus();
          announce(`Resolved ${name}.`);
        } catch (failure) {
          event.currentTarget.closest('li').querySelector('.error').textContent = hubErrorMessage(failure);
        }
      },
    }, 'Resolve');
  }

  alertItem(alert) {
    return el('li', { className: 'card alert' },
      el('h3', {}, `${alert.pseudonym}, ${this.where(alert)}`),
      el('blockquote', {}, el('p', { className: 'excerpt' }, alert.excerpt)),
      el('p', { className: 'note' }, `Raised at ${formatTime(alert.raisedAt)}`, alert.rule ? ` · rule ${alert.rule}` : ''),
      el('p', { className: 'error', role: 'alert' }),
      el('div', { className: 'actions' }, this.goThere(alert), this.resolveButton(alert.alertId, this.alerts, `the alert about ${alert.pseudonym}`)));
  }

  callItem(call) {
    return el('li', { className: 'card call' },
      el('h3', {}, `${call.callerPseudonym} called a moderator`),
      call.reason ? el('p', {}, call.reason) : null,
      el('p', { className: 'note' }, `Called at ${formatTime(call.calledAt)}, ${this.where(call)}`),
      el('p', { className: 'error', role: 'alert' }),
      el('div', { className: 'actions' }, this.goThere(call), this.resolveButton(call.callId, this.calls, `the call from ${call.callerPseudonym}`)));
  }

  reportItem(report) {
    const { target } = report;
    const category = categoryNames.get(report.category) ?? report.category;
    const what = target.seq ? `A message (number ${target.seq}) ${this.where(target)}` : `A person${target.conversationId || target.groupId ? `, ${this.where(target)}` : ''}`;
    const outcomeId = `outcome-${report.reportId}`;
    const outcome = el('input', { id: outcomeId, type: 'text', maxlength: '500', autocomplete: 'off' });
    const error = el('p', { className: 'error', role: 'alert' });
    const close = async () => {
      const text = outcome.value.trim();
      if (!text) {
        error.textContent = 'Say what was decided; the reporter is told.';
        outcome.focus();
        return;
      }
      try {
        await this.hub.invoke('CloseReport', report.reportId, text);
        this.reports.delete(report.reportId);
        this.render();
        $('#reports-title').focus();
        announce('Report closed; the reporter is told the outcome.');
      } catch (failure) {
        error.textContent = hubErrorMessage(failure);
      }
    };
    return el('li', { className: 'card report' },
      el('h3', {}, `${category}: ${what}`),
      target.pseudonym ? el('p', {}, `Reported: ${target.pseudonym}`) : null,
      target.excerpt ? el('p', {}, 'The message: ', el('q', {}, target.excerpt)) : null,
      report.note ? el('p', {}, 'Note from the reporter: ', el('q', {}, report.note)) : null,
      el('p', { className: 'note' }, `Filed at ${formatTime(report.filedAt)}`),
      el('div', { className: 'field' }, el('label', { for: outcomeId }, 'Outcome (the reporter is told)'), outcome),
      error,
      el('div', { className: 'actions' }, target.groupId ? this.goThere({ groupId: target.groupId }) : null,
        el('button', { type: 'button', onclick: close }, 'Close report')));
  }

  renderRooms() {
    const body = $('#rooms tbody');
    for (const row of [...body.rows]) {
      if (!this.rooms.has(row.dataset.key)) row.remove();
    }
    for (const room of this.rooms.values()) {
      let row = [...body.rows].find((r) => r.dataset.key === room.groupId);
      if (!row) {
        row = el('tr', { 'data-key': room.groupId },
          el('th', { scope: 'row' }, room.title), el('td'), el('td'), el('td'), el('td'),
          el('td', {}, el('div', { className: 'actions' },
            el('button', { type: 'button', className: 'secondary', 'aria-label': `Watch ${room.title}`, onclick: () => this.watchRoom(room, false) }, 'Watch'),
            el('button', { type: 'button', className: 'secondary', 'aria-label': `Watch quietly: ${room.title}`, onclick: () => this.watchRoom(room, true) }, 'Watch quietly'))));
        body.append(row);
      }
      const cells = row.cells;
      cells[1].textContent = String(room.memberCount);
      cells[2].textContent = String(room.messagesLastFiveMinutes);
      cells[3].textContent = String(room.openFlags);
      cells[4].textContent = room.locked ? 'Locked' : 'Open';
    }
  }
}
