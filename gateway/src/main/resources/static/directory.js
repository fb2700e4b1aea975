/* Vigil directory page: who is on call in any Party and why, the next 14 days, and for
 * administrators the roster's overrides and the whole entry, saved with If-Match. */
'use strict';

(() => {
	const { api, ApiError, errorText, el, showMessage, timeEl } = window.Vigil;
	const $ = (selector) => document.querySelector(selector);
	const state = { me: null, country: null, entry: null, etag: null };

	function localIn(zone, iso) {
		if (!iso) return '—';
		const date = new Date(iso);
		return el('time', { datetime: iso, title: date.toISOString() },
			date.toLocaleString(undefined, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }));
	}

	function rows(target, pairs) {
		target.replaceChildren(...pairs.map(([label, value]) => el('div', {}, el('dt', { text: label }),
			el('dd', {}, (value === null || value === undefined || value === '') ? '—'
				: (typeof value === 'object' ? value : String(value))))));
	}

	function mayEdit(country) {
		const roles = state.me.roles || [];
		return roles.includes('NETWORK_ADMIN') || (roles.includes('COUNTRY_ADMIN') && state.me.country === country);
	}

	// The entry with its ETag: fetch() directly, because the ETag is a header.
	async function loadEntry(country) {
		const response = await fetch(`/api/v1/directory/contact-points/${country}`,
			{ headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
		if (response.status === 401) { location.href = '/login'; return; }
		const body = await response.json();
		if (!response.ok) throw new ApiError({ ...body, status: response.status });
		state.entry = body;
		state.etag = response.headers.get('ETag');
	}

	async function show(country) {
		state.country = country;
		history.replaceState(null, '', `?country=${country}`);
		try {
			await loadEntry(country);
			const [now, calendar] = await Promise.all([
				api('GET', `/api/v1/directory/contact-points/${country}/on-call`),
				api('GET', `/api/v1/directory/contact-points/${country}/calendar?days=14`)]);
			render(now, calendar);
			$('#page-message').hidden = true;
		} catch (e) {
			showMessage($('#page-message'), `Could not load ${country}: ${errorText(e)}`);
		}
	}

	function render(now, calendar) {
		const cp = state.entry;
		const zone = cp.zone;
		const treaty = cp.treaty || {};
		rows($('#party-facts'), [['Party', `${cp.partyName} (${cp.country})`], ['Authority', cp.authority],
			['Time zone', zone], ['Languages', (cp.languages || []).join(', ')],
			['Treaty', [treaty.status, treaty.since].filter(Boolean).join(' since ')],
			['Art. 29(4) reservation', treaty.dualCriminalityReservation ? 'yes' : 'no'],
			['24/7 channels', (cp.channels || []).map((c) => `${c.kind || ''} ${c.address || ''}`.trim()).join(' · ')],
			['Last verified', cp.lastVerified]]);
		const duty = now.now.duty;
		rows($('#on-call-now'), [['Primary', duty.primary], ['Secondary', duty.secondary],
			['Supervisors', (now.supervisors || []).join(', ')], ['Until', localIn(zone, duty.end)],
			['Why', now.now.reason]]);
		$('#calendar-zone').textContent = calendar.zone;
		$('#calendar tbody').replaceChildren(...calendar.duties.map((d) => el('tr', {},
			el('td', {}, localIn(zone, d.start)), el('td', {}, localIn(zone, d.end)),
			el('td', { text: d.primary }), el('td', { text: d.secondary || '—' }),
			el('td', { text: [d.layer ? `layer '${d.layer}'` : null, `rotation '${d.rotation}' shift ${d.shift}`,
				...(d.overrides || []).map((o) => `override '${o.name}'`)].filter(Boolean).join('; ') }))));
		renderEditor();
	}

	function renderEditor() {
		const cp = state.entry;
		$('#edit').hidden = !mayEdit(cp.country);
		if ($('#edit').hidden) return;
		const officers = (cp.officers || []).map((o) => o.id);
		$('#ov-by').replaceChildren(...officers.map((id) => el('option', { value: id, text: id })));
		$('#ov-replaces').replaceChildren(el('option', { value: '', text: '— nobody: make them primary' }),
			...officers.map((id) => el('option', { value: id, text: id })));
		$('#overrides').replaceChildren(...(cp.overrides || []).map((o, i) => el('li', {},
			`${o.name}: ${o.by}${o.replaces ? ` for ${o.replaces}` : ' primary'} from ${o.from} until ${o.until} `,
			removeButton(i, o.name))));
		if (!(cp.overrides || []).length) $('#overrides').replaceChildren(el('li', { text: 'No overrides.' }));
		$('#entry-json').value = JSON.stringify(cp, null, 2);
	}

	function removeButton(index, name) {
		const button = el('button', { type: 'button', class: 'secondary', text: `Remove '${name}'` });
		button.addEventListener('click', () => {
			const next = { ...state.entry, overrides: state.entry.overrides.filter((_, i) => i !== index) };
			save(next, `Override '${name}' removed.`);
		});
		return button;
	}

	async function save(entry, done) {
		const message = $('#edit-message');
		try {
			const token = await csrf();
			const response = await fetch(`/api/v1/directory/contact-points/${state.country}`, {
				method: 'PUT', credentials: 'same-origin', cache: 'no-store',
				headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json',
					'If-Match': state.etag, 'X-XSRF-TOKEN': token || '' },
				body: JSON.stringify(entry) });
			const body = await response.json().catch(() => ({}));
			if (!response.ok) {
				const errors = (body.errors || []).map((e) => `${e.field} ${e.message}`).join('; ');
				showMessage(message, (body.detail || body.title || response.statusText) + (errors ? ` (${errors})` : ''));
				if (response.status === 412) await show(state.country);
				return;
			}
			showMessage(message, done, 'success');
			await show(state.country);
		} catch (e) {
			showMessage(message, errorText(e));
		}
	}

	async function csrf() {
		await api('GET', '/api/v1/me');
		return Vigil.readCookie('XSRF-TOKEN');
	}

	function addOverride(event) {
		event.preventDefault();
		const form = event.currentTarget;
		const name = form.elements.name.value.trim();
		const from = form.elements.from.value;
		const until = form.elements.until.value;
		if (!name || !from || !until) {
			showMessage($('#edit-message'), 'Give the override a name, a start and an end.');
			return;
		}
		const override = { name, by: form.elements.by.value, replaces: form.elements.replaces.value || null,
			from: from.length === 16 ? `${from}:00` : from, until: until.length === 16 ? `${until}:00` : until };
		save({ ...state.entry, overrides: [...(state.entry.overrides || []), override] },
			`Override '${name}' saved.`);
	}

	function saveJson() {
		let entry;
		try {
			entry = JSON.parse($('#entry-json').value);
		} catch (e) {
			showMessage($('#edit-message'), `That is not JSON: ${e.message}`);
			return;
		}
		save(entry, 'Entry saved.');
	}

	async function start() {
		try {
			state.me = await api('GET', '/api/v1/me');
		} catch (e) {
			showMessage($('#page-message'), errorText(e));
			return;
		}
		$('#who').textContent = `${state.me.name} (${state.me.id}) — ${(state.me.roles || []).join(', ')}`;
		$('#second-factor').hidden = !(state.me.withheldRoles || []).length;
		const parties = await api('GET', '/api/v1/directory/contact-points');
		const select = $('#party');
		select.replaceChildren(...parties.map((p) => el('option', { value: p.country, text: `${p.country} — ${p.partyName}` })));
		const wanted = new URLSearchParams(location.search).get('country') || state.me.country || parties[0].country;
		select.value = wanted;
		select.addEventListener('change', () => show(select.value));
		$('#override-form').addEventListener('submit', addOverride);
		$('#save-json').addEventListener('click', saveJson);
		show(select.value);
	}

	document.addEventListener('DOMContentLoaded', start);
})();
