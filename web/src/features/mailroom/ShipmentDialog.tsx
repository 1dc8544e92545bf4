import { call, type Schemas } from '../../api/client';
import { useApp } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { useFields } from '../../ui/forms';
import { Dialog, Field, ProblemBanner, SaveCancel } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { CARRIERS, recipientName, type Carrier, type MailItem } from './data';

export type Shipment = 'forwarded' | 'returned';

/**
 * An item leaves the building: forwarded to its recipient, or back to its sender, with the
 * carrier and the tracking number (checked by the API against the carrier's format).
 */
export function ShipmentDialog({ item, how, onClose, onDone }: {
  item: MailItem;
  how: Shipment;
  onClose: () => void;
  onDone: (item: MailItem) => void;
}) {
  const { t } = useI18n();
  const { api } = useApp();
  const f = useFields({ carrier: 'postnl' as Carrier, trackingNumber: '' });
  const action = useAction(async (body: Schemas['ShipmentInput']) => {
    const params = { path: { id: item.id } };
    return call(how === 'forwarded' ? api.POST('/mail/{id}/forwarded', { params, body }) : api.POST('/mail/{id}/return', { params, body }));
  });
  const name = recipientName(item, t('mail.desk.left'));
  const kind = t(`mail.kind.${item.kind}`);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const out = await action.submit({ carrier: f.values.carrier, trackingNumber: f.values.trackingNumber.trim() });
    if (out) onDone(out);
  }
  const p = action.problem;
  return (
    <Dialog title={t(how === 'forwarded' ? 'mail.out.forwardedTitle' : 'mail.out.returnedTitle', { kind, name })} open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p className="muted">{t(how === 'forwarded' ? 'mail.out.forwardedExplain' : 'mail.out.returnedExplain')}</p>
        <ProblemBanner problem={p} shown={['carrier', 'trackingNumber']} />
        <div className="filter-row">
          <Field label={t('mail.desk.carrier')} name="carrier" problem={p}>
            <select {...f.bind('carrier')}>{CARRIERS.map((c) => <option key={c} value={c}>{t(`mail.carrier.${c}`)}</option>)}</select>
          </Field>
          <Field label={t('mail.desk.tracking')} name="trackingNumber" problem={p}>
            <input {...f.bind('trackingNumber')} maxLength={60} autoComplete="off" spellCheck={false} required />
          </Field>
        </div>
        <SaveCancel onCancel={onClose} busy={action.busy} label={t(how === 'forwarded' ? 'mail.out.markForwarded' : 'mail.out.markReturned')} />
      </form>
    </Dialog>
  );
}
