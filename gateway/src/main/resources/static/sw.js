/* Vigil service worker: shows a page pushed by the notifier (Web Push) when the console is closed,
 * then reports that it did. The payload, decrypted by the browser:
 * {request, urgency, from, title, text, ack, receipt, receiptToken}. */
'use strict';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
	let page = {};
	try { page = event.data ? event.data.json() : {}; } catch (e) { page = {}; }
	const urgency = page.urgency || 'New';
	const title = `${urgency} preservation request${page.from ? ' from ' + page.from : ''}`;
	event.waitUntil(self.registration.showNotification(title, {
		body: page.text || 'A request is waiting for you in Vigil.',
		tag: 'vigil-' + (page.request || 'page'),
		renotify: true,
		// An emergency stays on screen until the officer does something with it.
		requireInteraction: urgency === 'EMERGENCY',
		data: { ack: page.ack || '', request: page.request || '' },
		actions: page.ack ? [{ action: 'ack', title: 'Acknowledge…' }, { action: 'console', title: 'Open console' }] : []
	}).then(() => receipt(page)));
});

/* Shown, not acknowledged: the page's one-time token turns the message DELIVERED on the request's
 * timeline. Only to the console's own origin (its Content-Security-Policy allows no other), without
 * the session cookie (the token is the credential); a receipt lost is a page left SENT, no more. */
function receipt(page) {
	if (!page.receipt || !page.receiptToken) return undefined;
	let url;
	try { url = new URL(page.receipt); } catch (e) { return undefined; }
	if (url.origin !== self.location.origin) return undefined;
	return fetch(url, { method: 'POST', credentials: 'omit', body: new URLSearchParams({ t: page.receiptToken }) })
		.catch(() => undefined);
}

self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const ack = (event.notification.data || {}).ack;
	// "Acknowledge…" opens the link's confirm page (GET shows, its button acknowledges);
	// anything else brings the console forward, or opens it.
	event.waitUntil((async () => {
		if (event.action === 'ack' && ack) return self.clients.openWindow(ack);
		const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
		const open = windows.find((w) => new URL(w.url).pathname === '/');
		return open ? open.focus() : self.clients.openWindow('/');
	})());
});
