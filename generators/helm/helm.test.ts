import { readdirSync, readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/catalog';
import { formatProblem, type Design } from '../../src/model';
import { designFacts } from '../design-facts';
import { HOSTILE_FRAGMENTS, withNames } from '../testing';
import { APP_CHART_SCHEMA } from './app-chart';
import { generateHelm, plainBlockYaml, type PlatformChart } from './index';

const templateDir = new URL('../../templates/', import.meta.url);
const templates = readdirSync(templateDir).filter((file) => file.endsWith('.yaml')).sort();

function load(url: URL): Design {
  const result = loadDesign(readFileSync(url, 'utf8'));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.design;
}

function schemaFile(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./schemas/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

function compile(schema: Record<string, unknown>, draft: '2020' | '07'): ValidateFunction {
  const ajv = draft === '2020' ? new Ajv2020({ strict: false, allErrors: true }) : new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  // Bitnami's schemas name no fixed draft (`http://json-schema.org/schema#`); they validate as draft-07.
  const { $schema: _ignored, ...body } = schema;
  return ajv.compile(draft === '2020' ? schema : body);
}

const validators: Record<PlatformChart | 'app', ValidateFunction> = {
  traefik: compile(schemaFile('traefik-traefik.values.schema.json'), '2020'),
  'cloudnative-pg-cluster': compile(schemaFile('cloudnative-pg-cluster.values.schema.json'), '07'),
  redis: compile(schemaFile('bitnami-redis.values.schema.json'), '07'),
  app: compile(APP_CHART_SCHEMA as unknown as Record<string, unknown>, '07'),
};

function validatorFor(path: string): ValidateFunction | undefined {
  if (path.startsWith('helm/values/')) return validators.app;
  const chart = /^helm\/platform\/([^/]+)\//.exec(path)?.[1] as PlatformChart | undefined;
  return chart ? validators[chart] : undefined;
}

function errorsOf(validate: ValidateFunction, values: unknown): string[] {
  return validate(values) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe.each(templates)('Helm values for %s', (template) => {
  const files = generateHelm(designFacts(load(new URL(template, templateDir))));

  it('validate against their chart\'s values.schema.json', () => {
    // storage-class.yaml is a Kubernetes object, not a chart's values.
    for (const file of files.filter((f) => f.path.endsWith('.yaml') && !f.path.includes('/templates/') && !f.path.endsWith('Chart.yaml') && !f.path.endsWith('storage-class.yaml'))) {
      const validate = file.path.includes('/charts/') ? validators.app : validatorFor(file.path);
      expect(validate, file.path).toBeDefined();
      expect(errorsOf(validate!, yaml.load(file.contents)), file.path).toEqual([]);
    }
  });
});

describe('ERP on Kubernetes', () => {
  const design = load(new URL('erp-on-kubernetes.yaml', templateDir));
  const files = generateHelm(designFacts(design));
  const values = (path: string) => yaml.load(files.find((f) => f.path === path)!.contents) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed YAML

  it('writes one values file per Kubernetes service, spread over the designed zones', () => {
    expect(files.filter((f) => f.path.startsWith('helm/values/')).map((f) => f.path)).toEqual(['helm/values/erp-app.yaml', 'helm/values/erp-workers.yaml']);
    const app = values('helm/values/erp-app.yaml');
    expect(app.replicaCount).toBe(6);
    expect(app.autoscaling).toEqual({ enabled: true, minReplicas: 6, maxReplicas: 15, targetCPUUtilizationPercentage: 60 });
    expect(app.topologySpreadConstraints[0]).toMatchObject({ topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' });
    expect(app.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect(app.podDisruptionBudget).toEqual({ enabled: true, maxUnavailable: 1 });
    expect(app.probes.enabled).toBe(true);
  });

  it('names platform values after their chart: traefik, CloudNativePG cluster with backups, Redis with Sentinel', () => {
    expect(files.filter((f) => f.path.startsWith('helm/platform/')).map((f) => f.path)).toEqual([
      'helm/platform/traefik/traefik.values.yaml',
      'helm/platform/cloudnative-pg-cluster/postgres.values.yaml',
      'helm/platform/redis/redis.values.yaml',
      'helm/platform/storage-class.yaml',
    ]);
    const pg = values('helm/platform/cloudnative-pg-cluster/postgres.values.yaml');
    expect(pg.cluster.instances).toBe(3);
    expect(pg.cluster.affinity.topologyKey).toBe('topology.kubernetes.io/zone');
    expect(pg.backups.retentionPolicy).toBe('30d');
    const redis = values('helm/platform/redis/redis.values.yaml');
    expect(redis.architecture).toBe('replication');
    expect(redis.sentinel).toMatchObject({ enabled: true, quorum: 2 });
    expect(values('helm/platform/traefik/traefik.values.yaml').deployment.replicas).toBe(3);
  });

  it('routes Traefik to the services it fronts with an Ingress, on a NodePort Service the load balancer targets, health-checked on /ping', () => {
    const app = values('helm/values/erp-app.yaml');
    expect(app.ingress).toEqual({ enabled: true, className: 'traefik', path: '/' });
    expect(app.service.enabled).toBe(true);
    expect(values('helm/values/erp-workers.yaml').ingress).toEqual({ enabled: false });
    const traefik = values('helm/platform/traefik/traefik.values.yaml');
    // One load balancer (Terraform's); TLS ends there, so no websecure entrypoint and no self-signed certificate.
    expect(traefik.service.spec.type).toBe('NodePort');
    expect(traefik.ports.web.nodePort).toBe(30080);
    expect(traefik.ports.websecure.expose.default).toBe(false);
    expect(traefik.ingressRoute.healthcheck).toMatchObject({ enabled: true, entryPoints: ['web'] });
    expect(traefik.readinessProbe.failureThreshold).toBeGreaterThan(1);
  });

  it('names the CloudNativePG cluster after the component, keeps the Prometheus Operator objects off, and gives backups the IAM role Terraform creates', () => {
    const pg = values('helm/platform/cloudnative-pg-cluster/postgres.values.yaml');
    expect(pg.fullnameOverride).toBe('postgres');
    expect(pg.cluster.monitoring).toEqual({ enabled: true, podMonitor: { enabled: false }, prometheusRule: { enabled: false } });
    expect(pg.cluster.serviceAccountTemplate.metadata.annotations['eks.amazonaws.com/role-arn']).toContain('terraform output postgres_backup_role_arn');
    expect(pg.cluster.storage.storageClass).toBe('gp3-encrypted');
    expect(files.find((f) => f.path === 'helm/platform/storage-class.yaml')!.contents).toContain('provisioner: ebs.csi.aws.com');
  });

  it('annotates the service accounts of services that reach S3 or SQS with their IAM role', () => {
    expect(values('helm/values/erp-app.yaml').serviceAccount).toEqual({ create: true, name: 'erp-app', annotations: { 'eks.amazonaws.com/role-arn': '[FILL IN: terraform output erp_app_role_arn]' } });
  });

  it('ships a chart whose pods meet the restricted Pod Security profile and pull by digest when one is given', () => {
    const chart = (path: string) => files.find((f) => f.path === `helm/charts/ninesmith-app/${path}`)!.contents;
    const defaults = yaml.load(chart('values.yaml')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed YAML
    expect(defaults.podSecurityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(defaults.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(chart('templates/deployment.yaml')).toContain('securityContext:');
    expect(chart('templates/_helpers.tpl')).toContain('printf "%s@%s" .Values.image.repository .Values.image.digest');
    expect(chart('templates/ingress.yaml')).toContain('kind: Ingress');
    // Ids may be all digits, which YAML reads as numbers; label values must be strings.
    expect(chart('templates/_helpers.tpl')).toContain('app.kubernetes.io/instance: {{ .Release.Name | quote }}');
    expect(chart('templates/_helpers.tpl')).toContain('ninesmith.dev/component: {{ include "ninesmith-app.component" . | quote }}');
    expect(errorsOf(validators.app, { ...values('helm/values/erp-app.yaml'), image: { repository: 'r', digest: `sha256:${'a'.repeat(64)}` } })).toEqual([]);
    expect(errorsOf(validators.app, { ...values('helm/values/erp-app.yaml'), image: { repository: 'r', digest: 'latest' } })).not.toEqual([]);
  });

  it('ships the generic chart with a schema the generated values satisfy', () => {
    for (const path of ['Chart.yaml', 'values.yaml', 'values.schema.json', 'templates/deployment.yaml', 'templates/pdb.yaml', 'templates/hpa.yaml', 'templates/service.yaml', 'templates/serviceaccount.yaml', 'templates/ingress.yaml']) {
      expect(files.some((f) => f.path === `helm/charts/ninesmith-app/${path}`), path).toBe(true);
    }
    expect(errorsOf(validators.app, yaml.load(files.find((f) => f.path === 'helm/charts/ninesmith-app/values.yaml')!.contents))).toEqual([]);
    // The schema can fail: a values file without replicas is refused.
    expect(errorsOf(validators.app, { ...values('helm/values/erp-app.yaml'), replicaCount: 0 })).not.toEqual([]);
  });
});

describe('Redis with two nodes and automatic failover', () => {
  const design = load(new URL('erp-on-kubernetes.yaml', templateDir));
  const twoNodes = { ...design, components: design.components.map((c) => (c.id === 'redis' ? { ...c, replicas: 2 } : c)) };
  const redis = yaml.load(generateHelm(designFacts(twoNodes)).find((f) => f.path === 'helm/platform/redis/redis.values.yaml')!.contents) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed YAML

  it('runs three so Sentinel keeps a majority when one is lost, and says so', () => {
    expect(redis.replica.replicaCount).toBe(3);
    expect(redis.sentinel.quorum).toBe(2);
    expect(generateHelm(designFacts(twoNodes)).find((f) => f.path === 'helm/platform/redis/redis.values.yaml')!.contents).toContain('Sentinel needs 3');
    // With Sentinel the chart renders no master: no dead values.
    expect(redis.master).toBeUndefined();
  });
});

describe('hostile names in Helm values', () => {
  const base = load(new URL('erp-on-kubernetes.yaml', templateDir));
  const benign = generateHelm(designFacts(base));
  it('stay in comments as one line and never change the values', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.string({ unit: 'binary', maxLength: 10 })), { minLength: 1, maxLength: 8 }), (parts) => {
        const name = parts.join('');
        const files = generateHelm(designFacts(withNames(base, () => name, { locations: false })));
        expect(files.map((f) => f.path)).toEqual(benign.map((f) => f.path));
        // The design's slug is derived from its name and may only hold [a-z0-9-]; everything else is unchanged.
        const withoutSlug = (text: string) => {
          const values = yaml.load(text) as { component?: { design?: string } };
          if (values?.component?.design !== undefined) {
            expect(values.component.design).toMatch(/^[a-z0-9-]+$/);
            delete values.component.design;
          }
          return values;
        };
        files.forEach((file, index) => {
          if (!file.path.endsWith('.yaml') || file.path.includes('/templates/')) return;
          expect(withoutSlug(file.contents), file.path).toEqual(withoutSlug(benign[index]!.contents));
        });
      }),
      { numRuns: 40 },
    );
   }, 120_000); // generous: many parses, on shared CI machines

  it('stay comments for YAML 1.1 parsers too (libyaml, go-yaml, PyYAML end lines at NEL, U+2028, U+2029), and carry no lone surrogate', () => {
    // js-yaml reads YAML 1.2, where only \n and \r end a line: read as 1.1 parsers do by turning their other breaks into \n.
    const asYaml11 = (text: string) => yaml.load(text.replace(/[\u0085\u2028\u2029]/g, '\n'));
    const hostile = ['ERP app\u0085env: [{name: NODE_OPTIONS, value: "--require /tmp/x.js"}]', 'a\u2028replicaCount: 0', 'b\u2029image: evil', 'c\ud800'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...hostile, ...HOSTILE_FRAGMENTS), fc.string({ unit: 'binary', maxLength: 10 })), { minLength: 1, maxLength: 6 }), (parts) => {
        const name = parts.join('');
        const files = generateHelm(designFacts(withNames(base, () => name)));
        files.forEach((file) => {
          if (!file.path.endsWith('.yaml') || file.path.includes('/templates/')) return;
          const keys = Object.keys((asYaml11(file.contents) ?? {}) as object).sort();
          const benignFile = benign.find((b) => b.path === file.path)!;
          expect(keys, file.path).toEqual(Object.keys((yaml.load(benignFile.contents) ?? {}) as object).sort());
          expect(file.contents, file.path).not.toMatch(/\\u[dD][89a-fA-F][0-9a-fA-F]{2}|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        });
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('the values writer', () => {
  const dump = (values: unknown) => yaml.dump(values, { lineWidth: -1, noRefs: true, quotingType: '"', schema: yaml.JSON_SCHEMA });
  // Mostly strings the writer may write plain, with words and characters that decide js-yaml's quoting mixed in.
  const text = fc.oneof(
    { arbitrary: fc.stringMatching(/^[A-Za-z/][A-Za-z0-9._/-]{0,10}$/), weight: 8 },
    { arbitrary: fc.stringMatching(/^[0-9][0-9a-fA-FxobeE._+/-]{0,6}$/), weight: 2 },
    { arbitrary: fc.stringMatching(/^[-?:,[\]{}#&*!|=>'"%@` ][ -~]{0,10}$/), weight: 2 },
    { arbitrary: fc.stringMatching(/^[A-Za-z0-9 ._/:#'"\-[\]{},&*!|>%@`~?\n]{0,12}$/), weight: 1 },
    {
      arbitrary: fc.constantFrom('', 'null', 'Null', 'true', 'FALSE', 'y', 'yes', 'No', 'on', 'OFF', '1', '0x1F', '1e5', '2Gi', '0123', '1_000', '0o17', '0b11', '1.', '100m', '.inf', '[FILL IN: x]', '"q"', 'a\\b', '-', 'a: b', 'a #b', ' lead', 'trail ', '/healthz', 'eu-west-1a', 'ninesmith.dev/component'),
      weight: 1,
    },
  );
  const scalar = fc.oneof(
    { arbitrary: text, weight: 6 },
    { arbitrary: fc.integer(), weight: 2 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.constantFrom(-0, 0.5, 2 ** 60, 1e21, Number.NaN), weight: 1 },
  );
  const { values } = fc.letrec((tie) => ({
    values: fc.dictionary(text, tie('node'), { maxKeys: 4 }),
    node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(text, tie('node'), { maxKeys: 3 })),
  }));

  it('writes what js-yaml dumps, or leaves it to js-yaml', () => {
    let writtenItself = 0;
    fc.assert(
      fc.property(values, (value) => {
        const written = plainBlockYaml(value);
        if (written === undefined) return;
        writtenItself += 1;
        expect(written).toBe(dump(value));
      }),
      { numRuns: 5000 },
    );
    // The property says something only if the writer writes a good share of them itself.
    expect(writtenItself).toBeGreaterThan(500);
  });

  it('writes the values of a service itself', () => {
    const value = { name: 'c0-app', replicas: 3, enabled: true, none: null, empty: {}, list: [], zones: ['eu-west-1a', 'eu-west-1b'], spread: [{ maxSkew: 1, labelSelector: { matchLabels: { 'ninesmith.dev/component': 'c0-app' } } }] };
    expect(plainBlockYaml(value)).toBe(dump(value));
  });
});
