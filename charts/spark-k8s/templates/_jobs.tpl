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
