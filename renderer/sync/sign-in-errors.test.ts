import { describe, expect, it } from 'vitest';
import { defaultDeviceName, signInErrorTitle } from './sign-in-errors';

describe('signInErrorTitle', () => {
  it('recognises the refusals the server gives', () => {
    expect(signInErrorTitle({ code: 'unauthorized', message: 'bad_credentials: wrong user name or password' })).toBe(
      'Wrong user name or password',
    );
    expect(signInErrorTitle({ code: 'forbidden', message: 'Too many sign-in attempts; try again in 60 s' })).toBe('Too many attempts');
    expect(signInErrorTitle({ code: 'rule', message: 'client_too_old: update Outpost to sync with this server' })).toBe(
      'This Outpost is too old for the server',
    );
    expect(signInErrorTitle({ code: 'internal', message: 'Could not reach http://127.0.0.1:9: ECONNREFUSED' })).toBe('Server unreachable');
    expect(
      signInErrorTitle({
        code: 'untrusted_server',
        message: 'The server at https://x presents a different certificate than the one this device trusts.',
      }),
    ).toBe('The server’s certificate changed');
    expect(signInErrorTitle({ code: 'untrusted_server', message: 'Outpost talks to a server over the network only with HTTPS' })).toBe(
      'Server not trusted',
    );
  });
  it('falls back to a plain headline', () => {
    expect(signInErrorTitle({ code: 'validation', message: 'Invalid input' })).toBe('Check the sign-in details');
    expect(signInErrorTitle({ code: 'internal', message: 'boom' })).toBe('Sign-in failed');
  });
});

describe('defaultDeviceName', () => {
  it('names the person and the platform', () => {
    expect(defaultDeviceName('Riley Field', 'Linux x86_64')).toBe("Riley Field's Outpost (Linux x86_64)");
    expect(defaultDeviceName(undefined, '')).toBe('Outpost (desktop)');
  });
});
