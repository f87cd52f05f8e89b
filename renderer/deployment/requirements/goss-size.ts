import { API_MAX_PAYLOAD_BYTES } from '../../../shared/contract';
import { GOSS_YAML_MAX_CHARS } from '../../../shared/contract/requirements-methods';
import { appText } from '../../i18n/app-text';

const kb = (bytes: number) => appText('deployment.requirements.gossSize.kb', { kb: Math.ceil(bytes / 1024) });

/** Refuses a picked file by its size alone, before it is read. */
export function fileTooLarge(file: { name: string; size: number }): string | null {
  if (file.size <= API_MAX_PAYLOAD_BYTES) return null;
  return appText('deployment.requirements.gossSize.isOutpostAcceptsAt', {
    name: file.name,
    size: kb(file.size),
    limit: kb(API_MAX_PAYLOAD_BYTES),
  });
}

/** Why this import request would be refused for its size (checked before sending), or null. */
export function importTooLarge(input: { deploymentId: string; targetRole: string | null; yaml: string }): string | null {
  const bytes = new TextEncoder().encode(JSON.stringify(input)).length;
  if (bytes > API_MAX_PAYLOAD_BYTES) {
    return appText('deployment.requirements.gossSize.theGossFileIs', { size: kb(bytes), limit: kb(API_MAX_PAYLOAD_BYTES) });
  }
  if (input.yaml.length > GOSS_YAML_MAX_CHARS) {
    return appText('deployment.requirements.gossSize.tooManyCharacters', {
      characters: input.yaml.length.toLocaleString('en'),
      limit: GOSS_YAML_MAX_CHARS.toLocaleString('en'),
    });
  }
  return null;
}
