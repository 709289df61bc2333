package shop;

import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every Java corpus program shares: its requests, the markers between log calls, and the
 * ground truth, written from the Throwable objects themselves (getStackTrace, getCause,
 * getSuppressed), never from the printed text.
 */
public final class CorpusTruth {
    public record Request(int n, String sessionId, String token, String style, String scenario) {}

    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;
    private static FileWriter truth;
    private static int n;
    private static int k;

    private CorpusTruth() {}

    /** The plan is JSON written by the generator; its shape is fixed, so a pattern reads it. */
    public static List<Request> requests() throws IOException {
        truth = new FileWriter(System.getenv("CORPUS_TRUTH"), true);
        String plan = Files.readString(Path.of(System.getenv("CORPUS_PLAN")));
        Matcher m = Pattern.compile("\\{\"n\":(\\d+),\"sessionId\":\"(\\d+)\",\"token\":\"([^\"]*)\",\"style\":\"([^\"]*)\",\"scenario\":\"([^\"]*)\"\\}").matcher(plan);
        List<Request> out = new ArrayList<>();
        while (m.find()) out.add(new Request(Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5)));
        return out;
    }

    public static void begin(Request request) throws IOException {
        n = request.n();
        k = 0;
        write("{\"kind\":\"request\",\"n\":" + n + ",\"sessionId\":\"" + request.sessionId() + "\",\"style\":\"" + request.style() + "\",\"scenario\":\"" + request.scenario() + "\"}");
    }

    public static void call(String level, Throwable error) throws IOException {
        k += 1;
        String marker = "##corpus:" + n + "." + k + "##";
        OUT.flush();
        ERR.flush();
        OUT.println(marker);
        ERR.println(marker);
        OUT.flush();
        ERR.flush();
        String described = error == null ? "" : ",\"error\":" + describe(error);
        write("{\"kind\":\"call\",\"n\":" + n + ",\"k\":" + k + ",\"level\":\"" + level + "\",\"tagged\":true" + described + "}");
    }

    private static void write(String line) throws IOException {
        truth.write(line + "\n");
        truth.flush();
    }

    private static String describe(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> causes = new ArrayList<>();
        seen.add(error);
        collect(error, seen, causes);
        return "{" + head(error) + ",\"causes\":[" + String.join(",", causes) + "],\"causesPrinted\":true}";
    }

    private static void collect(Throwable error, Set<Throwable> seen, List<String> causes) {
        for (Throwable suppressed : error.getSuppressed()) link("suppressed", suppressed, seen, causes);
        if (error.getCause() != null) link("cause", error.getCause(), seen, causes);
    }

    private static void link(String relation, Throwable other, Set<Throwable> seen, List<String> causes) {
        if (!seen.add(other)) return;
        causes.add("{\"relation\":\"" + relation + "\"," + head(other) + "}");
        collect(other, seen, causes);
    }

    private static String head(Throwable error) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement e : error.getStackTrace()) {
            frames.add("{\"file\":" + quote(e.getFileName()) + ",\"line\":" + e.getLineNumber() + ",\"function\":" + quote(e.getClassName() + "." + e.getMethodName()) + ",\"app\":" + isApp(e) + "}");
        }
        return "\"type\":" + quote(error.getClass().getName()) + ",\"message\":" + quote(String.valueOf(error.getMessage())) + ",\"frames\":[" + String.join(",", frames) + "]";
    }

    /** Application code is what the application class loader loaded; the JDK's classes have none. */
    private static boolean isApp(StackTraceElement e) {
        try {
            return Class.forName(e.getClassName(), false, CorpusTruth.class.getClassLoader()).getClassLoader() != null;
        } catch (ClassNotFoundException notLoadable) {
            return false;
        }
    }

    private static String quote(String text) {
        if (text == null) return "null";
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

}
