/**
 * Which inventory variables are secrets: never imported, never kept in memory past parsing, only
 * named in the preview as skipped. Outpost keeps sign-in secrets in the device secret store only.
 */
const SECRET_NAMES = new Set([
  'ansible_password',
  'ansible_ssh_pass',
  'ansible_become_pass',
  'ansible_become_password',
  'ansible_sudo_pass',
  'ansible_ssh_private_key_passphrase',
]);
const SECRET_SUFFIXES = ['_pass', '_password', '_passwd', '_passphrase', '_secret', '_token'];

export function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_NAMES.has(lower) || lower === 'password' || SECRET_SUFFIXES.some((s) => lower.endsWith(s));
}

/** An Ansible Vault value: `!vault` text, `$ANSIBLE_VAULT;…`, or ansible-inventory's `{ "__ansible_vault": … }`. */
export function isVaultValue(value: unknown): boolean {
  if (typeof value === 'string') return value.trimStart().startsWith('!vault') || value.includes('$ANSIBLE_VAULT');
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '__ansible_vault' in value;
}

export type SecretReason = 'secret name' | 'vault value';

export function secretReason(name: string, value: unknown): SecretReason | null {
  if (isSecretName(name)) return 'secret name';
  if (isVaultValue(value)) return 'vault value';
  return null;
}

const SECRET_ASSIGNMENT = /(\b[\w.-]*(?:password|passwd|passphrase|secret|token|_pass)\b['"]?\s*[=:]\s*)('[^']*'?|"[^"]*"?|\S+)/gi;
const VAULT_TEXT = /\$ANSIBLE_VAULT[^\s'"]*/g;

/**
 * Text that may quote inventory lines (ansible-inventory's error output) with secret values
 * replaced: `ansible_password=…` and vault blobs are never shown.
 */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_ASSIGNMENT, '$1[hidden]').replace(VAULT_TEXT, '[vault value hidden]');
}
