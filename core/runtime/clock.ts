import { v7 as uuidv7 } from 'uuid';

/** Time and identity sources, injectable so tests can pin them. */
export interface Clock {
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

/** Time-ordered ids (UUIDv7): they sort by creation and never collide across devices. */
export function newId(): string {
  return uuidv7();
}
