{{/*
Names, labels and values helpers shared by every template.
*/}}

{{- define "actas.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Prefix of every object name: `<release>-actas`, or the release name when it already contains the chart name. */}}
{{- define "actas.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "actas.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Component name of a service key: token -> token-service. Argument: the key. */}}
{{- define "actas.component" -}}
{{- printf "%s-service" . -}}
{{- end -}}

{{/* Object name of a service. Arguments: dict root, name (service key). */}}
{{- define "actas.serviceName" -}}
{{- printf "%s-%s-service" (include "actas.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of objects that belong to the whole release (no component). */}}
{{- define "actas.commonLabels" -}}
helm.sh/chart: {{ include "actas.chart" . }}
app.kubernetes.io/name: {{ include "actas.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: actas
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Labels of a service's objects. Arguments: dict root, name. */}}
{{- define "actas.labels" -}}
{{ include "actas.commonLabels" .root }}
app.kubernetes.io/component: {{ include "actas.component" .name }}
{{- end -}}

{{/* Selector labels of a service: stable across upgrades (no version, no chart). Arguments: dict root, name. */}}
{{- define "actas.selectorLabels" -}}
app.kubernetes.io/name: {{ include "actas.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ include "actas.component" .name }}
{{- end -}}

{{/* commonAnnotations merged with extra annotations. Arguments: dict root, extra (map, may be empty). */}}
{{- define "actas.annotations" -}}
{{- $all := merge (deepCopy (default dict .extra)) (deepCopy (default dict .root.Values.commonAnnotations)) -}}
{{- with $all -}}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end -}}
{{- end -}}

{{/*
Deep merge of a service's values over `defaults`, returned as YAML. Unlike sprig's merge/mergeOverwrite,
an explicit false, 0 or "" in the service values wins over the default.
Arguments: dict base, override.
*/}}
{{- define "actas.deepMerge" -}}
{{- $out := deepCopy (default dict .base) -}}
{{- range $key, $value := (default dict .override) -}}
{{- $current := get $out $key -}}
{{- if and (kindIs "map" $value) (kindIs "map" $current) -}}
{{- $_ := set $out $key (include "actas.deepMerge" (dict "base" $current "override" $value) | fromYaml) -}}
{{- else -}}
{{- $_ := set $out $key $value -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/* Effective values of a service: defaults + services.<name>. Argument: dict root, name. Returns YAML. */}}
{{- define "actas.serviceValues" -}}
{{- include "actas.deepMerge" (dict "base" .root.Values.defaults "override" (get .root.Values.services .name)) -}}
{{- end -}}

{{/* Image reference of a service. Arguments: dict root, name. */}}
{{- define "actas.image" -}}
{{- $image := .root.Values.image -}}
{{- $tag := default .root.Chart.AppVersion $image.tag -}}
{{- if eq $image.flavor "jvm" -}}
{{- $tag = printf "%s-jvm" $tag -}}
{{- end -}}
{{- $repository := printf "%s/%s" $image.repositoryPrefix (include "actas.component" .name) -}}
{{- if $image.registry -}}
{{- printf "%s/%s:%s" $image.registry $repository $tag -}}
{{- else -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}
{{- end -}}

{{/* In-cluster base URL of a service. Arguments: dict root, name. */}}
{{- define "actas.serviceUrl" -}}
{{- $port := (get .root.Values.services .name).port -}}
{{- printf "http://%s:%v" (include "actas.serviceName" .) $port -}}
{{- end -}}

{{/* The issuer: explicit value, else the first token-service Ingress host, else the in-cluster Service URL. */}}
{{- define "actas.issuer" -}}
{{- $token := .Values.services.token -}}
{{- if .Values.issuer -}}
{{- .Values.issuer | trimSuffix "/" -}}
{{- else if and $token.ingress $token.ingress.enabled $token.ingress.hosts -}}
{{- printf "https://%s" (first $token.ingress.hosts) -}}
{{- else -}}
{{- printf "http://%s.%s.svc.%s:%v" (include "actas.serviceName" (dict "root" . "name" "token")) .Release.Namespace .Values.clusterDomain $token.port -}}
{{- end -}}
{{- end -}}

{{/* Kafka broker ports for NetworkPolicy egress: networkPolicy.kafkaPorts, else the ports of kafka.bootstrapServers. */}}
{{- define "actas.kafkaPorts" -}}
{{- $ports := list -}}
{{- if .Values.networkPolicy.kafkaPorts -}}
{{- $ports = .Values.networkPolicy.kafkaPorts -}}
{{- else -}}
{{- range (splitList "," .Values.kafka.bootstrapServers) -}}
{{- $hostPort := trim . -}}
{{- $port := regexFind "[0-9]+$" $hostPort -}}
{{- if not (contains ":" $hostPort) -}}
{{- fail (printf "kafka.bootstrapServers entry %q has no port (expected host:port)" $hostPort) -}}
{{- end -}}
{{- $ports = append $ports (atoi $port) -}}
{{- end -}}
{{- end -}}
{{- toYaml (dict "ports" (uniq $ports)) -}}
{{- end -}}

{{/* Image pull secrets block. */}}
{{- define "actas.imagePullSecrets" -}}
{{- with .Values.image.pullSecrets -}}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end -}}
{{- end -}}
