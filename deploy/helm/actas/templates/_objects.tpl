{{/*
The objects of one service. Every template here takes the same argument:
dict "root" $ "name" <service key> "svc" <effective values (defaults + services.<name>)> "wiring" <actas.wiring entry>.
templates/services.yaml loops over .Values.services and includes them.
*/}}

{{/* Non-secret environment of a service (its ConfigMap). */}}
{{- define "actas.configData" -}}
{{- $root := .root -}}
{{- $svc := .svc -}}
{{- $wiring := .wiring -}}
{{- $pg := $root.Values.postgresql -}}
{{- $query := ternary (printf "?%s" $pg.parameters) "" (ne $pg.parameters "") -}}
{{- $dbPath := printf "%s:%v/%s%s" $pg.host $pg.port $svc.database.name $query -}}
QUARKUS_HTTP_HOST: "0.0.0.0"
QUARKUS_HTTP_PORT: {{ $svc.port | quote }}
QUARKUS_LOG_LEVEL: {{ $svc.logLevel | quote }}
QUARKUS_DATASOURCE_USERNAME: {{ $svc.database.username | quote }}
QUARKUS_DATASOURCE_REACTIVE_URL: {{ printf "postgresql://%s" $dbPath | quote }}
QUARKUS_DATASOURCE_JDBC_URL: {{ printf "jdbc:postgresql://%s" $dbPath | quote }}
KAFKA_BOOTSTRAP_SERVERS: {{ $root.Values.kafka.bootstrapServers | quote }}
{{- with $root.Values.kafka.securityProtocol }}
KAFKA_SECURITY_PROTOCOL: {{ . | quote }}
{{- end }}
{{- with $root.Values.kafka.saslMechanism }}
KAFKA_SASL_MECHANISM: {{ . | quote }}
{{- end }}
{{- if eq .name "token" }}
ACTAS_ISSUER: {{ include "actas.issuer" $root | quote }}
ACTAS_BOOTSTRAP_ADMIN_CLIENT_ID: {{ $root.Values.bootstrap.adminClientId | quote }}
{{- if and $svc.ingress $svc.ingress.enabled }}
QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING: "true"
QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST: "true"
{{- end }}
{{- end }}
{{- if $wiring.verifiesJwt }}
MP_JWT_VERIFY_ISSUER: {{ include "actas.issuer" $root | quote }}
MP_JWT_VERIFY_PUBLICKEY_LOCATION: {{ printf "%s/oauth2/jwks" (include "actas.serviceUrl" (dict "root" $root "name" "token")) | quote }}
{{- end }}
{{- range $callee, $env := $wiring.restClients }}
{{ $env }}: {{ include "actas.serviceUrl" (dict "root" $root "name" $callee) | quote }}
{{- end }}
{{- if eq .name "org" }}
ACTAS_BOOTSTRAP_ROOT_ORGANIZATION_HANDLE: {{ $root.Values.bootstrap.rootOrganization.handle | quote }}
ACTAS_BOOTSTRAP_ROOT_ORGANIZATION_NAME: {{ $root.Values.bootstrap.rootOrganization.name | quote }}
ACTAS_BOOTSTRAP_ADMIN_USERNAME: {{ $root.Values.bootstrap.admin.username | quote }}
{{- with $root.Values.bootstrap.admin.email }}
ACTAS_BOOTSTRAP_ADMIN_EMAIL: {{ . | quote }}
{{- end }}
{{- end }}
{{- if $wiring.smtp }}
QUARKUS_MAILER_HOST: {{ $root.Values.smtp.host | quote }}
QUARKUS_MAILER_PORT: {{ $root.Values.smtp.port | quote }}
QUARKUS_MAILER_FROM: {{ $root.Values.smtp.from | quote }}
QUARKUS_MAILER_START_TLS: {{ $root.Values.smtp.startTls | quote }}
QUARKUS_MAILER_TLS: {{ $root.Values.smtp.tls | quote }}
{{- end }}
{{- end -}}

{{/* Secret environment of a service: only references to existing Secrets, never values. */}}
{{- define "actas.secretEnv" -}}
{{- $root := .root -}}
{{- $svc := .svc -}}
{{- $dbSecret := default $root.Values.postgresql.existingSecret $svc.database.existingSecret -}}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ required "postgresql.existingSecret (or services.<name>.database.existingSecret) is required" $dbSecret }}
      key: {{ $svc.database.existingSecretPasswordKey }}
{{- range $env, $keyName := .wiring.secrets }}
- name: {{ $env }}
  valueFrom:
    secretKeyRef:
      name: {{ required "auth.existingSecret is required" $root.Values.auth.existingSecret }}
      key: {{ required (printf "auth.secretKeys.%s is required" $keyName) (get $root.Values.auth.secretKeys $keyName) }}
{{- end }}
{{- with $root.Values.kafka.existingSecret }}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $root.Values.kafka.existingSecretJaasConfigKey }}
{{- end }}
{{- if and .wiring.smtp $root.Values.smtp.existingSecret }}
- name: QUARKUS_MAILER_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.smtp.existingSecret }}
      key: {{ $root.Values.smtp.existingSecretUsernameKey }}
- name: QUARKUS_MAILER_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.smtp.existingSecret }}
      key: {{ $root.Values.smtp.existingSecretPasswordKey }}
{{- end }}
{{- end -}}

{{- define "actas.configMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "actas.serviceName" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "actas.labels" . | nindent 4 }}
  {{- with (include "actas.annotations" (dict "root" .root)) }}
  {{- . | nindent 2 }}
  {{- end }}
data:
  {{- include "actas.configData" . | nindent 2 }}
{{- end -}}

{{- define "actas.serviceAccount" -}}
{{- if .svc.serviceAccount.create }}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "actas.serviceName" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "actas.labels" . | nindent 4 }}
  {{- with (include "actas.annotations" (dict "root" .root "extra" .svc.serviceAccount.annotations)) }}
  {{- . | nindent 2 }}
  {{- end }}
automountServiceAccountToken: false
{{- end }}
{{- end -}}

{{- define "actas.deployment" -}}
{{- $svc := .svc -}}
{{- $probes := $svc.probes -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "actas.serviceName" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "actas.labels" . | nindent 4 }}
  {{- with (include "actas.annotations" (dict "root" .root)) }}
  {{- . | nindent 2 }}
  {{- end }}
spec:
  {{- if not $svc.autoscaling.enabled }}
  replicas: {{ $svc.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  {{- with $svc.updateStrategy }}
  strategy:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "actas.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "actas.labels" . | nindent 8 }}
        {{- with $svc.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        checksum/config: {{ include "actas.configData" . | sha256sum }}
        {{- if .root.Values.metrics.podAnnotations }}
        prometheus.io/scrape: "true"
        prometheus.io/path: /q/metrics
        prometheus.io/port: {{ $svc.port | quote }}
        {{- end }}
        {{- with $svc.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      {{- if $svc.serviceAccount.create }}
      serviceAccountName: {{ include "actas.serviceName" . }}
      {{- end }}
      automountServiceAccountToken: false
      {{- with (include "actas.imagePullSecrets" .root) }}
      {{- . | nindent 6 }}
      {{- end }}
      {{- with $svc.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      terminationGracePeriodSeconds: {{ $svc.terminationGracePeriodSeconds }}
      securityContext:
        {{- toYaml $svc.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ include "actas.component" .name }}
          image: {{ include "actas.image" . }}
          imagePullPolicy: {{ .root.Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $svc.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "actas.serviceName" . }}
          env:
            {{- include "actas.secretEnv" . | nindent 12 }}
            {{- with $svc.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          startupProbe:
            httpGet:
              path: /q/health/started
              port: http
            periodSeconds: {{ $probes.startup.periodSeconds }}
            timeoutSeconds: {{ $probes.startup.timeoutSeconds }}
            failureThreshold: {{ $probes.startup.failureThreshold }}
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: http
            periodSeconds: {{ $probes.liveness.periodSeconds }}
            timeoutSeconds: {{ $probes.liveness.timeoutSeconds }}
            failureThreshold: {{ $probes.liveness.failureThreshold }}
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: http
            periodSeconds: {{ $probes.readiness.periodSeconds }}
            timeoutSeconds: {{ $probes.readiness.timeoutSeconds }}
            failureThreshold: {{ $probes.readiness.failureThreshold }}
          resources:
            {{- toYaml $svc.resources | nindent 12 }}
          securityContext:
            {{- toYaml $svc.containerSecurityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ $svc.tmpSizeLimit }}
      {{- with $svc.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $svc.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $svc.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $svc.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end -}}

{{- define "actas.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "actas.serviceName" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "actas.labels" . | nindent 4 }}
  {{- with (include "actas.annotations" (dict "root" .root "extra" .svc.service.annotations)) }}
  {{- . | nindent 2 }}
  {{- end }}
spec:
  type: {{ .svc.service.type }}
  selector:
    {{- include "actas.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .svc.port }}
      targetPort: http
      protocol: TCP
{{- end -}}

{{- define "actas.podDisruptionBudget" -}}
{{- if .svc.pdb.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "actas.serviceName" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "actas.labels" . | nindent 4 }}
  {{- with (include "actas.annotations" (dict "root" .root)) }}
  {{- . | nindent 2 }}
  {{- end }}
spec:
  {{- $minAvailable := toString (default "" .svc.pdb.minAvailable) }}
  {{- if ne $minAvailable "" }}
  minAvailable: {{ .svc.pdb.minAvailable }}
  {{- else }}
  maxUnavailable: {{ .svc.pdb.maxUnavailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "actas.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end -}}

{{- define "actas.horizontalPodAutoscaler" -}}
{{- $as := .svc.autoscaling -}}
{{- if $as.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "actas.serviceName" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "actas.labels" . | nindent 4 }}
  {{- with (include "actas.annotations" (dict "root" .root)) }}
  {{- . | nindent 2 }}
  {{- end }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "actas.serviceName" . }}
  minReplicas: {{ $as.minReplicas }}
  maxReplicas: {{ $as.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $as.targetCPUUtilizationPercentage }}
    {{- if $as.targetMemoryUtilizationPercentage }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ $as.targetMemoryUtilizationPercentage }}
    {{- end }}
{{- end }}
{{- end -}}

{{- define "actas.serviceMonitor" -}}
{{- $sm := .root.Values.metrics.serviceMonitor -}}
{{- if $sm.enabled }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "actas.serviceName" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "actas.labels" . | nindent 4 }}
    {{- with $sm.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with (include "actas.annotations" (dict "root" .root)) }}
  {{- . | nindent 2 }}
  {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "actas.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: http
      path: /q/metrics
      interval: {{ $sm.interval }}
      {{- with $sm.scrapeTimeout }}
      scrapeTimeout: {{ . }}
      {{- end }}
{{- end }}
{{- end -}}

{{- define "actas.ingress" -}}
{{- $ingress := .svc.ingress -}}
{{- if and $ingress $ingress.enabled }}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "actas.serviceName" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "actas.labels" . | nindent 4 }}
  {{- with (include "actas.annotations" (dict "root" .root "extra" $ingress.annotations)) }}
  {{- . | nindent 2 }}
  {{- end }}
spec:
  {{- with $ingress.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- with $ingress.tls }}
  tls:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  rules:
    {{- $ctx := . }}
    {{- range $ingress.hosts }}
    - host: {{ . | quote }}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ include "actas.serviceName" $ctx }}
                port:
                  name: http
    {{- end }}
{{- end }}
{{- end -}}
