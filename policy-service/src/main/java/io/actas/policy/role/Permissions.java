package io.actas.policy.role;

import java.util.Set;

/** The permission names and the audience with a meaning of their own (DESIGN §4). */
public final class Permissions {

    /** Audience of roles that hold the suite's own permissions; such roles apply through every client. */
    public static final String SUITE_AUDIENCE = "actas";

    /** Impersonate users resident in the actor's own organization. */
    public static final String IMPERSONATION = "impersonation";

    /** Impersonate users and carry the impersonation into child organizations ({@code organization_switch}). */
    public static final String ORG_IMPERSONATION = "org_impersonation";

    public static final Set<String> IMPERSONATION_PERMISSIONS = Set.of(IMPERSONATION, ORG_IMPERSONATION);

    /** Name of the role every organization has by default. */
    public static final String IMPERSONATOR_ROLE = "Impersonator";

    /** RFC 6749 §3.3 scope-token: 1*( %x21 / %x23-5B / %x5D-7E ). */
    public static final String SCOPE_TOKEN = "[\\x21\\x23-\\x5B\\x5D-\\x7E]+";

    private Permissions() {
    }
}
