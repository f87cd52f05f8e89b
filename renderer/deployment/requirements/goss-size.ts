import { API_MAX_PAYLOAD_BYTES } from '../../../shared/contract';
import { GOSS_YAML_MAX_CHARS } from '../../../shared/contract/requirements-methods';

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/** Refuses a picked file by its size alone, before it is read. */
export function fileTooLarge(file: { name: string; size: number }): string | null {
  if (file.size <= API_MAX_PAYLOAD_BYTES) return null;
  return `${file.name} is ${kb(file.size)}: Outpost accepts at most ${kb(API_MAX_PAYLOAD_BYTES)} per request. Split the Goss file (one file per role or section) and import the parts one by one.`;
}

/** Why this import request would be refused for its size (checked before sending), or null. */
export function importTooLarge(input: { deploymentId: string; targetRole: string | null; yaml: string }): string | null {
  const bytes = new TextEncoder().encode(JSON.stringify(input)).length;
  if (bytes > API_MAX_PAYLOAD_BYTES) {
    return `The Goss file is ${kb(bytes)} once encoded: Outpost accepts at most ${kb(API_MAX_PAYLOAD_BYTES)} per request. Split the file and import the parts one by one.`;
  }
  if (input.yaml.length > GOSS_YAML_MAX_CHARS) {
    return `The Goss file has ${input.yaml.length.toLocaleString('en')} characters: at most ${GOSS_YAML_MAX_CHARS.toLocaleString('en')} can be imported at once. Split the file and import the parts one by one.`;
  }
  return null;
}
