import { useI18n } from '../../i18n/i18n';
import { Badge } from '../../ui/ui';
import type { Visit } from './data';

const TONE: Record<Visit['status'], 'neutral' | 'good' | 'warn' | 'bad'> = {
  expected: 'neutral', 'needs-review': 'warn', 'pending-review': 'warn', 'checked-in': 'good', 'checked-out': 'neutral',
  cancelled: 'bad', refused: 'bad',
};

export function VisitStatus({ visit }: { visit: Pick<Visit, 'status'> }) {
  const { t } = useI18n();
  return <Badge tone={TONE[visit.status]}>{t(`visitors.status.${visit.status}`)}</Badge>;
}
