import { useCallback, useEffect, useRef, useState } from 'react';
import { api, query } from '../../lib/api.ts';
import { useAccountData } from '../../lib/account-data.tsx';
import { t, type StringKey } from '../../lib/i18n.ts';
import { Empty, ErrorNote, Loading, useAction, useLoad } from '../../components/settings-kit.tsx';
import type { AttemptJson, DeliveryJson, WebhookJson } from './settings-types.ts';

const PER_PAGE = 25; // the API's page size
const REFRESH_MS = 4000;

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'medium' }) : '—';
const STATUS_NAMES: Record<string, StringKey> = {
  pending: 'settings.deliveries.status.pending',
  delivered: 'settings.deliveries.status.delivered',
  failed: 'settings.deliveries.status.failed',
};
const statusName = (status: string) => (STATUS_NAMES[status] ? t(STATUS_NAMES[status]) : status);

/**
 * The delivery log of one webhook, newest first, read again every few seconds while it is open;
 * `onRefresh` reads the webhook again too (a failing one may have been paused meanwhile).
 */
export function WebhookDeliveries({ webhook, onRefresh }: { webhook: WebhookJson; onRefresh(): void }) {
  const { base } = useAccountData();
  const path = `${base}/webhooks/${webhook.id}/deliveries`;
  const [page, setPage] = useState(1);
  const log = useLoad(
    () => api.get<{ payload: DeliveryJson[]; meta: { count: number } }>(path + query({ page })),
    [path, page],
  );
  const redeliver = useAction();
  const { reload: reloadLog } = log;
  const onRefreshRef = useRef(onRefresh);
  onRefreshRef.current = onRefresh;
  const refresh = useCallback(() => {
    reloadLog();
    onRefreshRef.current();
  }, [reloadLog]);

  useEffect(() => {
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const pages = Math.max(1, Math.ceil((log.data?.meta.count ?? 0) / PER_PAGE));
  return (
    <section className="settings-form deliveries" aria-label={t('settings.deliveries.title')}>
      <header className="row-between">
        <h3>{t('settings.deliveries.title')}</h3>
        <button type="button" onClick={refresh}>
          {t('settings.deliveries.refresh')}
        </button>
      </header>
      <ErrorNote error={log.error ?? redeliver.error} />
      {!log.data && !log.error && <Loading />}
      {log.data?.payload.length === 0 && <Empty>{t('settings.deliveries.empty')}</Empty>}
      <ol className="delivery-list" aria-label={t('settings.deliveries.list')}>
        {log.data?.payload.map((delivery) => (
          <DeliveryRow
            key={delivery.id}
            delivery={delivery}
            busy={redeliver.busy}
            onRedeliver={() => void redeliver.run(() => api.post(`${path}/${delivery.id}/redeliver`).then(refresh))}
          />
        ))}
      </ol>
      {pages > 1 && (
        <nav className="row-buttons" aria-label={t('settings.deliveries.pages')}>
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('settings.deliveries.newer')}
          </button>
          <span className="subtle">{t('settings.deliveries.page', { page, pages })}</span>
          <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('settings.deliveries.older')}
          </button>
        </nav>
      )}
    </section>
  );
}

function DeliveryRow({ delivery, busy, onRedeliver }: { delivery: DeliveryJson; busy: boolean; onRedeliver(): void }) {
  const [open, setOpen] = useState(false);
  const detailsId = `attempts-${delivery.id}`;
  const name = `${delivery.event} ${when(delivery.created_at)}`;
  return (
    <li className={`delivery ${delivery.status}`}>
      <div className="delivery-summary">
        <span className={`badge ${delivery.status}`}>{statusName(delivery.status)}</span>
        <code>{delivery.event}</code>
        <span className="subtle">{when(delivery.created_at)}</span>
        <span className="subtle">
          {t('settings.deliveries.attempts', { n: delivery.attempts })}
          {delivery.last_status_code !== null && ` · HTTP ${delivery.last_status_code}`}
          {delivery.last_latency_ms !== null && ` · ${delivery.last_latency_ms} ms`}
        </span>
      </div>
      {delivery.last_error && <p className="delivery-error">{delivery.last_error}</p>}
      {delivery.next_attempt_at && (
        <p className="subtle">{t('settings.deliveries.next', { when: when(delivery.next_attempt_at) })}</p>
      )}
      <div className="row-buttons start">
        <button
          type="button"
          className="link"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={t('settings.deliveries.detailsOf', { name })}
          onClick={() => setOpen(!open)}
        >
          {t('settings.deliveries.details')}
        </button>
        <button
          type="button"
          className="link"
          disabled={busy}
          aria-label={t('settings.deliveries.redeliverOf', { name })}
          onClick={onRedeliver}
        >
          {t('settings.deliveries.redeliver')}
        </button>
      </div>
      {open && (
        <ol id={detailsId} className="attempts" aria-label={t('settings.deliveries.attemptsOf', { name })}>
          {delivery.attempt_log.length === 0 && <li className="subtle">{t('settings.deliveries.noAttempts')}</li>}
          {delivery.attempt_log.map((attempt, i) => (
            <AttemptItem key={i} attempt={attempt} />
          ))}
        </ol>
      )}
    </li>
  );
}

function AttemptItem({ attempt }: { attempt: AttemptJson }) {
  return (
    <li>
      <span>{when(attempt.attempted_at)}</span>
      <span>{attempt.status_code !== null ? `HTTP ${attempt.status_code}` : t('settings.deliveries.noResponse')}</span>
      <span>{attempt.latency_ms} ms</span>
      {attempt.error && <span className="delivery-error">{attempt.error}</span>}
      {attempt.response_excerpt && <pre className="excerpt">{attempt.response_excerpt}</pre>}
    </li>
  );
}
