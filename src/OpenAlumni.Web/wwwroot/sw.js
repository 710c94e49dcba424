// OpenAlumni's service worker. Served from the site root (/sw.js), so its scope is the whole network; each
// network is its own host, hence its own origin, caches and worker. Registered by /js/pwa.js.
//
// What it keeps, and why no more: the offline page and the static files it needs (SHELL_FILES), and the
// attendee's own event tickets (TICKETS), so that a ticket opens at the door without a network. Other pages of a
// signed-in member are never stored: they are private, and a shared phone must not keep them after sign-out.
// Signing out sends Clear-Site-Data, which removes these caches and this worker (Accounts/Logout).

const SHELL = "oa-shell-v1"; // a new file list needs a new name: the old cache is deleted on activation
const TICKETS = "oa-tickets"; // not versioned: a new worker must not drop the tickets saved for the door
const SHELL_FILES = [
  "/offline",
  "/css/site.css",
  "/js/pwa.js",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
];
// My ticket: /events/ticket?id=<event id>. The app serves it only to the attendee, with a confirmed place.
const TICKET_PATH = "/events/ticket";
const STATIC = /^\/(css|js|lib|icons)\/|^\/favicon\.ico$/;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("oa-shell-") && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // Forms (sign-out among them) go straight to the network: the browser must see their answers' headers itself.
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") event.respondWith(navigate(event, url));
  else if (STATIC.test(url.pathname)) event.respondWith(staticFile(request));
});

// Network first, always: pages are fresh whenever the network answers. Offline, a saved ticket or the offline page.
async function navigate(event, url) {
  const isTicket = url.pathname === TICKET_PATH;
  const key = url.pathname + url.search;
  try {
    const response = await fetch(event.request);
    if (isTicket) event.waitUntil(keepTicket(key, response.clone()));
    return response;
  } catch (offline) {
    const saved = isTicket ? await (await caches.open(TICKETS)).match(key) : undefined;
    return saved || (await caches.match("/offline")) || Response.error();
  }
}

// A ticket page that answers is saved for the door; one that is gone (the place was cancelled) is forgotten.
async function keepTicket(key, response) {
  const cache = await caches.open(TICKETS);
  if (response.status === 200) await cache.put(key, response);
  else if (response.status === 404) await cache.delete(key);
}

// The pages name static files with a version (?v=...); offline, any version of the file will do.
async function staticFile(request) {
  try {
    return await fetch(request);
  } catch (offline) {
    return (await caches.match(request, { ignoreSearch: true })) || Response.error();
  }
}

// == Push ==
// The "push" and "notificationclick" listeners live in their own file, so offline caching and push change apart.
importScripts("/js/sw-push.js");
