{{/*
security.authenticate, security.networkEncryption, security.ioEncryption and the Standalone master's
REST server and UI actions. Standalone daemons and drivers take the shared secret only from the
spark.authenticate.secret key or the _SPARK_AUTH_SECRET variable (Spark refuses secret files outside
Kubernetes): the chart gives it as that variable, from existingSecret, and never holds it.
*/}}

{{/* The variable Spark reads the shared secret from, before spark.authenticate.secret. */}}
{{- define "spark-k8s.authSecretEnvName" -}}_SPARK_AUTH_SECRET{{- end -}}

{{/* Spark keys every Spark process of the release shares, as a dict in JSON. */}}
{{- define "spark-k8s.securityConf" -}}
{{- $s := .Values.security -}}
{{- $c := dict -}}
{{- if $s.authenticate.enabled -}}
{{- $_ := set $c "spark.authenticate" "true" -}}
{{- if $s.networkEncryption }}{{ $_ := set $c "spark.network.crypto.enabled" "true" }}{{ end -}}
{{- end -}}
{{- if $s.ioEncryption }}{{ $_ := set $c "spark.io.encryption.enabled" "true" }}{{ end -}}
{{- toJson $c -}}
{{- end -}}

{{/*
A driver's own security keys (the Connect server's, or a batch job's: call with (dict "root" $ "job"
bool)). A driver of a Standalone master refuses to start unless its configuration has
spark.authenticate.secret, yet reads _SPARK_AUTH_SECRET first: the key holds a placeholder, so that
the secret is only in the container's environment (not in a ConfigMap, not on a command line).
Kubernetes and operator drivers read it from a file (authSecretFile) or make their own.
*/}}
{{- define "spark-k8s.driverSecurityConf" -}}
{{- $root := .root -}}
{{- $c := include "spark-k8s.securityConf" $root | fromJson -}}
{{- $standaloneDriver := ternary (eq (include "spark-k8s.backend" $root) "standalone") (include "spark-k8s.standaloneDriver" $root) .job -}}
{{- if and $root.Values.security.authenticate.enabled $standaloneDriver -}}
{{- $_ := set $c "spark.authenticate.secret" (printf "(from the %s variable)" (include "spark-k8s.authSecretEnvName" $root)) -}}
{{- end -}}
{{- with include "spark-k8s.authSecretFile" $root -}}
{{- /* The executor's first connection (fetching the driver's configuration) reads the plain .file key. */ -}}
{{- $_ := set $c "spark.authenticate.secret.file" . -}}
{{- $_ := set $c "spark.authenticate.secret.driver.file" . -}}
{{- $_ := set $c "spark.authenticate.secret.executor.file" . -}}
{{- end -}}
{{- toJson $c -}}
{{- end -}}

{{/*
Where the kubernetes and operator backends' driver and executors read the shared secret when
existingSecret names one (spark.authenticate.secret.{driver,executor}.file, Kubernetes mode only):
no secret in any pod spec. Empty: Spark makes one and puts it in the executor pods' environment.
*/}}
{{- define "spark-k8s.authSecretFile" -}}
{{- $a := .Values.security.authenticate -}}
{{- if and $a.enabled $a.existingSecret (or .Values.spark.connect.enabled .Values.spark.jobs.enabled) (ne (include "spark-k8s.backend" .) "standalone") -}}
/opt/spark/auth/secret
{{- end -}}
{{- end -}}

{{/*
An executor reads its secret file only when its own configuration says it runs on Kubernetes
(SecurityManager.secretKeyFromFile), and Spark starts executors without spark.master (it is not
an executor startup key): the image's entrypoint (and Spark's) passes every SPARK_JAVA_OPT_* variable.
*/}}
{{- define "spark-k8s.executorAuthEnv" -}}
{{- if include "spark-k8s.authSecretFile" . -}}
- name: SPARK_JAVA_OPT_SPARK_K8S_MASTER
  value: -Dspark.master=k8s://https://kubernetes.default.svc
{{- end -}}
{{- end -}}

{{- define "spark-k8s.authSecretMount" -}}
{{- with include "spark-k8s.authSecretFile" . -}}
- name: spark-auth
  mountPath: {{ dir . }}
  readOnly: true
{{- end -}}
{{- end -}}

{{- define "spark-k8s.authSecretVolume" -}}
{{- with include "spark-k8s.authSecretFile" . -}}
- name: spark-auth
  secret:
    secretName: {{ $.Values.security.authenticate.existingSecret }}
    items:
      - key: {{ $.Values.security.authenticate.secretKey }}
        path: {{ base . }}
{{- end -}}
{{- end -}}

{{/* "true" when the Connect server is the driver of a Standalone master. */}}
{{- define "spark-k8s.standaloneDriver" -}}
{{- if and .Values.spark.connect.enabled (eq (include "spark-k8s.backend" .) "standalone") }}true{{ end -}}
{{- end -}}

{{/* The shared secret as the container variable Spark reads; empty when Standalone processes need none. */}}
{{- define "spark-k8s.authSecretEnv" -}}
{{- $a := .Values.security.authenticate -}}
{{- if $a.enabled -}}
- name: {{ include "spark-k8s.authSecretEnvName" . }}
  valueFrom:
    secretKeyRef:
      name: {{ $a.existingSecret }}
      key: {{ $a.secretKey }}
{{- end -}}
{{- end -}}

{{/* -D options of the Standalone master and worker daemons: the release's security keys. */}}
{{- define "spark-k8s.daemonSecurityOpts" -}}
{{- $opts := list -}}
{{- range $k, $v := include "spark-k8s.securityConf" . | fromJson -}}
{{- $opts = append $opts (printf "-D%s=%s" $k $v) -}}
{{- end -}}
{{- join " " $opts -}}
{{- end -}}

{{/*
-D options of the master: the REST submission server off unless asked, and the UI's kill and
worker-decommission actions off (whoever reaches the UI could use them; the workers' preStop hooks
decommission them by signal).
*/}}
{{- define "spark-k8s.masterSecurityOpts" -}}
{{- $rest := .Values.spark.standalone.master.rest -}}
{{- $opts := list (printf "-Dspark.master.rest.enabled=%v" $rest.enabled) "-Dspark.ui.killEnabled=false"
  "-Dspark.master.ui.decommission.allow.mode=DENY" -}}
{{- if $rest.enabled }}{{ $opts = append $opts (printf "-Dspark.master.rest.port=%v" $rest.port) }}{{ end -}}
{{- join " " (concat $opts (list (include "spark-k8s.daemonSecurityOpts" .)) | compact) -}}
{{- end -}}

{{/* What the schema cannot check. */}}
{{- define "spark-k8s.validateSecurity" -}}
{{- $s := .Values.security -}}
{{- if and $s.networkEncryption (not $s.authenticate.enabled) -}}
{{- fail "security.networkEncryption: Spark encrypts only authenticated connections; set security.authenticate.enabled=true too" -}}
{{- end -}}
{{- if $s.authenticate.enabled -}}
{{- if and (or (include "spark-k8s.standaloneCluster" .) (include "spark-k8s.standaloneDriver" .)) (not $s.authenticate.existingSecret) -}}
{{- fail "security.authenticate.existingSecret: Standalone processes share one secret; name an existing Secret that holds it (key security.authenticate.secretKey)" -}}
{{- end -}}
{{- if and .Values.spark.standalone.master.rest.enabled (include "spark-k8s.standaloneCluster" .) -}}
{{- fail "spark.standalone.master.rest.enabled: the REST submission server takes no part in spark.authenticate (anyone reaching it could submit); turn it off with security.authenticate.enabled" -}}
{{- end -}}
{{- end -}}
{{- end -}}
