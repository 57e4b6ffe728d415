{{/* Memory and CPU derived from one value each, and the executor count. */}}

{{/* A Spark memory string ("512m", "4g") in MiB. Call with (dict "key" "spark.x.memory" "value" "4g"). */}}
{{- define "spark-k8s.mib" -}}
{{- $s := lower (toString .value) -}}
{{- if not (regexMatch "^[1-9][0-9]*[mg]$" $s) -}}
{{- fail (printf "%s: %q is not a memory size; use a whole number with m or g, e.g. 512m or 4g" .key (toString .value)) -}}
{{- end -}}
{{- $n := regexFind "^[0-9]+" $s | int -}}
{{- if hasSuffix "g" $s }}{{ mul $n 1024 }}{{ else }}{{ $n }}{{ end -}}
{{- end -}}

{{/*
JVM heap, overhead and pod memory (MiB) of one Spark JVM, derived from one value the way
Spark itself derives the overhead. Call with (dict "key" "spark.executor" "values" .Values.spark.executor);
returns JSON.
*/}}
{{- define "spark-k8s.jvmSizing" -}}
{{- $heap := include "spark-k8s.mib" (dict "key" (printf "%s.memory" .key) "value" .values.memory) | int -}}
{{- $factor := .values.memoryOverheadFactor -}}
{{- $overhead := max 384 (floor (mulf $heap $factor) | int) -}}
{{- toJson (dict "heap" $heap "overhead" $overhead "pod" (add $heap $overhead)) -}}
{{- end -}}

{{- define "spark-k8s.executorSizing" -}}
{{- include "spark-k8s.jvmSizing" (dict "key" "spark.executor" "values" .Values.spark.executor) -}}
{{- end -}}

{{- define "spark-k8s.driverSizing" -}}
{{- include "spark-k8s.jvmSizing" (dict "key" "spark.driver" "values" .Values.spark.driver) -}}
{{- end -}}

{{/*
Executor count as JSON: {"dynamic":false,"count":N} or {"dynamic":true,"min":A,"max":B}.
"min:A max:B" turns dynamic allocation on; an integer with dynamicAllocation.enabled scales 0..N.
*/}}
{{- define "spark-k8s.executorScale" -}}
{{- $i := .Values.spark.executor.instances -}}
{{- if kindIs "string" $i -}}
{{- if not (regexMatch "^min:[0-9]+ max:[0-9]+$" $i) -}}
{{- fail (printf "spark.executor.instances: %q: use an integer or \"min:A max:B\"" $i) -}}
{{- end -}}
{{- $n := regexFindAll "[0-9]+" $i -1 -}}
{{- $min := index $n 0 | int -}}
{{- $max := index $n 1 | int -}}
{{- if or (gt $min $max) (lt $max 1) -}}
{{- fail (printf "spark.executor.instances: %q: max must be at least 1 and not below min" $i) -}}
{{- end -}}
{{- toJson (dict "dynamic" true "min" $min "max" $max) -}}
{{- else if .Values.spark.executor.dynamicAllocation.enabled -}}
{{- toJson (dict "dynamic" true "min" 0 "max" (int $i)) -}}
{{- else -}}
{{- toJson (dict "dynamic" false "count" (int $i)) -}}
{{- end -}}
{{- end -}}
