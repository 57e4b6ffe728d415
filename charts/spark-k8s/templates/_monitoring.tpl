{{/*
Monitoring (monitoring.*): what each Spark process serves to Prometheus, and how scrapers find it.
Spark serves metrics on its web UIs through the PrometheusServlet sink; the History Server has no
metrics system, so kube-state-metrics is what tells whether it runs. Metric names do not depend on
the release: the driver's carry spark.metrics.namespace ("spark"), not the application id; series
of a release are told apart by the labels the ServiceMonitors and PodMonitors copy from the pods
(podTargetLabels): namespace, app_kubernetes_io_instance, app_kubernetes_io_component.
*/}}

{{/* The driver's metric-name prefix (spark.metrics.namespace): metrics_spark_driver_... */}}
{{- define "spark-k8s.metricsNamespace" -}}spark{{- end -}}

{{/*
The scraped components of the release, as a JSON list of {component, port (the container port's
number), podPort (its name in the pod), servicePort (the metrics Service's targetPort), paths}.
The first path is the one the pods' prometheus.io annotations name; a second one is named by the
metrics Service's (annotation-based scrapers find one path per pod and one per Service). The
trailing slashes are what Spark's servlets answer on; without one they redirect.
On the operator backend Spark builds the driver pod and names its UI port spark-ui.
*/}}
{{- define "spark-k8s.metricsTargets" -}}
{{- $targets := list -}}
{{- if .Values.monitoring.enabled -}}
{{- if .Values.spark.connect.enabled -}}
{{- $targets = append $targets (dict "component" "connect" "port" 4040
  "podPort" (ternary "spark-ui" "ui" (eq (include "spark-k8s.backend" .) "operator")) "servicePort" 4040
  "paths" (list "/metrics/prometheus/" "/metrics/executors/prometheus")) -}}
{{- end -}}
{{- if include "spark-k8s.standaloneCluster" . -}}
{{- $targets = append $targets (dict "component" "master" "port" .Values.spark.standalone.master.webUIPort
  "podPort" "web-ui" "servicePort" "web-ui"
  "paths" (list "/metrics/master/prometheus/" "/metrics/applications/prometheus/")) -}}
{{- $targets = append $targets (dict "component" "worker" "port" .Values.spark.standalone.worker.webUIPort
  "podPort" "web-ui" "servicePort" "web-ui" "paths" (list "/metrics/prometheus/")) -}}
{{- end -}}
{{- end -}}
{{- toJson $targets -}}
{{- end -}}

{{/* The scraped component's entry of spark-k8s.metricsTargets as JSON, or {} when it is not scraped. Call with (dict "root" $ "component" "worker"). */}}
{{- define "spark-k8s.metricsTarget" -}}
{{- $found := dict -}}
{{- range include "spark-k8s.metricsTargets" .root | fromJsonArray -}}
{{- if eq .component $.component }}{{ $found = . }}{{ end -}}
{{- end -}}
{{- toJson $found -}}
{{- end -}}

{{/* The Connect server's (the driver's) metrics settings, as a dict in JSON; {} without monitoring. */}}
{{- define "spark-k8s.driverMetricsConf" -}}
{{- $c := dict -}}
{{- if .Values.monitoring.enabled -}}
{{- $c = dict
  "spark.metrics.namespace" (include "spark-k8s.metricsNamespace" .)
  "spark.ui.prometheus.enabled" "true"
  "spark.metrics.appStatusSource.enabled" "true"
  "spark.metrics.conf.driver.sink.prometheusServlet.class" "org.apache.spark.metrics.sink.PrometheusServlet"
  "spark.metrics.conf.driver.sink.prometheusServlet.path" "/metrics/prometheus"
  "spark.metrics.conf.driver.source.jvm.class" "org.apache.spark.metrics.source.JvmSource" -}}
{{- end -}}
{{- toJson $c -}}
{{- end -}}

{{/*
A Standalone daemon's metrics settings as java options (SPARK_MASTER_OPTS, SPARK_WORKER_OPTS);
empty without monitoring. Call with (dict "root" $ "component" "master").
*/}}
{{- define "spark-k8s.daemonMetricsOpts" -}}
{{- if .root.Values.monitoring.enabled -}}
{{- $servlets := ternary (dict "master" "/metrics/master/prometheus" "applications" "/metrics/applications/prometheus")
  (dict "worker" "/metrics/prometheus") (eq .component "master") -}}
{{- $opts := list -}}
{{- range $instance := keys $servlets | sortAlpha -}}
{{- $opts = append $opts (printf "-Dspark.metrics.conf.%s.sink.prometheusServlet.class=org.apache.spark.metrics.sink.PrometheusServlet" $instance) -}}
{{- $opts = append $opts (printf "-Dspark.metrics.conf.%s.sink.prometheusServlet.path=%s" $instance (get $servlets $instance)) -}}
{{- end -}}
{{- $opts = append $opts (printf "-Dspark.metrics.conf.%s.source.jvm.class=org.apache.spark.metrics.source.JvmSource" .component) -}}
{{- join " " $opts -}}
{{- end -}}
{{- end -}}

{{/* The prometheus.io annotations of a scraped component's pods (its first path); nothing for the others. Call with (dict "root" $ "component" "connect"). */}}
{{- define "spark-k8s.metricsPodAnnotations" -}}
{{- $t := include "spark-k8s.metricsTarget" . | fromJson -}}
{{- with $t }}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .port | int | quote }}
prometheus.io/path: {{ first .paths }}
{{- end }}
{{- end -}}

{{/* Labels that select the pods of one component, as a PromQL label-matcher list (for the rules). */}}
{{- define "spark-k8s.metricsSelector" -}}
{{- printf "namespace=%q, app_kubernetes_io_instance=%q, app_kubernetes_io_component=%q" .root.Release.Namespace .root.Release.Name .component -}}
{{- end -}}

{{/* The pod labels every ServiceMonitor and PodMonitor copies onto the series (podTargetLabels). */}}
{{- define "spark-k8s.metricsPodTargetLabels" -}}
- app.kubernetes.io/instance
- app.kubernetes.io/component
{{- end -}}
