// The installable app, page side: registers the service worker (/sw.js), saves a ticket opened before the worker
// controlled this page, and lists the saved tickets on the offline page. See sw.js for what is kept and why.
(() => {
  if (!("serviceWorker" in navigator) || !("caches" in window)) return;
  const TICKETS = "oa-tickets"; // as in sw.js

  navigator.serviceWorker.register("/sw.js").catch(() => { /* no worker: the app works online as before */ });

  const ready = forgetTheMemberBefore();

  // The first page of a visit is not yet seen by the worker; a ticket opened then is saved from here. After the
  // check above, which may have emptied the tickets of the member before (and this one with them).
  if (location.pathname === "/events/ticket") {
    ready.then(async () => {
      const cache = await caches.open(TICKETS);
      if (!navigator.serviceWorker.controller || !(await cache.match(location.pathname + location.search))) {
        await cache.add(location.pathname + location.search);
      }
    }).catch(() => {});
  }

  // A phone shared by two members whose first never signed out (the session ran out): the next one must not see the
  // first one's saved tickets, nor get their notifications. Signing in again as the same member keeps both: the
  // worker, the tickets and the push subscription belong to this phone's member, and a sign-in does not clear them.
  async function forgetTheMemberBefore() {
    const member = document.body.dataset.member;
    if (!member) return; // signed out: signing out already cleared the site's storage (Clear-Site-Data)
    let before;
    try { before = localStorage.getItem("oa-member"); } catch { return; }
    if (before === member) return;
    await caches.delete(TICKETS);
    // Unknown before (first visit, or storage cleared since): no push subscription of another member's can be here.
    if (before && "PushManager" in window) {
      const registration = await navigator.serviceWorker.getRegistration();
      const subscription = registration && await registration.pushManager.getSubscription();
      if (subscription) await subscription.unsubscribe();
    }
    localStorage.setItem("oa-member", member);
  }

  const list = document.querySelector("[data-testid=offline-tickets]");
  if (list) listTickets(list);

  async function listTickets(section) {
    const cache = await caches.open(TICKETS);
    const ul = section.querySelector("ul");
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (!response) continue;
      // Parsed, not shown: DOMParser runs no script, and only the text of two elements is taken.
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const title = page.querySelector(".ticket h1")?.textContent.trim();
      if (!title) continue;
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = new URL(request.url).pathname + new URL(request.url).search;
      a.textContent = title;
      a.dataset.testid = "offline-ticket";
      li.append(a);
      const whenNode = page.querySelector(".ticket .event-when");
      // Date and venue are separated by a <br>, which has no text: join the parts with a dot.
      const when = whenNode ? Array.from(whenNode.childNodes, (n) => n.textContent.trim()).filter(Boolean).join(" · ") : "";
      if (when) {
        const small = document.createElement("div");
        small.className = "muted";
        small.textContent = when;
        li.append(small);
      }
      ul.append(li);
    }
    section.hidden = ul.children.length === 0;
    section.dataset.listed = "true"; // the list is complete, empty or not

  }
})();
