{{/*
spark.executor.localStorage: the executors' scratch space (Spark's local dir). On Kubernetes Spark
takes every volume of the executor container whose name starts with spark-local-dir- as a local
dir (LocalDirsFeatureStep, after the volumes of spark.kubernetes.executor.volumes.*) and sets
SPARK_LOCAL_DIRS to its mount path: emptyDir and tmpfs are that volume in the executor pod spec,
onDemandClaim is Spark's own per-executor claim. Standalone executors use their worker's local dir.
*/}}

{{- define "spark-k8s.localDirPath" -}}/opt/spark/local-dir{{- end -}}

{{/* Size per executor in MiB; 0 when unset. */}}
{{- define "spark-k8s.localStorageMib" -}}
{{- $size := .Values.spark.executor.localStorage.size -}}
{{- if not $size -}}
0
{{- else -}}
{{- $n := regexFind "^[0-9]+" $size | int64 -}}
{{- $unit := get (dict "Mi" 1 "Gi" 1024 "Ti" 1048576) (regexReplaceAll "^[0-9]+" $size "") -}}
{{- mul $n $unit -}}
{{- end -}}
{{- end -}}

{{/* RAM a tmpfs local dir takes per executor, MiB (0 for the other types). */}}
{{- define "spark-k8s.executorTmpfsMib" -}}
{{- if eq .Values.spark.executor.localStorage.type "tmpfs" }}{{ include "spark-k8s.localStorageMib" . }}{{ else }}0{{ end -}}
{{- end -}}

{{/* A local-dir volume: an emptyDir of the given sizeLimit (may be empty), in RAM for tmpfs. Call with (dict "name" n "type" t "size" s). */}}
{{- define "spark-k8s.localDirEmptyDir" -}}
{{- $dir := dict -}}
{{- if eq .type "tmpfs" }}{{ $_ := set $dir "medium" "Memory" }}{{ end -}}
{{- if .size }}{{ $_ := set $dir "sizeLimit" .size }}{{ end -}}
{{- toYaml (list (dict "name" .name "emptyDir" $dir)) -}}
{{- end -}}

{{/* The executor pod's local-dir volume: emptyDir and tmpfs; onDemandClaim comes from Spark's keys. */}}
{{- define "spark-k8s.executorLocalDirVolume" -}}
{{- with .Values.spark.executor.localStorage -}}
{{- if ne .type "onDemandClaim" -}}
{{- include "spark-k8s.localDirEmptyDir" (dict "name" "spark-local-dir-1" "type" .type "size" .size) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "spark-k8s.executorLocalDirMount" -}}
{{- if ne .Values.spark.executor.localStorage.type "onDemandClaim" -}}
- name: spark-local-dir-1
  mountPath: {{ include "spark-k8s.localDirPath" . }}
{{- end -}}
{{- end -}}

{{/*
Spark keys of an on-demand claim per executor (kubernetes and operator backends), as a dict in
JSON: Spark creates it (its storageClass and size are required, Spark reads both unchecked), the
driver owns it and hands it to a new executor when its executor is gone. Not
waitToReusePersistentVolumeClaim: Spark 3.5 and 4.1 count a claim reusable only once it is older
than spark.kubernetes.allocation.executor.timeout (10 minutes), so with it a lost executor is not
replaced, nor a scale-up served, until then; without it a new executor gets a new claim when none
is reusable yet.
*/}}
{{- define "spark-k8s.localStorageConf" -}}
{{- $c := dict -}}
{{- $ls := .Values.spark.executor.localStorage -}}
{{- if and (eq $ls.type "onDemandClaim") (ne (include "spark-k8s.backend" .) "standalone") -}}
{{- $volume := "spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1." -}}
{{- $_ := set $c (print $volume "options.claimName") "OnDemand" -}}
{{- $_ := set $c (print $volume "options.storageClass") $ls.storageClass -}}
{{- $_ := set $c (print $volume "options.sizeLimit") $ls.size -}}
{{- $_ := set $c (print $volume "mount.path") (include "spark-k8s.localDirPath" .) -}}
{{- $_ := set $c (print $volume "mount.readOnly") "false" -}}
{{- $_ := set $c "spark.kubernetes.driver.ownPersistentVolumeClaim" "true" -}}
{{- $_ := set $c "spark.kubernetes.driver.reusePersistentVolumeClaim" "true" -}}
{{- end -}}
{{- toJson $c -}}
{{- end -}}

{{/* A Standalone worker's local dir holds the scratch space of every executor it can run. */}}
{{- define "spark-k8s.workerLocalDirSize" -}}
{{- $mib := include "spark-k8s.localStorageMib" . | int64 -}}
{{- if gt $mib 0 }}{{ printf "%dMi" (mul $mib (include "spark-k8s.executorsPerWorker" . | int64)) }}{{ end -}}
{{- end -}}

{{- define "spark-k8s.workerLocalDirVolume" -}}
{{- $type := .Values.spark.executor.localStorage.type -}}
{{- if ne $type "onDemandClaim" -}}
{{- include "spark-k8s.localDirEmptyDir" (dict "name" "spark-local-dir" "type" $type "size" (include "spark-k8s.workerLocalDirSize" .)) -}}
{{- end -}}
{{- end -}}

{{- define "spark-k8s.workerLocalDirMount" -}}
- name: spark-local-dir
  mountPath: {{ include "spark-k8s.localDirPath" . }}
{{- end -}}

{{/* onDemandClaim on Standalone: a claim per worker pod, from the StatefulSet's volumeClaimTemplates. */}}
{{- define "spark-k8s.workerLocalDirClaimTemplate" -}}
{{- with .Values.spark.executor.localStorage -}}
{{- if eq .type "onDemandClaim" -}}
- metadata:
    name: spark-local-dir
    labels:
      {{- include "spark-k8s.labels" (dict "root" $ "component" "worker") | nindent 6 }}
  spec:
    accessModes: ["ReadWriteOnce"]
    storageClassName: {{ .storageClass }}
    resources:
      requests:
        storage: {{ include "spark-k8s.workerLocalDirSize" $ }}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "spark-k8s.validateLocalStorage" -}}
{{- with .Values.spark.executor.localStorage -}}
{{- if and (has .type (list "tmpfs" "onDemandClaim")) (not .size) -}}
{{- fail (printf "spark.executor.localStorage.size: type %s needs a size per executor, e.g. 20Gi" .type) -}}
{{- end -}}
{{- if and (eq .type "onDemandClaim") (not .storageClass) -}}
{{- fail "spark.executor.localStorage.storageClass: type onDemandClaim needs a StorageClass (Spark creates its claims with exactly the one named)" -}}
{{- end -}}
{{- if and .storageClass (ne .type "onDemandClaim") -}}
{{- fail (printf "spark.executor.localStorage.storageClass: only type onDemandClaim uses a StorageClass; type is %s" .type) -}}
{{- end -}}
{{- end -}}
{{- range $k, $_ := .Values.spark.conf -}}
{{- if regexMatch "^spark\\.kubernetes\\.executor\\.volumes\\.[^.]+\\.spark-local-dir-" $k -}}
{{- fail (printf "spark.conf.%s: the executors' local dir is the chart's spark-local-dir-1 volume; set spark.executor.localStorage instead" $k) -}}
{{- end -}}
{{- end -}}
{{- end -}}
