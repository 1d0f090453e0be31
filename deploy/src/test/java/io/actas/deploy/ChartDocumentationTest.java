package io.actas.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;

/** Every value is documented (`## @param`), the README lists them, and NOTES.txt tells how to reach ActAs. */
class ChartDocumentationTest {

    private static final Pattern PARAM = Pattern.compile("^\\s*## @param (\\S+) \\S.*$", Pattern.MULTILINE);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyValueHasAParamLineAndEveryParamLineNamesAValue() throws IOException {
        String values = Files.readString(Chart.DIR.resolve("values.yaml"));
        Set<String> params = params(values);
        List<String> leaves = new ArrayList<>();
        leaves(YAML.readTree(values), "", leaves);

        List<String> undocumented = leaves.stream().filter(leaf -> !documented(leaf, params)).toList();
        List<String> unknown = params.stream().filter(param -> !leaves.stream()
                .anyMatch(leaf -> leaf.equals(param) || leaf.startsWith(param + "."))).toList();

        assertEquals(List.of(), undocumented, "values without ## @param");
        assertEquals(List.of(), unknown, "## @param lines naming no value");
    }

    @Test
    void theReadmeListsEveryParameter() throws IOException {
        String readme = Files.readString(Chart.DIR.resolve("README.md"));
        Set<String> missing = new TreeSet<>();
        for (String param : params(Files.readString(Chart.DIR.resolve("values.yaml")))) {
            if (!readme.contains("`" + param + "`")) {
                missing.add(param);
            }
        }
        assertEquals(Set.of(), missing, "parameters missing from the chart README");
    }

    @Test
    void valuesJvmOverridesOnlyExistingValues() throws IOException {
        JsonNode values = YAML.readTree(Chart.DIR.resolve("values.yaml").toFile());
        List<String> overlay = new ArrayList<>();
        leaves(YAML.readTree(Chart.DIR.resolve("values-jvm.yaml").toFile()), "", overlay);
        for (String leaf : overlay) {
            String path = leaf.substring(0, leaf.indexOf('.') < 0 ? leaf.length() : leaf.indexOf('.'));
            assertTrue(values.has(path), leaf);
        }
        assertTrue(overlay.contains("image.flavor"), overlay::toString);
    }

    @Test
    void notesTellTheIssuerAndTheSwaggerUis() {
        String notes = new Helm(Chart.DIR).install().withName(Chart.RELEASE).withNamespace(Chart.NAMESPACE)
                .withKubeVersion(Chart.KUBE_VERSION).dryRun().clientOnly().call().getOutput();

        assertTrue(
                notes.contains(
                        "Issuer (the \"iss\" of every token): http://actas-token-service.identity.svc.cluster.local:8080"),
                notes);
        assertTrue(notes.contains("/.well-known/openid-configuration"), notes);
        for (String service : Chart.SERVICES) {
            assertTrue(notes.contains("port-forward svc/" + Chart.objectName(service)), service + "\n" + notes);
        }
        for (int port = 8080; port <= 8084; port++) {
            assertTrue(notes.contains("http://localhost:" + port + "/q/swagger-ui"), port + "\n" + notes);
        }
    }

    @Test
    void notesShowThePublicIssuerWhenTheIngressIsOn() {
        String notes = new Helm(Chart.DIR).install().withName(Chart.RELEASE).withNamespace(Chart.NAMESPACE)
                .withKubeVersion(Chart.KUBE_VERSION).set("services.token.ingress.enabled", true)
                .set("services.token.ingress.hosts[0]", "login.example.com").dryRun().clientOnly().call().getOutput();

        assertTrue(notes.contains("Discovery: https://login.example.com/.well-known/openid-configuration"), notes);
    }

    private static Set<String> params(String values) {
        Set<String> params = new TreeSet<>();
        Matcher matcher = PARAM.matcher(values);
        while (matcher.find()) {
            params.add(matcher.group(1));
        }
        return params;
    }

    /** Scalars, lists and empty maps are leaves; a non-empty map contributes its children. */
    private static void leaves(JsonNode node, String path, List<String> leaves) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(e -> leaves(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), leaves));
        } else {
            leaves.add(path);
        }
    }

    /** A value is documented by its own ## @param or by one on a map that contains it (e.g. defaults.resources). */
    private static boolean documented(String leaf, Set<String> params) {
        for (String path = leaf; !path.isEmpty(); path = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "") {
            if (params.contains(path)) {
                return true;
            }
        }
        return false;
    }
}
