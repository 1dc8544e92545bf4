import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { numberOrUndefined, useFields } from '../../ui/forms';
import { Button, Empty, Field, Loading, Notice, PageHeader, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { useMailSettings, type MailSettings } from './data';
import './mailroom.css';

type Input = Schemas['MailSettingsInput'];
const DAYS = ['firstReminderDays', 'secondReminderDays', 'returnAfterDays', 'keepDays'] as const;

/** The office manager sets per site when recipients are reminded, when post goes back, how long the record is kept. */
export default function MailSettingsPage() {
  const { t } = useI18n();
  const { site } = useApp();
  const settings = useMailSettings(site?.id);
  if (!site) {
    return <Empty>{t('app.noSite')}</Empty>;
  }
  return (
    <>
      <PageHeader title={t('mail.settings.title')} />
      <p className="muted lead">{t('home.site', { site: site.name })}</p>
      <section className="card" aria-labelledby="mail-days">
        <h2 id="mail-days">{t('mail.settings.days')}</h2>
        <p className="muted">{t('mail.settings.explain')}</p>
        {settings.isPending && <Loading />}
        {settings.error instanceof ProblemError && <ProblemBanner problem={settings.error.problem} />}
        {settings.data && <MailSettingsForm key={site.id} siteId={site.id} settings={settings.data} />}
      </section>
    </>
  );
}

function MailSettingsForm({ siteId, settings }: { siteId: string; settings: MailSettings }) {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const f = useFields(Object.fromEntries(DAYS.map((d) => [d, String(settings[d])])) as Record<typeof DAYS[number], string>);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction(async (body: Input) => call(api.PUT('/mail/settings/{siteId}', { params: { path: { siteId } }, body })));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setNotice(null);
    // an empty field is left out: the API names it as required
    const body = Object.fromEntries(DAYS.map((d) => [d, numberOrUndefined(f.values[d])])) as unknown as Input;
    const out = await action.submit(body);
    if (out) {
      queryClient.setQueryData(['mail-settings', siteId], out);
      setNotice(t('mail.settings.saved'));
    }
  }
  return (
    <form className="days-form" onSubmit={submit} noValidate>
      {notice && <Notice>{notice}</Notice>}
      <ProblemBanner problem={action.problem} shown={DAYS} />
      {DAYS.map((d) => (
        <Field key={d} label={t(`mail.settings.${d}`)} name={d} problem={action.problem} hint={t(`mail.settings.${d}Hint`)}>
          <input type="number" inputMode="numeric" min={1} max={365} {...f.bind(d)} required />
        </Field>
      ))}
      <div className="form-actions">
        <Button kind="primary" type="submit" busy={action.busy}>{t('common.save')}</Button>
      </div>
    </form>
  );
}
