import type { GeneratedFile } from '../types';

/**
 * The generic application chart the per-service values are written for. Its templates read
 * values as data only (no `tpl`), so nothing from a values file is evaluated as a template.
 */
export const APP_CHART_NAME = 'ninesmith-app';
export const APP_CHART_VERSION = '0.1.0';

/** JSON Schema (draft-07) of the chart's values: `helm lint` and `helm install` check values against it. */
export const APP_CHART_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'ninesmith-app values',
  type: 'object',
  additionalProperties: false,
  required: ['component', 'image', 'replicaCount', 'resources', 'probes', 'podDisruptionBudget', 'autoscaling', 'topologySpreadConstraints'],
  properties: {
    // Helm may pass `global` to any chart; the rest is closed so a misspelt key is an error.
    global: { type: 'object' },
    nameOverride: { type: 'string', pattern: '^[a-z0-9]([a-z0-9-]{0,51}[a-z0-9])?$' },
    component: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'kind'],
      properties: { id: { type: 'string', pattern: '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$' }, kind: { type: 'string' }, design: { type: 'string' } },
    },
    image: {
      type: 'object',
      additionalProperties: false,
      required: ['repository', 'tag'],
      properties: { repository: { type: 'string' }, tag: { type: 'string' }, pullPolicy: { enum: ['Always', 'IfNotPresent', 'Never'] } },
    },
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

const HELPERS = `{{/* Name of the workload: nameOverride, else the component id. */}}
{{- define "ninesmith-app.name" -}}
{{- default .Values.component.id .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that select this workload's pods (also used by the spread constraints in values). */}}
{{- define "ninesmith-app.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ninesmith-app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
ninesmith.dev/component: {{ .Values.component.id }}
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
      terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds | default 30 }}
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
          image: {{ printf "%s:%s" .Values.image.repository .Values.image.tag | quote }}
          imagePullPolicy: {{ .Values.image.pullPolicy | default "IfNotPresent" }}
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
  pullPolicy: IfNotPresent
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
  ];
}
