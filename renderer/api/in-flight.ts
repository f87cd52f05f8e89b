/**
 * Runs a task unless an identical one is still running: the same change submitted twice (a
 * double click, Enter pressed twice) is sent once. The second caller gets `duplicate` back.
 */
export function createInFlightGuard() {
  const running = new Set<string>();
  return async function once<T, D>(key: string, task: () => Promise<T>, duplicate: D): Promise<T | D> {
    if (running.has(key)) return duplicate;
    running.add(key);
    try {
      return await task();
    } finally {
      running.delete(key);
    }
  };
}
