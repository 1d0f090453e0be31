package io.actas.notification.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.actas.support.ProblemException;

class TemplateRendererTest {

    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void htmlBodyEscapesValuesTextBodyKeepsThem() {
        Map<String, String> values = TemplateRenderer.sample(TemplateType.SESSION_STARTED, "<b>\"urgent\" & now</b>");

        TemplateContent mail = renderer.render(new TemplateContent("{reason}", "<p>{reason}</p>", "{reason}"), values);

        assertEquals("<p>&lt;b&gt;&quot;urgent&quot; &amp; now&lt;/b&gt;</p>", mail.htmlBody());
        assertEquals("<b>\"urgent\" & now</b>", mail.textBody());
    }

    @Test
    void lineBreaksInTheSubjectBecomeSpaces() {
        Map<String, String> values = TemplateRenderer.sample(TemplateType.SESSION_STARTED, "one\r\nBcc: victim@example.test");

        TemplateContent mail = renderer.render(new TemplateContent("Reason: {reason}", "x", "x"), values);

        assertEquals("Reason: one Bcc: victim@example.test", mail.subject());
    }

    @Test
    void builtInTemplatesPassTheirOwnValidation() {
        DefaultTemplates defaults = new DefaultTemplates();
        for (TemplateType type : TemplateType.values()) {
            renderer.validate(type, defaults.of(type));
        }
    }

    @Test
    void sectionsUsingUnknownVariablesAreRefused() {
        ProblemException refused = assertThrows(ProblemException.class, () -> renderer.validate(TemplateType.SESSION_STARTED,
                new TemplateContent("x", "x", "{#if password}{password}{/if}")));

        assertEquals(400, refused.status());
    }
}
