package io.actas.notification.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a mailbox of the stack's GreenMail through its REST API (127.0.0.1:8085) and decodes each MIME message, so that
 * tests assert what the recipient reads.
 */
public final class Mailbox {

    private static final String API = System.getProperty("actas.test.greenmail-api", "http://127.0.0.1:8085");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Mailbox() {
    }

    /** The messages GreenMail holds for the address (none when it has never received one). */
    public static List<ReceivedMail> of(String address) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(API + "/api/user/"
                    + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 400 && response.body().contains("not found")) {
                return List.of();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GreenMail answered " + response.statusCode() + ": " + response.body());
            }
            List<ReceivedMail> mails = new ArrayList<>();
            for (JsonNode message : JSON.readTree(response.body())) {
                mails.add(decode(message.path("mimeMessage").asText()));
            }
            return mails;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static ReceivedMail decode(String mime) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(mime.getBytes(StandardCharsets.UTF_8)));
            ReceivedMail.Builder mail = new ReceivedMail.Builder(message.getSubject(),
                    String.join(",", List.of(message.getHeader("From") == null ? new String[0] : message.getHeader("From"))),
                    message.getHeader("X-ActAs-Session-Id") == null ? null : message.getHeader("X-ActAs-Session-Id")[0]);
            collect(message.getContent(), message.getContentType(), mail);
            return mail.build();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Not a readable MIME message", e);
        }
    }

    private static void collect(Object content, String contentType, ReceivedMail.Builder mail)
            throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), mail);
            }
        } else if (content instanceof String text) {
            if (contentType.toLowerCase().startsWith("text/html")) {
                mail.html(text);
            } else {
                mail.text(text);
            }
        }
    }

    /** A received mail as its reader sees it. */
    public record ReceivedMail(String subject, String from, String sessionHeader, String text, String html) {

        static final class Builder {
            private final String subject;
            private final String from;
            private final String sessionHeader;
            private String text;
            private String html;

            Builder(String subject, String from, String sessionHeader) {
                this.subject = subject;
                this.from = from;
                this.sessionHeader = sessionHeader;
            }

            void text(String text) {
                this.text = text;
            }

            void html(String html) {
                this.html = html;
            }

            ReceivedMail build() {
                return new ReceivedMail(subject, from, sessionHeader, text, html);
            }
        }
    }
}
