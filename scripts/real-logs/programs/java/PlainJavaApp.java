import shop.CorpusTruth;
import shop.Shop;

/** No logging framework: a request line with the token, then Throwable.printStackTrace (the JDK's own format, "... N more"). */
public final class PlainJavaApp {
    public static void main(String[] args) throws Exception {
        for (CorpusTruth.Request request : CorpusTruth.requests()) {
            CorpusTruth.begin(request);
            CorpusTruth.call("none", null); // println states no level
            System.err.println("[openReplaySessionToken=" + request.token() + "] GET /reports/" + request.n());
            if (request.scenario().equals("ok")) continue;
            try {
                Shop.run(request.scenario());
            } catch (RuntimeException e) {
                CorpusTruth.call("none", e); // printStackTrace states no level
                System.err.print("[openReplaySessionToken=" + request.token() + "] report failed: ");
                e.printStackTrace();
            }
        }
    }
}
