package io.actas.audit.chain;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The canonical JSON form the chain hashes: object members sorted by name, no whitespace, numbers as the shortest plain
 * decimal ({@code 1.50}, {@code 15e-1} and {@code 1.5} all read {@code 1.5}), strings escaped by one writer. The same
 * text comes out whether the event is read from Kafka or back from PostgreSQL's {@code jsonb}, which re-orders members
 * and re-writes numbers. Values {@code jsonb} cannot hold (NUL characters, lone surrogates, numbers beyond its range)
 * are refused here, before they could stall a batch.
 */
public final class CanonicalJson {

    /** Numbers longer than this in plain form are refused ({@code jsonb}'s numeric has limits; events have no need). */
    static final int MAX_NUMBER_DIGITS = 1000;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectReader READER = MAPPER.reader();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private CanonicalJson() {
    }

    /** Parses JSON exactly (decimals as {@link BigDecimal}); duplicate member names are an error. */
    public static JsonNode parse(byte[] json) throws IOException {
        return READER.readTree(json);
    }

    public static JsonNode parse(String json) throws IOException {
        return READER.readTree(json);
    }

    /** The node factory whose numbers {@link #write} reads exactly. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The canonical text of a node.
     *
     * @throws IllegalArgumentException when the node holds a value PostgreSQL's {@code jsonb} cannot store
     */
    public static String write(JsonNode node) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(node, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonNode node, JsonGenerator out) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
                node.fields().forEachRemaining(members::add);
                members.sort(Map.Entry.comparingByKey());
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> member : members) {
                    out.writeFieldName(checked(member.getKey()));
                    write(member.getValue(), out);
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                    write(it.next(), out);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(checked(node.textValue()));
            case NUMBER -> out.writeRawValue(number(node));
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static String number(JsonNode node) {
        BigDecimal value = node.decimalValue();
        if (value.precision() - value.scale() > MAX_NUMBER_DIGITS || value.scale() > MAX_NUMBER_DIGITS) {
            throw new IllegalArgumentException("a number is too large or too precise to store");
        }
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String checked(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new IllegalArgumentException("a string holds a NUL character");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw new IllegalArgumentException("a string holds a lone surrogate");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("a string holds a lone surrogate");
            }
        }
        return text;
    }
}
