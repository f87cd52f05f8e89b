import { expect, type Page } from '@playwright/test';

/**
 * Waits until the sync status bar shows `state`. While it shows an error, the poll reports the
 * error's message too, so a wait that times out on "error" says which error it was.
 */
export async function expectSyncState(page: Page, state: string, timeout = 20_000): Promise<void> {
  const bar = page.getByTestId('sync-status');
  await expect
    .poll(
      async () => {
        if ((await bar.count()) === 0) return 'no sync status shown';
        const shown = await bar.getAttribute('data-state');
        if (shown === state) return shown;
        const details = bar.getByTestId('sync-error-details');
        return (await details.count()) === 0 ? shown : `${shown}: ${await details.getAttribute('aria-label')}`;
      },
      { timeout, message: `sync status should become "${state}"` },
    )
    .toBe(state);
}
