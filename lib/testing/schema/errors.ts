/** A provider package's generated code or assembly did not have the shape the schema derivation reads. */
export class SchemaDerivationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SchemaDerivationError";
  }
}
