import { describe, expect, it } from 'vitest';
import { compareAppVersions, isAppVersion, versionInFileName } from './app-version';
import { releaseFileKind, releaseFileStem } from './installer-files';

describe('app versions and release file names', () => {
  it('orders versions by semver precedence', () => {
    const sorted = ['1.10.0', '1.5.0-pilot.10', '1.5.0', '1.5.0-pilot.2', '1.4.9', '1.5.0-pilot'].sort(compareAppVersions);
    expect(sorted).toEqual(['1.4.9', '1.5.0-pilot', '1.5.0-pilot.2', '1.5.0-pilot.10', '1.5.0', '1.10.0']);
    expect(compareAppVersions('2.0.0+build.1', '2.0.0')).toBe(0);
    expect(isAppVersion('1.4')).toBe(false);
    expect(isAppVersion('01.4.0')).toBe(false);
  });

  it('reads the version from installer names, whatever the extension', () => {
    expect(versionInFileName(releaseFileStem('Outpost-Setup-1.4.0.exe'))).toBe('1.4.0');
    expect(versionInFileName(releaseFileStem('Outpost-1.5.0-pilot.1.exe.blockmap'))).toBe('1.5.0-pilot.1');
    expect(versionInFileName(releaseFileStem('outpost_1.4.0_amd64.deb'))).toBe('1.4.0');
    expect(versionInFileName(releaseFileStem('Outpost-1.4.0-arm64-mac.zip'))).toBe('1.4.0');
    expect(versionInFileName(releaseFileStem('Outpost Setup 1.4.0.exe'))).toBe('1.4.0');
    expect(versionInFileName(releaseFileStem('Outpost.exe'))).toBeNull();
    expect(releaseFileKind('Outpost-1.4.0.AppImage')).toMatchObject({ kind: 'installer', platform: 'linux' });
    expect(releaseFileKind('notes.txt')).toEqual({ kind: 'unknown' });
  });
});
