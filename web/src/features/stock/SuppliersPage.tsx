import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { numberOrUndefined, textOrUndefined, useFields } from '../../ui/forms';
import { SaveCancel, Button, Dialog, Empty, Field, Loading, Notice, PageHeader, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { useSuppliers, type Supplier } from './data';

export default function SuppliersPage() {
  const { t } = useI18n();
  const suppliers = useSuppliers();
  const [editing, setEditing] = useState<Supplier | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('suppliers.title')}>
        <Button kind="primary" onClick={() => { setNotice(null); setEditing('new'); }}>{t('suppliers.add')}</Button>
      </PageHeader>
      {notice && <Notice>{notice}</Notice>}
      <div className="card">
        {suppliers.isPending && <Loading />}
        {suppliers.error instanceof ProblemError && <ProblemBanner problem={suppliers.error.problem} />}
        {suppliers.data && suppliers.data.length === 0 && <Empty>{t('suppliers.none')}</Empty>}
        {suppliers.data && suppliers.data.length > 0 && (
          <div className="table-scroll" tabIndex={0}>
            <table className="data">
              <thead><tr><th scope="col">{t('suppliers.name')}</th><th scope="col">{t('suppliers.email')}</th>
                <th scope="col" className="num">{t('suppliers.leadTime')}</th><th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th></tr></thead>
              <tbody>
                {suppliers.data.map((s) => (
                  <tr key={s.id}>
                    <td>{s.name}{s.notes && <div className="muted small">{s.notes}</div>}</td>
                    <td>{s.email}</td>
                    <td className="num">{t('suppliers.days', { n: s.leadTimeDays })}</td>
                    <td><Button kind="link" onClick={() => { setNotice(null); setEditing(s); }} aria-label={t('common.editThis', { name: s.name })}>{t('common.edit')}</Button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {editing && (
        <SupplierForm supplier={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)}
          onSaved={(name) => { setEditing(null); setNotice(t('common.savedThis', { name })); }} />
      )}
    </>
  );
}

function SupplierForm({ supplier, onClose, onSaved }: { supplier?: Supplier; onClose: () => void; onSaved: (name: string) => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const f = useFields({
    name: supplier?.name ?? '', email: supplier?.email ?? '', leadTimeDays: supplier ? String(supplier.leadTimeDays) : '',
    notes: supplier?.notes ?? '',
  });
  const action = useAction(async (body: Schemas['SupplierInput'], key: string) => supplier
    ? call(api.PUT('/suppliers/{id}', { params: { path: { id: supplier.id } }, body: { ...body, version: supplier.version } }))
    : call(api.POST('/suppliers', { params: { header: { 'Idempotency-Key': key } }, body })));
  return (
    <Dialog title={supplier ? t('common.editThis', { name: supplier.name }) : t('suppliers.add')} open onClose={onClose}>
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        const out = await action.submit({
          name: f.values.name.trim(), email: f.values.email.trim(),
          leadTimeDays: numberOrUndefined(f.values.leadTimeDays), notes: textOrUndefined(f.values.notes),
        });
        if (out) {
          void queryClient.invalidateQueries({ queryKey: ['suppliers'] });
          onSaved(out.name);
        }
      }}>
        <ProblemBanner problem={action.problem} shown={['name', 'email', 'leadTimeDays', 'notes']} />
        <Field label={t('suppliers.name')} name="name" problem={action.problem}><input {...f.bind('name')} maxLength={200} required /></Field>
        <Field label={t('suppliers.email')} name="email" problem={action.problem}><input type="email" {...f.bind('email')} maxLength={254} required /></Field>
        <Field label={t('suppliers.leadTime')} name="leadTimeDays" problem={action.problem}><input type="number" min={0} max={365} {...f.bind('leadTimeDays')} /></Field>
        <Field label={t('suppliers.notes')} name="notes" problem={action.problem}><textarea rows={2} {...f.bind('notes')} maxLength={2000} /></Field>
        <SaveCancel onCancel={onClose} busy={action.busy} />
      </form>
    </Dialog>
  );
}
