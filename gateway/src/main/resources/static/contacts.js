/* Vigil "my contact methods" page: the officer's own addresses, verified with a code the
 * notifier sends; test messages and their fate; the notification rules in force, and an
 * editor for the officer's own rules (or back to their roles' defaults). */
'use strict';

(() => {
	const { api, errorText, el, showMessage, timeEl } = window.Vigil;
	const $ = (selector) => document.querySelector(selector);
	const CHANNELS = { EMAIL: 'E-mail', SMS: 'SMS', VOICE: 'Voice call', PUSH: 'Push' };
	const URGENCIES = ['EMERGENCY', 'URGENT', 'ROUTINE'];
	const RULE_CHANNELS = ['EMAIL', 'SMS', 'VOICE', 'PUSH'];
	const PAGED_ROLES = ['OFFICER', 'SUPERVISOR', 'COORDINATOR'];
	const fates = new Map();
	// The rules being edited, per urgency: [{ channel, minutes }], minutes as typed.
	let draft = null;
	let verified = new Set();

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

	function seconds(duration) {
		// ISO 8601 duration such as PT2M or PT0S (or seconds, as a number); null if neither.
		if (typeof duration === 'number') return duration;
		const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(duration || '');
		if (!m) return null;
		return (Number(m[1] || 0) * 3600) + (Number(m[2] || 0) * 60) + Number(m[3] || 0);
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
		renderRules(mine);
	}

	function renderRules(mine) {
		verified = new Set(mine.methods.filter((m) => m.verified).map((m) => m.channel));
		$('#rules-source').textContent = mine.ownRules ? 'These are your own rules.'
			: 'These are the defaults of your roles; change them below to make them your own.';
		$('#rules-reset').hidden = !mine.ownRules;
		$('#rules').replaceChildren(...URGENCIES.filter((u) => mine.rules[u]).map((u) => el('div', {},
			el('dt', { text: u }), el('dd', { text: mine.rules[u].length === 0 ? 'console only'
				: mine.rules[u].map((r) => `${CHANNELS[r.channel] || r.channel} ${after(r.after)}`
					+ (verified.has(r.channel) ? '' : ' (no verified method: pages nowhere)')).join(', ') }))));
		draft = Object.fromEntries(URGENCIES.map((u) => [u, (mine.rules[u] || []).map((r) => {
			const s = seconds(r.after);
			return { channel: r.channel, minutes: s === null ? '' : String(s / 60) };
		})]));
		renderEditor();
	}

	function ruleRow(urgency, rule, index) {
		const id = `rule-${urgency}-${index}`;
		const which = `rule ${index + 1} of ${urgency}`;
		const channel = el('select', { id: `${id}-channel`, name: 'channel' },
			...RULE_CHANNELS.map((c) => el('option', { value: c, selected: c === rule.channel,
				text: `${CHANNELS[c]}${verified.has(c) ? '' : ' (not verified)'}` })));
		channel.addEventListener('change', () => { rule.channel = channel.value; });
		const minutes = el('input', { id: `${id}-after`, name: 'after', type: 'number', inputmode: 'decimal',
			min: '0', max: '60', step: 'any', value: rule.minutes });
		minutes.addEventListener('input', () => { rule.minutes = minutes.value; });
		const remove = el('button', { type: 'button', class: 'secondary', text: 'Remove',
			'aria-label': `Remove ${which}` });
		remove.addEventListener('click', () => {
			draft[urgency].splice(index, 1);
			renderEditor();
			document.getElementById(`rule-add-${urgency}`)?.focus();
		});
		return el('li', { class: 'rule-row' },
			el('div', { class: 'field' }, el('label', { for: `${id}-channel`, text: `Channel (${which})` }), channel),
			el('div', { class: 'field' }, el('label', { for: `${id}-after`, text: 'After (minutes)' }), minutes),
			remove);
	}

	function renderEditor() {
		$('#rules-editor').replaceChildren(...URGENCIES.map((urgency) => {
			const add = el('button', { type: 'button', id: `rule-add-${urgency}`, class: 'secondary',
				text: 'Add a rule', 'aria-label': `Add a rule to ${urgency}` });
			add.addEventListener('click', () => {
				const unused = RULE_CHANNELS.filter((c) => !draft[urgency].some((r) => r.channel === c));
				const channel = unused.find((c) => verified.has(c)) || unused[0];
				if (!channel) {
					sayRules('Every channel already has a rule there: one rule per channel.', 'error');
					return;
				}
				draft[urgency].push({ channel, minutes: '0' });
				renderEditor();
				document.getElementById(`rule-${urgency}-${draft[urgency].length - 1}-channel`)?.focus();
			});
			const rows = draft[urgency].map((rule, index) => ruleRow(urgency, rule, index));
			return el('fieldset', { class: 'rules-urgency' }, el('legend', { text: urgency }),
				rows.length ? el('ol', {}, ...rows) : el('p', { class: 'note', text: 'Console only.' }), add);
		}));
	}

	function sayRules(text, kind = 'info') {
		showMessage($('#rules-status'), text, kind);
	}

	function markInvalid(problem) {
		document.querySelectorAll('#rules-editor [aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
		for (const error of (problem && problem.errors) || []) {
			const m = /^rules\.(\w+)\[(\d+)\]\.(channel|after)$/.exec(error.field || '');
			const node = m && document.getElementById(`rule-${m[1]}-${m[2]}-${m[3]}`);
			if (node) node.setAttribute('aria-invalid', 'true');
		}
	}

	async function saveRules(event) {
		event.preventDefault();
		const rules = Object.fromEntries(URGENCIES.map((u) => [u, draft[u].map((r) => {
			const minutes = r.minutes.trim() === '' ? 0 : Number(r.minutes);
			// Anything that is not a number goes as typed: the server names the field.
			return { channel: r.channel, after: Number.isFinite(minutes) ? `PT${Math.round(minutes * 60)}S` : r.minutes };
		})]));
		try {
			renderRules(await api('PUT', '/api/v1/me/contacts/rules', { rules }));
			sayRules('Your rules are saved: pages from now on follow them.', 'success');
		} catch (e) {
			markInvalid(e.problem);
			sayRules(`Saving your rules: ${errorText(e)}`, 'error');
		}
	}

	async function resetRules() {
		try {
			renderRules(await api('DELETE', '/api/v1/me/contacts/rules'));
			sayRules('Your rules are back to the defaults of your roles.', 'success');
			// The reset button hides with own rules gone: keep the focus in the form.
			$('#rules-form button[type=submit]').focus();
		} catch (e) {
			sayRules(`Resetting your rules: ${errorText(e)}`, 'error');
		}
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
			// Only someone who can be paged has rules of their own to set.
			$('#rules-form').hidden = !(me.roles || []).some((role) => PAGED_ROLES.includes(role));
			render(await api('GET', '/api/v1/me/contacts'));
		} catch (e) {
			showMessage($('#page-message'), `Could not load your contact methods: ${errorText(e)}`);
		}
		$('#add-form').addEventListener('submit', add);
		$('#rules-form').addEventListener('submit', saveRules);
		$('#rules-reset').addEventListener('click', resetRules);
	}

	document.addEventListener('DOMContentLoaded', start);
})();
