import type { SlaFigure } from '../types';

const FROM_PAGE = 'The figure the SLA page publishes for this service; no stored copy of the page was read for this catalog, so check it before quoting it to a client.';

/**
 * Published AWS SLAs (monthly uptime commitments, with service credits), each with the SLA page and
 * the "last updated" date of the copy read. Figures read only in secondary copies are marked so.
 * An SLA is what AWS commits to refund against, not a forecast of availability.
 */
export const AWS_SLA = {
  route53: { percent: 100, service: 'Amazon Route 53 (DNS queries)', source: 'https://aws.amazon.com/route53/sla/', verified: false, note: 'Quoted from secondary copies of the service commitment; the current AWS page was not re-read.' },
  cloudfront: { percent: 99.9, service: 'Amazon CloudFront', source: 'https://aws.amazon.com/cloudfront/sla/', asOf: '2022-05-05', verified: true },
  waf: { percent: 99.95, service: 'AWS WAF (per region)', source: 'https://aws.amazon.com/waf/sla/', asOf: '2022-05-05', verified: true },
  apiGateway: { percent: 99.95, service: 'Amazon API Gateway (per region)', source: 'https://aws.amazon.com/api-gateway/sla/', asOf: '2022-05-05', verified: true },
  elbMultiAz: { percent: 99.99, service: 'Elastic Load Balancing, Multi-AZ load balancer', source: 'https://aws.amazon.com/elasticloadbalancing/sla/', asOf: '2022-07-25', verified: true },
  elbSingleAz: { percent: 99.9, service: 'Elastic Load Balancing, single-AZ load balancer', source: 'https://aws.amazon.com/elasticloadbalancing/sla/', asOf: '2022-07-25', verified: true },
  computeRegion: { percent: 99.99, service: 'EC2 / ECS / Fargate, Region-Level (instances or tasks across two or more zones)', source: 'https://aws.amazon.com/compute/sla/', asOf: '2022-05-05', verified: true },
  computeInstance: { percent: 99.5, service: 'EC2 Instance-Level (a single instance)', source: 'https://aws.amazon.com/compute/sla/', asOf: '2022-05-05', verified: true },
  eksControlPlane: { percent: 99.95, service: 'Amazon EKS control plane (Kubernetes API endpoint)', source: 'https://aws.amazon.com/eks/sla/', asOf: '2022-05-04', verified: true },
  rdsMultiAz: { percent: 99.95, service: 'Amazon RDS Multi-AZ DB instance or cluster', source: 'https://aws.amazon.com/rds/sla/', asOf: '2024-01-22', verified: true },
  rdsSingle: { percent: 99.5, service: 'Amazon RDS Single-DB instance', source: 'https://aws.amazon.com/rds/sla/', asOf: '2024-01-22', verified: true },
  auroraMultiAz: { percent: 99.99, service: 'Amazon Aurora, Multi-AZ cluster', source: 'https://aws.amazon.com/rds/aurora/sla/', asOf: '2022-05-19', verified: true },
  auroraSingleAz: { percent: 99.9, service: 'Amazon Aurora, Single-AZ cluster', source: 'https://aws.amazon.com/rds/aurora/sla/', asOf: '2022-05-19', verified: true },
  elasticacheMultiAz: { percent: 99.99, service: 'Amazon ElastiCache (Valkey/Redis OSS) Multi-AZ', source: 'AWS Database Blog, "Introducing 99.99% Availability with Amazon ElastiCache for Redis and Amazon MemoryDB" (2023)', verified: true },
  elasticacheSingleAz: { percent: 99.5, service: 'Amazon ElastiCache Single-AZ', source: 'AWS Database Blog, "Introducing 99.99% Availability with Amazon ElastiCache for Redis and Amazon MemoryDB" (2023)', verified: true },
  s3Standard: { percent: 99.9, service: 'Amazon S3 Standard', source: 'https://aws.amazon.com/s3/sla/', asOf: '2023-11-28', verified: true },
  s3Infrequent: { percent: 99.0, service: 'Amazon S3 Standard-IA, One Zone-IA, Intelligent-Tiering, Glacier IR', source: 'https://aws.amazon.com/s3/sla/', asOf: '2023-11-28', verified: true },
  kms: { percent: 99.999, service: 'AWS KMS', source: 'https://aws.amazon.com/kms/sla/', asOf: '2022-11-29', verified: true },
  sqs: { percent: 99.9, service: 'Amazon SQS', source: 'https://aws.amazon.com/messaging/sla/', verified: false, note: 'Not verified: no SLA page in the stored material.' },
  secretsManager: { percent: 99.9, service: 'AWS Secrets Manager', source: 'cloudonaut.io SLA table (January 2019)', verified: false, note: 'Secondary source; may be out of date.' },
  cognito: { percent: 99.9, service: 'Amazon Cognito', source: 'cloudonaut.io SLA table (January 2019)', verified: false, note: 'Secondary source; may be out of date.' },
  lambda: { percent: 99.95, service: 'AWS Lambda (per region)', source: 'https://aws.amazon.com/lambda/sla/', verified: false, note: `${FROM_PAGE} The only first-party copy found was the Lambda SLA for the AWS China (Ningxia) Region (amazonaws.cn, June 2021), which commits 99.95%; that is a different operator's SLA, so the figure stays unverified.` },
  kinesisStreams: { percent: 99.9, service: 'Amazon Kinesis Data Streams (per region)', source: 'https://aws.amazon.com/kinesis/sla/ (Amazon Kinesis SLA, covering Kinesis Data Streams and Video Streams; stored copy at https://aws.amazon.com/pt/kinesis/data-firehose/sla/)', asOf: '2024-02-09', verified: true },
  msk: { percent: 99.9, service: 'Amazon MSK, Multi-AZ clusters', source: 'https://aws.amazon.com/msk/sla/', verified: false, note: `${FROM_PAGE} No first-party copy of the MSK SLA was found in the stored material.` },
  sns: { percent: 99.9, service: 'Amazon SNS', source: 'https://aws.amazon.com/messaging/sla/', verified: false, note: `${FROM_PAGE} No first-party copy of the messaging SLA was found in the stored material.` },
  dynamodb: { percent: 99.99, service: 'Amazon DynamoDB, a table in one region', source: 'AWS, DynamoDB Developer Guide, "Best practices for global table design" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-global-table-design.html), quoting https://aws.amazon.com/dynamodb/sla/', verified: true, note: 'Read in the Developer Guide (read 2026-11-30 from a stored copy); the SLA page itself was not in the stored material.' },
  dynamodbGlobal: { percent: 99.999, service: 'Amazon DynamoDB, global tables (replicas in several regions)', source: 'AWS, DynamoDB Developer Guide, "Best practices for global table design" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-global-table-design.html), quoting https://aws.amazon.com/dynamodb/sla/', verified: true, note: 'Read in the Developer Guide (read 2026-11-30 from a stored copy); the SLA page itself, with its conditions for the global-tables commitment, was not in the stored material.' },
  opensearchMultiAz: { percent: 99.9, service: 'Amazon OpenSearch Service, domains across two or more zones (following AWS best practices)', source: 'AWS Big Data Blog, "Amazon OpenSearch Service now supports 99.99% availability using Multi-AZ with Standby" (https://aws.amazon.com/blogs/big-data/amazon-opensearch-service-now-supports-99-99-availability-using-multi-az-with-standby/)', verified: true, note: 'Read in the AWS announcement (read 2026-11-30 from a stored copy), which states the 99.9% SLA and 99.99% for Multi-AZ with Standby (three zones); the SLA page itself was not in the stored material.' },
  efsRegional: { percent: 99.99, service: 'Amazon EFS, Standard storage classes (Regional file systems)', source: 'https://aws.amazon.com/efs/sla/ (stored copy at https://aws.amazon.com/th/efs/sla/)', asOf: '2022-05-04', verified: true },
  efsOneZone: { percent: 99.9, service: 'Amazon EFS, One Zone storage classes', source: 'https://aws.amazon.com/efs/sla/ (stored copy at https://aws.amazon.com/th/efs/sla/)', asOf: '2022-05-04', verified: true },
  ecr: { percent: 99.9, service: 'Amazon ECR (per region)', source: 'https://aws.amazon.com/ecr/sla/', verified: false, note: `${FROM_PAGE} No first-party copy of the ECR SLA was found in the stored material.` },
  siteToSiteVpn: { percent: 99.95, service: 'AWS Site-to-Site VPN, each VPN connection (AWS VPN category; Classic VPN is not covered)', source: 'https://aws.amazon.com/vpn/site-to-site-vpn-sla/', asOf: '2022-05-05', verified: true },
  directConnectMaximum: { percent: 99.99, service: 'AWS Direct Connect, Maximum Resiliency (connections at two or more locations, redundant at each)', source: 'https://aws.amazon.com/directconnect/sla/', verified: false, note: `${FROM_PAGE} Only the superseded January 2019 version of the Direct Connect SLA was in the stored material.` },
  directConnectHigh: { percent: 99.9, service: 'AWS Direct Connect, High Resiliency (one connection at each of two locations)', source: 'https://aws.amazon.com/directconnect/sla/', verified: false, note: `${FROM_PAGE} Only the superseded January 2019 version of the Direct Connect SLA was in the stored material. A single connection has no SLA.` },
} as const satisfies Record<string, SlaFigure>;
