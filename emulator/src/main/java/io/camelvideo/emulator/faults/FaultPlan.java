package io.camelvideo.emulator.faults;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The faults waiting to be played, first added first played. */
public final class FaultPlan {

    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    public Fault add(Fault fault) {
        faults.add(fault);
        return fault;
    }

    /** Takes one play of the first fault matching the request, or returns null. */
    public Fault next(String method, String path) {
        for (Fault fault : faults) {
            if (fault.remaining() == 0) {
                faults.remove(fault); // a timed fault whose time is over
                continue;
            }
            if (fault.matches(method, path) && fault.tryConsume()) {
                if (fault.remaining() == 0) {
                    faults.remove(fault);
                }
                return fault;
            }
        }
        return null;
    }

    public List<Fault> pending() {
        return List.copyOf(faults);
    }

    public void clear() {
        faults.clear();
    }
}
