package io.actas.org.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class OrganizationTest {

    private final Organization root = organization(null);
    private final Organization child = organization(root);
    private final Organization grandchild = organization(child);
    private final Organization sibling = organization(root);

    @Test
    void ancestorIdsRunFromRootToParent() {
        assertEquals(List.of(), root.ancestorIds());
        assertEquals(List.of(root.id.toString()), child.ancestorIds());
        assertEquals(List.of(root.id.toString(), child.id.toString()), grandchild.ancestorIds());
    }

    @Test
    void ancestorIsStrictAndFollowsTheTreeOnly() {
        assertTrue(root.isAncestorOf(grandchild));
        assertTrue(child.isAncestorOf(grandchild));
        assertFalse(grandchild.isAncestorOf(child));
        assertFalse(child.isAncestorOf(child));
        assertFalse(sibling.isAncestorOf(grandchild));
    }

    private static Organization organization(Organization parent) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.parentId = parent == null ? null : parent.id;
        organization.path = Organization.pathOf(parent, organization.id);
        return organization;
    }
}
