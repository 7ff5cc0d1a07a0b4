import { useEffect } from 'react';
import { SessionProvider, useSession } from './lib/session.tsx';
import { match, navigate, usePath } from './lib/router.ts';
import { Login } from './pages/Login.tsx';
import { Shell } from './pages/Shell.tsx';
import { SetPassword } from './pages/SetPassword.tsx';
import { t } from './lib/i18n.ts';

export function App() {
  return (
    <SessionProvider>
      <Routes />
    </SessionProvider>
  );
}

/** Where password reset and invitation emails lead (the server's resetLinkUrl). */
const SET_PASSWORD_PATH = '/app/auth/password/edit';

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function Routes() {
  const { state } = useSession();
  const path = usePath();
  if (state.status === 'loading')
    return (
      <div className="splash" aria-busy="true">
        {t('app.name')}
      </div>
    );
  // An emailed link works whoever is signed in on this browser: saving signs in as the link's user.
  if (path === SET_PASSWORD_PATH) return <SetPassword />;
  if (state.status === 'signed-out') {
    return path === '/app/login' ? <Login /> : <Redirect to="/app/login" />;
  }
  const { profile } = state;
  const home = profile.accounts.length
    ? `/app/accounts/${profile.account_id ?? profile.accounts[0].id}/conversations`
    : null;
  const found = match('/app/accounts/:accountId/:section/:id?/:sub?', path);
  const account = found && profile.accounts.find((a) => a.id === found.accountId);
  if (!account || !found) {
    if (home) return <Redirect to={home} />;
    return <div className="splash">You are not a member of any account yet. Ask an administrator to add you.</div>;
  }
  const id = typeof found.id === 'number' ? found.id : undefined;
  // Keyed by account: switching accounts starts every view (filters, socket, caches) afresh.
  return (
    <Shell
      key={account.id}
      account={account}
      section={String(found.section)}
      id={id}
      page={typeof found.id === 'string' ? found.id : undefined}
      sub={found.sub === undefined ? undefined : String(found.sub)}
    />
  );
}
