{{/*
How the services are wired together. These are facts of the code (CONTRIBUTING.md "Configuration keys" and
"Service-to-service REST contracts"), not operator choices, so they live here and not in values.yaml.

- calls: the services a service calls over REST. Every service but token-service calls token-service (JWKS,
  client_credentials tokens). Drives the REST client URLs and the NetworkPolicies.
- restClients: callee -> environment variable holding the callee's base URL.
- secrets: environment variable -> key name in auth.secretKeys (read from auth.existingSecret).
- verifiesJwt: the service verifies token-service's bearer JWTs (MP_JWT_VERIFY_*).
- smtp: the service sends e-mail.
*/}}
{{- define "actas.wiring" -}}
token:
  calls: [org, policy]
  restClients:
    org: QUARKUS_REST_CLIENT_ORG_SERVICE_URL
    policy: QUARKUS_REST_CLIENT_POLICY_SERVICE_URL
  secrets:
    ACTAS_KEYS_ENCRYPTION_KEY: keyEncryptionKey
    ACTAS_BOOTSTRAP_ADMIN_CLIENT_SECRET: adminClientSecret
    ACTAS_BOOTSTRAP_POLICY_SERVICE_SECRET: policyServiceClientSecret
    ACTAS_BOOTSTRAP_NOTIFICATION_SERVICE_SECRET: notificationServiceClientSecret
    ACTAS_BOOTSTRAP_AUDIT_SERVICE_SECRET: auditServiceClientSecret
  verifiesJwt: false
  smtp: false
policy:
  calls: [org, token]
  restClients:
    org: QUARKUS_REST_CLIENT_ORG_SERVICE_URL
    token: QUARKUS_REST_CLIENT_TOKEN_ENDPOINT_URL
  secrets:
    ACTAS_SERVICE_CLIENT_SECRET: policyServiceClientSecret
  verifiesJwt: true
  smtp: false
org:
  calls: [token]
  restClients: {}
  secrets:
    ACTAS_BOOTSTRAP_ADMIN_PASSWORD: adminPassword
  verifiesJwt: true
  smtp: false
audit:
  calls: [token]
  restClients:
    token: QUARKUS_REST_CLIENT_TOKEN_ENDPOINT_URL
  secrets:
    ACTAS_SERVICE_CLIENT_SECRET: auditServiceClientSecret
  verifiesJwt: true
  smtp: false
notification:
  calls: [org, token]
  restClients:
    org: QUARKUS_REST_CLIENT_ORG_SERVICE_URL
    token: QUARKUS_REST_CLIENT_TOKEN_ENDPOINT_URL
  secrets:
    ACTAS_SERVICE_CLIENT_SECRET: notificationServiceClientSecret
  verifiesJwt: true
  smtp: true
{{- end -}}
