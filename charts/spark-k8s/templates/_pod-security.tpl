{{/* Security contexts of every pod and container, and the launch wrapper every container
the chart starts with its own command runs through. */}}

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

{{/* A pod template's annotations: the chart's (with monitoring, where Prometheus scrapes it), then the pod settings'. Call with (dict "root" $ "component" "connect"). */}}
{{- define "spark-k8s.podAnnotations" -}}
spark-k8s.io/security-profile: {{ .root.Values.security.profile }}
{{- include "spark-k8s.metricsPodAnnotations" . }}
{{- with (include "spark-k8s.podSettings" . | fromJson).annotations }}
{{ toYaml . }}
{{- end }}
{{- end -}}

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
  {{- include "spark-k8s.launchPasswdEntry" . | nindent 2 }}
  if [ -x /usr/bin/tini ]; then
    exec /usr/bin/tini -s -- "$@"
  fi
  exec "$@"
- spark-k8s-launch
- {{ . }}
{{- end -}}

{{/* The launch script's first part, a passwd entry for a UID without one (launchCommand, and the
event-log init container's own launch script). */}}
{{- define "spark-k8s.launchPasswdEntry" -}}
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
{{- end -}}
