{{/* The supported Spark lines, and the image every Spark container runs. */}}

{{/* Facts about each supported Spark line, as JSON. */}}
{{- define "spark-k8s.versionInfo" -}}
{{- /* javaModuleOptions: the line's launcher's JavaModuleOptions.defaultModuleOptions(), which spark-submit gives a
driver JVM it starts itself; a Standalone worker starts a cluster-mode driver without them. */ -}}
{{- $opens := list "java.lang" "java.lang.invoke" "java.lang.reflect" "java.io" "java.net" "java.nio" "java.util"
  "java.util.concurrent" "java.util.concurrent.atomic" "jdk.internal.ref" "sun.nio.ch" "sun.nio.cs"
  "sun.security.action" "sun.util.calendar" -}}
{{- $modules := list -}}
{{- range $opens }}{{ $modules = append $modules (printf "--add-opens=java.base/%s=ALL-UNNAMED" .) }}{{ end -}}
{{- $modules = append $modules "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED" -}}
{{- $modules = append $modules "-Djdk.reflect.useDirectMethodHandle=false" -}}
{{- $options35 := prepend $modules "-XX:+IgnoreUnrecognizedVMOptions" -}}
{{- $options41 := concat (list "-XX:+IgnoreUnrecognizedVMOptions" "--add-modules=jdk.incubator.vector") $modules
  (list "-Dio.netty.tryReflectionSetAccessible=true" "-Dio.netty.allocator.type=pooled"
    "-Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE" "--enable-native-access=ALL-UNNAMED") -}}
{{- $lines := dict
  "3.5" (dict "release" "3.5.5" "scala" "2.12" "hadoop" "3.3.4" "connectBundled" false "grpcBindingAddress" false
    "executorGracePeriodKey" false "javaModuleOptions" (join " " $options35))
  "4.1" (dict "release" "4.1.1" "scala" "2.13" "hadoop" "3.4.2" "connectBundled" true "grpcBindingAddress" true
    "executorGracePeriodKey" true "javaModuleOptions" (join " " $options41)) -}}
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
