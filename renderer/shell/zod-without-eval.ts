// The page's CSP allows no eval. Zod's fast path probes for it with `new Function('')`, which the
// CSP refuses and reports as a violation every time; jitless parsing checks the same schemas
// without the probe. Zod takes its settings from this global when it loads (with the kit, after
// the first screen), so the entry sets it without loading zod. test/e2e/first-screen.spec.ts
// fails on any CSP violation, should a zod update stop reading it.
const zodGlobal = globalThis as { __zod_globalConfig?: Record<string, unknown> };
zodGlobal.__zod_globalConfig = { ...zodGlobal.__zod_globalConfig, jitless: true };

export {};
