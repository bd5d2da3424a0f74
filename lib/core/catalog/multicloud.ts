/**
 * Identity facts shared by the AWS and GCP sides: Defender's own Entra tenant (the token issuer
 * that AWS IAM and GCP workload identity trust) and the application audiences its tokens carry.
 *
 * Sources: MDC-repo (Azure/Microsoft-Defender-for-Cloud) `MultiCloud/AWS/AwsOnboarding.tf` and
 * `MultiCloud/GCP/Local/GCPOnboarding.tf` @ 2b0497fc^; MS-Docs containers-permissions.
 */

/** Microsoft Defender for Cloud's tenant: the issuer of the tokens Defender presents to AWS and GCP. */
export const DEFENDER_TENANT_ID = "33e01921-4d64-4f8c-a055-5bdaffd5e33d";

/** OIDC issuer URL of Defender's tokens (with the trailing slash, as the templates use it). */
export const DEFENDER_OIDC_ISSUER = `https://sts.windows.net/${DEFENDER_TENANT_ID}/`;

/** Application audiences (`aud` claim) of Defender's tokens. */
export const DefenderAudience = {
  /** Defender for Containers (Kubernetes role, agentless discovery, image assessment; GCP provider `containers`). */
  CONTAINERS: "api://6610e979-c931-41ec-adc7-b9920c9d52f1",
  /** Defender for Containers data collection on AWS (`MDCContainersK8sDataCollectionRole`). */
  CONTAINERS_DATA_COLLECTION_AWS: "api://1462b192-27f7-4cb9-8523-0f4ecb54b47e",
  /** Defender for Containers data pipeline on GCP (provider `containers-streams`). */
  CONTAINERS_STREAMS_GCP: "api://2041288c-b303-4ca0-9076-9612db3beeb2",
  /** CSPM (GCP provider `cspm`). */
  CSPM_GCP: "api://6e81e733-9e7f-474a-85f0-385c097f7f52",
} as const;

/**
 * Public CIDRs Defender reaches cluster API servers from (agentless discovery). A cluster with a
 * restricted public endpoint must allow them; a private cluster needs a restricted public endpoint
 * with them (MS-Docs defender-for-containers-network-access, ms.date 2026-04-16, EKS and GKE
 * "Network"; verified 2026-12).
 */
export const DEFENDER_API_SERVER_SOURCE_CIDRS: readonly string[] = ["172.212.245.192/28", "48.209.1.192/28"];
