import { useEffect, useRef } from 'react';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import { formatMoney } from '../../i18n/format';
import { locale, useI18n } from '../../i18n/i18n';
import type { Report } from './data';
import { chartSeries } from './chartSeries';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

const COLOURS = { budget: '#9fb7b4', actual: '#1f5f5b', committed: '#d89b2b', forecast: '#b3261e', phasing: '#3b3f8f' };

/**
 * Per category: the year's budget beside what is spent (actual, with the open orders' commitment
 * stacked on it), and the two forecasts for the year end as markers. Loaded only with the report; the
 * table under it has the same figures for anyone who does not see the chart.
 */
export default function BudgetChart({ report }: { report: Report['costCentres'][number] }) {
  const { t, lang } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const s = chartSeries(report);
    const wholeEuros = new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    const chart = new Chart(canvas.current!, {
      type: 'bar',
      data: {
        labels: s.labels,
        datasets: [
          { type: 'bar', label: t('report.budgetYear'), data: s.budgetYear, backgroundColor: COLOURS.budget, stack: 'budget' },
          { type: 'bar', label: t('report.actual'), data: s.actual, backgroundColor: COLOURS.actual, stack: 'spent' },
          { type: 'bar', label: t('report.committed'), data: s.committed, backgroundColor: COLOURS.committed, stack: 'spent' },
          { type: 'line', label: t('report.forecastRunRate'), data: s.forecastRunRate, borderColor: COLOURS.forecast,
            backgroundColor: COLOURS.forecast, showLine: false, pointStyle: 'rectRot', pointRadius: 7, pointHoverRadius: 8 },
          { type: 'line', label: t('report.forecastPhasing'), data: s.forecastPhasing, borderColor: COLOURS.phasing,
            backgroundColor: COLOURS.phasing, showLine: false, pointStyle: 'circle', pointRadius: 5, pointHoverRadius: 6 },
        ],
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: {
          x: { stacked: true },
          y: { stacked: false, beginAtZero: true, ticks: { callback: (v) => wholeEuros.format(Number(v)) } },
        },
        plugins: {
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatMoney({ amountCents: Math.round(Number(c.raw) * 100), currency: 'EUR' }, lang)}` } },
        },
      },
    });
    return () => chart.destroy();
  });
  return (
    <div className="budget-chart">
      <canvas ref={canvas} role="img" aria-label={t('report.chart', { name: `${report.code} · ${report.name}` })} />
    </div>
  );
}
