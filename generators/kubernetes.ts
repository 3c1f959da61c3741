/**
 * What the Terraform and the Helm values of one export agree on for Kubernetes: where the load
 * balancer reaches the ingress controller, how it checks it, and the names IAM roles trust.
 */

/** Traefik's `web` entrypoint, published on every node: the load balancer's target group sends here. */
export const INGRESS_NODE_PORT = 30080;
/** Traefik answers its health check here on the `web` entrypoint (the chart's healthcheck IngressRoute). */
export const INGRESS_HEALTH_PATH = '/ping';
/** The Helm releases' namespace, unless the team sets the Terraform variable `kubernetes_namespace`. */
export const DEFAULT_NAMESPACE = 'default';
/** The StorageClass the export ships for volumes (gp3, encrypted, through the EBS CSI driver Terraform installs). */
export const STORAGE_CLASS = 'gp3-encrypted';
/** The EBS CSI driver's controller service account, which its IAM role trusts. */
export const EBS_CSI_SERVICE_ACCOUNT = 'ebs-csi-controller-sa';
