import { IConstruct } from "constructs";

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
    super(`[${scope.node.path}] ${message}`);
    this.name = "DefenderValidationError";
    this.constructPath = scope.node.path;
  }
}

/**
 * Throws a {@link DefenderValidationError} for `prop` = `value`, which is not `expected`.
 * @param expected the expected form, phrased to follow "expected " (e.g. "a GUID such as 00000000-…").
 */
export function invalidValue(scope: IConstruct, prop: string, value: unknown, expected: string, hint?: string): never {
  const shown = typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
  throw new DefenderValidationError(scope, `${prop}: got ${shown}; expected ${expected}.${hint ? ` ${hint}` : ""}`);
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
