{{/*
security.connect: TLS and a bearer token in front of Spark Connect. An nginx container in the Connect
server's pod (the Deployment, or the operator backend's driver) terminates TLS on proxy.port and passes
gRPC requests that carry the token to the server on the pod's loopback. The token reaches nginx through
the nginx image's entrypoint, which substitutes environment variables into /etc/nginx templates
(NGINX_ENVSUBST_*): the ConfigMap holds no secret. On 4.1 the server checks the same token and binds
127.0.0.1 only.
*/}}

{{/* "true" when the proxy is on; fails naming the key when a Secret it needs is not named. */}}
{{- define "spark-k8s.connectProxy" -}}
{{- $c := .Values.security.connect -}}
{{- if and $c.enabled .Values.spark.connect.enabled -}}
{{- if not $c.tls.existingSecret -}}
{{- fail "security.connect.tls.existingSecret: security.connect.enabled needs a kubernetes.io/tls Secret (tls.crt, tls.key) for the proxy's TLS; name it here (cert-manager's Certificate makes one)" -}}
{{- end -}}
{{- if not $c.token.existingSecret -}}
{{- fail "security.connect.token.existingSecret: security.connect.enabled needs a Secret with the clients' token; name it here (kubectl create secret generic spark-connect-token --from-literal=token=$(openssl rand -hex 32))" -}}
{{- end -}}
{{- if eq (int $c.proxy.port) (int .Values.spark.connect.port) -}}
{{- fail (printf "security.connect.proxy.port: %d is spark.connect.port, where the server listens in the same pod; choose another" (int $c.proxy.port)) -}}
{{- end -}}
true
{{- end -}}
{{- end -}}

{{/* The container port the Service's grpc port leads to: the proxy's, else the server's. */}}
{{- define "spark-k8s.connectClientPort" -}}
{{- if include "spark-k8s.connectProxy" . }}grpc-tls{{ else }}grpc{{ end -}}
{{- end -}}

{{/* The variable both nginx (through its template) and a 4.1 server read the token from. */}}
{{- define "spark-k8s.connectTokenEnv" -}}
{{- $t := .Values.security.connect.token -}}
- name: SPARK_CONNECT_AUTHENTICATE_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ $t.existingSecret }}
      key: {{ $t.secretKey }}
{{- end -}}

{{/* The Connect server's own part: the token, on 4.1 (3.5 has no token check). */}}
{{- define "spark-k8s.connectServerTokenEnv" -}}
{{- if and (include "spark-k8s.connectProxy" .) (include "spark-k8s.versionInfo" . | fromJson).grpcBindingAddress -}}
{{- include "spark-k8s.connectTokenEnv" . -}}
{{- end -}}
{{- end -}}

{{/* Where the server binds: the pod's loopback behind the proxy (4.x), else every IPv4 interface. */}}
{{- define "spark-k8s.connectBindingAddress" -}}
{{- if include "spark-k8s.connectProxy" . }}127.0.0.1{{ else }}0.0.0.0{{ end -}}
{{- end -}}

{{/*
A probe of the server's gRPC port. Bound to loopback, the kubelet (which dials the pod's IP) cannot reach
it: the probe opens it from inside the container (bash's /dev/tcp; the image has no other client).
*/}}
{{- define "spark-k8s.connectPortProbe" -}}
{{- if and (include "spark-k8s.connectProxy" .) (include "spark-k8s.versionInfo" . | fromJson).grpcBindingAddress -}}
exec:
  command:
    - /bin/bash
    - -c
    - exec 3<>"/dev/tcp/127.0.0.1/$1"
    - connect-port
    - {{ .Values.spark.connect.port | quote }}
{{- else -}}
tcpSocket:
  port: grpc
{{- end -}}
{{- end -}}

{{- define "spark-k8s.connectProxyContainer" -}}
{{- $p := .Values.security.connect.proxy -}}
- name: connect-proxy
  image: {{ printf "%s:%s" $p.image.repository $p.image.tag }}
  imagePullPolicy: {{ $p.image.pullPolicy }}
  # The image's entrypoint renders the template (the token from the environment), then runs nginx.
  args: ["nginx", "-e", "stderr", "-c", "/tmp/nginx/nginx.conf", "-g", "daemon off;"]
  env:
    - name: NGINX_ENVSUBST_TEMPLATE_DIR
      value: /etc/spark-k8s/connect-proxy
    - name: NGINX_ENVSUBST_OUTPUT_DIR
      value: /tmp/nginx
    - name: NGINX_ENVSUBST_FILTER
      value: ^SPARK_CONNECT_AUTHENTICATE_TOKEN$
    {{- include "spark-k8s.connectTokenEnv" . | nindent 4 }}
  ports:
    - name: grpc-tls
      containerPort: {{ $p.port }}
  readinessProbe:
    tcpSocket:
      port: grpc-tls
    periodSeconds: 10
  livenessProbe:
    tcpSocket:
      port: grpc-tls
    periodSeconds: 20
  resources:
    {{- toYaml $p.resources | nindent 4 }}
  securityContext:
    {{- include "spark-k8s.containerSecurityContext" . | nindent 4 }}
  volumeMounts:
    - name: connect-proxy-conf
      mountPath: /etc/spark-k8s/connect-proxy
      readOnly: true
    - name: connect-tls
      mountPath: /etc/spark-k8s/connect-tls
      readOnly: true
    - name: connect-proxy-run
      mountPath: /tmp/nginx
{{- end -}}

{{- define "spark-k8s.connectProxyVolumes" -}}
- name: connect-proxy-conf
  configMap:
    name: {{ include "spark-k8s.fullname" . }}-connect-proxy
- name: connect-tls
  secret:
    secretName: {{ .Values.security.connect.tls.existingSecret }}
    items:
      - key: tls.crt
        path: tls.crt
      - key: tls.key
        path: tls.key
- name: connect-proxy-run
  emptyDir:
    sizeLimit: 16Mi
{{- end -}}
