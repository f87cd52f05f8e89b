import { describe, expect, it } from 'vitest';
import { checkServerAddress, INSECURE_SERVER_MESSAGE } from './server-address';

describe('server addresses', () => {
  it('takes https anywhere and http only on this computer', () => {
    for (const ok of [
      'https://outpost.example.com',
      'https://10.0.0.5:8443/',
      'http://127.0.0.1:8787',
      'http://127.9.8.7',
      'http://localhost:8787/',
      'http://[::1]:8787',
      'HTTP://LOCALHOST',
    ]) {
      expect([ok, checkServerAddress(ok).ok]).toEqual([ok, true]);
    }
    for (const refused of [
      'http://outpost.example.com',
      'http://10.0.0.5:8787',
      'http://192.168.1.2',
      'http://127.0.0.1.nip.io',
      'http://localhost.example.com',
      'http://127.1',
      'http://0x7f.0.0.1',
      'http://2130706433',
      'http://[::ffff:7f00:1]',
      'http://128.0.0.1',
      'http://127.0.0.256',
    ]) {
      const check = checkServerAddress(refused);
      expect([refused, check.ok ? 'accepted' : check.message]).toEqual([refused, INSECURE_SERVER_MESSAGE]);
    }
  });

  it('refuses what is not a plain server address', () => {
    for (const bad of [
      'ftp://x',
      'https://user:pw@host',
      'https://127.0.0.1@evil.example',
      'https://host/?q=1',
      'https://host/#x',
      'https://host:99999',
      'https://',
      'outpost.example.com',
      'https://host..example',
    ]) {
      expect([bad, checkServerAddress(bad).ok]).toEqual([bad, false]);
    }
  });

  it('gives the URL requests are built on and the origin certificates are pinned under', () => {
    expect(checkServerAddress(' https://Outpost.Example.com:443/base/ ')).toMatchObject({
      url: 'https://outpost.example.com/base',
      origin: 'https://outpost.example.com:443',
      secure: true,
      port: 443,
    });
    expect(checkServerAddress('http://[::1]:8787')).toMatchObject({
      url: 'http://[::1]:8787',
      origin: 'http://[::1]:8787',
      host: '::1',
      secure: false,
    });
  });
});
