import { lazy, Suspense, useState } from 'react';
import { AccountDataProvider } from '../lib/account-data.tsx';
import { RealtimeProvider, useRealtime } from '../lib/realtime.tsx';
import { useProfile, useSession } from '../lib/session.tsx';
import { navigate } from '../lib/router.ts';
import { toggleTheme } from '../lib/theme.ts';
import { t } from '../lib/i18n.ts';
import type { AccountRef } from '../lib/types.ts';
import { InboxPage } from './InboxPage.tsx';
import { ShortcutsHelp } from '../components/ShortcutsHelp.tsx';
import { Icon, type IconName } from '../components/Icon.tsx';

// Settings and contacts load on first visit: the inbox, the screen opened all day, does not carry them.
const SettingsPage = lazy(() => import('./settings/SettingsPage.tsx'));
const ContactsPage = lazy(() => import('./contacts/ContactsPage.tsx'));

const SECTIONS = [
  { key: 'conversations', label: () => t('nav.conversations'), icon: 'chat' },
  { key: 'contacts', label: () => t('nav.contacts'), icon: 'contacts' },
  { key: 'settings', label: () => t('nav.settings'), icon: 'settings' },
] as const satisfies readonly { key: string; label(): string; icon: IconName }[];

export function Shell({
  account,
  section,
  id,
  page,
  sub,
}: {
  account: AccountRef;
  section: string;
  id?: number;
  page?: string;
  sub?: string;
}) {
  const profile = useProfile();
  return (
    <RealtimeProvider accountId={account.id} userId={profile.id} pubsubToken={profile.pubsub_token}>
      <AccountDataProvider accountId={account.id}>
        <div className="shell">
          <Sidebar account={account} section={section} />
          <main className="content">
            <ConnectionBanner />
            {section === 'conversations' && <InboxPage conversationId={id} />}
            {section !== 'conversations' && (
              <Suspense
                fallback={
                  <p className="empty-state" aria-busy="true">
                    {t('settings.loading')}
                  </p>
                }
              >
                {section === 'contacts' && <ContactsPage contactId={id} />}
                {section === 'settings' && <SettingsPage page={page} sub={sub} />}
              </Suspense>
            )}
          </main>
        </div>
      </AccountDataProvider>
    </RealtimeProvider>
  );
}

function ConnectionBanner() {
  const { online } = useRealtime();
  if (online) return null;
  return (
    <div className="banner warning" role="status">
      {t('realtime.offline')}
    </div>
  );
}

function Sidebar({ account, section }: { account: AccountRef; section: string }) {
  const profile = useProfile();
  const { signOut } = useSession();
  const [help, setHelp] = useState(false);
  return (
    <nav className="sidebar" aria-label="Main">
      <img className="logo" src="/favicon.svg" alt={t('app.name')} width="32" height="32" />
      {SECTIONS.map((s) => (
        <a
          key={s.key}
          href={`/app/accounts/${account.id}/${s.key}`}
          className={section === s.key ? 'nav-item active' : 'nav-item'}
          aria-current={section === s.key ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            navigate(`/app/accounts/${account.id}/${s.key}`);
          }}
        >
          <Icon name={s.icon} size={22} />
          <span className="nav-label">{s.label()}</span>
        </a>
      ))}
      <div className="sidebar-bottom">
        {profile.accounts.length > 1 && (
          <select
            aria-label={t('nav.account')}
            value={account.id}
            onChange={(e) => navigate(`/app/accounts/${e.target.value}/conversations`)}
          >
            {profile.accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label={t('nav.shortcuts')}
          title={t('nav.shortcuts')}
          onClick={() => setHelp(true)}
        >
          <Icon name="help" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('nav.theme')}
          title={t('nav.theme')}
          onClick={toggleTheme}
        >
          <Icon name="theme" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('nav.signOut')}
          title={`${t('nav.signOut')} (${profile.email})`}
          onClick={() => void signOut()}
        >
          <Icon name="signOut" />
        </button>
      </div>
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
    </nav>
  );
}
