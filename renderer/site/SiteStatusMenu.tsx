import { Button, Menu } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { siteStatusSchema, type SiteStatus } from '../../shared/domain/enums';
import { runCommand } from '../api/command';
import { SITE_STATUS } from '../status/labels';
import { RollbackModal } from './issues/RollbackModal';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

/** Change the site status (planned → ready → in progress → blocked → deployed → signed off, or rolled back). */
export function SiteStatusMenu({ siteId, status }: { siteId: string; status: SiteStatus }) {
  const t = useText();
  const [saving, setSaving] = useState(false);
  const [rollingBack, setRollingBack] = useState(false);

  async function set(next: SiteStatus) {
    if (next === status) return;
    setSaving(true);
    await runCommand(
      'sites.setStatus',
      { siteId, status: next },
      { refresh: ['sites', 'deployments'], success: appText('site.siteStatusMenu.statusSet', { status: SITE_STATUS[next].label }) },
    );
    setSaving(false);
  }

  return (
    <>
      <Menu position="bottom-start" width={200} shadow="md">
        <Menu.Target>
          <Button variant="default" size="xs" rightSection={<IconChevronDown size={14} />} loading={saving} data-testid="status-menu">
            {t('site.siteStatusMenu.setStatus')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {siteStatusSchema.options
            .filter((s) => (s !== 'rolled_back' && s !== 'signed_off') || status === s)
            .map((s) => (
              <Menu.Item
                key={s}
                onClick={() => void set(s)}
                leftSection={
                  <span
                    style={{
                      display: 'inline-block',
                      width: 10,
                      height: 10,
                      borderRadius: 2,
                      background: `var(--mantine-color-${SITE_STATUS[s].color}-filled)`,
                    }}
                  />
                }
                rightSection={s === status ? <IconCheck size={14} /> : null}
                data-testid={`set-status-${s}`}
              >
                {SITE_STATUS[s].label}
              </Menu.Item>
            ))}
          {status !== 'rolled_back' && (
            <>
              <Menu.Divider />
              <Menu.Item
                color="orange"
                leftSection={<IconArrowBackUp size={14} />}
                onClick={() => setRollingBack(true)}
                data-testid="rollback-site"
              >
                {t('site.siteStatusMenu.rollBack')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <RollbackModal siteId={siteId} opened={rollingBack} onClose={() => setRollingBack(false)} />
    </>
  );
}
