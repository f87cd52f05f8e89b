import { Select, TextInput } from '@mantine/core';
import type { Role } from '../../shared/domain/enums';
import { ROLE_LABELS } from '../state/profile';

const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((value) => ({ value, label: ROLE_LABELS[value] }));

interface Props {
  name: string;
  role: Role;
  onName: (name: string) => void;
  onRole: (role: Role) => void;
  nameError?: string | null;
  autoFocus?: boolean;
}

/** Name and role of the local profile (first run and "Change profile"). */
export function ProfileFields({ name, role, onName, onRole, nameError, autoFocus }: Props) {
  return (
    <>
      <TextInput
        label="Your name"
        description="Recorded with everything you receive, check and sign."
        placeholder="e.g. Dana Whitfield"
        size="sm"
        value={name}
        onChange={(e) => onName(e.currentTarget.value)}
        error={nameError}
        maxLength={120}
        autoFocus={autoFocus}
        data-autofocus={autoFocus ? true : undefined}
        data-testid="profile-name"
      />
      <Select
        label="Role"
        size="sm"
        data={ROLE_OPTIONS}
        value={role}
        onChange={(value) => value && onRole(value as Role)}
        allowDeselect={false}
        data-testid="profile-role"
      />
    </>
  );
}
