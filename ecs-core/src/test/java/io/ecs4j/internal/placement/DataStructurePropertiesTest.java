package io.ecs4j.internal.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class DataStructurePropertiesTest {

    @Property(tries = 50)
    void longSortedSet_behavesLikeATreeSet(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LongSortedSet set = new LongSortedSet();
        TreeSet<Long> model = new TreeSet<>();
        int range = 1 + random.nextInt(2000);
        for (int op = 0; op < 3000; op++) {
            long key = random.nextInt(range);
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    set.add(key);
                    model.add(key);
                }
                case 2 -> assertThat(set.remove(key)).isEqualTo(model.remove(key));
                case 3 -> {
                    long k = set.seek(key);
                    for (long expected : model.tailSet(key, true)) {
                        assertThat(k).isEqualTo(expected);
                        k = set.next();
                    }
                    assertThat(k).isEqualTo(LongSortedSet.NONE);
                    assertThat(set.next()).isEqualTo(LongSortedSet.NONE);
                }
                default -> {
                    Long c = model.ceiling(key);
                    assertThat(set.ceiling(key)).isEqualTo(c == null ? LongSortedSet.NONE : c);
                    Long h = model.higher(key);
                    assertThat(set.higher(key)).isEqualTo(h == null ? LongSortedSet.NONE : h);
                }
            }
            assertThat(set.size()).isEqualTo(model.size());
        }
    }

    @Property(tries = 50)
    void intIntMap_behavesLikeAHashMapOfCounts(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        IntIntMap map = new IntIntMap();
        Map<Integer, Integer> model = new HashMap<>();
        int range = 1 + random.nextInt(500);
        for (int op = 0; op < 3000; op++) {
            int key = random.nextInt(range);
            int delta = random.nextInt(5) - 2;
            int expected = model.merge(key, delta, Integer::sum);
            if (expected == 0) {
                model.remove(key);
            }
            assertThat(map.add(key, delta)).isEqualTo(expected);
            int probe = random.nextInt(range);
            assertThat(map.get(probe)).isEqualTo(model.getOrDefault(probe, 0));
            assertThat(map.size()).isEqualTo(model.size());
        }
        Map<Integer, Integer> seen = new HashMap<>();
        map.forEach(seen::put);
        assertThat(seen).isEqualTo(model);
    }
}
