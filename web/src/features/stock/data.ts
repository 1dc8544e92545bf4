import { useQuery } from '@tanstack/react-query';
import { all, call, type Schemas } from '../../api/client';
import { useApp } from '../../app/context';

export type StockItem = Schemas['StockItem'];
export type Supplier = Schemas['Supplier'];
export type PurchaseOrder = Schemas['PurchaseOrder'];

export function useStockItems(siteId: string | undefined) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['stock-items', siteId],
    enabled: !!siteId,
    queryFn: () => all<StockItem>((cursor) => call(api.GET('/stock/items', { params: { query: { siteId: siteId!, limit: 200, cursor } } }))),
  });
}

export function useLowStock(siteId: string | undefined) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['stock-low', siteId],
    enabled: !!siteId,
    queryFn: () => all<StockItem>((cursor) => call(api.GET('/stock/low', { params: { query: { siteId: siteId!, limit: 200, cursor } } }))),
  });
}

export function useSuppliers(enabled = true) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['suppliers'],
    enabled,
    queryFn: () => all<Supplier>((cursor) => call(api.GET('/suppliers', { params: { query: { limit: 200, cursor } } }))),
  });
}

export function usePurchaseOrders(siteId: string | undefined) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['purchase-orders', siteId],
    enabled: !!siteId,
    queryFn: () => all<PurchaseOrder>((cursor) => call(api.GET('/purchase-orders', { params: { query: { siteId: siteId!, limit: 200, cursor } } }))),
  });
}

export const OPEN_ORDER: readonly PurchaseOrder['status'][] = ['draft', 'sent', 'partially-received'];

/** Everything a stock change can move: refresh these after one. */
export const STOCK_KEYS = [['stock-items'], ['stock-low'], ['purchase-orders'], ['stock-item'], ['movements']] as const;
