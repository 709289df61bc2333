package shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Application code the Java corpus programs call: each method fails the way real code does. */
public final class Shop {
    private Shop() {}

    public static final class PaymentException extends RuntimeException {
        public PaymentException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final class Connection implements AutoCloseable {
        void send(String what) throws IOException {
            throw new IOException("Connection reset by peer while sending " + what);
        }

        @Override
        public void close() {
            throw new IllegalStateException("connection already closed");
        }
    }

    static int quantity(Map<String, String> item) {
        return Integer.parseInt(item.get("qty"));
    }

    static String lookup(Map<String, String> row) {
        return row.get("sku").toUpperCase();
    }

    static void charge(String orderId) {
        try (Connection connection = new Connection()) {
            connection.send("charge " + orderId);
        } catch (IOException e) {
            throw new PaymentException("charge " + orderId + " failed", new UncheckedIOException("gateway unavailable", e));
        }
    }

    public static void run(String scenario) {
        switch (scenario) {
            case "npe" -> lookup(Map.of("qty", "1"));
            case "chained" -> charge("o-981");
            case "number" -> quantity(Map.of("qty", "many"));
            case "list" -> List.of(1, 2).get(5);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
    }
}
