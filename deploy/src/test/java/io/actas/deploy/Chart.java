package io.actas.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

/**
 * Renders deploy/helm/actas with helm-java (`helm template`) and parses the result into Kubernetes objects.
 */
final class Chart {

    static final Path DIR = Path.of(System.getProperty("actas.chart.dir", "helm/actas")).toAbsolutePath();
    static final String RELEASE = "actas";
    static final String NAMESPACE = "identity";
    /** A Kubernetes version the chart supports (helm template defaults to v1.20, below the chart's kubeVersion). */
    static final String KUBE_VERSION = "1.33.0";
    /** The keys of `services:` in values.yaml. */
    static final List<String> SERVICES = List.of("token", "policy", "org", "audit", "notification");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * helm-java's `template` returns the release manifest without hooks. {@link #hooksAsObjects()} renders a copy of
     * the chart in which `helm.sh/hook` is renamed to this annotation, so hook objects come out as ordinary ones.
     */
    static final String HOOK_ANNOTATION = "test.actas.io/hook";

    private final List<Path> valuesFiles = new ArrayList<>();
    private Path chartDir = DIR;
    private final Map<String, Object> sets = new LinkedHashMap<>();

    private Chart() {
    }

    /** A `helm template` of the chart with the default values. */
    static Chart template() {
        return new Chart();
    }

    /** Adds a values file, relative to the chart folder (values-jvm.yaml) or a test resource under src/test/resources. */
    Chart values(String file) {
        Path inChart = DIR.resolve(file);
        valuesFiles.add(inChart.toFile().exists() ? inChart : Path.of("src/test/resources", file).toAbsolutePath());
        return this;
    }

    /** Adds a `--set key=value`. */
    Chart set(String key, Object value) {
        sets.put(key, value);
        return this;
    }

    /** Renders hooks (the Kafka topics Job) as ordinary objects, their hook annotation renamed to HOOK_ANNOTATION. */
    Chart hooksAsObjects() {
        try {
            Path copy = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chart-").resolve("actas");
            try (Stream<Path> files = Files.walk(DIR)) {
                for (Path source : files.toList()) {
                    Path target = copy.resolve(DIR.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.writeString(target, Files.readString(source).replace("helm.sh/hook", HOOK_ANNOTATION));
                    }
                }
            }
            chartDir = copy;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders and parses the objects; fails the test with helm's message when rendering fails. */
    Rendered render() {
        return new Rendered(parse(command().call()));
    }

    /** Renders and returns helm's error message; fails the test when rendering succeeds. */
    String renderFailure() {
        try {
            command().call();
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
        throw new AssertionError("helm template succeeded with " + sets + " " + valuesFiles);
    }

    private TemplateCommand command() {
        TemplateCommand command = new Helm(chartDir).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        valuesFiles.forEach(command::withValuesFile);
        sets.forEach(command::set);
        return command;
    }

    private static List<JsonNode> parse(String manifests) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(manifests)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && document.hasNonNull("kind")) {
                    objects.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("helm template rendered invalid YAML:\n" + manifests, e);
        }
        return objects;
    }

    /** The component label of a service key: token -> token-service. */
    static String component(String service) {
        return service + "-service";
    }

    /** The object name of a service for the test release: token -> actas-token-service. */
    static String objectName(String service) {
        return RELEASE + "-" + component(service);
    }

    /** The rendered objects of one `helm template`. */
    record Rendered(List<JsonNode> objects) {

        List<JsonNode> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
        }

        JsonNode get(String kind, String name) {
            return objects.stream()
                    .filter(o -> kind.equals(o.path("kind").asText()))
                    .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered; kinds: " + kinds()));
        }

        /** Objects labelled with a service's component. */
        List<JsonNode> ofService(String service) {
            return objects.stream()
                    .filter(o -> component(service)
                            .equals(o.path("metadata").path("labels").path("app.kubernetes.io/component").asText()))
                    .toList();
        }

        JsonNode container(String service) {
            return get("Deployment", objectName(service)).at("/spec/template/spec/containers/0");
        }

        /** Environment of a service: ConfigMap entries and the container's `env` (values or secret references). */
        Map<String, JsonNode> env(String service) {
            Map<String, JsonNode> env = new LinkedHashMap<>();
            get("ConfigMap", objectName(service)).path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue()));
            container(service).path("env").forEach(e -> env.put(e.path("name").asText(), e));
            return env;
        }

        List<String> kinds() {
            return objects.stream().map(o -> o.path("kind").asText() + "/" + o.path("metadata").path("name").asText())
                    .toList();
        }
    }
}
