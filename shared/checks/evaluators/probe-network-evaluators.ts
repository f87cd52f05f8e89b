import type { RequirementParams } from '../requirement-kinds';
import { describePatterns, matchPatterns } from './patterns';
import { probeAnswer } from './probe-answer';
import { excerpt, judge, quote, verdict, type EvaluatorInput, type Verdict } from './verdict';

export function evaluateHttp(p: RequirementParams<'http'>, input: EvaluatorInput): Verdict {
  const expected = `${p.url} answers ${p.status}${p.body ? ` with a body matching ${describePatterns(p.body)}` : ''}`;
  const got = probeAnswer(input, 'http', expected);
  if ('verdict' in got) return got.verdict;
  const h = got.answer;
  if (h.status === null)
    return verdict(
      'fail',
      expected,
      `no answer: ${h.error ?? 'unknown error'}`,
      `${p.url} did not answer from the target: ${h.error ?? 'unknown error'}`,
    );
  const actual = `status ${h.status}${h.body.trim() ? `, body: ${quote(excerpt(h.body, 200))}` : ''}`;
  const problems: string[] = [];
  if (h.status !== p.status) problems.push(`status ${h.status}, not ${p.status}`);
  if (p.body) {
    const outcome = matchPatterns(h.body, p.body);
    if (outcome.invalid.length) return verdict('error', expected, actual, `Invalid pattern: ${describePatterns(outcome.invalid)}`);
    if (outcome.failed.length) problems.push(`body does not match ${describePatterns(outcome.failed)}`);
  }
  return judge(expected, actual, problems);
}

export function evaluateAddr(p: RequirementParams<'addr'>, input: EvaluatorInput): Verdict {
  const target = `${p.protocol}://${p.host.includes(':') && !p.host.startsWith('[') ? `[${p.host}]` : p.host}:${p.port}`;
  const expected = `${target} ${p.reachable ? 'reachable' : 'not reachable'} from the target`;
  const got = probeAnswer(input, 'addr', expected);
  if ('verdict' in got) return got.verdict;
  const a = got.answer;
  const actual = a.reachable ? 'reachable' : `not reachable${a.error ? `: ${a.error}` : ''}`;
  return judge(expected, actual, a.reachable === p.reachable ? [] : [`${target} is ${actual}`]);
}

const addressKey = (address: string): string => address.trim().toLowerCase();

export function evaluateDns(p: RequirementParams<'dns'>, input: EvaluatorInput): Verdict {
  const expected = p.resolvable
    ? `${p.name} resolves${p.addresses?.length ? ` to ${p.addresses.join(', ')}` : ''}`
    : `${p.name} does not resolve`;
  const got = probeAnswer(input, 'dns', expected);
  if ('verdict' in got) return got.verdict;
  const d = got.answer;
  const resolved = d.addresses.length > 0;
  const actual = resolved ? `resolves to ${d.addresses.join(', ')}` : `does not resolve${d.error ? `: ${d.error}` : ''}`;
  if (!p.resolvable) return judge(expected, actual, resolved ? [`${p.name} resolves`] : []);
  if (!resolved) return judge(expected, actual, [`${p.name} does not resolve${d.error ? ` (${d.error})` : ''}`]);
  const have = new Set(d.addresses.map(addressKey));
  const missing = (p.addresses ?? []).filter((a) => !have.has(addressKey(a)));
  return judge(expected, actual, missing.length === 0 ? [] : [`${p.name} does not resolve to ${missing.join(', ')}`]);
}
