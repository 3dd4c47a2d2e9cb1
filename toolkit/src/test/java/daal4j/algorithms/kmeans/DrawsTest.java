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
    void aKeyCertainlyAboveTheBestIsAboveIt() {
        // weights and draws across their whole range, bests near the keys: the filter may
        // only skip keys strictly above the best
        Random rnd = new Random(3);
        int skipped = 0;
        for (int t = 0; t < 2_000_000; t++) {
            double w = Math.exp(rnd.nextGaussian() * 20);
            double u = t % 3 == 0 ? 1 - rnd.nextInt(1000) * 0x1.0p-53 : Draws.uniform(9, 1, 0, 0, t);
            double key = Draws.raceKey(w, u);
            double best = key * (1 + rnd.nextGaussian() * 1e-9);
            if (Draws.certainlyAbove(w, u, best)) {
                skipped++;
                assertTrue(key > best, "skipped key " + key + " not above best " + best);
            }
        }
        assertTrue(skipped > 100_000, "the filter should skip most of these, skipped " + skipped);
    }
}
