import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Loading } from '../../ui/ui';
import { codeFromScan } from './code';
import { startScanning } from './scanner';

/** The camera's picture while it looks for a check-in QR code; calls onCode once with the first one read. */
export function QrScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<'starting' | 'running' | 'failed'>('starting');
  const done = useRef(false);
  const callback = useRef(onCode);
  callback.current = onCode;

  useEffect(() => {
    let stop: (() => void) | null = null;
    let cancelled = false;
    if (!video.current || !navigator.mediaDevices?.getUserMedia) {
      setState('failed');
      return undefined;
    }
    startScanning(video.current, (text) => {
      const code = codeFromScan(text);
      if (code && !done.current) {
        done.current = true;
        stop?.();
        callback.current(code);
      }
    }).then((s) => {
      if (cancelled) s(); else { stop = s; setState('running'); }
    }).catch(() => { if (!cancelled) setState('failed'); });
    return () => { cancelled = true; stop?.(); };
  }, []);

  return (
    <div className="scanner">
      <p>{t('visitors.scan.explain')}</p>
      {state === 'starting' && <Loading label={t('visitors.scan.starting')} />}
      {state === 'failed' && <p className="problem" role="alert">{t('visitors.scan.noCamera')}</p>}
      <video ref={video} className="scanner-video" hidden={state === 'failed'} muted playsInline aria-label={t('visitors.scan.title')} />
    </div>
  );
}
