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

  /** The attribute's value with an `{ equal: x }` matcher unwrapped; other matchers skip the resource. */
  private value(name: string): unknown {
    this.used.add(name);
    const v = this.attrs[name];
    if (!isRecord(v)) return v;
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === 'equal') return v.equal;
    throw new SkipResource(`${name}: the matcher ${keys.map((k) => `"${k}"`).join(', ')} is not supported (write a plain value)`);
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

  /** A list of strings; a `have-patterns` / `contain-elements` matcher is unwrapped. */
  list(name: string): string[] | undefined {
    if (!this.has(name)) return undefined;
    this.used.add(name);
    let v = this.attrs[name];
    if (isRecord(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && (keys[0] === 'have-patterns' || keys[0] === 'contain-elements' || keys[0] === 'contain-element')) v = v[keys[0]];
      else throw new SkipResource(`${name}: the matcher ${keys.map((k) => `"${k}"`).join(', ')} is not supported (write a list)`);
    }
    // `goss add` renders an empty value as `""` (or leaves it null): accepted, its exact-empty match named as not checked.
    if (v === '' || v === null) {
      this.sink.skip(`${this.path}: ${name}`, `an empty "${name}" (exactly empty in Goss) is not checked by Outpost`);
      return [];
    }
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
