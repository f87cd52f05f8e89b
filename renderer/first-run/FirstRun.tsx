import { Button, Center, Divider, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingBroadcastTower, IconChecklist, IconCloudOff, IconScan } from '@tabler/icons-react';
import { useState } from 'react';
import type { Role } from '../../shared/domain/enums';
import { runCommand } from '../api/command';
import { useNavigation } from '../state/navigation';
import { useProfile } from '../state/profile';
import { SignInModal } from '../sync/SignInModal';
import { useSync } from '../sync/sync-store';
import { ThemeToggle } from '../theme/ThemeToggle';
import { ProfileFields } from './ProfileFields';
import { appText } from '../i18n/app-text';
import { useText } from '../i18n/i18n';

type Busy = null | 'sample' | 'empty';

const POINTS = [
  {
    icon: <IconScan size={15} />,
    color: 'teal',
    get text() {
      return appText('firstRun.points.receive');
    },
  },
  {
    icon: <IconChecklist size={15} />,
    color: 'indigo',
    get text() {
      return appText('firstRun.points.checklist');
    },
  },
  {
    icon: <IconCloudOff size={15} />,
    color: 'gray',
    get text() {
      return appText('firstRun.points.offline');
    },
  },
];

/** Shown until a local profile exists: what Outpost is, who you are, where to start. */
export function FirstRun() {
  const t = useText();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('technician');
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const setProfile = useProfile((s) => s.setProfile);
  const selectDeployment = useNavigation((s) => s.selectDeployment);
  const openSyncDialog = useSync((s) => s.openDialog);

  async function start(kind: Exclude<Busy, null>) {
    if (name.trim() === '') {
      setNameError('Enter your name: it is recorded with your work');
      return;
    }
    setBusy(kind);
    const profile = await runCommand('profile.set', { name: name.trim(), role }, { refresh: ['profile'] });
    if (!profile) {
      setBusy(null);
      return;
    }
    if (kind === 'sample') {
      const sample = await runCommand('sample.open', {}, { refresh: ['deployments', 'sites'] });
      if (sample) selectDeployment(sample.deploymentId);
    }
    setBusy(null);
    setProfile(profile);
  }

  return (
    <Center mih="100%" p="lg">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={560} data-testid="first-run">
        <Stack gap="lg">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon size={40} radius="md" variant="light">
                <IconBuildingBroadcastTower size={24} />
              </ThemeIcon>
              <div>
                <Title order={2}>{t('firstRun.firstRun.welcomeToOutpost')}</Title>
                <Text size="sm" c="dimmed">
                  {t('firstRun.firstRun.onSiteDeploymentsDone')}
                </Text>
              </div>
            </Group>
            <ThemeToggle />
          </Group>

          <Stack gap={8}>
            {POINTS.map((p) => (
              <Group key={p.text} gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon size={24} variant="light" color={p.color} style={{ flex: 'none' }}>
                  {p.icon}
                </ThemeIcon>
                <Text size="sm" lh={1.45}>
                  {p.text}
                </Text>
              </Group>
            ))}
          </Stack>

          <Divider />

          <Stack gap="sm">
            <ProfileFields
              name={name}
              role={role}
              onName={(value) => {
                setName(value);
                if (nameError) setNameError(null);
              }}
              onRole={setRole}
              nameError={nameError}
              autoFocus
            />
          </Stack>

          <Group justify="flex-end" gap="sm">
            <Button
              size="sm"
              variant="default"
              loading={busy === 'empty'}
              disabled={busy !== null}
              onClick={() => void start('empty')}
              data-testid="start-empty"
            >
              {t('firstRun.firstRun.startEmpty')}
            </Button>
            <Button
              size="sm"
              loading={busy === 'sample'}
              disabled={busy !== null}
              onClick={() => void start('sample')}
              data-testid="open-sample"
            >
              {t('firstRun.firstRun.openSampleDeployment')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed" ta="right" mt={-8}>
            {t('firstRun.firstRun.theSampleIsA')}
          </Text>
          <Divider label={t('firstRun.firstRun.or')} labelPosition="center" />
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm" c="dimmed">
              {t('firstRun.firstRun.yourTeamHasA')}
            </Text>
            <Button
              size="sm"
              variant="light"
              style={{ flex: 'none' }}
              disabled={busy !== null}
              onClick={() => openSyncDialog('signIn')}
              data-testid="first-run-sign-in"
            >
              {t('firstRun.firstRun.signInToA')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <SignInModal />
    </Center>
  );
}
