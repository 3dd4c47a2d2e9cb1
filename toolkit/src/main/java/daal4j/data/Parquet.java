package daal4j.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import tech.tablesaw.api.Table;

/**
 * Reads numeric Parquet files into a {@link Matrix} through Apache Parquet's column reader:
 * INT32, INT64 (signed or unsigned), FLOAT, DOUBLE, BOOLEAN (0/1) and INT32/INT64 decimals,
 * required or optional. Strings, nested columns and nulls are errors naming the file, and
 * for a null its row group, row and column.
 *
 * <p>{@link #readPart} splits a file across ranks by whole row groups: row group {@code g},
 * holding file rows [s, e), goes to part {@code floor(parts * (s + e) / (2 * rows))}, the
 * part whose even share of the rows holds the group's middle row. Parts are contiguous runs
 * of row groups in file order, balanced by rows rather than by group count (groups often
 * differ in size), and part 0, 1, … concatenated is {@link #read} exactly.
 */
public final class Parquet {

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private Parquet() {
    }

    /** Reads every column of a Parquet file (all must be numeric) into a matrix. */
    public static Matrix read(Path file) {
        return readPart(file, 0, 1);
    }

    /** The names of the file's columns, in order. */
    public static String[] names(Path file) {
        try (ParquetFileReader reader = open(file)) {
            return names(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Part {@code part} of {@code parts} of the file's rows: a contiguous run of whole row groups. */
    public static Matrix readPart(Path file, int part, int parts) {
        if (parts < 1 || part < 0 || part >= parts) {
            throw new IllegalArgumentException(file + ": part " + part + " of " + parts
                    + " (parts must be >= 1 and 0 <= part < parts)");
        }
        try (ParquetFileReader reader = open(file)) {
            return readGroups(file, reader, part, parts);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** The file as a Tablesaw table of double columns carrying the file's column names. */
    public static Table readTable(Path file) {
        try (ParquetFileReader reader = open(file)) {
            String name = file.getFileName().toString().replaceFirst("\\.parquet$", "");
            return Tables.toTable(readGroups(file, reader, 0, 1), name, names(reader));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Opens the file for reading, after the checks that let the error say what is wrong. */
    private static ParquetFileReader open(Path file) {
        checkMagic(file);
        try {
            // a plain local file: no Hadoop FileSystem; default options (no record filter)
            return ParquetFileReader.open(new LocalInputFile(file), ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": damaged Parquet footer (" + e.getMessage() + ")");
        }
    }

    /**
     * Checks the 4-byte "PAR1" at both ends of the file. The library's own message for a
     * truncated file is about a magic number at an offset; these name the usual causes.
     */
    private static void checkMagic(Path file) {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            ByteBuffer head = ByteBuffer.allocate(4);
            ByteBuffer tail = ByteBuffer.allocate(4);
            readFully(ch, head, 0);
            if (size < 12 || !Arrays.equals(head.array(), MAGIC)) {
                throw new IllegalArgumentException(file + ": not a Parquet file (it does not start with PAR1"
                        + (size < 12 ? ", " + size + " bytes" : "") + ")");
            }
            readFully(ch, tail, size - 4);
            if (Arrays.equals(tail.array(), "PARE".getBytes(StandardCharsets.US_ASCII))) {
                throw new IllegalArgumentException(file + ": an encrypted Parquet file (not supported)");
            }
            if (!Arrays.equals(tail.array(), MAGIC)) {
                throw new IllegalArgumentException(file + ": truncated or damaged Parquet file"
                        + " (no PAR1 footer at its end, " + size + " bytes)");
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static void readFully(SeekableByteChannel ch, ByteBuffer b, long at) throws IOException {
        ch.position(Math.max(0, at));
        while (b.hasRemaining() && ch.read(b) >= 0) {
            // until full or end of file
        }
    }

    private static String[] names(ParquetFileReader reader) {
        List<ColumnDescriptor> cols = reader.getFileMetaData().getSchema().getColumns();
        String[] names = new String[cols.size()];
        for (int j = 0; j < names.length; j++) {
            names[j] = String.join(".", cols.get(j).getPath());
        }
        return names;
    }

    /** Reads the row groups that belong to {@code part}, every column into one row-major array. */
    private static Matrix readGroups(Path file, ParquetFileReader reader, int part, int parts) {
        MessageType schema = reader.getFileMetaData().getSchema();
        List<ColumnDescriptor> cols = schema.getColumns();
        String[] names = names(reader);
        Kind[] kinds = new Kind[cols.size()];
        for (int j = 0; j < kinds.length; j++) {
            kinds[j] = kind(file, names[j], cols.get(j));
        }
        List<BlockMetaData> groups = reader.getRowGroups();
        int[] run = run(groups, part, parts);
        long rows = 0;
        for (int g = run[0]; g < run[1]; g++) {
            rows += groups.get(g).getRowCount();
        }
        int p = cols.size();
        if (rows * p > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(file + ": " + rows + " rows x " + p
                    + " columns is too large for one matrix; read it in parts (readPart)");
        }
        double[] data = new double[(int) (rows * p)];
        String createdBy = reader.getFileMetaData().getCreatedBy();
        int row = 0;
        long fileRow = rowsBefore(groups, run[0]);
        for (int g = run[0]; g < run[1]; g++) {
            long n = groups.get(g).getRowCount();
            long nullAt = -1;
            int nullColumn = -1;
            try {
                PageReadStore pages = reader.readRowGroup(g);
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new NoConverter(), schema, createdBy);
                for (int j = 0; j < p && nullAt < 0; j++) {
                    nullAt = column(store.getColumnReader(cols.get(j)), kinds[j], n, data, row * p + j, p);
                    nullColumn = j;
                }
            } catch (IOException | RuntimeException e) {
                // the library's words for the cause; a reader of the message needs the where and what
                throw new IllegalArgumentException(file + ": row group " + g + ": damaged data (" + e.getMessage() + ")");
            }
            if (nullAt >= 0) {
                throw new IllegalArgumentException(file + ": row group " + g + ", row " + nullAt + " (file row "
                        + (fileRow + nullAt) + "), column '" + names[nullColumn] + "': null value");
            }
            row += (int) n;
            fileRow += n;
        }
        return Matrix.wrap((int) rows, p, data);
    }

    /**
     * The row groups [first, end) of {@code part}: those whose middle row falls in the part's
     * even share of the file's rows (see the class comment).
     */
    private static int[] run(List<BlockMetaData> groups, int part, int parts) {
        long total = rowsBefore(groups, groups.size());
        int first = -1;
        int end = groups.size();
        long start = 0;
        for (int g = 0; g < groups.size(); g++) {
            long n = groups.get(g).getRowCount();
            // twice the middle row, so that it stays an integer; empty files belong to part 0
            long owner = total == 0 ? 0 : Math.multiplyExact((long) parts, 2 * start + n) / (2 * total);
            if (owner > part) {
                end = g;
                break;
            }
            if (owner == part && first < 0) {
                first = g;
            }
            start += n;
        }
        return new int[] {first < 0 ? end : first, end};
    }

    private static long rowsBefore(List<BlockMetaData> groups, int g) {
        long s = 0;
        for (int k = 0; k < g; k++) {
            s += groups.get(k).getRowCount();
        }
        return s;
    }

    /**
     * Reads {@code n} values of one column into out[at], out[at + stride], …; returns the
     * row of the first null (and stops there), or -1.
     */
    private static long column(ColumnReader r, Kind kind, long n, double[] out, int at, int stride) {
        int maxDef = r.getDescriptor().getMaxDefinitionLevel();
        int k = at;
        for (long i = 0; i < n; i++) {
            // a flat column's value is present only at the full definition level
            if (r.getCurrentDefinitionLevel() < maxDef) {
                return i;
            }
            out[k] = kind.value(r);
            k += stride;
            r.consume();
        }
        return -1;
    }

    /** How one physical/logical column type becomes a double. */
    @FunctionalInterface
    private interface Kind {
        double value(ColumnReader r);
    }

    private static final Kind INT32 = r -> r.getInteger();
    private static final Kind UINT32 = r -> Integer.toUnsignedLong(r.getInteger());
    // beyond 2^53 this rounds, as numpy's astype(float) does
    private static final Kind INT64 = r -> r.getLong();
    private static final Kind UINT64 = r -> {
        long v = r.getLong();
        // halve keeping the lowest bit as a sticky bit, so the one rounding is correct
        return v >= 0 ? v : 2.0 * ((v >>> 1) | (v & 1));
    };
    private static final Kind FLOAT = r -> r.getFloat();
    private static final Kind DOUBLE = r -> r.getDouble();
    private static final Kind BOOLEAN = r -> r.getBoolean() ? 1 : 0;

    /** A decimal stored as a scaled INT32/INT64: correctly rounded unscaled x 10^-scale. */
    private static final class Decimal implements Kind {
        private final int scale;
        private final boolean int32;

        Decimal(int scale, boolean int32) {
            this.scale = scale;
            this.int32 = int32;
        }

        @Override
        public double value(ColumnReader r) {
            return BigDecimal.valueOf(int32 ? r.getInteger() : r.getLong(), scale).doubleValue();
        }
    }

    /** The column's reading, or an error naming the file, column and type when it is not numeric. */
    private static Kind kind(Path file, String name, ColumnDescriptor c) {
        PrimitiveType t = c.getPrimitiveType();
        if (c.getPath().length > 1 || c.getMaxRepetitionLevel() > 0) {
            throw new IllegalArgumentException(file + ": column '" + name + "' is nested or repeated"
                    + " (a list, map or struct), not a flat numeric column");
        }
        LogicalTypeAnnotation logical = t.getLogicalTypeAnnotation();
        switch (t.getPrimitiveTypeName()) {
            case INT32:
            case INT64: {
                boolean int32 = t.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT32;
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return new Decimal(d.getScale(), int32);
                }
                boolean unsigned = logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned();
                return int32 ? (unsigned ? UINT32 : INT32) : (unsigned ? UINT64 : INT64);
            }
            case FLOAT:
                return FLOAT;
            case DOUBLE:
                return DOUBLE;
            case BOOLEAN:
                return BOOLEAN;
            default:
                String detail = logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation ? " (string)"
                        : logical == null ? "" : " (" + logical + ")";
                throw new IllegalArgumentException(file + ": column '" + name + "' is "
                        + t.getPrimitiveTypeName() + detail + ", not numeric");
        }
    }

    /**
     * The column reader wants a record converter, though values are taken from it directly
     * and never pushed to a converter; this one accepts every column and does nothing.
     */
    private static final class NoConverter extends GroupConverter {
        private final PrimitiveConverter leaf = new PrimitiveConverter() {
        };

        @Override
        public Converter getConverter(int fieldIndex) {
            return leaf;
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }
}
