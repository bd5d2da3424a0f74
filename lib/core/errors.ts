import { IConstruct } from "constructs";
import { renderValue } from "./render-value";

/**
 * Thrown when a construct is given a value it cannot turn into correct Terraform.
 *
 * The message always starts with the construct path in brackets, then names the property,
 * the value received and the form that was expected, so the failing line in a user's app
 * can be found from the message alone.
 */
export class DefenderValidationError extends Error {
  /** Path of the construct that rejected the value. */
  public readonly constructPath: string;

  constructor(scope: IConstruct, message: string) {
    const path = constructPathOf(scope);
    super(`[${path}] ${message}`);
    this.name = "DefenderValidationError";
    this.constructPath = path;
  }
}

/**
 * Throws a {@link DefenderValidationError} for `prop` = `value`, which is not `expected`.
 * @param expected the expected form, phrased to follow "expected " (e.g. "a GUID such as 00000000-…").
 */
export function invalidValue(scope: IConstruct, prop: string, value: unknown, expected: string, hint?: string): never {
  throw new DefenderValidationError(scope, `${prop}: got ${renderValue(value)}; expected ${expected}.${hint ? ` ${hint}` : ""}`);
}

/** The path of `scope`, or a placeholder when a JavaScript caller passed something that is not a construct. */
function constructPathOf(scope: IConstruct): string {
  try {
    const path = scope.node.path;
    if (typeof path === "string") return path;
  } catch {
    // not a construct
  }
  return "<not a construct>";
}

/**
 * Thrown by a function or static method (no construct involved) given an argument it cannot use.
 * The message starts with the function's name, then names the argument, the value received and the
 * form expected, as {@link DefenderValidationError} does for construct props.
 */
export class DefenderArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DefenderArgumentError";
  }
}

/**
 * Thrown by the testing helpers (`<package>/testing`): an assertion about synthesized Terraform that
 * does not hold, a cdktf output directory that is missing, or a provider schema the offline plan lacks.
 */
export class DefenderTestingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DefenderTestingError";
  }
}
