import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { formatPlainDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Button, Empty, Field, Loading, Notice, PageHeader, ProblemBanner } from '../../ui/ui';
import { BookingForm, type Booked } from './BookingForm';
import { BOOKING_KEYS, useDayAgendas, useResources } from './data';
import { allFeatures, buildDayGrid, filterResources, quarterTimes, selectCell, type Filters, type Resource } from './dayGrid';
import { DayGridView } from './DayGridView';
import { addDays, instantOf, minutesOf, nextQuarter, nowInstant, timeOf } from './time';

export interface Selection {
  resourceId: string;
  start: string;
  end: string;
}

/** Find and book a room or desk: the free ones for a time, and the day grid of the site. */
export default function BookPage() {
  const { t } = useI18n();
  const { api, site } = useApp();
  const queryClient = useQueryClient();
  const zone = site?.timeZone ?? 'Europe/Amsterdam';
  const first = useMemo(() => nextQuarter(zone), [zone]);
  const [date, setDate] = useState(first.date);
  const [start, setStart] = useState(first.time);
  const [end, setEnd] = useState(timeOf(Math.min(minutesOf(first.time) + 60, 23 * 60 + 45)));
  const [filters, setFilters] = useState<Filters>({ type: 'room', seats: 1, features: [] });
  const [selection, setSelection] = useState<Selection | null>(null);
  const [booking, setBooking] = useState<Resource | null>(null);
  const [booked, setBooked] = useState<Booked | null>(null);

  const resources = useResources(site?.id);
  const fitting = useMemo(() => filterResources(resources.data ?? [], filters), [resources.data, filters]);
  const agendas = useDayAgendas(fitting, date, zone);
  const grid = useMemo(() => buildDayGrid({
    date, zone, resources: fitting, bookings: agendas.bookings, now: nowInstant(),
  }), [date, zone, fitting, agendas.bookings]);

  const windowOk = minutesOf(end) > minutesOf(start);
  const availability = useQuery({
    queryKey: ['availability', site?.id, date, start, end, filters],
    enabled: !!site && windowOk,
    queryFn: () => call(api.GET('/availability', {
      params: {
        query: {
          site: site!.id,
          start: instantOf(date, start, zone),
          end: instantOf(date, end, zone),
          capacity: Math.max(1, filters.seats || 1),
          features: filters.features.length ? filters.features.join(',') : undefined,
          type: filters.type === 'any' ? undefined : filters.type,
        },
      },
    })),
  });

  if (!site) {
    return <Empty>{t('app.noSite')}</Empty>;
  }
  const features = allFeatures((resources.data ?? []).filter((r) => filters.type === 'any' || r.type === filters.type));
  const times = quarterTimes();

  function choose(s: Selection) {
    setSelection(s);
    setStart(s.start);
    setEnd(s.end);
  }

  function openBooking(resourceId: string) {
    const r = (resources.data ?? []).find((x) => x.id === resourceId);
    if (r) {
      setBooked(null);
      setBooking(r);
    }
  }

  function onBooked(b: Booked) {
    setBooking(null);
    setSelection(null);
    setBooked(b);
    BOOKING_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }));
  }

  return (
    <>
      <PageHeader title={t('book.title')} />
      {booked && (
        <Notice>
          {booked.summary} <Link to="/my-bookings">{t('book.seeMine')}</Link>
        </Notice>
      )}
      <form className="card filters" onSubmit={(e) => e.preventDefault()} aria-label={t('book.when')}>
        <div className="filter-row">
          <Field label={t('book.date')} name="date">
            <input type="date" value={date} min={first.date} required
              onChange={(e) => { if (e.target.value) { setDate(e.target.value); setSelection(null); } }} />
          </Field>
          <div className="day-steps">
            <Button kind="link" onClick={() => setDate(addDays(date, -1))} disabled={date <= first.date}
              aria-label={t('book.previousDay')}>‹</Button>
            <Button kind="link" onClick={() => setDate(addDays(date, 1))} aria-label={t('book.nextDay')}>›</Button>
          </div>
          <Field label={t('book.from')} name="start">
            <select value={start} onChange={(e) => { setStart(e.target.value); setSelection(null); }}>
              {times.map((x) => <option key={x} value={x}>{x}</option>)}
            </select>
          </Field>
          <Field label={t('book.until')} name="end">
            <select value={end} onChange={(e) => { setEnd(e.target.value); setSelection(null); }}>
              {times.filter((x) => minutesOf(x) > minutesOf(start)).map((x) => <option key={x} value={x}>{x}</option>)}
            </select>
          </Field>
        </div>
        <div className="filter-row">
          <fieldset className="segmented">
            <legend>{t('book.kind')}</legend>
            {(['room', 'desk'] as const).map((k) => (
              <label key={k} className={filters.type === k ? 'checked' : ''}>
                <input type="radio" name="type" value={k} checked={filters.type === k}
                  onChange={() => setFilters({ ...filters, type: k, features: [] })} />
                {t(k === 'room' ? 'book.room' : 'book.desk')}
              </label>
            ))}
          </fieldset>
          <Field label={t('book.seats')} name="capacity" className="narrow">
            <input type="number" min={1} max={500} value={filters.seats}
              onChange={(e) => setFilters({ ...filters, seats: Number(e.target.value) })} />
          </Field>
          {features.length > 0 && (
            <fieldset className="chips">
              <legend>{t('book.equipment')}</legend>
              {features.map((f) => (
                <label key={f} className={filters.features.includes(f) ? 'checked' : ''}>
                  <input type="checkbox" checked={filters.features.includes(f)}
                    onChange={(e) => setFilters({
                      ...filters,
                      features: e.target.checked ? [...filters.features, f] : filters.features.filter((x) => x !== f),
                    })} />
                  {featureLabel(f, t)}
                </label>
              ))}
            </fieldset>
          )}
        </div>
      </form>

      <section className="card" aria-labelledby="free-title">
        <h2 id="free-title">{t('book.freeAt', { day: formatPlainDate(date), from: start, to: end })}</h2>
        {availability.isPending && windowOk && <Loading />}
        {availability.error instanceof ProblemError && <ProblemBanner problem={availability.error.problem} />}
        {availability.data && availability.data.free.length === 0 && <Empty>{t('book.noneFree')}</Empty>}
        {availability.data && availability.data.free.length > 0 && (
          <ul className="free-list">
            {availability.data.free.map((r) => (
              <li key={r.id} className="free-item">
                <div>
                  <strong>{r.name}</strong>
                  <span className="muted"> · {t('book.seatsCount', { n: r.capacity })}{r.floor ? ` · ${t('book.floor', { floor: r.floor })}` : ''}</span>
                  {r.features.length > 0 && <div className="muted small">{r.features.map((f) => featureLabel(f, t)).join(', ')}</div>}
                </div>
                <Button kind="primary" onClick={() => { choose({ resourceId: r.id, start, end }); openBooking(r.id); }}
                  aria-label={t('book.bookThis', { name: r.name, from: start, to: end })}>
                  {t('book.book')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="grid-title">
        <div className="section-head">
          <h2 id="grid-title">{t('book.dayGrid', { day: formatPlainDate(date) })}</h2>
          {selection && (
            <Button kind="primary" onClick={() => openBooking(selection.resourceId)}>
              {t('book.bookSelection', {
                name: fitting.find((r) => r.id === selection.resourceId)?.name ?? '',
                from: selection.start, to: selection.end,
              })}
            </Button>
          )}
        </div>
        {(resources.isPending || agendas.pending) && <Loading />}
        {agendas.error instanceof ProblemError && <ProblemBanner problem={agendas.error.problem} />}
        {resources.data && fitting.length === 0 && <Empty>{t('book.noneFit')}</Empty>}
        {fitting.length > 0 && (
          <DayGridView grid={grid} selection={selection}
            onSelect={(row, time) => {
              const next = selectCell(row, time, selection);
              if (next) {
                choose(next);
              }
            }} />
        )}
      </section>

      {booking && selection && (
        <BookingForm resource={booking} date={date} start={selection.start} end={selection.end} zone={zone}
          onClose={() => setBooking(null)} onBooked={onBooked} />
      )}
    </>
  );
}

export function featureLabel(f: string, t: ReturnType<typeof useI18n>['t']): string {
  const known: Record<string, Parameters<typeof t>[0]> = {
    screen: 'feature.screen', video: 'feature.video', whiteboard: 'feature.whiteboard',
  };
  return known[f] ? t(known[f]) : f;
}
