import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assetTagAssignmentProblem, formatAssetTag, isIssuedAssetTag, issuerOfTag, tagSitePart } from './asset-tag';

describe('asset tags', () => {
  it('read <site>-<issuer>-<sequence> and parse back to their issuer', () => {
    expect(formatAssetTag('AMS-001', 'D7', 42)).toBe('AMS-001-D7-0042');
    expect(formatAssetTag('ams 001', 'L', 12345)).toBe('AMS-001-L-12345');
    expect(issuerOfTag('AMS-001-D7-0042')).toBe('D7');
    expect(issuerOfTag('AMS-001-L-12345')).toBe('L');
    expect(issuerOfTag('ASSET-42')).toBeNull();
  });

  it('keep only what Code 128 prints plainly from a site code', () => {
    expect(tagSitePart('Köln-2')).toBe('KOLN-2');
    expect(tagSitePart('  Lille / Gare ')).toBe('LILLE-GARE');
    expect(tagSitePart('東京')).toBe('SITE');
    expect(tagSitePart('A-VERY-LONG-SITE-CODE-INDEED')).toBe('A-VERY-LONG-SITE');
    for (const code of ['Köln-2', 'x', '---', 'A-VERY-LONG-SITE-CODE-', '東京'])
      expect(isIssuedAssetTag(formatAssetTag(code, 'D12', 1))).toBe(true);
  });

  it('differ for different (issuer, sequence) pairs whatever the site codes (property)', () => {
    const issuer = fc.oneof(
      fc.constant('L'),
      fc.integer({ min: 1, max: 9_999_999_999 }).map((n) => `D${n}`),
    );
    const sequence = fc.integer({ min: 1, max: 999_999_999_999_999 });
    fc.assert(
      fc.property(fc.string(), fc.string(), issuer, issuer, sequence, sequence, (siteA, siteB, issuerA, issuerB, seqA, seqB) => {
        fc.pre(issuerA !== issuerB || seqA !== seqB);
        const a = formatAssetTag(siteA, issuerA, seqA);
        expect(isIssuedAssetTag(a)).toBe(true);
        expect(a).not.toBe(formatAssetTag(siteB, issuerB, seqB));
        expect(issuerOfTag(a)).toBe(issuerA);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a bad issuer or sequence instead of making an ambiguous tag', () => {
    expect(() => formatAssetTag('AMS', 'D0', 1)).toThrow();
    expect(() => formatAssetTag('AMS', 'X', 1)).toThrow();
    expect(() => formatAssetTag('AMS', 'D1', 0)).toThrow();
  });

  it("may be given only to an untagged surplus row, and only in Outpost's form", () => {
    expect(assetTagAssignmentProblem({ is_surplus: 1, asset_tag: null }, 'AMS-001-D7-0001')).toBeNull();
    expect(assetTagAssignmentProblem({ is_surplus: 1, asset_tag: '' }, 'AMS-001-D7-0001')).toBeNull();
    expect(assetTagAssignmentProblem({ is_surplus: 0, asset_tag: null }, 'AMS-001-D7-0001')).toMatch(/only surplus/);
    expect(assetTagAssignmentProblem({ is_surplus: 1, asset_tag: 'AMS-001-D7-0001' }, 'AMS-001-D7-0002')).toMatch(/already has asset tag/);
    expect(assetTagAssignmentProblem({ is_surplus: 1, asset_tag: null }, 'anything')).toMatch(/not an asset tag Outpost issues/);
    expect(assetTagAssignmentProblem({ is_surplus: 1, asset_tag: null }, null)).toMatch(/not an asset tag/);
  });
});
