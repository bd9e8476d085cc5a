{{/* Names and labels. */}}
{{- define "ballast.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "ballast.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "ballast.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "ballast.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Selector labels of one component; call with (dict "root" $ "component" "api"). */}}
{{- define "ballast.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ballast.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "ballast.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{/* Environment shared by API and worker: config file, Temporal, secrets, extras. */}}
{{- define "ballast.env" -}}
- name: BALLAST_CONFIG
  value: /etc/ballast/ballast.yaml
- name: TEMPORAL_ADDRESS
  value: {{ .Values.temporal.address | quote }}
- name: TEMPORAL_NAMESPACE
  value: {{ .Values.temporal.namespace | quote }}
- name: TEMPORAL_UI_URL
  value: {{ .Values.temporal.uiUrl | quote }}
- name: BALLAST_TASK_QUEUE
  value: {{ .Values.temporal.taskQueue | quote }}
- name: BALLAST_VECTOR_STORE
  value: {{ .Values.storage.vectorStore | quote }}
{{- if .Values.storage.qdrantUrl }}
- name: QDRANT_URL
  value: {{ .Values.storage.qdrantUrl | quote }}
{{- end }}
- name: BALLAST_BLOB_DIR
  value: /var/lib/ballast/blobs
{{- range .Values.secrets }}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Volumes shared by API and worker: the config file, scratch space under a read-only root, and the data directory. */}}
{{- define "ballast.volumes" -}}
- name: config
  configMap:
    name: {{ include "ballast.fullname" . }}-config
- name: tmp
  emptyDir: {}
- name: data
  {{- if .Values.storage.sharedDataClaim }}
  persistentVolumeClaim:
    claimName: {{ .Values.storage.sharedDataClaim }}
  {{- else }}
  emptyDir: {}
  {{- end }}
{{- end -}}

{{- define "ballast.volumeMounts" -}}
- name: config
  mountPath: /etc/ballast
  readOnly: true
- name: tmp
  mountPath: /tmp
- name: data
  mountPath: /var/lib/ballast
{{- end -}}
