import type { RequirementParams } from '../requirement-kinds';
import { probeAnswer } from './probe-answer';
import { judge, type EvaluatorInput, type Verdict } from './verdict';

/** Goss `mount`: something is mounted at exactly that point; its attributes are matchers. */
export function evaluateMount(p: RequirementParams<'mount'>, input: EvaluatorInput): Verdict {
  const expected = p.exists ? `a file system mounted on ${p.mountPoint}` : `nothing mounted on ${p.mountPoint}`;
  const got = probeAnswer(input, 'mount', expected);
  if ('verdict' in got) return got.verdict;
  const m = got.answer;
  if (!m.exists) return judge(expected, 'not a mount point', p.exists ? [`nothing is mounted on ${p.mountPoint}`] : []);
  const actual = `${m.source ?? '?'} (${m.filesystem ?? '?'}) mounted, ${m.usage ?? '?'}% used`;
  return judge(expected, actual, p.exists ? [] : [`${p.mountPoint} is a mount point`]);
}

/** Goss `interface`: the interface exists; its addresses and MTU are matchers. */
export function evaluateInterface(p: RequirementParams<'interface'>, input: EvaluatorInput): Verdict {
  const expected = p.exists ? `interface ${p.name} exists` : `no interface ${p.name}`;
  const got = probeAnswer(input, 'interface', expected);
  if ('verdict' in got) return got.verdict;
  const i = got.answer;
  if (!i.exists) return judge(expected, 'no such interface', p.exists ? [`interface ${p.name} does not exist`] : []);
  const actual = `addresses ${i.addrs.join(', ') || 'none'}, MTU ${i.mtu ?? '?'}`;
  return judge(expected, actual, p.exists ? [] : [`interface ${p.name} exists`]);
}
