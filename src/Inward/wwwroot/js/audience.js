// Audience editor (Features/Audiences/_AudienceEditor.cshtml): a live "This reaches N people" while the rule is
// edited. Posts the editor's fields with the host form's antiforgery token to data-count-url (a Razor Page handler)
// and writes the answer into the aria-live region. Without JavaScript the "Count" button submits the form instead.
(() => {
  document.querySelectorAll('[data-audience-editor]').forEach((editor) => {
    const form = editor.closest('form');
    const output = editor.querySelector('[data-audience-count]');
    if (!form || !output || !window.fetch || !window.FormData) return;
    const prefix = `${editor.dataset.prefix}.`;
    let timer = 0;
    let sequence = 0;

    async function count() {
      const mine = ++sequence;
      const body = new FormData();
      for (const [name, value] of new FormData(form).entries()) {
        if (name.startsWith(prefix) || name === '__RequestVerificationToken') body.append(name, value);
      }
      body.append('audiencePrefix', editor.dataset.prefix);
      output.textContent = editor.dataset.counting;
      try {
        const response = await fetch(editor.dataset.countUrl, {
          method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' },
        });
        if (!response.ok) throw new Error(String(response.status));
        const answer = await response.json();
        if (mine === sequence) output.textContent = answer.text;
      } catch {
        if (mine === sequence) output.textContent = editor.dataset.countFailed;
      }
    }

    const later = () => { window.clearTimeout(timer); timer = window.setTimeout(count, 400); };
    editor.addEventListener('change', later);
    editor.addEventListener('input', later);
    const button = editor.querySelector('[data-audience-count-button]');
    if (button) {
      button.addEventListener('click', (event) => { event.preventDefault(); window.clearTimeout(timer); count(); });
    }
  });
})();
