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

{{/*
An executor's memory (MiB) as JSON: heap, overhead, offHeap and pod (the pod's request and
limit). Spark sizes a JVM application's executor pod as heap + overhead + off-heap, so memory it
leaves out (PySpark workers, a tmpfs local dir) is added to the overhead it is told.
*/}}
{{- define "spark-k8s.executorSizing" -}}
{{- $jvm := include "spark-k8s.jvmSizing" (dict "key" "spark.executor" "values" .Values.spark.executor) | fromJson -}}
{{- $extra := include "spark-k8s.executorMemoryBeyondHeap" . | fromJson -}}
{{- $overhead := add $jvm.overhead $extra.pyspark $extra.tmpfs -}}
{{- toJson (dict "heap" $jvm.heap "overhead" $overhead "offHeap" $extra.offHeap "pod" (add $jvm.heap $overhead $extra.offHeap)) -}}
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

{{/*
A Spark size ("2g", "512m", "1073741824") in whole MiB, rounded down as Spark rounds; a bare number
counts .unit ("b" or "m"). Call with (dict "key" "spark.conf.spark.memory.offHeap.size" "value" v "unit" "b").
*/}}
{{- define "spark-k8s.sparkSizeMib" -}}
{{- $s := lower (trim (include "spark-k8s.confValue" .value)) -}}
{{- if not (regexMatch "^[0-9]+([kmgtp]b?|b)?$" $s) -}}
{{- fail (printf "%s: %q is not a Spark size; use a whole number with k, m, g or t, e.g. 2g" .key (include "spark-k8s.confValue" .value)) -}}
{{- end -}}
{{- $n := regexFind "^[0-9]+" $s | int64 -}}
{{- $suffix := regexReplaceAll "^[0-9]+" $s "" -}}
{{- $suffix = ternary $suffix (trimSuffix "b" $suffix) (eq $suffix "b") -}}
{{- $bytes := get (dict "" (ternary 1 1048576 (eq .unit "b")) "b" 1 "k" 1024 "m" 1048576 "g" 1073741824 "t" 1099511627776 "p" 1125899906842624) $suffix -}}
{{- div (mul $n $bytes) 1048576 -}}
{{- end -}}

{{/*
Memory an executor uses beyond its heap and JVM overhead (MiB) as JSON: off-heap
(spark.memory.offHeap.size when spark.memory.offHeap.enabled), PySpark workers
(spark.executor.pyspark.memory), both from spark.conf, and a tmpfs local dir. The driver runs no
tasks: none of them is the driver's.
*/}}
{{- define "spark-k8s.executorMemoryBeyondHeap" -}}
{{- $conf := .Values.spark.conf -}}
{{- $offHeap := 0 -}}
{{- if eq (lower (include "spark-k8s.confValue" (get $conf "spark.memory.offHeap.enabled"))) "true" -}}
{{- $offHeap = include "spark-k8s.sparkSizeMib" (dict "key" "spark.conf.spark.memory.offHeap.size" "value" (get $conf "spark.memory.offHeap.size" | default "0") "unit" "b") | int64 -}}
{{- if eq $offHeap 0 -}}
{{- fail "spark.conf.spark.memory.offHeap.size: spark.memory.offHeap.enabled needs a size of at least 1m (e.g. 2g)" -}}
{{- end -}}
{{- end -}}
{{- $pyspark := 0 -}}
{{- if hasKey $conf "spark.executor.pyspark.memory" -}}
{{- $pyspark = include "spark-k8s.sparkSizeMib" (dict "key" "spark.conf.spark.executor.pyspark.memory" "value" (get $conf "spark.executor.pyspark.memory") "unit" "m") | int64 -}}
{{- end -}}
{{- toJson (dict "offHeap" $offHeap "pyspark" $pyspark "tmpfs" (include "spark-k8s.executorTmpfsMib" . | int64)) -}}
{{- end -}}

{{/* Executors one Standalone worker can hold: by memory and by cores. */}}
{{- define "spark-k8s.executorsPerWorker" -}}
{{- $v := .Values.spark -}}
{{- $worker := include "spark-k8s.mib" (dict "key" "spark.standalone.worker.memory" "value" $v.standalone.worker.memory) | int -}}
{{- $heap := include "spark-k8s.mib" (dict "key" "spark.executor.memory" "value" $v.executor.memory) | int -}}
{{- min (div $worker $heap) (div (int $v.standalone.worker.cores) (int $v.executor.cores)) -}}
{{- end -}}

{{/*
A Standalone worker (MiB) as JSON: offered (the memory it offers executors: their heaps) and pod
(its container's request and limit): what it offers plus overhead, its daemon's heap, and what
each executor it can hold uses beyond its heap.
*/}}
{{- define "spark-k8s.workerSizing" -}}
{{- $v := .Values.spark -}}
{{- $offered := include "spark-k8s.jvmSizing" (dict "key" "spark.standalone.worker" "values" (dict "memory" $v.standalone.worker.memory "memoryOverheadFactor" $v.executor.memoryOverheadFactor)) | fromJson -}}
{{- $daemon := include "spark-k8s.mib" (dict "key" "spark.standalone.daemonMemory" "value" $v.standalone.daemonMemory) | int -}}
{{- $extra := include "spark-k8s.executorMemoryBeyondHeap" . | fromJson -}}
{{- $perExecutor := add $extra.offHeap $extra.pyspark $extra.tmpfs -}}
{{- $executors := include "spark-k8s.executorsPerWorker" . | int -}}
{{- toJson (dict "offered" $offered.heap "daemon" $daemon "pod" (add $offered.pod $daemon (mul $executors $perExecutor))) -}}
{{- end -}}
