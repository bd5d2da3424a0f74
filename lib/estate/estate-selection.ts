import { DefenderArgumentError } from "../core/errors";
import { renderValue } from "../core/render-value";
import { createHash } from "crypto";
import type { EstateDescription } from "./estate-schema";

/** The three kinds of estate unit, also the first part of each stack name. */
export type EstateCloud = "azure" | "aws" | "gcp";

/** One shard of an estate: `index` of `count`, 1-based (`2/4` is the second of four). */
export interface EstateShard {
  /** 1 … count. */
  readonly index: number;
  /** How many shards the estate is split into (≥ 1). */
  readonly count: number;
}

/**
 * Which units of an estate to synthesize: every criterion given must hold (an empty selection is the whole
 * estate). Units that share values (a subscription using `workspace: {sharedFrom: …}` and the one it names)
 * are always synthesized together, so each stack comes out byte-identical to a whole-estate run.
 */
export interface EstateSelection {
  /**
   * Units by name: `azure-<name>`, `aws-<name>` or `gcp-<name>` (the stack name without the prefix).
   * @default - every unit
   */
  readonly units?: readonly string[];
  /**
   * Units of these clouds only.
   * @default - every cloud
   */
  readonly clouds?: readonly EstateCloud[];
  /**
   * One shard of the estate (see {@link estateShardOf}).
   * @default - no sharding
   */
  readonly shard?: EstateShard;
}

/** One unit of an estate, as the selection and shard planner see it. */
export interface EstateUnit {
  /** `azure-<name>`, `aws-<name>` or `gcp-<name>`. */
  readonly id: string;
  readonly cloud: EstateCloud;
  /** The unit's name in the estate file. */
  readonly name: string;
  /**
   * Units that must be synthesized in the same process: the id of the unit whose values this one reads
   * (its workspace host), or its own id. Shards are assigned per group.
   */
  readonly group: string;
}

/** Environment variables {@link estateSelectionFromEnvironment} reads. */
export const ESTATE_SELECTION_ENV = {
  /** `i/n`, e.g. `2/4`. */
  SHARD: "DEFENDER_ESTATE_SHARD",
  /** Comma-separated unit ids, e.g. `azure-prod,aws-shop`. */
  UNITS: "DEFENDER_ESTATE_UNITS",
  /** Comma-separated clouds, e.g. `aws,gcp`. */
  CLOUDS: "DEFENDER_ESTATE_CLOUDS",
} as const;

const CLOUDS: readonly EstateCloud[] = ["azure", "aws", "gcp"];

/**
 * A selection or shard the estate cannot honour: names the option, the value (safely rendered: a NaN, a
 * symbol or a control character shows as itself) and the form expected. A {@link DefenderArgumentError},
 * as every argument error of this library's functions is.
 */
export class EstateSelectionError extends DefenderArgumentError {
  constructor(
    /** The option, e.g. `units[2]` or `shard`. */
    public readonly option: string,
    public readonly value: unknown,
    public readonly expected: string,
  ) {
    super(`${option}: got ${renderValue(value)}; expected ${expected}`);
    this.name = "EstateSelectionError";
  }
}

/** Every unit of the estate, in stack order (Azure, AWS, GCP; each in file order). */
export function estateUnits(description: EstateDescription): EstateUnit[] {
  const azure = description.azure.subscriptions.map((s): EstateUnit => {
    const host = s.workspace && "sharedFrom" in s.workspace ? s.workspace.sharedFrom : undefined;
    return { id: `azure-${s.name}`, cloud: "azure", name: s.name, group: `azure-${host ?? s.name}` };
  });
  // Accounts and projects name their connector's subscription by ID only (no cross-stack value).
  const aws = description.aws.accounts.map((a): EstateUnit => ({ id: `aws-${a.name}`, cloud: "aws", name: a.name, group: `aws-${a.name}` }));
  const gcp = description.gcp.projects.map((p): EstateUnit => ({ id: `gcp-${p.name}`, cloud: "gcp", name: p.name, group: `gcp-${p.name}` }));
  return [...azure, ...aws, ...gcp];
}

/**
 * The shard (1-based) a group of units belongs to: a stable hash of the group's id, so a unit keeps its
 * shard when others are added, removed or reordered, and every machine computes the same answer.
 */
export function estateShardOf(group: string, count: number): number {
  assertShardCount(count);
  const digest = createHash("sha256").update(group).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/**
 * The units the selection keeps, in stack order, each with its whole group (a workspace host and every
 * subscription sharing its workspace), because the host writes a cross-stack output only for readers that
 * are in the app: a group synthesized together is byte-identical to the same stacks of a whole-estate run.
 */
export function selectEstateUnits(description: EstateDescription, selection: EstateSelection = {}): EstateUnit[] {
  const units = estateUnits(description);
  const known = new Set(units.map((u) => u.id));
  (selection.units ?? []).forEach((id, i) => {
    if (!known.has(id)) throw new EstateSelectionError(`units[${i}]`, id, `the name of a unit of the estate (${[...known].join(", ")})`);
  });
  (selection.clouds ?? []).forEach((cloud, i) => {
    if (!CLOUDS.includes(cloud)) throw new EstateSelectionError(`clouds[${i}]`, cloud, `one of ${CLOUDS.join(", ")}`);
  });
  if (selection.shard) assertShard(selection.shard);
  const names = selection.units ? new Set(selection.units) : undefined;
  const clouds = selection.clouds ? new Set(selection.clouds) : undefined;
  const shard = selection.shard;
  const chosen = units.filter(
    (u) => (!names || names.has(u.id)) && (!clouds || clouds.has(u.cloud)) && (!shard || estateShardOf(u.group, shard.count) === shard.index),
  );
  // Units that share values come as a group: the host writes an output only for the readers in the app.
  const groups = new Set(chosen.map((u) => u.group));
  return units.filter((u) => groups.has(u.group));
}

/** Every shard's units: each unit in exactly one shard, groups never split. */
export function planEstateShards(description: EstateDescription, count: number): EstateUnit[][] {
  assertShardCount(count);
  const shards: EstateUnit[][] = Array.from({ length: count }, () => []);
  for (const unit of estateUnits(description)) shards[estateShardOf(unit.group, count) - 1].push(unit);
  return shards;
}

/** Parses `i/n` (e.g. `2/4`). */
export function parseEstateShard(text: string): EstateShard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const shard = match ? { index: Number(match[1]), count: Number(match[2]) } : undefined;
  if (!shard || shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
    throw new EstateSelectionError("shard", text, 'i/n with 1 ≤ i ≤ n, e.g. "2/4"');
  }
  return shard;
}

/**
 * The selection given by `DEFENDER_ESTATE_SHARD` (`i/n`), `DEFENDER_ESTATE_UNITS` and
 * `DEFENDER_ESTATE_CLOUDS` (comma-separated), so one CI matrix job synthesizes one shard with an
 * unchanged app. Unset variables select everything.
 */
export function estateSelectionFromEnvironment(env: NodeJS.ProcessEnv = process.env): EstateSelection {
  const list = (value: string | undefined) =>
    value
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const shard = env[ESTATE_SELECTION_ENV.SHARD]?.trim();
  return {
    units: list(env[ESTATE_SELECTION_ENV.UNITS]),
    clouds: list(env[ESTATE_SELECTION_ENV.CLOUDS]) as EstateCloud[] | undefined,
    shard: shard ? parseEstateShard(shard) : undefined,
  };
}

function assertShardCount(count: number, option = "count"): void {
  if (!Number.isInteger(count) || count < 1) throw new EstateSelectionError(option, count, "a whole number ≥ 1");
}

function assertShard(shard: EstateShard): void {
  assertShardCount(shard.count, "shard.count");
  if (!Number.isInteger(shard.index) || shard.index < 1 || shard.index > shard.count) {
    throw new EstateSelectionError("shard.index", shard.index, `a whole number from 1 to ${shard.count}`);
  }
}
