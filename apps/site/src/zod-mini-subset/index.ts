/**
 * The part of `zod/mini` that @cec/rules uses, for the browser bundle only.
 *
 * Why: zod's runtime is 7.7 KB gzipped for the plan schema, the rules code
 * another 7.4 KB, and the page's budget is 15 KB for everything. This module
 * runs the rules package's own schemas, with their own messages, in about a
 * sixth of the space. The server build (the pages rendered at build time),
 * the CLI and the bot keep the real zod.
 *
 * It copies zod 4's semantics for exactly these constructs: which issues are
 * raised and in what order, when checks run (not after an aborting issue),
 * how a missing key, an optional and a default behave, where messages come
 * from (the issue's own, then the schema's or check's `error`, else "Invalid
 * input"). `test/unit/zod-mini-subset.test.ts` parses thousands of plans with
 * both and requires identical results. A zod function the rules package
 * starts using and this module lacks fails at module load in the browser and
 * in that test, never silently.
 */

export interface Issue {
  code: string;
  path?: PropertyKey[];
  message?: string;
  input?: unknown;
  inst?: Schema;
  schema?: Schema;
  continue?: boolean;
  [key: string]: unknown;
}

interface Payload {
  value: unknown;
  issues: Issue[];
  aborted?: boolean;
}

type Message = string | { message?: string } | undefined | null;
type ErrorMap = (issue: Issue) => Message;
type Params = string | { error?: string | ErrorMap; message?: string } | undefined;

interface Def {
  type: string;
  error?: ErrorMap;
  checks?: Schema[];
  shape?: Record<string, Schema>;
  [key: string]: unknown;
}

export interface Schema {
  _zod: {
    def: Def;
    parse(payload: Payload): Payload;
    run(payload: Payload): Payload;
    check?(payload: Payload): void;
    optin?: 'optional' | 'defaulted';
    optout?: 'optional';
    values?: Set<unknown>;
  };
  def: Def;
  check(...checks: Schema[]): Schema;
  safeParse(
    input: unknown,
  ): { success: true; data: unknown } | { success: false; error: { issues: Issue[] } };
}

export const NEVER = Object.freeze({ status: 'aborted' }) as never;

function normalizeParams(params: Params): { error?: ErrorMap } {
  if (!params) return {};
  if (typeof params === 'string') return { error: () => params };
  const error = params.message ?? params.error;
  return typeof error === 'string' ? { error: () => error } : error ? { error } : {};
}

/** Any issue from `start` on that does not say `continue: true` stops later checks (zod's `aborted`). */
function aborted(payload: Payload, start = 0): boolean {
  if (payload.aborted) return true;
  return payload.issues.slice(start).some((issue) => issue.continue !== true);
}

function unwrap(message: Message): string | undefined {
  return typeof message === 'string' ? message : (message?.message ?? undefined);
}

/** The issue as zod's safeParse reports it: its message resolved, internals dropped. */
function finalize(issue: Issue): Issue {
  // A schema owns the issues it raised; a check's issues fall back on the schema it checks.
  const isCheck = issue.inst?._zod.check !== undefined;
  const owner = issue.inst && !isCheck ? issue.inst : (issue.schema ?? issue.inst);
  const ownerError = owner !== issue.inst ? owner?._zod.def.error : undefined;
  const message =
    issue.message ||
    (unwrap(issue.inst?._zod.def.error?.(issue)) ?? unwrap(ownerError?.(issue)) ?? 'Invalid input');
  const out: Issue = { code: issue.code };
  for (const key of Object.keys(issue)) {
    if (!['inst', 'schema', 'continue', 'input'].includes(key)) out[key] = issue[key];
  }
  out.path ??= [];
  out.message = message;
  return out;
}

type Parser = (payload: Payload) => Payload;
type Kind = (def: Def, self: Schema) => { parse: Parser } & Partial<Schema['_zod']>;

/** Each kind of schema builds its parser from its def, so `.check()` can rebuild it with more checks. */
const KINDS: Record<string, Kind> = {};

function build(def: Def): Schema {
  const kind = KINDS[def.type];
  if (!kind) throw new Error(`zod-mini-subset: no "${def.type}" schema`);
  const schema = { def } as Schema;
  const checks = def.checks ?? [];
  const { parse, ...extra } = kind(def, schema);
  schema._zod = {
    def,
    parse,
    run(payload) {
      const result = parse(payload);
      let stop = aborted(result);
      for (const check of checks) {
        if (stop) continue;
        const before = result.issues.length;
        check._zod.check?.(result);
        if (result.issues.length === before) continue;
        for (const issue of result.issues.slice(before)) issue.schema ??= schema;
        stop = aborted(result, before);
      }
      return result;
    },
    ...extra,
  };
  schema.check = (...more) => build({ ...def, checks: [...checks, ...more] });
  schema.safeParse = (input) => {
    const result = schema._zod.run({ value: input, issues: [] });
    return result.issues.length
      ? { success: false, error: { issues: result.issues.map(finalize) } }
      : { success: true, data: result.value };
  };
  return schema;
}

function typeCheck(expected: string, ok: (value: unknown) => boolean) {
  KINDS[expected] = (_def, self) => ({
    parse(payload) {
      if (!ok(payload.value)) {
        payload.issues.push({ code: 'invalid_type', expected, input: payload.value, inst: self });
      }
      return payload;
    },
  });
  return (params?: Params) => build({ type: expected, ...normalizeParams(params) });
}

export const string = typeCheck('string', (v) => typeof v === 'string');
export const boolean = typeCheck('boolean', (v) => typeof v === 'boolean');
export const number = typeCheck('number', (v) => typeof v === 'number' && Number.isFinite(v));

KINDS.values = (def, self) => {
  const values = def.values as unknown[];
  const set = new Set(values);
  return {
    values: set,
    parse(payload) {
      if (!set.has(payload.value)) {
        payload.issues.push({
          code: 'invalid_value',
          values: [...values],
          input: payload.value,
          inst: self,
        });
      }
      return payload;
    },
  };
};

export const literal = (value: unknown, params?: Params) =>
  build({ type: 'values', values: [value], ...normalizeParams(params) });

function enumSchema(values: readonly unknown[], params?: Params) {
  return build({ type: 'values', values: [...values], ...normalizeParams(params) });
}

export { enumSchema as enum };

KINDS.optional = (def) => {
  const inner = def.innerType as Schema;
  return {
    optin: 'optional',
    optout: 'optional',
    parse: (payload) => (payload.value === undefined ? payload : inner._zod.run(payload)),
  };
};

export const optional = (inner: Schema) => build({ type: 'optional', innerType: inner });

KINDS.default = (def) => {
  const inner = def.innerType as Schema;
  return {
    optin: 'defaulted',
    parse(payload) {
      if (payload.value === undefined) {
        payload.value = def.defaultValue;
        return payload;
      }
      const result = inner._zod.run(payload);
      if (result.value === undefined) result.value = def.defaultValue;
      return result;
    },
  };
};

export const _default = (inner: Schema, defaultValue: unknown) =>
  build({ type: 'default', innerType: inner, defaultValue });

KINDS.pipe = (def) => {
  const first = def.in as Schema;
  const then = def.out as Schema;
  return {
    ...(first._zod.optin ? { optin: first._zod.optin } : {}),
    ...(then._zod.optout ? { optout: then._zod.optout } : {}),
    parse(payload) {
      const left = first._zod.run(payload);
      // Any issue stops the pipe, so a value that failed never reaches the transform.
      if (left.issues.some((issue) => issue.code !== 'unrecognized_keys')) {
        left.aborted = true;
        return left;
      }
      return then._zod.run({ value: left.value, issues: left.issues });
    },
  };
};

export const pipe = (first: Schema, then: Schema) => build({ type: 'pipe', in: first, out: then });

KINDS.transform = (def) => {
  const fn = def.transform as (value: unknown, ctx: Payload) => unknown;
  return {
    optin: 'optional',
    parse(payload) {
      payload.value = fn(payload.value, payload);
      return payload;
    },
  };
};

export const transform = (fn: (value: unknown, ctx: Payload) => unknown) =>
  build({ type: 'transform', transform: fn });

KINDS.custom = (def, self) => {
  const fn = def.fn as (value: unknown) => unknown;
  return {
    parse: (payload) => payload,
    check(payload) {
      if (!fn(payload.value)) {
        payload.issues.push({
          code: 'custom',
          input: payload.value,
          inst: self,
          path: [],
          continue: true,
        });
      }
    },
  };
};

/** A refinement is a check: it runs after its schema parsed without an aborting issue. */
export const refine = (fn: (value: unknown) => unknown, params?: Params) =>
  build({ type: 'custom', fn, ...normalizeParams(params) });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function prefix(key: PropertyKey, issues: Issue[]): Issue[] {
  for (const issue of issues) {
    issue.path ??= [];
    issue.path.unshift(key);
  }
  return issues;
}

KINDS.object = (def, self) => {
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  return {
    parse(payload) {
      const input = payload.value;
      if (!isObject(input)) {
        payload.issues.push({ code: 'invalid_type', expected: 'object', input, inst: self });
        return payload;
      }
      const out: Record<string, unknown> = {};
      payload.value = out;
      for (const key of keys) {
        const field = shape[key] as Schema;
        const { optin, optout } = field._zod;
        const result = field._zod.run({ value: input[key], issues: [] });
        const present = key in input;
        if (!present && optout === 'optional' && optin === 'optional') continue;
        if (result.issues.length) {
          if (optin !== undefined && optout === 'optional' && !present) continue;
          payload.issues.push(...prefix(key, result.issues));
        }
        if (!present && optin === undefined) {
          if (!result.issues.length) {
            payload.issues.push({
              code: 'invalid_type',
              expected: 'nonoptional',
              input: undefined,
              path: [key],
            });
          }
          continue;
        }
        if (result.value !== undefined) out[key] = result.value;
        else if (present || (optin === 'defaulted' && optout !== 'optional')) out[key] = undefined;
      }
      const unknown = Object.keys(input).filter((key) => !keys.includes(key));
      if (unknown.length) {
        payload.issues.push({
          code: 'unrecognized_keys',
          keys: unknown,
          input,
          inst: self,
          continue: true,
        });
      }
      return payload;
    },
  };
};

export const strictObject = (shape: Record<string, Schema>, params?: Params) =>
  build({ type: 'object', shape, ...normalizeParams(params) });

KINDS.array = (def, self) => {
  const element = def.element as Schema;
  return {
    parse(payload) {
      const input = payload.value;
      if (!Array.isArray(input)) {
        payload.issues.push({ code: 'invalid_type', expected: 'array', input, inst: self });
        return payload;
      }
      payload.value = input.map((item, index) => {
        const result = element._zod.run({ value: item, issues: [] });
        payload.issues.push(...prefix(index, result.issues));
        return result.value;
      });
      return payload;
    },
  };
};

export const array = (element: Schema, params?: Params) =>
  build({ type: 'array', element, ...normalizeParams(params) });

KINDS.union = (def, self) => {
  const discriminator = def.discriminator as string;
  const byValue = new Map<unknown, Schema>();
  for (const option of def.options as Schema[]) {
    for (const value of option.def.shape?.[discriminator]?._zod.values ?? []) {
      byValue.set(value, option);
    }
  }
  return {
    parse(payload) {
      const input = payload.value;
      if (!isObject(input)) {
        payload.issues.push({ code: 'invalid_type', expected: 'object', input, inst: self });
        return payload;
      }
      const option = byValue.get(input[discriminator]);
      if (option) return option._zod.run(payload);
      payload.issues.push({
        code: 'invalid_union',
        errors: [],
        note: 'No matching discriminator',
        discriminator,
        options: [...byValue.keys()],
        input,
        path: [discriminator],
        inst: self,
      });
      return payload;
    },
  };
};

export const discriminatedUnion = (
  discriminator: string,
  options: readonly Schema[],
  params?: Params,
) => build({ type: 'union', discriminator, options: [...options], ...normalizeParams(params) });
