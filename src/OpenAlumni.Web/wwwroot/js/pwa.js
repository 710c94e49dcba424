// The installable app, page side: registers the service worker (/sw.js), saves a ticket opened before the worker
// controlled this page, and lists the saved tickets on the offline page. See sw.js for what is kept and why.
(() => {
  if (!("serviceWorker" in navigator) || !("caches" in window)) return;
  const TICKETS = "oa-tickets"; // as in sw.js

  navigator.serviceWorker.register("/sw.js").catch(() => { /* no worker: the app works online as before */ });

  // The first page of a visit is not yet seen by the worker; a ticket opened then is saved from here.
  if (location.pathname === "/events/ticket" && !navigator.serviceWorker.controller) {
    caches.open(TICKETS).then((cache) => cache.add(location.pathname + location.search)).catch(() => {});
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
