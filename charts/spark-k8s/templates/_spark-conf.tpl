{{/* The Spark configuration of the Connect server (spark-defaults.conf or a SparkApplication's
sparkConf) and the settings it shares with the other Spark processes. */}}

{{/* The S3A settings every Spark process of the release shares, as a dict in JSON. */}}
{{- define "spark-k8s.s3Conf" -}}
{{- $c := dict -}}
{{- with .Values.spark.s3 -}}
{{- if .enabled -}}
{{- if .endpoint }}{{ $_ := set $c "spark.hadoop.fs.s3a.endpoint" .endpoint }}{{ end -}}
{{- $_ := set $c "spark.hadoop.fs.s3a.endpoint.region" .region -}}
{{- $_ := set $c "spark.hadoop.fs.s3a.path.style.access" (toString .pathStyleAccess) -}}
{{- end -}}
{{- end -}}
{{- toJson $c -}}
{{- end -}}

{{/* The TCP port of the S3 endpoint (spark.s3.endpoint): its own, else its scheme's; AWS (no endpoint): 443. */}}
{{- define "spark-k8s.s3Port" -}}
{{- $e := .Values.spark.s3.endpoint -}}
{{- $port := regexFind ":[0-9]+(/|$)" (regexReplaceAll "^[a-z]+://" $e "") | trimPrefix ":" | trimSuffix "/" -}}
{{- if $port }}{{ $port }}{{ else if hasPrefix "http://" $e }}80{{ else }}443{{ end -}}
{{- end -}}

{{/* Maven packages the Connect server fetches at start, comma-separated (may be empty): the chart's, then spark.connect.extraPackages. */}}
{{- define "spark-k8s.connectPackages" -}}
{{- $info := include "spark-k8s.versionInfo" . | fromJson -}}
{{- $pkgs := list -}}
{{- if and (not $info.connectBundled) (eq .Values.spark.connect.serverJarSource "packages") -}}
{{- $pkgs = append $pkgs (printf "org.apache.spark:spark-connect_%s:%s" $info.scala $info.sparkRelease) -}}
{{- end -}}
{{- if and .Values.spark.s3.enabled .Values.spark.s3.withPackages -}}
{{- $pkgs = append $pkgs (printf "org.apache.hadoop:hadoop-aws:%s" $info.hadoop) -}}
{{- end -}}
{{- range $i, $p := .Values.spark.connect.extraPackages -}}
{{- $artifact := regexReplaceAll ":[^:]*$" $p "" -}}
{{- $scala := regexFind "_2\\.1[0-9]$" $artifact | trimPrefix "_" -}}
{{- if and $scala (ne $scala $info.scala) -}}
{{- fail (printf "spark.connect.extraPackages[%d]: %s is built for Scala %s; Spark %s runs Scala %s" $i $artifact $scala $.Values.spark.version $info.scala) -}}
{{- end -}}
{{- range $pkgs -}}
{{- if hasPrefix (printf "%s:" $artifact) . -}}
{{- fail (printf "spark.connect.extraPackages[%d]: %s is already in spark.jars.packages (%s); list each artifact once" $i $artifact .) -}}
{{- end -}}
{{- end -}}
{{- $pkgs = append $pkgs $p -}}
{{- end -}}
{{- join "," $pkgs -}}
{{- end -}}

{{/* Maven packages a batch job's driver fetches (may be empty): hadoop-aws with spark.s3.withPackages. */}}
{{- define "spark-k8s.jobPackages" -}}
{{- if and .Values.spark.s3.enabled .Values.spark.s3.withPackages -}}
{{- printf "org.apache.hadoop:hadoop-aws:%s" (include "spark-k8s.versionInfo" . | fromJson).hadoop -}}
{{- end -}}
{{- end -}}

{{/*
Spark keys the chart derives from its own values in some configuration; spark.conf may never set
them (besides every key the chart sets in the current configuration).
*/}}
{{- define "spark-k8s.derivedKeys" -}}
{{- toJson (list "spark.master" "spark.submit.deployMode" "spark.driver.host" "spark.driver.bindAddress"
  "spark.driver.port" "spark.driver.blockManager.port" "spark.blockManager.port" "spark.ui.port"
  "spark.executor.instances" "spark.cores.max"
  "spark.dynamicAllocation.enabled" "spark.dynamicAllocation.minExecutors" "spark.dynamicAllocation.maxExecutors"
  "spark.dynamicAllocation.initialExecutors" "spark.dynamicAllocation.shuffleTracking.enabled"
  "spark.connect.grpc.binding.address" "spark.connect.grpc.binding.host"
  "spark.jars.packages" "spark.jars.ivy" "spark.jars.repositories"
  "spark.kubernetes.driver.pod.name" "spark.kubernetes.authenticate.driver.serviceAccountName"
  "spark.kubernetes.executor.terminationGracePeriodSeconds"
  "spark.eventLog.enabled" "spark.eventLog.dir" "spark.eventLog.rolling.enabled" "spark.eventLog.rolling.maxFileSize"
  "spark.decommission.enabled" "spark.storage.decommission.enabled"
  "spark.executor.resource.gpu.amount" "spark.task.resource.gpu.amount"
  "spark.authenticate" "spark.authenticate.secret" "spark.authenticate.secret.file"
  "spark.authenticate.secret.driver.file" "spark.authenticate.secret.executor.file"
  "spark.network.crypto.enabled" "spark.io.encryption.enabled"
  "spark.master.rest.enabled" "spark.ui.killEnabled") -}}
{{- end -}}

{{/*
Performance defaults of the chart; spark.conf may override them. Shuffle partitions follow the
executor slots (executors, or the dynamic-allocation max, times cores) when
spark.executor.shufflePartitionsPerCore is set.
*/}}
{{- define "spark-k8s.tunableDefaults" -}}
{{- $d := dict
  "spark.serializer" "org.apache.spark.serializer.KryoSerializer"
  "spark.locality.wait" "0s" -}}
{{- $perCore := int .Values.spark.executor.shufflePartitionsPerCore -}}
{{- if gt $perCore 0 -}}
{{- $scale := include "spark-k8s.executorScale" . | fromJson -}}
{{- $slots := mul (ternary $scale.max $scale.count $scale.dynamic) .Values.spark.executor.cores -}}
{{- if gt (int $slots) 0 }}{{ $_ := set $d "spark.sql.shuffle.partitions" (toString (mul $slots $perCore)) }}{{ end -}}
{{- end -}}
{{- $d = merge $d (include "spark-k8s.s3CommitterConf" . | fromJson) -}}
{{- toJson $d -}}
{{- end -}}

{{/*
Performance defaults of the Connect server only; spark.conf may override them. Spark Connect gives
each session its own class loader and Spark caches generated code per class loader, so every
session compiles its own classes: Spark's cache of 100 entries holds about five sessions' worth of
a query mix, and with more sessions at once it evicts what the next query needs, so the server
compiles on every query (bench/README.md: 4.1 at 32 sessions). 1000 keeps some 50 sessions' code.
*/}}
{{- define "spark-k8s.connectTunableDefaults" -}}
{{- toJson (dict "spark.sql.codegen.cache.maxEntries" "1000") -}}
{{- end -}}

{{/*
Writes to s3a:// through an S3A committer (magic: no rename of the output, which S3 can only copy),
with Spark's PathOutputCommitProtocol (module spark-hadoop-cloud, in images built with
images/Dockerfile); writes to other file systems go through it to their usual committer. Not with
spark.s3.withPackages: the stock image lacks spark-hadoop-cloud, and fetching it brings every cloud
SDK. Dynamic partition overwrite (spark.sql.sources.partitionOverwriteMode=dynamic) needs a committer
that supports it: set spark.sql.sources.commitProtocolClass back in spark.conf for that.
*/}}
{{- define "spark-k8s.s3CommitterConf" -}}
{{- $c := dict -}}
{{- if and .Values.spark.s3.enabled (not .Values.spark.s3.withPackages) -}}
{{- $_ := set $c "spark.hadoop.fs.s3a.committer.name" "magic" -}}
{{- $_ := set $c "spark.hadoop.fs.s3a.committer.magic.enabled" "true" -}}
{{- $_ := set $c "spark.hadoop.mapreduce.outputcommitter.factory.scheme.s3a" "org.apache.hadoop.fs.s3a.commit.S3ACommitterFactory" -}}
{{- $_ := set $c "spark.sql.sources.commitProtocolClass" "org.apache.spark.internal.io.cloud.PathOutputCommitProtocol" -}}
{{- $_ := set $c "spark.sql.parquet.output.committer.class" "org.apache.spark.internal.io.cloud.BindingParquetOutputCommitter" -}}
{{- end -}}
{{- toJson $c -}}
{{- end -}}

{{/*
The Connect server's Spark configuration for the selected backend, as a dict in JSON. It is
written to spark-defaults.conf (kubernetes, standalone) or to a SparkApplication's sparkConf
(operator): one definition, so the backends cannot drift apart.
*/}}
{{- define "spark-k8s.connectConf" -}}
{{- include "spark-k8s.applicationConf" (dict "root" . "job" false) -}}
{{- end -}}

{{/*
The Spark configuration of the release's batch applications (the job profile), as a dict in JSON:
what the Connect server's executors get, in cluster deploy mode.
*/}}
{{- define "spark-k8s.jobConf" -}}
{{- include "spark-k8s.applicationConf" (dict "root" . "job" true) -}}
{{- end -}}

{{/*
A Spark application's configuration: the Connect server's (job false) or a batch job's (job true).
Call with (dict "root" $ "job" bool).
*/}}
{{- define "spark-k8s.applicationConf" -}}
{{- $job := .job -}}
{{- with .root -}}
{{- $backend := include "spark-k8s.backend" . -}}
{{- $info := include "spark-k8s.versionInfo" . | fromJson -}}
{{- $exec := include "spark-k8s.executorSizing" . | fromJson -}}
{{- $drv := include "spark-k8s.driverSizing" . | fromJson -}}
{{- $scale := include "spark-k8s.executorScale" . | fromJson -}}
{{- $fullname := include "spark-k8s.fullname" . -}}
{{- $v := .Values.spark -}}
{{- $c := dict
  "spark.driver.memory" (printf "%dm" (int $drv.heap))
  "spark.driver.memoryOverhead" (printf "%dm" (int $drv.overhead))
  "spark.driver.cores" (toString $v.driver.cores)
  "spark.executor.memory" (printf "%dm" (int $exec.heap))
  "spark.executor.memoryOverhead" (printf "%dm" (int $exec.overhead))
  "spark.executor.cores" (toString $v.executor.cores)
  "spark.ui.port" "4040"
-}}
{{- if ne $backend "operator" }}{{ $_ := set $c "spark.submit.deployMode" (ternary "cluster" "client" $job) }}{{ end -}}
{{- if not $job -}}
{{- $_ := set $c "spark.app.name" (printf "%s-connect" $fullname) -}}
{{- $_ := set $c "spark.connect.grpc.binding.port" (toString $v.connect.port) -}}
{{- if $info.grpcBindingAddress -}}
{{- $_ := set $c "spark.connect.grpc.binding.address" (include "spark-k8s.connectBindingAddress" .) -}}
{{- end -}}
{{- if ne $backend "operator" -}}
{{- $_ := set $c "spark.driver.port" (toString $v.driver.port) -}}
{{- $_ := set $c "spark.driver.blockManager.port" (toString $v.driver.blockManagerPort) -}}
{{- end -}}
{{- end -}}
{{- if $scale.dynamic -}}
{{- $_ := set $c "spark.dynamicAllocation.enabled" "true" -}}
{{- /* Shuffle tracking keeps executors that hold shuffle data. With decommission their shuffle blocks
migrate instead, which Spark counts as the alternative; both at once keep idle executors (one that
received migrated blocks counts as holding an active shuffle until the next job ends), so scale-down
stalls (seen on the Kubernetes harness). */ -}}
{{- $_ := set $c "spark.dynamicAllocation.shuffleTracking.enabled" (ternary "false" "true" (eq (toString $v.decommission.enabled) "true")) -}}
{{- $_ := set $c "spark.dynamicAllocation.minExecutors" (toString $scale.min) -}}
{{- $_ := set $c "spark.dynamicAllocation.maxExecutors" (toString $scale.max) -}}
{{- $_ := set $c "spark.dynamicAllocation.executorIdleTimeout" $v.executor.dynamicAllocation.idleTimeout -}}
{{- else if ne $backend "standalone" -}}
{{- $_ := set $c "spark.executor.instances" (toString $scale.count) -}}
{{- end -}}
{{- if eq $backend "standalone" -}}
{{- $master := default (printf "spark://%s:%v" (include "spark-k8s.masterServiceName" .) $v.standalone.master.port) $v.standalone.masterUrl -}}
{{- $_ := set $c "spark.master" $master -}}
{{- $executors := ternary $scale.max $scale.count $scale.dynamic -}}
{{- $_ := set $c "spark.cores.max" (toString (mul $executors $v.executor.cores)) -}}
{{- else -}}
{{- $_ := set $c "spark.kubernetes.container.image" (include "spark-k8s.image" .) -}}
{{- $_ := set $c "spark.kubernetes.container.image.pullPolicy" $v.image.pullPolicy -}}
{{- with $v.imagePullSecrets }}{{ $_ := set $c "spark.kubernetes.container.image.pullSecrets" (join "," .) }}{{ end -}}
{{- $_ := set $c "spark.kubernetes.executor.podNamePrefix" $fullname -}}
{{- $_ := set $c "spark.kubernetes.executor.request.cores" (toString $v.executor.cores) -}}
{{- $_ := set $c "spark.kubernetes.executor.limit.cores" (toString $v.executor.cores) -}}
{{- $_ := set $c "spark.kubernetes.executor.podTemplateContainerName" "spark-executor" -}}
{{- /* From 4.1 Spark sets its own grace period (30s by default) on executor pods, over the template's. */ -}}
{{- $grace := (include "spark-k8s.podSettings" (dict "root" . "component" "executor") | fromJson).terminationGracePeriodSeconds -}}
{{- if and $info.executorGracePeriodKey $grace -}}
{{- $_ := set $c "spark.kubernetes.executor.terminationGracePeriodSeconds" (printf "%ds" (int $grace)) -}}
{{- end -}}
{{- end -}}
{{- if eq $backend "operator" -}}
{{- $_ := set $c "spark.kubernetes.authenticate.driver.serviceAccountName" (include "spark-k8s.serviceAccountName" .) -}}
{{- $_ := set $c "spark.kubernetes.driver.podTemplateContainerName" "spark-driver" -}}
{{- end -}}
{{- if eq $backend "kubernetes" -}}
{{- $_ := set $c "spark.master" "k8s://https://kubernetes.default.svc" -}}
{{- $_ := set $c "spark.kubernetes.namespace" .Release.Namespace -}}
{{- $_ := set $c "spark.kubernetes.executor.podTemplateFile" "/opt/spark/pod-templates/executor-pod-template.yaml" -}}
{{- end -}}
{{- if $job -}}
{{- $c = merge $c (include "spark-k8s.jobSubmissionConf" . | fromJson) -}}
{{- end -}}
{{- $packages := ternary (include "spark-k8s.jobPackages" .) (include "spark-k8s.connectPackages" .) $job -}}
{{- if $packages -}}
{{- $_ := set $c "spark.jars.packages" $packages -}}
{{- $_ := set $c "spark.jars.ivy" "/tmp/.ivy2" -}}
{{- with $v.connect.packageRepositories }}{{ $_ := set $c "spark.jars.repositories" (join "," .) }}{{ end -}}
{{- end -}}
{{- if $v.eventLog.enabled -}}
{{- $_ := set $c "spark.eventLog.enabled" "true" -}}
{{- $_ := set $c "spark.eventLog.dir" (include "spark-k8s.eventLogDir" .) -}}
{{- with $v.eventLog.rolling -}}
{{- $_ := set $c "spark.eventLog.rolling.enabled" (toString .enabled) -}}
{{- if .enabled -}}
{{- $_ := include "spark-k8s.mib" (dict "key" "spark.eventLog.rolling.maxFileSize" "value" .maxFileSize) -}}
{{- $_ := set $c "spark.eventLog.rolling.maxFileSize" (lower .maxFileSize) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $c = merge $c (include "spark-k8s.s3Conf" . | fromJson) -}}
{{- $c = merge $c (include "spark-k8s.localStorageConf" . | fromJson) (include "spark-k8s.gpuConf" . | fromJson)
  (include "spark-k8s.decommissionConf" . | fromJson) (include "spark-k8s.driverMetricsConf" . | fromJson)
  (include "spark-k8s.driverSecurityConf" (dict "root" . "job" $job) | fromJson) -}}
{{- $derived := include "spark-k8s.derivedKeys" . | fromJsonArray -}}
{{- $user := dict -}}
{{- /* The JVM keys the chart sets hold the user's value already, after the chart's. */ -}}
{{- $userConf := $v.conf -}}
{{- range $k, $val := include "spark-k8s.jvmConf" (dict "root" . "job" $job) | fromJson -}}
{{- $_ := set $c $k $val -}}
{{- $userConf = omit $userConf $k -}}
{{- end -}}
{{- range $k, $val := $userConf -}}
{{- if or (has $k $derived) (hasKey $c $k) -}}
{{- fail (printf "spark.conf.%s: the chart derives this key from its own values; set the chart value instead (see values.yaml)" $k) -}}
{{- end -}}
{{- $_ := set $user $k (include "spark-k8s.confValue" $val) -}}
{{- end -}}
{{- $tunable := include "spark-k8s.tunableDefaults" . | fromJson -}}
{{- if not $job }}{{ $tunable = merge $tunable (include "spark-k8s.connectTunableDefaults" . | fromJson) }}{{ end -}}
{{- toJson (merge $user $c $tunable) -}}
{{- end -}}
{{- end -}}

{{/* A spark.conf value as Spark reads it: a whole number from a values file (a float) without an exponent. */}}
{{- define "spark-k8s.confValue" -}}
{{- if kindIs "float64" . -}}
{{- if eq . (floor .) }}{{ printf "%d" (int64 .) }}{{ else }}{{ toString . }}{{ end -}}
{{- else if not (kindIs "invalid" .) -}}
{{- toString . -}}
{{- end -}}
{{- end -}}

{{/* A dict rendered as spark-defaults.conf: sorted "key value" lines. */}}
{{- define "spark-k8s.propertiesFile" -}}
{{- $lines := list -}}
{{- range $k := keys . | sortAlpha -}}
{{- $lines = append $lines (printf "%s %s" $k (get $ $k)) -}}
{{- end -}}
{{- join "\n" $lines -}}
{{- end -}}
