import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client';
import { ProblemError, toProblem } from '../../api/problem';
import { useApp } from '../../app/context';
import { translate, useI18n } from '../../i18n/i18n';
import { Button, Dialog, Field, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import type { Expense } from './data';

export const RECEIPT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const RECEIPT_MAX_BYTES = 10 * 1024 * 1024;
type ReceiptType = typeof RECEIPT_TYPES[number];

/** What is wrong with a file before it is sent (the API checks again after the upload), or null. */
export function receiptRefusal(file: { type: string; size: number }): 'receipt.wrongType' | 'receipt.tooLarge' | 'receipt.empty' | null {
  if (!(RECEIPT_TYPES as readonly string[]).includes(file.type)) return 'receipt.wrongType';
  if (file.size === 0) return 'receipt.empty';
  if (file.size > RECEIPT_MAX_BYTES) return 'receipt.tooLarge';
  return null;
}

/**
 * The receipt goes straight to storage: the API gives a pre-signed URL and the headers to send,
 * the browser PUTs the file there, and asking for the receipt afterwards makes the API check what
 * arrived (size, first bytes) before it is linked.
 */
export function ReceiptDialog({ expense, onClose, onDone }: { expense: Expense; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const action = useAction(async (f: File) => {
    const refusal = receiptRefusal(f);
    if (refusal) {
      throw localProblem('file', translate(refusal));
    }
    const upload = await call(api.POST('/expenses/{id}/receipt', {
      params: { path: { id: expense.id } }, body: { contentType: f.type as ReceiptType, size: f.size },
    }));
    let put: Response;
    try {
      put = await fetch(upload.uploadUrl, { method: upload.method, headers: upload.headers, body: f });
    } catch {
      throw localProblem('file', translate('receipt.uploadFailed'));
    }
    if (!put.ok) {
      throw localProblem('file', translate('receipt.uploadFailed'));
    }
    return call(api.GET('/expenses/{id}/receipt', { params: { path: { id: expense.id } } }));
  });
  return (
    <Dialog title={t('receipt.addFor', { name: expense.description })} open onClose={onClose}>
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        if (!file) return;
        if (await action.submit(file)) {
          void queryClient.invalidateQueries({ queryKey: ['expenses'] });
          onDone();
        }
      }}>
        <ProblemBanner problem={action.problem} shown={['file']} />
        <Field label={t('receipt.file')} name="file" problem={action.problem}>
          <input type="file" accept={RECEIPT_TYPES.join(',')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <div className="form-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button kind="primary" type="submit" busy={action.busy} disabled={!file}>{action.busy ? t('receipt.uploading') : t('receipt.upload')}</Button>
        </div>
      </form>
    </Dialog>
  );
}

/** A refusal found here, shown as the API's are: on the file field. */
function localProblem(field: string, message: string): ProblemError {
  return new ProblemError(toProblem(400, { errors: [{ field, message }] }, translate));
}

/** A 5-minute link to the checked receipt, fetched when it is opened. */
export function ReceiptLink({ expense }: { expense: Expense }) {
  const { t } = useI18n();
  const { api } = useApp();
  const action = useAction(async () => call(api.GET('/expenses/{id}/receipt', { params: { path: { id: expense.id } } })));
  return (
    <>
      <Button kind="link" busy={action.busy} aria-label={t('receipt.openFor', { name: expense.description })} onClick={async () => {
        const link = await action.submit(null);
        if (link) window.open(link.url, '_blank', 'noopener');
      }}>{t('receipt.open')}</Button>
      {action.problem && <span className="error small" role="alert">{action.problem.headline}</span>}
    </>
  );
}
