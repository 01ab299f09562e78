// Live feedback dashboard. Loads the figures and alerts from the query API, then keeps them up to
// date from the Server-Sent Events of /v1/live. The stream is read with fetch(), not EventSource,
// so a bearer token can go in the Authorization header. No framework, no build step.
'use strict';

(function () {
  const API = '../v1/';
  const TOKEN_KEY = 'instant-feedback.api-token';        // sessionStorage: gone when the tab closes
  const OPERATOR_KEY = 'instant-feedback.operator';      // localStorage: asked once per browser
  const WINDOW_KEY = 'instant-feedback.window';
  const SERIES_POINTS = 60;
  const RESOLVED_KEPT = 20;
  const MAX_SERIES_REQUESTS = 60;

  const state = {
    window: localStorage.getItem(WINDOW_KEY) || 'PT15M',
    subjects: new Map(),   // subject -> {subject, scope, windows: Map(window -> figures), series: Map(window -> Map(end -> point))}
    alerts: new Map(),     // alertId -> alert
    heartbeatMillis: 15000,
    lastActivity: Date.now(),
    retries: 0,
    live: null,
    tokenWaiters: null,
  };

  const $ = (id) => document.getElementById(id);

  // ---------- talking to the API ----------

  function headers(extra) {
    const result = Object.assign({ Accept: 'application/json' }, extra || {});
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) {
      result.Authorization = 'Bearer ' + token;
    }
    return result;
  }

  // A quiet call (a background poll) answers its 401 instead of asking for the token: the sign-in
  // dialog should not open over what the operator is typing; their next action asks.
  async function api(path, options, quiet) {
    for (;;) {
      const opts = Object.assign({ cache: 'no-store' }, options || {});
      opts.headers = headers(opts.headers);
      const response = await fetch(API + path, opts);
      if (response.status !== 401 || quiet) {
        return response;
      }
      await askForToken(response);
    }
  }

  // A 401 asking for a bearer token: ask the user once (per tab), then every call retries with it.
  function askForToken(response) {
    const scheme = (response.headers.get('WWW-Authenticate') || '').toLowerCase();
    if (scheme.startsWith('basic')) {
      // The browser asks for basic credentials itself; a reload shows its prompt again.
      setConnection('reconnecting', 'Signed out: reload the page to sign in.');
      return new Promise(() => {});
    }
    if (sessionStorage.getItem(TOKEN_KEY)) {
      sessionStorage.removeItem(TOKEN_KEY);
      $('token-error').textContent = 'That token was not accepted.';
    }
    if (!state.tokenWaiters) {
      state.tokenWaiters = [];
      const dialog = $('token-dialog');
      if (!dialog.open) {
        dialog.showModal();
      }
    }
    return new Promise((resolve) => state.tokenWaiters.push(resolve));
  }

  function tokenEntered(event) {
    event.preventDefault();
    const token = $('token').value.trim();
    if (!token) {
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    $('token').value = '';
    $('token-error').textContent = '';
    $('token-dialog').close();
    const waiters = state.tokenWaiters || [];
    state.tokenWaiters = null;
    waiters.forEach((resolve) => resolve());
  }

  // ---------- loading what there is ----------

  async function loadSnapshot() {
    await Promise.all([loadSubjects(), loadAlerts()]);
    state.snapshotLoaded = true;
    render();
    loadSeries();
  }

  async function loadSubjects() {
    try {
      const response = await api('subjects');
      if (!response.ok) {
        return;
      }
      const body = await response.json();
      (body.subjects || []).forEach((entry) => {
        (entry.windows || []).forEach((figures) => mergeFigures(Object.assign(
          { subject: entry.subject, scope: entry.scope }, figures)));
        subjectOf(entry.subject, entry.scope);
      });
    } catch (e) {
      // The stream fills the page in when the query API cannot answer (starting, rebalancing).
    }
  }

  async function loadAlerts() {
    const statuses = ['open', 'acknowledged'];
    await Promise.all(statuses.map(async (status) => {
      try {
        const response = await api('alerts?status=' + status);
        if (response.ok) {
          const body = await response.json();
          (body.alerts || []).forEach(mergeAlert);
        }
      } catch (e) {
        // as above
      }
    }));
  }

  async function loadSeries(only) {
    const subjects = (only || Array.from(state.subjects.values()))
      .filter((s) => s.scope !== 'GROUP').slice(0, MAX_SERIES_REQUESTS);
    await Promise.all(subjects.map(async (subject) => {
      try {
        const response = await api('subjects/' + encodeURIComponent(subject.subject) + '/csat?window='
          + encodeURIComponent(state.window));
        if (!response.ok) {
          return;
        }
        const body = await response.json();
        (body.series || []).forEach((point) => addPoint(subject, state.window, point));
        if (body.current) {
          addPoint(subject, state.window, body.current);
        }
      } catch (e) {
        // a missing trend is not worth an error on the page
      }
    }));
    render();
  }

  // ---------- merging updates ----------

  // A subject first seen in the stream gets its trend from the API too, a moment later and in a batch.
  let seriesWanted = [];

  function wantSeries(subject) {
    seriesWanted.push(subject);
    if (seriesWanted.length === 1) {
      setTimeout(() => {
        const batch = seriesWanted;
        seriesWanted = [];
        loadSeries(batch);
      }, 1000);
    }
  }

  function subjectOf(name, scope) {
    let subject = state.subjects.get(name);
    if (!subject) {
      subject = { subject: name, scope: scope || 'SUBJECT', windows: new Map(), series: new Map(), updatedAt: null };
      state.subjects.set(name, subject);
      if (state.snapshotLoaded) {
        wantSeries(subject);
      }
    } else if (scope) {
      subject.scope = scope;
    }
    return subject;
  }

  function stamp(item) {
    return Date.parse(item.updatedAt || item.windowEnd || 0) || 0;
  }

  // Newer wins, so the snapshot and the stream may arrive in any order.
  function mergeFigures(figures) {
    if (!figures.subject || !figures.window) {
      return;
    }
    const subject = subjectOf(figures.subject, figures.scope);
    const known = subject.windows.get(figures.window);
    if (!known || stamp(known) <= stamp(figures)) {
      subject.windows.set(figures.window, figures);
    }
    if (!subject.updatedAt || stamp(figures) > subject.updatedAt) {
      subject.updatedAt = stamp(figures);
    }
    addPoint(subject, figures.window, figures);
  }

  // A point per update: the trailing window's CSAT as it stood then.
  function addPoint(subject, window, point) {
    const at = Date.parse(point.updatedAt || point.windowEnd);
    if (point.csatPercent === null || point.csatPercent === undefined || !at) {
      return;
    }
    let series = subject.series.get(window);
    if (!series) {
      series = new Map();
      subject.series.set(window, series);
    }
    series.set(at, point.csatPercent);
    while (series.size > SERIES_POINTS) {
      series.delete(Math.min.apply(null, Array.from(series.keys())));
    }
  }

  function mergeAlert(alert) {
    if (!alert.alertId) {
      return;
    }
    const known = state.alerts.get(alert.alertId);
    if (known && stamp(known) > stamp(alert)) {
      return;
    }
    alert.isNew = !known;
    state.alerts.set(alert.alertId, alert);
    if (alert.subject) {
      subjectOf(alert.subject, alert.scope);
    }
    const resolved = Array.from(state.alerts.values()).filter((a) => statusOf(a) === 'resolved')
      .sort((a, b) => stamp(b) - stamp(a));
    resolved.slice(RESOLVED_KEPT).forEach((a) => state.alerts.delete(a.alertId));
  }

  function statusOf(alert) {
    return String(alert.status || 'open').toLowerCase();
  }

  // ---------- the live stream ----------

  async function connectLive() {
    const controller = new AbortController();
    state.live = controller;
    try {
      const response = await fetch(API + 'live', {
        headers: headers({ Accept: 'text/event-stream' }), cache: 'no-store', signal: controller.signal,
      });
      if (response.status === 401) {
        await askForToken(response);
        return scheduleReconnect(0);
      }
      if (!response.ok || !response.body) {
        throw new Error('live stream answered ' + response.status);
      }
      state.retries = 0;
      state.lastActivity = Date.now();
      setConnection('live', 'Live');
      // Anything that happened while we were away is in the snapshot: no Last-Event-ID needed.
      loadSnapshot();
      await readEvents(response.body.getReader());
    } catch (e) {
      // falls through to reconnecting
    }
    if (state.live === controller) {
      scheduleReconnect();
    }
  }

  function scheduleReconnect(delay) {
    state.live = null;
    const wait = delay !== undefined ? delay : Math.min(1000 * Math.pow(2, state.retries), 15000);
    state.retries += 1;
    setConnection('reconnecting', 'Reconnecting…');
    setTimeout(connectLive, wait);
  }

  async function readEvents(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) {
        return;
      }
      state.lastActivity = Date.now();
      buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  function dispatch(block) {
    let name = 'message';
    const data = [];
    block.split('\n').forEach((line) => {
      if (line.startsWith('event:')) {
        name = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
    });
    if (data.length === 0) {
      return;
    }
    let payload;
    try {
      payload = JSON.parse(data.join('\n'));
    } catch (e) {
      return;
    }
    if (name === 'metrics') {
      mergeFigures(payload);
      scheduleRender();
    } else if (name === 'alert') {
      mergeAlert(payload);
      scheduleRender();
    } else if (name === 'heartbeat' && payload.intervalMillis) {
      state.heartbeatMillis = payload.intervalMillis;
    }
  }

  // A stream that went silent (a sleeping laptop, a proxy that dropped it) is ended and reopened.
  function watchdog() {
    if (state.live && Date.now() - state.lastActivity > 3 * state.heartbeatMillis + 5000) {
      const stale = state.live;
      state.live = null;
      stale.abort();
      scheduleReconnect(0);
    }
  }

  function setConnection(kind, text) {
    const element = $('connection');
    if (element.textContent !== text) {
      element.textContent = text;
    }
    element.dataset.state = kind;
  }

  // ---------- acknowledging and resolving ----------

  let pendingAction = null;

  function openAction(alert, action) {
    pendingAction = { alert, action };
    const verb = action === 'acknowledge' ? 'Acknowledge' : 'Resolve';
    $('action-title').textContent = verb + ' ' + kindText(alert.kind).toLowerCase() + ' on ' + alert.subject;
    $('action-reason').textContent = alert.reason || '';
    $('action-confirm').textContent = verb;
    $('action-error').textContent = '';
    $('operator').value = localStorage.getItem(OPERATOR_KEY) || '';
    $('note').value = '';
    $('action-dialog').showModal();
    (localStorage.getItem(OPERATOR_KEY) ? $('note') : $('operator')).focus();
  }

  async function confirmAction(event) {
    event.preventDefault();
    if (!pendingAction) {
      return;
    }
    const actor = $('operator').value.trim();
    if (!actor) {
      $('action-error').textContent = 'Please give your name, so the team knows who is on it.';
      $('operator').focus();
      return;
    }
    localStorage.setItem(OPERATOR_KEY, actor);
    const { alert, action } = pendingAction;
    const note = $('note').value.trim();
    $('action-confirm').disabled = true;
    try {
      const response = await api('alerts/' + encodeURIComponent(alert.alertId) + '/' + action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(note ? { actor, note } : { actor }),
      });
      if (!response.ok) {
        $('action-error').textContent = await problemText(response);
        return;
      }
      alert.pending = action === 'acknowledge' ? 'Acknowledgement sent…' : 'Resolution sent…';
      pendingAction = null;
      $('action-dialog').close();
      render();
    } catch (e) {
      $('action-error').textContent = 'Could not reach the server; try again.';
    } finally {
      $('action-confirm').disabled = false;
    }
  }

  function cancelAction() {
    pendingAction = null;
    $('action-dialog').close();
  }

  // ---------- drawing ----------

  let renderQueued = false;

  function scheduleRender() {
    if (!renderQueued) {
      renderQueued = true;
      requestAnimationFrame(() => {
        renderQueued = false;
        render();
      });
    }
  }

  function render() {
    renderWindows();
    renderAlerts();
    renderCards();
  }

  // The choice offers the windows the app computes (ALERT_WINDOWS), shortest first.
  function renderWindows() {
    const seen = new Set();
    state.subjects.forEach((subject) => subject.windows.forEach((figures, window) => seen.add(window)));
    const choice = $('window');
    const offered = Array.from(choice.options).map((o) => o.value);
    if (seen.size === 0 || Array.from(seen).every((w) => offered.includes(w))) {
      return;
    }
    const windows = Array.from(new Set([...offered, ...seen])).sort((a, b) => seconds(a) - seconds(b));
    choice.replaceChildren(...windows.map((window) => {
      const option = text(element('option'), windowText(window));
      option.value = window;
      return option;
    }));
    choice.value = state.window;
  }

  function seconds(window) {
    const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(window) || [];
    return (Number(match[1] || 0) * 60 + Number(match[2] || 0)) * 60 + Number(match[3] || 0);
  }

  function windowText(window) {
    const total = seconds(window);
    if (total === 0) {
      return window;
    }
    if (total % 3600 === 0) {
      const hours = total / 3600;
      return hours + (hours === 1 ? ' hour' : ' hours');
    }
    const minutes = Math.round(total / 60);
    return minutes + (minutes === 1 ? ' minute' : ' minutes');
  }

  function openAlertsBySubject() {
    const bySubject = new Map();
    state.alerts.forEach((alert) => {
      if (statusOf(alert) === 'resolved') {
        return;
      }
      const list = bySubject.get(alert.subject) || [];
      list.push(alert);
      bySubject.set(alert.subject, list);
    });
    return bySubject;
  }

  function renderCards() {
    const alerts = openAlertsBySubject();
    const subjects = Array.from(state.subjects.values()).sort((a, b) =>
      (alerts.get(b.subject) || []).length - (alerts.get(a.subject) || []).length
      || (a.scope === 'GROUP') - (b.scope === 'GROUP')
      || a.subject.localeCompare(b.subject, undefined, { numeric: true }));
    $('subjects-empty').hidden = subjects.length > 0;
    const list = $('cards');
    const elements = subjects.map((subject) => drawCard(subject, alerts.get(subject.subject) || []));
    keepOrder(list, elements);
  }

  function drawCard(subject, alerts) {
    const id = 'card-' + slug(subject.subject);
    let item = document.getElementById(id);
    if (!item) {
      item = element('li', 'card');
      item.id = id;
      item.dataset.subject = subject.subject;
      item.setAttribute('aria-labelledby', id + '-title');
    }
    const figures = subject.windows.get(state.window) || {};
    const series = subject.series.get(state.window);
    const signature = JSON.stringify([state.window, subject.scope, figures, series ? Array.from(series) : [],
      alerts.map((a) => [a.alertId, a.severity, statusOf(a)]), subject.updatedAt]);
    if (item.dataset.signature === signature) {
      return item;
    }
    item.dataset.signature = signature;
    const level = levelOf(figures.csatPercent);
    item.dataset.level = level;
    replaceContent(item, [
      children(element('div', 'card-head'), [
        text(element('h3'), subject.subject, id + '-title'),
        subject.scope === 'GROUP' ? text(element('span', 'scope'), 'group') : null,
        attrs(text(element('span', 'level'), levelText(level)), { 'data-level': level }),
      ]),
      children(element('dl', 'figures'), [
        figure('CSAT', percent(figures.csatPercent), 'csat'),
        figure('Negative', percent(figures.negativeSharePercent), 'negative'),
        figure('Responses', figures.responses === undefined ? '–' : String(figures.responses), 'responses'),
      ]),
      sparkline(subject),
      alerts.length ? children(attrs(element('ul', 'card-alerts'), { 'aria-label': 'Open alerts' }),
        alerts.map((alert) => attrs(text(element('li', 'sev-' + (alert.severity || 'UNKNOWN')),
          kindText(alert.kind) + (statusOf(alert) === 'acknowledged' ? ' (acknowledged)' : '')),
        { 'data-alert': alert.alertId }))) : null,
      text(element('p', 'updated'), subject.updatedAt ? 'Updated ' + clock(subject.updatedAt) : 'No figures yet'),
    ]);
    return item;
  }

  function figure(label, value, name) {
    return children(element('div', name), [text(element('dt'), label), text(element('dd'), value)]);
  }

  const SVG = 'http://www.w3.org/2000/svg';

  function sparkline(subject) {
    const series = subject.series.get(state.window);
    const points = series ? Array.from(series.entries()).sort((a, b) => a[0] - b[0]) : [];
    if (points.length < 2) {
      return text(element('p', 'spark-note'), points.length ? 'Trend: one point so far' : 'Trend: no ratings yet');
    }
    const width = 200;
    const height = 44;
    // Evenly spaced by update, as sparklines are: a burst of feedback stays readable.
    const xy = points.map(([, csat], index) => [
      (index / (points.length - 1)) * width,
      height - 2 - (Math.max(0, Math.min(100, csat)) / 100) * (height - 4),
    ]);
    const line = xy.map(([x, y]) => x.toFixed(1) + ',' + y.toFixed(1)).join(' ');
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'spark');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'CSAT trend over ' + points.length + ' updates: from '
      + percent(points[0][1]) + ' to ' + percent(points[points.length - 1][1]));
    const area = document.createElementNS(SVG, 'polygon');
    area.setAttribute('class', 'area');
    area.setAttribute('points', '0,' + height + ' ' + line + ' ' + width + ',' + height);
    const floor = document.createElementNS(SVG, 'line');
    floor.setAttribute('class', 'floor');
    const sixty = (height - 2 - 0.6 * (height - 4)).toFixed(1);
    floor.setAttribute('x1', '0');
    floor.setAttribute('x2', String(width));
    floor.setAttribute('y1', sixty);
    floor.setAttribute('y2', sixty);
    const trend = document.createElementNS(SVG, 'polyline');
    trend.setAttribute('class', 'trend');
    trend.setAttribute('points', line);
    svg.append(area, floor, trend);
    return svg;
  }

  function renderAlerts() {
    const alerts = Array.from(state.alerts.values())
      .sort((a, b) => (Date.parse(b.openedAt) || 0) - (Date.parse(a.openedAt) || 0));
    const open = alerts.filter((a) => statusOf(a) === 'open').length;
    $('open-count').textContent = open + ' open';
    $('feed-empty').hidden = alerts.length > 0;
    keepOrder($('alerts'), alerts.map(drawAlert));
  }

  function drawAlert(alert) {
    const id = 'alert-' + slug(alert.alertId);
    let item = document.getElementById(id);
    const status = statusOf(alert);
    if (!item) {
      item = element('li', 'alert');
      item.id = id;
      if (alert.isNew) {
        item.classList.add('fresh');
      }
    }
    // Redrawn only when it changed: the feed is a live region, and a redraw is read out again.
    const signature = JSON.stringify([alert, alert.pending || '']);
    if (item.dataset.signature === signature) {
      return item;
    }
    item.dataset.signature = signature;
    item.dataset.alertId = alert.alertId;
    item.dataset.status = status;
    item.dataset.severity = alert.severity || 'UNKNOWN';
    const meta = ['Opened ' + clock(alert.openedAt)];
    if (alert.acknowledgedAt) {
      meta.push('acknowledged by ' + (alert.acknowledgedBy || 'someone') + ' at ' + clock(alert.acknowledgedAt));
    }
    if (alert.resolvedAt) {
      meta.push('resolved at ' + clock(alert.resolvedAt));
    }
    if (alert.note) {
      meta.push('note: “' + alert.note + '”');
    }
    if (alert.pending && status === 'open') {
      meta.push(alert.pending);
    }
    const examples = (alert.examples || []).slice(0, 1);
    const actions = children(element('div', 'actions'), [
      status === 'open' ? button('Acknowledge', 'acknowledge', alert) : null,
      status !== 'resolved' ? button('Resolve', 'resolve', alert) : null,
      (alert.exampleEventIds || []).length > 0 ? conversationsButton(alert) : null,
    ]);
    actions.hidden = status === 'resolved' && (alert.exampleEventIds || []).length === 0;
    replaceContent(item, [
      children(element('div', 'alert-head'), [
        text(element('span', 'badge sev-' + (alert.severity || 'UNKNOWN')), severityText(alert.severity)),
        text(element('span', 'kind'), kindText(alert.kind)),
        text(element('span', 'subject'), alert.subject || ''),
        attrs(text(element('span', 'status'), statusText(status)), { 'data-status': status }),
      ]),
      text(element('p', 'reason'), alert.reason || ''),
      ...examples.map((example) => text(element('blockquote', 'example'), example)),
      text(element('p', 'meta'), meta.join(' · ')),
      actions,
      alert.passengers ? drawPassengers(alert) : null,
    ]);
    return item;
  }

  // From an alert to the passengers behind its examples: their conversations, one click away.
  function conversationsButton(alert) {
    const result = text(element('button', 'secondary'), 'Passengers who wrote');
    result.type = 'button';
    result.dataset.action = 'conversations';
    result.setAttribute('aria-label', 'Conversations of the passengers behind ' + kindText(alert.kind).toLowerCase()
      + ' on ' + alert.subject);
    result.addEventListener('click', () => loadPassengers(alert));
    return result;
  }

  async function loadPassengers(alert) {
    try {
      const response = await api('alerts/' + encodeURIComponent(alert.alertId) + '/conversations');
      alert.passengers = response.ok ? ((await response.json()).conversations || [])
        : { error: await problemText(response) };
    } catch (e) {
      alert.passengers = { error: 'Could not reach the server; try again.' };
    }
    renderAlerts();
  }

  function drawPassengers(alert) {
    if (alert.passengers.error) {
      return text(element('p', 'meta'), alert.passengers.error);
    }
    if (alert.passengers.length === 0) {
      return text(element('p', 'meta'), 'None of these passengers can be answered: they did not write by SMS.');
    }
    return children(element('ul', 'passengers'), alert.passengers.map((conversation) => {
      const open = text(element('button', 'link'), (conversation.lastMessage ? conversation.lastMessage.text : '')
        + ' (' + conversation.status + ')');
      open.type = 'button';
      open.addEventListener('click', () => openConversation(conversation.conversationId));
      return children(element('li'), [open]);
    }));
  }

  function button(label, action, alert) {
    const result = text(element('button', action === 'acknowledge' ? '' : 'secondary'), label);
    result.type = 'button';
    result.dataset.action = action;
    result.setAttribute('aria-label', label + ' ' + kindText(alert.kind).toLowerCase() + ' on ' + alert.subject);
    result.addEventListener('click', () => openAction(alert, action));
    return result;
  }

  // Moves nodes only when the order really changed, so screen readers hear additions, not reshuffles.
  function keepOrder(list, elements) {
    const wanted = new Set(elements);
    Array.from(list.children).forEach((child) => {
      if (!wanted.has(child)) {
        child.remove();
      }
    });
    elements.forEach((item, index) => {
      if (list.children[index] !== item) {
        list.insertBefore(item, list.children[index] || null);
      }
    });
  }

  // ---------- the inbox: conversations with passengers ----------

  // The live stream carries no conversations, so the inbox asks the API again every few seconds
  // while the page is visible: a handful of small requests, simpler than a second stream.
  const INBOX_POLL_MILLIS = 5000;
  // After an action, the conversation is read again until the pipeline shows it (or we give up).
  const ACTION_CHECK_MILLIS = 1000;
  const ACTION_CHECKS = 30;
  // Ten SMS segments, as the API allows (ConversationAction.MOST_TEXT_CHARACTERS).
  const REPLY_MAX_CHARACTERS = 1600;

  const inbox = {
    conversations: [],
    loading: false,
    open: null,        // {id, view, loading}
    busy: false,
  };

  async function loadConversations(quiet) {
    if (inbox.loading) {
      return;
    }
    inbox.loading = true;
    const statuses = $('inbox-closed').checked ? 'open,waiting,closed' : 'open,waiting';
    try {
      const response = await api('conversations?status=' + statuses + '&order='
        + encodeURIComponent($('inbox-order').value), undefined, quiet === true);
      if (response.status === 401) {
        showInboxError('Signed out: the inbox is refreshed again once you sign in.');
        return;
      }
      if (!response.ok) {
        showInboxError(await problemText(response));
        return;
      }
      const body = await response.json();
      inbox.conversations = body.conversations || [];
      showInboxError('');
      renderInbox();
    } catch (e) {
      showInboxError('Could not reach the server for the inbox; trying again.');
    } finally {
      inbox.loading = false;
    }
  }

  function showInboxError(message) {
    const node = $('inbox-error');
    if (node.textContent !== message) {
      node.textContent = message;
    }
    node.hidden = !message;
  }

  function pollInbox() {
    if (document.hidden) {
      return;
    }
    loadConversations(true);
    // One more request per poll: the response times beside the inbox (unless the last is still out).
    if (!handling.loading) {
      loadHandling(true);
    }
    if (inbox.open && !inbox.busy) {
      loadConversation(true);
    }
  }

  function renderInbox() {
    const open = inbox.conversations.filter((c) => c.status === 'open').length;
    $('inbox-count').textContent = open + ' open';
    $('inbox-empty').hidden = inbox.conversations.length > 0;
    keepOrder($('conversations'), inbox.conversations.map(drawConversationRow));
  }

  function drawConversationRow(conversation) {
    const id = 'conversation-' + slug(conversation.conversationId);
    let item = document.getElementById(id);
    if (!item) {
      item = element('li');
      item.id = id;
      const row = element('button', 'conversation-row');
      row.type = 'button';
      row.addEventListener('click', () => openConversation(item.dataset.conversationId));
      item.append(row);
    }
    const signature = JSON.stringify(conversation);
    if (item.dataset.signature === signature) {
      return item;
    }
    item.dataset.signature = signature;
    item.dataset.conversationId = conversation.conversationId;
    item.dataset.status = conversation.status;
    const row = item.firstChild;
    row.dataset.status = conversation.status;
    row.dataset.overdue = String(Boolean(conversation.overdue));
    const last = conversation.lastMessage;
    replaceContent(row, [
      children(element('span', 'row-head'), [
        text(element('span', 'subject'), conversation.subject || ''),
        conversation.overdue ? text(element('span', 'badge overdue'), 'Overdue') : null,
        text(element('span', 'since'), sinceText(conversation)),
        attrs(text(element('span', 'conv-status'), conversationStatusText(conversation.status)),
          { 'data-status': conversation.status }),
      ]),
      last ? children(element('span', 'row-text'), [
        last.direction === 'in' ? sentimentChip(last.sentiment) : text(element('span', 'chip'), 'our answer'),
        text(element('span', 'quote'), last.text || ''),
      ]) : null,
    ]);
    return item;
  }

  // From the server's own clock (asOf), so a phone whose clock is off still reads right.
  function sinceText(conversation) {
    if (conversation.status === 'open' && conversation.waitingSeconds !== null
      && conversation.waitingSeconds !== undefined) {
      return 'waiting ' + durationText(conversation.waitingSeconds);
    }
    const asOf = Date.parse(conversation.asOf) || Date.now();
    const last = Date.parse(conversation.lastMessageAt);
    return last ? 'last message ' + durationText(Math.max(0, (asOf - last) / 1000)) + ' ago' : '';
  }

  function durationText(totalSeconds) {
    const seconds = Math.round(totalSeconds);
    if (seconds < 60) {
      return seconds + ' s';
    }
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) {
      return minutes + ' min';
    }
    const hours = Math.floor(minutes / 60);
    if (hours < 48) {
      return hours + ' h ' + (minutes % 60) + ' min';
    }
    return Math.floor(hours / 24) + ' days';
  }

  function conversationStatusText(status) {
    return { open: 'Open', waiting: 'Answered', closed: 'Closed' }[status] || status;
  }

  // The cards' colour language: positive reads as good, negative as poor.
  function sentimentChip(sentiment) {
    const level = { positive: 'good', neutral: 'none', negative: 'poor' }[sentiment] || 'none';
    const words = sentiment && sentiment !== 'none' && sentiment !== 'unknown' ? sentiment : 'no reading';
    return attrs(text(element('span', 'chip sentiment'), words), { 'data-level': level });
  }

  // ---------- response times: the handling measures beside the inbox ----------

  const HANDLING_SCOPE_KEY = 'instant-feedback.handling-scope';
  // What a row is and what the rows are, per scope of GET /v1/handling.
  const HANDLING_SCOPES = {
    subject: ['Route', 'routes'],
    group: ['Group', 'groups'],
    user: ['Ops user', 'ops users'],
  };

  const handling = {
    asked: 0,          // the latest request; an answer to an older one (another scope or window) is dropped
    loading: false,
    signature: null,
  };

  // Read again with the inbox poll: one more request every INBOX_POLL_MILLIS while the page is
  // visible. The figures change when someone answers or closes, which the inbox shows at that pace.
  async function loadHandling(quiet) {
    const scope = $('handling-scope').value;
    const period = state.window;
    const asked = ++handling.asked;
    handling.loading = true;
    try {
      const response = await api('handling?scope=' + encodeURIComponent(scope) + '&window='
        + encodeURIComponent(period), undefined, quiet === true);
      if (asked !== handling.asked) {
        return;
      }
      if (response.status === 401) {
        showHandlingError('Signed out: the response times are refreshed again once you sign in.');
        return;
      }
      if (!response.ok) {
        showHandlingError(await problemText(response));
        return;
      }
      const body = await response.json();
      if (asked === handling.asked) {
        showHandlingError('');
        renderHandling(scope, period, body.entries || []);
      }
    } catch (e) {
      if (asked === handling.asked) {
        showHandlingError('Could not reach the server for the response times; trying again.');
      }
    } finally {
      if (asked === handling.asked) {
        handling.loading = false;
      }
    }
  }

  function showHandlingError(message) {
    const node = $('handling-error');
    if (node.textContent !== message) {
      node.textContent = message;
    }
    node.hidden = !message;
  }

  function renderHandling(scope, period, entries) {
    const [rowName, rowsName] = HANDLING_SCOPES[scope] || HANDLING_SCOPES.subject;
    const over = windowText(period);
    $('handling-window').textContent = 'last ' + over;
    $('handling-id-head').textContent = rowName;
    const empty = $('handling-empty');
    empty.textContent = 'Nothing measured for ' + rowsName + ' in the last ' + over
      + ' yet: the times show once an operator answers a passenger.';
    empty.hidden = entries.length > 0;
    $('handling-box').hidden = entries.length === 0;
    // Redrawn only when it changed, so a poll does not reset a screen reader's place in the table.
    const signature = JSON.stringify([scope, period, entries]);
    if (signature === handling.signature) {
      return;
    }
    handling.signature = signature;
    const rows = entries.slice().sort((a, b) => (b.overdueConversations || 0) - (a.overdueConversations || 0)
      || String(a.id).localeCompare(String(b.id), undefined, { numeric: true }));
    $('handling-rows').replaceChildren(...rows.map(drawHandlingRow));
  }

  function drawHandlingRow(entry) {
    const figures = entry.current || {};
    const overdue = entry.overdueConversations || 0;
    const row = element('tr');
    row.dataset.id = entry.id;
    row.dataset.overdue = String(overdue > 0);
    const overdueCell = element('td', 'overdue-count');
    if (overdue > 0) {
      overdueCell.append(text(element('span', 'badge overdue'), String(overdue)));
    } else {
      overdueCell.textContent = '0';
    }
    replaceContent(row, [
      // The title shows a long name the column cuts short.
      text(attrs(element('th', 'id'), { scope: 'row', title: entry.id || '' }), entry.id || ''),
      text(element('td', 'first-response'), measuredTime(figures.firstResponseSecondsAverage)),
      text(element('td', 'response'), measuredTime(figures.responseSecondsAverage)),
      text(element('td', 'handling-time'), measuredTime(figures.handlingSecondsAverage)),
      text(element('td', 'replies'), decimal(figures.repliesPerConversation)),
      text(element('td', 'service-csat'), figures.serviceRatings
        ? percent(figures.serviceCsatPercent) + ' (' + figures.serviceRatings + ')' : '–'),
      text(element('td', 'open-count'), String(entry.openConversations || 0)),
      overdueCell,
    ]);
    return row;
  }

  // To the second while short, as operators compare them: "42 s", "4 min 12 s", "2 h 5 min", "3 d 4 h".
  function measuredTime(value) {
    if (value === null || value === undefined) {
      return '–';
    }
    const total = Math.round(value);
    if (total < 60) {
      return total + ' s';
    }
    const minutes = Math.floor(total / 60);
    if (minutes < 60) {
      return minutes + ' min ' + (total % 60) + ' s';
    }
    const hours = Math.floor(minutes / 60);
    if (hours < 24) {
      return hours + ' h ' + (minutes % 60) + ' min';
    }
    return Math.floor(hours / 24) + ' d ' + (hours % 24) + ' h';
  }

  function decimal(value) {
    if (value === null || value === undefined) {
      return '–';
    }
    return value.toLocaleString(undefined, { maximumFractionDigits: 1 });
  }

  function startHandling() {
    const choice = $('handling-scope');
    const kept = localStorage.getItem(HANDLING_SCOPE_KEY);
    if (kept && HANDLING_SCOPES[kept]) {
      choice.value = kept;
    }
    choice.addEventListener('change', () => {
      localStorage.setItem(HANDLING_SCOPE_KEY, choice.value);
      loadHandling();
    });
    // After start()'s own listener, so state.window already holds the new choice.
    $('window').addEventListener('change', () => loadHandling());
    loadHandling();
  }

  // ---------- one conversation ----------

  function openConversation(conversationId) {
    inbox.open = { id: conversationId, view: null };
    $('conversation-title').textContent = 'Conversation';
    $('conversation-meta').textContent = 'Loading…';
    $('messages').replaceChildren();
    $('conversation-error').textContent = '';
    $('conversation-pending').textContent = '';
    $('forget-confirm').hidden = true;
    $('reply-form').hidden = false;
    $('reply-by').value = localStorage.getItem(OPERATOR_KEY) || '';
    $('reply-text').value = '';   // a draft for one passenger must not go to another
    countCharactersLeft();
    const dialog = $('conversation-dialog');
    if (!dialog.open) {
      dialog.showModal();
    }
    (localStorage.getItem(OPERATOR_KEY) ? $('reply-text') : $('reply-by')).focus();
    loadConversation();
  }

  // Back in the list, the keyboard is where it was: on the conversation's row.
  function conversationClosed() {
    const closed = inbox.open;
    inbox.open = null;
    const item = closed && document.getElementById('conversation-' + slug(closed.id));
    if (item) {
      item.firstChild.focus();
    }
  }

  // Reads the open conversation; answers it (or null when it is gone, undefined when unknown).
  async function loadConversation(quiet) {
    const opened = inbox.open;
    if (!opened) {
      return undefined;
    }
    try {
      const response = await api('conversations/' + encodeURIComponent(opened.id), undefined, quiet === true);
      if (inbox.open !== opened || response.status === 401) {
        return undefined;
      }
      if (response.status === 404) {
        return null;
      }
      if (!response.ok) {
        $('conversation-error').textContent = await problemText(response);
        return undefined;
      }
      opened.view = await response.json();
      renderConversation(opened.view);
      return opened.view;
    } catch (e) {
      $('conversation-error').textContent = 'Could not reach the server; trying again.';
      return undefined;
    }
  }

  function renderConversation(view) {
    $('conversation-title').textContent = 'Conversation about ' + (view.subject || 'an unknown subject');
    const meta = [conversationStatusText(view.status), sinceText(view)];
    if (view.overdue) {
      meta.push('overdue');
    }
    if (view.operatorNumber) {
      meta.push('to ' + view.operatorNumber);
    }
    if (view.closedAt) {
      meta.push('closed by ' + (view.closedBy || 'someone') + ' at ' + clock(view.closedAt));
    }
    if (view.serviceRating) {
      meta.push('service rated ' + view.serviceRating + ' of 5');
    }
    if (view.optedOut) {
      meta.push('the passenger wrote STOP: no SMS can be sent to them');
    }
    $('conversation-meta').textContent = meta.filter(Boolean).join(' · ');
    $('conversation-close').hidden = view.status === 'closed';
    $('reply-send').disabled = inbox.busy || view.optedOut;
    const list = $('messages');
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    const before = list.children.length;
    keepOrder(list, (view.messages || []).map(drawMessage));
    if (atBottom || list.children.length > before) {
      list.scrollTop = list.scrollHeight;
    }
  }

  function drawMessage(message) {
    const id = 'message-' + slug(message.messageId);
    let item = document.getElementById(id);
    if (!item) {
      item = element('li', 'message');
      item.id = id;
    }
    const signature = JSON.stringify(message);
    if (item.dataset.signature === signature) {
      return item;
    }
    item.dataset.signature = signature;
    item.dataset.messageId = message.messageId;
    item.dataset.direction = message.direction;
    item.dataset.followUp = String(Boolean(message.followUp));
    if (message.direction === 'in') {
      replaceContent(item, [
        text(element('p', 'bubble'), message.text || ''),
        children(element('p', 'reading'), [
          text(element('span'), 'Passenger · ' + clock(message.at)),
          sentimentChip(message.sentiment),
          ...(message.topics || []).map((topic) => text(element('span', 'chip topic'), topicText(topic))),
          message.urgent ? text(element('span', 'badge sev-CRITICAL'), 'Urgent') : null,
        ]),
      ]);
    } else {
      const who = message.followUp ? 'Follow-up question' : (message.by || 'Ops');
      replaceContent(item, [
        text(element('p', 'bubble'), message.text || ''),
        children(element('p', 'reading'), [
          text(element('span'), who + ' · ' + clock(message.at)),
          attrs(text(element('span', 'chip delivery'), deliveryText(message.delivery)),
            { 'data-level': deliveryLevel(message.delivery) }),
        ]),
        message.deliveryError ? text(element('p', 'delivery-error'), message.deliveryError) : null,
      ]);
    }
    return item;
  }

  function topicText(topic) {
    return String(topic).replace(/_/g, ' ').toLowerCase();
  }

  function deliveryText(delivery) {
    return {
      requested: 'Requested', sending: 'Sending', queued: 'Queued', sent: 'Sent', delivered: 'Delivered',
      failed: 'Failed', opted_out: 'Not sent: opted out', outcome_unknown: 'Outcome unknown',
    }[delivery] || (delivery ? String(delivery) : 'Requested');
  }

  function deliveryLevel(delivery) {
    if (delivery === 'delivered' || delivery === 'sent') {
      return 'good';
    }
    if (delivery === 'failed' || delivery === 'opted_out') {
      return 'poor';
    }
    return delivery === 'outcome_unknown' ? 'fair' : 'none';
  }

  // ---------- answering, closing, forgetting ----------

  function countCharactersLeft() {
    const left = REPLY_MAX_CHARACTERS - $('reply-text').value.length;
    $('reply-left').textContent = left === REPLY_MAX_CHARACTERS
      ? '(up to ' + REPLY_MAX_CHARACTERS + ' characters, sent by SMS)'
      : '(' + left + ' characters left, sent by SMS)';
  }

  function operatorName() {
    const by = $('reply-by').value.trim();
    if (!by) {
      $('conversation-error').textContent = 'Please give your name, so the team knows who answered.';
      $('reply-by').focus();
      return null;
    }
    localStorage.setItem(OPERATOR_KEY, by);
    return by;
  }

  async function sendReply(event) {
    event.preventDefault();
    const replyText = $('reply-text').value.trim();
    if (!replyText) {
      $('conversation-error').textContent = 'Write the answer first.';
      $('reply-text').focus();
      return;
    }
    const by = operatorName();
    if (!by) {
      return;
    }
    const accepted = await act('replies', { text: replyText, by }, 'Sending your answer…');
    if (accepted) {
      $('reply-text').value = '';
      countCharactersLeft();
      await awaitChange((view) => view && (view.messages || []).some((m) => m.messageId === accepted.replyId),
        'The answer was taken but does not show yet; it will appear here once the pipeline has it.');
    }
  }

  async function closeConversation() {
    const by = operatorName();
    if (by && await act('close', { by }, 'Closing…')) {
      await awaitChange((view) => view && view.status === 'closed',
        'Closing was taken but does not show yet; it will appear here once the pipeline has it.');
    }
  }

  function askToForget() {
    $('forget-confirm').hidden = false;
    $('forget-cancel').focus();
  }

  function keepPassenger() {
    $('forget-confirm').hidden = true;
    $('conversation-forget').focus();
  }

  async function forgetPassenger() {
    const by = operatorName();
    if (!by) {
      return;
    }
    $('forget-confirm').hidden = true;
    if (await act('forget', { by }, 'Erasing the passenger…')) {
      const gone = await awaitChange((view) => view === null,
        'Erasing was taken but the conversation still shows; it will go once the pipeline has it.');
      if (gone) {
        $('conversation-dialog').close();
        loadConversations();
      }
    }
  }

  // POSTs an action on the open conversation; answers the 202's body, or null after showing why not.
  async function act(action, body, pendingText) {
    const opened = inbox.open;
    if (!opened || inbox.busy) {
      return null;
    }
    setBusy(true);
    $('conversation-error').textContent = '';
    $('conversation-pending').textContent = pendingText;
    try {
      const response = await api('conversations/' + encodeURIComponent(opened.id) + '/' + action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        $('conversation-error').textContent = await problemText(response);
        $('conversation-pending').textContent = '';
        return null;
      }
      return await response.json().catch(() => ({}));
    } catch (e) {
      $('conversation-error').textContent = 'Could not reach the server; try again.';
      $('conversation-pending').textContent = '';
      return null;
    } finally {
      setBusy(false);
    }
  }

  // Reads the conversation again, at most ACTION_CHECKS times, until it shows what was done.
  async function awaitChange(shown, notYet) {
    const opened = inbox.open;
    setBusy(true);
    try {
      for (let check = 0; check < ACTION_CHECKS && inbox.open === opened; check++) {
        const view = await loadConversation();
        if (view !== undefined && shown(view)) {
          $('conversation-pending').textContent = '';
          loadConversations();
          return true;
        }
        await new Promise((resolve) => setTimeout(resolve, ACTION_CHECK_MILLIS));
      }
      if (inbox.open === opened) {
        $('conversation-pending').textContent = '';
        $('conversation-error').textContent = notYet;
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  function setBusy(busy) {
    inbox.busy = busy;
    const optedOut = Boolean(inbox.open && inbox.open.view && inbox.open.view.optedOut);
    $('reply-send').disabled = busy || optedOut;
    $('conversation-close').disabled = busy;
    $('conversation-forget').disabled = busy;
    $('forget-confirmed').disabled = busy;
  }

  // The words of a problem+json answer, as the alert actions show them.
  async function problemText(response) {
    const problem = await response.json().catch(() => ({}));
    const words = problem.detail || problem.title || ('The server answered ' + response.status + '.');
    const retry = response.headers.get('Retry-After');
    return retry ? words + ' Try again in ' + retry + ' s.' : words;
  }

  function startInbox() {
    $('inbox-order').addEventListener('change', loadConversations);
    $('inbox-closed').addEventListener('change', loadConversations);
    $('reply-form').addEventListener('submit', sendReply);
    $('conversation-close').addEventListener('click', closeConversation);
    $('conversation-forget').addEventListener('click', askToForget);
    $('forget-cancel').addEventListener('click', keepPassenger);
    $('forget-confirmed').addEventListener('click', forgetPassenger);
    $('conversation-back').addEventListener('click', () => $('conversation-dialog').close());
    $('conversation-dialog').addEventListener('close', conversationClosed);
    $('reply-text').addEventListener('input', countCharactersLeft);
    document.addEventListener('visibilitychange', pollInbox);
    setInterval(pollInbox, INBOX_POLL_MILLIS);
    loadConversations();
  }

  // ---------- words and numbers ----------

  function levelOf(csat) {
    if (csat === null || csat === undefined) {
      return 'none';
    }
    return csat >= 80 ? 'good' : csat >= 60 ? 'fair' : 'poor';
  }

  function levelText(level) {
    return { good: 'Good', fair: 'Fair', poor: 'Poor', none: 'No ratings' }[level];
  }

  function kindText(kind) {
    const words = String(kind || 'alert').replace(/[_-]+/g, ' ').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function severityText(severity) {
    return severity === 'CRITICAL' ? 'Critical' : severity === 'WARNING' ? 'Warning' : 'Alert';
  }

  function statusText(status) {
    return { open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved' }[status] || status;
  }

  function percent(value) {
    if (value === null || value === undefined) {
      return '–';
    }
    // A narrow no-break space keeps the number and its sign on one line.
    return (Math.round(value * 10) / 10).toLocaleString(undefined, { maximumFractionDigits: 1 }) + '\u202f%';
  }

  function clock(value) {
    const date = new Date(typeof value === 'number' ? value : Date.parse(value));
    if (isNaN(date.getTime())) {
      return '–';
    }
    return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  }

  function slug(value) {
    return String(value).replace(/[^A-Za-z0-9_-]/g, (c) => '_' + c.charCodeAt(0).toString(16));
  }

  function element(tag, className) {
    const result = document.createElement(tag);
    if (className) {
      result.className = className;
    }
    return result;
  }

  function text(node, value, id) {
    node.textContent = value;
    if (id) {
      node.id = id;
    }
    return node;
  }

  function attrs(node, values) {
    Object.entries(values).forEach(([name, value]) => node.setAttribute(name, value));
    return node;
  }

  function replaceContent(node, items) {
    node.replaceChildren(...items.filter(Boolean));
  }

  function children(node, items) {
    items.filter(Boolean).forEach((child) => node.append(child));
    return node;
  }

  // ---------- start ----------

  function start() {
    const choice = $('window');
    if (!Array.from(choice.options).some((o) => o.value === state.window)) {
      state.window = 'PT15M';
    }
    choice.value = state.window;
    choice.addEventListener('change', () => {
      state.window = choice.value;
      localStorage.setItem(WINDOW_KEY, state.window);
      render();
      loadSeries();
    });
    $('action-form').addEventListener('submit', confirmAction);
    $('action-cancel').addEventListener('click', cancelAction);
    $('token-form').addEventListener('submit', tokenEntered);
    $('token-dialog').addEventListener('cancel', (event) => event.preventDefault());
    setInterval(watchdog, 5000);
    render();
    connectLive();
    startInbox();
    startHandling();
  }

  document.addEventListener('DOMContentLoaded', start);
}());
