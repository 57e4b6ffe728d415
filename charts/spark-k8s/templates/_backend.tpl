{{/* What the release deploys: the Connect server's backend and what follows from it. */}}

{{- define "spark-k8s.backend" -}}
{{- $b := .Values.spark.connect.mode.k8s.backend -}}
{{- if not (has $b (list "kubernetes" "standalone" "operator")) -}}
{{- fail (printf "spark.connect.mode.k8s.backend: %q is not a backend; use kubernetes, standalone or operator" $b) -}}
{{- end -}}
{{- $b -}}
{{- end -}}

{{/* "true" when the Connect server runs as this chart's Deployment (kubernetes and standalone backends). */}}
{{- define "spark-k8s.connectDeployment" -}}
{{- if and .Values.spark.connect.enabled (ne (include "spark-k8s.backend" .) "operator") }}true{{ end -}}
{{- end -}}

{{/* "true" when this release runs a Standalone master and workers. */}}
{{- define "spark-k8s.standaloneCluster" -}}
{{- $forConnect := and .Values.spark.connect.enabled (eq (include "spark-k8s.backend" .) "standalone") (not .Values.spark.standalone.masterUrl) -}}
{{- if or .Values.spark.standalone.enabled $forConnect }}true{{ end -}}
{{- end -}}

{{/* "true" when a Spark driver of the release (the Connect server's, a batch job's) talks to the Kubernetes API (and so needs RBAC). */}}
{{- define "spark-k8s.driverUsesKubernetesApi" -}}
{{- if and (or .Values.spark.connect.enabled .Values.spark.jobs.enabled) (has (include "spark-k8s.backend" .) (list "kubernetes" "operator")) }}true{{ end -}}
{{- end -}}
