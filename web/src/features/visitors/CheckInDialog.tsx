import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useApp } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { Dialog } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { VISIT_KEYS, type Visit } from './data';
import { HouseRulesAcceptance, type Acceptance } from './HouseRulesAcceptance';

/** How reception names the visitor: a visit on today's list, or the code from the invitation. */
export type CheckInTarget = { visit: Visit } | { code: string };

/** Reception checks a visitor in: the house rules on screen (the visitor reads and accepts), then the check-in. */
export function CheckInDialog({ siteId, target, onClose, onCheckedIn }: {
  siteId: string;
  target: CheckInTarget;
  onClose: () => void;
  onCheckedIn: (visit: Visit) => void;
}) {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const action = useAction(async (houseRules: Acceptance) => ('visit' in target
    ? call(api.POST('/visits/{id}/check-in', { params: { path: { id: target.visit.id } }, body: { houseRules } }))
    : call(api.POST('/check-ins', { body: { siteId, code: target.code, houseRules } }))));
  const name = 'visit' in target ? target.visit.visitor.name : '';
  return (
    <Dialog title={name ? t('visitors.rules.checkInTitle', { name }) : t('visitors.desk.checkIn')} open onClose={onClose} wide>
      <HouseRulesAcceptance siteId={siteId} language={'visit' in target ? target.visit.visitor.language : lang}
        initialName={name} busy={action.busy} problem={action.problem} submitLabel={t('visitors.desk.checkIn')}
        onAccept={async (acceptance) => {
          const visit = await action.submit(acceptance);
          if (visit) {
            VISIT_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }));
            onCheckedIn(visit);
          }
        }} />
    </Dialog>
  );
}
