import type { Facts } from '../facts';
import type { RequirementParams } from '../requirement-kinds';
import { formatConstraint, parseVersionConstraint, satisfiesConstraint } from '../versions/version-constraint';
import { judge, missingFact, unreadableFact, verdict, type EvaluatorInput, type Verdict } from './verdict';

type PackageFact = Facts['packages'][number];

function findPackages(packages: readonly PackageFact[], name: string): PackageFact[] {
  const exact = packages.filter((p) => p.name === name || (p.arch !== null && `${p.name}:${p.arch}` === name));
  return exact.length > 0 ? exact : packages.filter((p) => p.name.toLowerCase() === name.toLowerCase());
}

export function evaluatePackage(p: RequirementParams<'package'>, { facts }: EvaluatorInput): Verdict {
  const expected = p.installed ? `${p.name} installed${p.version ? ` at ${p.version}` : ''}` : `${p.name} not installed`;
  if (facts.packages.length === 0) return missingFact(facts, ['packages'], expected, 'the installed packages');
  const found = findPackages(facts.packages, p.name);
  const actual =
    found.length === 0
      ? 'not installed'
      : found.map((f) => `${f.name} ${f.version}${f.arch ? ` (${f.arch})` : ''} [${f.manager}]`).join(', ');
  if (!p.installed) return judge(expected, actual, found.length === 0 ? [] : [`${p.name} is installed`]);
  if (found.length === 0) return judge(expected, actual, [`${p.name} is not installed`]);
  if (!p.version) return judge(expected, actual, []);
  const constraint = parseVersionConstraint(p.version);
  if (!constraint.ok) return verdict('error', expected, actual, `Invalid version constraint: ${constraint.reason}`);
  const ok = found.some((f) => satisfiesConstraint(f.version, constraint.clauses, f.manager));
  const ordering = [...new Set(found.map((f) => (f.manager === 'rpm' ? 'RPM' : 'Debian')))].join('/');
  return judge(
    expected,
    actual,
    ok ? [] : [`${found.map((f) => f.version).join(', ')} is not ${formatConstraint(constraint.clauses)} (${ordering} version order)`],
  );
}

/** systemd unit names with or without `.service`. */
const unitKey = (name: string): string => name.replace(/\.service$/, '').toLowerCase();

export function evaluateService(p: RequirementParams<'service'>, { facts }: EvaluatorInput): Verdict {
  const wanted = [p.active ? 'running' : 'not running', p.enabled === undefined ? null : p.enabled ? 'enabled' : 'not enabled']
    .filter(Boolean)
    .join(' and ');
  const expected = `service ${p.name} ${wanted}`;
  if (facts.services.length === 0) return missingFact(facts, ['services'], expected, 'the services');
  // By its name, else by a systemd alias (Debian's `sshd` is an alias of `ssh`).
  const service =
    facts.services.find((s) => unitKey(s.name) === unitKey(p.name)) ??
    facts.services.find((s) => (s.aliases ?? []).some((a) => unitKey(a) === unitKey(p.name)));
  if (!service) {
    const ok = !p.active && p.enabled !== true;
    return judge(expected, 'no such service', ok ? [] : [`service ${p.name} does not exist`]);
  }
  const enabledText = service.enabled === null ? 'enabled state unknown' : service.enabled ? 'enabled' : 'not enabled';
  const actual = `${service.active ? 'running' : 'not running'} (${service.state}), ${enabledText}`;
  const problems: string[] = [];
  if (service.active !== p.active) problems.push(service.active ? `${p.name} is running` : `${p.name} is not running (${service.state})`);
  if (p.enabled !== undefined) {
    if (service.enabled === null) {
      const reason = unreadableFact(facts, 'services.enabled');
      return verdict('error', expected, actual, `Could not tell whether ${p.name} is enabled${reason ? `: ${reason.reason}` : ''}`);
    }
    if (service.enabled !== p.enabled) problems.push(service.enabled ? `${p.name} is enabled` : `${p.name} is not enabled`);
  }
  return judge(expected, actual, problems);
}

const WILDCARDS = new Set(['0.0.0.0', '::', '*', '']);
const addressKey = (address: string): string =>
  address
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase();

/**
 * A port matches its protocol exactly, except that a TCP/UDP (IPv4) requirement also accepts an
 * IPv6 wildcard socket, which Linux makes dual-stack by default (`[::]:22` also answers on IPv4).
 */
function matchesProtocol(wanted: string, actual: string, address: string): boolean {
  if (wanted === actual) return true;
  return `${wanted}6` === actual && addressKey(address) === '::';
}

function matchesAddress(wanted: string | undefined, actual: string): boolean {
  if (wanted === undefined) return true;
  const w = addressKey(wanted);
  const a = addressKey(actual);
  return w === a || (WILDCARDS.has(w) && WILDCARDS.has(a));
}

export function evaluatePort(p: RequirementParams<'port'>, { facts }: EvaluatorInput): Verdict {
  const where = p.address ? ` on ${p.address}` : '';
  const expected = `${p.protocol} port ${p.port}${where} ${p.listening ? 'listening' : 'not listening'}`;
  if (facts.ports.length === 0 && facts.unreadable.some((u) => u.fact.toLowerCase().startsWith('ports'))) {
    return missingFact(facts, ['ports'], expected, 'the listening ports');
  }
  const onPort = facts.ports.filter((s) => s.port === p.port);
  const matching = onPort.filter((s) => matchesProtocol(p.protocol, s.protocol, s.address) && matchesAddress(p.address, s.address));
  const describe = (list: typeof onPort) =>
    list.map((s) => `${s.protocol} ${s.address}:${s.port}${s.process ? ` (${s.process})` : ''}`).join(', ');
  const actual = onPort.length === 0 ? `nothing listening on port ${p.port}` : describe(onPort);
  if (p.listening)
    return judge(expected, actual, matching.length > 0 ? [] : [`no ${p.protocol} socket listening on port ${p.port}${where}`]);
  return judge(expected, actual, matching.length === 0 ? [] : [`port ${p.port} is listening (${describe(matching)})`]);
}

const baseName = (command: string): string => (command.trim().split(/\s+/)[0] ?? '').split('/').pop() ?? '';

export function evaluateProcess(p: RequirementParams<'process'>, { facts }: EvaluatorInput): Verdict {
  const expected = `process ${p.name} ${p.running ? 'running' : 'not running'}`;
  if (facts.processes.length === 0) return missingFact(facts, ['processes'], expected, 'the running processes');
  const found = facts.processes.filter((proc) => proc.name === p.name || baseName(proc.command) === p.name);
  const actual =
    found.length === 0
      ? 'not running'
      : `running: ${found.length} process${found.length === 1 ? '' : 'es'} (pid ${found
          .slice(0, 5)
          .map((f) => f.pid)
          .join(', ')}${found.length > 5 ? ', …' : ''})`;
  if (p.running) return judge(expected, actual, found.length > 0 ? [] : [`${p.name} is not running`]);
  return judge(expected, actual, found.length === 0 ? [] : [`${p.name} is running`]);
}
