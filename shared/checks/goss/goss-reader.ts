import type { RequirementKind } from '../requirement-kinds';

/** A requirement made from one Goss resource, before it is stored. */
export interface RequirementDraft {
  kind: RequirementKind;
  description: string;
  params: Record<string, unknown>;
  /** Where it came from, e.g. `port: tcp:22`. */
  source: string;
}

export interface GossSkip {
  path: string;
  reason: string;
}

export interface GossIssue {
  path: string;
  message: string;
}

/** What one import collects: the drafts, what was left out (and why), and what is wrong. */
export class GossSink {
  readonly drafts: RequirementDraft[] = [];
  readonly skipped: GossSkip[] = [];
  readonly errors: GossIssue[] = [];
  skip(path: string, reason: string): void {
    this.skipped.push({ path, reason });
  }
  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }
}

/** Thrown inside a resource to leave the whole resource out (recorded as skipped). */
export class SkipResource extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads one resource's attributes. Values may be typed (YAML core schema) or all strings (the
 * failsafe schema the importer uses so that versions like `1.10` and modes like `0644` keep their
 * spelling). Attributes never read are reported as skipped when the resource is finished.
 */
export class ResourceReader {
  private readonly used = new Set<string>();
  private readonly attrs: Record<string, unknown>;
  /** Attributes kept as Goss wrote them (matchers, or no Outpost field): judged by shared/checks/goss/matchers.ts. */
  readonly matchers: Record<string, unknown> = {};

  constructor(
    readonly section: string,
    readonly key: string,
    value: unknown,
    private readonly sink: GossSink,
  ) {
    this.attrs = isRecord(value) ? value : {};
    if (!isRecord(value) && value !== null && value !== '' && value !== undefined) sink.error(this.path, 'Expected a map of attributes');
  }

  get path(): string {
    return `${this.section}: ${this.key}`;
  }

  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.attrs, name);
  }

  /** The attribute's value with an `{ equal: x }` of a scalar unwrapped; other matchers are read by `isMatcher`/`keep`. */
  private value(name: string): unknown {
    this.used.add(name);
    const v = this.attrs[name];
    if (!isRecord(v)) return v;
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === 'equal' && !isRecord(v.equal) && !Array.isArray(v.equal)) return v.equal;
    throw new SkipResource(`${name}: the matcher ${keys.map((k) => `"${k}"`).join(', ')} cannot be used here`);
  }

  /** Whether the attribute is written as a Goss matcher (a map), other than `{equal: scalar}`. */
  isMatcher(name: string): boolean {
    const v = this.attrs[name];
    if (!isRecord(v)) return false;
    const keys = Object.keys(v);
    return !(keys.length === 1 && keys[0] === 'equal' && !isRecord(v.equal) && !Array.isArray(v.equal));
  }

  /** Keeps the attribute as Goss wrote it, to be judged with Goss's meaning (see goss-attributes.ts). */
  keep(name: string): void {
    if (!this.has(name)) return;
    this.used.add(name);
    this.matchers[name] = this.attrs[name];
  }

  /** A Goss override of the resource's name (`path:`, `name:`…), which defaults to the key. */
  name(attribute: string): string {
    const v = this.has(attribute) ? this.text(attribute) : undefined;
    return v && v.trim() !== '' ? v : this.key;
  }

  /** The kept matchers, or undefined when there are none (so params stay as before). */
  kept(): Record<string, unknown> | undefined {
    return Object.keys(this.matchers).length > 0 ? { ...this.matchers } : undefined;
  }

  raw(name: string): unknown {
    this.used.add(name);
    return this.attrs[name];
  }

  bool(name: string): boolean | undefined {
    if (!this.has(name)) return undefined;
    const v = this.value(name);
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
    this.sink.error(`${this.path}: ${name}`, 'Must be true or false');
    return undefined;
  }

  int(name: string): number | undefined {
    if (!this.has(name)) return undefined;
    const v = this.value(name);
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    if (typeof v === 'string' && /^-?\d{1,15}$/.test(v.trim())) return Number(v.trim());
    this.sink.error(`${this.path}: ${name}`, 'Must be a whole number');
    return undefined;
  }

  text(name: string): string | undefined {
    if (!this.has(name)) return undefined;
    const v = this.value(name);
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    this.sink.error(`${this.path}: ${name}`, 'Must be a single value');
    return undefined;
  }

  /**
   * A plain list of strings (Goss: each must be present). A `have-patterns` / `contain-elements`
   * list is unwrapped; any other matcher is kept (see `keep`) and undefined returned. An empty
   * value as Goss renders it (`[]`, `""`, null) is an empty list: nothing required.
   */
  list(name: string): string[] | undefined {
    if (!this.has(name)) return undefined;
    this.used.add(name);
    let v = this.attrs[name];
    if (isRecord(v)) {
      const keys = Object.keys(v);
      if (
        keys.length === 1 &&
        (keys[0] === 'have-patterns' || keys[0] === 'contain-elements') &&
        Array.isArray(v[keys[0]]) &&
        (v[keys[0]] as unknown[]).every((x) => !isRecord(x))
      )
        v = v[keys[0]];
      else {
        this.keep(name);
        return undefined;
      }
    }
    if (v === '' || v === null) return [];
    if (typeof v === 'string' || typeof v === 'number') return [String(v)];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean')) return v.map(String);
    this.sink.error(`${this.path}: ${name}`, 'Must be a list of values');
    return undefined;
  }

  /** Leaves an attribute out on purpose, saying why. */
  ignore(name: string, reason: string): void {
    if (!this.has(name)) return;
    this.used.add(name);
    this.sink.skip(`${this.path}: ${name}`, reason);
  }

  /** Says what an imported attribute does not cover (listed with the skipped parts). */
  note(name: string, reason: string): void {
    this.sink.skip(`${this.path}: ${name}`, reason);
  }

  /** Reports every attribute that was not read. */
  finish(): void {
    for (const name of Object.keys(this.attrs)) {
      if (!this.used.has(name)) this.sink.skip(`${this.path}: ${name}`, `Outpost does not check "${name}" for ${this.section}`);
    }
  }
}
