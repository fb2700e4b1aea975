// Vigil reachability drills: the per-Party report and the form to start drills.
// Text only ever goes in with textContent; nothing here builds HTML from strings.
(function () {
	'use strict';

	function readCookie(name) {
		const found = document.cookie.split('; ').find((part) => part.startsWith(name + '='));
		return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
	}

	async function api(method, path, body, retried = false) {
		const headers = { 'X-Requested-With': 'fetch', Accept: 'application/json, application/problem+json' };
		let token = null;
		if (method !== 'GET') {
			if (!readCookie('XSRF-TOKEN')) await api('GET', '/api/v1/me');
			token = readCookie('XSRF-TOKEN');
			if (token) headers['X-XSRF-TOKEN'] = token;
		}
		if (body !== undefined) headers['Content-Type'] = 'application/json';
		let response;
		try {
			response = await fetch(path, { method, headers, credentials: 'same-origin', cache: 'no-store',
				body: body === undefined ? undefined : JSON.stringify(body) });
		} catch (e) {
			throw { detail: 'The server could not be reached.' };
		}
		if (response.status === 401) {
			location.href = '/login';
			throw { detail: 'Your session has ended.' };
		}
		if (response.status === 403 && token && !retried && readCookie('XSRF-TOKEN') !== token) {
			return api(method, path, body, true);
		}
		const text = await response.text();
		let data = null;
		try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
		if (!response.ok) throw (data && typeof data === 'object') ? data : { detail: response.statusText };
		return data;
	}

	function problemText(problem) {
		const fields = (problem.errors || []).map((e) => `${e.field}: ${e.message}`).join('; ');
		return [problem.detail || problem.title || 'Something went wrong.', fields].filter(Boolean).join(' ');
	}

	function el(tag, text, attrs = {}) {
		const node = document.createElement(tag);
		if (text !== undefined && text !== null) node.textContent = String(text);
		for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
		return node;
	}

	function show(node, text, kind) {
		node.textContent = text || '';
		node.className = 'message ' + (kind || '');
		node.hidden = !text;
	}

	function duration(millis) {
		if (millis === null || millis === undefined) return '—';
		const seconds = Math.round(millis / 1000);
		const h = Math.floor(seconds / 3600);
		const m = Math.floor((seconds % 3600) / 60);
		const s = seconds % 60;
		return h ? `${h} h ${m} min` : (m ? `${m} min ${s} s` : `${s} s`);
	}

	function when(instant) {
		if (!instant) return '—';
		const node = el('time', new Date(instant).toISOString().replace('T', ' ').slice(0, 16) + ' UTC');
		node.setAttribute('datetime', instant);
		return node;
	}

	function row(cells, header) {
		const tr = document.createElement('tr');
		cells.forEach((cell, i) => {
			const td = document.createElement(i === 0 && header ? 'th' : 'td');
			if (i === 0 && header) td.setAttribute('scope', 'row');
			if (cell instanceof Node) td.append(cell); else td.textContent = cell;
			tr.append(td);
		});
		return tr;
	}

	const message = document.getElementById('page-message');

	async function loadReport() {
		const body = document.querySelector('#report tbody');
		try {
			const lines = await api('GET', '/api/v1/drills/report');
			body.replaceChildren(...lines.map((line) => {
				const tr = row([`${line.country} (${line.partyName})`, when(line.lastDrill), line.lastOutcome || '—',
					line.drills, duration(line.medianMillisToAcknowledge), duration(line.worstMillisToAcknowledge),
					line.failures, line.running], true);
				tr.dataset.country = line.country;
				tr.tabIndex = 0;
				tr.classList.add('clickable');
				tr.setAttribute('aria-label', `${line.country}: ${line.drills} drills, ${line.failures} failures. Press Enter for its drills.`);
				tr.addEventListener('click', () => loadCountry(line.country));
				tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') loadCountry(line.country); });
				return tr;
			}));
			if (!lines.length) body.replaceChildren(row(['No Party you may see.']));
			show(message, '');
		} catch (problem) {
			show(message, problemText(problem), 'error');
		}
	}

	async function loadCountry(country) {
		try {
			const report = await api('GET', '/api/v1/drills/report/' + encodeURIComponent(country));
			const section = document.getElementById('country-section');
			const title = document.getElementById('country-title');
			title.textContent = `Drills of ${report.country} (${report.partyName})`;
			document.querySelector('#country-drills tbody').replaceChildren(...(report.results.length
				? report.results.map((d) => row([when(d.startedAt), d.urgency, d.outcome, d.acknowledgedBy || '—',
					d.step ?? '—', duration(d.millisToAcknowledge), el('span', d.requestId, { class: 'request-id' })]))
				: [row(['No drill yet.'])]));
			section.hidden = false;
			title.focus();
		} catch (problem) {
			show(message, problemText(problem), 'error');
		}
	}

	async function setUp() {
		const me = await api('GET', '/api/v1/me');
		document.getElementById('user-id').textContent = me.id;
		document.getElementById('user-country').textContent = me.country || 'network';
		document.querySelector('#logout-form [name=_csrf]').value = readCookie('XSRF-TOKEN') || '';
		const may = await api('GET', '/api/v1/drills/permissions');
		const form = document.getElementById('drill-form');
		if (may.drillAny || may.drillOwn) {
			document.getElementById('run-section').hidden = false;
			if (!may.drillAny) {
				form.elements.countries.value = may.drillOwn;
				form.elements.countries.readOnly = true;
				document.getElementById('drill-all-field').hidden = true;
			}
		}
		form.elements.all.addEventListener('change', () => {
			form.elements.countries.disabled = form.elements.all.checked;
		});
		form.addEventListener('submit', async (e) => {
			e.preventDefault();
			const out = document.getElementById('drill-message');
			const button = form.querySelector('button[type=submit]');
			const body = { urgency: form.elements.urgency.value };
			if (form.elements.all.checked) body.all = true;
			else body.countries = form.elements.countries.value.split(',').map((c) => c.trim().toUpperCase())
				.filter(Boolean);
			button.disabled = true;
			try {
				const started = await api('POST', '/api/v1/drills', body);
				show(out, `Started ${started.drills.length} drill(s): `
					+ started.drills.map((d) => d.country).join(', '), 'success');
				form.elements.countries.removeAttribute('aria-invalid');
				await loadReport();
			} catch (problem) {
				form.elements.countries.setAttribute('aria-invalid', 'true');
				show(out, problemText(problem), 'error');
			} finally {
				button.disabled = false;
			}
		});
		document.getElementById('refresh').addEventListener('click', loadReport);
		await loadReport();
	}

	setUp().catch((problem) => show(message, problemText(problem), 'error'));
}());
