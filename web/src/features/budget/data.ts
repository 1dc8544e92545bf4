import { useQuery } from '@tanstack/react-query';
import { Temporal } from 'temporal-polyfill';
import { all, call, type Schemas } from '../../api/client';
import { useApp } from '../../app/context';

export type CostCentre = Schemas['CostCentre'];
export type Category = Schemas['BudgetCategory'];
export type Budget = Schemas['Budget'];
export type Expense = Schemas['Expense'];
export type Report = Schemas['BudgetReport'];
export type Figures = Schemas['BudgetFigures'];

/** Budgets run on the organisation's calendar (Spil's demo organisation is in Amsterdam). */
export function thisMonth(zone = 'Europe/Amsterdam'): { year: number; month: number } {
  const d = Temporal.Now.plainDateISO(zone);
  return { year: d.year, month: d.month };
}

export function useCostCentres() {
  const { api } = useApp();
  return useQuery({
    queryKey: ['cost-centres'],
    queryFn: () => all<CostCentre>((cursor) => call(api.GET('/cost-centres', { params: { query: { limit: 200, cursor } } }))),
  });
}

export function useCategories() {
  const { api } = useApp();
  return useQuery({
    queryKey: ['budget-categories'],
    queryFn: () => all<Category>((cursor) => call(api.GET('/budget-categories', { params: { query: { limit: 200, cursor } } }))),
  });
}

export function useBudgets(year: number) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['budgets', year],
    queryFn: () => all<Budget>((cursor) => call(api.GET('/budgets', { params: { query: { year, limit: 200, cursor } } }))),
  });
}

/** The report is read fresh each time a screen opens: the figures move with every expense and order. */
export function useBudgetReport(year: number, month: number, costCentre?: string) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['budget-report', year, month, costCentre ?? ''],
    staleTime: 0,
    queryFn: () => call(api.GET('/reports/budget', { params: { query: { year, month, costCentre } } })),
  });
}

/** What moves when money is booked: refresh these after an expense, a correction or a budget change. */
export const BUDGET_KEYS = [['budgets'], ['expenses'], ['budget-report']] as const;
