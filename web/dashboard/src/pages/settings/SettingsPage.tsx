import { lazy, Suspense, type ComponentType } from 'react';
import { useAccountData } from '../../lib/account-data.tsx';
import { navigate } from '../../lib/router.ts';
import { useProfile } from '../../lib/session.tsx';
import { t, type StringKey } from '../../lib/i18n.ts';
import { AccountSettings } from './AccountSettings.tsx';
import { InboxesSettings } from './InboxesSettings.tsx';
import { AgentsSettings } from './AgentsSettings.tsx';
import { TeamsSettings } from './TeamsSettings.tsx';
import { LabelsSettings } from './LabelsSettings.tsx';
import { CannedSettings } from './CannedSettings.tsx';
import { DashboardAppsSettings } from './DashboardAppsSettings.tsx';
import { AttributesSettings } from './AttributesSettings.tsx';
import { WebhooksSettings } from './WebhooksSettings.tsx';
import { BotsSettings } from './BotsSettings.tsx';
import { ProfileSettings } from './ProfileSettings.tsx';
import '../../styles/settings.css';

// The flow builder carries the canvas library: loaded when its page is opened, not with every settings page.
const ChatbotsSettings = lazy(() =>
  import('./chatbots/ChatbotsSettings.tsx').then((m) => ({ default: m.ChatbotsSettings })),
);

interface SettingsPageEntry {
  key: string;
  label: StringKey;
  adminOnly: boolean;
  /** `sub`: what the page shows inside itself (a chatbot being edited), from the path after the page. */
  Component: ComponentType<{ sub?: string }>;
}

const PAGES: SettingsPageEntry[] = [
  { key: 'account', label: 'settings.nav.account', adminOnly: true, Component: AccountSettings },
  { key: 'inboxes', label: 'settings.nav.inboxes', adminOnly: true, Component: InboxesSettings },
  { key: 'agents', label: 'settings.nav.agents', adminOnly: true, Component: AgentsSettings },
  { key: 'teams', label: 'settings.nav.teams', adminOnly: true, Component: TeamsSettings },
  { key: 'labels', label: 'settings.nav.labels', adminOnly: true, Component: LabelsSettings },
  { key: 'canned', label: 'settings.nav.canned', adminOnly: true, Component: CannedSettings },
  { key: 'apps', label: 'settings.nav.apps', adminOnly: true, Component: DashboardAppsSettings },
  { key: 'attributes', label: 'settings.nav.attributes', adminOnly: true, Component: AttributesSettings },
  { key: 'webhooks', label: 'settings.nav.webhooks', adminOnly: true, Component: WebhooksSettings },
  { key: 'bots', label: 'settings.nav.bots', adminOnly: true, Component: BotsSettings },
  { key: 'chatbots', label: 'settings.nav.chatbots', adminOnly: true, Component: ChatbotsSettings },
  { key: 'profile', label: 'settings.nav.profile', adminOnly: false, Component: ProfileSettings },
];

/**
 * Settings: a page per subject, administrators see them all, an agent only their own profile (the API
 * refuses agents the rest anyway). Loaded on first visit, so the inbox's first screen stays small.
 */
export default function SettingsPage({ page, sub }: { page?: string; sub?: string }) {
  const { accountId } = useAccountData();
  const profile = useProfile();
  const isAdmin = profile.accounts.find((a) => a.id === accountId)?.role === 'administrator';
  const visible = PAGES.filter((p) => isAdmin || !p.adminOnly);
  const current = PAGES.find((p) => p.key === page) ?? visible[0];
  const href = (key: string) => `/app/accounts/${accountId}/settings/${key}`;
  return (
    <div className="settings">
      <nav className="settings-nav" aria-label={t('settings.nav.label')}>
        {visible.map((p) => (
          <a
            key={p.key}
            href={href(p.key)}
            aria-current={p === current ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate(href(p.key));
            }}
          >
            {t(p.label)}
          </a>
        ))}
      </nav>
      <section className="settings-page" aria-label={t(current.label)}>
        {current.adminOnly && !isAdmin ? (
          <div className="settings-empty" role="alert">
            <p>{t('settings.adminOnly')}</p>
            <a href={href('profile')} onClick={(e) => (e.preventDefault(), navigate(href('profile')))}>
              {t('settings.toProfile')}
            </a>
          </div>
        ) : (
          <Suspense
            fallback={
              <p className="empty-state" aria-busy="true">
                {t('settings.loading')}
              </p>
            }
          >
            <current.Component key={current.key} sub={sub} />
          </Suspense>
        )}
      </section>
    </div>
  );
}
