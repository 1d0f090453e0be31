package io.actas.deploy;

import static io.actas.deploy.Chart.SERVICES;
import static io.actas.deploy.Chart.objectName;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `services.<name>.enabled: false` removes every object of that service and nothing else. */
class ServiceToggleTemplateTest {

    private static final int OBJECTS_PER_SERVICE = Chart.template().render().ofService("org").size();

    @ParameterizedTest
    @ValueSource(strings = { "token", "policy", "org", "audit", "notification" })
    void disablingAServiceRemovesAllOfItsObjects(String disabled) {
        Chart.Rendered rendered = Chart.template().set("services." + disabled + ".enabled", false).render();

        List<String> others = SERVICES.stream().filter(s -> !s.equals(disabled)).toList();
        assertAll(disabled,
                () -> assertTrue(rendered.ofService(disabled).isEmpty(), () -> rendered.ofService(disabled).toString()),
                () -> assertEquals(4, rendered.ofKind("Deployment").size()),
                () -> assertTrue(rendered.objects().stream()
                        .noneMatch(o -> o.at("/metadata/name").asText().equals(objectName(disabled)))),
                () -> others.forEach(s -> assertEquals(OBJECTS_PER_SERVICE, rendered.ofService(s).size(), s)));
    }
}
