import { useState } from 'react';
import { call } from '../../api/client';
import { useApp } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { Button, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';

/** A subscribable iCalendar link of my bookings (the API shows its secret once), to copy. */
export function CalendarFeedCard({ resourceId }: { resourceId?: string }) {
  const { t } = useI18n();
  const { api, config } = useApp();
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const create = useAction(async (body: { resourceId?: string }, key: string) => call(api.POST('/calendar/feeds', {
    params: { header: { 'Idempotency-Key': key } },
    body,
  })));
  return (
    <section className="card" aria-labelledby="feed-title">
      <h2 id="feed-title">{t(resourceId ? 'feed.roomTitle' : 'feed.title')}</h2>
      <p className="muted">{t('feed.explain')}</p>
      <ProblemBanner problem={create.problem} />
      {url ? (
        <div className="copy-row">
          <label className="visually-hidden" htmlFor="feed-url">{t('feed.link')}</label>
          <input id="feed-url" readOnly value={url} onFocus={(e) => e.target.select()} />
          <Button kind="primary" onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => undefined);
            setCopied(true);
          }}>{copied ? t('feed.copied') : t('feed.copy')}</Button>
        </div>
      ) : (
        <Button busy={create.busy} onClick={async () => {
          const feed = await create.submit(resourceId ? { resourceId } : {});
          if (feed) {
            setUrl(`${config.apiUrl || window.location.origin}${feed.path}`);
          }
        }}>{t('feed.make')}</Button>
      )}
    </section>
  );
}
