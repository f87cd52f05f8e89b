import { describe, expect, it } from 'vitest';
import { cameraFailureFrom } from './camera-failure';

describe('camera failures in words', () => {
  it('maps what getUserMedia rejects with to what the technician can do', () => {
    expect(cameraFailureFrom(new DOMException('Permission denied', 'NotAllowedError'))).toMatchObject({ kind: 'denied' });
    expect(cameraFailureFrom(new DOMException('Requested device not found', 'NotFoundError'))).toMatchObject({ kind: 'not_found' });
    expect(cameraFailureFrom(new DOMException('Could not start video source', 'NotReadableError'))).toMatchObject({ kind: 'in_use' });
    expect(cameraFailureFrom(new DOMException('Starting videoinput failed', 'AbortError'))).toMatchObject({ kind: 'in_use' });
  });

  it('says that the scan field still works when the camera is refused', () => {
    expect(cameraFailureFrom(new DOMException('Permission dismissed', 'NotAllowedError')).message).toMatch(
      /denied.*scan field still works/s,
    );
  });

  it('keeps the reason of an unexpected failure', () => {
    const failure = cameraFailureFrom(new TypeError('video constraint is invalid'));
    expect(failure.kind).toBe('failed');
    expect(failure.message).toContain('video constraint is invalid');
    expect(cameraFailureFrom('weird')).toMatchObject({ kind: 'failed', message: 'The camera could not be started.' });
  });
});
