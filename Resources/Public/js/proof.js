// The proof of work of popular dates: finds a nonce whose SHA-256 of challenge + nonce starts
// with the asked zero bits (about a second on a phone), then lets the form be sent.
(function () {
  var form = document.querySelector("form[data-challenge]");
  if (!form || !window.crypto || !crypto.subtle) return;
  var button = form.querySelector("button[type=submit]");
  var status = document.getElementById("proof-status");
  var challenge = form.dataset.challenge, bits = Number(form.dataset.bits), encoder = new TextEncoder();
  button.disabled = true;
  function zeros(bytes) {
    var n = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { n += 8; continue; }
      return n + Math.clz32(bytes[i]) - 24;
    }
    return n;
  }
  (async function () {
    for (var base = 0; ; base += 512) {
      var digests = [];
      for (var i = 0; i < 512; i++) digests.push(crypto.subtle.digest("SHA-256", encoder.encode(challenge + (base + i))));
      var done = await Promise.all(digests);
      for (var j = 0; j < done.length; j++) {
        if (zeros(new Uint8Array(done[j])) >= bits) {
          form.querySelector("[name=proofNonce]").value = String(base + j);
          button.disabled = false;
          if (status) status.textContent = "验证完成，可以提交。";
          return;
        }
      }
    }
  })();
})();
