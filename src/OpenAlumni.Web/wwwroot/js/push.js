// The notification settings page: "Get notifications on this device" asks the browser's permission, subscribes
// through the service worker with the deployment's VAPID key and posts the subscription to the page (which stores it
// with the same service as POST /api/v1/me/push-subscriptions).
(function () {
  const card = document.querySelector("[data-push-key]");
  if (!card) return;
  const button = card.querySelector("[data-push-enable]");
  const status = card.querySelector("[data-push-status]");
  const say = (text) => { status.textContent = text; };

  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    button.disabled = true;
    say(card.dataset.msgUnsupported);
    return;
  }

  function keyBytes(base64url) {
    const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((base64url.length + 3) % 4);
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  }

  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") { say(card.dataset.msgDenied); return; }
      const registration = await navigator.serviceWorker.register("/sw.js");
      await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.getSubscription()
        || await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(card.dataset.pushKey) });
      const token = card.querySelector("input[name=__RequestVerificationToken]").value;
      const response = await fetch("/notifications/settings?handler=Subscribe", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-TOKEN": token },
        body: JSON.stringify(subscription.toJSON()),
      });
      say(response.ok ? card.dataset.msgEnabled : card.dataset.msgFailed);
    } catch (e) {
      say(card.dataset.msgFailed);
    } finally {
      button.disabled = false;
    }
  });
})();
