{{/* Name of the workload: nameOverride, else the component id; a Service name must start with a letter. */}}
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
