package io.actas.token.orgswitch;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.actas.token.upstream.OrgClient;

/**
 * What org-service and policy-service say about the people of a switch, read before any check runs.
 *
 * @param subject the token's subject, empty when unknown
 * @param memberships the subject's memberships (resident and invited)
 * @param subjectScopes what the subject holds for the client in the switched organization
 * @param actor the current actor of an impersonated token, empty otherwise or when unknown
 * @param actorScopes what the actor holds for the client in the actor's resident organization
 */
record SwitchFacts(Optional<OrgClient.User> subject, List<OrgClient.Membership> memberships, Set<String> subjectScopes,
        Optional<OrgClient.User> actor, Set<String> actorScopes) {
}
