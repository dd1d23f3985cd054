import { useEffect, useState } from 'react';
import { api, setCsrfToken, SIGNED_OUT_EVENT } from './api';
import { AccountPage } from './pages/AccountPage';
import { AuditPage } from './pages/AuditPage';
import { CoveragePage } from './pages/CoveragePage';
import { ListsPage, SourcePage } from './pages/ListsPage';
import { MatchPage } from './pages/MatchPage';
import { QueuePage } from './pages/QueuePage';
import { Link, navigate, useLocation } from './router';
import { SessionContext, type Session } from './session';
import { SignIn } from './SignIn';
import { isAllowed, type Permission, type Role } from '../../src/domain/access/permissions.js';

const NAV: { to: string; label: string; needs: Permission[] }[] = [
  { to: '/', label: 'Queue', needs: ['matches.read'] },
  { to: '/lists', label: 'Lists', needs: ['lists.read'] },
  { to: '/coverage', label: 'Coverage', needs: ['coverage.read'] },
  { to: '/audit', label: 'Audit', needs: ['audit.read'] },
];

function Page({ path, role }: { path: string; role: Role }) {
  const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (seg[0] === 'matches' && seg[1]) return <MatchPage id={seg[1]} />;
  if (seg[0] === 'accounts' && seg[1]) return <AccountPage id={seg[1]} />;
  if (seg[0] === 'lists' && seg[1]) return <SourcePage source={seg[1]} />;
  if (seg[0] === 'lists') return <ListsPage />;
  if (seg[0] === 'coverage') return <CoveragePage />;
  if (seg[0] === 'audit') return <AuditPage />;
  if (seg.length === 0 && isAllowed(role, 'matches.read')) return <QueuePage />;
  if (seg.length === 0) return <ListsPage />;
  return <p>No such page.</p>;
}

export function App() {
  const [me, setMe] = useState<{ keyId: string; role: Role } | null | undefined>(undefined);
  const { path } = useLocation();
  useEffect(() => {
    void api.GET('/v1/session').then(({ data }) => {
      setCsrfToken(data?.csrfToken ?? null);
      setMe(data ? { keyId: data.keyId, role: data.role } : null);
    });
  }, []);
  useEffect(() => {
    const out = () => {
      setCsrfToken(null);
      setMe(null);
    };
    window.addEventListener(SIGNED_OUT_EVENT, out);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, out);
  }, []);
  useEffect(() => {
    const title = path === '/' ? 'Queue' : path.split('/')[1] ?? '';
    document.title = `${title.charAt(0).toUpperCase()}${title.slice(1)} · Warden console`;
  }, [path]);
  if (me === undefined) return <p className="muted">Loading…</p>;
  if (me === null) return <SignIn onSignedIn={(s) => setMe({ keyId: s.keyId, role: s.role })} />;
  const session: Session = {
    ...me,
    signOut: () => {
      void api.DELETE('/v1/session').then(() => {
        setCsrfToken(null);
        setMe(null);
        navigate('/');
      });
    },
  };
  return (
    <SessionContext.Provider value={session}>
      <a href="#main" className="skip">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Warden</span>
        <nav aria-label="Console">
          <ul>
            {NAV.filter((n) => n.needs.every((p) => isAllowed(me.role, p))).map((n) => (
              <li key={n.to}>
                <Link to={n.to} aria-current={(n.to === '/' ? path === '/' : path.startsWith(n.to)) ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          Signed in as <strong>{me.role}</strong> (key {me.keyId})
        </span>
        <button type="button" onClick={session.signOut}>
          Sign out
        </button>
      </header>
      <main id="main">
        <Page path={path} role={me.role} />
      </main>
    </SessionContext.Provider>
  );
}
