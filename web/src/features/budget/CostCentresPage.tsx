import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { all, call, type Schemas } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { useFields } from '../../ui/forms';
import { Button, Dialog, Empty, Field, Loading, Notice, PageHeader, ProblemBanner, SaveCancel } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import './budget.css';
import { useCategories, useCostCentres, type CostCentre } from './data';

export function usePeople() {
  const { api } = useApp();
  return useQuery({
    queryKey: ['people'],
    queryFn: () => all<Schemas['Person']>((cursor) => call(api.GET('/people', { params: { query: { limit: 200, cursor } } }))),
  });
}

/** Cost centres (each with an owner from the directory, who hears when its budget runs out) and the categories money goes to. */
export default function CostCentresPage() {
  const { t } = useI18n();
  const costCentres = useCostCentres();
  const people = usePeople();
  const [editing, setEditing] = useState<CostCentre | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const personName = (id: string) => people.data?.find((p) => p.id === id)?.name ?? id;
  return (
    <>
      <PageHeader title={t('costCentres.title')}>
        <Button kind="primary" onClick={() => { setNotice(null); setEditing('new'); }}>{t('costCentres.add')}</Button>
      </PageHeader>
      {notice && <Notice>{notice}</Notice>}
      <section className="card" aria-labelledby="cc-title">
        <h2 id="cc-title">{t('nav.costCentres')}</h2>
        {costCentres.isPending && <Loading />}
        {costCentres.error instanceof ProblemError && <ProblemBanner problem={costCentres.error.problem} />}
        {costCentres.data?.length === 0 && <Empty>{t('costCentres.none')}</Empty>}
        {!!costCentres.data?.length && (
          <div className="table-scroll" tabIndex={0}>
            <table className="data">
              <thead><tr><th scope="col">{t('costCentres.code')}</th><th scope="col">{t('costCentres.name')}</th>
                <th scope="col">{t('costCentres.owner')}</th><th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th></tr></thead>
              <tbody>
                {costCentres.data.map((c) => (
                  <tr key={c.code}>
                    <td><code>{c.code}</code></td><td>{c.name}</td><td>{personName(c.ownerId)}</td>
                    <td className="row-actions">
                      <Button kind="link" onClick={() => { setNotice(null); setEditing(c); }}
                        aria-label={t('common.editThis', { name: c.name })}>{t('common.edit')}</Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <CategoriesCard />
      {editing && <CostCentreForm costCentre={editing === 'new' ? undefined : editing} people={people.data ?? []}
        onClose={() => setEditing(null)} onSaved={(name) => { setEditing(null); setNotice(t('common.savedThis', { name })); }} />}
    </>
  );
}

function CostCentreForm({ costCentre, people, onClose, onSaved }: {
  costCentre?: CostCentre;
  people: Schemas['Person'][];
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const f = useFields({ code: costCentre?.code ?? '', name: costCentre?.name ?? '', ownerId: costCentre?.ownerId ?? '' });
  const action = useAction(async (body: Schemas['CostCentreInput'], key: string) => costCentre
    ? call(api.PUT('/cost-centres/{code}', { params: { path: { code: costCentre.code } },
      body: { name: body.name, ownerId: body.ownerId, version: costCentre.version } }))
    : call(api.POST('/cost-centres', { params: { header: { 'Idempotency-Key': key } }, body })));
  return (
    <Dialog title={costCentre ? t('common.editThis', { name: costCentre.name }) : t('costCentres.add')} open onClose={onClose}>
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        const out = await action.submit({ code: f.values.code.trim(), name: f.values.name.trim(), ownerId: f.values.ownerId });
        if (out) {
          void queryClient.invalidateQueries({ queryKey: ['cost-centres'] });
          onSaved(out.name);
        }
      }}>
        <ProblemBanner problem={action.problem} shown={['code', 'name', 'ownerId']} />
        <div className="filter-row">
          <Field label={t('costCentres.code')} name="code" problem={action.problem} className="narrow">
            <input {...f.bind('code')} maxLength={40} required disabled={!!costCentre} autoComplete="off" />
          </Field>
          <Field label={t('costCentres.name')} name="name" problem={action.problem}>
            <input {...f.bind('name')} maxLength={120} required autoComplete="off" />
          </Field>
        </div>
        <Field label={t('costCentres.owner')} name="ownerId" problem={action.problem} hint={t('costCentres.ownerHint')}>
          <select {...f.bind('ownerId')} required>
            <option value="">{t('budget.choose')}</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </Field>
        <SaveCancel onCancel={onClose} busy={action.busy} />
      </form>
    </Dialog>
  );
}

function CategoriesCard() {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const categories = useCategories();
  const f = useFields({ code: '', name: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction(async (body: { code: string; name: string }, key: string) =>
    call(api.POST('/budget-categories', { params: { header: { 'Idempotency-Key': key } }, body })));
  return (
    <section className="card" aria-labelledby="categories-title">
      <h2 id="categories-title">{t('categories.title')}</h2>
      {notice && <Notice>{notice}</Notice>}
      {categories.isPending && <Loading />}
      {categories.error instanceof ProblemError && <ProblemBanner problem={categories.error.problem} />}
      {categories.data?.length === 0 && <Empty>{t('categories.none')}</Empty>}
      <ul className="plain-list">
        {(categories.data ?? []).map((c) => <li key={c.code}><code>{c.code}</code> {c.name}</li>)}
      </ul>
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        setNotice(null);
        const out = await action.submit({ code: f.values.code.trim(), name: f.values.name.trim() });
        if (out) {
          f.reset();
          setNotice(t('categories.added', { name: out.name }));
          void queryClient.invalidateQueries({ queryKey: ['budget-categories'] });
        }
      }}>
        <h3>{t('categories.add')}</h3>
        <ProblemBanner problem={action.problem} shown={['code', 'name']} />
        <div className="filter-row">
          <Field label={t('costCentres.code')} name="code" problem={action.problem} className="narrow">
            <input {...f.bind('code')} maxLength={40} required autoComplete="off" placeholder="catering" />
          </Field>
          <Field label={t('costCentres.name')} name="name" problem={action.problem}>
            <input {...f.bind('name')} maxLength={120} required autoComplete="off" />
          </Field>
          <div className="field"><Button kind="primary" type="submit" busy={action.busy}>{t('categories.add')}</Button></div>
        </div>
      </form>
    </section>
  );
}
