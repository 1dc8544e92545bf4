import { useEffect, useRef } from 'react';
import {
  CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import type { Schemas } from '../../api/client';
import { formatDay, formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Legend);

type Price = NonNullable<Schemas['StockItem']['priceHistory']>[number];

const COLOURS = ['#1f5f5b', '#c2410c', '#6d28d9', '#0e7490'];

/** Price per supplier over time (Chart.js, loaded only with this screen); a table gives the same figures. */
export default function PriceChart({ history, supplierName }: { history: Price[]; supplierName: (id: string) => string }) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const suppliers = [...new Set(history.map((p) => p.supplierId))];
  const labels = history.map((p) => formatDay(p.at, 'Europe/Amsterdam'));
  useEffect(() => {
    const chart = new Chart(canvas.current!, {
      type: 'line',
      data: {
        labels,
        datasets: suppliers.map((s, n) => ({
          label: s === '-' ? t('stock.noSupplier') : supplierName(s),
          data: history.map((p) => (p.supplierId === s ? p.unitPrice.amountCents / 100 : null)),
          borderColor: COLOURS[n % COLOURS.length],
          backgroundColor: COLOURS[n % COLOURS.length],
          spanGaps: true,
        })),
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } },
    });
    return () => chart.destroy();
  });
  return (
    <>
      <div className="chart-box"><canvas ref={canvas} role="img" aria-label={t('stock.priceHistory')} /></div>
      <details>
        <summary>{t('common.asTable')}</summary>
        <table className="data">
          <tbody>
            {history.map((p) => (
              <tr key={`${p.at}-${p.source}`}><td>{formatDay(p.at, 'Europe/Amsterdam')}</td><td>{supplierName(p.supplierId)}</td>
                <td className="num">{formatMoney(p.unitPrice)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
