package io.camelvideo.emulator.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Every request the emulator answered, in arrival order, so tests can count them (for example the
 * creates per {@code external_task_id}). Keeps the newest {@code capacity} requests.
 */
public final class RequestJournal {

    private final ConcurrentLinkedDeque<RecordedRequest> requests = new ConcurrentLinkedDeque<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    public RequestJournal(int capacity) {
        this.capacity = capacity;
    }

    public long nextSequence() {
        return sequence.incrementAndGet();
    }

    public void record(RecordedRequest request) {
        requests.addLast(request);
        if (size.incrementAndGet() > capacity && requests.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    public List<RecordedRequest> all() {
        return new ArrayList<>(requests);
    }

    public List<RecordedRequest> matching(Predicate<RecordedRequest> filter) {
        return requests.stream().filter(filter).toList();
    }

    public long count(String method, String pathPrefix) {
        return requests.stream()
                .filter(r -> r.method().equalsIgnoreCase(method) && r.path().startsWith(pathPrefix))
                .count();
    }

    /** How many requests are recorded. */
    public int size() {
        return size.get();
    }

    public void clear() {
        requests.clear();
        size.set(0);
    }
}
