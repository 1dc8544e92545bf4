import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { call, type Schemas } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { hasRole, useApp } from '../../app/context';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useFields } from '../../ui/forms';
import { Badge, Button, Empty, Field, Loading, Notice, PageHeader, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { STOCK_KEYS, useSuppliers } from './data';
import { StockItemForm } from './StockPage';

const PriceChart = lazy(() => import('./PriceChart'));

/** One item: levels, days of cover, a movement (use; restock or correction for the office manager), the ledger, prices. */
export default function StockItemPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { api, session } = useApp();
  const queryClient = useQueryClient();
  const manager = hasRole(session, 'office-manager');
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const item = useQuery({ queryKey: ['stock-item', id], queryFn: () => call(api.GET('/stock/items/{id}', { params: { path: { id } } })) });
  const movements = useQuery({
    queryKey: ['movements', id],
    queryFn: () => call(api.GET('/stock/items/{id}/movements', { params: { path: { id }, query: { limit: 50 } } })),
  });
  const suppliers = useSuppliers(manager);
  const f = useFields({ type: 'use' as 'use' | 'restock' | 'correction', quantity: '1', note: '' });
  const move = useAction(async (body: Schemas['StockMovementInput'], key: string) => call(api.POST('/stock/items/{id}/movements', {
    params: { path: { id }, header: { 'Idempotency-Key': key } }, body,
  })));

  if (item.isPending) {
    return <Loading />;
  }
  if (item.error instanceof ProblemError) {
    return <ProblemBanner problem={item.error.problem} />;
  }
  const i = item.data!;
  const supplierName = (sid?: string) => suppliers.data?.find((s) => s.id === sid)?.name ?? sid ?? '';
  return (
    <>
      <p><Link to="/supplies">← {t('stock.title')}</Link></p>
      <PageHeader title={i.name}>
        {manager && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
      </PageHeader>
      {notice && <Notice>{notice}</Notice>}
      <div className="cards">
        <section className="card" aria-labelledby="levels">
          <h2 id="levels">{t('stock.levels')}</h2>
          <dl className="facts">
            <dt>{t('stock.sku')}</dt><dd>{i.sku}</dd>
            <dt>{t('stock.onHand')}</dt><dd><strong>{i.quantity}</strong> {i.unit} {i.low && <Badge tone="warn">{t('stock.low')}</Badge>}</dd>
            <dt>{t('stock.minimum')}</dt><dd>{i.minimum}</dd>
            <dt>{t('stock.reorderUpTo')}</dt><dd>{i.reorderUpTo}</dd>
            <dt>{t('stock.onOrder')}</dt><dd>{i.onOrder}</dd>
            <dt>{t('stock.suggested')}</dt><dd>{i.suggestedOrder}</dd>
            <dt>{t('stock.cover')}</dt>
            <dd>{i.daysOfCover === undefined ? t('stock.noUse') : t('stock.coverDays', { n: i.daysOfCover, used: i.usedLast30Days ?? 0 })}</dd>
            <dt>{t('stock.location')}</dt><dd>{i.location ?? '—'}</dd>
            <dt>{t('stock.unitPrice')}</dt><dd>{formatMoney(i.unitPrice)}</dd>
            {manager && <><dt>{t('stock.supplier')}</dt><dd>{i.supplierId ? supplierName(i.supplierId) : '—'}</dd></>}
          </dl>
        </section>
        <section className="card" aria-labelledby="movement">
          <h2 id="movement">{t('stock.recordMovement')}</h2>
          <form noValidate onSubmit={async (e) => {
            e.preventDefault();
            const q = Number(f.values.quantity);
            const out = await move.submit({ type: f.values.type, quantity: q, ...(f.values.note.trim() ? { note: f.values.note.trim() } : {}) });
            if (out) {
              setNotice(t('stock.moved', { delta: out.delta > 0 ? `+${out.delta}` : String(out.delta), name: i.name }));
              f.set('note', '');
              STOCK_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }));
            }
          }}>
            <ProblemBanner problem={move.problem} shown={['type', 'quantity', 'note']}>
              {typeof move.problem?.body.available === 'number' && <p>{t('stock.available', { n: move.problem.body.available })}</p>}
            </ProblemBanner>
            {manager && (
              <Field label={t('stock.movementType')} name="type" problem={move.problem}>
                <select {...f.bind('type')}>
                  <option value="use">{t('movement.use')}</option>
                  <option value="restock">{t('movement.restock')}</option>
                  <option value="correction">{t('movement.correction')}</option>
                </select>
              </Field>
            )}
            <Field label={t('stock.quantity')} name="quantity" problem={move.problem}
              hint={f.values.type === 'correction' ? t('stock.correctionHint') : undefined}>
              <input type="number" {...f.bind('quantity')} min={f.values.type === 'correction' ? undefined : 1} />
            </Field>
            <Field label={t('stock.note')} name="note" problem={move.problem}><input {...f.bind('note')} maxLength={200} /></Field>
            <div className="form-actions">
              <Button kind="primary" type="submit" busy={move.busy}>{t(`movement.do.${f.values.type}`)}</Button>
            </div>
          </form>
        </section>
      </div>
      <section className="card" aria-labelledby="ledger">
        <h2 id="ledger">{t('stock.ledger')}</h2>
        {movements.isPending && <Loading />}
        {movements.data && movements.data.items.length === 0 && <Empty>{t('stock.noMovements')}</Empty>}
        {movements.data && movements.data.items.length > 0 && (
          <div className="table-scroll" tabIndex={0}>
            <table className="data">
              <thead><tr><th scope="col">{t('stock.when')}</th><th scope="col">{t('stock.movementType')}</th>
                <th scope="col" className="num">{t('stock.change')}</th><th scope="col">{t('stock.note')}</th></tr></thead>
              <tbody>
                {movements.data.items.map((m) => (
                  <tr key={m.id}>
                    <td>{formatDateTime(m.at)}</td><td>{t(`movement.${m.type}`)}</td>
                    <td className="num">{m.delta > 0 ? `+${m.delta}` : m.delta}</td><td>{m.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {(i.priceHistory ?? []).length > 1 && (
        <section className="card" aria-labelledby="prices">
          <h2 id="prices">{t('stock.priceHistory')}</h2>
          <Suspense fallback={<Loading />}>
            <PriceChart history={i.priceHistory!} supplierName={supplierName} />
          </Suspense>
        </section>
      )}
      {editing && (
        <StockItemForm siteId={i.siteId} item={i} onClose={() => setEditing(false)}
          onSaved={(name) => { setEditing(false); setNotice(t('stock.saved', { name })); }} />
      )}
    </>
  );
}
