import { create } from 'zustand';

/**
 * Data topics. A mutation bumps the topics it changed; every query that listens to one of
 * them fetches again. Simple and explicit instead of a cache library.
 */
export type Topic = 'profile' | 'deployments' | 'sites' | 'inventory' | 'checklist' | 'machines' | 'issues' | 'training';

/** The topics of the plan and field data: what a sync pull (or a sign-in's first pull) can change. */
export const SYNCED_TOPICS: readonly Topic[] = ['deployments', 'sites', 'inventory', 'checklist', 'machines', 'issues'];

interface RefreshState {
  versions: Record<Topic, number>;
  bump: (...topics: Topic[]) => void;
}

export const useRefreshStore = create<RefreshState>((set) => ({
  versions: { profile: 0, deployments: 0, sites: 0, inventory: 0, checklist: 0, machines: 0, issues: 0, training: 0 },
  bump: (...topics) =>
    set((state) => {
      const versions = { ...state.versions };
      for (const topic of topics) versions[topic] += 1;
      return { versions };
    }),
}));

export function bumpTopics(...topics: Topic[]): void {
  useRefreshStore.getState().bump(...topics);
}

/** A string that changes whenever one of the topics is bumped (stable for the selector). */
export function useTopicsVersion(topics: readonly Topic[]): string {
  return useRefreshStore((state) => topics.map((t) => state.versions[t]).join('.'));
}
