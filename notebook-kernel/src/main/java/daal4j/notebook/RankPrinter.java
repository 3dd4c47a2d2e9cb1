package daal4j.notebook;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Shows rank output in the notebook, each line tagged with its rank ({@code [rank 2] ...},
 * {@code [engine] ...} for the launcher), partial lines continued without a second tag.
 */
final class RankPrinter implements Engine.Output {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<Long, Boolean> midLine = new HashMap<>();

    RankPrinter(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public synchronized void print(int rank, boolean isErr, String text) {
        PrintStream s = isErr ? err : out;
        long key = ((long) rank << 1) | (isErr ? 1 : 0);
        boolean inLine = midLine.getOrDefault(key, false);
        String tag = rank < 0 ? "[engine] " : "[rank " + rank + "] ";
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            if (!inLine) {
                b.append(tag);
                inLine = true;
            }
            char c = text.charAt(i);
            b.append(c);
            if (c == '\n') {
                inLine = false;
            }
        }
        midLine.put(key, inLine);
        s.print(b);
        s.flush();
    }

    /** Ends lines left open, so the next cell starts clean. */
    synchronized void finish() {
        for (Map.Entry<Long, Boolean> e : midLine.entrySet()) {
            if (e.getValue()) {
                ((e.getKey() & 1) == 1 ? err : out).println();
                e.setValue(false);
            }
        }
        out.flush();
        err.flush();
    }
}
