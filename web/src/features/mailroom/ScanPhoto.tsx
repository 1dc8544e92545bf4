import { useState } from 'react';
import { useApp } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { Button, Dialog, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { scanLink, type MailItem } from './data';

/** The photo (or scan) of an item behind a short-lived link: an image shown, a PDF opened. */
export function ScanPhoto({ item }: { item: MailItem }) {
  const { t } = useI18n();
  const { api } = useApp();
  const [url, setUrl] = useState<string | null>(null);
  const kind = t(`mail.kind.${item.kind}`);
  const open = useAction(async (_: null) => {
    const link = await scanLink(api, item.id);
    if (item.scan.contentType === 'application/pdf') {
      window.open(link.url, '_blank', 'noopener');
    } else {
      setUrl(link.url);
    }
    return true;
  });
  if (item.scan.status !== 'attached') {
    return null;
  }
  return (
    <>
      <Button kind="link" busy={open.busy} onClick={() => void open.submit(null)} aria-label={t('mail.mine.photoOf', { kind })}>
        {t('mail.mine.photo')}
      </Button>
      <ProblemBanner problem={open.problem} />
      {url && (
        <Dialog title={t('mail.mine.photoOf', { kind })} open onClose={() => setUrl(null)} wide>
          <img className="scan-photo" src={url} alt={t('mail.mine.photoOf', { kind })} />
        </Dialog>
      )}
    </>
  );
}
