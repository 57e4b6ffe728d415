{{/*
Batch jobs (spark.jobs): the profile `spark-k8s jobs submit` reads, rendered into the ConfigMap
<fullname>-job-profile. Kubernetes backend: cluster deploy mode, the driver a pod Spark's submission
client builds from driver-pod-template.yaml (where spark.kubernetes.driver.podTemplateFile points
when the profile is mounted at /opt/spark/pod-templates). Operator backend: the same templates and
configuration go into a SparkApplication. Standalone backend: the driver runs on a worker, and the
submitting pod waits for it, so that its Job's status is the driver's.
*/}}

{{- define "spark-k8s.jobsEnabled" -}}
{{- if .Values.spark.jobs.enabled }}true{{ end -}}
{{- end -}}

{{/* Where the job profile's pod templates are mounted in a submitting pod. */}}
{{- define "spark-k8s.jobTemplatesDir" -}}/opt/spark/pod-templates{{- end -}}

{{/* The keys of a batch job's submission, besides the Connect server's, as a dict in JSON. */}}
{{- define "spark-k8s.jobSubmissionConf" -}}
{{- $backend := include "spark-k8s.backend" . -}}
{{- $c := dict -}}
{{- if eq $backend "standalone" -}}
{{- $_ := set $c "spark.standalone.submit.waitAppCompletion" "true" -}}
{{- else -}}
{{- $_ := set $c "spark.kubernetes.authenticate.driver.serviceAccountName" (include "spark-k8s.serviceAccountName" .) -}}
{{- $_ := set $c "spark.kubernetes.driver.podTemplateContainerName" "spark-driver" -}}
{{- $_ := set $c "spark.kubernetes.driver.request.cores" (toString .Values.spark.driver.cores) -}}
{{- $_ := set $c "spark.kubernetes.driver.limit.cores" (toString .Values.spark.driver.cores) -}}
{{- $_ := set $c "spark.kubernetes.appKillPodDeletionGracePeriod" (printf "%ds" (int .Values.spark.jobs.killGracePeriodSeconds)) -}}
{{- end -}}
{{- if eq $backend "kubernetes" -}}
{{- $_ := set $c "spark.kubernetes.driver.podTemplateFile" (printf "%s/driver-pod-template.yaml" (include "spark-k8s.jobTemplatesDir" .)) -}}
{{- /* The CLI follows the driver's state itself; the submission returns once the driver pod exists. */ -}}
{{- $_ := set $c "spark.kubernetes.submission.waitAppCompletion" "false" -}}
{{- end -}}
{{- toJson $c -}}
{{- end -}}

{{/*
The standalone backend's submitting pod: spark-submit in cluster deploy mode against the release's
master, through submit.sh (jobStandaloneSubmitScript) with the job's arguments after it. It holds
no Spark process of the job: the master starts the driver on a worker.
*/}}
{{- define "spark-k8s.jobSubmitterPodSpec" -}}
automountServiceAccountToken: false
restartPolicy: Never
terminationGracePeriodSeconds: {{ .Values.spark.jobs.killGracePeriodSeconds }}
{{- include "spark-k8s.podPlacement" (dict "root" . "component" "job-driver") }}
securityContext:
  {{- include "spark-k8s.podSecurityContext" . | nindent 2 }}
{{- include "spark-k8s.imagePullSecrets" . }}
containers:
  - name: spark-submit
    image: {{ include "spark-k8s.image" . }}
    imagePullPolicy: {{ .Values.spark.image.pullPolicy }}
    command: {{- include "spark-k8s.launchCommand" "/bin/bash" | nindent 6 }}
    args:
      - {{ include "spark-k8s.jobProfileDir" . }}/submit.sh
    env:
      {{- include "spark-k8s.sparkEnv" . | nindent 6 }}
      - name: SPARK_MASTER_URL
        value: {{ index (include "spark-k8s.jobConf" . | fromJson) "spark.master" | quote }}
      - name: JOB_PROFILE_DIR
        value: {{ include "spark-k8s.jobProfileDir" . }}
      {{- with include "spark-k8s.authSecretEnv" . }}{{ . | nindent 6 }}
      {{- /* A worker drops -Dspark.authenticate.secret* from a driver's options, and the driver refuses to start
      without the key; Spark's client hands its environment on to the driver, whose JVM reads this variable. */}}
      - name: JAVA_TOOL_OPTIONS
        value: {{ printf "\"-Dspark.authenticate.secret=%s\"" (index (include "spark-k8s.jobConf" $ | fromJson) "spark.authenticate.secret") | quote }}
      {{- end }}
      {{- include "spark-k8s.extraEnv" (dict "root" . "component" "job-driver" "indent" 6) }}
    resources:
      requests:
        cpu: 100m
        memory: 512Mi
      limits:
        memory: 512Mi
    securityContext:
      {{- include "spark-k8s.containerSecurityContext" . | nindent 6 }}
    volumeMounts:
      - name: job-profile
        mountPath: {{ include "spark-k8s.jobProfileDir" . }}
        readOnly: true
      {{- include "spark-k8s.scratchMounts" . | nindent 6 }}
      {{- include "spark-k8s.extraVolumeMounts" (dict "root" . "component" "job-driver" "indent" 6) }}
volumes:
  - name: job-profile
    configMap:
      name: {{ include "spark-k8s.fullname" . }}-job-profile
      items:
        - key: spark-defaults.conf
          path: spark-defaults.conf
        - key: submit.sh
          path: submit.sh
  {{- include "spark-k8s.scratchVolumes" . | nindent 2 }}
  {{- include "spark-k8s.extraVolumes" (dict "root" . "component" "job-driver" "indent" 2) }}
{{- end -}}

{{/* Where the standalone backend's submitting pod mounts the job profile. */}}
{{- define "spark-k8s.jobProfileDir" -}}/opt/spark/job-profile{{- end -}}

{{/*
submit.sh of the standalone backend's submitting pod. spark-submit's Standalone client
(ClientEndpoint, with spark.standalone.submit.waitAppCompletion) exits 0 whatever the driver's end,
so the last driver state it reports decides the exit code: 0 for FINISHED, 1 otherwise. SIGTERM
(the Job deleted: `spark-k8s jobs kill`) kills the driver through the master first (Spark's
`org.apache.spark.deploy.Client kill`), then waits for the client to see it end.
*/}}
{{- define "spark-k8s.jobStandaloneSubmitScript" -}}
#!/usr/bin/env bash
set -u
home="${SPARK_HOME:-/opt/spark}"
out=`mktemp`
# A worker fetches the application with Hadoop's file systems, which know no local: scheme; a file in the
# image is a file on every worker's file system, as Standalone's cluster mode asks (file://). The application
# follows spark-submit's options (each --option with its value, as spark-k8s gives them); its arguments are kept.
args=()
while [ $# -gt 0 ] && [ "${1#--}" != "$1" ]; do
  args+=("$1" "$2")
  shift 2
done
if [ $# -gt 0 ]; then
  case "$1" in
    local://*) args+=("file://${1#local://}") ;;
    *) args+=("$1") ;;
  esac
  shift
fi
args+=("$@")
"$home/bin/spark-submit" --master "$SPARK_MASTER_URL" --deploy-mode cluster \
  --properties-file "$JOB_PROFILE_DIR/spark-defaults.conf" "${args[@]}" >"$out" 2>&1 &
submit=$!
tail -n +1 -f --pid="$submit" "$out" &
follow=$!
driver_id() {
  grep -o 'submitted as driver-[0-9]*-[0-9]*' "$out" | head -n 1 | cut -d' ' -f3
}
stop() {
  id=`driver_id`
  if [ -n "$id" ]; then
    echo "spark-k8s: stopping: killing driver $id through the master $SPARK_MASTER_URL"
    # Spark's client reads no properties file: it gets the profile's spark.authenticate and RPC encryption keys
    # (the secret's placeholder is in JAVA_TOOL_OPTIONS already).
    conf=`grep -E '^spark[.](authenticate|network[.]crypto[.]enabled) ' "$JOB_PROFILE_DIR/spark-defaults.conf" \
      | awk '{printf " -D%s=%s", $1, $2}'`
    JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-}$conf" \
      "$home/bin/spark-class" org.apache.spark.deploy.Client kill "$SPARK_MASTER_URL" "$id"
    wait "$submit"
  else
    kill "$submit" 2>/dev/null
  fi
  wait "$follow"
  exit 143
}
trap stop TERM INT
wait "$submit"
code=$?
wait "$follow"
state=`grep -o 'State of driver driver-[0-9]*-[0-9]* is [A-Z]*' "$out" | tail -n 1 | awk '{print $NF}'`
case "$state" in
  FINISHED) exit 0 ;;
  "")
    echo "spark-k8s: spark-submit exited $code before the master reported the driver's end"
    [ "$code" -ne 0 ] && exit "$code"
    exit 1 ;;
  *)
    echo "spark-k8s: driver `driver_id` ended $state"
    exit 1 ;;
esac
{{- end -}}
