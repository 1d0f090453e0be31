package io.actas.token.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.actas.events.Act;
import io.actas.token.testing.StubbedUpstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The events the outbox writes carry {@code act} exactly as RFC 8693 §4.1 and the event schema describe it. */
@QuarkusTest
@WithTestResource(StubbedUpstreams.class)
class OutboxEventJsonTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void actIsWrittenWithSubIssAndNestedActOnly() throws Exception {
        String json = mapper.writeValueAsString(new Act("u-service", "http://issuer", new Act("u-sam", "http://issuer", null)));

        assertThat(json).isEqualTo(
                "{\"sub\":\"u-service\",\"iss\":\"http://issuer\",\"act\":{\"sub\":\"u-sam\",\"iss\":\"http://issuer\"}}");
    }
}
