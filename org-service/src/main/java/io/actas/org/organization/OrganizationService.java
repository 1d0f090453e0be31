package io.actas.org.organization;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.org.common.Ids;
import io.actas.org.common.Page;
import io.actas.org.common.PageRequest;
import io.actas.org.common.UniqueViolation;
import io.actas.support.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OrganizationService {

    private final OrganizationRepository organizations;

    public OrganizationService(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    public Uni<OrganizationResponse> create(CreateOrganizationRequest request) {
        return insert(request)
                .onFailure(UniqueViolation::is).transform(e -> handleTaken(request.handle()))
                .map(OrganizationResponse::of);
    }

    private Uni<Organization> insert(CreateOrganizationRequest request) {
        return Panache.withTransaction(() -> require(request.parentId())
                .call(parent -> organizations.findByHandle(request.handle()).invoke(existing -> {
                    if (existing != null) {
                        throw handleTaken(request.handle());
                    }
                }))
                .chain(parent -> {
                    Organization organization = new Organization();
                    organization.id = Ids.next();
                    organization.handle = request.handle();
                    organization.name = request.name().strip();
                    organization.parentId = parent.id;
                    organization.path = Organization.pathOf(parent, organization.id);
                    organization.status = OrganizationStatus.ACTIVE;
                    organization.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    organization.updatedAt = organization.createdAt;
                    return organizations.persistAndFlush(organization);
                }));
    }

    @WithSession
    public Uni<OrganizationResponse> get(UUID id) {
        return require(id).map(OrganizationResponse::of);
    }

    @WithSession
    public Uni<Page<OrganizationResponse>> list(OrganizationFilter filter, PageRequest page) {
        return organizations.page(filter, page)
                .map(rows -> Page.of(rows, page, organization -> organization.id, OrganizationResponse::of));
    }

    @WithSession
    public Uni<Page<OrganizationResponse>> children(UUID id, OrganizationStatus status, PageRequest page) {
        return require(id).chain(parent -> list(new OrganizationFilter(parent.id, null, status), page));
    }

    @WithTransaction
    public Uni<OrganizationResponse> update(UUID id, UpdateOrganizationRequest request) {
        return require(id).map(organization -> {
            OrganizationStatus status = OrganizationStatus.of(request.status());
            if (status == OrganizationStatus.DISABLED && organization.parentId == null) {
                throw ProblemException.conflict("The root organization cannot be disabled.");
            }
            if (request.name() != null) {
                organization.name = request.name().strip();
            }
            if (status != null) {
                organization.status = status;
            }
            organization.updatedAt = Instant.now();
            return OrganizationResponse.of(organization);
        });
    }

    /** The organization with this id, or a 404. Call inside a session. */
    public Uni<Organization> require(UUID id) {
        return organizations.findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Organization", id.toString()));
    }

    private static ProblemException handleTaken(String handle) {
        return ProblemException.conflict("An organization with handle '" + handle + "' already exists.");
    }
}
