package io.actas.notification.template;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.support.ProblemException;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

/**
 * Renders mail templates with a Qute engine of its own: organization administrators write these templates, so the engine
 * knows only the named variables — no {@code config:}, {@code inject:} or other namespaces that could read the service's
 * configuration or beans. Values in the HTML body are HTML-escaped; line breaks in the subject become spaces.
 */
@ApplicationScoped
public class TemplateRenderer {

    static final String SUBJECT = "subject";
    static final String HTML_BODY = "htmlBody";
    static final String TEXT_BODY = "textBody";
    private static final Variant TEXT = Variant.forContentType(Variant.TEXT_PLAIN);
    private static final Variant HTML = Variant.forContentType(Variant.TEXT_HTML);
    private static final int MAX_SUBJECT_LENGTH = 250;

    private final Engine engine = Engine.builder().addDefaults()
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
            .strictRendering(true)
            .build();

    /** Renders the three parts; the values must hold every variable of the template's type. */
    public TemplateContent render(TemplateContent template, Map<String, String> values) {
        String subject = render(parse(template.subject(), TEXT, SUBJECT), values).replaceAll("[\\r\\n]+", " ").strip();
        return new TemplateContent(subject.length() > MAX_SUBJECT_LENGTH ? subject.substring(0, MAX_SUBJECT_LENGTH) : subject,
                render(parse(template.htmlBody(), HTML, HTML_BODY), values),
                render(parse(template.textBody(), TEXT, TEXT_BODY), values));
    }

    /**
     * Checks a template before it is stored: each part parses, uses only the type's variables, and renders with sample
     * values (with and without a reason). Throws a 400 problem naming the part and the fault.
     */
    public void validate(TemplateType type, TemplateContent template) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put(SUBJECT, template.subject());
        parts.put(HTML_BODY, template.htmlBody());
        parts.put(TEXT_BODY, template.textBody());
        parts.forEach((part, content) -> {
            Template parsed;
            try {
                parsed = parse(content, HTML_BODY.equals(part) ? HTML : TEXT, part);
            } catch (TemplateException e) {
                throw ProblemException.badRequest("The " + part + " template does not parse: " + e.getMessage());
            }
            for (Expression expression : parsed.getExpressions()) {
                checkVariable(type, part, expression);
            }
            try {
                render(parsed, sample(type, "Investigating ticket 4711"));
                render(parsed, sample(type, ""));
            } catch (TemplateException e) {
                throw ProblemException.badRequest("The " + part + " template does not render: " + e.getMessage());
            }
        });
    }

    /** Sample values for every variable of the type (the reason as given). */
    public static Map<String, String> sample(TemplateType type, String reason) {
        Map<String, String> values = new HashMap<>();
        type.variables().forEach(name -> values.put(name, "sample " + name));
        values.put(TemplateType.Variables.REASON, reason);
        return values;
    }

    private static void checkVariable(TemplateType type, String part, Expression expression) {
        if (expression.isLiteral()) {
            return;
        }
        if (expression.hasNamespace()) {
            throw ProblemException.badRequest("The " + part + " template uses '" + expression.toOriginalString()
                    + "': namespaces are not available in notification templates.");
        }
        String root = expression.getParts().get(0).getName();
        if (!type.variables().contains(root)) {
            throw ProblemException.badRequest("The " + part + " template uses the unknown variable '" + root
                    + "'; the " + type.id() + " template knows " + String.join(", ", type.variables()) + ".");
        }
    }

    private Template parse(String content, Variant variant, String id) {
        return engine.parse(content, variant, id);
    }

    private static String render(Template template, Map<String, String> values) {
        TemplateInstance instance = template.instance();
        values.forEach(instance::data);
        return instance.render();
    }
}
