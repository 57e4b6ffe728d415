{{/* Placement and pod metadata from values: pods.<field> is the default for every pod of the
release, <component>.pod.<field> overrides it. Maps and lists of named entries merge by key, the
component's entry winning; the other fields are replaced by the component's when it sets them.
Every helper here takes (dict "root" $ "component" "connect"), component being the chart's
component label: connect, executor, master, worker, history or job-driver. */}}

{{- define "spark-k8s.podSettingsKey" -}}
{{- $keys := dict "connect" "spark.connect" "executor" "spark.executor" "master" "spark.standalone.master"
  "worker" "spark.standalone.worker" "history" "spark.historyServer" "job-driver" "spark.jobs.driver" -}}
{{- required (printf "no pod settings for component %q" .component) (get $keys .component) -}}
{{- end -}}

{{/*
Names the chart or Spark gives to what a pod's settings could add: env vars, volumes, mount paths,
labels and annotations. An extra entry of the same name would override the chart's wiring or be
dropped silently (Kubernetes keeps the last env var of a name; the API server refuses a volume
name or mount path twice), and server-side apply merges these lists by name.
*/}}
{{- define "spark-k8s.reservedPodNames" -}}
{{- $env := list "SPARK_CONF_DIR" "SPARK_DRIVER_POD_IP" "SPARK_DRIVER_POD_NAME" "SPARK_POD_IP"
  "SPARK_DAEMON_MEMORY" "SPARK_MASTER_OPTS" "SPARK_WORKER_OPTS" -}}
{{- range include "spark-k8s.classDataArchiveDaemonEnv" .root | fromYamlArray }}{{ $env = append $env .name }}{{ end -}}
{{- range include "spark-k8s.sparkEnv" .root | fromYamlArray }}{{ $env = append $env .name }}{{ end -}}
{{- /* What Spark sets on the driver and executor pods it builds (Constants.ENV_*, LocalDirsFeatureStep). */ -}}
{{- $env = concat $env (list "SPARK_DRIVER_URL" "SPARK_EXECUTOR_CORES" "SPARK_EXECUTOR_MEMORY"
  "SPARK_EXECUTOR_DIRS" "SPARK_APPLICATION_ID" "SPARK_EXECUTOR_ID" "SPARK_EXECUTOR_POD_IP"
  "SPARK_EXECUTOR_POD_NAME" "SPARK_EXECUTOR_ATTRIBUTE_APP_ID" "SPARK_EXECUTOR_ATTRIBUTE_EXECUTOR_ID"
  "SPARK_CLASSPATH" "SPARK_DRIVER_BIND_ADDRESS" "SPARK_RESOURCE_PROFILE_ID" "SPARK_LOCAL_DIRS"
  (include "spark-k8s.authSecretEnvName" .root) "SPARK_CONNECT_AUTHENTICATE_TOKEN") -}}
{{- $mountPaths := list "/tmp" "/opt/spark/work-dir" "/opt/spark/conf" "/opt/spark/pod-templates"
  "/var/spark-events" "/opt/spark/hadoop-conf" "/opt/spark/recovery" "/opt/spark/pod-template"
  "/opt/spark/bin" "/opt/spark/jars" "/opt/spark/auth" (include "spark-k8s.localDirPath" .root) -}}
{{- /* spark.secrets' own names, unless asked for what the chart owns besides them (to check spark.secrets). */ -}}
{{- if not .withoutSecrets -}}
{{- range .root.Values.spark.secrets -}}
{{- if hasKey . "envName" }}{{ $env = append $env .envName }}{{ else }}{{ $mountPaths = append $mountPaths (trimSuffix "/" .mountPath) }}{{ end -}}
{{- end -}}
{{- end -}}
{{- toJson (dict
  "env" (uniq $env)
  "envPrefixes" (list "SPARK_JAVA_OPT_")
  "volumes" (list "tmp" "work-dir" "spark-conf" "executor-pod-template" "spark-events" "event-log-init"
    "recovery" "history-conf" "spark-conf-volume-driver" "spark-conf-volume-exec" "pod-template-volume"
    "hadoop-properties" "krb5-file" "kerberos-keytab" "hadoop-secret" "kubernetes-credentials" "spark-local-dir"
    "connect-proxy-conf" "connect-tls" "connect-proxy-run")
  "volumePrefixes" (list "spark-local-dir-" "spark-secret-")
  "mountPaths" $mountPaths
  "labels" (list "app.kubernetes.io/name" "app.kubernetes.io/instance" "app.kubernetes.io/component"
    "app.kubernetes.io/part-of" "app.kubernetes.io/managed-by" "helm.sh/chart"
    "spark-role" "spark-app-selector" "spark-app-name" "spark-exec-id" "spark-exec-resourceprofile-id"
    "spark-exec-inactive" "spark-version" (include "spark-k8s.decommissionLabel" .root))
  "annotationPrefixes" (concat (list "spark-k8s.io/" "checksum/")
    (ternary (list "prometheus.io/") (list) .root.Values.monitoring.enabled))) -}}
{{- end -}}

{{/* Pod Security "restricted" (and OpenShift restricted-v2) allow only these volume types. */}}
{{- define "spark-k8s.restrictedVolumeTypes" -}}
{{- toJson (list "configMap" "csi" "downwardAPI" "emptyDir" "ephemeral" "persistentVolumeClaim" "projected" "secret") -}}
{{- end -}}

{{/*
The component's pod settings, resolved and checked, as JSON: nodeSelector, labels, annotations
(merged per key); extraEnv, extraVolumes (per name), extraVolumeMounts (per mountPath), a
component's entry replacing the default's of the same key; tolerations, affinity,
topologySpreadConstraints, priorityClassName, terminationGracePeriodSeconds (0: not set) from the
component when it sets them, else from pods; executors and workers that decommission get the time
it needs (spark-k8s.decommissionGracePeriodSeconds) unless one of them sets a grace period.
*/}}
{{- define "spark-k8s.podSettings" -}}
{{- $key := include "spark-k8s.podSettingsKey" . -}}
{{- $node := .root.Values -}}
{{- range splitList "." $key }}{{ $node = get $node . | default dict }}{{ end -}}
{{- $own := get $node "pod" | default dict -}}
{{- $defaults := .root.Values.pods | default dict -}}
{{- $ownKey := printf "%s.pod" $key -}}
{{- $r := dict -}}
{{- $origin := dict -}}
{{- range $field := list "nodeSelector" "labels" "annotations" -}}
{{- $merged := dict -}}
{{- range $src := list (dict "key" "pods" "values" (get $defaults $field)) (dict "key" $ownKey "values" (get $own $field)) -}}
{{- range $k, $v := $src.values | default dict -}}
{{- $_ := set $merged $k $v -}}
{{- $_ := set $origin (printf "%s/%s" $field $k) (printf "%s.%s.%s" $src.key $field $k) -}}
{{- end -}}
{{- end -}}
{{- $_ := set $r $field $merged -}}
{{- end -}}
{{- range $field, $by := dict "extraEnv" "name" "extraVolumes" "name" "extraVolumeMounts" "mountPath" -}}
{{- $byKey := dict -}}
{{- $order := list -}}
{{- range $src := list (dict "key" "pods" "values" (get $defaults $field)) (dict "key" $ownKey "values" (get $own $field)) -}}
{{- $seen := dict -}}
{{- range $entry := $src.values | default list -}}
{{- $k := toString (get $entry $by) -}}
{{- if hasKey $seen $k -}}
{{- fail (printf "%s.%s: %s %q is listed twice" $src.key $field $by $k) -}}
{{- end -}}
{{- $_ := set $seen $k true -}}
{{- if not (hasKey $byKey $k) }}{{ $order = append $order $k }}{{ end -}}
{{- $_ := set $byKey $k $entry -}}
{{- $_ := set $origin (printf "%s/%s" $field $k) (printf "%s.%s[%s]" $src.key $field $k) -}}
{{- end -}}
{{- end -}}
{{- $list := list -}}
{{- range $order }}{{ $list = append $list (get $byKey .) }}{{ end -}}
{{- $_ := set $r $field $list -}}
{{- end -}}
{{- range $field := list "tolerations" "affinity" "topologySpreadConstraints" "priorityClassName" "terminationGracePeriodSeconds" -}}
{{- $_ := set $r $field (get $own $field | default (get $defaults $field)) -}}
{{- end -}}
{{- if and (not $r.terminationGracePeriodSeconds) (has .component (list "executor" "worker")) -}}
{{- with include "spark-k8s.decommissionGracePeriodSeconds" .root }}{{ $_ := set $r "terminationGracePeriodSeconds" (int .) }}{{ end -}}
{{- end -}}
{{- $_ := include "spark-k8s.checkPodSettings" (dict "root" .root "settings" $r "origin" $origin) -}}
{{- toJson $r -}}
{{- end -}}

{{/* Fails, naming the values key, on a setting that would break the chart's wiring or its security profile. */}}
{{- define "spark-k8s.checkPodSettings" -}}
{{- $reserved := include "spark-k8s.reservedPodNames" . | fromJson -}}
{{- $s := .settings -}}
{{- $origin := .origin -}}
{{- range $k, $_ := $s.labels -}}
{{- $at := get $origin (printf "labels/%s" $k) -}}
{{- if has $k $reserved.labels -}}
{{- fail (printf "%s: the chart or Spark sets this label on its pods, and finds them by it (Services, Spark's executor watch); choose another key" $at) -}}
{{- end -}}
{{- if hasKey ($.root.Values.commonLabels | default dict) $k -}}
{{- fail (printf "%s: commonLabels sets this label on every object already; set it in one place" $at) -}}
{{- end -}}
{{- end -}}
{{- range $k, $_ := $s.annotations -}}
{{- range $reserved.annotationPrefixes -}}
{{- if hasPrefix . $k -}}
{{- fail (printf "%s: annotations under %s are the chart's own; choose another key" (get $origin (printf "annotations/%s" $k)) .) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range $s.extraEnv -}}
{{- $name := .name -}}
{{- $at := get $origin (printf "extraEnv/%s" $name) -}}
{{- $owned := has $name $reserved.env -}}
{{- range $reserved.envPrefixes }}{{ if hasPrefix . $name }}{{ $owned = true }}{{ end }}{{ end -}}
{{- if $owned -}}
{{- fail (printf "%s: the chart, Spark or spark.secrets sets %s already; a second entry of that name would override its wiring or be ignored" $at .name) -}}
{{- end -}}
{{- if and (hasKey . "value") (hasKey . "valueFrom") -}}
{{- fail (printf "%s: give value or valueFrom, not both" $at) -}}
{{- end -}}
{{- end -}}
{{- $allowed := include "spark-k8s.restrictedVolumeTypes" . | fromJsonArray -}}
{{- $volumes := list -}}
{{- range $s.extraVolumes -}}
{{- $name := .name -}}
{{- $at := get $origin (printf "extraVolumes/%s" $name) -}}
{{- $volumes = append $volumes $name -}}
{{- $owned := has $name $reserved.volumes -}}
{{- range $reserved.volumePrefixes }}{{ if hasPrefix . $name }}{{ $owned = true }}{{ end }}{{ end -}}
{{- if $owned -}}
{{- fail (printf "%s: the chart or Spark names a volume %s; choose another name" $at .name) -}}
{{- end -}}
{{- $types := without (keys . | sortAlpha) "name" -}}
{{- if ne (len $types) 1 -}}
{{- fail (printf "%s: a volume needs exactly one type (one of %s), found %d" $at (join ", " $allowed) (len $types)) -}}
{{- end -}}
{{- $type := first $types -}}
{{- if not (has $type $allowed) -}}
{{- fail (printf "%s.%s: Pod Security \"restricted\" (and OpenShift restricted-v2) refuse %s volumes on every pod of the chart; use one of %s" $at $type $type (join ", " $allowed)) -}}
{{- end -}}
{{- end -}}
{{- range $s.extraVolumeMounts -}}
{{- $at := get $origin (printf "extraVolumeMounts/%s" .mountPath) -}}
{{- if not (has .name $volumes) -}}
{{- fail (printf "%s: mounts volume %q, which is not in the pod's extraVolumes" $at (toString .name)) -}}
{{- end -}}
{{- $path := printf "%s/" (trimSuffix "/" .mountPath) -}}
{{- range $reserved.mountPaths -}}
{{- if hasPrefix $path (printf "%s/" .) -}}
{{- fail (printf "%s: a volume there would hide %s, which the chart or the image's Spark uses; mount it somewhere else" $at .) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The pod template's labels: the component's, then the pod settings'. */}}
{{- define "spark-k8s.podLabels" -}}
{{- $pod := include "spark-k8s.podSettings" . | fromJson -}}
{{ include "spark-k8s.labels" . }}
{{- with $pod.labels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/*
The scheduling fields of a pod spec the settings set, nothing when none is (the default). This
and the three below take the indent of what they add as "indent" (0 unless given), and start
with a newline when they add anything.
*/}}
{{- define "spark-k8s.podPlacement" -}}
{{- $pod := include "spark-k8s.podSettings" . | fromJson -}}
{{- $fields := pick $pod "nodeSelector" "tolerations" "affinity" "priorityClassName" -}}
{{- with $pod.topologySpreadConstraints -}}
{{- /* A constraint without a selector spreads the component's own pods. */ -}}
{{- $selector := dict "matchLabels" (include "spark-k8s.selectorLabels" $ | fromYaml) -}}
{{- $constraints := list -}}
{{- range . -}}
{{- $constraint := deepCopy . -}}
{{- if not $constraint.labelSelector }}{{ $_ := set $constraint "labelSelector" $selector }}{{ end -}}
{{- $constraints = append $constraints $constraint -}}
{{- end -}}
{{- $_ := set $fields "topologySpreadConstraints" $constraints -}}
{{- end -}}
{{- with $pod.terminationGracePeriodSeconds }}{{ $_ := set $fields "terminationGracePeriodSeconds" (int .) }}{{ end -}}
{{- range $k, $v := $fields }}{{ if not $v }}{{ $_ := unset $fields $k }}{{ end }}{{ end -}}
{{- with $fields }}{{ toYaml . | nindent (int ($.indent | default 0)) }}{{ end -}}
{{- end -}}

{{/* Env vars, volume mounts and volumes the settings add to the pod's Spark container. */}}
{{- define "spark-k8s.extraEnv" -}}
{{- with (include "spark-k8s.podSettings" . | fromJson).extraEnv }}{{ toYaml . | nindent (int ($.indent | default 0)) }}{{ end -}}
{{- end -}}

{{- define "spark-k8s.extraVolumeMounts" -}}
{{- with (include "spark-k8s.podSettings" . | fromJson).extraVolumeMounts }}{{ toYaml . | nindent (int ($.indent | default 0)) }}{{ end -}}
{{- end -}}

{{- define "spark-k8s.extraVolumes" -}}
{{- with (include "spark-k8s.podSettings" . | fromJson).extraVolumes }}{{ toYaml . | nindent (int ($.indent | default 0)) }}{{ end -}}
{{- end -}}
