// After a passkey has been added, show it in the list: reload once the status was announced.
document.addEventListener("otp_webauthn.register_complete", () => {
  window.setTimeout(() => window.location.reload(), 1500);
});
