/* Vigil web pages: what every page shares — the API client (session, CSRF, problem details) and
 * DOM helpers. Plain ES2020, no framework; text goes in through textContent, never innerHTML. */
'use strict';

window.Vigil = (() => {
	const session = { redirecting: false };

	class ApiError extends Error {
		constructor(problem) {
			super(problem.detail || problem.title || 'Request failed');
			this.problem = problem;
			this.status = problem.status || 0;
		}
	}

	function readCookie(name) {
		const found = document.cookie.split('; ').find((part) => part.startsWith(name + '='));
		return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
	}

	async function csrfToken() {
		if (!readCookie('XSRF-TOKEN')) {
			await api('GET', '/api/v1/me');
		}
		return readCookie('XSRF-TOKEN');
	}

	/** The API's answer to a call, with the next page's address if the answer is a page of a list. */
	async function api(method, path, body, retried = false) {
		return (await call(method, path, body, retried)).data;
	}

	/** A GET of a paged list: {items, next}, next being the Link rel="next" address or null. */
	async function apiPage(path) {
		const { data, response } = await call('GET', path);
		const link = response.headers.get('Link') || '';
		const next = /<([^>]+)>\s*;\s*rel="next"/.exec(link);
		return { items: data || [], next: next ? next[1] : null };
	}

	async function call(method, path, body, retried = false) {
		const headers = { 'X-Requested-With': 'fetch', Accept: 'application/json, application/problem+json' };
		let token = null;
		if (method !== 'GET') {
			token = await csrfToken();
			if (token) headers['X-XSRF-TOKEN'] = token;
		}
		if (body !== undefined) headers['Content-Type'] = 'application/json';
		let response;
		try {
			response = await fetch(path, { method, headers, credentials: 'same-origin', cache: 'no-store',
				body: body === undefined ? undefined : JSON.stringify(body) });
		} catch (e) {
			throw new ApiError({ status: 0, title: 'No connection', detail: 'The server could not be reached.' });
		}
		if (response.status === 401) {
			session.redirecting = true;
			location.href = '/login';
			throw new ApiError({ status: 401, title: 'Unauthenticated', detail: 'Your session has ended.' });
		}
		// A stale CSRF token is refused with 403; the response brings a fresh cookie: try once more.
		if (response.status === 403 && token && !retried && readCookie('XSRF-TOKEN') !== token) {
			return call(method, path, body, true);
		}
		const data = await readJson(response);
		if (!response.ok) {
			const problem = (data && typeof data === 'object') ? data : {};
			throw new ApiError({ title: response.statusText, ...problem, status: response.status });
		}
		return { data, response };
	}

	async function readJson(response) {
		const text = await response.text();
		if (!text) return null;
		try { return JSON.parse(text); } catch (e) { return null; }
	}

	function errorText(error) {
		const p = error.problem || {};
		return p.detail || p.title || error.message || 'Something went wrong.';
	}

	// ---------------------------------------------------------------- DOM helpers

	function el(tag, attrs = {}, ...children) {
		const node = document.createElement(tag);
		for (const [key, value] of Object.entries(attrs)) {
			if (value === null || value === undefined || value === false) continue;
			if (key === 'class') node.className = value;
			else if (key === 'text') node.textContent = value;
			else node.setAttribute(key, value === true ? '' : String(value));
		}
		for (const child of children) {
			if (child !== null && child !== undefined) node.append(child);
		}
		return node;
	}

	function showMessage(node, text, kind = 'error') {
		node.textContent = text || '';
		node.className = node.className.replace(/\b(error|success|info)\b/g, '').trim() + ' ' + kind;
		node.hidden = !text;
	}

	function utcText(date) {
		return date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
	}

	function localText(date) {
		const sameDay = date.toDateString() === new Date().toDateString();
		return sameDay
			? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
			: date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
	}

	/** A <time> in local time, with UTC in its title; "—" if there is no time. */
	function timeEl(iso) {
		if (!iso) return document.createTextNode('—');
		const date = new Date(iso);
		if (isNaN(date)) return document.createTextNode(String(iso));
		return el('time', { datetime: iso, title: utcText(date), text: localText(date) });
	}

	function badge(kind, value) {
		const text = value || '—';
		return el('span', { class: `badge ${kind}-${String(text).toLowerCase()}`, text });
	}

	function shortId(id) {
		return el('span', { class: 'request-id', title: id, text: id && id.length > 12 ? id.slice(0, 8) + '…' : id });
	}

	function formatDuration(ms) {
		const total = Math.floor(Math.abs(ms) / 1000);
		const h = Math.floor(total / 3600);
		const mm = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
		const ss = String(total % 60).padStart(2, '0');
		return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
	}

	return { session, ApiError, api, apiPage, readCookie, errorText, el, showMessage, utcText, localText, timeEl, badge, shortId,
		formatDuration };
})();
