{{/* ---------- Names and labels ---------- */}}

{{- define "spark-k8s.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/*
Object-name prefix. At most 40 characters: the longest suffix the chart appends is 22, and
Spark refuses executor pod-name prefixes over 47.
*/}}
{{- define "spark-k8s.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "spark-k8s.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels of one component. Call with (dict "root" $ "component" "connect"). */}}
{{- define "spark-k8s.selectorLabels" -}}
app.kubernetes.io/name: {{ include "spark-k8s.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* All labels of one component's objects. Call with (dict "root" $ "component" "connect"). */}}
{{- define "spark-k8s.labels" -}}
{{ include "spark-k8s.selectorLabels" . }}
app.kubernetes.io/part-of: spark-k8s
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "spark-k8s.chart" .root }}
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "spark-k8s.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "spark-k8s.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name: set the name of an existing ServiceAccount when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* ---------- What is deployed ---------- */}}

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

{{/* "true" when Spark's driver talks to the Kubernetes API (and so needs RBAC). */}}
{{- define "spark-k8s.driverUsesKubernetesApi" -}}
{{- if and .Values.spark.connect.enabled (has (include "spark-k8s.backend" .) (list "kubernetes" "operator")) }}true{{ end -}}
{{- end -}}

{{/* ---------- Versions and image ---------- */}}

{{/* Facts about each supported Spark line, as JSON. */}}
{{- define "spark-k8s.versionInfo" -}}
{{- $lines := dict
  "3.5" (dict "release" "3.5.5" "scala" "2.12" "hadoop" "3.3.4" "connectBundled" false "grpcBindingAddress" false)
  "4.1" (dict "release" "4.1.1" "scala" "2.13" "hadoop" "3.4.2" "connectBundled" true "grpcBindingAddress" true) -}}
{{- $v := toString .Values.spark.version -}}
{{- if not (hasKey $lines $v) -}}
{{- fail (printf "spark.version: %q is not supported; use \"3.5\" or \"4.1\"" $v) -}}
{{- end -}}
{{- $info := deepCopy (get $lines $v) -}}
{{- $tag := default (get $info "release") .Values.spark.image.tag -}}
{{- $fromTag := regexFind "^[0-9]+\\.[0-9]+\\.[0-9]+" $tag -}}
{{- if and $fromTag (not (hasPrefix (printf "%s." $v) $fromTag)) -}}
{{- fail (printf "spark.image.tag: %q is a Spark %s image but spark.version is %q" $tag $fromTag $v) -}}
{{- end -}}
{{- $_ := set $info "tag" $tag -}}
{{- $_ := set $info "sparkRelease" (default (get $info "release") $fromTag) -}}
{{- toJson $info -}}
{{- end -}}

{{- define "spark-k8s.image" -}}
{{- $info := include "spark-k8s.versionInfo" . | fromJson -}}
{{- printf "%s:%s" .Values.spark.image.repository $info.tag -}}
{{- end -}}

{{/*
"true" for the stock Apache Spark image (Docker Hub's apache/spark or spark), which has no
hadoop-aws: S3A needs an image built with images/Dockerfile, or packages fetched at start.
*/}}
{{- define "spark-k8s.stockImage" -}}
{{- $repo := .Values.spark.image.repository | trimPrefix "docker.io/" | trimPrefix "library/" -}}
{{- if has $repo (list "apache/spark" "spark") }}true{{ end -}}
{{- end -}}

{{- define "spark-k8s.imagePullSecrets" -}}
{{- with .Values.spark.imagePullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end -}}

{{/* ---------- Sizes ---------- */}}

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

{{/* ---------- Security ---------- */}}

{{- define "spark-k8s.podSecurityContext" -}}
runAsNonRoot: true
{{- if eq .Values.security.profile "restricted" }}
runAsUser: {{ .Values.security.runAsUser }}
runAsGroup: {{ .Values.security.runAsUser }}
fsGroup: {{ .Values.security.runAsUser }}
{{- end }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "spark-k8s.containerSecurityContext" -}}
allowPrivilegeEscalation: false
capabilities:
  drop: ["ALL"]
readOnlyRootFilesystem: {{ .Values.security.readOnlyRootFilesystem }}
runAsNonRoot: true
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "spark-k8s.podAnnotations" -}}
spark-k8s.io/security-profile: {{ .Values.security.profile }}
{{- end -}}

{{/* ---------- How containers start ---------- */}}

{{/*
The command of every container the chart starts without the image's entrypoint (executors and
operator drivers keep the entrypoint, which does the same for them): what follows
"spark-k8s-launch" runs, with the container's args, under tini (reaps orphaned children such as
Python workers, forwards signals), and a UID without a passwd entry gets one through nss_wrapper
(Hadoop's login fails without it, before it reads HADOOP_USER_NAME). The image installs both
(apache/spark-docker's Dockerfile). Call with the command: (include "spark-k8s.launchCommand"
"/opt/spark/bin/spark-class"). The kubelet rewrites $(NAME) and $$ in a command: backticks only.
*/}}
{{- define "spark-k8s.launchCommand" -}}
- /bin/bash
- -c
- |
  uid=`id -u`
  gid=`id -g`
  if ! getent passwd "$uid" >/dev/null; then
    for lib in /usr/lib/*/libnss_wrapper.so /usr/lib/libnss_wrapper.so; do
      if [ -s "$lib" ]; then
        export LD_PRELOAD="$lib" NSS_WRAPPER_PASSWD=`mktemp` NSS_WRAPPER_GROUP=`mktemp`
        echo "spark:x:$uid:$gid:spark:${HOME:-/tmp}:/bin/false" > "$NSS_WRAPPER_PASSWD"
        echo "spark:x:$gid:" > "$NSS_WRAPPER_GROUP"
        break
      fi
    done
  fi
  if [ -x /usr/bin/tini ]; then
    exec /usr/bin/tini -s -- "$@"
  fi
  exec "$@"
- spark-k8s-launch
- {{ . }}
{{- end -}}

{{/* ---------- Environment and volumes shared by Spark containers ---------- */}}

{{/*
HOME (Ivy's cache, the passwd entry of spark-k8s.launchCommand) and the user name Spark and
Hadoop report. They do not give a UID without a passwd entry a login: the launch command does.
*/}}
{{- define "spark-k8s.sparkEnv" -}}
- name: HOME
  value: /tmp
- name: SPARK_USER
  value: spark
- name: HADOOP_USER_NAME
  value: spark
{{- with .Values.spark.s3 }}
{{- if and .enabled .credentials.secretName }}
- name: AWS_ACCESS_KEY_ID
  valueFrom:
    secretKeyRef:
      name: {{ .credentials.secretName }}
      key: {{ .credentials.accessKeyIdKey }}
- name: AWS_SECRET_ACCESS_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .credentials.secretName }}
      key: {{ .credentials.secretAccessKeyKey }}
{{- end }}
{{- end }}
{{- end -}}

{{/*
sparkEnv for the pods Spark builds itself (executors, operator drivers): Spark adds its own SPARK_USER
there, after the template's, so the template must not carry one.
*/}}
{{- define "spark-k8s.sparkPodEnv" -}}
{{- $env := list -}}
{{- range include "spark-k8s.sparkEnv" . | fromYamlArray -}}
{{- if ne .name "SPARK_USER" }}{{ $env = append $env . }}{{ end -}}
{{- end -}}
{{- toYaml $env -}}
{{- end -}}

{{/* Writable paths of every Spark container: the root filesystem may be read-only. */}}
{{- define "spark-k8s.scratchMounts" -}}
- name: tmp
  mountPath: /tmp
- name: work-dir
  mountPath: /opt/spark/work-dir
{{- end -}}

{{- define "spark-k8s.scratchVolumes" -}}
- name: tmp
  emptyDir: {}
- name: work-dir
  emptyDir: {}
{{- end -}}

{{/* ---------- Spark configuration ---------- */}}

{{- define "spark-k8s.masterServiceName" -}}
{{- printf "%s-master" (include "spark-k8s.fullname" .) -}}
{{- end -}}

{{- define "spark-k8s.eventLogDir" -}}
{{- if .Values.spark.eventLog.dir -}}
{{- .Values.spark.eventLog.dir -}}
{{- else -}}
file:///var/spark-events
{{- end -}}
{{- end -}}

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

{{/* Maven packages the Connect server fetches at start, comma-separated (may be empty). */}}
{{- define "spark-k8s.connectPackages" -}}
{{- $info := include "spark-k8s.versionInfo" . | fromJson -}}
{{- $pkgs := list -}}
{{- if and (not $info.connectBundled) (eq .Values.spark.connect.serverJarSource "packages") -}}
{{- $pkgs = append $pkgs (printf "org.apache.spark:spark-connect_%s:%s" $info.scala $info.sparkRelease) -}}
{{- end -}}
{{- if and .Values.spark.s3.enabled .Values.spark.s3.withPackages -}}
{{- $pkgs = append $pkgs (printf "org.apache.hadoop:hadoop-aws:%s" $info.hadoop) -}}
{{- end -}}
{{- join "," $pkgs -}}
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
  "spark.eventLog.enabled" "spark.eventLog.dir" "spark.eventLog.rolling.enabled" "spark.eventLog.rolling.maxFileSize") -}}
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
{{- toJson $d -}}
{{- end -}}

{{/*
The Connect server's Spark configuration for the selected backend, as a dict in JSON. It is
written to spark-defaults.conf (kubernetes, standalone) or to a SparkApplication's sparkConf
(operator): one definition, so the backends cannot drift apart.
*/}}
{{- define "spark-k8s.connectConf" -}}
{{- $backend := include "spark-k8s.backend" . -}}
{{- $info := include "spark-k8s.versionInfo" . | fromJson -}}
{{- $exec := include "spark-k8s.executorSizing" . | fromJson -}}
{{- $drv := include "spark-k8s.driverSizing" . | fromJson -}}
{{- $scale := include "spark-k8s.executorScale" . | fromJson -}}
{{- $fullname := include "spark-k8s.fullname" . -}}
{{- $v := .Values.spark -}}
{{- $c := dict
  "spark.app.name" (printf "%s-connect" $fullname)
  "spark.connect.grpc.binding.port" (toString $v.connect.port)
  "spark.driver.memory" (printf "%dm" (int $drv.heap))
  "spark.driver.memoryOverhead" (printf "%dm" (int $drv.overhead))
  "spark.driver.cores" (toString $v.driver.cores)
  "spark.executor.memory" (printf "%dm" (int $exec.heap))
  "spark.executor.memoryOverhead" (printf "%dm" (int $exec.overhead))
  "spark.executor.cores" (toString $v.executor.cores)
  "spark.ui.port" "4040"
-}}
{{- if $info.grpcBindingAddress -}}
{{- $_ := set $c "spark.connect.grpc.binding.address" "0.0.0.0" -}}
{{- end -}}
{{- if ne $backend "operator" -}}
{{- $_ := set $c "spark.driver.port" (toString $v.driver.port) -}}
{{- $_ := set $c "spark.driver.blockManager.port" (toString $v.driver.blockManagerPort) -}}
{{- end -}}
{{- if $scale.dynamic -}}
{{- $_ := set $c "spark.dynamicAllocation.enabled" "true" -}}
{{- $_ := set $c "spark.dynamicAllocation.shuffleTracking.enabled" "true" -}}
{{- $_ := set $c "spark.dynamicAllocation.minExecutors" (toString $scale.min) -}}
{{- $_ := set $c "spark.dynamicAllocation.maxExecutors" (toString $scale.max) -}}
{{- $_ := set $c "spark.dynamicAllocation.executorIdleTimeout" $v.executor.dynamicAllocation.idleTimeout -}}
{{- else if ne $backend "standalone" -}}
{{- $_ := set $c "spark.executor.instances" (toString $scale.count) -}}
{{- end -}}
{{- if eq $backend "standalone" -}}
{{- $master := default (printf "spark://%s:%v" (include "spark-k8s.masterServiceName" .) $v.standalone.master.port) $v.standalone.masterUrl -}}
{{- $_ := set $c "spark.master" $master -}}
{{- $_ := set $c "spark.submit.deployMode" "client" -}}
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
{{- end -}}
{{- if eq $backend "operator" -}}
{{- $_ := set $c "spark.kubernetes.authenticate.driver.serviceAccountName" (include "spark-k8s.serviceAccountName" .) -}}
{{- $_ := set $c "spark.kubernetes.driver.podTemplateContainerName" "spark-driver" -}}
{{- end -}}
{{- if eq $backend "kubernetes" -}}
{{- $_ := set $c "spark.master" "k8s://https://kubernetes.default.svc" -}}
{{- $_ := set $c "spark.submit.deployMode" "client" -}}
{{- $_ := set $c "spark.kubernetes.namespace" .Release.Namespace -}}
{{- $_ := set $c "spark.kubernetes.executor.podTemplateFile" "/opt/spark/pod-templates/executor-pod-template.yaml" -}}
{{- end -}}
{{- $packages := include "spark-k8s.connectPackages" . -}}
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
{{- $derived := include "spark-k8s.derivedKeys" . | fromJsonArray -}}
{{- $user := dict -}}
{{- range $k, $val := $v.conf -}}
{{- if or (has $k $derived) (hasKey $c $k) -}}
{{- fail (printf "spark.conf.%s: the chart derives this key from its own values; set the chart value instead (see values.yaml)" $k) -}}
{{- end -}}
{{- $_ := set $user $k (toString $val) -}}
{{- end -}}
{{- toJson (merge $user $c (include "spark-k8s.tunableDefaults" . | fromJson)) -}}
{{- end -}}

{{/* A dict rendered as spark-defaults.conf: sorted "key value" lines. */}}
{{- define "spark-k8s.propertiesFile" -}}
{{- $lines := list -}}
{{- range $k := keys . | sortAlpha -}}
{{- $lines = append $lines (printf "%s %s" $k (get $ $k)) -}}
{{- end -}}
{{- join "\n" $lines -}}
{{- end -}}

{{/* ---------- Event log storage ---------- */}}

{{/* The volume holding a file-based event log (a PVC, or the pod's own emptyDir). */}}
{{- define "spark-k8s.eventLogVolume" -}}
{{- if and .Values.spark.eventLog.enabled (not .Values.spark.eventLog.dir) }}
- name: spark-events
{{- if .Values.spark.eventLog.existingClaim }}
  persistentVolumeClaim:
    claimName: {{ .Values.spark.eventLog.existingClaim }}
{{- else }}
  emptyDir: {}
{{- end }}
{{- end }}
{{- end -}}

{{- define "spark-k8s.eventLogMount" -}}
{{- if and .Values.spark.eventLog.enabled (not .Values.spark.eventLog.dir) }}
- name: spark-events
  mountPath: /var/spark-events
{{- end }}
{{- end -}}

{{/*
Spark refuses to start when the event-log directory does not exist, and on S3 a prefix exists
only once something is under it: create it before the server or History Server starts.
Include spark-k8s.eventLogInitContainer in initContainers and spark-k8s.eventLogInitVolume in
volumes when spark-k8s.eventLogOnS3 is true; its S3A settings are its own core-site.xml
(templates/event-log-init-configmap.yaml), the same for the server, the History Server and an
operator's driver.
*/}}
{{- define "spark-k8s.eventLogOnS3" -}}
{{- if and .Values.spark.eventLog.enabled (hasPrefix "s3a://" (include "spark-k8s.eventLogDir" .)) }}true{{ end -}}
{{- end -}}

{{- define "spark-k8s.eventLogInitContainer" -}}
{{- $dir := include "spark-k8s.eventLogDir" . -}}
- name: create-event-log-dir
  image: {{ include "spark-k8s.image" . }}
  imagePullPolicy: {{ .Values.spark.image.pullPolicy }}
  command: {{- include "spark-k8s.launchCommand" "/opt/spark/bin/spark-submit" | nindent 4 }}
  args:
    - --class
    - org.apache.hadoop.fs.FsShell
    - spark-internal
    - -mkdir
    - -p
    - {{ $dir }}
  env:
    # FsShell turns Hadoop's quiet mode off: without a core-site.xml on the class path it stops.
    - name: HADOOP_CONF_DIR
      value: /opt/spark/hadoop-conf
    {{- include "spark-k8s.sparkEnv" . | nindent 4 }}
  resources:
    requests:
      cpu: 100m
      memory: 512Mi
    limits:
      memory: 512Mi
  securityContext:
    {{- include "spark-k8s.containerSecurityContext" . | nindent 4 }}
  volumeMounts:
    - name: event-log-init
      mountPath: /opt/spark/hadoop-conf
      readOnly: true
    {{- include "spark-k8s.scratchMounts" . | nindent 4 }}
{{- end -}}

{{/* The pod volume the event-log init container reads its core-site.xml from. */}}
{{- define "spark-k8s.eventLogInitVolume" -}}
- name: event-log-init
  configMap:
    name: {{ include "spark-k8s.fullname" . }}-event-log-init
{{- end -}}

{{/* core-site.xml of the event-log init container: the release's S3A settings. */}}
{{- define "spark-k8s.eventLogInitCoreSite" -}}
<?xml version="1.0"?>
<configuration>
{{- range $k, $v := include "spark-k8s.s3Conf" . | fromJson }}
  <property><name>{{ trimPrefix "spark.hadoop." $k }}</name><value>{{ $v }}</value></property>
{{- end }}
</configuration>
{{- end -}}

{{/*
The executor pod spec, shared by the kubernetes backend's pod-template file and the operator's
executor templates. Spark overrides image, command, env it owns and resources it computes;
resources here are derived from the same values, so the template and Spark agree.
*/}}
{{- define "spark-k8s.executorPodSpec" -}}
{{- $exec := include "spark-k8s.executorSizing" . | fromJson -}}
automountServiceAccountToken: false
securityContext:
  {{- include "spark-k8s.podSecurityContext" . | nindent 2 }}
{{- include "spark-k8s.imagePullSecrets" . }}
containers:
  - name: spark-executor
    image: {{ include "spark-k8s.image" . }}
    env:
      {{- include "spark-k8s.sparkPodEnv" . | nindent 6 }}
    resources:
      requests:
        cpu: {{ .Values.spark.executor.cores | quote }}
        memory: {{ printf "%dMi" (int $exec.pod) }}
      limits:
        cpu: {{ .Values.spark.executor.cores | quote }}
        memory: {{ printf "%dMi" (int $exec.pod) }}
    securityContext:
      {{- include "spark-k8s.containerSecurityContext" . | nindent 6 }}
    volumeMounts:
      {{- include "spark-k8s.scratchMounts" . | nindent 6 }}
volumes:
  {{- include "spark-k8s.scratchVolumes" . | nindent 2 }}
{{- end -}}

{{/*
The operator-created driver pod's spec: the Connect server, restricted like every other pod. In
cluster mode the driver creates its executors with the ServiceAccount's token, which the
ServiceAccount itself does not mount.
*/}}
{{- define "spark-k8s.operatorDriverPodSpec" -}}
serviceAccountName: {{ include "spark-k8s.serviceAccountName" . }}
automountServiceAccountToken: true
securityContext:
  {{- include "spark-k8s.podSecurityContext" . | nindent 2 }}
{{- include "spark-k8s.imagePullSecrets" . }}
{{- if include "spark-k8s.eventLogOnS3" . }}
initContainers:
  {{- include "spark-k8s.eventLogInitContainer" . | nindent 2 }}
{{- end }}
containers:
  - name: spark-driver
    image: {{ include "spark-k8s.image" . }}
    env:
      {{- include "spark-k8s.sparkPodEnv" . | nindent 6 }}
    ports:
      - name: grpc
        containerPort: {{ .Values.spark.connect.port }}
    securityContext:
      {{- include "spark-k8s.containerSecurityContext" . | nindent 6 }}
    volumeMounts:
      {{- include "spark-k8s.eventLogMount" . | nindent 6 }}
      {{- include "spark-k8s.scratchMounts" . | nindent 6 }}
volumes:
  {{- include "spark-k8s.eventLogVolume" . | nindent 2 }}
  {{- if include "spark-k8s.eventLogOnS3" . }}
  {{- include "spark-k8s.eventLogInitVolume" . | nindent 2 }}
  {{- end }}
  {{- include "spark-k8s.scratchVolumes" . | nindent 2 }}
{{- end -}}
