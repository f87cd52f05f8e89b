import { MultiSelect, TagsInput, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SiteTechnician } from '../../shared/domain/site-technician';
import type { ServerUserEntry } from '../../shared/sync/user-list-wire';
import { call } from '../api/client';
import { useSync } from '../sync/sync-store';
import { useText } from '../i18n/i18n';

interface Props {
  value: readonly SiteTechnician[];
  onChange: (value: SiteTechnician[]) => void;
  error?: string;
}

const keyOf = (t: SiteTechnician) => (t.id ? t.id : `name:${t.name}`);

/**
 * A site's technicians. Signed in to a server: picked from its user list (a site names users by
 * id; two users may share a display name, so the user name is shown too). Offline or signed out:
 * names typed by hand, which grant access on the server only when a name is exactly a username.
 */
export function TechniciansField({ value, onChange, error }: Props) {
  const text = useText();
  const signedIn = useSync((s) => s.status?.account != null);
  const [users, setUsers] = useState<ServerUserEntry[] | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);

  useEffect(() => {
    if (!signedIn) return;
    let cancelled = false;
    void call('sync.serverUsers', {}).then((result) => {
      if (cancelled) return;
      if (result.ok) setUsers(result.value);
      else setUnavailable(result.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [signedIn]);

  if (users) {
    const listed = new Map(users.map((u) => [u.id, u]));
    const data = [
      ...users.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` })),
      ...value
        .filter((t) => !t.id || !listed.has(t.id))
        .map((t) => ({
          value: keyOf(t),
          label: t.id
            ? text('deployment.techniciansField.notOnTheServer', { name: t.name })
            : text('deployment.techniciansField.nameOnly', { name: t.name }),
        })),
    ];
    return (
      <MultiSelect
        label={text('deployment.techniciansField.technicians')}
        size="xs"
        placeholder={text('deployment.techniciansField.chooseFromTheServers')}
        description={text('deployment.techniciansField.eachTechnicianIsA')}
        data={data}
        value={value.map(keyOf)}
        onChange={(keys) =>
          onChange(
            keys.map((key) => {
              const user = listed.get(key);
              if (user) return { id: user.id, name: user.displayName };
              return value.find((t) => keyOf(t) === key) ?? { id: null, name: key.replace(/^name:/, '') };
            }),
          )
        }
        searchable
        error={error}
        data-testid="site-technicians"
      />
    );
  }

  return (
    <div>
      <TagsInput
        label={text('deployment.techniciansField.technicians')}
        size="xs"
        placeholder={text('deployment.techniciansField.typeANamePress')}
        value={value.map((t) => t.name)}
        onChange={(names) => onChange(names.map((name) => value.find((t) => t.name === name) ?? { id: null, name }))}
        error={error}
        data-testid="site-technicians"
      />
      <Text size="xs" c="dimmed" mt={2} data-testid="site-technicians-offline">
        {unavailable
          ? text('deployment.techniciansField.theServersUserList', { unavailable })
          : text('deployment.techniciansField.notSignedInNames')}
      </Text>
    </div>
  );
}
