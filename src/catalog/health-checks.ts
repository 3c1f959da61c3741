/**
 * The health checks a design's load balancers and DNS records run, in one place: the engine's
 * detection-time arithmetic, the Terraform export, the runbooks and the proposal all read these
 * values, so the recovery times Ninesmith states are those of the infrastructure it writes.
 *
 * Detection is the number of consecutive failed checks times the interval between them: the
 * providers take a target or an endpoint out of service once the failures reach the threshold.
 */

/** Where each figure below comes from: the providers' own pages, as the proposal cites them. */
// No "; " inside a source: reports split a source into the references it names at "; ".
export const HEALTH_CHECK_SOURCES = {
  applicationTargetGroup:
    'Elastic Load Balancing, "Health checks for Application Load Balancer target groups" (a target is checked every HealthCheckIntervalSeconds and taken out of service after UnhealthyThresholdCount consecutive failures, interval 5-300 s, threshold 2-10)',
  networkTargetGroup:
    'Elastic Load Balancing, "Health checks for Network Load Balancer target groups" (a target is checked every HealthCheckIntervalSeconds and taken out of service after UnhealthyThresholdCount consecutive failures)',
  route53:
    'Amazon Route 53 Developer Guide, "How Amazon Route 53 determines whether a health check is healthy" (checks every 10 or 30 seconds, an endpoint is unhealthy after the failure threshold of consecutive failed checks, 1-10)',
  route53Alarm:
    'Amazon Route 53 Developer Guide, "How Amazon Route 53 determines whether a health check is healthy" (a health check that monitors a CloudWatch alarm is unhealthy while the alarm is in the ALARM state)',
} as const;

/** One load balancer's checks of its targets, as a target group's `health_check` block writes them. */
export interface TargetHealthCheck {
  intervalSeconds: number;
  timeoutSeconds: number;
  /** Consecutive failures before the target is taken out of service. */
  unhealthyThreshold: number;
  /** Consecutive successes before it is put back. */
  healthyThreshold: number;
}

/**
 * Target checks by load balancer type. Tighter than the AWS defaults (30 s x 2 on an application
 * load balancer): a failed instance stops taking requests in under a minute. A network load balancer
 * also watches connections passively, so its active checks can be shorter still.
 */
export const TARGET_HEALTH_CHECKS = {
  application: { intervalSeconds: 15, timeoutSeconds: 5, unhealthyThreshold: 3, healthyThreshold: 2 },
  network: { intervalSeconds: 10, timeoutSeconds: 5, unhealthyThreshold: 2, healthyThreshold: 2 },
} as const satisfies Record<string, TargetHealthCheck>;

export type LoadBalancerType = keyof typeof TARGET_HEALTH_CHECKS;

/** A DNS health check of an entry point's endpoint (Route 53 `request_interval` and `failure_threshold`). */
export interface DnsEndpointCheck {
  /** Route 53 offers 10 s (the fast interval, charged extra) or 30 s. */
  requestIntervalSeconds: 10 | 30;
  failureThreshold: number;
}

/** Records with a TTL at most this long get the fast interval: a slow check would dominate their failover. */
export const FAST_DNS_CHECK_MAX_TTL_SECONDS = 60;

export const DNS_ENDPOINT_CHECKS = {
  fast: { requestIntervalSeconds: 10, failureThreshold: 3 },
  standard: { requestIntervalSeconds: 30, failureThreshold: 3 },
} as const satisfies Record<string, DnsEndpointCheck>;

/** The DNS check of an entry point whose records have this TTL. */
export function dnsEndpointCheck(ttlSeconds: number): DnsEndpointCheck {
  return ttlSeconds <= FAST_DNS_CHECK_MAX_TTL_SECONDS ? DNS_ENDPOINT_CHECKS.fast : DNS_ENDPOINT_CHECKS.standard;
}

/**
 * A load balancer that admits only the CDN cannot be probed from the internet: DNS follows a
 * CloudWatch alarm on its healthy targets instead. The metric is published each minute, so the
 * alarm's period is a minute; one period with no healthy target (or no data) raises it.
 */
export const DNS_ALARM_CHECK = { periodSeconds: 60, evaluationPeriods: 1 } as const;

/** Seconds from the first failed check until the target or endpoint is declared down. */
export const targetDetectionSeconds = (check: TargetHealthCheck): number => check.intervalSeconds * check.unhealthyThreshold;
export const dnsDetectionSeconds = (check: DnsEndpointCheck): number => check.requestIntervalSeconds * check.failureThreshold;
export const alarmDetectionSeconds = (check: typeof DNS_ALARM_CHECK): number => check.periodSeconds * check.evaluationPeriods;
