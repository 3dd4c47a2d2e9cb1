package daal4j.spmd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import daal4j.data.Inputs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalEngineTest {

    @Test
    void collectivesGiveEveryRankTheSameValues() {
        List<String> seen = Spmd.local(4).call(() -> {
            Communicator c = Spmd.current();
            int r = c.rank();
            double[] sum = c.allreduce(new double[] {r, 1}, Op.SUM);
            double[] min = c.allreduce(new double[] {r, -r}, Op.MIN);
            double[] max = c.allreduce(new double[] {r, -r}, Op.MAX);
            long[] lsum = c.allreduce(new long[] {r, 10L * r}, Op.SUM);
            long[] lmax = c.allreduce(new long[] {r}, Op.MAX);
            byte[][] bytes = c.allgather(new byte[] {(byte) r, (byte) (r * 2)});
            double[][] doubles = c.allgather(new double[r]);
            double[] root = c.broadcast(r == 2 ? new double[] {42, 43} : null, 2);
            c.barrier();
            assertArrayEquals(new double[] {6, 4}, sum);
            assertArrayEquals(new double[] {0, -3}, min);
            assertArrayEquals(new double[] {3, 0}, max);
            assertArrayEquals(new long[] {6, 60}, lsum);
            assertArrayEquals(new long[] {3}, lmax);
            for (int k = 0; k < 4; k++) {
                assertArrayEquals(new byte[] {(byte) k, (byte) (2 * k)}, bytes[k]);
                assertEquals(k, doubles[k].length);
            }
            assertArrayEquals(new double[] {42, 43}, root);
            return c.rank() + "/" + c.size() + "/" + c.engine();
        });
        assertEquals(List.of("0/4/local", "1/4/local", "2/4/local", "3/4/local"), seen);
    }

    @Test
    void aRankThatThrowsInACollectiveFailsEveryRankNamingIt() {
        Map<Integer, String> messages = new ConcurrentHashMap<>();
        SpmdException e = assertThrows(SpmdException.class, () -> Spmd.local(4).run(() -> {
            try {
                Spmd.current().allgather(() -> {
                    if (Spmd.current().rank() == 2) {
                        throw new IllegalArgumentException("labels out of range");
                    }
                    return new byte[] {1};
                });
            } catch (SpmdException ex) {
                messages.put(Spmd.current().rank(), ex.getMessage());
                throw ex;
            }
        }));
        assertEquals("rank 2: labels out of range", e.getMessage());
        assertEquals(2, e.failedRank());
        assertTrue(e.isBadInput());
        assertEquals(4, messages.size());
        messages.values().forEach(m -> assertEquals("rank 2: labels out of range", m));
    }

    @Test
    void aRankWhoseFileIsMissingIsNamedOnEveryRank() {
        SpmdException e = assertThrows(SpmdException.class, () -> Spmd.local(3).run(() ->
                Spmd.current().allgatherDoubles(() -> {
                    int r = Spmd.current().rank();
                    String file = r == 1 ? "no-such-dir/file{}.csv" : "../data/daal4py-examples/distributed/qr_{}.csv";
                    return Inputs.matrix(Inputs.perRank(file, r + 1), "data").rowMajorView();
                })));
        assertEquals("rank 1: no-such-dir/file2.csv: no such file", e.getMessage());
    }

    @Test
    void aRankThatLeavesEarlyEndsTheOthersAtOnce() {
        SpmdException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThrows(SpmdException.class, () -> Spmd.local(3).run(() -> {
                    if (Spmd.current().rank() == 1) {
                        return; // this rank "exits" without joining the collective
                    }
                    Spmd.current().barrier();
                })));
        assertEquals("rank 1: finished while the others were in a collective", e.getMessage());
    }

    @Test
    void aRankThatThrowsOutsideACollectiveIsNamedByTheOthers() {
        RuntimeException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThrows(RuntimeException.class, () -> Spmd.local(2).run(() -> {
                    if (Spmd.current().rank() == 0) {
                        throw new IllegalStateException("user code failed");
                    }
                    Spmd.current().barrier();
                })));
        assertEquals("user code failed", e.getMessage());
    }

    @Test
    void aRankThatNeverArrivesTimesOut() {
        long start = System.nanoTime();
        SpmdException e = assertThrows(SpmdException.class, () -> Spmd.local(2).timeout(Duration.ofSeconds(1)).run(() -> {
            if (Spmd.current().rank() == 1) {
                try {
                    Thread.sleep(3000); // stuck in local work for longer than the timeout
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            Spmd.current().barrier();
        }));
        assertEquals("timed out after 1 s waiting for rank 1 in a collective", e.getMessage());
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
    }

    @Test
    void outsideLocalRanksTheProcessIsOneRank() {
        Communicator c = Spmd.current();
        assertEquals(0, c.rank());
        assertEquals(1, c.size());
        assertEquals("single", c.engine());
        assertArrayEquals(new double[] {5}, c.allreduce(new double[] {5}, Op.SUM));
    }

    @Test
    void zeroRanksIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Spmd.local(0));
    }
}
