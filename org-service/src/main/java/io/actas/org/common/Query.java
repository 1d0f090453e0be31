package io.actas.org.common;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * A keyset-paginated HQL query built from optional filters: each {@link #where} with a {@code null} value is skipped.
 */
public final class Query {

    private final List<String> conditions = new ArrayList<>();
    private final Parameters parameters = new Parameters();
    private final String key;

    private Query(String key) {
        this.key = key;
    }

    /** A query ordered by {@code key}, the id the page cursor refers to. */
    public static Query orderedBy(String key) {
        return new Query(key);
    }

    public Query where(String field, Object value) {
        if (value != null) {
            String name = "p" + conditions.size();
            conditions.add(field + " = :" + name);
            parameters.and(name, value);
        }
        return this;
    }

    public Query page(PageRequest request) {
        if (request.after() != null) {
            conditions.add(key + " > :after");
            parameters.and("after", request.after());
        }
        return this;
    }

    public String hql() {
        return String.join(" and ", conditions);
    }

    public Parameters parameters() {
        return parameters;
    }

    public Sort sort() {
        return Sort.by(key);
    }
}
