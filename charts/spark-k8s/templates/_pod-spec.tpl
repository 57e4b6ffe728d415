{{/* Pieces shared by the chart's pod specs (environment, scratch volumes), and the pod specs
of the pods Spark or an operator builds: executors and operator drivers. */}}

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

{{/*
The executor pod spec, shared by the kubernetes backend's pod-template file and the operator's
executor templates. Spark overrides image, command, env it owns and resources it computes;
resources here are derived from the same values, so the template and Spark agree. Pull secrets
are not here: Spark appends spark.kubernetes.container.image.pullSecrets (the Kubeflow operator's
typed imagePullSecrets become that key) to every pod it builds, after the template's.
*/}}
{{- define "spark-k8s.executorPodSpec" -}}
{{- $exec := include "spark-k8s.executorSizing" . | fromJson -}}
automountServiceAccountToken: false
{{- include "spark-k8s.podPlacement" (dict "root" . "component" "executor") }}
securityContext:
  {{- include "spark-k8s.podSecurityContext" . | nindent 2 }}
containers:
  - name: spark-executor
    image: {{ include "spark-k8s.image" . }}
    env:
      {{- include "spark-k8s.sparkPodEnv" . | nindent 6 }}
      {{- include "spark-k8s.extraEnv" (dict "root" . "component" "executor" "indent" 6) }}
      {{- with include "spark-k8s.secretEnv" . }}{{ . | nindent 6 }}{{ end }}
      {{- with include "spark-k8s.executorAuthEnv" . }}{{ . | nindent 6 }}{{ end }}
    resources:
      requests:
        cpu: {{ .Values.spark.executor.cores | quote }}
        memory: {{ printf "%dMi" (int $exec.pod) }}
      limits:
        cpu: {{ .Values.spark.executor.cores | quote }}
        memory: {{ printf "%dMi" (int $exec.pod) }}
        {{- with include "spark-k8s.gpuLimit" (dict "root" . "executors" 1) }}{{ . | nindent 8 }}{{ end }}
    securityContext:
      {{- include "spark-k8s.containerSecurityContext" . | nindent 6 }}
    volumeMounts:
      {{- include "spark-k8s.scratchMounts" . | nindent 6 }}
      {{- include "spark-k8s.extraVolumeMounts" (dict "root" . "component" "executor" "indent" 6) }}
      {{- with include "spark-k8s.executorLocalDirMount" . }}{{ . | nindent 6 }}{{ end }}
      {{- with include "spark-k8s.secretMounts" . }}{{ . | nindent 6 }}{{ end }}
      {{- with include "spark-k8s.authSecretMount" . }}{{ . | nindent 6 }}{{ end }}
volumes:
  {{- include "spark-k8s.scratchVolumes" . | nindent 2 }}
  {{- include "spark-k8s.extraVolumes" (dict "root" . "component" "executor" "indent" 2) }}
  {{- with include "spark-k8s.executorLocalDirVolume" . }}{{ . | nindent 2 }}{{ end }}
  {{- with include "spark-k8s.secretVolumes" . }}{{ . | nindent 2 }}{{ end }}
  {{- with include "spark-k8s.authSecretVolume" . }}{{ . | nindent 2 }}{{ end }}
{{- end -}}

{{/*
The spec of a driver pod Spark or an operator builds from a template: the operator backend's Connect
server (component connect) or a batch job's driver (component job-driver), restricted like every
other pod. In cluster mode the driver creates its executors with the ServiceAccount's token, which
the ServiceAccount itself does not mount. Pull secrets come from Spark, as for executorPodSpec.
Call with (dict "root" $ "component" "connect").
*/}}
{{- define "spark-k8s.driverPodSpec" -}}
{{- $connect := eq .component "connect" -}}
{{- with .root -}}
serviceAccountName: {{ include "spark-k8s.serviceAccountName" . }}
automountServiceAccountToken: true
{{- include "spark-k8s.podPlacement" (dict "root" . "component" $.component) }}
securityContext:
  {{- include "spark-k8s.podSecurityContext" . | nindent 2 }}
{{- if include "spark-k8s.eventLogOnS3" . }}
initContainers:
  {{- include "spark-k8s.eventLogInitContainer" . | nindent 2 }}
{{- end }}
containers:
  - name: spark-driver
    image: {{ include "spark-k8s.image" . }}
    env:
      {{- include "spark-k8s.sparkPodEnv" . | nindent 6 }}
      {{- include "spark-k8s.extraEnv" (dict "root" . "component" $.component "indent" 6) }}
      {{- with include "spark-k8s.secretEnv" . }}{{ . | nindent 6 }}{{ end }}
      {{- if $connect }}
      {{- with include "spark-k8s.connectServerTokenEnv" . }}{{ . | nindent 6 }}{{ end }}
    ports:
      - name: grpc
        containerPort: {{ .Values.spark.connect.port }}
      {{- end }}
    securityContext:
      {{- include "spark-k8s.containerSecurityContext" . | nindent 6 }}
    volumeMounts:
      {{- include "spark-k8s.eventLogMount" . | nindent 6 }}
      {{- include "spark-k8s.scratchMounts" . | nindent 6 }}
      {{- include "spark-k8s.extraVolumeMounts" (dict "root" . "component" $.component "indent" 6) }}
      {{- with include "spark-k8s.secretMounts" . }}{{ . | nindent 6 }}{{ end }}
      {{- with include "spark-k8s.authSecretMount" . }}{{ . | nindent 6 }}{{ end }}
  {{- if and $connect (include "spark-k8s.connectProxy" .) }}
  {{- include "spark-k8s.connectProxyContainer" . | nindent 2 }}
  {{- end }}
volumes:
  {{- include "spark-k8s.eventLogVolume" . | nindent 2 }}
  {{- if include "spark-k8s.eventLogOnS3" . }}
  {{- include "spark-k8s.eventLogInitVolume" . | nindent 2 }}
  {{- end }}
  {{- include "spark-k8s.scratchVolumes" . | nindent 2 }}
  {{- include "spark-k8s.extraVolumes" (dict "root" . "component" $.component "indent" 2) }}
  {{- with include "spark-k8s.secretVolumes" . }}{{ . | nindent 2 }}{{ end }}
  {{- with include "spark-k8s.authSecretVolume" . }}{{ . | nindent 2 }}{{ end }}
  {{- if and $connect (include "spark-k8s.connectProxy" .) }}
  {{- include "spark-k8s.connectProxyVolumes" . | nindent 2 }}
  {{- end }}
{{- end -}}
{{- end -}}
