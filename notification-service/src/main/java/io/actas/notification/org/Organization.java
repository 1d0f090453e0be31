package io.actas.notification.org;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An organization as org-service answers {@code GET /api/v1/organizations/{id}}.
 *
 * @param ancestorIds root first, parent last
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Organization(String id, String handle, String name, String parentId, String status, List<String> ancestorIds) {

    /** This organization, then its parent, up to the root: the order settings and templates are inherited in. */
    public List<String> selfAndAncestors() {
        List<String> chain = new ArrayList<>();
        chain.add(id);
        List<String> ancestors = new ArrayList<>(ancestorIds == null ? List.of() : ancestorIds);
        if (ancestors.isEmpty() && parentId != null) {
            ancestors.add(parentId);
        }
        Collections.reverse(ancestors);
        ancestors.stream().filter(a -> !chain.contains(a)).forEach(chain::add);
        return List.copyOf(chain);
    }
}
