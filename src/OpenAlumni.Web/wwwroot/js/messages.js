// A conversation page: new messages arrive from the SignalR hub; when it cannot connect (a proxy without
// WebSockets or long polling, say) the page polls the JSON endpoint instead. Sending posts the page's own
// form with fetch, so it works without this script too.
(function () {
    const root = document.querySelector('[data-conversation]');
    if (!root) return;
    const id = Number(root.dataset.conversation);
    const me = Number(root.dataset.me);
    const list = root.querySelector('[data-messages]');
    const template = document.getElementById('message-template');
    const youText = root.dataset.you;
    let last = Number(root.dataset.last) || 0;
    let polling = null;
    const timeFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
        { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: root.dataset.tz || undefined });

    function add(m) {
        if (m.conversationId !== id || document.getElementById('m' + m.id)) return;
        const li = template.content.firstElementChild.cloneNode(true);
        li.id = 'm' + m.id;
        li.dataset.id = m.id;
        const mine = m.senderId === me;
        if (mine) {
            li.classList.add('mine');
            li.querySelector('.message-report')?.remove();
        }
        li.querySelector('[data-sender]').textContent = mine ? youText : m.sender;
        const time = li.querySelector('[data-time]');
        time.dateTime = m.createdAt;
        time.textContent = timeFormat.format(new Date(m.createdAt));
        // Rendered from Markdown and sanitized by the server (MarkdownRenderer), as on the page itself.
        li.querySelector('[data-body]').innerHTML = m.bodyHtml;
        const hidden = li.querySelector('[data-message-id]');
        if (hidden) hidden.value = m.id;
        // Keep the list in id order even when the hub and a poll race.
        const after = Array.from(list.children).find(x => Number(x.dataset.id) > m.id);
        list.insertBefore(li, after || null);
        last = Math.max(last, m.id);
        li.scrollIntoView({ block: 'nearest' });
    }

    async function poll() {
        try {
            const response = await fetch(`/api/v1/conversations/${id}/messages?after=${last}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
            if (response.ok) (await response.json()).items.forEach(add);
        } catch { /* offline for a moment: the next round tries again */ }
    }

    function startPolling() {
        if (polling === null) polling = setInterval(poll, 5000);
    }

    if (window.signalR) {
        // WebSockets straight away, without the negotiate round trip: behind a round-robin balancer the negotiation and
        // the connection could land on different nodes. Where WebSockets cannot pass, the page polls instead.
        const hub = new signalR.HubConnectionBuilder()
            .withUrl('/hubs/messages', { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
            .withAutomaticReconnect().build();
        // A message shown live is read: asking the server for what follows it marks it so (and fills any gap).
        hub.on('message', m => { add(m); if (m.senderId !== me) poll(); });
        hub.onreconnected(() => hub.invoke('Join', id).then(poll));
        // Connected, the page still asks now and then: a message sent through another node while the nodes' link
        // (Redis) is away reaches this page within half a minute.
        let safety = null;
        hub.onclose(() => { clearInterval(safety); startPolling(); });
        hub.start().then(() => hub.invoke('Join', id)).then(() => { poll(); safety = setInterval(poll, 30000); }).catch(startPolling);
    } else {
        startPolling();
    }

    const form = root.querySelector('[data-send]');
    if (form) {
        const error = form.querySelector('[data-error]');
        form.addEventListener('submit', async e => {
            e.preventDefault();
            const button = form.querySelector('button[type=submit]');
            button.disabled = true;
            try {
                const response = await fetch(form.action, { method: 'POST', body: new FormData(form), headers: { 'X-Requested-With': 'fetch' }, credentials: 'same-origin' });
                const body = await response.json();
                if (response.ok) {
                    add(body);
                    form.reset();
                    error.textContent = '';
                } else {
                    error.textContent = body.error || '';
                }
            } catch {
                form.submit();
            } finally {
                button.disabled = false;
            }
        });
    }
})();
