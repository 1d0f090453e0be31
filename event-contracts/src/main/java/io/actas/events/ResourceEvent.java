package io.actas.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code io.actas.resource.created|modified|deleted}: a mutating request, from any ActAs service or from a downstream
 * application through the audit ingest API.
 *
 * @param service the service or application that served the request
 * @param resourceType e.g. {@code organization}, {@code user}, {@code impersonation-policy}
 * @param principal the {@code sub} of the caller's token (the impersonated subject when {@code act} is set)
 * @param act the caller token's {@code act} claim, {@code null} when not impersonated
 * @param sessionId the caller token's {@code imp.sid}, when impersonated
 * @param outcome {@link #SUCCESS} or {@link #FAILURE}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceEvent(String service, String resourceType, String resourceId, String organizationId, String method,
        String path, int status, String outcome, String principal, String clientId, Act act, String sessionId) {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
}
