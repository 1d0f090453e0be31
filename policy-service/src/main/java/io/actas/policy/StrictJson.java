package io.actas.policy;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Unknown JSON properties are a 400, not silently dropped: a misspelt {@code excludedRoles} must not turn into a broader
 * impersonation rule than its author wrote. Records read from other services opt out with
 * {@code @JsonIgnoreProperties(ignoreUnknown = true)}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
