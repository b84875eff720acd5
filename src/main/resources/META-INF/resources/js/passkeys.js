'use strict';
// Passkeys (docs/ARCHITECTURE.md, "Passkeys"): a page's [data-passkey] box asks the browser to create or use one and
// posts the browser's answer to the server, which checks everything and says where to go next. Without JavaScript
// (or WebAuthn) the button stays hidden and the page's other ways in remain.
(() => {
  const bytes = (text) => {
    const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  };
  const text = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const ids = (list) => (list || []).map((c) => ({ ...c, id: bytes(c.id) }));

  // the options' JSON form (WebAuthn L3 §5.4.1, §5.5.1) into what navigator.credentials takes
  const creation = (o) => ({ ...o, challenge: bytes(o.challenge), user: { ...o.user, id: bytes(o.user.id) },
    excludeCredentials: ids(o.excludeCredentials) });
  const request = (o) => ({ ...o, challenge: bytes(o.challenge), allowCredentials: ids(o.allowCredentials) });

  // the credential's JSON form (RegistrationResponseJSON, AuthenticationResponseJSON), by hand where toJSON is missing
  const answer = (credential) => {
    if (typeof credential.toJSON === 'function') return credential.toJSON();
    const r = credential.response;
    const response = { clientDataJSON: text(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = text(r.attestationObject);
      response.transports = typeof r.getTransports === 'function' ? r.getTransports() : [];
    } else {
      response.authenticatorData = text(r.authenticatorData);
      response.signature = text(r.signature);
      if (r.userHandle) response.userHandle = text(r.userHandle);
    }
    return { id: credential.id, rawId: text(credential.rawId), type: credential.type, response,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults() };
  };

  const post = async (url, body) => {
    const res = await fetch(url, { method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' } });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw Object.assign(new Error(data.detail || ''), { name: 'ServerRefused' });
    return data;
  };

  for (const box of document.querySelectorAll('[data-passkey]')) {
    const button = box.querySelector('button');
    const status = box.querySelector('[role=status]');
    const say = (words) => { status.textContent = words || ''; };
    if (!window.PublicKeyCredential || !navigator.credentials) {
      say(box.dataset.unsupported);
      continue;
    }
    say(''); // the page says passkeys need JavaScript until this runs
    button.hidden = false;
    button.addEventListener('click', async () => {
      button.disabled = true;
      say(box.dataset.busy);
      try {
        const inline = box.dataset.optionsInline && document.getElementById(box.dataset.optionsInline);
        const options = inline ? JSON.parse(inline.textContent) : await post(box.dataset.options, {});
        const credential = box.dataset.passkey === 'create'
          ? await navigator.credentials.create({ publicKey: creation(options) })
          : await navigator.credentials.get({ publicKey: request(options) });
        const done = await post(box.dataset.finish, answer(credential));
        if (done.redirect) {
          window.location.assign(done.redirect);
        } else {
          say(box.dataset.done);
        }
      } catch (e) {
        const name = e && e.name;
        say(name === 'ServerRefused' && e.message ? e.message
          : name === 'NotAllowedError' || name === 'AbortError' ? box.dataset.cancelled
            : name === 'InvalidStateError' ? box.dataset.exists : box.dataset.failed);
      } finally {
        button.disabled = false;
      }
    });
  }
})();
