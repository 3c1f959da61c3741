{{/* Name of the workload: nameOverride, else the component id. */}}
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
