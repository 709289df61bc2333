import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import shop.CorpusTruth;
import shop.Shop;

/** logback (Debian's liblogback-java) with a text pattern: MDC session ID, Caused by / Suppressed / ... N more. */
public final class LogbackApp {
    private static final Logger log = LoggerFactory.getLogger("com.shop.payments.PaymentController");

    public static void main(String[] args) throws Exception {
        for (CorpusTruth.Request request : CorpusTruth.requests()) {
            CorpusTruth.begin(request);
            MDC.put("sid", request.style().equals("header") ? "-" : request.sessionId());
            CorpusTruth.call("info", null);
            if (request.style().equals("header")) log.info("POST /pay X-OpenReplay-Session-Id: {} accepted", request.sessionId());
            else log.info("POST /pay accepted");
            if (request.scenario().equals("ok")) continue;
            try {
                Shop.run(request.scenario());
            } catch (RuntimeException e) {
                CorpusTruth.call("error", e);
                log.error("payment failed for request {}", request.n(), e);
            }
        }
    }
}
