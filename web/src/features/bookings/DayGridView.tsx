import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n';
import { minutesOf } from './time';
import type { DayGrid, GridRow } from './dayGrid';
import type { Selection } from './BookPage';

/**
 * The day grid: a row per resource, a column per quarter hour. Free quarters are buttons (a click
 * picks a start, a later click on the row stretches the selection); taken ones say by what.
 */
export function DayGridView({ grid, selection, onSelect }: {
  grid: DayGrid;
  selection: Selection | null;
  onSelect: (row: GridRow, time: string) => void;
}) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  // open at the first hour anything can still be booked, not at midnight
  const firstOpen = Math.max(0, Math.min(...grid.rows.map((r) => {
    const i = r.cells.findIndex((c) => c.state !== 'past' && c.state !== 'closed');
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  })));
  useEffect(() => {
    const el = scroller.current;
    if (el && Number.isFinite(firstOpen) && firstOpen < Number.MAX_SAFE_INTEGER) {
      const cell = el.querySelectorAll('tbody tr:first-child td')[Math.max(0, firstOpen - (firstOpen % 4))] as HTMLElement | undefined;
      const name = el.querySelector('tbody th') as HTMLElement | null;
      if (cell) {
        el.scrollLeft = Math.max(0, cell.offsetLeft - (name?.offsetWidth ?? 0));
      }
    }
  }, [firstOpen, grid.rows.length]);
  const hours = grid.slots.filter((s) => s.endsWith(':00') || s === grid.slots[0]);
  const selected = (row: GridRow, time: string) => !!selection && selection.resourceId === row.resource.id
    && minutesOf(time) >= minutesOf(selection.start) && minutesOf(time) < minutesOf(selection.end);
  return (
    <div className="grid-scroll" ref={scroller}>
      <table className="day-grid">
        <caption className="visually-hidden">{t('grid.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="grid-name">{t('grid.resource')}</th>
            {hours.map((h) => {
              const span = grid.slots.filter((s) => s.slice(0, 2) === h.slice(0, 2)).length;
              return <th key={h} scope="col" colSpan={span} className="grid-hour">{h.slice(0, 2)}</th>;
            })}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.resource.id}>
              <th scope="row" className="grid-name">
                {row.resource.name}
                <span className="muted small"> · {row.resource.capacity}</span>
              </th>
              {row.cells.map((c) => {
                const cls = `cell cell-${c.state}${selected(row, c.time) ? ' cell-selected' : ''}${c.time.endsWith(':00') ? ' cell-hour' : ''}`;
                if (c.state === 'free') {
                  return (
                    <td key={c.time} className={cls}>
                      <button type="button" aria-label={t('grid.free', { name: row.resource.name, time: c.time })}
                        aria-pressed={selected(row, c.time)} onClick={() => onSelect(row, c.time)} />
                    </td>
                  );
                }
                const label = c.state === 'mine' ? t('grid.mine', { title: c.title ?? '' })
                  : c.state === 'busy' ? t('grid.busy') : c.state === 'past' ? t('grid.past') : t('grid.closed');
                return <td key={c.time} className={cls} title={`${c.time} ${label}`} />;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="legend" aria-label={t('grid.legend')}>
        <li><span className="swatch cell-free" aria-hidden="true" />{t('grid.legendFree')}</li>
        <li><span className="swatch cell-busy" aria-hidden="true" />{t('grid.legendBusy')}</li>
        <li><span className="swatch cell-mine" aria-hidden="true" />{t('grid.legendMine')}</li>
        <li><span className="swatch cell-selected" aria-hidden="true" />{t('grid.legendSelected')}</li>
      </ul>
    </div>
  );
}
