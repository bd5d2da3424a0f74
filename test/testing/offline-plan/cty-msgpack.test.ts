import {
  ctyFromJson,
  CtyDynamic,
  CtyUnknown,
  CtyValue,
  decodeCty,
  encodeCty,
  UNKNOWN,
} from "../../../lib/testing/offline-plan/cty-msgpack";
import { impliedType, placeholder, planObject, readDataObject } from "../../../lib/testing/offline-plan/stub-values";
import type { BlockSchema, CtyType } from "../../../lib/testing/schema/types";
import { azapi, azurerm } from "./fixtures";

const roundTrip = (value: CtyValue, type: CtyType) => decodeCty(encodeCty(value, type), type);

describe("cty msgpack", () => {
  test.each<[string, CtyValue, CtyType]>([
    ["string", "héllo", "string"],
    ["int", 42, "number"],
    ["negative float", -1.5, "number"],
    ["big number as text", "123456789012345678901234567890", "number"],
    ["bool", true, "bool"],
    ["null", null, "string"],
    ["list", ["a", "b"], ["list", "string"]],
    ["set", [1, 2], ["set", "number"]],
    ["tuple", ["a", 1, false], ["tuple", ["string", "number", "bool"]]],
    ["map", { b: "2", a: "1" }, ["map", "string"]],
    ["object", { n: 1, s: "x", l: [true] }, ["object", { n: "number", s: "string", l: ["list", "bool"] }]],
  ])("%s round-trips", (_name, value, type) => {
    expect(roundTrip(value, type)).toEqual(value);
  });

  test("an unknown value is extension 0 (d4 00 00), anywhere", () => {
    expect([...encodeCty(UNKNOWN, "string")]).toEqual([0xd4, 0, 0]);
    const back = roundTrip({ a: UNKNOWN, b: [UNKNOWN] }, ["object", { a: "string", b: ["list", "number"] }]) as Record<
      string,
      CtyValue
    >;
    expect(back.a).toBeInstanceOf(CtyUnknown);
    expect((back.b as CtyValue[])[0]).toBeInstanceOf(CtyUnknown);
  });

  test("a refined unknown (extension 12) decodes, with its not-null refinement, and re-encodes unchanged", () => {
    // cty: map {1: false (not null), 2: "stub-"} as the body of ext 12
    const body = [0x82, 0x01, 0xc2, 0x02, 0xa5, ...Buffer.from("stub-")];
    const bytes = new Uint8Array([0xc7, body.length, 12, ...body]);
    const value = decodeCty(bytes, "string");
    expect(value).toBeInstanceOf(CtyUnknown);
    expect((value as CtyUnknown).notNull).toBe(true);
    expect([...encodeCty(value, "string")]).toEqual([...bytes]);
  });

  test("object attributes are written in name order, absent ones as nil", () => {
    const bytes = encodeCty({ b: "x" }, ["object", { b: "string", a: "string" }]);
    // fixmap 2, "a" nil, "b" "x"
    expect([...bytes]).toEqual([0x82, 0xa1, 0x61, 0xc0, 0xa1, 0x62, 0xa1, 0x78]);
  });

  test("a dynamic value is [type JSON bytes, value]; unknown dynamic is plain ext 0", () => {
    const v = new CtyDynamic(["object", { a: ["tuple", ["number"]] }], { a: [1] });
    const bytes = encodeCty(v, "dynamic");
    expect(bytes[0]).toBe(0x92); // fixarray 2
    expect(bytes[1]).toBe(0xc4); // bin 8: the type JSON
    expect(roundTrip(v, "dynamic")).toEqual(v);
    expect([...encodeCty(UNKNOWN, "dynamic")]).toEqual([0xd4, 0, 0]);
    expect(roundTrip(null, "dynamic")).toBeNull();
  });

  test("values that do not fit their type are refused with the path", () => {
    expect(() => encodeCty({ a: ["x"] }, ["object", { a: "string" }])).toThrow(/a: string required/);
    expect(() => encodeCty({ z: 1 }, ["object", { a: "string" }])).toThrow(/unexpected attribute "z"/);
  });

  test("cty JSON (raw state / DynamicValue.json) decodes per type, dynamic as {value, type}", () => {
    const type: CtyType = ["object", { id: "string", n: "number", body: "dynamic", gone: "string" }];
    expect(ctyFromJson({ id: "x", n: "3", body: { value: { a: 1 }, type: ["object", { a: "number" }] }, extra: 1 }, type)).toEqual({
      id: "x",
      n: 3,
      body: new CtyDynamic(["object", { a: "number" }], { a: 1 }),
      gone: null,
    });
  });
});

describe("stub answers", () => {
  const aks = azurerm.resource("azurerm_kubernetes_cluster")!;

  test("plan: null computed attributes become unknown, in nested blocks too; set values stay", () => {
    const proposed = {
      id: null,
      name: "aks",
      location: "westeurope",
      resource_group_name: "rg",
      dns_prefix: "set-by-config",
      oidc_issuer_url: null,
      node_resource_group_id: null,
      default_node_pool: [{ name: "p", vm_size: "x", node_count: null, id: null }],
      identity: [],
      microsoft_defender: [],
    };
    const planned = planObject(aks, proposed) as Record<string, CtyValue>;
    expect(planned.id).toBeInstanceOf(CtyUnknown);
    expect(planned.dns_prefix).toBe("set-by-config");
    expect(planned.name).toBe("aks");
    const pool = (planned.default_node_pool as Record<string, CtyValue>[])[0];
    expect(pool.node_count).toBeInstanceOf(CtyUnknown);
    expect(pool.vm_size).toBe("x");
    // and the result encodes per the block's implied type
    expect(() => encodeCty(planned, impliedType(aks))).not.toThrow();
    expect(planObject(aks, null)).toBeNull();
  });

  test("data source: null computed attributes get typed placeholders", () => {
    const config = azurerm.dataSource("azurerm_client_config")!;
    // Strings are base64 of "stub-<name>", so base64decode() of a certificate attribute still works.
    const stub = (name: string) => Buffer.from(`stub-${name}`).toString("base64");
    expect(readDataObject(config, { id: null, tenant_id: null, subscription_id: null, object_id: null })).toEqual({
      id: stub("id"),
      tenant_id: stub("tenant_id"),
      subscription_id: stub("subscription_id"),
      object_id: stub("object_id"),
    });
    expect(placeholder(["list", ["object", { data: "string" }]], "certificate_authority")).toEqual([{ data: stub("data") }]);
  });

  test("resource: a list block left out of the configuration, with computed attributes, plans unknown", () => {
    const block: BlockSchema = {
      attributes: { name: { type: "string", required: true } },
      blockTypes: {
        master_auth: { nesting: "list", maxItems: 1, block: { attributes: { ca: { type: "string", computed: true } }, blockTypes: {} } },
        labels: { nesting: "list", block: { attributes: { key: { type: "string", optional: true } }, blockTypes: {} } },
      },
    };
    expect(planObject(block, { name: "n", master_auth: [], labels: [] })).toEqual({ name: "n", master_auth: UNKNOWN, labels: [] });
  });

  test("a dynamic attribute (azapi body) keeps its concrete type through the plan", () => {
    const block = azapi.resource("azapi_resource")!;
    const type = impliedType(block);
    const body = new CtyDynamic(["object", { properties: ["object", { a: "number" }] }], { properties: { a: 1 } });
    const proposed = { id: null, type: "T@1", name: "n", parent_id: "p", body, output: null };
    const planned = decodeCty(encodeCty(planObject(block, proposed), type), type) as Record<string, CtyValue>;
    expect(planned.body).toEqual(body);
    expect(planned.output).toBeInstanceOf(CtyUnknown);
  });
});
