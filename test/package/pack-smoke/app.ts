// A user's app, compiled against the packed tarball (see run.sh).
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { App, TerraformStack } from "cdktf";
import { DefenderForContainersPlan, PlanTier } from "cdktf-defender-for-containers/azure";
import { AzureResourceIdFormats, isAzureResourceId } from "cdktf-defender-for-containers";
import { estateShardOf } from "cdktf-defender-for-containers/estate";
import { AksDefenderForContainers } from "cdktf-defender-for-containers/patterns";

const app = new App();
const stack = new TerraformStack(app, "smoke");
new AzurermProvider(stack, "azurerm", { features: [{}] });
const plan = new DefenderForContainersPlan(stack, "plan", { tier: PlanTier.STANDARD });
if (plan.enabledExtensions.length !== 5) throw new Error("expected five extensions");
if (isAzureResourceId("/subscriptions/x", AzureResourceIdFormats.SUBSCRIPTION)) throw new Error("root entry point broken");
if (typeof AksDefenderForContainers !== "function" || estateShardOf("azure-a", 4) < 1) throw new Error("/patterns or /estate entry point broken");
app.synth();
