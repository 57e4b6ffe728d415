{{/*
spark.decommission: executors that go away first migrate their shuffle and RDD blocks.
Kubernetes: Spark gives each executor container a preStop hook (spark.kubernetes.decommission.script,
the image's /opt/decom.sh) that sends the executor SIGPWR and waits up to 60 s; the pod's grace
period must outlast it. Spark 4.1 sets the executor pod's grace period itself
(spark.kubernetes.executor.terminationGracePeriodSeconds, 30 s by default, over the template's);
3.5 keeps the pod template's. Standalone: the worker daemon decommissions on SIGPWR, which its
pod's preStop hook sends; the master then has the driver decommission the worker's executors.
*/}}

{{/* Seconds an executor or worker pod gets to decommission; empty when decommission is off. The pod
settings (spark-k8s.podSettings) apply it unless pods/<component>.pod set a grace period. */}}
{{- define "spark-k8s.decommissionGracePeriodSeconds" -}}
{{- if .Values.spark.decommission.enabled }}120{{ end -}}
{{- end -}}

{{/* The label Spark puts on a decommissioning executor pod (for disruption budgets, deletion cost). */}}
{{- define "spark-k8s.decommissionLabel" -}}spark-k8s.io/decommissioning{{- end -}}

{{/* The Spark keys, as a dict in JSON. */}}
{{- define "spark-k8s.decommissionConf" -}}
{{- $c := dict -}}
{{- $d := .Values.spark.decommission -}}
{{- if $d.enabled -}}
{{- $_ := set $c "spark.decommission.enabled" "true" -}}
{{- $_ := set $c "spark.storage.decommission.enabled" "true" -}}
{{- $_ := set $c "spark.storage.decommission.shuffleBlocks.enabled" "true" -}}
{{- $_ := set $c "spark.storage.decommission.rddBlocks.enabled" "true" -}}
{{- with $d.fallbackStoragePath }}{{ $_ := set $c "spark.storage.decommission.fallbackStorage.path" . }}{{ end -}}
{{- if ne (include "spark-k8s.backend" .) "standalone" -}}
{{- $_ := set $c "spark.kubernetes.executor.decommissionLabel" (include "spark-k8s.decommissionLabel" .) -}}
{{- $_ := set $c "spark.kubernetes.executor.decommissionLabelValue" "true" -}}
{{- end -}}
{{- end -}}
{{- toJson $c -}}
{{- end -}}

{{/* -D options of a Standalone worker daemon: decommission itself on SIGPWR. */}}
{{- define "spark-k8s.workerDecommissionOpts" -}}
{{- if .Values.spark.decommission.enabled -}}
-Dspark.decommission.enabled=true -Dspark.worker.decommission.signal=PWR
{{- end -}}
{{- end -}}

{{/*
The worker container's preStop hook: SIGPWR to the worker daemon (the java process that PID 1,
tini, started; PID 1 itself without tini), then wait while its executors (its java children)
migrate their blocks and exit; the grace period bounds the wait. Plain bash over /proc, no
command substitution ($(NAME) is the kubelet's).
*/}}
{{- define "spark-k8s.workerPreStop" -}}
{{- if .Values.spark.decommission.enabled -}}
lifecycle:
  preStop:
    exec:
      command:
        - /bin/bash
        - -c
        - |
          workers=
          for stat in /proc/[0-9]*/stat; do
            read -r pid comm state ppid rest < "$stat" 2>/dev/null || continue
            if [ "$comm" = "(java)" ] && { [ "$pid" = 1 ] || [ "$ppid" = 1 ]; }; then workers="$workers $pid"; fi
          done
          for worker in $workers; do
            echo "decommissioning the worker (pid $worker)"
            kill -PWR "$worker"
          done
          while :; do
            busy=
            for stat in /proc/[0-9]*/stat; do
              read -r pid comm state ppid rest < "$stat" 2>/dev/null || continue
              for worker in $workers; do
                if [ "$comm" = "(java)" ] && [ "$ppid" = "$worker" ]; then busy=1; fi
              done
            done
            [ -z "$busy" ] && exit 0
            sleep 2
          done
{{- end -}}
{{- end -}}

{{- define "spark-k8s.validateDecommission" -}}
{{- $path := .Values.spark.decommission.fallbackStoragePath -}}
{{- if $path -}}
{{- if not .Values.spark.decommission.enabled -}}
{{- fail "spark.decommission.fallbackStoragePath: only used with spark.decommission.enabled=true" -}}
{{- end -}}
{{- if regexMatch "^s3n?://" $path -}}
{{- fail (printf "spark.decommission.fallbackStoragePath: %q: Spark reads S3 through S3A; use s3a://" $path) -}}
{{- end -}}
{{- if and (hasPrefix "s3a://" $path) (not .Values.spark.s3.enabled) -}}
{{- fail "spark.decommission.fallbackStoragePath: an s3a:// path needs spark.s3.enabled=true" -}}
{{- end -}}
{{- end -}}
{{- end -}}
