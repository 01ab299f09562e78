package org.instantfeedback.benchmarks.flink;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;

/** Keyed map state of one key, in a map: what {@link AlertBuckets} reads and writes, without a Flink job. */
final class MapStateInMemory<K, V> implements MapState<K, V> {
    final Map<K, V> entries = new HashMap<>();

    @Override
    public V get(K key) {
        return entries.get(key);
    }

    @Override
    public void put(K key, V value) {
        entries.put(key, value);
    }

    @Override
    public void putAll(Map<K, V> map) {
        entries.putAll(map);
    }

    @Override
    public void remove(K key) {
        entries.remove(key);
    }

    @Override
    public boolean contains(K key) {
        return entries.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        return entries.entrySet();
    }

    @Override
    public Iterable<K> keys() {
        return entries.keySet();
    }

    @Override
    public Iterable<V> values() {
        return entries.values();
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
        return entries.entrySet().iterator();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public void clear() {
        entries.clear();
    }
}
