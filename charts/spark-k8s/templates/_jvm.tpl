{{/*
How the chart starts Spark's JVMs, besides their memory: options and class path entries of its own,
with the user's spark.conf value of the same key after them.
*/}}

{{/* Where the image's jars are: the class path a class-data archive is made with and served to. */}}
{{- define "spark-k8s.imageJars" -}}/opt/spark/jars/*{{- end -}}

{{/*
The options that map spark.image.classDataArchive; empty without one. -Xshare:auto: a JVM that finds
the archive does not match (another JDK, other jars, a class path that starts otherwise) starts
without it.
*/}}
{{- define "spark-k8s.classDataArchiveOptions" -}}
{{- with .Values.spark.image.classDataArchive }}-XX:SharedArchiveFile={{ . }} -Xshare:auto{{ end -}}
{{- end -}}

{{/*
The Spark keys of the driver's and the executors' JVMs that the chart sets, as a dict in JSON, each the
chart's part followed by the user's value of that key. Arguments: (dict "root" $ "job" true|false).
- A batch driver on the standalone backend: the launcher's module options (a worker starts a
  cluster-mode driver without them).
- Standalone executors: -Xms of the executor memory. A worker gives an executor -Xmx only, where the
  image's entrypoint gives a Kubernetes executor -Xms and -Xmx both: the same fixed heap here.
- With a class-data archive: its options, and the image's jars first on the class path, since a JDK
  archive only serves a class path that starts as the one it was made with, and Spark's launcher puts
  the extra class path first (the configuration directory would be first otherwise). Drivers on every
  backend and Standalone executors; a Kubernetes executor pod's class path starts with the
  configuration directory Spark mounts there whatever the extra class path is, so it is not given one.
*/}}
{{- define "spark-k8s.jvmConf" -}}
{{- $root := .root -}}
{{- $backend := include "spark-k8s.backend" $root -}}
{{- $info := include "spark-k8s.versionInfo" $root | fromJson -}}
{{- $exec := include "spark-k8s.executorSizing" $root | fromJson -}}
{{- $archive := include "spark-k8s.classDataArchiveOptions" $root -}}
{{- $standalone := eq $backend "standalone" -}}
{{- $job := eq (toString .job) "true" -}}
{{- $chart := dict
  "spark.driver.extraJavaOptions" (list (ternary $info.javaModuleOptions "" (and $job $standalone)) $archive)
  "spark.driver.extraClassPath" (list (ternary (include "spark-k8s.imageJars" $root) "" (ne $archive "")))
  "spark.executor.extraJavaOptions" (ternary (list (printf "-Xms%dm" (int $exec.heap)) $archive) (list) $standalone)
  "spark.executor.extraClassPath" (list (ternary (include "spark-k8s.imageJars" $root) "" (and $standalone (ne $archive ""))))
-}}
{{- $c := dict -}}
{{- range $key, $parts := $chart -}}
{{- $parts = compact $parts -}}
{{- if $parts -}}
{{- $separator := ternary ":" " " (hasSuffix "ClassPath" $key) -}}
{{- $user := index $root.Values.spark.conf $key | default "" | toString -}}
{{- $_ := set $c $key (join $separator (compact (append $parts $user))) -}}
{{- end -}}
{{- end -}}
{{- toJson $c -}}
{{- end -}}

{{/*
What makes the Standalone master, the workers and the History Server use spark.image.classDataArchive:
spark-class puts SPARK_DAEMON_CLASSPATH first on their class path and gives them SPARK_DAEMON_JAVA_OPTS.
*/}}
{{- define "spark-k8s.classDataArchiveDaemonEnv" -}}
{{- with include "spark-k8s.classDataArchiveOptions" . -}}
- name: SPARK_DAEMON_CLASSPATH
  value: {{ include "spark-k8s.imageJars" $ | quote }}
- name: SPARK_DAEMON_JAVA_OPTS
  value: {{ . | quote }}
{{- end -}}
{{- end -}}
