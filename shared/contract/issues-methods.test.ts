import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from './attachments-methods';
import { API_MAX_PAYLOAD_BYTES, apiContract } from './index';

const create = apiContract['issues.create'].input;

describe('issue contract validation', () => {
  const base = { siteId: 's1', title: 'PSU dead', severity: 'high', category: 'hardware' };

  it('fills defaults: not blocking, no links, no photos, empty description', () => {
    expect(create.parse(base)).toEqual({ ...base, description: '', blocksSignOff: false, links: [], attachments: [] });
  });

  it('refuses a blank title, unknown severity, category or link kind, and unknown fields', () => {
    const paths = (input: unknown) => create.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ ...base, title: '   ' })).toEqual(['title']);
    expect(paths({ ...base, severity: 'urgent' })).toEqual(['severity']);
    expect(paths({ ...base, category: 'power' })).toEqual(['category']);
    expect(paths({ ...base, links: [{ kind: 'ticket', id: 'x' }] })).toEqual(['links.0.kind']);
    expect(create.safeParse({ ...base, priority: 1 }).success).toBe(false);
    expect(paths({ ...base, attachments: ['abc'] })).toEqual(['attachments.0']);
  });

  it('requires a reason to escalate, a level of 1–5 and comment text', () => {
    const escalate = apiContract['issues.escalate'].input;
    expect(escalate.safeParse({ issueId: 'i', level: 1, reason: '' }).success).toBe(false);
    expect(escalate.safeParse({ issueId: 'i', level: 0, reason: 'r' }).success).toBe(false);
    expect(escalate.safeParse({ issueId: 'i', level: 2, reason: 'vendor' }).success).toBe(true);
    expect(apiContract['issues.comment'].input.safeParse({ issueId: 'i', text: ' ' }).success).toBe(false);
    expect(apiContract['issues.setStatus'].input.parse({ issueId: 'i', status: 'resolved' })).toEqual({
      issueId: 'i',
      status: 'resolved',
      reason: '',
    });
    expect(apiContract['issues.list'].input.safeParse({ siteId: 's', status: 'done' }).success).toBe(false);
  });

  it('lets the largest photo through in one call under the API payload limit, and no larger one', () => {
    const put = apiContract['attachments.put'].input;
    const largest = 'A'.repeat(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4);
    expect(put.safeParse({ mediaType: 'image/jpeg', dataBase64: largest }).success).toBe(true);
    expect(JSON.stringify({ mediaType: 'image/jpeg', dataBase64: largest }).length).toBeLessThan(API_MAX_PAYLOAD_BYTES);
    expect(put.safeParse({ mediaType: 'image/jpeg', dataBase64: `${largest}AAAA` }).success).toBe(false);
    expect(put.safeParse({ mediaType: 'image/gif', dataBase64: 'AAAA' }).success).toBe(false);
  });
});
