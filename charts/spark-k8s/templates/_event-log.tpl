{{/* Where the event log is, the volume holding it, and the init container that creates an
s3a:// prefix. */}}

{{- define "spark-k8s.eventLogDir" -}}
{{- if .Values.spark.eventLog.dir -}}
{{- .Values.spark.eventLog.dir -}}
{{- else -}}
file:///var/spark-events
{{- end -}}
{{- end -}}

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
  command: {{- include "spark-k8s.eventLogInitCommand" . | nindent 4 }}
  # The pod's status then shows the log's last lines, the one line on S3 among them (kubectl describe pod).
  terminationMessagePolicy: FallbackToLogsOnError
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

{{/*
The event-log init container's launch script: launchCommand's, except that it waits for FsShell
instead of exec'ing it, and when FsShell fails it ends the log with one line naming the S3
endpoint (from the core-site.xml S3A reads), the bucket and what S3 answered, the line `up --local`
prints for a bad S3 setting. A pod waiting in Init shows it in kubectl describe pod and kubectl logs
-c create-event-log-dir. The last arg is the directory.
*/}}
{{- define "spark-k8s.eventLogInitCommand" -}}
- /bin/bash
- -c
- |
  {{- include "spark-k8s.launchPasswdEntry" . | nindent 2 }}
  output=`mktemp`
  if [ -x /usr/bin/tini ]; then
    /usr/bin/tini -s -- "$@" 2>&1 | tee "$output"
  else
    "$@" 2>&1 | tee "$output"
  fi
  code=${PIPESTATUS[0]}
  if [ "$code" -ne 0 ]; then
    dir="${@: -1}"
    bucket="${dir#s3a://}"
    bucket="${bucket%%/*}"
    site="$HADOOP_CONF_DIR/core-site.xml"
    endpoint=`sed -n 's|.*<name>fs.s3a.endpoint</name><value>\([^<]*\)</value>.*|\1|p' "$site"`
    region=`sed -n 's|.*<name>fs.s3a.endpoint.region</name><value>\([^<]*\)</value>.*|\1|p' "$site"`
    answer=`grep '^mkdir: ' "$output" | tail -n 1 | sed -e 's/.*Exception: //' -e 's/\(([^)]*)\).*/\1/'`
    echo "S3 at ${endpoint:-AWS S3 in $region}, bucket $bucket: cannot create the event-log directory $dir: ${answer:-exit code $code, see above}"
  fi
  rm -f "$output"
  exit "$code"
- spark-k8s-launch
- /opt/spark/bin/spark-submit
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
  <!-- An endpoint that does not answer fails within seconds, not after S3A's minutes of retries: the
       kubelet runs the init container again, and its log says why meanwhile. -->
  <property><name>fs.s3a.attempts.maximum</name><value>0</value></property>
  <property><name>fs.s3a.retry.limit</name><value>2</value></property>
  <property><name>fs.s3a.connection.establish.timeout</name><value>5000</value></property>
</configuration>
{{- end -}}
