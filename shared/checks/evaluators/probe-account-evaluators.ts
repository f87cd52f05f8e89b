import type { RequirementParams } from '../requirement-kinds';
import { probeAnswer } from './probe-answer';
import { judge, type EvaluatorInput, type Verdict } from './verdict';

export function evaluateUser(p: RequirementParams<'user'>, input: EvaluatorInput): Verdict {
  const details = [
    p.uid !== undefined && `uid ${p.uid}`,
    p.groups?.length && `in ${p.groups.join(', ')}`,
    p.home && `home ${p.home}`,
    p.shell && `shell ${p.shell}`,
  ].filter(Boolean);
  const expected = p.exists ? `user ${p.name} exists${details.length ? ` with ${details.join(', ')}` : ''}` : `no user ${p.name}`;
  const got = probeAnswer(input, 'user', expected);
  if ('verdict' in got) return got.verdict;
  const u = got.answer;
  if (!u.exists) return judge(expected, 'no such user', p.exists ? [`user ${p.name} does not exist`] : []);
  const actual = `uid ${u.uid ?? '?'}, groups ${u.groups.join(', ') || 'none'}, home ${u.home ?? '?'}, shell ${u.shell ?? '?'}`;
  if (!p.exists) return judge(expected, actual, [`user ${p.name} exists`]);
  const problems: string[] = [];
  if (p.uid !== undefined && u.uid !== p.uid) problems.push(`uid is ${u.uid ?? 'unknown'}`);
  const missingGroups = (p.groups ?? []).filter((g) => !u.groups.includes(g));
  if (missingGroups.length) problems.push(`not in ${missingGroups.join(', ')}`);
  if (p.home && u.home !== p.home) problems.push(`home is ${u.home ?? 'unknown'}`);
  if (p.shell && u.shell !== p.shell) problems.push(`shell is ${u.shell ?? 'unknown'}`);
  return judge(expected, actual, problems);
}

export function evaluateGroup(p: RequirementParams<'group'>, input: EvaluatorInput): Verdict {
  const expected = p.exists ? `group ${p.name} exists${p.gid !== undefined ? ` with gid ${p.gid}` : ''}` : `no group ${p.name}`;
  const got = probeAnswer(input, 'group', expected);
  if ('verdict' in got) return got.verdict;
  const g = got.answer;
  if (!g.exists) return judge(expected, 'no such group', p.exists ? [`group ${p.name} does not exist`] : []);
  const actual = `gid ${g.gid ?? '?'}`;
  if (!p.exists) return judge(expected, actual, [`group ${p.name} exists`]);
  return judge(expected, actual, p.gid !== undefined && g.gid !== p.gid ? [`gid is ${g.gid ?? 'unknown'}`] : []);
}
