package daal4j.notebook;

import daal4j.data.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dflib.jjava.jupyter.kernel.display.DisplayDataRenderable;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * A small chart drawn as SVG, shown inline when it is a cell's value: scatter points (coloured
 * by group), lines and bars, with axes, ticks and a legend. For what a person would rather see
 * than read: a PCA projection, explained variance, k-means clusters, an objective per iteration.
 */
public final class Plot implements DisplayDataRenderable {

    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int W = 560;
    private static final int H = 380;
    private static final int LEFT = 64;
    private static final int RIGHT = 130;
    private static final int TOP = 36;
    private static final int BOTTOM = 48;

    private enum Kind { POINTS, LINE, BARS }

    private record Series(Kind kind, double[] x, double[] y, String label, String color, double size) {
    }

    private final List<Series> series = new ArrayList<>();
    private String title = "";
    private String xLabel = "";
    private String yLabel = "";

    private Plot() {
    }

    /** An empty plot to add series to. */
    public static Plot of() {
        return new Plot();
    }

    /** Points (x, y), one colour per distinct group label (groups may be null: one colour). */
    public static Plot scatter(double[] x, double[] y, int[] groups) {
        Plot p = new Plot();
        if (groups == null) {
            return p.points(x, y, "points");
        }
        int max = 0;
        for (int g : groups) {
            max = Math.max(max, g);
        }
        for (int g = 0; g <= max; g++) {
            int n = 0;
            for (int v : groups) {
                n += v == g ? 1 : 0;
            }
            if (n == 0) {
                continue;
            }
            double[] gx = new double[n];
            double[] gy = new double[n];
            for (int i = 0, k = 0; i < groups.length; i++) {
                if (groups[i] == g) {
                    gx[k] = x[i];
                    gy[k++] = y[i];
                }
            }
            p.series.add(new Series(Kind.POINTS, gx, gy, "group " + g, COLORS[g % COLORS.length], 3));
        }
        return p;
    }

    /** Columns {@code cx} and {@code cy} of {@code m} as points, coloured by {@code groups}. */
    public static Plot scatter(Matrix m, int cx, int cy, int[] groups) {
        return scatter(m.columnAt(cx), m.columnAt(cy), groups);
    }

    /** A line through (1, y0), (2, y1) ... */
    public static Plot line(double[] y, String label) {
        double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            x[i] = i + 1;
        }
        return new Plot().line(x, y, label);
    }

    /** Bars of heights {@code y} at 1, 2, 3 ... */
    public static Plot bars(double[] y, String label) {
        double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            x[i] = i + 1;
        }
        Plot p = new Plot();
        p.series.add(new Series(Kind.BARS, x, y.clone(), label, next(p), 0));
        return p;
    }

    /** Adds points in the next colour. */
    public Plot points(double[] x, double[] y, String label) {
        series.add(new Series(Kind.POINTS, x.clone(), y.clone(), label, next(this), 3));
        return this;
    }

    /** Adds large marked points (e.g. centroids) in black. */
    public Plot markers(double[] x, double[] y, String label) {
        series.add(new Series(Kind.POINTS, x.clone(), y.clone(), label, "#000000", 7));
        return this;
    }

    /** Adds a line in the next colour. */
    public Plot line(double[] x, double[] y, String label) {
        series.add(new Series(Kind.LINE, x.clone(), y.clone(), label, next(this), 2));
        return this;
    }

    /** Sets the title. */
    public Plot title(String t) {
        title = t;
        return this;
    }

    /** Sets the axis labels. */
    public Plot labels(String x, String y) {
        xLabel = x;
        yLabel = y;
        return this;
    }

    private static String next(Plot p) {
        return COLORS[p.series.size() % COLORS.length];
    }

    /** The chart as an SVG document. */
    public String svg() {
        double[] xr = range(true);
        double[] yr = range(false);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">", W, H, W, H));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        for (double t : ticks(xr[0], xr[1])) {
            double px = LEFT + (t - xr[0]) / (xr[1] - xr[0]) * pw;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    px, TOP, px, TOP + ph, px, TOP + ph + 14, Html.number(t)));
        }
        for (double t : ticks(yr[0], yr[1])) {
            double py = TOP + ph - (t - yr[0]) / (yr[1] - yr[0]) * ph;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT, py, LEFT + pw, py, LEFT - 4, py + 4, Html.number(t)));
        }
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#444\"/>", LEFT, TOP, pw, ph));
        for (Series se : series) {
            double barWidth = 0.8 * pw / Math.max(1, se.x.length) / Math.max(1, (xr[1] - xr[0]) / se.x.length);
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < se.x.length; i++) {
                double px = LEFT + (se.x[i] - xr[0]) / (xr[1] - xr[0]) * pw;
                double py = TOP + ph - (se.y[i] - yr[0]) / (yr[1] - yr[0]) * ph;
                switch (se.kind) {
                    case POINTS -> s.append(String.format(Locale.ROOT,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"%s\"/>",
                            px, py, se.size, se.color, se.size > 3 ? "1" : "0.6"));
                    case LINE -> {
                        path.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", px, py));
                        s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>",
                                px, py, se.color));
                    }
                    case BARS -> {
                        double base = TOP + ph - (0 - yr[0]) / (yr[1] - yr[0]) * ph;
                        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                                + " height=\"%.1f\" fill=\"%s\"/>", px - barWidth / 2, Math.min(py, base),
                                barWidth, Math.abs(base - py), se.color));
                    }
                    default -> throw new IllegalStateException();
                }
            }
            if (se.kind == Kind.LINE) {
                s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(se.color)
                        .append("\" stroke-width=\"2\"/>");
            }
        }
        for (int i = 0; i < series.size(); i++) {
            Series se = series.get(i);
            int y = TOP + 10 + 16 * i;
            s.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>", W - RIGHT + 14, y, se.color, W - RIGHT + 24, y + 4,
                    Html.escape(se.label)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">%s</text>",
                LEFT + pw / 2, Html.escape(title)));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                LEFT + pw / 2, H - 10, Html.escape(xLabel)));
        s.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 14 %d)\">%s</text>", TOP + ph / 2, TOP + ph / 2, Html.escape(yLabel)));
        return s.append("</svg>").toString();
    }

    /** [min, max] over all series of x or y, padded by 5%; bars include 0. */
    private double[] range(boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series se : series) {
            for (double v : x ? se.x : se.y) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (se.kind == Kind.BARS) {
                if (x) {
                    lo = Math.min(lo, 0.5);
                    hi = hi + 0.5;
                } else {
                    lo = Math.min(lo, 0);
                    hi = Math.max(hi, 0);
                }
            }
        }
        if (!(lo <= hi)) {
            return new double[] {0, 1};
        }
        double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1, Math.abs(lo) * 0.1);
        return new double[] {lo - pad, hi + pad};
    }

    /** About five round tick values inside [lo, hi]. */
    private static List<Double> ticks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag >= 5 ? 10 * mag : raw / mag >= 2 ? 5 * mag : raw / mag >= 1 ? 2 * mag : mag;
        List<Double> t = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi; v += step) {
            t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return t;
    }

    @Override
    public Set<MIMEType> getSupportedRenderTypes() {
        return Set.of(MIMEType.IMAGE_SVG, MIMEType.TEXT_PLAIN);
    }

    @Override
    public Set<MIMEType> getPreferredRenderTypes() {
        return Set.of(MIMEType.IMAGE_SVG);
    }

    @Override
    public void render(RenderContext context) {
        context.renderIfRequested(MIMEType.IMAGE_SVG, this::svg);
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "Plot: " + title + " (" + series.size() + " series)");
    }
}
