package daal4j.testing.mains;

import daal4j.Daal4j;
import daal4j.data.Inputs;
import daal4j.spmd.Communicator;
import daal4j.spmd.Op;
import daal4j.spmd.Spmd;
import daal4j.spmd.SpmdException;
import java.util.ArrayList;
import java.util.List;

/**
 * One rank misbehaves in a chosen way while the others run collectives; prints what each
 * rank saw. {@code mpirun -n N java ... Failures <scenario> <failing rank> [argument]}.
 */
public final class Failures {

    private Failures() {
    }

    /** Runs on every rank of a job; an error that escapes ends this rank (and so the job). */
    public static void main(String[] args) {
        Daal4j.daalinit();
        body(args[0], Integer.parseInt(args[1]), args.length > 2 ? args[2] : null).forEach(System.out::println);
        Daal4j.daalfini();
    }

    /**
     * Scenarios: {@code throws} (rank k's supplier throws, every rank catches), {@code missing-file}
     * (rank k's file of {@code pattern} is missing, every rank catches), {@code uncaught} (as
     * throws, nobody catches), {@code throws-outside} (rank k throws before the collective),
     * {@code exits} (rank k calls System.exit(argument) under MPI, returns with local ranks),
     * {@code never-arrives} (rank k sleeps {@code argument} seconds before the collective).
     */
    public static List<String> body(String scenario, int failing, String argument) {
        Communicator c = Spmd.current();
        int r = c.rank();
        List<String> out = new ArrayList<>();
        out.add("start " + r);
        switch (scenario) {
            case "throws" -> {
                try {
                    c.allreduce(() -> {
                        if (r == failing) {
                            throw new IllegalArgumentException("bad value on purpose");
                        }
                        return new double[] {r};
                    }, Op.SUM);
                    out.add("no error");
                } catch (SpmdException e) {
                    out.add("caught: " + e.getMessage() + " (bad input: " + e.isBadInput() + ")");
                }
                // the engine goes on after a failed collective
                out.add("after: " + c.allreduce(new long[] {1}, Op.SUM)[0]);
            }
            case "missing-file" -> {
                try {
                    c.allreduce(() -> Inputs.matrix(Inputs.perRank(argument, r), "data").rowAt(0), Op.SUM);
                    out.add("no error");
                } catch (SpmdException e) {
                    out.add("caught: " + e.getMessage());
                }
            }
            case "uncaught" -> c.allreduce(() -> {
                if (r == failing) {
                    throw new IllegalStateException("nobody catches this");
                }
                return new double[] {r};
            }, Op.SUM);
            case "throws-outside" -> {
                if (r == failing) {
                    throw new IllegalStateException("gave up before the collective");
                }
                c.barrier();
            }
            case "exits" -> {
                if (r == failing) {
                    if (c.engine().equals("mpi")) {
                        System.exit(Integer.parseInt(argument));
                    }
                    return out; // a local rank "exits" by leaving its body
                }
                c.barrier();
            }
            case "never-arrives" -> {
                if (r == failing) {
                    sleep(Integer.parseInt(argument));
                }
                c.barrier();
            }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
        out.add("end " + r);
        return out;
    }

    private static void sleep(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
