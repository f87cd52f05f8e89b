/**
 * Paths no requirement may read: password and group shadows, sudo rules, SSH private keys (and
 * anything in a `.ssh` folder but public keys, authorized_keys, known_hosts and config), TLS
 * private keys, keytabs, credential files in home folders, root's home, process memory and devices. The requirement schema refuses them (so the
 * server refuses them too), and both collectors check the path again after resolving symlinks,
 * so a link elsewhere cannot reach them. Patterns are shell `case` globs: `*` matches any text,
 * `/` included; compared without case (macOS file systems ignore it).
 */
export const SENSITIVE_PATH_GLOBS: readonly string[] = [
  '/etc/shadow',
  '/etc/shadow-',
  '/etc/gshadow',
  '/etc/gshadow-',
  '/etc/master.passwd',
  '/etc/security/opasswd',
  '/etc/sudoers',
  '/etc/sudoers.d/*',
  '/etc/ssh/ssh_host_*_key',
  '/etc/ssl/private/*',
  '/etc/pki/tls/private/*',
  '/etc/letsencrypt/live/*',
  '/etc/letsencrypt/archive/*',
  '/etc/krb5.keytab',
  '/var/lib/sss/*',
  '/root/*',
  '*/.ssh/*',
  '*/.gnupg/*',
  '*/.aws/*',
  '*/.kube/*',
  '*/.docker/config.json',
  '*/.pgpass',
  '*/.my.cnf',
  '*/.netrc',
  '*/.bash_history',
  '/proc/*/environ',
  '/proc/*/mem',
  '/proc/kcore',
  '/dev/*',
];

/** Files inside the folders above that hold nothing secret (checked first). */
export const SENSITIVE_PATH_EXCEPTIONS: readonly string[] = [
  '/home/*/.ssh/*.pub',
  '/home/*/.ssh/authorized_keys',
  '/home/*/.ssh/authorized_keys2',
  '/home/*/.ssh/known_hosts',
  '/home/*/.ssh/config',
];

const globRegex = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
const SENSITIVE = SENSITIVE_PATH_GLOBS.map(globRegex);
const EXCEPTIONS = SENSITIVE_PATH_EXCEPTIONS.map(globRegex);

/** `/etc//./shadow/` → `/etc/shadow` (the schema already refuses `..` segments). */
export function normalisePath(path: string): string {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  return `/${parts.join('/')}`;
}

/** Why a path may not be read, or null when it may. A folder that holds only such files is refused too. */
export function sensitivePathReason(path: string): string | null {
  const normal = normalisePath(path);
  if (EXCEPTIONS.some((r) => r.test(normal))) return null;
  const hit = SENSITIVE_PATH_GLOBS.find(
    (glob, i) => SENSITIVE[i]!.test(normal) || (glob.endsWith('/*') && globRegex(glob.slice(0, -2)).test(normal)),
  );
  return hit ? `${normal} holds secrets (passwords, private keys or process memory): requirements may not read it (matches ${hit})` : null;
}

const caseList = (globs: readonly string[]): string => globs.map((g) => g.replace(/[^A-Za-z0-9/*._-]/g, '')).join('|');

/**
 * The same rule as a POSIX `case` for the remote probe script, applied to the resolved path in
 * `$1`: prints nothing and returns 1 when the path may be read, returns 0 when it is refused.
 * Case-sensitive there (Linux targets).
 */
export function sensitivePathShellFunction(name: string): string {
  const folders = SENSITIVE_PATH_GLOBS.filter((g) => g.endsWith('/*')).map((g) => g.slice(0, -2));
  return `${name}() {\n  case "$1" in\n    ${caseList(SENSITIVE_PATH_EXCEPTIONS)}) return 1 ;;\n    ${caseList([...SENSITIVE_PATH_GLOBS, ...folders])}) return 0 ;;\n  esac\n  return 1\n}`;
}
