import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { all, call, type Schemas } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Button, Empty, Loading, Notice, PageHeader, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';

type Notification = Schemas['Notification'];

export function useFailedNotifications() {
  const { api } = useApp();
  return useQuery({
    queryKey: ['notifications'],
    queryFn: () => all<Notification>((cursor) => call(api.GET('/notifications', { params: { query: { status: 'failed', limit: 200, cursor } } }))),
  });
}

/** E-mails and events that could not be delivered, each with a retry. */
export default function NotificationsPage() {
  const { t } = useI18n();
  const failed = useFailedNotifications();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('notifications.title')} />
      {notice && <Notice>{notice}</Notice>}
      <section className="card">
        {failed.isPending && <Loading />}
        {failed.error instanceof ProblemError && <ProblemBanner problem={failed.error.problem} />}
        {failed.data && <FailedList items={failed.data} onRetried={setNotice} />}
      </section>
    </>
  );
}

export function FailedList({ items, onRetried, limit }: { items: Notification[]; onRetried: (m: string) => void; limit?: number }) {
  const { t } = useI18n();
  if (items.length === 0) {
    return <Empty>{t('notifications.none')}</Empty>;
  }
  return (
    <ul className="booking-list">
      {items.slice(0, limit ?? items.length).map((n) => <FailedRow key={n.id} n={n} onRetried={onRetried} />)}
    </ul>
  );
}

function FailedRow({ n, onRetried }: { n: Notification; onRetried: (m: string) => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const retry = useAction(async (id: string) => call(api.POST('/notifications/{id}/retry', { params: { path: { id } } })));
  const what = n.kind === 'email' ? `${n.subject ?? ''} → ${n.to ?? ''}` : n.detailType ?? n.eventId ?? '';
  return (
    <li className="booking">
      <div className="booking-main">
        <strong>{what}</strong>
        <div className="muted small">{formatDateTime(n.failedAt ?? n.createdAt)} · {t('notifications.attempts', { n: n.attempts })}</div>
        {n.lastError && <div className="muted small">{n.lastError}</div>}
        <ProblemBanner problem={retry.problem} />
      </div>
      <Button busy={retry.busy} onClick={async () => {
        if (await retry.submit(n.id)) {
          onRetried(t('notifications.retried'));
          void queryClient.invalidateQueries({ queryKey: ['notifications'] });
        }
      }} aria-label={t('notifications.retryThis', { what })}>{t('notifications.retry')}</Button>
    </li>
  );
}
