import { TerraformStack } from "cdktf";
import * as fc from "fast-check";

// Values a JavaScript caller, a YAML file or a copy from a portal can put where a prop belongs:
// every JSON type, the edge values that broke the library before (issue 16), and hostile objects.

/** Edge values, built per stack (some are constructs of the stack under test). */
export function edgeValues(stack: TerraformStack): unknown[] {
  const circular: Record<string, unknown> = { name: "x" };
  circular.self = circular;
  const throwing = new Proxy(
    {},
    {
      get: () => {
        throw new Error("proxy read");
      },
      ownKeys: () => {
        throw new Error("proxy keys");
      },
    },
  );
  // eslint-disable-next-line no-sparse-arrays
  const sparse = ["a", , "b"];
  return [
    undefined,
    null,
    true,
    false,
    "false",
    "true",
    0,
    -0,
    1,
    -1,
    1.5,
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    10n,
    "",
    " ",
    "\u200b",
    "rg\u202e",
    "Standard ",
    "x".repeat(100_000),
    [],
    [null],
    [undefined],
    sparse,
    [""],
    ["a", "a"],
    {},
    { key: null },
    circular,
    throwing,
    Symbol("s"),
    () => "f",
    new Date(0),
    stack,
    [stack],
    { values: stack },
  ];
}

/** Builds the value for one run, in that run's stack (edge values include constructs of it). */
export type ValueMaker = ((stack: TerraformStack, base: unknown) => unknown) & { readonly label: string };

function maker(label: string, make: (stack: TerraformStack, base: unknown) => unknown): ValueMaker {
  return Object.assign(make, { label, toString: () => label });
}

const EDGE_COUNT = edgeValues(new TerraformStack(undefined as never, "count")).length;

/** A valid string changed the way copies from portals change it. */
const MUTATIONS: readonly [string, (text: string) => string][] = [
  ["zero-width space appended", (t) => `${t}\u200b`],
  ["upper case", (t) => t.toUpperCase()],
  ["leading space", (t) => ` ${t}`],
  ["trailing dot", (t) => `${t}.`],
  ["Cyrillic a for Latin a", (t) => t.replace(/a/g, "\u0430")],
  ["doubled", (t) => `${t}${t}`],
  ["cut in half", (t) => t.slice(0, Math.ceil(t.length / 2))],
];

/**
 * Any value: an edge value, JSON of any shape, anything fast-check builds (boxed values, maps,
 * sparse lists…), or the valid value changed slightly.
 */
export const hostileValue: fc.Arbitrary<ValueMaker> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: EDGE_COUNT - 1 }).map((i) => maker(`edge value #${i}`, (stack) => edgeValues(stack)[i])) },
  { weight: 2, arbitrary: fc.jsonValue().map((v) => maker(`JSON ${JSON.stringify(v)}`, () => v)) },
  {
    weight: 1,
    arbitrary: fc.anything({ withBigInt: true, withBoxedValues: true, withNullPrototype: true, withSparseArray: true, withUnicodeString: true }).map((v) => maker(`anything ${fc.stringify(v)}`, () => v)),
  },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 0, max: MUTATIONS.length - 1 }).map((i) =>
      maker(`valid value, ${MUTATIONS[i][0]}`, (_stack, base) => (typeof base === "string" ? MUTATIONS[i][1](base) : Array.isArray(base) && typeof base[0] === "string" ? [MUTATIONS[i][1](base[0])] : base)),
    ),
  },
);
