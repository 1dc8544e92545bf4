import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp, type Site } from '../../app/context';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { textOrUndefined, useFields } from '../../ui/forms';
import { Button, Empty, Field, Loading, Notice, PageHeader, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';

/** What the office manager keeps per site beyond its hours: the visitors' house rules and where orders are charged. */
export default function SiteSettingsPage() {
  const { t } = useI18n();
  const { site } = useApp();
  return (
    <>
      <PageHeader title={t('siteSettings.title')} />
      {site ? <p className="muted lead">{t('home.site', { site: site.name })}</p> : <Empty>{t('siteSettings.noSite')}</Empty>}
      {site && (
        <>
          <HouseRulesCard key={`rules-${site.id}`} site={site} />
          <PurchasingCard key={`purchasing-${site.id}`} site={site} />
        </>
      )}
    </>
  );
}

function HouseRulesCard({ site }: { site: Site }) {
  const { t } = useI18n();
  const { api } = useApp();
  const rules = useQuery({
    queryKey: ['house-rules', site.id],
    queryFn: () => call(api.GET('/sites/{id}/house-rules', { params: { path: { id: site.id } } })),
  });
  return (
    <section className="card" aria-labelledby="rules-title">
      <div className="section-head">
        <h2 id="rules-title">{t('houseRules.title')}</h2>
        {rules.data && rules.data.version > 0 && (
          <span className="muted small">{t('houseRules.version', { n: rules.data.version })}
            {rules.data.updatedAt ? ` · ${formatDateTime(rules.data.updatedAt, site.timeZone)}` : ''}</span>
        )}
      </div>
      <p className="muted">{t('houseRules.explain')}</p>
      {rules.isPending && <Loading />}
      {rules.error instanceof ProblemError && <ProblemBanner problem={rules.error.problem} />}
      {rules.data && <HouseRulesForm key={rules.data.version} site={site} rules={rules.data} />}
    </section>
  );
}

function HouseRulesForm({ site, rules }: { site: Site; rules: Schemas['HouseRules'] }) {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const f = useFields({ nl: rules.texts.nl ?? '', en: rules.texts.en ?? '' });
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction(async (body: Schemas['HouseRulesInput']) =>
    call(api.PUT('/sites/{id}/house-rules', { params: { path: { id: site.id } }, body })));
  return (
    <form noValidate onSubmit={async (e) => {
      e.preventDefault();
      setNotice(null);
      const out = await action.submit({ version: rules.version, texts: { nl: f.values.nl, en: f.values.en } });
      if (out) {
        // the notice outlives this form, which is keyed by the version it edits
        queryClient.setQueryData(['house-rules', site.id], out);
        setNotice(t('houseRules.saved', { n: out.version }));
      }
    }}>
      {notice && <Notice>{notice}</Notice>}
      {rules.version === 0 && <Empty>{t('houseRules.none')}</Empty>}
      <ProblemBanner problem={action.problem} shown={['texts.nl', 'texts.en']} />
      <Field label={t('houseRules.nl')} name="texts.nl" problem={action.problem}>
        <textarea {...f.bind('nl')} rows={6} maxLength={20000} />
      </Field>
      <Field label={t('houseRules.en')} name="texts.en" problem={action.problem}>
        <textarea {...f.bind('en')} rows={6} maxLength={20000} />
      </Field>
      <div className="form-actions">
        <Button kind="primary" type="submit" busy={action.busy}>{t('common.save')}</Button>
      </div>
    </form>
  );
}

function PurchasingCard({ site }: { site: Site }) {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const defaults = useQuery({
    queryKey: ['purchasing', site.id],
    // 404: nothing set yet, which this card says in words
    queryFn: () => call(api.GET('/stock/sites/{siteId}/purchasing', { params: { path: { siteId: site.id } } }))
      .catch((e: unknown) => {
        if (e instanceof ProblemError && e.problem.status === 404) return null;
        throw e;
      }),
  });
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction(async (body: { costCentre: string; category?: string }) =>
    call(api.PUT('/stock/sites/{siteId}/purchasing', { params: { path: { siteId: site.id } }, body })));
  return (
    <section className="card" aria-labelledby="purchasing-title">
      <h2 id="purchasing-title">{t('purchasing.title')}</h2>
      <p className="muted">{t('purchasing.explain')}</p>
      {notice && <Notice>{notice}</Notice>}
      {defaults.isPending && <Loading />}
      {defaults.error instanceof ProblemError && <ProblemBanner problem={defaults.error.problem} />}
      {defaults.data === null && <Notice kind="info">{t('purchasing.notSet')}</Notice>}
      {defaults.data !== undefined && (
        <PurchasingForm key={defaults.data?.updatedAt ?? 'none'} initial={defaults.data} busy={action.busy} problem={action.problem}
          onSubmit={async (costCentre, category) => {
            setNotice(null);
            const out = await action.submit({ costCentre, category });
            if (out) {
              queryClient.setQueryData(['purchasing', site.id], out);
              setNotice(t('purchasing.saved', { site: site.name, costCentre: out.costCentre, category: out.category }));
            }
          }} />
      )}
    </section>
  );
}

function PurchasingForm({ initial, busy, problem, onSubmit }: {
  initial: Schemas['PurchasingDefaults'] | null;
  busy: boolean;
  problem: ReturnType<typeof useAction>['problem'];
  onSubmit: (costCentre: string, category?: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const f = useFields({ costCentre: initial?.costCentre ?? '', category: initial?.category ?? '' });
  return (
    <form noValidate onSubmit={(e) => {
      e.preventDefault();
      void onSubmit(f.values.costCentre.trim(), textOrUndefined(f.values.category));
    }}>
      <ProblemBanner problem={problem} shown={['costCentre', 'category']} />
      <div className="filter-row">
        <Field label={t('purchasing.costCentre')} name="costCentre" problem={problem}>
          <input {...f.bind('costCentre')} maxLength={40} required autoComplete="off" />
        </Field>
        <Field label={t('purchasing.category')} name="category" problem={problem}>
          <input {...f.bind('category')} maxLength={40} autoComplete="off" placeholder="office-supplies" />
        </Field>
      </div>
      <div className="form-actions">
        <Button kind="primary" type="submit" busy={busy}>{t('common.save')}</Button>
      </div>
    </form>
  );
}
