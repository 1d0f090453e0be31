package io.actas.audit.event;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What a business application reports after serving a request made with an impersonated token: the token's
 * {@code act}, {@code sub} and {@code imp.sid} claims as they are, and what the request did.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(name = "AuditIngestRequest", description = "A change made through an application with an impersonated token")
public record IngestRequest(
        @Schema(description = "Your own event id, making retries safe; generated when absent", example = "9b2f0c7e-6d3b-4a51-9f59-1f0a3c7d2e11") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}", message = "must be 1 to 128 letters, digits, '.', '_', ':' or '-'") String id,
        @Schema(description = "The token's act claim (the actor)") @NotNull @Valid Act act,
        @Schema(description = "The token's sub claim (the impersonated user)", example = "alice-id") @NotBlank @Size(max = 512) String sub,
        @Schema(description = "The token's imp claim") @NotNull @Valid Imp imp,
        @Schema(description = "HTTP method of the request served", example = "PATCH") @NotNull @Pattern(regexp = "POST|PUT|PATCH|DELETE", message = "must be POST, PUT, PATCH or DELETE") String method,
        @Schema(description = "Request path", example = "/invoices/42") @NotBlank @Size(max = 2048) @Pattern(regexp = "/\\S*", message = "must be a path starting with /") String path,
        @Schema(description = "HTTP status answered", example = "200") @NotNull @Min(100) @Max(599) Integer status,
        @Schema(description = "success or failure", example = "success") @NotNull @Pattern(regexp = "success|failure", message = "must be success or failure") String outcome,
        @Schema(description = "What was changed") @NotNull @Valid Resource resource,
        @Schema(description = "The token's client_id; defaults to your own client id") @Size(max = 512) String clientId,
        @Schema(description = "The token's org_id") @Size(max = 512) String organizationId,
        @Schema(description = "When the request was served; defaults to now; at most 5 minutes ahead") OffsetDateTime time) {

    /** RFC 8693 {@code act}: the actor, with prior actors nested; other members of the claim are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Act(@Schema(example = "bob-id") @NotBlank @Size(max = 512) String sub,
            @Schema(example = "http://localhost:8080") @Size(max = 1024) String iss, @Valid Act act) {
    }

    /** The {@code imp} claim; {@code sid} is the impersonation session id, other members are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Imp(@Schema(example = "5f0e1d2c-imp-session") @NotBlank @Size(max = 512) String sid) {
    }

    /** The resource changed. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Resource(@Schema(example = "invoice") @NotBlank @Size(max = 128) String type,
            @Schema(example = "42") @Size(max = 512) String id) {
    }
}
