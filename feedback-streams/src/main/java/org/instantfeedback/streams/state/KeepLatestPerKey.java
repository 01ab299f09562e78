package org.instantfeedback.streams.state;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps a store in step with a compacted topic: the latest value per key, a tombstone deletes.
 * Made for stores restored from the topic they read (global and read-only stores), where what is
 * put here must be what a restore from the topic puts.
 */
public final class KeepLatestPerKey<K, V> implements Processor<K, V, Void, Void> {
    private final String storeName;
    private KeyValueStore<K, V> store;

    public KeepLatestPerKey(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<K, V> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
