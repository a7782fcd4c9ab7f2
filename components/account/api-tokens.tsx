'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { API_TOKEN_NAME_MAX, type ApiTokenView, type CreatedApiToken } from '@/lib/account/schemas';
import { messageFor, request } from '@/lib/client/api';

const TOKENS_KEY = ['account', 'tokens'] as const;
const TOKENS_PATH = '/api/v1/account/tokens';

const when = (value: string) =>
  new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Personal API tokens for scripts and annotation clients (docs/api.md, "Tokens"): made here,
 * shown once, revoked here. */
export function ApiTokens() {
  const queryClient = useQueryClient();
  const tokens = useQuery({
    queryKey: TOKENS_KEY,
    queryFn: () => request<{ tokens: ApiTokenView[] }>('GET', TOKENS_PATH).then((r) => r.tokens),
  });
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '').trim();
    if (!name) {
      setMessage({ ok: false, text: 'Give the token a name, e.g. the script that will use it.' });
      return;
    }
    setBusy(true);
    try {
      const result = await request<CreatedApiToken>('POST', TOKENS_PATH, { body: { name } });
      setCreated(result);
      setMessage(null);
      form.reset();
    } catch (error) {
      setMessage({ ok: false, text: messageFor(error, 'name') });
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    }
  }

  async function revoke(token: ApiTokenView) {
    setBusy(true);
    try {
      await request<void>('DELETE', `${TOKENS_PATH}/${encodeURIComponent(token.id)}`);
      if (created?.token.id === token.id) setCreated(null);
      setMessage({ ok: true, text: `The token “${token.name}” is revoked.` });
    } catch (error) {
      setMessage({ ok: false, text: messageFor(error) });
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    }
  }

  return (
    <section className="account-section" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p className="muted">
        For scripts and W3C annotation clients: send <code>Authorization: Bearer …</code>. A token acts as
        you, with your rights, until you revoke it.
      </p>
      <form onSubmit={create} noValidate>
        <label className="field">
          <span>Token name</span>
          <input name="name" required maxLength={API_TOKEN_NAME_MAX} autoComplete="off" />
        </label>
        <button className="button" type="submit" disabled={busy}>
          Create token
        </button>
      </form>
      {created && (
        <div role="status" className="notice">
          <p>Your new token “{created.token.name}”. Copy it now: it will not be shown again.</p>
          <input
            readOnly
            aria-label="New token"
            value={created.secret}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'notice' : 'form-error'}>
          {message.text}
        </p>
      )}
      {tokens.isError && (
        <p role="alert" className="form-error">
          {messageFor(tokens.error)}
        </p>
      )}
      {tokens.data && tokens.data.length === 0 && <p className="muted">You have no tokens.</p>}
      {tokens.data && tokens.data.length > 0 && (
        <ul className="session-list" aria-label="API tokens">
          {tokens.data.map((t) => (
            <li key={t.id} className="session-row">
              <span>
                <strong>{t.name}</strong> <code>{t.prefix}…</code>
                <br />
                <small className="muted">
                  Created {when(t.createdAt)} ·{' '}
                  {t.lastUsedAt ? `last used ${when(t.lastUsedAt)}` : 'never used'}
                </small>
              </span>
              <button
                type="button"
                className="button button-small"
                disabled={busy}
                aria-label={`Revoke the token ${t.name}`}
                onClick={() => revoke(t)}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
