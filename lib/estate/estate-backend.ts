import { AzurermBackend, GcsBackend, LocalBackend, S3Backend, TerraformBackend, TerraformStack } from "cdktf";
import { EstateBackend } from "./estate-schema";
import { HcpTerraformBackend } from "./hcp-terraform-backend";

/** Values the backend templates' placeholders take for one stack. */
export interface BackendPlaceholders {
  /** Stack name, e.g. `azure-prod`. */
  readonly stack: string;
  /** `azure`, `aws` or `gcp`. */
  readonly kind: string;
  /** The unit's name in the estate file. */
  readonly name: string;
}

/** Fills `{stack}`, `{kind}` and `{name}` in a template. */
export function fillTemplate(template: string, values: BackendPlaceholders): string {
  return template.replace(/\{(stack|kind|name)\}/g, (_match, key: keyof BackendPlaceholders) => values[key]);
}

/** Gives `stack` the backend the estate file chose for it: one state per stack. */
export function configureEstateBackend(stack: TerraformStack, backend: EstateBackend, values: BackendPlaceholders): TerraformBackend {
  switch (backend.type) {
    case "local":
      return new LocalBackend(stack, { path: fillTemplate(backend.pathTemplate, values) });
    case "cloud":
      return new HcpTerraformBackend(stack, {
        organization: backend.organization,
        hostname: backend.hostname,
        project: backend.project,
        workspaceName: fillTemplate(backend.workspaceNameTemplate, values),
      });
    case "azurerm":
      return new AzurermBackend(stack, {
        resourceGroupName: backend.resourceGroupName,
        storageAccountName: backend.storageAccountName,
        containerName: backend.containerName,
        key: fillTemplate(backend.keyTemplate, values),
        subscriptionId: backend.subscriptionId,
        useAzureadAuth: backend.useAzureadAuth,
      });
    case "s3": {
      const s3 = new S3Backend(stack, {
        bucket: backend.bucket,
        region: backend.region,
        key: fillTemplate(backend.keyTemplate, values),
        encrypt: true,
        dynamodbTable: backend.dynamodbTable,
      });
      // S3-native locking (Terraform >= 1.10); cdktf 0.21's S3Backend predates the argument.
      if (backend.useLockfile) s3.addOverride("use_lockfile", true);
      return s3;
    }
    case "gcs":
      return new GcsBackend(stack, { bucket: backend.bucket, prefix: fillTemplate(backend.prefixTemplate, values) });
  }
}
