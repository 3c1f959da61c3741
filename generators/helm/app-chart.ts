import type { GeneratedFile } from '../types';

/**
 * The generic application chart the per-service values are written for. Its templates read
 * values as data only (no `tpl`), so nothing from a values file is evaluated as a template.
 */
export const APP_CHART_NAME = 'ninesmith-app';
export const APP_CHART_VERSION = '0.2.0';

/** JSON Schema (draft-07) of the chart's values: `helm lint` and `helm install` check values against it. */
export const APP_CHART_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'ninesmith-app values',
  type: 'object',
  additionalProperties: false,
  required: ['component', 'image', 'replicaCount', 'resources', 'probes', 'podDisruptionBudget', 'autoscaling', 'topologySpreadConstraints', 'serviceAccount', 'ingress'],
  properties: {
    // Helm may pass `global` to any chart; the rest is closed so a misspelt key is an error.
    global: { type: 'object' },
    // A Service name is a DNS-1035 label: a letter first.
    nameOverride: { type: 'string', pattern: '^[a-z]([a-z0-9-]{0,51}[a-z0-9])?$' },
    component: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'kind'],
      properties: { id: { type: 'string', pattern: '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$' }, kind: { type: 'string' }, design: { type: 'string' } },
    },
    image: {
      type: 'object',
      additionalProperties: false,
      required: ['repository'],
      anyOf: [{ required: ['tag'] }, { required: ['digest'] }],
      properties: {
        repository: { type: 'string' },
        tag: { type: 'string' },
        // `sha256:<64 hex>`: when set, the image is pulled by digest (`repository@digest`) and the tag is ignored.
        digest: { type: 'string', pattern: '^(sha256:[a-f0-9]{64})?$' },
        pullPolicy: { enum: ['Always', 'IfNotPresent', 'Never'] },
      },
    },
    serviceAccount: {
      type: 'object',
      additionalProperties: false,
      properties: { create: { type: 'boolean' }, name: { type: 'string' }, annotations: { type: 'object', additionalProperties: { type: 'string' } } },
    },
    ingress: {
      type: 'object',
      additionalProperties: false,
      required: ['enabled'],
      properties: {
        enabled: { type: 'boolean' },
        className: { type: 'string' },
        host: { type: 'string' },
        path: { type: 'string', pattern: '^/' },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    podSecurityContext: { type: 'object' },
    securityContext: { type: 'object' },
    replicaCount: { type: 'integer', minimum: 1 },
    containerPort: { type: 'integer', minimum: 1, maximum: 65535 },
    service: {
      type: 'object',
      additionalProperties: false,
      required: ['enabled'],
      properties: { enabled: { type: 'boolean' }, port: { type: 'integer', minimum: 1, maximum: 65535 } },
    },
    resources: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requests: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
        limits: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
      },
    },
    probes: {
      type: 'object',
      additionalProperties: false,
      required: ['enabled'],
      properties: {
        enabled: { type: 'boolean' },
        path: { type: 'string', pattern: '^/' },
        readiness: { $ref: '#/definitions/probeTiming' },
        liveness: { $ref: '#/definitions/probeTiming' },
        startup: { $ref: '#/definitions/probeTiming' },
      },
    },
    podDisruptionBudget: {
      type: 'object',
      additionalProperties: false,
      required: ['enabled'],
      properties: { enabled: { type: 'boolean' }, maxUnavailable: { type: ['integer', 'string'] }, minAvailable: { type: ['integer', 'string'] } },
    },
    autoscaling: {
      type: 'object',
      additionalProperties: false,
      required: ['enabled'],
      properties: {
        enabled: { type: 'boolean' },
        minReplicas: { type: 'integer', minimum: 1 },
        maxReplicas: { type: 'integer', minimum: 1 },
        targetCPUUtilizationPercentage: { type: 'integer', minimum: 1, maximum: 100 },
      },
    },
    topologySpreadConstraints: { type: 'array', items: { type: 'object' } },
    affinity: { type: 'object' },
    podAnnotations: { type: 'object', additionalProperties: { type: 'string' } },
    env: { type: 'array', items: { type: 'object', required: ['name'] } },
    terminationGracePeriodSeconds: { type: 'integer', minimum: 0 },
  },
  definitions: {
    probeTiming: {
      type: 'object',
      additionalProperties: false,
      properties: {
        initialDelaySeconds: { type: 'integer', minimum: 0 },
        periodSeconds: { type: 'integer', minimum: 1 },
        timeoutSeconds: { type: 'integer', minimum: 1 },
        failureThreshold: { type: 'integer', minimum: 1 },
      },
    },
  },
} as const;

const CHART_YAML = `apiVersion: v2
name: ${APP_CHART_NAME}
description: A stateless service or worker of a Ninesmith design, spread across zones, with probes, a disruption budget and autoscaling.
type: application
version: ${APP_CHART_VERSION}
appVersion: "1.0.0"
`;

const HELPERS = `{{/* Name of the workload: nameOverride, else the component id; a Service name must start with a letter. */}}
{{- define "ninesmith-app.name" -}}
{{- $name := default .Values.component.id .Values.nameOverride -}}
{{- if not (regexMatch "^[a-z]" $name) }}{{ $name = printf "s-%s" $name }}{{ end -}}
{{- $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Label values are at most 63 characters, and quoted: an id of digits is still a string. */}}
{{- define "ninesmith-app.component" -}}
{{- .Values.component.id | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that select this workload's pods (also used by the spread constraints in values). */}}
{{- define "ninesmith-app.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ninesmith-app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
ninesmith.dev/component: {{ include "ninesmith-app.component" . | quote }}
{{- end -}}

{{/* The service account the pods run as (its IAM role, when the values annotate one). */}}
{{- define "ninesmith-app.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "ninesmith-app.name" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The image by digest when one is given (repository@sha256:...), else by tag. */}}
{{- define "ninesmith-app.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository .Values.image.tag -}}
{{- end -}}
{{- end -}}

{{- define "ninesmith-app.labels" -}}
{{ include "ninesmith-app.selectorLabels" . }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "ninesmith-app.name" . }}
  labels:
    {{- include "ninesmith-app.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 25%
  selector:
    matchLabels:
      {{- include "ninesmith-app.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "ninesmith-app.selectorLabels" . | nindent 8 }}
      {{- with .Values.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      serviceAccountName: {{ include "ninesmith-app.serviceAccountName" . }}
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds | default 30 }}
      {{- with .Values.podSecurityContext }}
      securityContext:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ include "ninesmith-app.name" . }}
          image: {{ include "ninesmith-app.image" . | quote }}
          imagePullPolicy: {{ .Values.image.pullPolicy | default "IfNotPresent" }}
          {{- with .Values.securityContext }}
          securityContext:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
          ports:
            - name: http
              containerPort: {{ .Values.containerPort | default 8080 }}
              protocol: TCP
          {{- with .Values.env }}
          env:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          {{- if .Values.probes.enabled }}
          startupProbe:
            httpGet:
              path: {{ .Values.probes.path | quote }}
              port: http
            {{- toYaml .Values.probes.startup | nindent 12 }}
          readinessProbe:
            httpGet:
              path: {{ .Values.probes.path | quote }}
              port: http
            {{- toYaml .Values.probes.readiness | nindent 12 }}
          livenessProbe:
            httpGet:
              path: {{ .Values.probes.path | quote }}
              port: http
            {{- toYaml .Values.probes.liveness | nindent 12 }}
          {{- end }}
      volumes:
        # The root filesystem is read-only; /tmp is the writable scratch space.
        - name: tmp
          emptyDir: {}
`;

const SERVICE_ACCOUNT = `{{- if .Values.serviceAccount.create }}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "ninesmith-app.serviceAccountName" . }}
  labels:
    {{- include "ninesmith-app.labels" . | nindent 4 }}
  {{- with .Values.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: false
{{- end }}
`;

const INGRESS = `{{- if and .Values.ingress.enabled .Values.service.enabled }}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "ninesmith-app.name" . }}
  labels:
    {{- include "ninesmith-app.labels" . | nindent 4 }}
  {{- with .Values.ingress.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  ingressClassName: {{ .Values.ingress.className | default "traefik" }}
  rules:
    - http:
        paths:
          - path: {{ .Values.ingress.path | default "/" }}
            pathType: Prefix
            backend:
              service:
                name: {{ include "ninesmith-app.name" . }}
                port:
                  name: http
      {{- with .Values.ingress.host }}
      host: {{ . | quote }}
      {{- end }}
{{- end }}
`;

const SERVICE = `{{- if .Values.service.enabled }}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "ninesmith-app.name" . }}
  labels:
    {{- include "ninesmith-app.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "ninesmith-app.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .Values.service.port | default 80 }}
      targetPort: http
      protocol: TCP
{{- end }}
`;

const PDB = `{{- if .Values.podDisruptionBudget.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "ninesmith-app.name" . }}
  labels:
    {{- include "ninesmith-app.labels" . | nindent 4 }}
spec:
  {{- if hasKey .Values.podDisruptionBudget "minAvailable" }}
  minAvailable: {{ .Values.podDisruptionBudget.minAvailable }}
  {{- else }}
  maxUnavailable: {{ .Values.podDisruptionBudget.maxUnavailable | default 1 }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "ninesmith-app.selectorLabels" . | nindent 6 }}
{{- end }}
`;

const HPA = `{{- if .Values.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "ninesmith-app.name" . }}
  labels:
    {{- include "ninesmith-app.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "ninesmith-app.name" . }}
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .Values.autoscaling.targetCPUUtilizationPercentage | default 60 }}
{{- end }}
`;

const DEFAULT_VALUES = `# Defaults of the chart. Each service has its own values file in ../../values/, generated from the design.
component:
  id: app
  kind: app-service
image:
  repository: ""
  tag: ""
  digest: ""
  pullPolicy: IfNotPresent
serviceAccount:
  create: true
  annotations: {}
ingress:
  enabled: false
  className: traefik
  path: /
podSecurityContext:
  runAsNonRoot: true
  runAsUser: 10001
  runAsGroup: 10001
  seccompProfile:
    type: RuntimeDefault
securityContext:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities:
    drop: [ALL]
replicaCount: 2
containerPort: 8080
service:
  enabled: true
  port: 80
resources:
  requests:
    cpu: 500m
    memory: 512Mi
  limits:
    memory: 512Mi
probes:
  enabled: true
  path: /healthz
  startup:
    periodSeconds: 5
    failureThreshold: 30
  readiness:
    periodSeconds: 10
    timeoutSeconds: 2
    failureThreshold: 3
  liveness:
    periodSeconds: 20
    timeoutSeconds: 5
    failureThreshold: 3
podDisruptionBudget:
  enabled: true
  maxUnavailable: 1
autoscaling:
  enabled: false
topologySpreadConstraints: []
affinity: {}
podAnnotations: {}
env: []
terminationGracePeriodSeconds: 30
`;

export function appChartFiles(root: string): GeneratedFile[] {
  return [
    { path: `${root}/Chart.yaml`, contents: CHART_YAML },
    { path: `${root}/values.yaml`, contents: DEFAULT_VALUES },
    { path: `${root}/values.schema.json`, contents: `${JSON.stringify(APP_CHART_SCHEMA, null, 2)}\n` },
    { path: `${root}/templates/_helpers.tpl`, contents: HELPERS },
    { path: `${root}/templates/deployment.yaml`, contents: DEPLOYMENT },
    { path: `${root}/templates/service.yaml`, contents: SERVICE },
    { path: `${root}/templates/pdb.yaml`, contents: PDB },
    { path: `${root}/templates/hpa.yaml`, contents: HPA },
    { path: `${root}/templates/serviceaccount.yaml`, contents: SERVICE_ACCOUNT },
    { path: `${root}/templates/ingress.yaml`, contents: INGRESS },
  ];
}
