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
