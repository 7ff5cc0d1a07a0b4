import { useAccountData } from '../../../lib/account-data.tsx';
import { t } from '../../../lib/i18n.ts';
import { ErrorNote, useAction } from '../../../components/settings-kit.tsx';
import { flowApi, type ChatbotDetail } from './flow-api.ts';

/**
 * Every saved version, newest first: the live one marked; publish a newer one (a draft) or roll back to an
 * older one; open any in the editor. Saving makes a draft; new conversations meet the live version.
 */
export function VersionsPanel({
  bot,
  dirty,
  onChanged,
  onOpen,
}: {
  bot: ChatbotDetail;
  dirty: boolean;
  onChanged(bot: ChatbotDetail): void;
  onOpen(version: number): void;
}) {
  const { base } = useAccountData();
  const action = useAction();
  // The editor keeps the version it shows; only which one is live changes.
  const publish = (version: number) =>
    void action.run(async () => {
      const published = await flowApi(base).publish(bot.id, version);
      onChanged({ ...bot, version: published.version, versions: published.versions });
    });
  return (
    <section className="flow-versions" aria-label={t('flows.tab.versions')}>
      <p className="hint">{t(dirty ? 'flows.versionsUnsaved' : 'flows.versionsHint')}</p>
      <ErrorNote error={action.error} />
      <ul className="settings-list" aria-label={t('flows.versionList')}>
        {[...bot.versions].reverse().map((v) => (
          <li key={v.version} className={v.version === bot.definition_version ? 'selected' : undefined}>
            <div className="item-main">
              <strong>
                {t('flows.versionN', { n: v.version })} {v.live && <span className="flow-live">{t('flows.live')}</span>}
              </strong>
              <span className="subtle">{new Date(v.created_at).toLocaleString()}</span>
            </div>
            {v.version !== bot.definition_version && (
              <button type="button" className="link" onClick={() => onOpen(v.version)}>
                {t('flows.open')}
              </button>
            )}
            {!v.live && (
              <button
                type="button"
                disabled={action.busy}
                onClick={() => publish(v.version)}
                aria-label={t(v.version > bot.version ? 'flows.publishN' : 'flows.rollbackN', { n: v.version })}
              >
                {t(v.version > bot.version ? 'flows.publish' : 'flows.rollback')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
