import { create } from 'zustand';
import type { ReceiveResult } from '../../shared/domain/inventory';

export const SCAN_LOG_LIMIT = 50;

export interface ScanEntry {
  id: number;
  at: string;
  serial: string;
  result: ReceiveResult | null;
  /** Set when the call itself failed (validation, host unreachable...). */
  error: string | null;
  /** Set once the unknown serial was recorded as surplus. */
  recordedSurplus?: boolean;
}

interface ScanLogState {
  bySite: Record<string, ScanEntry[]>;
  add: (siteId: string, entry: Omit<ScanEntry, 'id' | 'at'>) => ScanEntry;
  markSurplus: (siteId: string, entryId: number) => void;
  clear: (siteId: string) => void;
}

let nextId = 1;

/** Scans of this session, newest first, per site (kept when switching tabs or sites). */
export const useScanLog = create<ScanLogState>((set) => ({
  bySite: {},
  add: (siteId, partial) => {
    const entry: ScanEntry = { ...partial, id: nextId++, at: new Date().toISOString() };
    set((s) => ({ bySite: { ...s.bySite, [siteId]: [entry, ...(s.bySite[siteId] ?? [])].slice(0, SCAN_LOG_LIMIT) } }));
    return entry;
  },
  markSurplus: (siteId, entryId) =>
    set((s) => ({
      bySite: {
        ...s.bySite,
        [siteId]: (s.bySite[siteId] ?? []).map((e) => (e.id === entryId ? { ...e, recordedSurplus: true } : e)),
      },
    })),
  clear: (siteId) => set((s) => ({ bySite: { ...s.bySite, [siteId]: [] } })),
}));
