import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import shop.CorpusTruth;
import shop.Shop;

/** logback with logstash-logback-encoder (Debian): one JSON object per event, `stack_trace`, MDC fields. */
public final class LogstashApp {
    private static final Logger log = LoggerFactory.getLogger("com.shop.inventory.StockService");

    public static void main(String[] args) throws Exception {
        for (CorpusTruth.Request request : CorpusTruth.requests()) {
            CorpusTruth.begin(request);
            MDC.clear();
            if (request.style().equals("team-field")) MDC.put("or_session", request.sessionId());
            else MDC.put("openReplaySession.id", request.sessionId());
            CorpusTruth.call("info", null);
            log.info("stock reservation requested");
            if (request.scenario().equals("ok")) continue;
            try {
                Shop.run(request.scenario());
            } catch (RuntimeException e) {
                CorpusTruth.call("error", e);
                log.error("stock reservation failed", e);
            }
        }
    }
}
