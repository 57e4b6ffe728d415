{{/*
Readiness of the Connect server on the standalone backend with the release's own master: ready
while the master lists the server's application as active. A master that restarted without its
recovery state has forgotten the application and kills its executors; no executor can come again,
so the server is taken out of its Service instead of accepting sessions that wait forever. A
master that does not answer (restarting) leaves the server ready: its executors keep serving.

Plain bash: the image has bash but no curl. No command substitution: the kubelet expands $(NAME)
in exec commands. Arguments: the driver UI's port, the master web UI as host:port.
*/}}
{{- define "spark-k8s.connectStandaloneReadiness" -}}
{{- if eq (lower (toString (get .Values.spark.conf "spark.ui.enabled"))) "false" -}}
{{- fail "spark.conf.spark.ui.enabled: the standalone backend's readiness check reads the application id from the driver's UI; it cannot be turned off" -}}
{{- end -}}
exec:
  command:
    - /bin/bash
    - -c
    - |
      get() {
        exec 3<>"/dev/tcp/${1%:*}/${1##*:}" || return 1
        printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$2" "$1" >&3
        IFS= read -r -t 3 status <&3 || return 1
        [[ $status == "HTTP/1."?" 200"* ]] || return 1
        body=
        while IFS= read -r -t 3 line <&3; do body+=$line; done
        body+=$line
        exec 3<&-
      }
      get "127.0.0.1:$1" /api/v1/applications || { echo "the driver UI on port $1 does not answer"; exit 1; }
      [[ $body =~ \"id\"[[:space:]]*:[[:space:]]*\"([^\"]+)\" ]] || { echo "the driver has no application id yet"; exit 1; }
      app=${BASH_REMATCH[1]}
      get "$2" /json/ || exit 0
      active=${body#*\"activeapps\"}
      active=${active%%\"completedapps\"*}
      [[ $active == *\"${app}\"* ]] && exit 0
      echo "the master at $2 does not list application $app as active: it lost its state, no executor can come"
      exit 1
    - connect-readiness
    - "4040"
    - {{ printf "%s:%v" (include "spark-k8s.masterServiceName" .) .Values.spark.standalone.master.webUIPort | quote }}
periodSeconds: 10
timeoutSeconds: 8
failureThreshold: 3
{{- end -}}
