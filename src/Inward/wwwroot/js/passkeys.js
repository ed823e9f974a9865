// Passkeys (WebAuthn) for forms marked data-passkey="create" (add a passkey) or "get" (sign in).
// The server makes the options (POST data-options-url, antiforgery token in the header); the browser's
// credential goes back as JSON in the form's hidden "credential" field, and the form is submitted normally.
(() => {
  const forms = document.querySelectorAll('form[data-passkey]');
  const supported = window.PublicKeyCredential
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';
  if (!supported) {
    document.querySelectorAll('[data-passkey-unsupported]').forEach((el) => { el.hidden = false; });
    return;
  }

  async function fetchOptions(form) {
    const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
    const response = await fetch(form.dataset.optionsUrl, {
      method: 'POST',
      headers: { RequestVerificationToken: token },
      credentials: 'same-origin',
    });
    if (!response.ok) throw new Error(`Options request failed: ${response.status}`);
    return response.json();
  }

  async function ceremony(form) {
    const options = await fetchOptions(form);
    if (form.dataset.passkey === 'create') {
      return navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
    }
    return navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
  }

  forms.forEach((form) => {
    form.hidden = false;
    const error = form.querySelector('[data-passkey-error]');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      if (error) error.hidden = true;
      try {
        const credential = await ceremony(form);
        form.elements.credential.value = JSON.stringify(credential);
        form.submit();
      } catch (e) {
        console.warn('Passkey ceremony failed', e);
        if (error) {
          error.textContent = form.dataset.error;
          error.hidden = false;
        }
        button.disabled = false;
      }
    });
  });
})();
