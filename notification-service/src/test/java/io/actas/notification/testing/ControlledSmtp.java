package io.actas.notification.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
 * An SMTP server that a test takes down and brings back on the same loopback port: GreenMail (in this JVM) behind a
 * small TCP relay. {@link #down()} closes the relay's listening socket and every relayed connection, so that the
 * application's connections are refused until {@link #up()} listens again.
 */
public class ControlledSmtp implements QuarkusTestResourceLifecycleManager {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final List<Socket> RELAYED = new CopyOnWriteArrayList<>();
    private static GreenMail greenMail;
    private static int port;
    private static int greenMailPort;
    private static ServerSocket listener;

    @Override
    public Map<String, String> start() {
        greenMailPort = freePort();
        greenMail = new GreenMail(new ServerSetup(greenMailPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        port = freePort();
        up();
        return Map.of("quarkus.mailer.port", String.valueOf(port));
    }

    @Override
    public void stop() {
        down();
        greenMail.stop();
    }

    /** Listens (again) on the port, relaying to GreenMail. */
    public static synchronized void up() {
        if (listener != null) {
            return;
        }
        try {
            listener = new ServerSocket(port, 50, LOOPBACK);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ServerSocket current = listener;
        Thread.ofVirtual().start(() -> accept(current));
    }

    /** Stops listening and cuts every relayed connection: the SMTP server is gone until {@link #up()}. */
    public static synchronized void down() {
        if (listener == null) {
            return;
        }
        close(listener);
        listener = null;
        RELAYED.forEach(ControlledSmtp::close);
        RELAYED.clear();
    }

    /** Messages to the address that GreenMail received. */
    public static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> addressedTo(message, address)).toList();
    }

    private static void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(LOOPBACK, greenMailPort);
                RELAYED.add(client);
                RELAYED.add(upstream);
                Thread.ofVirtual().start(() -> pipe(client, upstream));
                Thread.ofVirtual().start(() -> pipe(upstream, client));
            } catch (IOException e) {
                // listener closed by down(), or a client gone: nothing to relay
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // connection cut
        } finally {
            close(from);
            close(to);
        }
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 50, LOOPBACK)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void close(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
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
