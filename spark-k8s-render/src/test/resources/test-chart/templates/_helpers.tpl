{{- define "tiny.labels" -}}
app.kubernetes.io/name: tiny
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
