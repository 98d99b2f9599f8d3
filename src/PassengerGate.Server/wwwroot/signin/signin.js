"use strict";
// The form posts itself (no script needed for the post); the script only fetches the anti-forgery
// token the service checks, carries the return address, and says why a previous attempt failed.
(async () => {
  const query = new URLSearchParams(location.search);
  const message = document.getElementById("message");
  if (query.has("failed")) {
    message.textContent = "Sign-in failed. Check the user name and password; after repeated failures the account is locked for a while.";
  } else if (query.has("signedOut")) {
    message.textContent = "You are signed out.";
  }
  document.getElementById("returnUrl").value = query.get("returnUrl") || "";
  const form = document.getElementById("sign-in");
  await staff.fillAntiforgery(form);
  document.getElementById("submit").disabled = false;
})();
