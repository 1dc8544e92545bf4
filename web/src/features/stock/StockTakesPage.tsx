import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Badge, Button, Empty, Loading, Notice, PageHeader, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { STOCK_KEYS, useStockItems, type StockItem } from './data';

type Count = Schemas['StockCount'];

/**
 * A stock-take: open one for the site, type what is counted per item (each line saved at once),
 * then close it to book every difference. The API lists no counts, so this browser remembers the
 * open one per site.
 */
export default function StockTakesPage() {
  const { t } = useI18n();
  const { api, site } = useApp();
  const queryClient = useQueryClient();
  const storageKey = `spil.stockTake.${site?.id}`;
  const [countId, setCountId] = useState<string | null>(() => localStorage.getItem(storageKey));
  const items = useStockItems(site?.id);
  const count = useQuery({
    queryKey: ['stock-count', countId],
    enabled: !!countId,
    queryFn: () => call(api.GET('/stock/counts/{id}', { params: { path: { id: countId! } } })),
  });
  const open = useAction(async (siteId: string, key: string) => call(api.POST('/stock/counts', {
    params: { header: { 'Idempotency-Key': key } }, body: { siteId },
  })));
  const close = useAction(async (id: string) => call(api.POST('/stock/counts/{id}/close', { params: { path: { id } } })));
  const [closed, setClosed] = useState<Count | null>(null);

  const c = count.data;
  return (
    <>
      <PageHeader title={t('count.title')}>
        {(!c || c.status === 'closed') && (
          <Button kind="primary" busy={open.busy} onClick={async () => {
            if (!site) return;
            const out = await open.submit(site.id);
            if (out) {
              localStorage.setItem(storageKey, out.id);
              setClosed(null);
              setCountId(out.id);
            }
          }}>{t('count.start')}</Button>
        )}
      </PageHeader>
      <ProblemBanner problem={open.problem} />
      {closed && (
        <Notice>{t('count.closed', { n: (closed.lines ?? []).filter((l) => l.difference !== 0).length })}</Notice>
      )}
      {!countId && !closed && <Empty>{t('count.none')}</Empty>}
      {count.isPending && countId && <Loading />}
      {count.error instanceof ProblemError && <ProblemBanner problem={count.error.problem} />}
      {c && c.status === 'open' && (
        <section className="card" aria-labelledby="count-title">
          <div className="section-head">
            <h2 id="count-title">{t('count.openSince', { when: formatDateTime(c.openedAt) })}</h2>
            <Button kind="primary" busy={close.busy} onClick={async () => {
              const out = await close.submit(c.id);
              if (out) {
                localStorage.removeItem(storageKey);
                setCountId(null);
                setClosed(out);
                STOCK_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }));
              }
            }}>{t('count.close')}</Button>
          </div>
          <ProblemBanner problem={close.problem} />
          <p className="muted">{t('count.explain')}</p>
          {items.isPending && <Loading />}
          <div className="table-scroll" tabIndex={0}>
            <table className="data">
              <thead><tr><th scope="col">{t('stock.item')}</th><th scope="col" className="num">{t('stock.onHand')}</th>
                <th scope="col">{t('count.counted')}</th><th scope="col" className="num">{t('count.difference')}</th></tr></thead>
              <tbody>
                {(items.data ?? []).map((i) => (
                  <CountLine key={i.id} countId={c.id} item={i} line={(c.lines ?? []).find((l) => l.itemId === i.id)} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}

function CountLine({ countId, item, line }: { countId: string; item: StockItem; line?: Schemas['StockCountLine'] }) {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(line ? String(line.counted) : '');
  const save = useAction(async (counted: number) => call(api.PUT('/stock/counts/{id}/lines/{itemId}', {
    params: { path: { id: countId, itemId: item.id } }, body: { counted },
  })));
  const [saved, setSaved] = useState<Schemas['StockCountLine'] | undefined>(line);
  return (
    <tr>
      <td>{item.name}<div className="muted small">{item.sku}</div></td>
      <td className="num">{saved?.onHand ?? item.quantity}</td>
      <td>
        <form className="inline-form" noValidate onSubmit={async (e) => {
          e.preventDefault();
          const out = await save.submit(Number(value));
          if (out) {
            setSaved(out);
            void queryClient.invalidateQueries({ queryKey: ['stock-count', countId] });
          }
        }}>
          <label className="visually-hidden" htmlFor={`count-${item.id}`}>{t('count.countedOf', { name: item.name })}</label>
          <input id={`count-${item.id}`} type="number" min={0} value={value} onChange={(e) => setValue(e.target.value)}
            aria-invalid={save.problem ? true : undefined} />
          <Button type="submit" busy={save.busy} disabled={value === ''}>{t('common.save')}</Button>
        </form>
        {save.problem && <small className="error" role="alert">{save.problem.fields.counted ?? save.problem.headline}</small>}
      </td>
      <td className="num">
        {saved && (saved.difference === 0 ? <Badge tone="good">0</Badge>
          : <Badge tone="warn">{saved.difference > 0 ? `+${saved.difference}` : saved.difference}</Badge>)}
      </td>
    </tr>
  );
}
