package io.actas.notification.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The built-in template of each type, read once from {@code default-templates/<type>/} on the class path (listed for
 * native images in {@code quarkus.native.resources.includes}).
 */
@ApplicationScoped
public class DefaultTemplates {

    private final Map<TemplateType, TemplateContent> templates = new EnumMap<>(TemplateType.class);

    public DefaultTemplates() {
        for (TemplateType type : TemplateType.values()) {
            templates.put(type, new TemplateContent(read(type, "subject.txt").strip(), read(type, "body.html"),
                    read(type, "body.txt")));
        }
    }

    public TemplateContent of(TemplateType type) {
        return templates.get(type);
    }

    private static String read(TemplateType type, String file) {
        String path = "default-templates/" + type.id() + "/" + file;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing built-in template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
