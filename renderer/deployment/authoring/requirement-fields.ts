import type { z } from 'zod';
import { requirementParamsSchemas, type RequirementKind } from '../../../shared/checks/requirement-kinds';

export type FieldType = 'string' | 'number' | 'boolean' | 'enum' | 'list';

export interface ParamField {
  key: string;
  type: FieldType;
  required: boolean;
  options?: string[];
  defaultValue?: unknown;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
}

/** The editable fields of a requirement kind, read from its parameter schema. */
export function paramFields(kind: RequirementKind): ParamField[] {
  const shape = (requirementParamsSchemas[kind] as unknown as { shape: Record<string, z.ZodType> }).shape;
  // Goss matchers come from a Goss import (shared/checks/goss/goss-attributes.ts), not from this form.
  return Object.entries(shape)
    .filter(([key]) => key !== 'matchers')
    .map(([key, schema]) => {
      let node = schema as unknown as { def: Def; options?: unknown[] };
      let required = true;
      let defaultValue: unknown;
      while (node.def.type === 'optional' || node.def.type === 'default') {
        required = false;
        if (node.def.type === 'default') defaultValue = node.def.defaultValue;
        node = node.def.innerType as unknown as { def: Def; options?: unknown[] };
      }
      const base = node.def.type;
      if (base === 'enum') return { key, type: 'enum', required, options: (node.options ?? []).map(String), defaultValue };
      if (base === 'number' || base === 'boolean') return { key, type: base, required, defaultValue };
      if (base === 'array') return { key, type: 'list', required, defaultValue };
      return { key, type: 'string', required, defaultValue };
    });
}

/** Form values (all strings/booleans) → parameters; empty optional fields are left out. */
export function toParams(fields: readonly ParamField[], values: Record<string, string | boolean>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const f of fields) {
    const value = values[f.key];
    if (f.type === 'boolean') {
      if (typeof value === 'boolean') params[f.key] = value;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') continue;
    if (f.type === 'number') params[f.key] = Number(text);
    else if (f.type === 'list')
      params[f.key] = text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else params[f.key] = text;
  }
  return params;
}
