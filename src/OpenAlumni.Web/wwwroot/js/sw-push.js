// Web push in the service worker (imported by /sw.js with importScripts): shows the notification the server sent
// ({title, body, url}, see PushPayload.cs) and opens its page when it is clicked.
self.addEventListener("push", (event) => {
  let data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = { body: event.data ? event.data.text() : "" }; }
  const title = data.title || "OpenAlumni";
  event.waitUntil(self.registration.showNotification(title, {
    body: data.body || "",
    icon: "/favicon.ico",
    // A path on this site only: "//host" and "/\\host" are read by URL() as another origin.
    data: { url: typeof data.url === "string" && /^\/(?![\/\\])/.test(data.url) ? data.url : "/notifications" },
  }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  let url = new URL((event.notification.data && event.notification.data.url) || "/notifications", self.location.origin);
  if (url.origin !== self.location.origin) url = new URL("/notifications", self.location.origin);
  url = url.href;
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const open = windows.find((w) => w.url === url);
    if (open) return open.focus();
    return self.clients.openWindow(url);
  })());
});
