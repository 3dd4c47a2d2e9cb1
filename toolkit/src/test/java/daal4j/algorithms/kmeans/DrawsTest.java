package daal4j.algorithms.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DrawsTest {

    @Test
    void aSequenceGivesTheSameDrawsAsTheFullCall() {
        long seq = Draws.sequence(42, Draws.PLUS_PLUS, 3, 1);
        for (long row = 0; row < 1000; row += 7) {
            assertEquals(Draws.uniform(42, Draws.PLUS_PLUS, 3, 1, row), Draws.uniform(seq, row));
        }
    }

    @Test
    void aBlockOfBitsGivesTheDrawsOneAtATime() {
        long seq = Draws.sequence(42, Draws.PLUS_PLUS, 3, 1);
        long[] ramp = Draws.ramp(64);
        long[] bits = new long[64];
        for (long first : new long[] {0, 5, 1L << 40}) {
            Draws.bits(seq, first, ramp, 37, bits);
            for (int q = 0; q < 37; q++) {
                assertEquals(Draws.bits(seq, first + q), bits[q]);
                assertEquals(Draws.uniform(seq, first + q), Draws.uniformOf(bits[q]));
            }
        }
    }

    @Test
    void theIntegerTestSkipsOnlyKeysAboveTheBest() {
        // weights and draws across their whole range (draws near 1 too), bests near the keys,
        // weights of 0 (keys of +infinity) and an infinite best as the race meets them: the
        // filter may only skip keys strictly above the best
        Random rnd = new Random(4);
        int skipped = 0;
        for (int t = 0; t < 2_000_000; t++) {
            double w = t % 101 == 0 ? 0 : Math.exp(rnd.nextGaussian() * 20);
            long bits = t % 3 == 0 ? (((1L << 53) - 1 - rnd.nextInt(1000)) << 11) | rnd.nextInt(1 << 11)
                    : Draws.bits(Draws.sequence(9, 1, 0, 0), t);
            double u = Draws.uniformOf(bits);
            double key = Draws.raceKey(w, u);
            double best = t % 997 == 0 ? Double.POSITIVE_INFINITY
                    : Draws.raceKey(w > 0 ? w : 1, u) * (1 + rnd.nextGaussian() * 1e-9);
            if (Draws.certainlyAbove(w, bits, Draws.bound(best))) {
                skipped++;
                assertTrue(key > best || key == Double.POSITIVE_INFINITY,
                        "skipped key " + key + " not above best " + best);
            }
        }
        assertTrue(skipped > 100_000, "the filter should skip most of these, skipped " + skipped);
    }
}
