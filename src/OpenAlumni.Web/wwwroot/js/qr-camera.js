// Reads QR codes from the phone's camera with jsQR (wwwroot/lib/jsqr): the door page (checkin.js) and the
// business-card page (cards.js). QrCamera.attach(onCode) wires the markup of Events/_Camera.cshtml (the start and stop
// buttons, the video's box, the notice shown when there is no camera); onCode gets each code read, the same code
// again only after 5 seconds (it stays in front of the camera for a while). Answers false when there is no camera.
window.QrCamera = (function () {
  "use strict";

  function attach(onCode) {
    const o = {
      start: document.getElementById("camera-start"),
      stop: document.getElementById("camera-stop"),
      box: document.getElementById("camera"),
      video: document.getElementById("camera-video"),
      error: document.getElementById("camera-error"),
    };
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || typeof jsQR !== "function") {
      o.error.hidden = false; // e.g. plain http on a LAN address: browsers allow the camera on https and localhost only
      return false;
    }
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    let stream = null;
    let lastCode = "";
    let lastAt = 0;
    let lastScan = 0;
    o.start.hidden = false;

    o.start.addEventListener("click", async function () {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      } catch (e) {
        o.error.hidden = false;
        return;
      }
      o.error.hidden = true;
      o.video.srcObject = stream;
      await o.video.play();
      o.box.hidden = false;
      o.start.hidden = true;
      o.stop.hidden = false;
      requestAnimationFrame(scan);
    });

    o.stop.addEventListener("click", function () {
      if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
      stream = null;
      o.box.hidden = true;
      o.start.hidden = false;
      o.stop.hidden = true;
    });

    function scan(now) {
      if (!stream) return;
      const video = o.video;
      // About 6 frames a second is plenty for a held-up phone and spares the battery.
      if (now - lastScan > 160 && video.readyState === video.HAVE_ENOUGH_DATA) {
        lastScan = now;
        const scale = Math.min(1, 640 / video.videoWidth);
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
        if (code && code.data && (code.data !== lastCode || now - lastAt > 5000)) {
          lastCode = code.data;
          lastAt = now;
          onCode(code.data);
        }
      }
      requestAnimationFrame(scan);
    }
    return true;
  }

  return { attach: attach };
})();
