/* Vigil console: Web Push alerts on this browser, so that a page reaches an officer whose console is
 * closed while the browser runs. The browser subscribes with the network's VAPID key; the subscription is
 * saved as the officer's own push contact method (PUT /api/v1/me/push-subscription). */
'use strict';

(() => {
	const { api, errorText } = window.Vigil;
	const OFFICER_ROLES = ['OFFICER', 'SUPERVISOR', 'COORDINATOR'];
	const $ = (selector) => document.querySelector(selector);

	/** The VAPID public key (base64url) as the bytes PushManager.subscribe wants. */
	function keyBytes(base64url) {
		const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - base64url.length % 4) % 4);
		return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
	}

	function say(text) {
		const note = $('#push-note');
		note.textContent = text;
		note.hidden = !text;
	}

	async function subscribe(publicKey) {
		const button = $('#enable-push');
		button.disabled = true;
		try {
			if (await Notification.requestPermission() !== 'granted') {
				say('Notifications are blocked for this site; alerts cannot reach this browser.');
				return;
			}
			const registration = await navigator.serviceWorker.register('/sw.js');
			await navigator.serviceWorker.ready;
			let subscription = await registration.pushManager.getSubscription();
			if (!subscription) {
				subscription = await registration.pushManager.subscribe({ userVisibleOnly: true,
					applicationServerKey: keyBytes(publicKey) });
			}
			await api('PUT', '/api/v1/me/push-subscription', subscription.toJSON());
			button.hidden = true;
			say('Alerts will reach this browser while it runs, even with the console closed.');
		} catch (e) {
			say('Alerts could not be enabled on this browser: ' + (e.problem ? errorText(e) : e.message));
		} finally {
			button.disabled = false;
		}
	}

	async function setUp() {
		if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return;
		let me;
		let key;
		try {
			me = await api('GET', '/api/v1/me');
			if (!(me.roles || []).some((r) => OFFICER_ROLES.includes(r))) return;
			key = (await api('GET', '/api/v1/push/vapid-public-key')).publicKey;
		} catch (e) {
			return; // no push on this network (404), or not logged in
		}
		const registration = await navigator.serviceWorker.getRegistration('/');
		const existing = registration && await registration.pushManager.getSubscription();
		const button = $('#enable-push');
		button.hidden = Boolean(existing) && Notification.permission === 'granted';
		if (!button.hidden) button.addEventListener('click', () => subscribe(key));
		else say('Alerts reach this browser even with the console closed.');
	}

	document.addEventListener('DOMContentLoaded', setUp);
})();
