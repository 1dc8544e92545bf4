import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Badge, Button, Dialog, Empty, Field, Loading, Notice, PageHeader, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { OPEN_ORDER, STOCK_KEYS, usePurchaseOrders, useStockItems, useSuppliers, type PurchaseOrder } from './data';

const TONE: Record<PurchaseOrder['status'], 'neutral' | 'good' | 'warn' | 'bad'> = {
  draft: 'neutral', sent: 'warn', 'partially-received': 'warn', received: 'good', cancelled: 'bad',
};

/** Purchase orders of the site: drafts from the low items or by hand, send, receive (in part), cancel. */
export default function OrdersPage() {
  const { t } = useI18n();
  const { api, site } = useApp();
  const queryClient = useQueryClient();
  const orders = usePurchaseOrders(site?.id);
  const suppliers = useSuppliers();
  const [notice, setNotice] = useState<string | null>(null);
  const [drafting, setDrafting] = useState(false);
  const [receiving, setReceiving] = useState<PurchaseOrder | null>(null);
  const refresh = (message: string) => {
    setNotice(message);
    STOCK_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }));
  };
  const suggest = useAction(async (siteId: string, key: string) => call(api.POST('/purchase-orders/suggested', {
    params: { header: { 'Idempotency-Key': key } }, body: { siteId },
  })));
  const supplierName = (id: string) => suppliers.data?.find((s) => s.id === id)?.name ?? '…';
  const list = orders.data ?? [];
  const open = list.filter((o) => OPEN_ORDER.includes(o.status));
  const done = list.filter((o) => !OPEN_ORDER.includes(o.status));

  return (
    <>
      <PageHeader title={t('orders.title')}>
        <Button busy={suggest.busy} onClick={async () => {
          if (!site) return;
          const out = await suggest.submit(site.id);
          if (out) {
            refresh(out.orders.length === 0 ? t('orders.nothingToSuggest')
              : t('orders.suggested', { n: out.orders.length }) + (out.itemsWithoutSupplier.length ? ` ${t('orders.withoutSupplier', { n: out.itemsWithoutSupplier.length })}` : ''));
          }
        }}>{t('orders.suggest')}</Button>
        <Button kind="primary" onClick={() => { setNotice(null); setDrafting(true); }}>{t('orders.new')}</Button>
      </PageHeader>
      {notice && <Notice>{notice}</Notice>}
      <ProblemBanner problem={suggest.problem} />
      {orders.isPending && <Loading />}
      {orders.error instanceof ProblemError && <ProblemBanner problem={orders.error.problem} />}
      <section className="card" aria-labelledby="open-orders">
        <h2 id="open-orders">{t('orders.open')}</h2>
        {orders.data && open.length === 0 && <Empty>{t('orders.noneOpen')}</Empty>}
        {open.map((o) => (
          <OrderRow key={o.id} order={o} supplier={supplierName(o.supplierId)} onDone={refresh} onReceive={() => { setNotice(null); setReceiving(o); }} />
        ))}
      </section>
      {done.length > 0 && (
        <section className="card" aria-labelledby="done-orders">
          <h2 id="done-orders">{t('orders.done')}</h2>
          {done.map((o) => <OrderRow key={o.id} order={o} supplier={supplierName(o.supplierId)} onDone={refresh} />)}
        </section>
      )}
      {drafting && site && <DraftForm siteId={site.id} onClose={() => setDrafting(false)} onDone={(m) => { setDrafting(false); refresh(m); }} />}
      {receiving && <ReceiveForm order={receiving} onClose={() => setReceiving(null)} onDone={(m) => { setReceiving(null); refresh(m); }} />}
    </>
  );
}

function OrderRow({ order: o, supplier, onDone, onReceive }: {
  order: PurchaseOrder; supplier: string; onDone: (m: string) => void; onReceive?: () => void;
}) {
  const { t } = useI18n();
  const { api } = useApp();
  const send = useAction(async (_: null) => call(api.POST('/purchase-orders/{id}/send', { params: { path: { id: o.id } } })));
  const cancel = useAction(async (_: null) => call(api.POST('/purchase-orders/{id}/cancel', { params: { path: { id: o.id } } })));
  return (
    <article className="order" aria-label={t('orders.orderFor', { supplier })}>
      <div className="order-head">
        <div>
          <strong>{supplier}</strong> <Badge tone={TONE[o.status]}>{t(`orderStatus.${o.status}`)}</Badge>
          <div className="muted small">{formatDateTime(o.sentAt ?? o.createdAt)} · {formatMoney(o.total)}</div>
        </div>
        <div className="booking-actions">
          {o.status === 'draft' && <Button kind="primary" busy={send.busy} onClick={async () => { if (await send.submit(null)) onDone(t('orders.sentTo', { supplier })); }}>{t('orders.send')}</Button>}
          {(o.status === 'sent' || o.status === 'partially-received') && onReceive && <Button kind="primary" onClick={onReceive}>{t('orders.receive')}</Button>}
          {OPEN_ORDER.includes(o.status) && <Button kind="danger" busy={cancel.busy} onClick={async () => { if (await cancel.submit(null)) onDone(t('orders.cancelled')); }}>{t('orders.cancel')}</Button>}
        </div>
      </div>
      <ProblemBanner problem={send.problem ?? cancel.problem} />
      <ul className="order-lines">
        {o.lines.map((l) => (
          <li key={l.itemId}>
            <span>{l.quantity} × {l.name} <span className="muted small">{l.sku}</span></span>
            <span className="muted small">{l.received > 0 && `${t('orders.receivedCount', { n: l.received })} · `}{formatMoney(l.amount)}</span>
          </li>
        ))}
      </ul>
    </article>
  );
}

type Line = { itemId: string; quantity: string };

function DraftForm({ siteId, onClose, onDone }: { siteId: string; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const suppliers = useSuppliers();
  const items = useStockItems(siteId);
  const [supplierId, setSupplierId] = useState('');
  const [lines, setLines] = useState<Line[]>([{ itemId: '', quantity: '1' }]);
  const action = useAction(async (body: { siteId: string; supplierId: string; lines: { itemId: string; quantity: number }[] }, key: string) =>
    call(api.POST('/purchase-orders', { params: { header: { 'Idempotency-Key': key } }, body })));
  const setLine = (n: number, line: Partial<Line>) => setLines((ls) => ls.map((l, i) => (i === n ? { ...l, ...line } : l)));
  return (
    <Dialog title={t('orders.new')} open onClose={onClose} wide>
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        const out = await action.submit({ siteId, supplierId, lines: lines.map((l) => ({ itemId: l.itemId, quantity: Number(l.quantity) })) });
        if (out) onDone(t('orders.drafted'));
      }}>
        <ProblemBanner problem={action.problem} shown={['supplierId', 'lines']} />
        <Field label={t('stock.supplier')} name="supplierId" problem={action.problem}>
          <select value={supplierId} onChange={(e) => setSupplierId(e.target.value)} required>
            <option value="">{t('orders.chooseSupplier')}</option>
            {(suppliers.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </Field>
        {lines.map((l, n) => (
          <div className="filter-row" key={n}>
            <Field label={t('orders.item', { n: n + 1 })} name={`lines[${n}].itemId`} problem={action.problem}>
              <select value={l.itemId} onChange={(e) => setLine(n, { itemId: e.target.value })}>
                <option value="">{t('orders.chooseItem')}</option>
                {(items.data ?? []).map((i) => <option key={i.id} value={i.id}>{i.name} ({i.sku}) · {t('stock.onHand')} {i.quantity}</option>)}
              </select>
            </Field>
            <Field label={t('stock.quantity')} name={`lines[${n}].quantity`} problem={action.problem} className="narrow">
              <input type="number" min={1} value={l.quantity} onChange={(e) => setLine(n, { quantity: e.target.value })} />
            </Field>
          </div>
        ))}
        <Button kind="link" onClick={() => setLines([...lines, { itemId: '', quantity: '1' }])} disabled={lines.length >= 30}>+ {t('orders.addLine')}</Button>
        <div className="form-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button kind="primary" type="submit" busy={action.busy}>{t('orders.saveDraft')}</Button>
        </div>
      </form>
    </Dialog>
  );
}

function ReceiveForm({ order, onClose, onDone }: { order: PurchaseOrder; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const [counts, setCounts] = useState<Record<string, string>>(
    Object.fromEntries(order.lines.map((l) => [l.itemId, String(Math.max(0, l.quantity - l.received))])),
  );
  const action = useAction(async (body: { lines: Schemas['OrderLineInput'][] }) =>
    call(api.POST('/purchase-orders/{id}/receive', { params: { path: { id: order.id } }, body })));
  return (
    <Dialog title={t('orders.receiveTitle')} open onClose={onClose} wide>
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        const lines = order.lines.map((l) => ({ itemId: l.itemId, quantity: Number(counts[l.itemId]) })).filter((l) => l.quantity > 0);
        const out = await action.submit({ lines });
        if (out) onDone(out.status === 'received' ? t('orders.receivedAll') : t('orders.receivedPart'));
      }}>
        <p className="muted">{t('orders.receiveExplain')}</p>
        <ProblemBanner problem={action.problem} shown={order.lines.map((_, n) => `lines[${n}]`)} />
        {order.lines.map((l, n) => (
          <Field key={l.itemId} label={t('orders.receiveLine', { name: l.name, open: l.quantity - l.received })}
            name={`lines[${n}].quantity`} problem={action.problem}>
            <input type="number" min={0} max={l.quantity - l.received} value={counts[l.itemId]}
              onChange={(e) => setCounts({ ...counts, [l.itemId]: e.target.value })} />
          </Field>
        ))}
        <div className="form-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button kind="primary" type="submit" busy={action.busy}>{t('orders.confirmReceive')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
