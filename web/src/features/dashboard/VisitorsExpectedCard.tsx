import { useQuery } from '@tanstack/react-query';
import { call, type Schemas } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { today } from '../bookings/time';
import { formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Badge, Empty, Loading, ProblemBanner } from '../../ui/ui';

type Visit = Schemas['Visit'];

const TONE: Partial<Record<Visit['status'], 'good' | 'warn' | 'bad'>> = {
  'checked-in': 'good', 'needs-review': 'warn', 'pending-review': 'warn', refused: 'bad',
};

/** The office manager's card: who is expected at the site today, by arrival time, and who is here already. */
export default function VisitorsExpectedCard() {
  const { t } = useI18n();
  const { api, site } = useApp();
  const zone = site?.timeZone ?? 'Europe/Amsterdam';
  const date = today(zone);
  const visits = useQuery({
    queryKey: ['visits', site?.id, date],
    enabled: !!site,
    queryFn: () => call(api.GET('/visits', { params: { query: { site: site!.id, date, limit: 100 } } })),
  });
  const shown = (visits.data?.items ?? [])
    .filter((v) => v.status !== 'cancelled')
    .sort((a, b) => a.expectedAt.localeCompare(b.expectedAt));
  return (
    <section className="card" aria-labelledby="visitors-title">
      <div className="section-head"><h2 id="visitors-title">{t('visitorsCard.title')}</h2>
        {shown.length > 0 && <span className="muted small">{shown.length}</span>}</div>
      {visits.isPending && site && <Loading />}
      {visits.error instanceof ProblemError && <ProblemBanner problem={visits.error.problem} />}
      {visits.data && shown.length === 0 && <Empty>{t('visitorsCard.none')}</Empty>}
      <ul className="plain-list">
        {shown.slice(0, 8).map((v) => (
          <li key={v.id}>
            <strong>{formatTime(v.expectedAt, v.timeZone)}</strong> {v.visitor.name}{v.visitor.company ? ` (${v.visitor.company})` : ''}
            <span className="muted small"> {t('visitorsCard.host', { name: v.host.name })} </span>
            <Badge tone={TONE[v.status] ?? 'neutral'}>{t(`visitStatus.${v.status}`)}</Badge>
          </li>
        ))}
      </ul>
    </section>
  );
}
