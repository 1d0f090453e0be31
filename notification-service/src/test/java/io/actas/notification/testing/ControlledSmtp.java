package io.actas.notification.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An SMTP server (GreenMail, in this JVM) that a test stops and starts again on the same loopback port; the application
 * under test sends to it instead of the stack's GreenMail. Messages received by every incarnation are kept.
 */
public class ControlledSmtp implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private static GreenMail server;
    private static final List<MimeMessage> EARLIER = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        up();
        return Map.of("quarkus.mailer.port", String.valueOf(port));
    }

    @Override
    public void stop() {
        down();
    }

    /** Starts the server (again) on its port. */
    public static synchronized void up() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** Stops the server: connections are refused until {@link #up()}. */
    public static synchronized void down() {
        if (server != null) {
            EARLIER.addAll(Arrays.asList(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    /** Messages to the address received by any incarnation of the server. */
    public static synchronized List<MimeMessage> messagesTo(String address) {
        List<MimeMessage> all = new CopyOnWriteArrayList<>(EARLIER);
        if (server != null) {
            all.addAll(Arrays.asList(server.getReceivedMessages()));
        }
        return all.stream().filter(message -> addressedTo(message, address)).toList();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
