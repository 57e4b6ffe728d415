{{/* Object names and labels, and the names of objects other templates refer to. */}}

{{- define "spark-k8s.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/*
Object-name prefix. At most 40 characters: the longest suffix the chart appends is 22, and
Spark refuses executor pod-name prefixes over 47.
*/}}
{{- define "spark-k8s.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "spark-k8s.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels of one component. Call with (dict "root" $ "component" "connect"). */}}
{{- define "spark-k8s.selectorLabels" -}}
app.kubernetes.io/name: {{ include "spark-k8s.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* All labels of one component's objects. Call with (dict "root" $ "component" "connect"). */}}
{{- define "spark-k8s.labels" -}}
{{ include "spark-k8s.selectorLabels" . }}
app.kubernetes.io/part-of: spark-k8s
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "spark-k8s.chart" .root }}
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "spark-k8s.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "spark-k8s.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name: set the name of an existing ServiceAccount when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "spark-k8s.masterServiceName" -}}
{{- printf "%s-master" (include "spark-k8s.fullname" .) -}}
{{- end -}}
