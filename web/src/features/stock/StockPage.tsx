import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { call, type Schemas } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { hasRole, useApp } from '../../app/context';
import { formatMoney, parseCents } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { numberOrUndefined, textOrUndefined, useFields } from '../../ui/forms';
import { Badge, Button, Dialog, Empty, Field, Loading, Notice, PageHeader, ProblemBanner , SaveCancel } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { STOCK_KEYS, useStockItems, useSuppliers } from './data';

/** The supplies of the site: what is on hand, what is low; the office manager adds items. */
export default function StockPage() {
  const { t } = useI18n();
  const { site, session } = useApp();
  const items = useStockItems(site?.id);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const manager = hasRole(session, 'office-manager');
  const shown = (items.data ?? []).filter((i) => `${i.sku} ${i.name} ${i.location ?? ''}`.toLowerCase().includes(query.toLowerCase()));

  return (
    <>
      <PageHeader title={t('stock.title')}>
        {manager && <Button kind="primary" onClick={() => { setNotice(null); setAdding(true); }}>{t('stock.add')}</Button>}
      </PageHeader>
      {notice && <Notice>{notice}</Notice>}
      <div className="card">
        <div className="field search">
          <label htmlFor="stock-search">{t('common.search')}</label>
          <input id="stock-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        {items.isPending && <Loading />}
        {items.error instanceof ProblemError && <ProblemBanner problem={items.error.problem} />}
        {items.data && shown.length === 0 && <Empty>{t('stock.none')}</Empty>}
        {shown.length > 0 && (
          <div className="table-scroll" tabIndex={0}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('stock.item')}</th>
                  <th scope="col" className="num">{t('stock.onHand')}</th>
                  <th scope="col" className="num">{t('stock.minimum')}</th>
                  <th scope="col" className="num">{t('stock.onOrder')}</th>
                  <th scope="col" className="hide-phone">{t('stock.location')}</th>
                  <th scope="col" className="num hide-phone">{t('stock.price')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <Link to={`/supplies/${i.id}`}>{i.name}</Link>
                      <div className="muted small">{i.sku}{i.low && <> · <Badge tone="warn">{t('stock.low')}</Badge></>}</div>
                    </td>
                    <td className="num">{i.quantity} <span className="muted small">{i.unit}</span></td>
                    <td className="num">{i.minimum}</td>
                    <td className="num">{i.onOrder || ''}</td>
                    <td className="hide-phone">{i.location}</td>
                    <td className="num hide-phone">{formatMoney(i.unitPrice)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {adding && site && (
        <StockItemForm siteId={site.id} onClose={() => setAdding(false)}
          onSaved={(name) => { setAdding(false); setNotice(t('stock.added', { name })); }} />
      )}
    </>
  );
}

type ItemInput = Schemas['StockItemInput'];

/** Add an item (or, with `item`, change one: details, levels, price, supplier). */
export function StockItemForm({ siteId, item, onClose, onSaved }: {
  siteId: string;
  item?: Schemas['StockItem'];
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const suppliers = useSuppliers();
  const f = useFields({
    sku: item?.sku ?? '', name: item?.name ?? '', unit: item?.unit ?? '', location: item?.location ?? '',
    quantity: '', minimum: item ? String(item.minimum) : '', reorderUpTo: item ? String(item.reorderUpTo) : '',
    supplierId: item?.supplierId ?? '', unitPrice: item ? (item.unitPrice.amountCents / 100).toFixed(2) : '',
  });
  const action = useAction(async (body: ItemInput, key: string) => {
    if (item) {
      const { siteId: _s, sku: _k, quantity: _q, ...change } = body;
      return call(api.PATCH('/stock/items/{id}', { params: { path: { id: item.id } }, body: { ...change, version: item.version } }));
    }
    return call(api.POST('/stock/items', { params: { header: { 'Idempotency-Key': key } }, body }));
  });
  const v = f.values;
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    // an amount that is not one goes to the API as -1, which names the field
    const cents = textOrUndefined(v.unitPrice) === undefined ? undefined : parseCents(String(v.unitPrice)) ?? -1;
    const body: ItemInput = {
      siteId, sku: v.sku.trim(), name: v.name.trim(), unit: v.unit.trim(), location: textOrUndefined(v.location),
      quantity: numberOrUndefined(v.quantity), minimum: numberOrUndefined(v.minimum) as number,
      reorderUpTo: numberOrUndefined(v.reorderUpTo) as number, supplierId: textOrUndefined(v.supplierId),
      unitPriceCents: cents,
    };
    const out = await action.submit(body);
    if (out) {
      STOCK_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }));
      onSaved(out.name);
    }
  }
  const fields = ['sku', 'name', 'unit', 'location', 'quantity', 'minimum', 'reorderUpTo', 'supplierId', 'unitPriceCents'];
  return (
    <Dialog title={item ? t('stock.editTitle', { name: item.name }) : t('stock.add')} open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ProblemBanner problem={action.problem} shown={fields} />
        <div className="filter-row">
          {!item && <Field label={t('stock.sku')} name="sku" problem={action.problem}><input {...f.bind('sku')} required maxLength={40} /></Field>}
          <Field label={t('stock.name')} name="name" problem={action.problem}><input {...f.bind('name')} required maxLength={200} /></Field>
        </div>
        <div className="filter-row">
          <Field label={t('stock.unit')} name="unit" problem={action.problem} hint={t('stock.unitHint')}><input {...f.bind('unit')} required maxLength={32} /></Field>
          <Field label={t('stock.location')} name="location" problem={action.problem}><input {...f.bind('location')} maxLength={120} /></Field>
        </div>
        <div className="filter-row">
          {!item && <Field label={t('stock.startQuantity')} name="quantity" problem={action.problem}><input type="number" min={0} {...f.bind('quantity')} /></Field>}
          <Field label={t('stock.minimum')} name="minimum" problem={action.problem}><input type="number" min={0} {...f.bind('minimum')} required /></Field>
          <Field label={t('stock.reorderUpTo')} name="reorderUpTo" problem={action.problem}><input type="number" min={0} {...f.bind('reorderUpTo')} required /></Field>
        </div>
        <div className="filter-row">
          <Field label={t('stock.supplier')} name="supplierId" problem={action.problem}>
            <select {...f.bind('supplierId')}>
              <option value="">{t('stock.noSupplier')}</option>
              {(suppliers.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </Field>
          <Field label={t('stock.unitPrice')} name="unitPriceCents" problem={action.problem}>
            <input inputMode="decimal" {...f.bind('unitPrice')} placeholder="0,00" />
          </Field>
        </div>
        <SaveCancel onCancel={onClose} busy={action.busy} />
      </form>
    </Dialog>
  );
}
