{{/*
spark.executor.gpu: GPUs per executor and per task. On Kubernetes Spark asks for
<spark.executor.resource.gpu.vendor>/gpu in the executor container's limits (and refuses a
resource without a vendor), so the vendor is the domain of resourceName, which ends in /gpu; the
executor pod spec carries the same limit. Standalone workers offer the GPUs of the executors they
can hold, found by the same discovery script.
*/}}

{{- define "spark-k8s.gpuEnabled" -}}
{{- if gt (int .Values.spark.executor.gpu.amount) 0 }}true{{ end -}}
{{- end -}}

{{/* The Spark keys, as a dict in JSON. */}}
{{- define "spark-k8s.gpuConf" -}}
{{- $c := dict -}}
{{- $g := .Values.spark.executor.gpu -}}
{{- if include "spark-k8s.gpuEnabled" . -}}
{{- $_ := set $c "spark.executor.resource.gpu.amount" (toString (int $g.amount)) -}}
{{- $_ := set $c "spark.executor.resource.gpu.discoveryScript" $g.discoveryScript -}}
{{- $_ := set $c "spark.task.resource.gpu.amount" (toString $g.taskAmount) -}}
{{- if ne (include "spark-k8s.backend" .) "standalone" -}}
{{- $_ := set $c "spark.executor.resource.gpu.vendor" (dir $g.resourceName) -}}
{{- end -}}
{{- if $g.rapidsJar -}}
{{- $_ := set $c "spark.jars" $g.rapidsJar -}}
{{- $_ := set $c "spark.plugins" "com.nvidia.spark.SQLPlugin" -}}
{{- end -}}
{{- end -}}
{{- toJson $c -}}
{{- end -}}

{{/* Resource limit entries of a container that runs `executors` executors. Call with (dict "root" $ "executors" n). */}}
{{- define "spark-k8s.gpuLimit" -}}
{{- if include "spark-k8s.gpuEnabled" .root -}}
{{ .root.Values.spark.executor.gpu.resourceName | quote }}: {{ mul .root.Values.spark.executor.gpu.amount .executors | quote }}
{{- end -}}
{{- end -}}

{{/* A Standalone worker's resources, as -D options of its daemon. */}}
{{- define "spark-k8s.workerGpuOpts" -}}
{{- if include "spark-k8s.gpuEnabled" . -}}
{{- printf "-Dspark.worker.resource.gpu.amount=%d -Dspark.worker.resource.gpu.discoveryScript=%s"
  (mul .Values.spark.executor.gpu.amount (include "spark-k8s.executorsPerWorker" . | int))
  .Values.spark.executor.gpu.discoveryScript -}}
{{- end -}}
{{- end -}}

{{- define "spark-k8s.validateGpu" -}}
{{- $g := .Values.spark.executor.gpu -}}
{{- if include "spark-k8s.gpuEnabled" . -}}
{{- $task := float64 $g.taskAmount -}}
{{- $maxFraction := ternary 0.5 1.0 (eq (toString .Values.spark.version) "3.5") -}}
{{- if and (ne $task (floor $task)) (gt $task $maxFraction) -}}
{{- fail (printf "spark.executor.gpu.taskAmount: %v; Spark %s takes a whole number or a fraction of at most %v" $g.taskAmount .Values.spark.version $maxFraction) -}}
{{- end -}}
{{- if gt $task (float64 $g.amount) -}}
{{- fail (printf "spark.executor.gpu.taskAmount: %v is more than an executor has (spark.executor.gpu.amount=%v); no task could run" $g.taskAmount $g.amount) -}}
{{- end -}}
{{- if and (ne (include "spark-k8s.backend" .) "standalone") (ne (base $g.resourceName) "gpu") -}}
{{- fail (printf "spark.executor.gpu.resourceName: %s; Spark on Kubernetes requests <vendor>/gpu, so the resource must be named <domain>/gpu (e.g. nvidia.com/gpu, amd.com/gpu)" $g.resourceName) -}}
{{- end -}}
{{- $scala := regexFind "_2\\.1[0-9]" (base $g.rapidsJar) | trimPrefix "_" -}}
{{- $info := include "spark-k8s.versionInfo" . | fromJson -}}
{{- if and $scala (ne $scala $info.scala) -}}
{{- fail (printf "spark.executor.gpu.rapidsJar: %s is built for Scala %s; Spark %s runs Scala %s" (base $g.rapidsJar) $scala .Values.spark.version $info.scala) -}}
{{- end -}}
{{- else if $g.rapidsJar -}}
{{- fail "spark.executor.gpu.rapidsJar: the RAPIDS Accelerator runs on GPUs; set spark.executor.gpu.amount" -}}
{{- end -}}
{{- end -}}
