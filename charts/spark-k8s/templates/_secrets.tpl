{{/*
spark.secrets: existing Secrets as files or environment variables of the job's pods, the Spark
driver and its executors (executor pod template, operator specs, Standalone workers, whose
executor processes inherit the worker's environment and files). One definition for every pod,
through the pod spec only (no spark.kubernetes.*.secrets keys): each Secret lands once per pod.
*/}}

{{/* The pod volumes, one per mounted entry, named after its index; empty when none. */}}
{{- define "spark-k8s.secretVolumes" -}}
{{- $out := list -}}
{{- range $i, $s := .Values.spark.secrets -}}
{{- if hasKey $s "mountPath" -}}
{{- $out = append $out (dict "name" (printf "spark-secret-%d" $i) "secret" (dict "secretName" $s.secretName)) -}}
{{- end -}}
{{- end -}}
{{- with $out }}{{ toYaml . }}{{ end -}}
{{- end -}}

{{- define "spark-k8s.secretMounts" -}}
{{- $out := list -}}
{{- range $i, $s := .Values.spark.secrets -}}
{{- if hasKey $s "mountPath" -}}
{{- $out = append $out (dict "name" (printf "spark-secret-%d" $i) "mountPath" $s.mountPath "readOnly" true) -}}
{{- end -}}
{{- end -}}
{{- with $out }}{{ toYaml . }}{{ end -}}
{{- end -}}

{{- define "spark-k8s.secretEnv" -}}
{{- $out := list -}}
{{- range .Values.spark.secrets -}}
{{- if hasKey . "envName" -}}
{{- $out = append $out (dict "name" .envName "valueFrom" (dict "secretKeyRef" (dict "name" .secretName "key" .key))) -}}
{{- end -}}
{{- end -}}
{{- with $out }}{{ toYaml . }}{{ end -}}
{{- end -}}

{{/*
What the schema cannot check: no two entries share an envName or a mountPath, no envName is one
the chart or Spark sets, no mountPath is, holds or sits in a directory the chart mounts
(or Spark's jars and scripts).
*/}}
{{- define "spark-k8s.validateSecrets" -}}
{{- $owned := include "spark-k8s.reservedPodNames" (dict "root" . "withoutSecrets" true) | fromJson -}}
{{- $taken := $owned.mountPaths -}}
{{- $chartEnv := $owned.env -}}
{{- $env := dict -}}
{{- $paths := dict -}}
{{- range $i, $s := .Values.spark.secrets -}}
{{- if hasKey $s "envName" -}}
{{- if or (has $s.envName $chartEnv) (hasPrefix "SPARK_" $s.envName) -}}
{{- fail (printf "spark.secrets[%d].envName: %s is set by the chart or Spark; choose another name" $i $s.envName) -}}
{{- end -}}
{{- if hasKey $env $s.envName -}}
{{- fail (printf "spark.secrets[%d].envName: %s is also spark.secrets[%v].envName; each variable once" $i $s.envName (get $env $s.envName)) -}}
{{- end -}}
{{- $_ := set $env $s.envName (toString $i) -}}
{{- else -}}
{{- $path := trimSuffix "/" $s.mountPath -}}
{{- range $taken -}}
{{- if or (eq $path .) (hasPrefix (printf "%s/" $path) .) (hasPrefix (printf "%s/" .) $path) -}}
{{- fail (printf "spark.secrets[%d].mountPath: %s is, holds or sits in %s, which the chart mounts; choose another directory (e.g. /etc/secrets/<name>)" $i $s.mountPath .) -}}
{{- end -}}
{{- end -}}
{{- if hasKey $paths $path -}}
{{- fail (printf "spark.secrets[%d].mountPath: %s is also spark.secrets[%v].mountPath; each directory once" $i $s.mountPath (get $paths $path)) -}}
{{- end -}}
{{- $_ := set $paths $path (toString $i) -}}
{{- end -}}
{{- end -}}
{{- end -}}
