import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/contract';
import { errorText } from './error-text';
import { splitFieldErrors } from './useMutation';

const waveError: ApiError = {
  code: 'validation',
  message: 'A wave must end after it starts',
  issues: [{ path: 'endsAt', message: 'A wave must end after it starts' }],
};

describe('field errors are said once', () => {
  it('does not repeat an issue that says what the message says', () => {
    expect(errorText(waveError)).toBe('A wave must end after it starts');
  });
  it('lists the issues of a schema failure instead of the generic message, each once', () => {
    const error: ApiError = {
      code: 'validation',
      message: 'Invalid input for sites.create',
      issues: [
        { path: 'windowEnd', message: 'The schedule window must end after it starts' },
        { path: 'code', message: 'Code is required' },
        { path: 'code', message: 'Code is required' },
      ],
    };
    expect(errorText(error)).toBe('windowEnd: The schedule window must end after it starts; code: Code is required');
  });
  it('keeps the message of an error without issues', () => {
    expect(errorText({ code: 'conflict', message: 'A site with code X already exists' })).toBe('A site with code X already exists');
  });
  it('leaves a field the form shows out of the notification', () => {
    expect(splitFieldErrors(waveError, ['endsAt'])).toEqual({ atFields: { endsAt: 'A wave must end after it starts' }, rest: null });
    const mixed: ApiError = {
      code: 'validation',
      message: 'Invalid input for waves.create',
      issues: [
        { path: 'endsAt', message: 'A wave must end after it starts' },
        { path: 'deploymentId', message: 'Too short' },
      ],
    };
    const split = splitFieldErrors(mixed, ['endsAt']);
    expect(split.atFields).toEqual({ endsAt: 'A wave must end after it starts' });
    expect(split.rest?.issues).toEqual([{ path: 'deploymentId', message: 'Too short' }]);
    expect(splitFieldErrors(mixed, []).rest).toEqual(mixed);
  });
});
