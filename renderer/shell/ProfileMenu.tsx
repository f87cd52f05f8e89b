import { Avatar, Button, Group, Menu, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell, IconChevronDown, IconUserEdit } from '@tabler/icons-react';
import { useState } from 'react';
import type { Role } from '../../shared/domain/enums';
import { runCommand } from '../api/command';
import { ProfileFields } from '../first-run/ProfileFields';
import { NotificationSettingsModal } from './NotificationSettings';
import { ROLE_LABELS, useProfile } from '../state/profile';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase() ?? '')
    .join('');
}

/** Who is working (name and role) and a way to change it. */
export function ProfileMenu() {
  const t = useText();
  const profile = useProfile((s) => s.profile);
  const setProfile = useProfile((s) => s.setProfile);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('technician');
  const [saving, setSaving] = useState(false);
  const [notificationsOpen, setNotificationsOpen] = useState(false);

  if (!profile) return null;

  function openEditor() {
    if (!profile) return;
    setName(profile.name);
    setRole(profile.role);
    setEditing(true);
  }

  async function save() {
    setSaving(true);
    const saved = await runCommand(
      'profile.set',
      { name: name.trim(), role },
      { refresh: ['profile'], success: appText('shell.profileMenu.saved') },
    );
    setSaving(false);
    if (saved) {
      setProfile(saved);
      setEditing(false);
    }
  }

  return (
    <>
      <Menu position="bottom-end" width={200}>
        <Menu.Target>
          <UnstyledButton data-testid="profile-menu" title={t('shell.profileMenu.profile')}>
            <Group gap={8} wrap="nowrap">
              <Avatar size={28} radius="xl" color="indigo">
                {initials(profile.name)}
              </Avatar>
              <div style={{ lineHeight: 1.1 }}>
                <Text size="sm" fw={600} lh={1.2} data-testid="profile-display-name">
                  {profile.name}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2}>
                  {ROLE_LABELS[profile.role]}
                </Text>
              </div>
              <IconChevronDown size={14} opacity={0.6} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconUserEdit size={14} />} onClick={openEditor}>
            {t('shell.profileMenu.changeProfile')}
          </Menu.Item>
          <Menu.Item leftSection={<IconBell size={14} />} onClick={() => setNotificationsOpen(true)} data-testid="menu-notifications">
            {t('shell.profileMenu.notifications')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('shell.profileMenu.profile')} size="sm">
        <Stack gap="sm">
          <ProfileFields name={name} role={role} onName={setName} onRole={setRole} autoFocus />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
            <Button loading={saving} disabled={name.trim() === ''} onClick={() => void save()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <NotificationSettingsModal opened={notificationsOpen} onClose={() => setNotificationsOpen(false)} />
    </>
  );
}
