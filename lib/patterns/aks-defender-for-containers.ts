import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import type { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { dependable, Fn, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { invalidValue } from "../core/errors";
import { AksAgentlessDiscovery } from "../azure/aks-agentless-discovery";
import { AksDefenderSensor } from "../azure/aks-defender-sensor";
import { AksPolicyAddon } from "../azure/aks-policy-addon";
import { AksSecurityGating, GatingRegistry } from "../azure/aks-security-gating";
import { TargetClusters } from "../azure/dine-policy-assignment";
import { PlanExtension } from "../core/catalog/azure";
import { SensorFeatures } from "../core/sensor-features";
import { HelmDefenderSensor, HelmDefenderSensorProps } from "../kubernetes/helm-defender-sensor";
import { newHelmProvider } from "../kubernetes/private/lazy-helm";
import { SensorCluster } from "../kubernetes/sensor-cluster";
import { DefenderPatternProps } from "./defender-pattern-props";
import { AzureDefenderPattern } from "./private/azure-defender-pattern";
import { checkPropsBeforeSuper } from "../core/check-props";
import { helmProviderAlias } from "./private/providers";

/** How {@link AksDefenderForContainers} installs the Defender sensor on the clusters of the app. */
export enum AksSensorInstall {
  /** The AKS security profile (`microsoft_defender` block; AKS manages and upgrades the sensor). */
  SECURITY_PROFILE = "securityProfile",
  /**
   * The sensor Helm chart (`HelmDefenderSensor`): you pin and upgrade the chart. The documented
   * path for gated deployment on AKS Automatic (deploy-helm.md).
   */
  HELM = "helm",
}

/** Security gating on the pattern's clusters (see {@link AksSecurityGating}). */
export interface AksPatternSecurityGating {
  /** The registries the clusters pull from; each cluster's gating identity gets AcrPull on all of them. */
  readonly registries: GatingRegistry[];
  /**
   * Let the admission controller read image pull secrets.
   * @default false
   */
  readonly allowSecretAccess?: boolean;
  /**
   * azapi provider of the clusters' subscription.
   * @default - the stack's default azapi provider
   */
  readonly azapiProvider?: TerraformProvider;
}

/** More props of the `HelmDefenderSensor` the pattern installs with `sensorInstall: HELM`. */
export interface AksPatternHelmOptions extends Pick<HelmDefenderSensorProps, "version" | "allowLatestVersion" | "legacyValues" | "values" | "releaseName" | "repository"> {
  /**
   * The clusters are AKS Automatic: the chart goes into `kube-system`.
   * @default false
   */
  readonly automatic?: boolean;
  /**
   * A helm provider per cluster of `clusters`, in the same order. Give your own for clusters
   * with local accounts disabled (Entra ID only), whose `kube_config` has no client certificate.
   * @default - one per cluster from its `kube_config` (client certificate)
   */
  readonly providers?: TerraformProvider[];
}

/** Props of {@link AksDefenderForContainers}. */
export interface AksDefenderForContainersProps extends DefenderPatternProps {
  /**
   * AKS clusters defined in this app: each gets the sensor (reporting to the workspace) and,
   * with `policyAddon`, the Azure Policy add-on.
   * @default - none
   */
  readonly clusters?: KubernetesCluster[];
  /**
   * Azure Policy for the clusters: the add-on on `clusters`, and the add-on DINE assignment
   * (`a8eff44f…`) when `policyScopeId` is set.
   * @default true
   */
  readonly policyAddon?: boolean;
  /**
   * Guard `clusters` against the DINE policies' own writes (`lifecycle.ignore_changes` on
   * `microsoft_defender` and `azure_policy_enabled`).
   * @default - true when `policyScopeId` is set, so Terraform and the policy do not fight over the same cluster
   */
  readonly ignorePolicyChanges?: boolean;
  /**
   * Create the trusted-access bindings for agentless discovery on `clusters` and
   * `agentlessDiscoveryClusterIds`. Off by default: with the plan's agentless discovery on, Defender
   * creates the bindings itself, and a binding Terraform also creates would collide with it.
   * @default false
   */
  readonly agentlessDiscoveryBindings?: boolean;
  /**
   * Existing AKS clusters (literal IDs) that also get the bindings, with `agentlessDiscoveryBindings`.
   * @default - none
   */
  readonly agentlessDiscoveryClusterIds?: string[];
  /**
   * How the sensor gets onto `clusters`. With {@link AksSensorInstall.HELM} the pattern writes no
   * `microsoft_defender` block, turns the created plan's sensor auto-provisioning off and does not
   * assign the custom-workspace policy 64def556 (both would install the security-profile sensor
   * next to the chart); it refuses where you asked for them explicitly.
   * @default AksSensorInstall.SECURITY_PROFILE
   */
  readonly sensorInstall?: AksSensorInstall;
  /**
   * Chart options with `sensorInstall: HELM`.
   * @default - HelmDefenderSensor defaults, helm providers from each cluster's kube_config
   */
  readonly helm?: AksPatternHelmOptions;
  /**
   * Optional sensor features. With Helm they are chart values; with the security profile,
   * `antimalware` is the created plan's `antiMalware` and misconfiguration enforcement needs the
   * plan's sensor or agentless discovery (Kubernetes API access); the private-cluster components need Helm.
   * @default - none
   */
  readonly sensorFeatures?: SensorFeatures;
  /**
   * Security gating on every cluster of `clusters`: an identity with AcrPull on the registries,
   * its federated credential and `securityProfile.defender.securityGating`. With Helm only on
   * AKS Automatic (`helm.automatic`), the one Helm setup Microsoft documents gating for.
   * @default - none (the plan's gating switch alone)
   */
  readonly securityGating?: AksPatternSecurityGating;
  /**
   * Assignment name prefix.
   * @default "mdc"
   */
  readonly namePrefix?: string;
}

/**
 * Defender for Containers for AKS, the way a platform team would turn it on: the plan with every
 * extension, a dedicated workspace (`prevent_destroy`), the sensor and policy add-on on the clusters
 * this app defines, and — for the clusters it does not define — the custom-workspace and policy
 * add-on DINE assignments at a subscription, management group or resource group, with remediation.
 * Every inner construct is exposed for further settings.
 */
export class AksDefenderForContainers extends AzureDefenderPattern {
  /** One security-profile sensor per cluster in `clusters`, in order (none with Helm). */
  public readonly sensors: AksDefenderSensor[] = [];
  /** One Helm sensor per cluster in `clusters`, in order, with `sensorInstall: HELM`. */
  public readonly helmSensors: HelmDefenderSensor[] = [];
  /** The helm providers the pattern created, in cluster order. */
  public readonly helmProviders: HelmProvider[] = [];
  /** Security gating per cluster in `clusters`, in order, with `securityGating`. */
  public readonly securityGating: AksSecurityGating[] = [];
  /** One policy add-on per cluster in `clusters`, in order (none with `policyAddon: false`). */
  public readonly policyAddons: AksPolicyAddon[] = [];
  /** The trusted-access bindings, with `agentlessDiscoveryBindings`. */
  public readonly agentlessDiscovery?: AksAgentlessDiscovery;

  constructor(scope: Construct, id: string, props: AksDefenderForContainersProps) {
    checkPropsBeforeSuper(scope, id, props, "AksDefenderForContainersProps");
    const policyAddon = props.policyAddon ?? true;
    const helm = props.sensorInstall === AksSensorInstall.HELM;
    const features = props.sensorFeatures;
    // With Helm the security-profile sensor must not come back through the plan or policy 64def556.
    const planOptions = {
      ...(helm ? { sensorAutoProvisioning: false } : {}),
      ...(!helm && features?.antimalware !== undefined ? { antiMalware: features.antimalware } : {}),
      ...props.planOptions,
    };
    super(scope, id, { ...props, planOptions, sensorPolicy: props.sensorPolicy ?? !helm }, { clusters: TargetClusters.AKS, addon: policyAddon, addonAssignmentId: "policy-addon-assignment", namePrefix: props.namePrefix });
    const ignorePolicyChanges = props.ignorePolicyChanges ?? props.policyScopeId !== undefined;
    if (props.sensorInstall !== undefined && !Object.values(AksSensorInstall).includes(props.sensorInstall)) {
      invalidValue(this, "sensorInstall", props.sensorInstall, `one of ${Object.values(AksSensorInstall).map((v) => JSON.stringify(v)).join(", ")} (AksSensorInstall)`);
    }
    if (helm) this.checkHelmConflicts(props);
    else this.checkSecurityProfileFeatures(props);

    const clusters = props.clusters ?? [];
    // (Without Helm, checkSecurityProfileFeatures has refused any helm options already.)
    if (props.helm?.providers !== undefined && props.helm.providers.length !== clusters.length) {
      invalidValue(this, "helm.providers", `${props.helm.providers.length} providers`, `one helm provider per cluster (${clusters.length})`);
    }
    const keys = clusterKeys(this, clusters);
    clusters.forEach((cluster, index) => {
      // Index-based IDs: these constructs only set attributes on the cluster, so they have no Terraform address.
      if (!helm) this.sensors.push(new AksDefenderSensor(this, `sensor-${index}`, { cluster, workspaceResourceId: this.workspaceResourceId, plan: this.plan, ignorePolicyChanges }));
      if (policyAddon) this.policyAddons.push(new AksPolicyAddon(this, `policy-addon-${index}`, { cluster, ignorePolicyChanges }));
      // These create resources: keyed by the cluster's construct ID, so reordering clusters moves nothing.
      if (helm) this.installHelmSensor(cluster, index, keys[index], props);
      if (props.securityGating) {
        const { registries, allowSecretAccess, azapiProvider } = props.securityGating;
        this.securityGating.push(new AksSecurityGating(this, `security-gating-${keys[index]}`, { cluster, registries, allowSecretAccess, azapiProvider, provider: props.provider }));
      }
    });

    if (props.agentlessDiscoveryBindings) {
      if (!props.clusters?.length && !props.agentlessDiscoveryClusterIds?.length) {
        invalidValue(
          this,
          "agentlessDiscoveryClusterIds",
          props.agentlessDiscoveryClusterIds,
          "at least one AKS cluster ID (or clusters of this app) when agentlessDiscoveryBindings is true",
        );
      }
      this.agentlessDiscovery = new AksAgentlessDiscovery(this, "agentless-discovery", {
        clusters: props.clusters?.length ? props.clusters : undefined,
        clusterIds: props.agentlessDiscoveryClusterIds,
        plan: this.plan,
        provider: props.provider,
      });
    }
  }

  /** Refuses what would install the security-profile sensor next to the chart (deploy-helm.md). */
  private checkHelmConflicts(props: AksDefenderForContainersProps): void {
    const why = "With sensorInstall: \"helm\" the chart is the sensor; deploy-helm.md asks to remove the security-profile sensor, its 64def556 policy assignments and auto-provisioning.";
    if (props.sensorPolicy === true && props.policyScopeId !== undefined) {
      invalidValue(this, "sensorPolicy", true, "false or unset with sensorInstall \"helm\"", `${why} The 64def556 assignment enables the security profile on every cluster of policyScopeId.`);
    }
    if (this.plan.sensorAutoProvisioning) {
      const prop = props.plan ? "plan" : "planOptions.sensorAutoProvisioning";
      invalidValue(this, prop, props.plan ? this.plan.node.path : true, "a plan with sensorAutoProvisioning: false", `${why} Auto-provisioning installs the security-profile sensor on every AKS cluster of the subscription.`);
    }
    if (props.securityGating !== undefined && !props.helm?.automatic) {
      invalidValue(
        this,
        "securityGating",
        "set",
        "no securityGating with sensorInstall \"helm\" unless helm.automatic is true",
        "Microsoft documents gated deployment with the chart for AKS Automatic only (chart in kube-system, deploy-helm.md); elsewhere gating is the security profile's: use sensorInstall \"securityProfile\".",
      );
    }
    (props.clusters ?? []).forEach((cluster, index) => {
      if (cluster.microsoftDefenderInput !== undefined) {
        invalidValue(this, `clusters[${index}]`, cluster.node.path, "a cluster without a microsoft_defender block", why);
      }
    });
  }

  /** The features the security-profile sensor can take: anti-malware through the plan, misconfiguration with the plan's sensor or Kubernetes API access. */
  private checkSecurityProfileFeatures(props: AksDefenderForContainersProps): void {
    const features = props.sensorFeatures;
    if (props.helm !== undefined) invalidValue(this, "helm", Object.keys(props.helm), "no Helm options without sensorInstall: \"helm\"");
    if (features?.privateClusterPreview) {
      invalidValue(this, "sensorFeatures.privateClusterPreview", true, "false or unset with the security-profile sensor", "The private-cluster components come with the Helm chart (sensorInstall: \"helm\") or the Arc extension.");
    }
    const extensions = this.plan.enabledExtensions;
    if (features?.misconfigurationEnforcement && !extensions.includes(PlanExtension.CONTAINER_SENSOR) && !extensions.includes(PlanExtension.AGENTLESS_DISCOVERY)) {
      invalidValue(
        this,
        "sensorFeatures.misconfigurationEnforcement",
        true,
        "a plan with the sensor or agentlessDiscovery on",
        "kubernetes-misconfiguration-enforcement.md: on Azure it needs the Defender sensor in the plan, or Kubernetes API access.",
      );
    }
    if (features?.antimalware !== undefined && props.planOptions?.antiMalware !== undefined && props.planOptions.antiMalware !== features.antimalware) {
      invalidValue(this, "sensorFeatures.antimalware", features.antimalware, `the same as planOptions.antiMalware (${props.planOptions.antiMalware})`, "With the security profile, anti-malware is the plan's AntiMalwareEnabled.");
    }
  }

  /** The chart on one cluster, with a helm provider from its kube_config unless one is given. */
  private installHelmSensor(cluster: KubernetesCluster, index: number, key: string, props: AksDefenderForContainersProps): void {
    const { automatic, providers, ...chart } = props.helm ?? {};
    let provider = providers?.[index];
    if (provider === undefined) {
      const kube = cluster.kubeConfig.get(0);
      const created = newHelmProvider(this, `helm-${key}`, {
        alias: helmProviderAlias(this, `aks-${key}`),
        kubernetes: {
          host: kube.host,
          clientCertificate: Fn.base64decode(kube.clientCertificate),
          clientKey: Fn.base64decode(kube.clientKey),
          clusterCaCertificate: Fn.base64decode(kube.clusterCaCertificate),
        },
      }, "AksDefenderForContainers (a helm provider per cluster for the Helm sensor)");
      this.helmProviders.push(created);
      provider = created;
    }
    const sensor = new HelmDefenderSensor(this, `helm-sensor-${key}`, {
      ...chart,
      cluster: SensorCluster.aks({ clusterId: cluster.id, location: cluster.locationInput ?? cluster.location, automatic }),
      features: props.sensorFeatures,
      provider,
    });
    // The plan before the chart (the sensor reports only with the plan on), as for the add-on.
    sensor.release.dependsOn = [...new Set([...(sensor.release.dependsOn ?? []), dependable(this.plan.pricing)])];
    this.helmSensors.push(sensor);
  }
}

/** Each cluster's construct ID, made safe for construct IDs and provider aliases; two clusters may not share one. */
function clusterKeys(scope: Construct, clusters: KubernetesCluster[]): string[] {
  const seen = new Map<string, number>();
  return clusters.map((cluster, index) => {
    const key = cluster.node.id.replace(/[^A-Za-z0-9_-]/g, "-");
    const first = seen.get(key);
    if (first !== undefined) {
      invalidValue(scope, `clusters[${index}]`, cluster.node.path, `a cluster whose construct ID differs from clusters[${first}]'s ("${key}")`, "The construct ID names the cluster's Helm release and gating identity.");
    }
    seen.set(key, index);
    return key;
  });
}
