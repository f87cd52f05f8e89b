import type { z } from 'zod';
import { EVERY_ROLE, MANAGER_ROLES } from '../domain/role-access';
import type { Role } from '../domain/enums';

/** One call from the renderer to the core: its input and output schemas and what it does. */
export interface MethodDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** True when the call changes data (it needs a profile and is committed before it returns). */
  mutates: boolean;
  /**
   * True for calls that wait on the network (sign-in, fetching from the server): the handler
   * returns a promise and manages its own transactions. Transports reach them through `call`.
   */
  async?: boolean;
  summary: string;
  /** The roles of the local profile that may call it; the dispatcher refuses the others (`forbidden`). */
  roles: readonly Role[];
}

export function query<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string): MethodDefinition<I, O> {
  return { input, output, mutates: false, summary, roles: EVERY_ROLE };
}

export function command<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string): MethodDefinition<I, O> {
  return { input, output, mutates: true, summary, roles: EVERY_ROLE };
}

/** A call that waits on something outside the core (the central server); see `MethodDefinition.async`. */
export function action<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  summary: string,
): MethodDefinition<I, O> & { async: true } {
  return { input, output, mutates: false, async: true, summary, roles: EVERY_ROLE };
}

/** The same method, callable only by release managers and administrators. */
export function managersOnly<D extends MethodDefinition>(definition: D): D {
  return { ...definition, roles: MANAGER_ROLES };
}
