import { Select, TextInput } from '@mantine/core';
import type { Role } from '../../shared/domain/enums';
import { ROLE_LABELS } from '../state/profile';
import { useText } from '../i18n/i18n';

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
  const t = useText();
  return (
    <>
      <TextInput
        label={t('firstRun.profileFields.yourName')}
        description={t('firstRun.profileFields.recordedWithEverythingYou')}
        placeholder={t('firstRun.profileFields.eGDanaWhitfield')}
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
        label={t('firstRun.profileFields.role')}
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
