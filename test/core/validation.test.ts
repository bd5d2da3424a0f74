import { Token } from "cdktf";
import {
  ADDITIONAL_REGIONS_CONTEXT_KEY,
  cloudOfRegion,
  DefenderValidationError,
  validateAzureRegion,
  validateGuid,
  validateIntegerInRange,
  validateNonEmptyUnique,
} from "../../lib/core";
import { newStack } from "../util";

describe("validateGuid", () => {
  const scope = newStack();
  test("accepts a GUID in any case", () => {
    expect(validateGuid(scope, "tenantId", "AbCdEf01-2345-6789-abcd-ef0123456789")).toBe("AbCdEf01-2345-6789-abcd-ef0123456789");
  });
  test.each(["", "1234", "00000000-0000-0000-0000-00000000000", "{00000000-0000-0000-0000-000000000000}", "g0000000-0000-0000-0000-000000000000"])(
    "rejects %j with the expected form",
    (value) => {
      expect(() => validateGuid(scope, "tenantId", value)).toThrow(
        `[test] tenantId: got ${JSON.stringify(value)}; expected a GUID of the form 00000000-0000-0000-0000-000000000000.`,
      );
    },
  );
  test("passes tokens through", () => {
    const token = Token.asString({ ref: "var.tenant" });
    expect(validateGuid(scope, "tenantId", token)).toBe(token);
  });
  test("throws a DefenderValidationError carrying the construct path", () => {
    try {
      validateGuid(scope, "tenantId", "x");
      fail("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(DefenderValidationError);
      expect((e as DefenderValidationError).constructPath).toBe("test");
    }
  });
});

describe("validateAzureRegion", () => {
  const scope = newStack();
  test("normalizes display names", () => {
    expect(validateAzureRegion(scope, "location", "West Europe")).toBe("westeurope");
    expect(validateAzureRegion(scope, "location", "usgovvirginia")).toBe("usgovvirginia");
  });
  test("suggests the closest region for a typo", () => {
    expect(() => validateAzureRegion(scope, "location", "westeurop")).toThrow(
      /\[test\] location: got "westeurop"; expected an Azure region name such as "westeurope" or "West Europe"\. Did you mean "westeurope"\?/,
    );
  });
  test("rejects AWS-style regions and names the context key that allows new regions", () => {
    expect(() => validateAzureRegion(scope, "location", "eu-west-1")).toThrow(new RegExp(ADDITIONAL_REGIONS_CONTEXT_KEY));
  });
  test("accepts regions listed in context", () => {
    const withExtra = newStack({ [ADDITIONAL_REGIONS_CONTEXT_KEY]: ["marscentral"] });
    expect(validateAzureRegion(withExtra, "location", "Mars Central")).toBe("marscentral");
  });
});

describe("validateIntegerInRange", () => {
  const scope = newStack();
  test.each([0, 1.5, 731, NaN])("rejects %p", (value) => {
    expect(() => validateIntegerInRange(scope, "days", value, 30, 730)).toThrow(`[test] days: got ${String(value)}; expected a whole number from 30 to 730.`);
  });
  test("accepts bounds", () => {
    expect(validateIntegerInRange(scope, "days", 30, 30, 730)).toBe(30);
    expect(validateIntegerInRange(scope, "days", 730, 30, 730)).toBe(730);
  });
});

describe("validateNonEmptyUnique", () => {
  const scope = newStack();
  test("rejects an empty list", () => {
    expect(() => validateNonEmptyUnique(scope, "clusters", [], (c: string) => c, "cluster")).toThrow("[test] clusters: got []; expected at least one cluster.");
  });
  test("rejects the same item twice, case-insensitively, naming both positions", () => {
    expect(() => validateNonEmptyUnique(scope, "clusters", ["/a/B", "/x", "/A/b"], (c) => c, "cluster")).toThrow(
      '[test] clusters[2]: got "/A/b"; expected each cluster once. It is also clusters[0].',
    );
  });
});

describe("validateNonEmptyUnique labels", () => {
  test("labelOf names the duplicate items, e.g. by map key", () => {
    const entries: [string, string][] = [["a", "/x"], ["b", "/X"]];
    expect(() => validateNonEmptyUnique(newStack(), "links", entries, ([, v]) => v, "target", ([k]) => `["${k}"]`)).toThrow(
      '[test] links["b"]: got "/X"; expected each target once. It is also links["a"].',
    );
  });
});

describe("cloudOfRegion", () => {
  test.each([
    ["westeurope", "public"],
    ["West Europe", "public"],
    ["usgovvirginia", "usgovernment"],
    ["usdodeast", "usgovernment"],
    ["chinanorth3", "china"],
  ])("%s is in the %s cloud", (region, cloud) => {
    expect(cloudOfRegion(region)).toBe(cloud);
  });
});
