{{/*
NetworkPolicy of one service (same argument as the templates in _objects.tpl, plus "allWiring": the whole
actas.wiring map).

Ingress: token-service from outside (the ingress controller's namespace when networkPolicy.ingressNamespaceSelector
is set, else any source); every service from the services that call it (actas.wiring "calls"); optionally from the
Prometheus namespace. Nothing else.
Egress: DNS, PostgreSQL, Kafka, SMTP (notification-service only) and the services it calls. Nothing else.
*/}}
{{- define "actas.networkPolicy" -}}
{{- $root := .root -}}
{{- $np := $root.Values.networkPolicy -}}
{{- $name := .name -}}
{{- $callers := list -}}
{{- range $caller, $w := .allWiring -}}
{{- if has $name $w.calls -}}
{{- $callers = append $callers $caller -}}
{{- end -}}
{{- end -}}
{{- $kafkaPorts := (include "actas.kafkaPorts" $root | fromYaml).ports -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "actas.serviceName" . }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "actas.labels" . | nindent 4 }}
  {{- with (include "actas.annotations" (dict "root" $root)) }}
  {{- . | nindent 2 }}
  {{- end }}
spec:
  podSelector:
    matchLabels:
      {{- include "actas.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  {{- if not (or (eq $name "token") $callers $np.metricsNamespaceSelector) }}
  # nothing may connect to this service
  ingress: []
  {{- else }}
  ingress:
    {{- if eq $name "token" }}
    # token-service is the only service reachable from outside the release
    - ports:
        - port: http
          protocol: TCP
      {{- if $np.ingressNamespaceSelector }}
      from:
        - namespaceSelector:
            matchLabels:
              {{- toYaml $np.ingressNamespaceSelector | nindent 14 }}
          {{- with $np.ingressPodSelector }}
          podSelector:
            matchLabels:
              {{- toYaml . | nindent 14 }}
          {{- end }}
      {{- end }}
    {{- end }}
    {{- if $callers }}
    - ports:
        - port: http
          protocol: TCP
      from:
        {{- range $callers }}
        - podSelector:
            matchLabels:
              {{- include "actas.selectorLabels" (dict "root" $root "name" .) | nindent 14 }}
        {{- end }}
    {{- end }}
    {{- with $np.metricsNamespaceSelector }}
    - ports:
        - port: http
          protocol: TCP
      from:
        - namespaceSelector:
            matchLabels:
              {{- toYaml . | nindent 14 }}
    {{- end }}
  {{- end }}
  egress:
    # DNS
    - ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
      {{- with $np.egress.dns }}
      to:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    # PostgreSQL
    - ports:
        - port: {{ $root.Values.postgresql.port }}
          protocol: TCP
      {{- with $np.egress.postgresql }}
      to:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    # Kafka
    - ports:
        {{- range $kafkaPorts }}
        - port: {{ . }}
          protocol: TCP
        {{- end }}
      {{- with $np.egress.kafka }}
      to:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    {{- if .wiring.smtp }}
    # SMTP
    - ports:
        - port: {{ $root.Values.smtp.port }}
          protocol: TCP
      {{- with $np.egress.smtp }}
      to:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    {{- end }}
    {{- range .wiring.calls }}
    # {{ include "actas.component" . }}
    - ports:
        - port: {{ (get $root.Values.services .).port }}
          protocol: TCP
      to:
        - podSelector:
            matchLabels:
              {{- include "actas.selectorLabels" (dict "root" $root "name" .) | nindent 14 }}
    {{- end }}
{{- end -}}
