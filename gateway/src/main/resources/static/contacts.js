/* Vigil "my contact methods" page: the officer's own addresses, verified with a code the
 * notifier sends; test messages and their fate; the notification rules in force. */
'use strict';

(() => {
	const { api, errorText, el, showMessage, timeEl } = window.Vigil;
	const $ = (selector) => document.querySelector(selector);
	const CHANNELS = { EMAIL: 'E-mail', SMS: 'SMS', VOICE: 'Voice call', PUSH: 'Push' };
	const URGENCIES = ['EMERGENCY', 'URGENT', 'ROUTINE'];
	const fates = new Map();

	function say(text, kind = 'info') {
		showMessage($('#methods-status'), text, kind);
	}

	function body(method, extra = {}) {
		return { channel: method.channel, address: method.address, ...extra };
	}

	async function act(label, work) {
		try {
			await work();
		} catch (e) {
			say(`${label}: ${errorText(e)}`, 'error');
		}
	}

	function after(duration) {
		// ISO 8601 duration such as PT2M or PT0S (or seconds, as a number), as minutes.
		if (typeof duration === 'number') return duration === 0 ? 'at once' : `after ${duration / 60} min`;
		const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration || '');
		if (!m) return duration;
		const minutes = (Number(m[1] || 0) * 60) + Number(m[2] || 0) + (Number(m[3] || 0) / 60);
		return minutes === 0 ? 'at once' : `after ${minutes} min`;
	}

	async function followFate(key, id) {
		for (let i = 0; i < 30; i++) {
			const fate = await api('GET', `/api/v1/me/contacts/messages?id=${encodeURIComponent(id)}`);
			fates.set(key, fate);
			renderFate(key);
			if (fate.status === 'DELIVERED' || fate.status === 'FAILED') return;
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}

	function renderFate(key) {
		const cell = document.getElementById(`fate-${key}`);
		const fate = fates.get(key);
		if (!cell || !fate) return;
		const words = { QUEUED: 'test asked for', SENT: 'test sent', DELIVERED: 'test delivered', FAILED: 'test failed' };
		cell.textContent = `${words[fate.status] || fate.status}${fate.detail ? ` (${fate.detail})` : ''}`;
	}

	function row(method, index) {
		const key = `m${index}`;
		const name = `${CHANNELS[method.channel] || method.channel} ${method.address}`;
		const actions = el('div', { class: 'toolbar' });
		if (method.channel !== 'PUSH') {
			if (!method.verified) {
				const send = el('button', { type: 'button', class: 'secondary', text: 'Send code',
					'aria-label': `Send a code to ${name}` });
				send.addEventListener('click', () => act('Sending the code', async () => {
					await api('POST', '/api/v1/me/contacts/code', body(method));
					say(`A code is on its way to ${method.address}. Type it in below.`);
					document.getElementById(`code-${key}`)?.focus();
				}));
				const form = el('form', { class: 'inline-form', novalidate: true });
				const input = el('input', { id: `code-${key}`, name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code',
					maxlength: '7', size: '7' });
				form.append(el('label', { for: `code-${key}`, text: `Code for ${name}` }), input,
					el('button', { type: 'submit', class: 'primary', text: 'Verify' }));
				form.addEventListener('submit', (event) => {
					event.preventDefault();
					act('Verifying', async () => {
						render(await api('POST', '/api/v1/me/contacts/verify', body(method, { code: input.value.trim() })));
						say(`${method.address} is verified: pages will reach you there.`, 'success');
					});
				});
				actions.append(send, form);
			} else {
				const test = el('button', { type: 'button', class: 'secondary', text: 'Send test',
					'aria-label': `Send a test message to ${name}` });
				test.addEventListener('click', () => act('Sending a test', async () => {
					const asked = await api('POST', '/api/v1/me/contacts/test', body(method));
					say(`A test message is on its way to ${method.address}.`);
					await followFate(key, asked.id);
				}));
				actions.append(test);
			}
		}
		const remove = el('button', { type: 'button', class: 'secondary', text: 'Remove',
			'aria-label': `Remove ${name}` });
		remove.addEventListener('click', () => act('Removing', async () => {
			render(await api('DELETE', `/api/v1/me/contacts?channel=${encodeURIComponent(method.channel)}`
				+ `&address=${encodeURIComponent(method.address)}`));
			say(`${method.address} is removed.`, 'success');
		}));
		actions.append(remove);
		const state = method.verified ? el('span', {}, 'verified ', timeEl(method.verifiedAt)) : 'not verified';
		return el('tr', {}, el('td', { text: CHANNELS[method.channel] || method.channel }),
			el('td', { text: method.address }), el('td', {}, state, el('br'),
				el('span', { id: `fate-${key}`, class: 'note', 'aria-live': 'polite' })), el('td', {}, actions));
	}

	function render(mine) {
		fates.clear();
		$('#methods tbody').replaceChildren(...mine.methods.map(row));
		$('#methods-empty').hidden = mine.methods.length > 0;
		$('#rules-source').textContent = mine.ownRules ? 'Your own rules.'
			: 'The defaults of your roles (ask your administrator to change them).';
		$('#rules').replaceChildren(...URGENCIES.filter((u) => mine.rules[u]).map((u) => el('div', {},
			el('dt', { text: u }), el('dd', { text: mine.rules[u].length === 0 ? 'console only'
				: mine.rules[u].map((r) => `${CHANNELS[r.channel] || r.channel} ${after(r.after)}`).join(', ') }))));
	}

	async function add(event) {
		event.preventDefault();
		const form = event.target;
		await act('Adding', async () => {
			render(await api('POST', '/api/v1/me/contacts',
				{ channel: form.channel.value, address: form.address.value.trim() }));
			say(`${form.address.value.trim()} is added. Send it a code to verify it.`, 'success');
			form.reset();
		});
	}

	async function start() {
		try {
			const me = await api('GET', '/api/v1/me');
			$('#who').textContent = `${me.name || me.id} (${me.id})`;
			render(await api('GET', '/api/v1/me/contacts'));
		} catch (e) {
			showMessage($('#page-message'), `Could not load your contact methods: ${errorText(e)}`);
		}
		$('#add-form').addEventListener('submit', add);
	}

	document.addEventListener('DOMContentLoaded', start);
})();
