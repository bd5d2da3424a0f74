import { AzapiProvider } from "../azure/azapi/provider";
import { TerraformStack } from "cdktf";
import { EstateDescription, EstateSubscription } from "./estate-schema";

/** Where an account's or project's Azure security connector goes, resolved against the estate. */
export interface ResolvedConnectorPlacement {
  /** `/subscriptions/<id>/resourceGroups/<name>` */
  readonly resourceGroupId: string;
  readonly location: string;
  readonly name?: string;
  /** An azapi provider in the stack, configured for the connector's subscription. */
  readonly azapi: AzapiProvider;
}

/**
 * Resolves a unit's `connector` placement to the hosting subscription (validated by the schema to
 * exist) and gives the stack an azapi provider for it: the connector's state lives with the
 * account or project it connects, so removing a unit removes its connector too.
 */
export function placeConnector(
  stack: TerraformStack,
  placement: { subscription: string; resourceGroupName: string; location?: string; name?: string },
  description: EstateDescription,
): ResolvedConnectorPlacement {
  const subscription = description.azure.subscriptions.find((s) => s.name === placement.subscription) as EstateSubscription;
  return {
    resourceGroupId: `/subscriptions/${subscription.subscriptionId}/resourceGroups/${placement.resourceGroupName}`,
    location: placement.location ?? subscription.location ?? description.defaults.location,
    name: placement.name,
    azapi: new AzapiProvider(stack, "azapi", { subscriptionId: subscription.subscriptionId }),
  };
}
