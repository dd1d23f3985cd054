import { useState, type FormEvent } from 'react';
import { api, must, setCsrfToken, type Answer } from './api';
import { ErrorNote } from './ui';

/** Sign in with an API key: the server answers a session cookie (httpOnly) and a CSRF token. */
export function SignIn({ onSignedIn }: { onSignedIn(session: Answer<'/v1/session', 'post'>): void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<Error>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const s = await must(api.POST('/v1/session', { body: { key: key.trim() } }));
      setCsrfToken(s.csrfToken);
      onSignedIn(s);
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <main id="main" className="signin">
      <h1>Warden console</h1>
      <form onSubmit={(e) => void submit(e)} aria-label="Sign in">
        <label htmlFor="api-key">API key</label>
        <input id="api-key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} required />
        <p className="muted">The key is exchanged for a session; the console never stores it.</p>
        <button type="submit" className="primary">
          Sign in
        </button>
      </form>
      <ErrorNote error={error} />
    </main>
  );
}
