import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import shop.CorpusTruth;
import shop.Shop;

/** log4j2 (Debian's liblog4j2-java) with JsonLayout: `thrown` as an object with `extendedStackTrace` and `cause`. */
public final class Log4jJsonApp {
    private static final Logger log = LogManager.getLogger("com.shop.search.SearchHandler");

    public static void main(String[] args) throws Exception {
        for (CorpusTruth.Request request : CorpusTruth.requests()) {
            CorpusTruth.begin(request);
            ThreadContext.clearMap();
            ThreadContext.put("openReplaySessionToken", request.token());
            CorpusTruth.call("info", null);
            log.info("search requested");
            if (request.scenario().equals("ok")) continue;
            try {
                Shop.run(request.scenario());
            } catch (RuntimeException e) {
                CorpusTruth.call("error", e);
                log.error("search failed", e);
            }
        }
    }
}
