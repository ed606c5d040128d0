package io.audiolens.aggregator.topology;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A store layer whose values the task's own thread reads and writes as live objects between commits: decoded
 * once per commit interval instead of once per record, encoded once when the task commits instead of on every
 * put. Kafka Streams flushes a task's caches before it commits ({@code flushCache}), and this layer writes its
 * changed values to the store below it (cached, changelogged, RocksDB) right there, in the order they were last
 * changed (as a record cache flushes), so the changelog and the committed offsets stay one transaction. A task
 * closed dirty or revived (an error, a crash, a wiped state) has its stores closed and initialised again
 * ({@code close}, {@code init}), a task switched between active and standby has its caches cleared
 * ({@code clearCache}): each drops the live values, which are read again from the store below.
 *
 * <p>Callers must put what they change (every processor here does). Other threads (interactive queries over
 * HTTP) read the store below, which lags the live values by at most one commit interval. Subclasses write the
 * changed values down before any range read on the task's thread, so that it sees them.
 *
 * @param <S> the store's type (what the layer below is)
 * @param <L> what a live value is kept under: the store's key, or a key and a window start
 * @param <V> the values
 */
abstract class LiveStore<S extends StateStore, L, V> extends WrappedStateStore<S, String, V> {

    private static final Runnable NOTHING = () -> { };

    private final Map<L, V> live = new HashMap<>();
    private final Set<L> changed = new LinkedHashSet<>();
    private volatile Thread owner;
    private Runnable beforeFlush = NOTHING;

    LiveStore(S below) {
        super(below);
    }

    /** Writes the changed values to the store below, in the order given (the order they last changed). */
    protected abstract void writeBelow(Map<L, V> changes);

    @Override
    public void init(StateStoreContext context, StateStore root) {
        live.clear();
        changed.clear();
        beforeFlush = NOTHING;
        owner = Thread.currentThread();
        super.init(context, root);
    }

    protected final boolean onTaskThread() {
        return Thread.currentThread() == owner;
    }

    /** The live value at {@code where}, read from below and kept the first time; off the task's thread, from below. */
    protected final V read(L where, Supplier<V> below) {
        if (!onTaskThread()) {
            return below.get();
        }
        V value = live.get(where);
        if (value == null) {
            value = below.get();
            if (value != null) {
                live.put(where, value);
            }
        }
        return value;
    }

    /** {@code value} is the live value at {@code where} from now on, written down at the next flush. */
    protected final void change(L where, V value) {
        live.put(where, value);
        changed.remove(where); // last changed, last written
        changed.add(where);
    }

    /** Nothing is kept live at {@code where} any more (the caller deletes below). */
    protected final void forget(L where) {
        live.remove(where);
        changed.remove(where);
    }

    /** The live layer of {@code store}, as a processor's context hands it out (behind Kafka Streams' decorator). */
    static LiveStore<?, ?, ?> of(StateStore store) {
        StateStore layer = store;
        while (!(layer instanceof LiveStore<?, ?, ?>) && layer instanceof WrappedStateStore<?, ?, ?> wrapper) {
            layer = wrapper.wrapped();
        }
        if (layer instanceof LiveStore<?, ?, ?> live) {
            return live;
        }
        throw new IllegalArgumentException(store.name() + " has no live layer");
    }

    /**
     * {@code task} runs on the task's thread at every flush before the changed values go down (what it puts goes
     * down with them), until the store is initialised again, cleared or closed: for a processor that writes at
     * commits ({@link SeenIds}).
     */
    final void beforeFlush(Runnable task) {
        beforeFlush = task;
    }

    /** Before the task commits: the changed values go down, and the next record reads them back once. */
    @Override
    public void flushCache() {
        if (onTaskThread()) {
            beforeFlush.run();
            writeDown();
            live.clear();
        } else if (beforeFlush != NOTHING) {
            throw new IllegalStateException(name() + " was flushed off its task's thread: its processor's writes at a"
                    + " flush would miss the commit");
        }
        super.flushCache();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        writeDown();
        super.commit(changelogOffsets);
    }

    /** The task is recycled (active to standby or back): what was not flushed is gone, and so are the live values. */
    @Override
    public void clearCache() {
        live.clear();
        changed.clear();
        beforeFlush = NOTHING;
        super.clearCache();
    }

    @Override
    public void close() {
        live.clear();
        changed.clear();
        beforeFlush = NOTHING;
        super.close();
    }

    /** Writes the changed values to the store below (on the task's thread only: others never write). */
    protected final void writeDown() {
        if (!onTaskThread() || changed.isEmpty()) {
            return;
        }
        Map<L, V> changes = new LinkedHashMap<>();
        for (L where : changed) {
            changes.put(where, live.get(where));
        }
        changed.clear();
        writeBelow(changes);
    }
}
