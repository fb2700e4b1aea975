/* Vigil web console: alert board for on-call officers, request form and tracking for requesters.
 * Plain ES2020, no framework. All text goes in through textContent; never innerHTML. */
'use strict';

(() => {
	const OFFICER_ROLES = ['OFFICER', 'SUPERVISOR', 'COORDINATOR'];
	const URGENCY_RANK = { EMERGENCY: 0, URGENT: 1, ROUTINE: 2 };
	const TEXT_FIELDS = ['to', 'requestingAuthority', 'offence', 'summaryOfFacts', 'dataToPreserve',
		'relationToOffence', 'custodian', 'necessity'];
	const ACK_GRACE_MS = 120000; // a request we acknowledged stays "acknowledged" while the server catches up
	const $ = (selector) => document.querySelector(selector);

	const state = {
		me: null,
		alerts: new Map(), // requestId -> board entry
		delivered: new Set(), // requests whose delivery this page has confirmed
		stomp: null,
		details: null, // {id, json, returnFocus}
		lastJson: {}, // table id -> last rendered JSON, to skip needless re-renders
		pages: { sent: 1, received: 1 }, // how many pages of PAGE_SIZE each table shows
		draftId: newRequestId(),
		audio: null,
	};

	// ---------------------------------------------------------------- API

	const { session, api, apiPage, readCookie, errorText, el, showMessage, timeEl, badge, shortId, formatDuration } = window.Vigil;

	// ---------------------------------------------------------------- header & connection

	function renderMe(me) {
		$('#user-name').textContent = me.name || '—';
		$('#user-id').textContent = me.id || '—';
		$('#user-country').textContent = me.country || 'network coordinator';
		$('#user-roles').textContent = (me.roles || []).join(', ') || '—';
	}

	function setConnection(kind) {
		const node = $('#connection-status');
		const labels = { connected: 'Connected', reconnecting: 'Reconnecting…', offline: 'Offline' };
		node.textContent = labels[kind];
		node.classList.remove('connected', 'reconnecting', 'offline');
		node.classList.add(kind);
	}

	async function logOut(event) {
		event.preventDefault();
		const form = event.currentTarget;
		// Spring's SPA CSRF mode accepts the raw cookie value in the header; a form field would need the masked one.
		try {
			await api('POST', '/logout');
		} catch (e) {
			if (session.redirecting) return;
			form.elements._csrf.value = readCookie('XSRF-TOKEN') || '';
			form.submit();
			return;
		}
		location.href = '/login?logout';
	}

	// ---------------------------------------------------------------- alert board

	function entryFromStatus(status) {
		// The last lifecycle event, not a message's fate (DeliverySent…), says why it pages.
		const events = (status.timeline || []).filter((t) => !(t.event || '').startsWith('Delivery'));
		const last = events.length ? events[events.length - 1] : null;
		return { id: status.id, from: status.from, to: status.to, urgency: status.urgency, step: status.step,
			deadline: status.deadline, offence: status.request ? status.request.offence : '',
			reason: last ? last.text : '', at: last ? last.at : status.acceptedAt, state: 'open', touched: 0,
			drill: status.drill === true };
	}

	function entryFromFrame(frame) {
		return { id: frame.requestId, from: frame.from, to: frame.to, urgency: frame.urgency, step: frame.step,
			deadline: frame.deadline, offence: frame.offence, reason: frame.reason, at: frame.at,
			state: 'open', touched: Date.now(), drill: frame.drill === true };
	}

	// Tells the network once per request that this console is showing its alert: the requester
	// is owed a "delivered" receipt. Failures are retried at the next frame or catch-up.
	function confirmDelivery(id) {
		if (state.delivered.has(id)) return;
		state.delivered.add(id);
		api('POST', `/api/v1/requests/${encodeURIComponent(id)}/delivery`)
			.catch(() => state.delivered.delete(id));
	}

	function onFrame(message) {
		let frame;
		try { frame = JSON.parse(message.body); } catch (e) { return; }
		const old = state.alerts.get(frame.requestId);
		if (frame.kind === 'ALERT') {
			const entry = entryFromFrame(frame);
			state.alerts.set(entry.id, entry);
			confirmDelivery(entry.id);
			if (!old || old.state !== 'open' || old.step !== entry.step) announceAlerts([entry]);
		} else if (frame.kind === 'CLEARED' && old && old.state !== 'acknowledged') {
			Object.assign(old, { state: 'cleared', note: frame.reason || 'No longer for you.', touched: Date.now() });
		} else if (frame.kind === 'NOTICE') {
			showNotice(frame);
		}
		renderBoard();
		if (state.isOfficer) loadTable('received');
		if (state.isRequester) loadTable('sent');
		if (state.details && state.details.id === frame.requestId) refreshDetails(frame.requestId);
	}

	async function catchUp() {
		const started = Date.now();
		let list;
		try {
			list = await api('GET', '/api/v1/alerts');
		} catch (e) {
			if (!session.redirecting) showMessage($('#page-message'), 'Could not load your alerts: ' + errorText(e));
			return;
		}
		$('#page-message').hidden = true;
		const next = new Map();
		const fresh = [];
		for (const status of list || []) {
			const old = state.alerts.get(status.id);
			const keepOld = old && (old.pending || old.touched > started
				|| (old.state === 'acknowledged' && Date.now() - old.ackedAt < ACK_GRACE_MS));
			if (keepOld) { next.set(old.id, old); continue; }
			if (status.state === 'ACKNOWLEDGED') continue;
			const entry = entryFromStatus(status);
			confirmDelivery(entry.id);
			if (old && old.state === 'open' && old.step === entry.step && old.reason) entry.reason = old.reason;
			if (!old || old.state !== 'open' || old.step !== entry.step) fresh.push(entry);
			next.set(entry.id, entry);
		}
		for (const old of state.alerts.values()) {
			if (!next.has(old.id) && old.touched > started) next.set(old.id, old);
		}
		state.alerts = next;
		renderBoard();
		if (fresh.length) announceAlerts(fresh);
	}

	function sortedAlerts() {
		const order = { open: 0, cleared: 1, acknowledged: 2 };
		return [...state.alerts.values()].sort((a, b) => (order[a.state] - order[b.state])
			|| ((URGENCY_RANK[a.urgency] ?? 9) - (URGENCY_RANK[b.urgency] ?? 9))
			|| (Date.parse(a.deadline || '9999-12-31') - Date.parse(b.deadline || '9999-12-31')));
	}

	function renderBoard() {
		const list = $('#alerts');
		const focused = document.activeElement;
		const entries = sortedAlerts();
		const keep = new Set(entries.map((e) => e.id));
		for (const card of [...list.children]) {
			if (!keep.has(card.dataset.requestId)) card.remove();
		}
		entries.forEach((entry, index) => {
			const card = list.querySelector(`[data-request-id="${CSS.escape(entry.id)}"]`) || createCard(entry.id);
			updateCard(card, entry);
			if (list.children[index] !== card) list.insertBefore(card, list.children[index] || null);
		});
		if (focused && focused !== document.activeElement && focused.isConnected) focused.focus();
		$('#alerts-empty').hidden = entries.length > 0;
		const open = entries.filter((e) => e.state === 'open').length;
		document.title = open ? `(${open}) Vigil — alert` : 'Vigil';
		tickCountdowns();
	}

	function createCard(id) {
		const fact = (label, cls) => el('div', {}, el('dt', { text: label }), el('dd', { class: cls }));
		const titleId = 'alert-title-' + id.replace(/[^A-Za-z0-9_-]/g, '_');
		const card = el('article', { 'data-request-id': id, tabindex: '-1', 'aria-labelledby': titleId },
			el('div', { class: 'card-head' },
				el('p', { class: 'urgency' }),
				el('p', { class: 'drill-badge', text: 'DRILL: a test of your reachability, not a real request', hidden: true }),
				el('p', { class: 'route' })),
			el('h3', { class: 'offence', id: titleId }),
			el('dl', { class: 'card-facts' },
				fact('Request', 'request'), fact('Step', 'step'), fact('Reason', 'reason'),
				fact('Deadline', 'deadline')),
			el('p', { class: 'countdown', role: 'timer' }),
			el('p', { class: 'card-status', role: 'status' }),
			el('div', { class: 'card-actions' },
				el('button', { type: 'button', class: 'acknowledge primary', text: 'Acknowledge' }),
				el('button', { type: 'button', class: 'show-details secondary', text: 'Details' }),
				el('button', { type: 'button', class: 'dismiss secondary', text: 'Dismiss', hidden: true })));
		card.querySelector('.acknowledge').addEventListener('click', () => acknowledge(id));
		card.querySelector('.show-details').addEventListener('click', (e) => showDetails(id, null, e.currentTarget));
		card.querySelector('.dismiss').addEventListener('click', () => { state.alerts.delete(id); renderBoard(); });
		return card;
	}

	function updateCard(card, entry) {
		const urgency = (entry.urgency || 'routine').toLowerCase();
		card.className = `alert-card urgency-${urgency} is-${entry.state}`;
		card.querySelector('.urgency').textContent = entry.urgency || 'UNKNOWN URGENCY';
		card.querySelector('.drill-badge').hidden = !entry.drill;
		if (entry.drill) card.classList.add('is-drill');
		card.querySelector('.route').textContent = `${entry.from || '?'} → ${entry.to || '?'}`;
		card.querySelector('.offence').textContent = entry.offence || '(offence not yet known)';
		card.querySelector('.request').replaceChildren(shortId(entry.id));
		card.querySelector('.step').textContent = entry.step ?? '—';
		card.querySelector('.reason').textContent = entry.reason || '—';
		card.querySelector('.deadline').replaceChildren(timeEl(entry.deadline));
		const countdown = card.querySelector('.countdown');
		if (entry.state === 'open' && entry.deadline) countdown.dataset.deadline = entry.deadline;
		else delete countdown.dataset.deadline;
		countdown.hidden = !countdown.dataset.deadline;
		const ack = card.querySelector('.acknowledge');
		ack.hidden = entry.state !== 'open';
		ack.disabled = Boolean(entry.pending);
		ack.textContent = entry.pending ? 'Acknowledging…' : 'Acknowledge';
		card.querySelector('.dismiss').hidden = entry.state === 'open';
		const status = card.querySelector('.card-status');
		const notes = { acknowledged: 'Acknowledged by you.', cleared: 'No longer for you: ' + (entry.note || '') };
		status.textContent = notes[entry.state] || entry.error || '';
		status.classList.toggle('error', entry.state === 'open' && Boolean(entry.error));
	}

	function tickCountdowns() {
		const now = Date.now();
		for (const node of document.querySelectorAll('.countdown[data-deadline]')) {
			const left = Date.parse(node.dataset.deadline) - now;
			node.textContent = left >= 0 ? `Escalates in ${formatDuration(left)}` : `Overdue by ${formatDuration(left)}`;
			node.classList.toggle('overdue', left < 0);
		}
	}

	async function acknowledge(id) {
		const entry = state.alerts.get(id);
		if (!entry || entry.pending) return;
		Object.assign(entry, { pending: true, error: null });
		renderBoard();
		let outcome;
		try {
			await api('POST', `/api/v1/requests/${encodeURIComponent(id)}/acknowledgement`);
			outcome = { state: 'acknowledged', ackedAt: Date.now(), touched: Date.now() };
			announce(`Request ${id} acknowledged.`);
		} catch (e) {
			outcome = { error: 'Not acknowledged: ' + errorText(e) };
		}
		// A frame or catch-up may have replaced the entry meanwhile: update whatever is current.
		const current = state.alerts.get(id) || (outcome.state ? entry : null);
		if (current) state.alerts.set(id, Object.assign(current, outcome, { pending: false }));
		entry.pending = false;
		renderBoard();
		const card = $(`#alerts [data-request-id="${CSS.escape(id)}"]`);
		if (card && !card.contains(document.activeElement)) card.focus();
		loadTable('received');
	}

	// News on a request the person is party to: an answer, an exhausted ladder, a lapsing preservation.
	function showNotice(frame) {
		const list = $('#notices');
		const item = el('li', { class: 'notice' }, timeEl(frame.at), ' ',
			el('button', { type: 'button', class: 'link', text: `Request ${shortId(frame.requestId)}` }),
			` — ${frame.reason}`);
		item.querySelector('button').addEventListener('click', () => showDetails(frame.requestId, null, item));
		list.prepend(item);
		while (list.children.length > 10) list.lastElementChild.remove();
		$('#notice-board').hidden = false;
		announce(`Request ${frame.requestId}: ${frame.reason}`);
		if ('Notification' in window && Notification.permission === 'granted' && document.hidden) {
			new Notification(`Vigil: request ${shortId(frame.requestId)}`, { body: frame.reason, tag: `notice-${frame.requestId}` });
		}
	}

	function announce(text) {
		const region = $('#announcer');
		region.textContent = '';
		setTimeout(() => { region.textContent = text; }, 50);
	}

	function announceAlerts(entries) {
		const lines = entries.map((e) => `${e.urgency} request from ${e.from}: ${e.offence || 'offence not given'}.`);
		announce(`New alert. ${lines.join(' ')} Acknowledge on the alert board.`);
		for (const entry of entries) notify(entry);
		beep(entries.some((e) => e.urgency === 'EMERGENCY') ? 3 : 1);
	}

	// ---------------------------------------------------------------- notifications & sound

	function notify(entry) {
		if (!('Notification' in window) || Notification.permission !== 'granted') return;
		try {
			const n = new Notification(`Vigil: ${entry.urgency} request from ${entry.from}`, {
				body: `${entry.offence || ''}\nStep ${entry.step ?? '—'}. ${entry.reason || ''}`.trim(),
				tag: entry.id, requireInteraction: entry.urgency === 'EMERGENCY' });
			n.addEventListener('click', () => {
				window.focus();
				const card = $(`#alerts [data-request-id="${CSS.escape(entry.id)}"]`);
				if (card) card.focus();
				n.close();
			});
		} catch (e) { /* some mobile browsers only allow notifications from a service worker */ }
	}

	function setUpNotifications() {
		const button = $('#enable-notifications');
		const note = $('#notification-note');
		const update = () => {
			const supported = 'Notification' in window;
			button.hidden = !supported || Notification.permission !== 'default';
			note.hidden = supported && Notification.permission !== 'denied';
			note.textContent = !supported ? 'This browser cannot show notifications; keep this page open.'
				: 'Notifications are blocked in your browser settings; keep this page open.';
		};
		button.addEventListener('click', async () => {
			try { await Notification.requestPermission(); } catch (e) { /* older browsers use a callback */ }
			update();
		});
		update();
	}

	function unlockAudio() {
		const Ctx = window.AudioContext || window.webkitAudioContext;
		if (!Ctx || state.audio) return;
		try { state.audio = new Ctx(); } catch (e) { return; }
		$('#sound-hint').hidden = true;
	}

	function beep(times) {
		const ctx = state.audio;
		if (!ctx) return;
		if (ctx.state === 'suspended') ctx.resume();
		for (let i = 0; i < times; i++) {
			const start = ctx.currentTime + i * 0.35;
			const osc = ctx.createOscillator();
			const gain = ctx.createGain();
			osc.type = 'square';
			osc.frequency.value = 880;
			gain.gain.setValueAtTime(0.0001, start);
			gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
			gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.25);
			osc.connect(gain).connect(ctx.destination);
			osc.start(start);
			osc.stop(start + 0.3);
		}
	}

	// ---------------------------------------------------------------- live connection

	function connectStomp() {
		if (!window.StompJs) {
			setConnection('offline');
			showMessage($('#page-message'), 'Live alerts are unavailable (the STOMP client did not load). Reload the page.');
			return;
		}
		const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
		let lastSessionCheck = 0;
		const client = new StompJs.Client({
			brokerURL: `${scheme}//${location.host}/ws`,
			reconnectDelay: 2000,
			heartbeatIncoming: 10000,
			heartbeatOutgoing: 10000,
			onConnect: () => {
				setConnection('connected');
				client.subscribe('/user/queue/alerts', onFrame);
				if (state.isOfficer) {
					catchUp();
					loadTable('received');
				}
				if (state.isRequester) loadTable('sent');
			},
			onWebSocketClose: () => {
				setConnection(navigator.onLine === false ? 'offline' : 'reconnecting');
				if (Date.now() - lastSessionCheck > 15000) { // an expired session also closes the socket
					lastSessionCheck = Date.now();
					api('GET', '/api/v1/me').catch(() => {});
				}
			},
			onStompError: () => setConnection('reconnecting'),
		});
		state.stomp = client;
		client.activate();
		window.addEventListener('offline', () => setConnection('offline'));
		window.addEventListener('online', () => setConnection(client.connected ? 'connected' : 'reconnecting'));
	}

	// ---------------------------------------------------------------- request tables

	const TABLES = {
		sent: { table: '#sent-requests', status: '#sent-status', more: '#sent-more', peer: (s) => s.to },
		received: { table: '#received-requests', status: '#received-status', more: '#received-more',
			peer: (s) => s.from, offence: true },
	};

	const CHANNEL_WORDS = { EMAIL: 'e-mail', SMS: 'SMS', VOICE: 'voice call', PUSH: 'browser push' };

	function viaText(s) {
		const words = CHANNEL_WORDS[s.acknowledgedVia];
		return words ? ` via ${words}` : '';
	}

	function acknowledgedCell(s) {
		if (!s.acknowledgedBy) return '—';
		return el('span', {}, `${s.acknowledgedBy}${viaText(s)} at `, timeEl(s.acknowledgedAt));
	}

	function statusRow(s, config) {
		const cells = [shortId(s.id), config.peer(s) || '—', badge('urgency', s.urgency), badge('state', s.state)];
		if (config.offence) cells.push((s.request && s.request.offence) || '—');
		else cells.push(timeEl(s.acceptedAt));
		cells.push(s.step ?? '—', (s.paged || []).join(', ') || '—', timeEl(s.deadline), acknowledgedCell(s));
		const row = el('tr', { class: 'request-row', tabindex: '0', 'data-request-id': s.id,
			'aria-label': `Request ${s.id}, ${s.urgency}, ${s.state}. Press Enter for details.` });
		cells.forEach((c, i) => row.append(el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {},
			typeof c === 'object' ? c : String(c))));
		const open = () => showDetails(s.id, s, row);
		row.addEventListener('click', open);
		row.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
		return row;
	}

	const PAGE_SIZE = 100;
	const MAX_PAGE = 500; // the API's largest page

	// The newest requests, as many pages as the person asked for, in one call: the table is
	// refreshed on every frame, so it asks for all it shows at once instead of following cursors.
	async function loadTable(box) {
		const config = TABLES[box];
		if (config.loading) return;
		config.loading = true;
		try {
			const limit = Math.min(PAGE_SIZE * state.pages[box], MAX_PAGE);
			const page = await apiPage(`/api/v1/requests?box=${box}&limit=${limit}`);
			const list = page.items;
			$(config.status).textContent = '';
			if (!state.stomp) setConnection('connected');
			renderTable(box, list);
			const more = $(config.more);
			more.hidden = !page.next || limit >= MAX_PAGE;
		} catch (e) {
			if (session.redirecting) return;
			$(config.status).textContent = `Could not refresh (${errorText(e)}); retrying.`;
			if (!state.stomp && e.status === 0) setConnection('offline');
		} finally {
			config.loading = false;
		}
	}

	function renderTable(box, list) {
		const config = TABLES[box];
		const json = JSON.stringify(list);
		if (state.lastJson[box] === json) return;
		state.lastJson[box] = json;
		const tbody = $(`${config.table} tbody`);
		const focusedId = tbody.contains(document.activeElement) ? document.activeElement.dataset.requestId : null;
		const rows = list.map((s) => statusRow(s, config));
		if (!rows.length) {
			rows.push(el('tr', {}, el('td', { colspan: '9', class: 'empty', text: 'No requests yet.' })));
		}
		tbody.replaceChildren(...rows);
		if (focusedId) {
			const row = tbody.querySelector(`[data-request-id="${CSS.escape(focusedId)}"]`);
			if (row) row.focus();
		}
		const open = state.details && list.find((s) => s.id === state.details.id);
		if (open) renderDetails(open);
	}

	// ---------------------------------------------------------------- supervisors' overview

	async function loadOverview() {
		let overview;
		try {
			overview = await api('GET', '/api/v1/overview');
		} catch (e) {
			if (!session.redirecting) $('#overview-summary').textContent = `Could not refresh (${errorText(e)}); retrying.`;
			return;
		}
		const scope = overview.scope === 'network' ? 'across the network' : `in ${overview.scope}`;
		$('#overview-summary').textContent = `${overview.open.length} open ${scope}: ${overview.escalated} escalated, `
			+ `${overview.overdue} overdue.`;
		const rows = overview.open.map((line) => {
			const s = line.status;
			const flags = [line.overdue ? 'OVERDUE' : null, line.escalated ? 'escalated' : null].filter(Boolean).join(', ');
			const row = el('tr', { class: `request-row${line.overdue ? ' is-overdue' : ''}`, tabindex: '0',
				'data-request-id': s.id, 'aria-label': `Request ${s.id}, ${s.state}${flags ? ', ' + flags : ''}. Press Enter for details.` },
			el('th', { scope: 'row' }, shortId(s.id)), el('td', { text: `${s.from} → ${s.to}` }),
			el('td', {}, badge('urgency', s.urgency)), el('td', {}, badge('state', s.state)),
			el('td', { text: String(s.step ?? '—') }), el('td', {}, timeEl(s.respondBy || s.deadline)),
			el('td', { text: flags || '—' }));
			const open = () => showDetails(s.id, s, row);
			row.addEventListener('click', open);
			row.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
			return row;
		});
		if (!rows.length) rows.push(el('tr', {}, el('td', { colspan: '7', class: 'empty', text: 'Nothing open.' })));
		$('#overview tbody').replaceChildren(...rows);
	}

	// ---------------------------------------------------------------- details panel

	async function showDetails(id, status, returnFocus) {
		state.details = { id, json: null, returnFocus };
		$('#details-status').hidden = true;
		const panel = $('#request-details');
		panel.hidden = false;
		$('#details-message').hidden = true;
		if (status) renderDetails(status);
		else {
			$('#details-title').textContent = `Request ${id}`;
			$('#details-fields').replaceChildren();
			$('#details-timeline').replaceChildren();
		}
		$('#details-title').focus();
		const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
		panel.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
		if (!status) {
			try {
				renderDetails(await api('GET', `/api/v1/requests/${encodeURIComponent(id)}`));
			} catch (e) {
				if (!session.redirecting) showMessage($('#details-message'), 'Could not load the request: ' + errorText(e));
			}
		}
	}

	// Downloads a sender keeps and verifies offline: vigil verify receipt.p7s --request request.p7s.
	function signedLink(s) {
		if (!s.requestDigest) return null;
		const base = `/api/v1/requests/${encodeURIComponent(s.id)}`;
		return el('span', {},
			el('a', { href: `${base}/signed`, download: `${s.id}.p7s`, class: 'signed-request' }, 'request.p7s'),
			` ${s.requestDigest}` + (s.signedByNetwork ? ' (signed by the network on your contact point\'s behalf)' : ''));
	}

	function receiptLinks(s) {
		if (!s.receipts || !s.receipts.length) return null;
		const base = `/api/v1/requests/${encodeURIComponent(s.id)}/receipts`;
		const links = el('span', { class: 'receipts' });
		for (const kind of s.receipts) {
			if (links.childNodes.length) links.append(' · ');
			links.append(el('a', { href: `${base}/${kind}`, download: `${s.id}-${kind.toLowerCase()}.p7s`,
				class: `receipt receipt-${kind.toLowerCase()}` }, kind.charAt(0) + kind.slice(1).toLowerCase()));
		}
		return links;
	}

	function renderDetails(s) {
		const json = JSON.stringify(s);
		if (!state.details || state.details.id !== s.id || state.details.json === json) return;
		state.details.json = json;
		const r = s.request || {};
		$('#details-title').textContent = `Request ${s.id}`;
		const rows = [
			['State', badge('state', s.state)], ['Urgency', badge('urgency', s.urgency)],
			['From → to', `${s.from || '?'} → ${s.to || '?'}`], ['Accepted', timeEl(s.acceptedAt)],
			['Submitted by', s.submittedBy], ['Step', s.step], ['Paged now', (s.paged || []).join(', ')],
			['Deadline', timeEl(s.deadline)], ['Delivered to', s.deliveredTo], ['Delivered at', timeEl(s.deliveredAt)],
			['Acknowledged by', s.acknowledgedBy && `${s.acknowledgedBy}${viaText(s)}`],
			['Acknowledged at', timeEl(s.acknowledgedAt)],
			['Answer due by', timeEl(s.respondBy)],
			['Answer', answerText(s.response)],
			['Preserved until', timeEl(s.preservedUntil)],
			['Closed', s.outcome ? s.outcome.replaceAll('_', ' ').toLowerCase() : null],
			['Signed request', signedLink(s)], ['Receipts', receiptLinks(s)],
			['(a) Requesting authority', r.requestingAuthority], ['(b) Offence', r.offence],
			['(b) Summary of facts', r.summaryOfFacts], ['(c) Data to preserve', r.dataToPreserve],
			['(c) Relation to the offence', r.relationToOffence], ['(d) Custodian or location', r.custodian],
			['(e) Necessity', r.necessity],
			['(f) Mutual assistance to follow', r.mutualAssistanceToFollow === undefined ? null
				: (r.mutualAssistanceToFollow ? 'Yes' : 'No')],
		];
		$('#details-fields').replaceChildren(...rows.map(([label, value]) => el('div', {},
			el('dt', { text: label }),
			el('dd', { class: 'long-text' }, (value === null || value === undefined || value === '') ? '—'
				: (typeof value === 'object' ? value : String(value))))));
		const events = (s.timeline || []).map((t) => el('li', {},
			timeEl(t.at), ' ', el('strong', { text: t.event }), t.text ? ` — ${t.text}` : ''));
		$('#details-timeline').replaceChildren(...(events.length ? events : [el('li', { text: 'No events yet.' })]));
		renderActions(s);
	}

	// ---------------------------------------------------------------- answers, snoozes, replies

	const ANSWERS = {
		PRESERVED: 'Preserved', DISCLOSED: 'Disclosed', REFUSED: 'Refused', NEEDS_INFORMATION: 'More information needed',
	};

	function answerText(a) {
		if (!a) return null;
		return el('span', {}, `${ANSWERS[a.kind] || a.kind} — by ${a.by} at `, timeEl(a.at), a.note ? `: ${a.note}` : '');
	}

	function hasRole(role) { return (state.me && state.me.roles || []).includes(role); }

	// The same rules as the gateway's (docs/security.md); the server checks them again.
	function canAnswer(s) {
		return hasRole('COORDINATOR') || (state.me.country === s.to && (hasRole('OFFICER') || hasRole('SUPERVISOR')));
	}

	function canReply(s) {
		return hasRole('COORDINATOR') || (state.me.country === s.from && hasRole('REQUESTER'));
	}

	// Rebuilt only when what is possible changes, so a status refresh never wipes what the officer is typing.
	function renderActions(s) {
		const box = $('#details-actions');
		const answering = canAnswer(s) && !['SUBMITTED', 'CLOSED'].includes(s.state);
		const snoozing = canAnswer(s) && s.state === 'ACKNOWLEDGED' && s.acknowledgedBy === state.me.id;
		const replying = canReply(s) && s.state === 'AWAITING_INFORMATION';
		const key = [s.id, s.state, answering, snoozing, replying].join('|');
		if (state.details.actionsKey === key) return;
		state.details.actionsKey = key;
		const parts = [];
		if (answering) parts.push(answerForm(s));
		if (snoozing) parts.push(snoozeForm(s));
		if (replying) parts.push(replyForm(s));
		box.replaceChildren(...parts);
		box.hidden = !parts.length;
	}

	function field(id, label, control, hint) {
		control.id = id;
		const parts = [el('label', { for: id, text: label }), control];
		if (hint) {
			control.setAttribute('aria-describedby', `${id}-hint`);
			parts.push(el('p', { id: `${id}-hint`, class: 'hint', text: hint }));
		}
		parts.push(el('p', { id: `${id}-error`, class: 'field-error', hidden: true }));
		return el('div', { class: 'field' }, ...parts);
	}

	function actionForm(name, legend, fields, button, send) {
		const message = el('p', { class: 'message', role: 'status', hidden: true });
		const form = el('form', { class: `action-form ${name}`, novalidate: true },
			el('fieldset', {}, el('legend', { text: legend }), ...fields,
				el('button', { type: 'submit', class: 'primary', text: button }), message));
		form.addEventListener('submit', async (event) => {
			event.preventDefault();
			const submit = form.querySelector('button[type=submit]');
			submit.disabled = true;
			try {
				const done = await send(form);
				if (done) {
					// Outside the form: the answer changes the request's state, which rebuilds the forms.
					message.hidden = true;
					showMessage($('#details-status'), done, 'success');
					announce(done);
				}
			} catch (e) {
				if (e.problem && Array.isArray(e.problem.errors)) {
					for (const error of e.problem.errors) {
						const node = form.querySelector(`[name="${CSS.escape(error.field)}"]`);
						if (node) fieldError(node, error.message);
					}
				}
				showMessage(message, errorText(e));
			} finally {
				submit.disabled = false;
			}
		});
		return form;
	}

	function fieldError(control, text) {
		const node = document.getElementById(`${control.id}-error`);
		control.setAttribute('aria-invalid', text ? 'true' : 'false');
		if (text) control.setAttribute('aria-errormessage', node.id); else control.removeAttribute('aria-errormessage');
		node.textContent = text || '';
		node.hidden = !text;
	}

	function answerForm(s) {
		const kind = el('select', { name: 'kind' },
			...Object.entries(ANSWERS).map(([value, text]) => el('option', { value, text })));
		const until = el('input', { type: 'date', name: 'preservedUntil' });
		const note = el('textarea', { name: 'note', rows: '3', maxlength: '2000' });
		const untilField = field(`answer-until-${s.id}`, 'Preserved until (last day)', until,
			`In ${s.to}'s calendar. Leave empty for ${s.to}'s preservation period (at least 60 days, Art. 29(7)).`);
		kind.addEventListener('change', () => { untilField.hidden = kind.value !== 'PRESERVED'; });
		const verb = ['ACKNOWLEDGED', 'AWAITING_INFORMATION', 'PRESERVED'].includes(s.state) ? 'Answer'
			: 'Answer (this acknowledges it too)';
		return actionForm('answer-form', verb, [
			field(`answer-kind-${s.id}`, 'Answer', kind),
			untilField,
			field(`answer-note-${s.id}`, 'Note', note, 'The reason of a refusal, the information needed, or a reference.'),
		], 'Send answer', async (form) => {
			fieldError(note, '');
			fieldError(until, '');
			if ((kind.value === 'REFUSED' || kind.value === 'NEEDS_INFORMATION') && !note.value.trim()) {
				fieldError(note, kind.value === 'REFUSED' ? 'Give the reason of the refusal.' : 'Say what information is needed.');
				note.focus();
				return null;
			}
			const body = { kind: kind.value, note: note.value.trim() || null,
				preservedUntil: (kind.value === 'PRESERVED' && until.value) ? until.value : null };
			await api('POST', `/api/v1/requests/${encodeURIComponent(s.id)}/response`, body);
			refreshDetails(s.id);
			return `Answer sent for request ${s.id}: ${ANSWERS[kind.value]}.`;
		});
	}

	function snoozeForm(s) {
		const bound = { EMERGENCY: 10, URGENT: 60, ROUTINE: 720 }[s.urgency] || 10;
		const minutes = el('select', { name: 'minutes' }, ...[5, 10, 30, 60, 120, 240, 720]
			.filter((m) => m <= bound).map((m) => el('option', { value: String(m), text: formatDuration(m * 60000) })));
		return actionForm('snooze-form', 'Remind me again', [
			field(`snooze-minutes-${s.id}`, 'Alert me again in', minutes,
				`At most ${formatDuration(bound * 60000)} for a ${s.urgency} request, three times in all.`),
		], 'Snooze', async () => {
			await api('POST', `/api/v1/requests/${encodeURIComponent(s.id)}/snooze`, { minutes: Number(minutes.value) });
			refreshDetails(s.id);
			return `Request ${s.id} snoozed for ${formatDuration(Number(minutes.value) * 60000)}.`;
		});
	}

	function replyForm(s) {
		const note = el('textarea', { name: 'note', rows: '3', maxlength: '2000', required: true });
		const question = s.response && s.response.note;
		return actionForm('reply-form', `${s.to} needs more information`, [
			field(`reply-note-${s.id}`, 'Your answer', note, question ? `They asked: ${question}` : null),
		], 'Send information', async () => {
			fieldError(note, '');
			if (!note.value.trim()) {
				fieldError(note, 'Write the information asked for.');
				note.focus();
				return null;
			}
			await api('POST', `/api/v1/requests/${encodeURIComponent(s.id)}/information`, { note: note.value.trim() });
			refreshDetails(s.id);
			return `Information sent to ${s.to} for request ${s.id}.`;
		});
	}

	async function refreshDetails(id) {
		try {
			const s = await api('GET', `/api/v1/requests/${encodeURIComponent(id)}`);
			if (state.details && state.details.id === id) renderDetails(s);
		} catch (e) { /* the periodic refresh will try again */ }
	}

	function closeDetails() {
		const back = state.details && state.details.returnFocus;
		state.details = null;
		$('#request-details').hidden = true;
		const target = back && back.isConnected ? back
			: back && back.dataset.requestId && $(`tr[data-request-id="${CSS.escape(back.dataset.requestId)}"]`);
		if (target) target.focus();
	}

	// ---------------------------------------------------------------- request form

	function newRequestId() {
		if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
		const bytes = crypto.getRandomValues(new Uint8Array(16));
		return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
	}

	function setFieldError(field, message) {
		const error = document.getElementById(field.id + '-error');
		if (message) field.setAttribute('aria-invalid', 'true');
		else field.removeAttribute('aria-invalid');
		if (error) { error.textContent = message || ''; error.hidden = !message; }
	}

	function validateField(field) {
		const value = field.type === 'checkbox' ? 'x' : field.value.trim();
		if (field.required && !value) return field.tagName === 'SELECT' ? 'Choose one.' : 'Required.';
		if (value && field.getAttribute('pattern') && !new RegExp(`^(?:${field.getAttribute('pattern')})$`).test(value)) {
			return field.name === 'to' ? 'Two capital letters, e.g. DE.' : 'Not in the expected format.';
		}
		if (field.maxLength > 0 && value.length > field.maxLength) return `At most ${field.maxLength} characters.`;
		return null;
	}

	function readForm(form) {
		const body = { id: state.draftId };
		for (const name of TEXT_FIELDS) body[name] = form.elements[name].value.trim();
		body.to = body.to.toUpperCase();
		if (!body.custodian) delete body.custodian;
		body.urgency = form.elements.urgency.value;
		body.mutualAssistanceToFollow = form.elements.mutualAssistanceToFollow.checked;
		return body;
	}

	function showServerErrors(form, errors) {
		const unplaced = [];
		for (const { field, message } of errors || []) {
			const name = String(field || '').split('.').pop();
			const input = form.elements[name];
			if (input && input.id) setFieldError(input, message);
			else unplaced.push(`${field}: ${message}`);
		}
		return unplaced;
	}

	function focusFirstInvalid(form) {
		const first = form.querySelector('[aria-invalid="true"]');
		if (first) first.focus();
		return Boolean(first);
	}

	function submitFailure(error) {
		const detail = errorText(error);
		switch (error.status) {
			case 0: return 'No answer from the server: the request may NOT have been accepted. Check “Sent requests”, '
				+ 'then send again (a retry cannot create a duplicate).';
			case 400: return 'The request was not accepted: ' + detail;
			case 403: return 'You are not allowed to send this request: ' + detail;
			case 409: return 'The network already holds this request (' + state.draftId
				+ '): an earlier attempt was accepted. Check “Sent requests”.';
			case 422: return 'Please correct the highlighted fields. ' + detail;
			case 503: return 'The network is unavailable: the request was NOT accepted. Please retry in a moment. ' + detail;
			default: return `The request was NOT accepted (error ${error.status}): ${detail} Please retry.`;
		}
	}

	async function submitRequest(event) {
		event.preventDefault();
		const form = event.currentTarget;
		const message = $('#form-message');
		const button = $('#submit-request');
		message.hidden = true;
		let valid = true;
		for (const field of form.querySelectorAll('input[name], select[name], textarea[name]')) {
			const problem = validateField(field);
			setFieldError(field, problem);
			valid = valid && !problem;
		}
		if (!valid) {
			showMessage(message, 'Please correct the highlighted fields.');
			focusFirstInvalid(form);
			return;
		}
		button.disabled = true;
		button.textContent = 'Sending…';
		try {
			const status = await api('POST', '/api/v1/requests', readForm(form));
			form.reset();
			state.draftId = newRequestId();
			showMessage(message, `Accepted by the network: ${status && status.id}`, 'success');
			loadTable('sent');
		} catch (e) {
			if (session.redirecting) return;
			const unplaced = showServerErrors(form, e.problem && e.problem.errors);
			showMessage(message, [submitFailure(e), ...unplaced].join(' '));
			if (e.status === 409) state.draftId = newRequestId();
			if (!focusFirstInvalid(form)) message.focus();
		} finally {
			button.disabled = false;
			button.textContent = 'Send request';
		}
	}

	function setUpOlderButtons() {
		for (const box of Object.keys(TABLES)) {
			$(TABLES[box].more).addEventListener('click', () => {
				state.pages[box] += 1;
				loadTable(box);
			});
		}
	}

	function setUpForm() {
		const form = $('#request-form');
		form.addEventListener('submit', submitRequest);
		form.addEventListener('input', (e) => {
			if (e.target.name === 'to') e.target.value = e.target.value.toUpperCase();
			if (e.target.getAttribute('aria-invalid') === 'true') setFieldError(e.target, validateField(e.target));
		});
	}

	// ---------------------------------------------------------------- start-up

	async function loadMe() {
		try {
			return await api('GET', '/api/v1/me');
		} catch (e) {
			if (session.redirecting) return null;
			showMessage($('#page-message'), `Could not load your profile (${errorText(e)}); retrying…`);
			await new Promise((resolve) => setTimeout(resolve, 5000));
			return loadMe();
		}
	}

	async function start() {
		$('#logout-form').addEventListener('submit', logOut);
		$('#close-details').addEventListener('click', closeDetails);
		$('#request-details').addEventListener('keydown', (e) => { if (e.key === 'Escape') closeDetails(); });
		setUpOlderButtons();
		// 'click', not 'pointerdown': hiding the hint moves the page, and a move between press and release
		// would swallow the very click (say, on Acknowledge) that unlocked the sound.
		for (const type of ['click', 'keydown']) document.addEventListener(type, unlockAudio, { once: true });

		const me = await loadMe();
		if (!me) return;
		state.me = me;
		$('#page-message').hidden = true;
		renderMe(me);
		const roles = me.roles || [];
		const isOfficer = roles.some((r) => OFFICER_ROLES.includes(r));
		const isRequester = roles.includes('REQUESTER');
		state.isOfficer = isOfficer;
		state.isRequester = isRequester;
		$('#no-role').hidden = isOfficer || isRequester;

		if (isOfficer) {
			$('#alert-board').hidden = false;
			$('#received-section').hidden = false;
			setUpNotifications();
			renderBoard();
			catchUp();
			loadTable('received');
			connectStomp();
			setInterval(() => loadTable('received'), 10000);
			setInterval(catchUp, 30000); // safety net; frames are the fast path
			setInterval(tickCountdowns, 1000);
		}
		if (roles.includes('SUPERVISOR') || roles.includes('COORDINATOR')) {
			$('#overview-section').hidden = false;
			loadOverview();
			setInterval(() => { if (!document.hidden) loadOverview(); }, 15000);
		}
		if (isRequester) {
			$('#new-request').hidden = false;
			$('#sent-section').hidden = false;
			setUpForm();
			loadTable('sent');
			setInterval(() => { if (!document.hidden) loadTable('sent'); }, 3000);
			document.addEventListener('visibilitychange', () => { if (!document.hidden) loadTable('sent'); });
			// Requesters hear of answers and lapsing preservations on the same queue officers get alerts on.
			if (!isOfficer) connectStomp();
		}
		if (!isOfficer && !isRequester) setConnection(navigator.onLine === false ? 'offline' : 'connected');
	}

	document.addEventListener('DOMContentLoaded', start);
})();
