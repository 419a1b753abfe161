package kiji.site;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One render at a time per kept answer. After a publish or a change of the ranking widget the
 * render cache is empty, and every reader of a busy page misses at the same moment: without
 * this, each of them renders the same page (a database query, a template) at once, which is
 * what makes a news spike pile up. The first miss renders; the misses that arrive while it runs
 * wait for its answer and are served that.
 *
 * <p>A waiter gets the leader's answer only if the cache kept it, i.e. nothing changed while it
 * was rendered; otherwise (an article event in between, an error page, a failed render) the
 * waiter renders for itself, as it would have without the wait. A waiter never waits longer
 * than {@code patience}: a leader that never lands is dropped, and the next miss leads.
 */
final class RenderFlights {
    /** A flight this request leads: it must {@link RenderFlights#land} it, whatever happens. */
    record Flight(String key, CompletableFuture<Optional<RenderCache.Entry>> answer) {}

    private final ConcurrentHashMap<String, CompletableFuture<Optional<RenderCache.Entry>>> flying =
            new ConcurrentHashMap<>();
    private final Duration patience;
    private final AtomicInteger waiting = new AtomicInteger();

    RenderFlights(Duration patience) {
        this.patience = patience;
    }

    /** Leads the render of {@code key}, or is empty when another request's render of it is running. */
    Optional<Flight> lead(String key) {
        var mine = new CompletableFuture<Optional<RenderCache.Entry>>();
        return flying.putIfAbsent(key, mine) == null ? Optional.of(new Flight(key, mine)) : Optional.empty();
    }

    /**
     * Waits for the running render of {@code key}: its answer if the cache kept it; empty if it
     * kept none, took longer than the patience, or has already landed.
     */
    Optional<RenderCache.Entry> waitFor(String key) {
        var running = flying.get(key);
        return running == null ? Optional.empty() : await(key, running);
    }

    /** Ends a flight: {@code kept} is the answer the cache now holds, or empty if it kept none. */
    void land(Flight flight, Optional<RenderCache.Entry> kept) {
        flying.remove(flight.key(), flight.answer());
        flight.answer().complete(kept);
    }

    int inFlight() {
        return flying.size();
    }

    /** Readers waiting now for another request's render. */
    int waiting() {
        return waiting.get();
    }

    private Optional<RenderCache.Entry> await(String key, CompletableFuture<Optional<RenderCache.Entry>> running) {
        waiting.incrementAndGet();
        try {
            return running.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            flying.remove(key, running); // a leader that never landed must not hold up later readers
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            waiting.decrementAndGet();
        }
    }
}
