import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { all, call, type Schemas } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import type { Role } from '../../auth';
import { useI18n } from '../../i18n/i18n';
import { textOrUndefined, useFields } from '../../ui/forms';
import { Badge, Button, Dialog, Empty, Field, Loading, Notice, PageHeader, ProblemBanner , SaveCancel , RemoveDialog } from '../../ui/ui';
import { useAction } from '../../ui/useAction';

type Person = Schemas['Person'];
const ROLES: Role[] = ['staff', 'reception', 'office-manager', 'management'];

/** The directory: everyone, added one by one or from a CSV file (with a report per refused row). */
export default function PeoplePage() {
  const { t } = useI18n();
  const { api, sites } = useApp();
  const queryClient = useQueryClient();
  const people = useQuery({
    queryKey: ['people'],
    queryFn: () => all<Person>((cursor) => call(api.GET('/people', { params: { query: { limit: 200, cursor } } }))),
  });
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [removing, setRemoving] = useState<Person | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const siteName = (id?: string) => sites.find((s) => s.id === id)?.name ?? '';
  const shown = (people.data ?? []).filter((p) => `${p.name} ${p.email} ${p.costCentre ?? ''}`.toLowerCase().includes(query.toLowerCase()));
  const done = (m: string) => {
    setNotice(m);
    void queryClient.invalidateQueries({ queryKey: ['people'] });
  };
  return (
    <>
      <PageHeader title={t('people.title')}>
        <Button kind="primary" onClick={() => { setNotice(null); setEditing('new'); }}>{t('people.add')}</Button>
      </PageHeader>
      {notice && <Notice>{notice}</Notice>}
      <div className="card">
        <div className="field search">
          <label htmlFor="people-search">{t('common.search')}</label>
          <input id="people-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        {people.isPending && <Loading />}
        {people.error instanceof ProblemError && <ProblemBanner problem={people.error.problem} />}
        {people.data && shown.length === 0 && <Empty>{t('people.none')}</Empty>}
        {shown.length > 0 && (
          <div className="table-scroll" tabIndex={0}>
            <table className="data">
              <thead><tr><th scope="col">{t('people.name')}</th><th scope="col" className="hide-phone">{t('people.site')}</th>
                <th scope="col">{t('people.roles')}</th><th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th></tr></thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={p.id}>
                    <td>{p.name}<div className="muted small">{p.email} · {p.language.toUpperCase()}{p.costCentre ? ` · ${p.costCentre}` : ''}</div></td>
                    <td className="hide-phone">{siteName(p.siteId)}</td>
                    <td>{p.roles.map((r) => <Badge key={r}>{t(`role.${r}`)}</Badge>)}</td>
                    <td className="row-actions">
                      <Button kind="link" onClick={() => { setNotice(null); setEditing(p); }} aria-label={t('common.editThis', { name: p.name })}>{t('common.edit')}</Button>
                      <Button kind="link" onClick={() => { setNotice(null); setRemoving(p); }} aria-label={t('people.removeThis', { name: p.name })}>{t('people.remove')}</Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <ImportCard onImported={(m) => done(m)} />
      {editing && <PersonForm person={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)}
        onSaved={(name) => { setEditing(null); done(t('common.savedThis', { name })); }} />}
      {removing && <RemoveDialog title={t('people.removeThis', { name: removing.name })} explain={t('people.removeExplain')}
        remove={() => call(api.DELETE('/people/{id}', { params: { path: { id: removing.id } } }))} onClose={() => setRemoving(null)}
        onRemoved={() => { setRemoving(null); done(t('people.removed', { name: removing.name })); }} />}
    </>
  );
}

function PersonForm({ person, onClose, onSaved }: { person?: Person; onClose: () => void; onSaved: (name: string) => void }) {
  const { t } = useI18n();
  const { api, sites } = useApp();
  const f = useFields({
    name: person?.name ?? '', email: person?.email ?? '', language: person?.language ?? 'nl', costCentre: person?.costCentre ?? '',
    siteId: person?.siteId ?? '', line1: person?.homeAddress?.line1 ?? '', postalCode: person?.homeAddress?.postalCode ?? '',
    city: person?.homeAddress?.city ?? '', country: person?.homeAddress?.country ?? '',
  });
  const [roles, setRoles] = useState<Role[]>(person?.roles ?? ['staff']);
  const action = useAction(async (body: Schemas['PersonInput'], key: string) => person
    ? call(api.PUT('/people/{id}', { params: { path: { id: person.id } }, body: { ...body, version: person.version } }))
    : call(api.POST('/people', { params: { header: { 'Idempotency-Key': key } }, body })));
  const v = f.values;
  const address = v.line1.trim() || v.postalCode.trim() || v.city.trim()
    ? { line1: v.line1.trim(), postalCode: v.postalCode.trim(), city: v.city.trim(), country: textOrUndefined(v.country) }
    : undefined;
  return (
    <Dialog title={person ? t('common.editThis', { name: person.name }) : t('people.add')} open onClose={onClose} wide>
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        const out = await action.submit({
          name: v.name.trim(), email: v.email.trim(), language: v.language as 'nl' | 'en', costCentre: textOrUndefined(v.costCentre),
          siteId: textOrUndefined(v.siteId), roles, homeAddress: address,
        });
        if (out) onSaved(out.name);
      }}>
        <ProblemBanner problem={action.problem} shown={['name', 'email', 'language', 'costCentre', 'siteId', 'roles', 'homeAddress']} />
        <div className="filter-row">
          <Field label={t('people.name')} name="name" problem={action.problem}><input {...f.bind('name')} maxLength={200} required autoComplete="off" /></Field>
          <Field label={t('people.email')} name="email" problem={action.problem}><input type="email" {...f.bind('email')} maxLength={254} required autoComplete="off" /></Field>
        </div>
        <div className="filter-row">
          <Field label={t('people.language')} name="language" problem={action.problem}>
            <select {...f.bind('language')}><option value="nl">Nederlands</option><option value="en">English</option></select>
          </Field>
          <Field label={t('people.site')} name="siteId" problem={action.problem}>
            <select {...f.bind('siteId')}>
              <option value="">—</option>
              {sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </Field>
          <Field label={t('people.costCentre')} name="costCentre" problem={action.problem}><input {...f.bind('costCentre')} maxLength={64} /></Field>
        </div>
        <fieldset className="chips" aria-invalid={action.problem?.fields.roles ? true : undefined}>
          <legend>{t('people.roles')}</legend>
          {ROLES.map((r) => (
            <label key={r} className={roles.includes(r) ? 'checked' : ''}>
              <input type="checkbox" checked={roles.includes(r)}
                onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))} />
              {t(`role.${r}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('people.homeAddress')}</legend>
          <div className="filter-row">
            <Field label={t('people.street')} name="homeAddress.line1" problem={action.problem}><input {...f.bind('line1')} maxLength={200} /></Field>
            <Field label={t('people.postalCode')} name="homeAddress.postalCode" problem={action.problem} className="narrow"><input {...f.bind('postalCode')} maxLength={16} /></Field>
            <Field label={t('people.city')} name="homeAddress.city" problem={action.problem}><input {...f.bind('city')} maxLength={100} /></Field>
            <Field label={t('people.country')} name="homeAddress.country" problem={action.problem} className="narrow"><input {...f.bind('country')} maxLength={2} placeholder="NL" /></Field>
          </div>
        </fieldset>
        <SaveCancel onCancel={onClose} busy={action.busy} />
      </form>
    </Dialog>
  );
}

/** CSV import: the file goes as text/csv; the answer says what was imported and why each refused row was. */
function ImportCard({ onImported }: { onImported: (m: string) => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Schemas['ImportReport'] | null>(null);
  const action = useAction(async (csv: string) => call(api.POST('/people/import', {
    body: csv, bodySerializer: (b: string) => b, headers: { 'Content-Type': 'text/csv' },
  })));
  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      <p className="muted">{t('import.explain')}</p>
      <form className="inline-form" noValidate onSubmit={async (e) => {
        e.preventDefault();
        if (!file) return;
        const out = await action.submit(await file.text());
        if (out) {
          setReport(out);
          onImported(t('import.done', { imported: out.imported, rows: out.rows }));
        }
      }}>
        <label className="visually-hidden" htmlFor="import-file">{t('import.file')}</label>
        <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => { setReport(null); setFile(e.target.files?.[0] ?? null); }} />
        <Button kind="primary" type="submit" busy={action.busy} disabled={!file}>{t('import.button')}</Button>
      </form>
      <ProblemBanner problem={action.problem} />
      {report && report.errors.length > 0 && (
        <div className="table-scroll" tabIndex={0}>
          <h3>{t('import.refused', { n: new Set(report.errors.map((e) => e.line)).size })}</h3>
          <table className="data">
            <thead><tr><th scope="col" className="num">{t('import.line')}</th><th scope="col">{t('import.field')}</th><th scope="col">{t('import.message')}</th></tr></thead>
            <tbody>{report.errors.map((e, n) => <tr key={n}><td className="num">{e.line}</td><td><code>{e.field}</code></td><td>{e.message}</td></tr>)}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
