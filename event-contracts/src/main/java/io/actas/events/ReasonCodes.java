package io.actas.events;

/** Reason codes of impersonation decisions and denials (DESIGN §4), shared by policy-service and token-service. */
public final class ReasonCodes {

    public static final String ALLOWED = "allowed";
    public static final String NO_MATCHING_RULE = "no_matching_rule";
    public static final String DENIED_BY_RULE = "denied_by_rule";
    public static final String PRIVILEGE_CEILING = "privilege_ceiling";
    public static final String SELF_IMPERSONATION = "self_impersonation";
    public static final String SUBJECT_INACTIVE = "subject_inactive";
    public static final String SUBJECT_NOT_FOUND = "subject_not_found";
    public static final String ACTOR_INACTIVE = "actor_inactive";
    public static final String CHAINING_FORBIDDEN = "chaining_forbidden";
    public static final String REASON_REQUIRED = "reason_required";
    public static final String CLIENT_NOT_ALLOWED = "client_not_allowed";
    public static final String ORGANIZATION_MISMATCH = "organization_mismatch";
    public static final String MISSING_PERMISSION = "missing_permission";
    public static final String INVALID_SUBJECT_TOKEN = "invalid_subject_token";
    public static final String INVALID_ACTOR_TOKEN = "invalid_actor_token";
    public static final String MAY_ACT_MISMATCH = "may_act_mismatch";
    public static final String ORGANIZATION_NOT_FOUND = "organization_not_found";
    public static final String ORGANIZATION_INACTIVE = "organization_inactive";
    public static final String ORGANIZATION_NOT_DESCENDANT = "organization_not_descendant";
    public static final String CLIENT_NOT_SHARED = "client_not_shared";
    public static final String NOT_A_MEMBER = "not_a_member";
    public static final String POLICY_UNAVAILABLE = "policy_unavailable";

    private ReasonCodes() {
    }
}
