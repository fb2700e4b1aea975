/* Vigil audit page, for auditors: filtered entries, the export, and "is the log still the one this
 * browser saw?" — the browser keeps the last signed checkpoint it saw (localStorage), fetches a
 * consistency proof from it to the current checkpoint and checks the proof (RFC 9162 §2.1.4.2, SHA-256)
 * and the checkpoint's Ed25519 signature (C2SP signed note) itself, with Web Crypto. */
'use strict';

(() => {
	const { api, errorText, el, showMessage, timeEl } = window.Vigil;
	const $ = (selector) => document.querySelector(selector);
	const SEEN = 'vigil.audit.checkpoint';
	const PAGE = 100;
	let next = null;
	let loads = 0;

	// ------------------------------------------------------------ bytes and hashes

	const utf8 = new TextEncoder();

	function fromBase64(text) {
		const raw = atob(text);
		const bytes = new Uint8Array(raw.length);
		for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
		return bytes;
	}

	function concat(...parts) {
		const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
		let at = 0;
		for (const part of parts) { out.set(part, at); at += part.length; }
		return out;
	}

	function equal(a, b) {
		return a.length === b.length && a.every((byte, i) => byte === b[i]);
	}

	async function sha256(bytes) {
		return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	}

	const NODE = Uint8Array.of(1);

	function node(left, right) {
		return sha256(concat(NODE, left, right));
	}

	/** RFC 9162 §2.1.4.2: does the proof show that the tree of size m is a prefix of that of size n? */
	async function verifyConsistency(m, n, oldRoot, newRoot, proof) {
		if (m === n) return proof.length === 0 && equal(oldRoot, newRoot);
		if (m === 0 || m > n || proof.length === 0) return false;
		let path = proof;
		if (isPowerOfTwo(m)) path = [oldRoot, ...proof];
		// Sizes go beyond 2^31: halve with arithmetic, not with 32-bit shifts.
		let fn = m - 1;
		let sn = n - 1;
		while (fn % 2 === 1) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
		let fr = path[0];
		let sr = path[0];
		for (const c of path.slice(1)) {
			if (sn === 0) return false;
			if (fn % 2 === 1 || fn === sn) {
				fr = await node(c, fr);
				sr = await node(c, sr);
				while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
			} else {
				sr = await node(sr, c);
			}
			fn = Math.floor(fn / 2);
			sn = Math.floor(sn / 2);
		}
		return sn === 0 && equal(fr, oldRoot) && equal(sr, newRoot);
	}

	function isPowerOfTwo(x) {
		while (x > 1) { if (x % 2 === 1) return false; x /= 2; }
		return x === 1;
	}

	// ------------------------------------------------------------ checkpoints (C2SP signed notes)

	/** The verifier key line <name>+<hex key hash>+<base64(0x01 ‖ Ed25519 key)>. */
	function parseKey(line) {
		// Base64 has '+' in its alphabet: split at the first two only.
		const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(line.trim());
		if (!match) throw new Error('The log key is not a verifier key line');
		const blob = fromBase64(match[3]);
		if (blob.length !== 33 || blob[0] !== 1) throw new Error('The log key is not an Ed25519 verifier key');
		return { line: line.trim(), name: match[1], hash: match[2], key: blob.slice(1) };
	}

	/** The body (origin, size, root) and the log key's signature of a signed note. */
	function parseNote(note, key) {
		const split = note.indexOf('\n\n');
		if (split < 0) throw new Error('The checkpoint is not a signed note');
		const text = note.slice(0, split + 1);
		const [origin, size, root] = text.split('\n');
		const prefix = '\u2014 ' + key.name + ' ';
		const line = note.slice(split + 2).split('\n').find((candidate) => candidate.startsWith(prefix));
		if (!line) throw new Error('The checkpoint has no signature by ' + key.name);
		const blob = fromBase64(line.slice(prefix.length));
		return { text, origin, size: Number(size), root, rootBytes: fromBase64(root), keyHash: blob.slice(0, 4),
			signature: blob.slice(4) };
	}

	/** true, false, or null when this browser's Web Crypto has no Ed25519. */
	async function signatureValid(parsed, key) {
		const expected = (await sha256(concat(utf8.encode(key.name), Uint8Array.of(0x0a, 0x01), key.key))).slice(0, 4);
		if (!equal(expected, parsed.keyHash)) return false;
		let publicKey;
		try {
			publicKey = await crypto.subtle.importKey('raw', key.key, { name: 'Ed25519' }, false, ['verify']);
		} catch (e) {
			return null;
		}
		return crypto.subtle.verify({ name: 'Ed25519' }, publicKey, parsed.signature, utf8.encode(parsed.text));
	}

	async function fetchText(path) {
		const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store',
			headers: { 'X-Requested-With': 'fetch', Accept: 'text/plain, application/problem+json' } });
		if (response.status === 401) { location.href = '/login'; throw new Error('Your session has ended.'); }
		const text = await response.text();
		if (!response.ok) {
			let problem = {};
			try { problem = JSON.parse(text); } catch (e) { problem = {}; }
			throw new Error(problem.detail || problem.title || response.statusText);
		}
		return text;
	}

	// ------------------------------------------------------------ the consistency check

	function report(text, kind, result) {
		const target = $('#consistency');
		showMessage(target, text, kind);
		target.dataset.result = result;
	}

	function describe(checkpoint, key, signed) {
		const rows = [['Log', key.name], ['Log key', key.line], ['Entries (tree size)', String(checkpoint.size)],
			['Root (SHA-256)', checkpoint.root],
			['Signature', signed === true ? 'Ed25519 signature by the log key verified in this browser'
				: 'not checked in this browser (no Ed25519 in its Web Crypto): vigil audit verify checks it']];
		$('#checkpoint').replaceChildren(...rows.map(([label, value]) => el('div', {}, el('dt', { text: label }),
			el('dd', { class: label.startsWith('Root') || label === 'Log key' ? 'hash' : null, text: value }))));
	}

	async function check() {
		report('Checking…', 'info', 'checking');
		const key = parseKey(await fetchText('/api/v1/audit/log-key'));
		const note = await fetchText('/api/v1/audit/checkpoint');
		const current = parseNote(note, key);
		const signed = await signatureValid(current, key);
		describe(current, key, signed);
		if (signed === false || current.origin !== key.name) {
			report('The current checkpoint is NOT signed by the log key. Do not trust this log.', 'error', 'bad-signature');
			return;
		}
		const kept = JSON.parse(localStorage.getItem(SEEN) || 'null');
		if (!kept) {
			localStorage.setItem(SEEN, JSON.stringify({ key: key.line, size: current.size, root: current.root, note }));
			report(`First visit from this browser: checkpoint of size ${current.size} kept. The next visit checks that the log only grew from it.`,
				'info', 'kept');
			return;
		}
		if (kept.key !== key.line) {
			report(`The log key changed since this browser kept checkpoint ${kept.size} (was ${kept.key}). Ask the operator why before trusting anything.`,
				'error', 'key-changed');
			return;
		}
		if (current.size < kept.size) {
			report(`NOT consistent: the log now has ${current.size} entries, fewer than the ${kept.size} of the checkpoint this browser kept.`,
				'error', 'inconsistent');
			return;
		}
		const proof = await api('GET', `/api/v1/audit/proof/consistency?from=${kept.size}&to=${current.size}`);
		const path = proof.proof.map(fromBase64);
		const ok = await verifyConsistency(kept.size, current.size, fromBase64(kept.root), current.rootBytes, path);
		if (!ok) {
			report(`NOT consistent: the log of ${current.size} entries does not extend the checkpoint of size ${kept.size} this browser kept (root ${kept.root}). The log was changed, or forked.`,
				'error', 'inconsistent');
			return;
		}
		localStorage.setItem(SEEN, JSON.stringify({ key: key.line, size: current.size, root: current.root, note,
			consistentSince: kept.consistentSince || kept.size }));
		const since = kept.consistentSince || kept.size;
		report(`Log consistent since checkpoint ${since}: the log of ${current.size} entries extends the checkpoint of size ${kept.size} this browser kept (proof of ${path.length} hashes checked here).`,
			'success', 'consistent');
	}

	// ------------------------------------------------------------ entries

	function query(from) {
		const params = new URLSearchParams();
		for (const name of ['country', 'request', 'actor', 'action', 'since', 'until']) {
			const value = $('#filters').elements[name].value.trim();
			if (value) params.set(name, name === 'country' || name === 'action' ? value.toUpperCase() : value);
		}
		params.set('from', String(from));
		params.set('limit', String(PAGE));
		return params;
	}

	function row(line) {
		const e = line.entry;
		return el('tr', { 'data-seq': line.seq }, el('td', { text: String(line.seq) }), el('td', {}, timeEl(e.at)),
			el('td', { text: e.actor }), el('td', { text: e.action }), el('td', { text: e.object }),
			el('td', { text: e.outcome }), el('td', { text: e.detail }), el('td', { class: 'hash', text: e.id || '' }));
	}

	async function load(from, append) {
		// A later load (new filters) wins over an earlier one still on its way.
		const mine = ++loads;
		const page = await api('GET', '/api/v1/audit/entries?' + query(from));
		if (mine !== loads) return;
		const body = $('#entries tbody');
		const rows = page.entries.map(row);
		if (append) body.append(...rows); else body.replaceChildren(...rows);
		next = page.next < page.size ? page.next : null;
		$('#more').hidden = next === null;
		$('#entries-note').textContent = `${body.children.length} entries shown; looked through seq ${from} to ${page.next - 1} of ${page.size}.`;
	}

	function fail(error) {
		showMessage($('#page-message'), error instanceof Error && !error.problem ? error.message : errorText(error));
	}

	function checkFailed(error) {
		report('The check could not be made: ' + (error.problem ? errorText(error) : error.message), 'error', 'error');
	}

	document.addEventListener('DOMContentLoaded', async () => {
		$('#filters').addEventListener('submit', (event) => {
			event.preventDefault();
			load(Number($('#f-from').value || 0), false).catch(fail);
		});
		$('#more').addEventListener('click', () => { if (next !== null) load(next, true).catch(fail); });
		$('#check').addEventListener('click', () => check().catch(checkFailed));
		$('#forget').addEventListener('click', () => {
			localStorage.removeItem(SEEN);
			check().catch(checkFailed);
		});
		try {
			const me = await api('GET', '/api/v1/me');
			$('#who').textContent = `Logged in as ${me.id}`;
		} catch (e) { fail(e); }
		check().catch(checkFailed);
		load(0, false).catch(fail);
	});
})();
