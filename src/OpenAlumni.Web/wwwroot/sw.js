// The app's service worker. Web push handlers live in /js/sw-push.js (a separate file, so that the app's offline
// caching, added beside this, and push can change apart).
importScripts("/js/sw-push.js");
